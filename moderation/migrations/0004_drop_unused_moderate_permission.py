"""Drop the moderation.moderate_forum permission: nothing ever checked it. A moderator is a
member of the Moderators group (mirrored on User.is_moderator), and only that."""

from django.db import migrations


def drop_permission(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="moderation", codename="moderate_forum"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_data_rules"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="flag",
            options={"ordering": ["created_at", "id"]},
        ),
        # The group keeps its read access to flags, suspensions and the audit log.
        migrations.RunPython(drop_permission, migrations.RunPython.noop),
    ]
