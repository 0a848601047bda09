"""Full-text search over the questions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from core.pagecache import cached_page
from core.paging import page_number
from forum import freshness
from forum.forms import SearchForm
from forum.selectors.search import search_results
from forum.views.lists import lists_version
from forum.views.shared import tag_slug


@require_safe
@cached_page([freshness.LISTS])
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "fragment_version": lists_version()}
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
