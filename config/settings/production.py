"""Production: every secret comes from the environment and nothing insecure is defaulted."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list

from .base import *  # noqa: F403

if not os.environ.get("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("Production needs DJANGO_SECRET_KEY (no default on purpose).")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Production needs DATABASE_URL, e.g. postgres://user:pw@host/db.")
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production needs DJANGO_ALLOWED_HOSTS (comma-separated).")

if not REDIS_URL:  # noqa: F405
    # Every app server must see the same cache; `manage.py createcachetable` makes the table.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "rungs_cache",
        }
    }
# A signed-in person's session is read from the cache on every request, the database only
# when the cache lost it.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Deliberate: joining the browsers' HSTS preload list is a one-way decision for whoever owns the
# domain, so it stays opt-in (DJANGO_SECURE_HSTS_PRELOAD=true) and its check is silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    # Only behind a proxy that sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# RUNGS_TRUSTED_PROXIES (read in base.py from the environment, default 0): how many proxies of
# yours append to X-Forwarded-For in front of gunicorn, usually 1 behind nginx or a load
# balancer. Signed-out visitors, sign-ups and log-ins are rate-limited per address; left at 0
# behind a proxy, every visitor has the proxy's address and they all share one allowance.
# `manage.py check` warns (rungs.W001) when DJANGO_BEHIND_TLS_PROXY is on and this is 0.
