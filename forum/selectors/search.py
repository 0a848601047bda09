"""Search results (the index itself is forum/search.py)."""

from dataclasses import dataclass

from core.paging import Page, list_page
from forum.models import Question
from forum.search.matching import matching_ids, snippets
from forum.search.query import Segment
from forum.selectors.lists import PAGE_SIZE, question_list, with_list_data
from ladder.models import Level


@dataclass(frozen=True)
class SearchHit:
    question: Question
    snippet: list[Segment]


def question_search(*, query: str, level: Level | None = None, tag: str | None = None) -> list[int]:
    """Ids of visible questions matching `query` (and the filters), best match first."""
    ranked = matching_ids(query)
    if not ranked:
        return []
    allowed = set(
        question_list(level=level, tag=tag).filter(pk__in=ranked).values_list("pk", flat=True)
    )
    return [pk for pk in ranked if pk in allowed]


def search_hits(*, query: str, ids: list[int]) -> list[SearchHit]:
    """The questions of one results page, in rank order, with highlighted extracts."""
    questions = {q.pk: q for q in with_list_data(Question.objects.filter(pk__in=ids))}
    extracts = snippets(query, ids)
    return [SearchHit(questions[pk], extracts.get(pk, [])) for pk in ids if pk in questions]


@dataclass(frozen=True)
class SearchResults:
    page: Page
    hits: list[SearchHit]
    total: int


def search_results(*, query: str, level: Level | None, tag: str | None, number: int):
    """Page `number` of the results, with the total found."""
    ids = question_search(query=query, level=level, tag=tag)
    page = list_page(ids, number=number, per_page=PAGE_SIZE)
    hits = search_hits(query=query, ids=page.items)
    return SearchResults(page=page, hits=hits, total=len(ids))
