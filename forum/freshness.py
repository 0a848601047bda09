"""Which cached pages a forum write makes stale (see core/pagecache.py).

Two kinds of generation: "lists" for every page that lists questions (home, lists, tag and
level pages, search, feeds, sitemap, the ladder's level pages) and "question:<id>" for one
question's page. A write names what it changed; the pages rebuild on their next request.
"""

from core.pagecache import bump

LISTS = "lists"


def question(question_id: int) -> str:
    return f"question:{question_id}"


def thread_changed(question_id: int, *, lists: bool = True) -> None:
    """Something on a question's page changed; `lists` when its row in lists changed too
    (title, score, answer count, activity, visibility)."""
    if lists:
        bump(question(question_id), LISTS)
    else:
        bump(question(question_id))


def lists_changed() -> None:
    bump(LISTS)
