"""Questions per level and per tag, kept as counters so no page ever counts the whole table.

Every change to which questions are visible, or to a visible question's level or tags, goes
through `question_counted` (services call it); `recount` rebuilds both tables from scratch
and `differences` compares them with a fresh count.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Q

from forum.models import LevelStat, Question, TaggedQuestion, TagStat
from ladder.models import Level


def _step(model, key: str, ids: Iterable[int], step: int) -> None:
    ids = sorted(set(ids))
    if not ids or not step:
        return
    model.objects.bulk_create([model(**{key: pk}) for pk in ids], ignore_conflicts=True)
    model.objects.filter(**{f"{key}__in": ids}).update(questions=F("questions") + step)


def question_counted(*, level_id: int | None = None, tag_ids: Iterable[int] = (), step: int):
    """A visible question joined (step 1) or left (step -1) a level and some tags."""
    if level_id is not None:
        _step(LevelStat, "level_id", [level_id], step)
    _step(TagStat, "tag_id", tag_ids, step)


def fresh_counts() -> tuple[dict[int, int], dict[int, int]]:
    """({level_id: visible questions}, {tag_id: visible questions}), counted now."""
    levels = dict(
        Question.objects.visible().values_list("level_id").annotate(n=Count("id")).order_by()
    )
    tags = dict(
        TaggedQuestion.objects.filter(content_object__is_hidden=False)
        .values_list("tag_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return levels, tags


@transaction.atomic
def recount() -> None:
    """Set both tables from a fresh count (set-based: two grouped queries, two bulk writes)."""
    levels, tags = fresh_counts()
    LevelStat.objects.all().delete()
    TagStat.objects.all().delete()
    LevelStat.objects.bulk_create(
        LevelStat(level_id=pk, questions=levels.get(pk, 0))
        for pk in Level.objects.values_list("pk", flat=True)
    )
    TagStat.objects.bulk_create(
        (TagStat(tag_id=pk, questions=n) for pk, n in tags.items()), batch_size=1000
    )


def differences() -> list[str]:
    """What the stored counters get wrong, in words (empty when they are right)."""
    levels, tags = fresh_counts()
    wrong = []
    for model, key, counted in ((LevelStat, "level_id", levels), (TagStat, "tag_id", tags)):
        stored = dict(model.objects.filter(~Q(questions=0)).values_list(key, "questions"))
        for pk in sorted(set(stored) | set(counted)):
            kept, fresh = stored.get(pk, 0), counted.get(pk, 0)
            if kept != fresh:
                wrong.append(f"{model.__name__} {pk}: stored {kept}, counted {fresh}")
    return wrong


def tag_ids_of(question: Question) -> set[int]:
    """The ids of a question's tags, what `question_counted` counts it under."""
    return set(
        TaggedQuestion.objects.filter(content_object=question).values_list("tag_id", flat=True)
    )
