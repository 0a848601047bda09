"""Full-text search over the questions."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from core.pagecache import cached_page
from core.paging import Page, list_page, page_number
from forum import freshness
from forum.forms import SearchForm
from forum.fragments import search_rows
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
        level, tag = form.cleaned_data["level"], tag_slug(form.cleaned_data["tag"])
        number = page_number(request)
        context |= {
            "query": query,
            "results": SimpleLazyObject(
                lambda: search_results(query=query, level=level, tag=tag, number=number)
            ),
        }
    return render(request, "forum/search.html", context)


@dataclass(frozen=True)
class SearchResults:
    page: Page
    rows: list[SafeString]
    total: int


def search_results(*, query: str, level: Level | None, tag: str | None, number: int):
    """Page `number` of the results, with the total found."""
    ids = question_search(query=query, level=level, tag=tag)
    page = list_page(ids, number=number, per_page=PAGE_SIZE)
    return SearchResults(page=page, rows=search_rows(query=query, ids=page.items), total=len(ids))
