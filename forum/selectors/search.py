"""Search results (the index itself is forum/search/)."""

from collections.abc import Sequence

from django.db.models import Exists, OuterRef, QuerySet

from forum.models import Answer, Question
from forum.search.matching import matching_ids
from forum.search.similar import similar_ids
from forum.selectors.lists import question_list, with_list_data
from ladder.models import Level

# The answers filter of the search page: value → label.
ANSWER_FILTERS = {
    "answered": "Answered",
    "accepted": "With an accepted answer",
    "unanswered": "Unanswered",
}


def has_accepted_answer() -> Exists:
    """Whether a question has a visible accepted answer (the partial unique index on
    (question) WHERE is_accepted answers it)."""
    return Exists(Answer.objects.visible().filter(question=OuterRef("pk"), is_accepted=True))


def _answered(questions: QuerySet[Question], answers: str) -> QuerySet[Question]:
    if answers == "answered":
        return questions.filter(answer_count__gt=0)
    if answers == "unanswered":
        return questions.filter(answer_count=0)
    if answers == "accepted":
        return questions.filter(has_accepted_answer())
    return questions


def question_search(
    *, query: str, level: Level | None = None, tag: str | None = None, answers: str = ""
) -> list[int]:
    """Ids of visible questions matching `query` (and the filters), best match first."""
    ranked = matching_ids(query)
    if not ranked:
        return []
    questions = _answered(question_list(level=level, tag=tag), answers).filter(pk__in=ranked)
    allowed = set(questions.values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed]


def question_rows(*, ids: Sequence[int]) -> dict[int, Question]:
    """The visible ones among these questions, with what a row in a list shows."""
    return {q.pk: q for q in with_list_data(Question.objects.visible().filter(pk__in=ids))}


def similar_questions(*, title: str) -> list[Question]:
    """Visible questions like one titled `title`, most alike first, each with its level,
    answer count and `has_accepted`; nothing about who asked them."""
    ids = similar_ids(title)
    if not ids:
        return []
    found = {
        q.pk: q
        for q in Question.objects.visible()
        .filter(pk__in=ids)
        .select_related("level")
        .only("pk", "slug", "title", "answer_count", "closed_at", "level__name", "level__slug")
        .annotate(has_accepted=has_accepted_answer())
    }
    return [found[pk] for pk in ids if pk in found]
