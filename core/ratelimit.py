"""Cache-backed rate limits, set in settings.RUNGS_RATE_LIMITS.

Who is counted: a signed-in person by their account only, whatever address they write from, so
that people sharing an address (an office, a VPN, a proxy we do not know about) never use up
each other's allowance; a signed-out visitor by their address (see `client_address`). Sign-up,
log-in and password resets are allauth's and limited by address there, through the same
RUNGS_TRUSTED_PROXIES (settings: ALLAUTH_TRUSTED_PROXY_COUNT).

What is counted: only actions that went through. Every write view wraps its service call in
`with ratelimit.limit(request, "answer"):`; the block takes one unit of the allowance when it
starts (refused with RateLimited if none is left) and gives it back if the block raises, so a
refused permission, a form or service error or an edit conflict costs nothing. Taking before
and giving back after keeps the count exact under concurrent requests.

A fixed window per period: simple, cheap and good enough to stop a flood. Over the limit the
middleware turns RateLimited into a 429 page that says when to try again. The counts live in
django.core.cache.cache; when that cache cannot count (Redis down), its error propagates and the
write fails closed rather than going through unlimited.
"""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(Exception):
    def __init__(self, action: str, retry_after: int):
        super().__init__(f"Too many {action} actions; try again in {retry_after} seconds.")
        self.action = action
        self.retry_after = retry_after


def parse(limit: str) -> tuple[int, int]:
    """ "5/h" → (5, 3600)."""
    count, period = limit.split("/")
    return int(count), _SECONDS[period]


def client_address(request: HttpRequest) -> str:
    """The visitor's address. Behind N trusted proxies (RUNGS_TRUSTED_PROXIES = N), REMOTE_ADDR
    is the nearest proxy; the client is then the Nth address from the right of
    X-Forwarded-For, the part our own proxies wrote and a client cannot forge."""
    trusted = settings.RUNGS_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trusted and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= trusted:
            return hops[-trusted]
    return request.META.get("REMOTE_ADDR", "unknown")


def scope(request: HttpRequest) -> str:
    """Whose allowance an action draws on: the account, or for a signed-out visitor the
    address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_address(request)}"


@contextmanager
def limit(request: HttpRequest, action: str) -> Iterator[None]:
    """Run the block as one `action` of this person (or address), if their allowance has room;
    raise RateLimited if not. The action counts only if the block finishes without raising."""
    setting = settings.RUNGS_RATE_LIMITS.get(action)
    if not setting:
        yield
        return
    allowed, period = parse(setting)
    now = int(time.time())
    window = now // period
    key = f"rl:{action}:{scope(request)}:{window}"
    if _take(key, timeout=period + 5) > allowed:
        _give_back(key)
        raise RateLimited(action, retry_after=(window + 1) * period - now)
    try:
        yield
    except BaseException:
        _give_back(key)
        raise


def _take(key: str, *, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def _give_back(key: str) -> None:
    try:
        cache.decr(key)
    except ValueError:  # the window ended meanwhile: nothing left to give back
        pass
    except Exception:  # the cache went away: keep the error that brought us here
        logger.warning("Could not give back rate-limit unit %s", key, exc_info=True)


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, RateLimited):
            return None
        minutes = max(1, round(exception.retry_after / 60))
        body = render_to_string(
            "429.html",
            {"retry_after": exception.retry_after, "minutes": minutes, "action": exception.action},
            request=request,
        )
        response = HttpResponse(body, status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response
