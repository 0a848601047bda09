from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.pagecache import cached_page
from ladder.freshness import LADDER
from ladder.models import Level, Track
from ladder.selectors import levels as selectors
from ladder.selectors.compare import level_compare
from ladder.selectors.sources import ladder_export, own_guidance, source_list
from ladder.slots import LEVEL_SIDE


class _NotFound(Exception):
    """An unknown slug in a ladder URL; rendered as a 404 that lists what does exist."""

    def __init__(self, what: str, value: str):
        super().__init__(f"There is no {what} called “{value}”.")
        self.what = what


def _not_found(request: HttpRequest, error: _NotFound) -> HttpResponse:
    context = {"message": str(error), "overview": selectors.ladder_overview()}
    return render(request, "ladder/not_found.html", context, status=404)


def _level(levels: list[Level], slug: str) -> Level:
    for level in levels:
        if level.slug == slug:
            return level
    raise _NotFound("level", slug)


def _track(request: HttpRequest, tracks: list[Track]) -> Track | None:
    slug = request.GET.get("track", "")
    if not slug:
        return None
    for track in tracks:
        if track.slug == slug:
            return track
    raise _NotFound("track", slug)


def _ladder_view(view):
    """Turn an unknown level or track slug into the helpful 404 page."""

    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _NotFound as error:
            return _not_found(request, error)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return require_safe(wrapper)


@_ladder_view
@cached_page([LADDER])
def index(request: HttpRequest) -> HttpResponse:
    tracks = selectors.track_list()
    track = _track(request, tracks)
    context = {
        "track": track,
        "tracks": tracks,
        "matrix": selectors.ladder_matrix(track=track),
        "version": selectors.ladder_version(),
    }
    return render(request, "ladder/index.html", context)


@_ladder_view
@cached_page(lambda level: [LADDER, *LEVEL_SIDE.generations])  # and what the side shows
def level(request: HttpRequest, level: str) -> HttpResponse:
    """One level in full; the side column comes from the apps above (ladder.slots)."""
    tracks, levels = selectors.track_list(), selectors.level_list()
    track = _track(request, tracks)
    level_obj = _level(levels, level)
    context = {
        "track": track,
        "tracks": tracks,
        "detail": selectors.level_detail(level=level_obj, levels=levels, track=track),
        "version": selectors.ladder_version(),
        "side": LEVEL_SIDE.fill(request, level_obj),
    }
    return render(request, "ladder/level.html", context)


@_ladder_view
def compare_pick(request: HttpRequest) -> HttpResponse:
    """The compare form's plain GET target (works without JavaScript): redirect to the pair."""
    levels = selectors.level_list()
    low = _level(levels, request.GET.get("from", "mid"))
    high = _level(levels, request.GET.get("to", "senior"))
    url = reverse("ladder:compare", kwargs={"lower": low.slug, "higher": high.slug})
    track = _track(request, selectors.track_list())
    return redirect(f"{url}?{urlencode({'track': track.slug})}" if track else url)


@_ladder_view
@cached_page([LADDER])
def compare(request: HttpRequest, lower: str, higher: str) -> HttpResponse:
    tracks, levels = selectors.track_list(), selectors.level_list()
    track = _track(request, tracks)
    low, high = _level(levels, lower), _level(levels, higher)
    if low.pk == high.pk:
        return redirect(low)
    if low.order > high.order:  # one canonical URL per pair: lower level first
        url = reverse("ladder:compare", kwargs={"lower": high.slug, "higher": low.slug})
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    context = {
        "track": track,
        "tracks": tracks,
        "levels": levels,
        "comparison": level_compare(lower=low, higher=high, track=track),
        "version": selectors.ladder_version(),
    }
    return render(request, "ladder/compare.html", context)


@require_safe
@cached_page([LADDER])
def sources(request: HttpRequest) -> HttpResponse:
    context = {
        "sources": source_list(),
        "own_guidance": own_guidance(),
        "version": selectors.ladder_version(),
    }
    return render(request, "ladder/sources.html", context)


@require_safe
@cached_page([LADDER])
def export_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(ladder_export(), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'inline; filename="rungs-ladder.json"'
    return response
