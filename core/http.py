"""Request parsing and small response helpers every app's views share."""

import hashlib
import re
from functools import wraps
from urllib.parse import urlparse

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

from core.ratelimit import client_address


def login_required(view):
    """Like Django's, but an htmx request gets a full-page redirect instead of a swapped-in form."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        next_url = request.get_full_path()
        if request.method != "GET":  # come back to the page the form was on
            referer = urlparse(request.headers.get("referer", ""))
            if referer.netloc == request.get_host():
                next_url = referer.path
        response = redirect_to_login(next_url)
        if request.htmx:
            return HttpResponseClientRedirect(response.url)
        return response

    return wrapper


def visitor_key(request: HttpRequest) -> str:
    """Who is looking, for counting views: the account, or a hash of address and browser."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    raw = f"{client_address(request)}|{request.headers.get('user-agent', '')}"
    return "a" + hashlib.sha256(raw.encode()).hexdigest()[:24]


def form_data(request: HttpRequest):
    """What to bind a form to: the POST data on a POST (even an empty one), else nothing."""
    return request.POST if request.method == "POST" else None


def form_status(form) -> int:
    """400 for a submitted form with errors, so that a refused submission is not a success."""
    return 400 if form.is_bound and form.errors else 200


def safe_next(request: HttpRequest, fallback: str, *, within: str = "/") -> str:
    """The `next` the form (or the address) carries, if it is a page of this site under
    `within`; else `fallback`. Never an address elsewhere (an open redirect)."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    here = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if here and wanted.startswith(within) else fallback


def url_with_params(request: HttpRequest, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return f"{request.path}?{params.urlencode()}" if params else request.path


# Up to 18 ASCII digits: every such number fits a 64-bit id column. `str.isdigit()` is not
# enough (it accepts "²", which `int()` refuses) and `int()` alone is too much (it accepts "٣",
# "-1", " 7 " and "1_000").
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def whole_number(raw: str) -> int | None:
    """A positive whole number as typed in a form or an address; None for anything else."""
    return int(raw) if _WHOLE_NUMBER.fullmatch(raw) else None


class RejectNulMiddleware:
    """No address or query parameter of ours may contain a NUL character: nothing is named that
    way, and PostgreSQL refuses one in a query (a 500 for whichever view passed it on). A path
    with one names no page (404), a query string with one is a bad request (400). Form fields
    refuse them themselves (Django's CharField does, with a message)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise Http404("No page has that address.")
        if any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            return HttpResponseBadRequest("The address contains a NUL character.")
        return self.get_response(request)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value
