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

from core import public

_GENERATION = "gen:"
_PAGE = "page:"


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


def page_key(request: HttpRequest, names: Iterable[str]) -> str:
    raw = "|".join([request.get_full_path(), *map(str, generations(names))])
    return _PAGE + hashlib.sha256(raw.encode()).hexdigest()


def cached_page(names: Callable[..., Iterable[str]] | Iterable[str]):
    """Serve the page from the cache for anonymous readers; `names` are the generations it
    depends on, or a function of the view's arguments that returns them.

    On a miss the view runs as usual; the response is stored by
    core.middleware.PublicPageMiddleware once it knows the response is fit to share.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not public.may_share(request):
                return view(request, *args, **kwargs)
            if not settings.RUNGS_PAGE_CACHE:
                public.mark(request, store_as=None)
                return view(request, *args, **kwargs)
            wanted = names(*args, **kwargs) if callable(names) else names
            key = page_key(request, wanted)
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                response = HttpResponse(content, content_type=content_type)
                public.mark(request, store_as=None)
                return response
            public.mark(request, store_as=key)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def store(key: str, response: HttpResponse) -> None:
    cache.set(
        key,
        (response.content, response["Content-Type"]),
        timeout=settings.RUNGS_PAGE_CACHE_SECONDS,
    )
