"""Whole pages for anonymous readers, kept in the shared cache and rebuilt when they change.

A cached page's key names the current *generation* of everything the page shows ("lists",
"ladder", "question:42"). A write bumps the generations it touches, so the next request on
any app server misses and builds the page afresh; old entries are never read again and age
out. Nothing here decides who is anonymous or what may be cached: `public.is_public` does.

Generations live in the default cache (Redis in production), never expire, and start at a
random value, so a generation evicted and recreated never matches a page built before.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

from core import public
from core.memo import Recently

_GENERATION = "gen:"
_PAGE = "page:"
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")

# A stored page: its bytes, the same gzipped (compressed once, when stored), its content type.
Stored = tuple[bytes, bytes, str]


# The pages this process served last, in front of the shared cache. Safe per process because
# a key names the generations the page was built from; entries still expire with the shared
# ones, which bounds what no generation tracks (names, "5 minutes ago").
recent: Recently[Stored] = Recently(
    32 * 1024 * 1024, weight=lambda page: len(page[0]) + len(page[1])
)


def _fresh() -> int:
    return secrets.randbits(48)


def generations(names: Iterable[str]) -> list[int]:
    """The current generation of each name, creating missing ones (one round trip when all
    exist)."""
    names = list(names)
    keys = [_GENERATION + name for name in names]
    found = cache.get_many(keys)
    missing = {key: _fresh() for key in keys if key not in found}
    for key, value in missing.items():
        if not cache.add(key, value, timeout=None):  # another process created it first
            value = cache.get(key, value)
        found[key] = value
    return [found[key] for key in keys]


def _bump_now(names: Iterable[str]) -> None:
    for name in names:
        key = _GENERATION + name
        try:
            cache.incr(key)
        except ValueError:  # never read yet, or evicted: any fresh value will do
            cache.set(key, _fresh(), timeout=None)


def bump(*names: str) -> None:
    """Mark what a write changed. Bumped at once, so this request's next read (and tests,
    which never commit) see the change; and again on commit, so a page built from the
    snapshot before the commit never outlives it."""
    _bump_now(names)
    transaction.on_commit(lambda: _bump_now(names), robust=True)


_DATA = "data:"
_MISSING = "missing"  # stored for "nothing there", so that a miss is cached too


def remember[T](parts: tuple, build: Callable[[], T]) -> T:
    """`build()`, kept in the shared cache under `parts`, which must include the generations
    the result depends on (so a write makes it unreachable, as with pages)."""
    key = _DATA + hashlib.sha256(repr(parts).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, _MISSING if found is None else found, settings.RUNGS_PAGE_CACHE_SECONDS)
    return None if isinstance(found, str) and found == _MISSING else found


def page_key(request: HttpRequest, names: Iterable[str], extra: tuple = ()) -> str:
    raw = "|".join([request.get_full_path(), *map(str, generations(names)), repr(extra)])
    return _PAGE + hashlib.sha256(raw.encode()).hexdigest()


def person(user_id: int) -> str:
    """The generation of what a signed-in person's own pages show about them (their name, the
    unread badge): bumped by whoever changes it."""
    return f"person:{user_id}"


def cached_page(names: Callable[..., Iterable[str]] | Iterable[str]):
    """Serve the page from the cache; `names` are the generations it depends on, or a function
    of the view's arguments that returns them.

    - Anonymous readers share one copy, stored by core.middleware.PublicPageMiddleware once it
      knows the response is fit to share.
    - A signed-in reader (see public.personal) gets their own copy, keyed on their own
      generation as well; its per-request values are marks (core/marks.py), filled on the way
      out, so the stored copy holds no CSRF token.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            shared = public.may_share(request)
            if not settings.RUNGS_PAGE_CACHE:
                if shared:
                    public.mark(request, store_as=None)
                return view(request, *args, **kwargs)
            wanted = list(names(*args, **kwargs) if callable(names) else names)
            if shared:
                key = page_key(request, wanted)
                stored = _fetch(key)
                public.mark(request, store_as=None if stored else key)
                return _respond(request, stored) if stored else view(request, *args, **kwargs)
            own = public.personal(request)
            if own is None:
                return view(request, *args, **kwargs)
            key = page_key(request, [*wanted, person(request.user.pk)], extra=own)
            stored = cache.get(key)
            if stored is not None:
                return HttpResponse(stored[0], content_type=stored[2])
            response = view(request, *args, **kwargs)
            if public.may_keep(request, response):
                # One reader's copy: never sent compressed (it carries their CSRF token) and
                # not worth a place in this process's memory of shared pages.
                stored = (response.content, b"", response["Content-Type"])
                cache.set(key, stored, timeout=settings.RUNGS_PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorator


def _fetch(key: str) -> Stored | None:
    stored = recent.get(key)
    if stored is None:
        stored = cache.get(key)
        if stored is not None:
            recent.put(key, stored, settings.RUNGS_PAGE_CACHE_SECONDS)
    return stored


def _respond(request: HttpRequest, stored: Stored) -> HttpResponse:
    content, compressed, content_type = stored
    if _ACCEPTS_GZIP.search(request.headers.get("accept-encoding", "")):
        response = HttpResponse(compressed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(content, content_type=content_type)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def store(key: str, response: HttpResponse) -> None:
    """Keep a public response for the next anonymous reader (compressed once, here)."""
    stored = (response.content, compress_string(response.content), response["Content-Type"])
    cache.set(key, stored, timeout=settings.RUNGS_PAGE_CACHE_SECONDS)
    recent.put(key, stored, settings.RUNGS_PAGE_CACHE_SECONDS)
