"""What a cached post fragment on a question page depends on, besides the post itself.

The question page renders each post (its vote buttons, body, actions and comments) once per
*variant*: the combination of answers to "may this reader vote, edit, flag, delete, accept,
comment here, and did they vote?". Most readers share a variant, so most of the page comes
from the cache. Moderators, and suspended people (whose refusals name a date), get freshly
rendered posts instead.
"""

from accounts.models import User
from forum.permissions import (
    can_accept,
    can_comment,
    can_delete,
    can_edit,
    can_flag,
    can_moderate,
    can_see_history,
    can_vote,
)
from forum.selectors import PostView


def post_variant(item: PostView, viewer: User) -> str | None:
    """A short string naming everything viewer-specific in the post's fragment, or None when
    the fragment must not be shared."""
    if can_moderate(viewer) or (viewer.is_authenticated and viewer.is_suspended):
        return None
    post = item.post
    answers = [
        viewer.is_authenticated,
        item.my_vote,
        can_vote(viewer, post),
        can_edit(viewer, post),
        can_see_history(viewer, post),
        can_flag(viewer, post),
        can_delete(viewer, post),
        can_comment(viewer, post),
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
