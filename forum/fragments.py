"""What a cached post fragment on a question page depends on, besides the post itself.

The question page renders each post (its vote buttons, body, actions and comments) once per
*variant*: the combination of answers to "may this reader vote, edit, flag, delete, accept,
comment here, and did they vote?". Most readers share a variant, so most of the page comes
from the cache. Moderators, and suspended people (whose refusals name a date), get freshly
rendered posts instead.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from accounts.models import User
from accounts.rules import can_moderate
from core.pagecache import generations
from forum import freshness
from forum.rules import (
    can_accept,
    can_comment,
    can_delete,
    can_downvote,
    can_edit,
    can_flag,
    can_see_history,
    can_suggest_edit,
    can_vote,
)
from forum.search.matching import snippets
from forum.search.query import Segment
from forum.selectors.search import question_rows
from forum.selectors.threads import PostView, QuestionPage


def post_variant(item: PostView, viewer: User) -> str | None:
    """A short string naming everything viewer-specific in the post's fragment, or None when
    the fragment must not be shared: for moderators and suspended readers, and for a post
    that carries tools from another app (forum.slots.CONTRIBUTION_TOOLS)."""
    if can_moderate(viewer) or (viewer.is_authenticated and viewer.is_suspended):
        return None
    if item.tools or any(shown.tools for shown in item.comments):
        return None
    post = item.post
    answers = [
        viewer.is_authenticated,
        item.my_vote,
        can_vote(viewer, post),
        can_downvote(viewer, post),
        can_edit(viewer, post),
        can_see_history(viewer, post),
        can_flag(viewer, post),
        can_delete(viewer, post),
        can_comment(viewer, post),
        can_suggest_edit(viewer, post),
        post.kind == "answer" and can_accept(viewer, post),
        item.author.is_viewer,
    ]
    for shown in item.comments:
        answers += [
            can_flag(viewer, shown.comment),
            can_delete(viewer, shown.comment),
            shown.author.is_viewer,
        ]
    return "".join(
        str(int(answer)) if isinstance(answer, bool) else f"[{answer}]" for answer in answers
    )


def _key(item: PostView, version: list[int], where: str) -> str:
    # `where` is the answer page's number and order, which the "more comments" link keeps.
    raw = f"{item.post.kind}:{item.post.pk}:{version}:{item.variant}:{where}"
    return "post:" + hashlib.sha256(raw.encode()).hexdigest()


def shared_posts(request: HttpRequest, *, page: QuestionPage, version: list[int]) -> None:
    """Give each post of the page its HTML (`item.html`), from the cache in one round trip,
    rendering and storing the ones missing. `version` is the question's generations."""
    items = [page.question, *page.answers]
    for item in items:
        item.variant = post_variant(item, request.user)
    where = f"{page.answer_page.number}:{page.answer_sort}"
    keys = {id(item): _key(item, version, where) for item in items if item.variant is not None}
    if not keys:
        return
    found = cache.get_many(list(keys.values()))
    missing = {}
    for item in items:
        key = keys.get(id(item))
        if key is None:
            continue
        html = found.get(key)
        if html is None:
            context = {"item": item, "question": page.question.post, "page": page}
            html = missing[key] = render_to_string(
                "forum/question_detail.html#post", context, request=request
            )
        # Our own template's output, in which every user-written string was escaped or came
        # from the markdown pipeline, stored as it was rendered.
        item.html = mark_safe(html)  # noqa: S308
    if missing:
        cache.set_many(missing, settings.RUNGS_PAGE_CACHE_SECONDS)


# Search results share each question's row (stats, title, level, tags, author) between all
# queries that find it; only the highlighted extract differs, and it goes between these marks.
# HTML comments never come out of user content (the markdown pipeline strips them).
EXTRACT_START, EXTRACT_END = "<!--rungs:extract-->", "<!--/rungs:extract-->"


def search_rows(*, query: str, ids: list[int]) -> list[SafeString]:
    """The rows of one page of search results, in the order of `ids`, each with its
    highlighted extract. Rows come from the cache (two round trips for the page) keyed by
    each question's generation; only the missing ones are read and rendered. Questions hidden
    since the search ran are left out."""
    versions = generations([freshness.question(pk) for pk in ids])
    keys = {pk: f"row:{pk}:{version}" for pk, version in zip(ids, versions, strict=True)}
    rows = cache.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in rows]
    if missing:
        fresh = {
            keys[pk]: render_to_string("forum/_question_row.html", {"q": q, "marked": True})
            for pk, q in question_rows(ids=missing).items()
        }
        cache.set_many(fresh, settings.RUNGS_PAGE_CACHE_SECONDS)
        rows |= fresh
    extracts = snippets(query, [pk for pk in ids if keys[pk] in rows])
    return [_with_extract(rows[keys[pk]], extracts.get(pk)) for pk in ids if keys[pk] in rows]


def _with_extract(row: str, segments: list[Segment] | None) -> SafeString:
    before, _, rest = row.partition(EXTRACT_START)
    excerpt, _, after = rest.partition(EXTRACT_END)
    if segments:
        parts = format_html_join(
            "",
            "{}",
            ((format_html("<mark>{}</mark>", s.text) if s.hit else s.text,) for s in segments),
        )
        excerpt = format_html('<p class="q-row__excerpt">{}</p>', parts)
    # `row` is our own template's output (every user-written string escaped there), stored as
    # it was rendered; the extract is escaped just above.
    return mark_safe(before + excerpt + after)  # noqa: S308
