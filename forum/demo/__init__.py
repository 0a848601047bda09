"""The demo content `manage.py load_demo` loads: content.yaml, checked before anything is
written (checks.py), then loaded through the services (loader.py)."""

from datetime import timedelta
from pathlib import Path

CONTENT_FILE = Path(__file__).resolve().parent / "content.yaml"
EMAIL_DOMAIN = "demo.rungs.localhost"
PROFILE_FIELDS = ("display_name", "headline", "company", "level_code")
KINDS = ("people", "questions", "answers", "comments", "votes", "accepted")

# Nothing may look like it happened in the future, or "just now" when it is meant to be old.
LATEST = timedelta(minutes=5)


def demo_email(username: str) -> str:
    return f"{username}@{EMAIL_DOMAIN}"
