"""`make bench-scale`: production settings, served over plain HTTP on the loopback interface.

Everything else is production's, so the load test measures what production would run. The only
differences are listed below, each for a reason that holds on a benchmark machine alone.
"""

import os

from .production import *  # noqa: F403
from .production import RUNGS_RATE_LIMITS, STATIC_ROOT

# The site as it is, plus a view that does nothing (/_bench/bare/) to compare every page with.
ROOT_URLCONF = "config.urls_bench"

# wrk and the bench's client talk plain HTTP to 127.0.0.1: no redirect to HTTPS, and cookies
# that travel without TLS (a secure cookie would never come back over HTTP).
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The write benchmark posts dozens of questions, answers, comments and votes from one account
# and one address within a minute or two. Production's limits would answer most of them with
# 429 instead of doing the work, so here (and only here) every limit is raised far out of reach.
RUNGS_RATE_LIMITS = dict.fromkeys(RUNGS_RATE_LIMITS, "1000000/h")

# Mail stays in the sending process's memory: nothing leaves the machine.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# bench/scale.py collects the static files into a throwaway folder and names it here.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT") or STATIC_ROOT
