"""Plan actions become rows of their own (ticked off, re-dated and edited one by one), goals
say why they matter and who can help, and turned-off share links are remembered (410, not 404).

Each line of a goal's old one-per-line `actions` box becomes a PlanAction, due on the goal's
date; a goal marked done has its actions done too. Then the box goes."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.db.models import Q


def _lines(text: str) -> list[str]:
    return [line.strip(" -•*\t") for line in text.splitlines() if line.strip(" -•*\t")]


def _pieces(words: str, size: int = 300) -> list[str]:
    """`words` in pieces of at most `size` characters, cut between words (a single word longer
    than that is cut inside it): every character is kept."""
    pieces, current = [], ""
    for word in words.split():
        while len(word) > size:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:size])
            word = word[size:]
        if current and len(current) + 1 + len(word) > size:
            pieces.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    if current:
        pieces.append(current)
    return pieces


def action_rows(*, text: str, due, done_at) -> list[dict]:
    """The PlanAction fields for each line of an old one-per-line box, all of them, each on
    one line; a line over 300 characters becomes several actions, cut between words, so
    nothing is lost. A goal marked done has them all done."""
    rows = []
    for line in _lines(text.replace("\x00", "")):
        for words in _pieces(" ".join(line.split())):
            rows.append({"text": words, "due": due, "done_at": done_at, "order": len(rows)})
    return rows


def actions_to_rows(apps, schema_editor):
    Goal = apps.get_model("growth", "Goal")
    PlanAction = apps.get_model("growth", "PlanAction")
    rows = []
    for goal in Goal.objects.select_related("plan").iterator():
        done_at = goal.plan.updated_at if goal.done else None
        for fields in action_rows(text=goal.actions_text, due=goal.target_date, done_at=done_at):
            rows.append(PlanAction(goal=goal, created_at=goal.plan.created_at, **fields))
    PlanAction.objects.bulk_create(rows, batch_size=500)


def rows_to_actions(apps, schema_editor):
    Goal = apps.get_model("growth", "Goal")
    for goal in Goal.objects.prefetch_related("actions"):
        goal.actions_text = "\n".join(a.text for a in goal.actions.all())
        goal.save(update_fields=["actions_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("growth", "0002_assessment_steps"),
    ]

    operations = [
        migrations.RenameField(model_name="goal", old_name="actions", new_name="actions_text"),
        migrations.AddField(
            model_name="goal",
            name="why",
            field=models.TextField(
                blank=True,
                help_text="What the ladder says.",
                max_length=2000,
                verbose_name="why it matters",
            ),
        ),
        migrations.AddField(
            model_name="goal",
            name="support",
            field=models.TextField(
                blank=True,
                help_text="One person or place per line.",
                max_length=2000,
                verbose_name="who can help",
            ),
        ),
        migrations.CreateModel(
            name="PlanAction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.CharField(max_length=300, verbose_name="action")),
                ("due", models.DateField(blank=True, null=True, verbose_name="due")),
                ("done_at", models.DateTimeField(blank=True, null=True)),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "goal",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="actions",
                        to="growth.goal",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "id"],
                "indexes": [models.Index("goal", "order", name="growth_action_goal_order")],
                "constraints": [
                    models.CheckConstraint(
                        condition=~Q(text=""), name="growth_action_has_text"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="RevokedShareLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=64, unique=True)),
                ("shared_at", models.DateTimeField(blank=True, null=True)),
                ("revoked_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revoked_links",
                        to="growth.plan",
                    ),
                ),
            ],
            options={"ordering": ["-revoked_at", "-id"]},
        ),
        migrations.RunPython(actions_to_rows, rows_to_actions),
        migrations.RemoveField(model_name="goal", name="actions_text"),
    ]
