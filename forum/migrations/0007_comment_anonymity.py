"""Comments follow the thread's anonymity (forum.identity.speaks_anonymously): a comment by
someone who had already answered anonymously in the same thread becomes anonymous too, and
the notification it set off no longer names them. No schema change: `Comment.is_anonymous`
exists; this brings comments written under the earlier rule (which looked only at the post
commented on and at the question) in line."""

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery

BATCH = 2000


def anonymise(apps, schema_editor):
    Answer = apps.get_model("forum", "Answer")
    Comment = apps.get_model("forum", "Comment")
    Notification = apps.get_model("forum", "Notification")
    ids = []
    for thread in ("question", "answer__question"):
        earlier_anonymous_answer = Answer.objects.filter(
            question=OuterRef(thread),
            author=OuterRef("author"),
            is_anonymous=True,
            created_at__lte=OuterRef("created_at"),
        )
        ids += (
            Comment.objects.filter(is_anonymous=False, **{f"{thread}__isnull": False})
            .filter(Exists(earlier_anonymous_answer))
            .values_list("pk", flat=True)
        )
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        Comment.objects.filter(pk__in=batch).update(is_anonymous=True)
        band = Comment.objects.filter(pk=OuterRef("comment")).values("author_band")
        Notification.objects.filter(comment__in=batch, kind="comment").update(
            actor=None, actor_band=Subquery(band)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0006_scale"),
    ]

    operations = [
        migrations.RunPython(anonymise, migrations.RunPython.noop, elidable=True),
    ]
