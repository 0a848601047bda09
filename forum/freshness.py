"""Which cached pages a forum write makes stale (see core/pagecache.py).

Two kinds of generation: "lists" for every page that lists questions (home, lists, tag and
level pages, search, feeds, sitemap, the ladder's level pages) and "question:<id>" for one
question's page. A write names what it changed; the pages rebuild on their next request.
"""

from core.pagecache import bump, generations
from ladder.freshness import LADDER

LISTS = "lists"


def question(question_id: int) -> str:
    return f"question:{question_id}"


def question_page(question_id: int) -> list[str]:
    """What a question's page shows: the thread, and the ladder's expectations beside it."""
    return [question(question_id), LADDER]


def lists_version() -> list[int]:
    """What the lists' shared fragments are keyed on (the lazy context inside them is read only
    when the fragment is missing)."""
    return generations([LISTS])


def thread_changed(question_id: int, *, lists: bool = True) -> None:
    """Something on a question's page changed; `lists` when its row in lists changed too
    (title, score, answer count, activity, visibility)."""
    if lists:
        bump(question(question_id), LISTS)
    else:
        bump(question(question_id))


def lists_changed() -> None:
    bump(LISTS)


def threads_changed(question_ids) -> None:
    """Many threads changed at once (a person's name on all of them), and the lists."""
    bump(*(question(pk) for pk in sorted(set(question_ids))), LISTS)
