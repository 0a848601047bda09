"""Search results (the index itself is forum/search.py)."""

from collections.abc import Sequence

from forum.models import Question
from forum.search.matching import matching_ids
from forum.selectors.lists import question_list, with_list_data
from ladder.models import Level


def question_search(*, query: str, level: Level | None = None, tag: str | None = None) -> list[int]:
    """Ids of visible questions matching `query` (and the filters), best match first."""
    ranked = matching_ids(query)
    if not ranked:
        return []
    allowed = set(
        question_list(level=level, tag=tag).filter(pk__in=ranked).values_list("pk", flat=True)
    )
    return [pk for pk in ranked if pk in allowed]


def question_rows(*, ids: Sequence[int]) -> dict[int, Question]:
    """The visible ones among these questions, with what a row in a list shows."""
    return {q.pk: q for q in with_list_data(Question.objects.visible().filter(pk__in=ids))}
