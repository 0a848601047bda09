"""Request parsing and small response helpers every app's views share."""

import hashlib
from functools import wraps
from urllib.parse import urlparse

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
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


def url_with_params(request: HttpRequest, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return f"{request.path}?{params.urlencode()}" if params else request.path
