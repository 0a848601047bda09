"""Which responses may be shared: served from our page cache or stored by a shared HTTP cache.

A response is public only when nothing in it belongs to one visitor: an anonymous GET that
carried no session cookie, on a view marked public, that set no cookie (so no CSRF token and
no flash message went into the page) and used no CSP nonce. Everything else is private.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_MARK = "_rungs_public"


def may_share(request: HttpRequest) -> bool:
    """Could this request's answer be the one every anonymous reader gets?"""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "htmx", False)
    )


def mark(request: HttpRequest, *, store_as: str | None) -> None:
    """The view serving this request is public; `store_as` is the page-cache key to fill."""
    setattr(request, _MARK, store_as or "")


def is_marked(request: HttpRequest) -> bool:
    return hasattr(request, _MARK)


def store_key(request: HttpRequest) -> str:
    return getattr(request, _MARK, "")


def is_public(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        is_marked(request)
        and may_share(request)
        and response.status_code == 200
        and not response.cookies
        and not getattr(request, "_csp_nonce", None)
        and user is not None
        and not user.is_authenticated
    )
