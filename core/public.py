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


def personal(request: HttpRequest) -> tuple | None:
    """What a signed-in reader's stored copy of a page depends on beyond its generations, or
    None when their pages are not kept: moderators (queue counts, hidden content, their own
    tools change all the time), htmx fragments, flash messages."""
    user = request.user
    if (
        request.method not in ("GET", "HEAD")
        or not user.is_authenticated
        or user.is_staff
        or user.is_superuser
        or getattr(user, "is_moderator", False)
        or getattr(request, "htmx", False)
        or "messages" in request.COOKIES
    ):
        return None
    # Reputation unlocks privileges (voting down, suggesting and reviewing edits): a copy
    # kept from before a threshold was crossed would offer the wrong buttons.
    reputation = getattr(user, "reputation", 0)
    return ("person", user.pk, bool(getattr(user, "is_suspended", False)), reputation)


def may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    """May this signed-in reader's response be stored for their next visit?"""
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and getattr(response, "is_rendered", True)
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not (messages is not None and messages.used)
        and not getattr(request, "_csp_nonce", None)
        # A real CSRF token in the page would go stale when the session's secret rotates;
        # stored pages carry marks instead (core/marks.py).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )
