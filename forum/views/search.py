"""Full-text search over the questions."""

from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from core.pagecache import cached_page
from core.paging import Page, list_page, page_number
from forum import freshness
from forum.forms import SearchForm
from forum.fragments import search_rows
from forum.search import spelling
from forum.selectors.lists import PAGE_SIZE
from forum.selectors.search import question_search
from forum.views.shared import tag_slug
from ladder.models import Level


@require_safe
@cached_page([freshness.LISTS])
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "fragment_version": freshness.lists_version()}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        filters = {
            "level": form.cleaned_data["level"],
            "tag": tag_slug(form.cleaned_data["tag"]),
            "answers": form.cleaned_data["answers"],
        }
        number = page_number(request)
        params = request.GET.copy()
        context |= {
            "query": query,
            "results": SimpleLazyObject(
                lambda: _linked(search_results(query=query, number=number, **filters), params)
            ),
        }
    return render(request, "forum/search.html", context)


@dataclass(frozen=True)
class SearchResults:
    page: Page
    rows: list[SafeString]
    total: int
    suggestion: str | None = None  # "Did you mean": the query respelt, when it finds more
    suggestion_url: str = ""


def _linked(results: SearchResults, params: QueryDict) -> SearchResults:
    """The results, with the link to the respelt search (same filters, first page)."""
    if not results.suggestion:
        return results
    params = params.copy()
    params["q"] = results.suggestion
    params.pop("page", None)
    return replace(results, suggestion_url="?" + params.urlencode())


FEW_RESULTS = 3  # fewer than this, and a respelt query is tried


def search_results(
    *, query: str, level: Level | None, tag: str | None, answers: str = "", number: int
) -> SearchResults:
    """Page `number` of the results, with the total found, and a respelt query when this one
    finds little and the respelt one finds more."""
    ids = question_search(query=query, level=level, tag=tag, answers=answers)
    page = list_page(ids, number=number, per_page=PAGE_SIZE)
    rows = search_rows(query=query, ids=page.items)
    suggestion = None
    if len(ids) < FEW_RESULTS:
        respelt = spelling.suggestion(query)
        found = (
            question_search(query=respelt, level=level, tag=tag, answers=answers) if respelt else []
        )
        if len(found) > len(ids):
            suggestion = respelt
    return SearchResults(page=page, rows=rows, total=len(ids), suggestion=suggestion)
