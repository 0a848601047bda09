"""Posts written before revisions existed get their revision 1: the text as it stands."""

from django.db import migrations


def backfill(apps, schema_editor):
    Question = apps.get_model("forum", "Question")
    Answer = apps.get_model("forum", "Answer")
    Revision = apps.get_model("forum", "Revision")
    TaggedQuestion = apps.get_model("forum", "TaggedQuestion")
    for question in Question.objects.filter(revisions__isnull=True):
        tags = sorted(
            TaggedQuestion.objects.filter(content_object=question).values_list("tag__name", flat=True)
        )
        Revision.objects.create(
            question=question,
            number=1,
            title=question.title,
            body=question.body,
            tags=tags,
            level_id=question.level_id,
            editor_id=question.author_id,
            created_at=question.created_at,
        )
    for answer in Answer.objects.filter(revisions__isnull=True):
        Revision.objects.create(
            answer=answer,
            number=1,
            body=answer.body,
            editor_id=answer.author_id,
            created_at=answer.created_at,
        )


class Migration(migrations.Migration):
    dependencies = [("forum", "0003_moderation_fields")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
