"""System checks for settings that work but quietly do the wrong thing (`manage.py check`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def trusted_proxies_behind_tls_proxy(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Behind a TLS-terminating proxy, REMOTE_ADDR is the proxy's address for every visitor:
    with RUNGS_TRUSTED_PROXIES at 0, every signed-out visitor shares one rate-limit allowance,
    and so do sign-ups and log-ins (allauth reads the same count)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.RUNGS_TRUSTED_PROXIES:
        return [
            checks.Warning(
                "SECURE_PROXY_SSL_HEADER is set, so the site sits behind a proxy, but "
                "RUNGS_TRUSTED_PROXIES is 0: every visitor appears to come from the proxy's "
                "address and shares one per-address rate limit.",
                hint="Set RUNGS_TRUSTED_PROXIES to the number of your proxies that append to "
                "X-Forwarded-For (usually 1).",
                id="rungs.W001",
            )
        ]
    return []
