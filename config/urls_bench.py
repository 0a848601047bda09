"""URLs for config.settings.bench: the whole site, plus a bare view to measure pages against."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from config import urls as site_urls


@require_GET
def bare(request: HttpRequest) -> HttpResponse:
    """The floor: one request through the full middleware stack, and no work of its own."""
    return HttpResponse("ok")


urlpatterns = [
    path("_bench/bare/", bare, name="bench_bare"),
    path("", include(site_urls)),
]

# Error pages as the site defines them, if it does.
handler400 = getattr(site_urls, "handler400", "django.views.defaults.bad_request")
handler403 = getattr(site_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(site_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(site_urls, "handler500", "django.views.defaults.server_error")
