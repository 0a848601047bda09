"""The ladder's generation for cached pages (core/pagecache.py): bumped when a load changes it."""

from core.pagecache import bump

LADDER = "ladder"


def ladder_changed() -> None:
    bump(LADDER)
