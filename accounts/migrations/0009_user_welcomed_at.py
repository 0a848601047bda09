from django.db import migrations, models
from django.db.models import F


def members_so_far_were_welcomed(apps, schema_editor):
    """Only people who join from now on see the welcome step: the others already found their
    way around (their profile page is where they change the same things)."""
    User = apps.get_model("accounts", "User")
    User.objects.filter(welcomed_at__isnull=True).update(welcomed_at=F("date_joined"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_user_answer_sort"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="welcomed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(members_so_far_were_welcomed, migrations.RunPython.noop),
    ]
