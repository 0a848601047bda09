"""Settings shared by every environment. Environment-specific modules import * from here.

Values that differ between machines come from environment variables (see README.md).
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"  # local, untracked: the SQLite file, collected static files
VAR_DIR.mkdir(exist_ok=True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-local-only-key-never-use-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")  # for links in e-mails

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.forms",  # so templates/django/forms/ can restyle every form field
    "allauth",
    "allauth.account",
    "taggit",
    "django_htmx",
    "core",  # before django_tasks_db: its `db_worker` command is core's (core/worker.py)
    "django_tasks_db",
    "accounts",
    "ladder",
    "forum",
    "moderation",
    "growth",
    "privacy",
    "seeding",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.faults.ServiceUnavailableMiddleware",  # database or cache down: a 503 page
    "core.http.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.marks.MarkMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.ratelimit.RateLimitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "forum.context_processors.notifications",
                "moderation.context_processors.review_queue",
            ],
            "builtins": ["django.templatetags.static"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'rungs.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that cannot be reached answers a 503 within seconds instead of hanging.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds rate-limit counters, page generations and cached pages, so every app server
# must share it: Redis when REDIS_URL is set. Production without Redis falls back to the
# database (see production.py); one process on one machine (`make run`) may use memory.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rungs",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages are cached whole (core/pagecache.py) and rebuilt when what they show changes;
# this bounds how stale the rest (names, relative times, view counts) may get.
RUNGS_PAGE_CACHE = env_bool("RUNGS_PAGE_CACHE", True)
RUNGS_PAGE_CACHE_SECONDS = env_int("RUNGS_PAGE_CACHE_SECONDS", 300)
# How long a shared HTTP cache in front of the site (a CDN, nginx) may keep a public page.
RUNGS_PUBLIC_MAX_AGE = env_int("RUNGS_PUBLIC_MAX_AGE", 60)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth (65.x setting names). Rate limits are allauth's defaults: on.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# Verification is mandatory in every settings module, on purpose and without an environment
# switch: it is what lets allauth's enumeration prevention cover sign-up (a sign-up with a
# registered address gets the same "check your e-mail" page as a new one, and the owner gets
# a mail instead). Local settings print mails to the console. See docs/architecture.md.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
# Confirming from the browser that signed up logs the newcomer in (only that session).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None  # ask with a "Remember me" box
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Rungs] "
ACCOUNT_USERNAME_BLACKLIST = ["admin", "moderator", "anonymous", "rungs", "staff", "support"]
# The adapter (accounts/adapter.py) refuses look-alike and reserved usernames and sends account
# e-mails (verification, password reset) through the task worker, never inside the request.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"

# Django 6.1 mailers. Local and test settings swap the backend.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("SMTP_HOST", "localhost"),
            "port": env_int("SMTP_PORT", 587),
            "username": env_str("SMTP_USER", ""),
            "password": env_str("SMTP_PASSWORD", ""),
            "use_tls": env_bool("SMTP_USE_TLS", True),
            "timeout": 10,
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rungs <noreply@rungs.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work through django.tasks, stored in the database; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The worker's safety net (core/worker.py): a task still running after RUNGS_TASK_TIMEOUT
# seconds lost its worker and is queued again; one that failed on a passing error (mail server,
# database or cache unreachable) is retried after RUNGS_TASK_RETRY_SECONDS, doubling up to an
# hour, RUNGS_TASK_ATTEMPTS attempts in all; the worker looks every RUNGS_TASK_RECOVERY_SECONDS.
RUNGS_TASK_TIMEOUT = env_int("RUNGS_TASK_TIMEOUT", 600)
RUNGS_TASK_RETRY_SECONDS = env_int("RUNGS_TASK_RETRY_SECONDS", 30)
RUNGS_TASK_ATTEMPTS = env_int("RUNGS_TASK_ATTEMPTS", 20)
RUNGS_TASK_RECOVERY_SECONDS = env_int("RUNGS_TASK_RECOVERY_SECONDS", 15)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security headers. Production tightens the transport settings further.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from hx-headers, never from the cookie

# A strict policy: no inline script or style. Anything inline would need {{ csp_nonce }}.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LADDER_DATA_FILE = BASE_DIR / "ladder" / "data" / "ladder.yaml"

# Moderation: how much flags weigh and how much weight hides an item lives in
# accounts/standing.py (docs/moderation.md, "Flag weight").
# Rate limits, "count/period" with period s, m, h or d: per account for signed-in people, per
# address only for signed-out visitors; only accepted actions count. Over the limit, the site
# answers 429 and says when to try again (see core/ratelimit.py).
# How many reverse proxies of ours stand in front of the app (each appends to X-Forwarded-For).
# allauth limits sign-up, log-in and password resets per address and must read the same one.
RUNGS_TRUSTED_PROXIES = env_int("RUNGS_TRUSTED_PROXIES", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = RUNGS_TRUSTED_PROXIES
RUNGS_RATE_LIMITS = {
    "question": "5/h",
    "answer": "20/h",
    "comment": "40/h",
    "vote": "120/h",
    "flag": "20/h",
    "edit": "40/h",
    # The Preview button, and the preview beside the body that follows the typing (one per
    # pause of 0.6 s).
    "preview": "900/h",
    # Suggested edits to other people's posts (forum/services/suggestions.py).
    "suggest_edit": "20/h",
    # Similar questions while typing a title (one per pause in typing) and the no-JS step.
    "similar": "600/h",
    # Members' votes to close and reopen questions (moderation/views/closevotes.py).
    "close_vote": "30/h",
    # A moderator's bulk actions on the flag queue, one unit per batch (moderation/views/queue.py).
    "moderate_bulk": "120/h",
    # Password tries on the account deletion page (privacy/views.py).
    "account_delete": "5/h",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # A database or cache outage is one line per request, not a traceback (core/faults.py).
    "filters": {"outages": {"()": "core.faults.OutageLogFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["outages"]}
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}
