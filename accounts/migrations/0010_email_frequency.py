"""How often a person hears by e-mail: `email_notifications` (yes/no) becomes `email_frequency`
(immediate, daily or weekly digest, none). Yes becomes "immediate", no becomes "none"; the
digest's last sending time starts empty."""

from django.db import migrations, models


def yes_no_to_frequency(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(email_notifications=False).update(email_frequency="none")


def frequency_to_yes_no(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(email_frequency="none").update(email_notifications=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_user_welcomed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_frequency",
            field=models.CharField(
                choices=[
                    ("immediate", "At once, one e-mail each"),
                    ("daily", "A daily digest"),
                    ("weekly", "A weekly digest"),
                    ("none", "Never: I will look on the site"),
                ],
                default="immediate",
                help_text="Answers, comments, accepted answers, moderators' decisions about your "
                "posts and flags, new answers on questions you follow.",
                max_length=10,
                verbose_name="e-mail me about my notifications",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="digest_sent_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the last digest went out: the next one covers what came after.",
                null=True,
            ),
        ),
        migrations.RunPython(yes_no_to_frequency, frequency_to_yes_no),
        migrations.RemoveField(model_name="user", name="email_notifications"),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(("email_frequency__in", ["immediate", "daily", "weekly", "none"])),
                name="accounts_user_email_frequency_valid",
            ),
        ),
    ]
