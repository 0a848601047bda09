"""What people see when a service behind the site fails: a 503 page at once, never a hang, a
traceback or a half-done write.

- The database is down or restarting (django.db OperationalError, InterfaceError): the request
  answers 503 "try again in a moment". Its transaction has rolled back, so nothing was half
  written; the next request opens a new connection (CONN_HEALTH_CHECKS), so the site recovers
  by itself once the database is back.
- The shared cache (Redis) is unreachable: pages keep coming from the database (see
  core.cache.DegradingRedisCache), but every form post (asking, answering, voting, signing up,
  logging in or out…) is refused with a 503 before it does anything. Rate limits, page
  generations and sessions live in Redis: a write that could not count against its limit or
  mark the pages it changes must not happen (fail closed). Reading stays open.

`ServiceUnavailableMiddleware` sits near the top of MIDDLEWARE. A failure inside a view reaches
its `process_exception`; one inside another middleware (a session saved on the way out) has
already become a 500 by the time it comes back up, so `got_request_exception` notes the cause on
the request and the middleware swaps that 500 for the 503.
"""

import logging
import sys

from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from core.cache import CacheUnavailable

logger = logging.getLogger(__name__)

OUTAGES = (OperationalError, InterfaceError, CacheUnavailable)
RETRY_AFTER_SECONDS = 30
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
_CAUSE = "_rungs_outage"


def outage_in(error: BaseException | None) -> BaseException | None:
    """The database or cache failure behind `error` (itself, or what it was raised from)."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OUTAGES):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def describe(error: BaseException) -> str:
    service = "cache" if isinstance(error, CacheUnavailable) else "database"
    first_line = (str(error).strip().splitlines() or [""])[0][:200]
    return f"{service} unavailable ({type(error).__name__}: {first_line})"


def unavailable(request: HttpRequest, *, service: str = "database") -> HttpResponse:
    """The 503 page. Rendered without the request: the context processors would ask the very
    service that is down (who is signed in, their unread count)."""
    writing = request.method not in SAFE_METHODS
    body = render_to_string("503.html", {"writing": writing, "service": service})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # our own one line says why; django.request need not add one
    return response


def _shared_cache_reachable() -> bool:
    probe = getattr(cache, "reachable", None)  # only the Redis cache can be unreachable
    return probe() if probe is not None else True


class ServiceUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS and not _shared_cache_reachable():
            logger.warning("503 for %s %s: cache unreachable", request.method, request.path)
            return unavailable(request, service="cache")
        response = self.get_response(request)
        cause = getattr(request, _CAUSE, None)
        if cause is not None and response.status_code == 500:
            return unavailable(request, service=_service(cause))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        cause = outage_in(exception)
        if cause is None:
            return None
        logger.warning("503 for %s %s: %s", request.method, request.path, describe(cause))
        return unavailable(request, service=_service(cause))


def _service(error: BaseException) -> str:
    return "cache" if isinstance(error, CacheUnavailable) else "database"


@receiver(got_request_exception, dispatch_uid="rungs-outage-cause")
def _note_outage(sender, request=None, **kwargs) -> None:
    """An exception outside the view became a 500: remember whether an outage caused it."""
    cause = outage_in(sys.exc_info()[1])
    if request is not None and cause is not None:
        setattr(request, _CAUSE, cause)


class OutageLogFilter(logging.Filter):
    """Django logs every 500 with its traceback; an outage that becomes a 503 needs one line,
    not a traceback per request while the database restarts."""

    def filter(self, record: logging.LogRecord) -> bool:
        cause = outage_in(record.exc_info[1]) if record.exc_info else None
        if cause is not None:
            record.msg = f"{record.getMessage()} (answered 503: {describe(cause)})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
