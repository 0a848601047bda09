"""Development on one machine: `make run`. SQLite by default, mail printed to the console."""

from .base import *  # noqa: F403
from .base import MAILERS, STORAGES

DEBUG = True
MAILERS = {**MAILERS, "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
