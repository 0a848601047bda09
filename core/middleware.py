"""Response headers that depend on who may see a page."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from core import pagecache, public


class PublicPageMiddleware(GZipMiddleware):
    """Public pages (see core.public) get `Cache-Control: public`, no `Vary: Cookie`, gzip, and
    a place in the page cache; every other response is marked private.

    Only public pages are compressed: they carry no secret (no CSRF token, nothing about the
    visitor), so compression cannot leak one (BREACH). Sits above the session, CSRF and
    message middleware so that it sees the cookies and Vary headers they add.
    """

    def process_response(self, request, response):
        if not public.is_public(request, response):
            # Possibly someone's own page: a shared cache must never keep it.
            patch_cache_control(response, private=True)
            return response
        _drop_vary_cookie(response)
        # Shared caches may keep it a while; browsers check back every time, or a reader who
        # then logs in would still be shown the logged-out page from their own cache.
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.RUNGS_PUBLIC_MAX_AGE
        )
        if key := public.store_key(request):
            pagecache.store(key, response)
        return super().process_response(request, response)


def _drop_vary_cookie(response) -> None:
    """An anonymous reader without a session cookie gets the same page as every other one."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if "Vary" in response:
        del response["Vary"]
    if kept:
        patch_vary_headers(response, kept)
