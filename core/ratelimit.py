"""Cache-backed rate limits per person and per address, set in settings.RUNGS_RATE_LIMITS.

A fixed window per period: simple, cheap (two cache operations) and good enough to stop a
flood. Over the limit a view raises RateLimited; the middleware turns that into a 429 page
that says when to try again.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

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


def hit(request: HttpRequest, action: str) -> None:
    """Count one `action` for this person and this address; raise RateLimited if over."""
    limit = settings.RUNGS_RATE_LIMITS.get(action)
    if not limit:
        return
    allowed, period = parse(limit)
    now = int(time.time())
    window = now // period
    retry_after = (window + 1) * period - now
    scopes = [f"ip:{client_address(request)}"]
    if request.user.is_authenticated:
        scopes.append(f"user:{request.user.pk}")
    for scope in scopes:
        key = f"rl:{action}:{scope}:{window}"
        cache.add(key, 0, timeout=period + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 5)
            count = 1
        if count > allowed:
            raise RateLimited(action, retry_after)


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
