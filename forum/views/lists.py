"""The home page, the question lists and the tag index: public, cached pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from core.http import url_with_params
from core.pagecache import cached_page
from core.paging import page_number
from forum import freshness
from forum.selectors.follows import follow_button
from forum.selectors.home import home as home_selector
from forum.selectors.lists import (
    SORTS,
    featured_questions,
    list_filters,
    question_page_of_list,
)
from forum.selectors.tags import tag_descriptions, tags_popular
from forum.views.shared import tag_slug
from ladder.selectors.levels import level_list


@require_safe
@cached_page([freshness.LISTS])
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "home": SimpleLazyObject(home_selector),
        "fragment_version": freshness.lists_version(),
    }
    return render(request, "forum/home.html", context)


@require_safe
@cached_page([freshness.LISTS])
def question_list(
    request: HttpRequest, level: str | None = None, tag: str | None = None
) -> HttpResponse:
    filters = list_filters(
        sort=request.GET.get("sort", ""),
        level=level or request.GET.get("level", ""),
        tag=tag_slug(tag or request.GET.get("tag")),
        competency=request.GET.get("competency", ""),
    )
    number, cursor = page_number(request), request.GET.get("after", "")
    page = SimpleLazyObject(
        lambda: question_page_of_list(filters=filters, number=number, cursor=cursor)
    )
    featured = level and not filters.tag
    context = {
        "fragment_version": freshness.lists_version(),
        "page": page,
        "sort": filters.sort,
        "sort_links": [(name, url_with_params(request, sort=name, page=None)) for name in SORTS],
        "level": filters.level,
        "tag": filters.tag,
        "competency": filters.competency,
        "levels": SimpleLazyObject(level_list),
        "featured": SimpleLazyObject(
            lambda: featured_questions(level=filters.level) if featured else []
        ),
        # A tag's or a level's own list (not the filtered list of all questions) has a button.
        "follow": _follow(request, filters) if level or tag else None,
    }
    return render(request, "forum/question_list.html", context)


def _follow(request: HttpRequest, filters):
    target = filters.tag or filters.level
    if target is None or (filters.tag and filters.level):
        return None
    return follow_button(viewer=request.user, target=target)


@require_safe
@cached_page([freshness.LISTS])
def tag_index(request: HttpRequest) -> HttpResponse:
    tags = tags_popular(limit=None)
    descriptions = tag_descriptions(tag.name for tag in tags)
    for tag in tags:
        tag.description = descriptions.get(tag.name, "")
    return render(request, "forum/tags.html", {"tags": tags})
