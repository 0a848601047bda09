"""Who may do what, as small functions shared by views, services and templates.

Each rule lives here once. Views call them before showing a form, services call them again
before writing (so no path can skip one), and templates call them through the `forum_tags`
library (`{% if user|can_edit:post %}`) to decide which buttons to show.
"""

from django.core.exceptions import PermissionDenied
from django.utils import formats

from forum.identity import names_author
from forum.models import thread_of


class ActionNotAllowed(PermissionDenied):
    """A rule below said no; the message tells the person which and why."""


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _may_act(user) -> bool:
    """Signed in and not suspended: suspended people read and sign in, nothing more."""
    return _signed_in(user) and not user.is_suspended


def can_moderate(user) -> bool:
    return _may_act(user) and (user.is_superuser or user.is_moderator)


def can_edit_profile(user) -> bool:
    """A suspended person's name and headline show on every post they wrote: frozen too."""
    return _may_act(user)


def can_suspend(user, person) -> bool:
    """Moderators suspend members. Suspending a moderator or staff member is for a superuser,
    and nobody suspends a superuser or themselves (that would lock the site's keys away)."""
    if not can_moderate(user) or person.pk == user.pk or person.is_superuser:
        return False
    return user.is_superuser or not (person.is_moderator or person.is_staff)


def can_manage(user, thing) -> bool:
    """Self-assessments and growth plans belong to their owner alone: not even moderators."""
    return _signed_in(user) and thing.owner_id == user.pk


def can_see_hidden(user) -> bool:
    """Hidden content has left the site for everyone but moderators."""
    return can_moderate(user)


def can_see(user, item) -> bool:
    """The item, and the thread it belongs to, are visible to this person."""
    return can_see_hidden(user) or not (item.is_hidden or thread_of(item).is_hidden)


def can_ask(user) -> bool:
    return _may_act(user)


def can_answer(user, question) -> bool:
    return (
        _may_act(user)
        and not question.is_hidden
        and not question.is_closed
        and not question.is_locked
    )


def can_comment(user, post) -> bool:
    return _may_act(user) and not post.is_hidden and not thread_of(post).is_locked


def can_vote(user, post) -> bool:
    return (
        _may_act(user)
        and not post.is_hidden
        and post.author_id != user.pk
        and not thread_of(post).is_locked
    )


def can_edit(user, post) -> bool:
    """Authors edit their own posts; moderators edit any, even on a locked thread."""
    if can_moderate(user):
        return True
    return (
        _may_act(user)
        and post.author_id == user.pk
        and not post.is_hidden
        and not thread_of(post).is_locked
    )


def can_see_history(user, post) -> bool:
    """Old revisions of an anonymous post may still say who wrote it: only its author and
    moderators read them."""
    return names_author(post) or can_moderate(user) or post.author_id == user.pk


def can_rollback(user, post, later_editor_ids: set[int]) -> bool:
    """Authors roll back their own edits, but not past a moderator's: that is for moderators."""
    if not can_edit(user, post):
        return False
    return can_moderate(user) or later_editor_ids <= {post.author_id}


def can_accept(user, answer) -> bool:
    """Only the asker accepts, and only a visible answer on an open thread."""
    question = answer.question
    return (
        _may_act(user)
        and question.author_id == user.pk
        and not answer.is_hidden
        and not question.is_hidden
        and not question.is_locked
    )


def can_delete(user, item) -> bool:
    """Authors delete (hide) their own posts, unless the thread is locked; a moderator hides
    instead, with a reason."""
    return (
        _may_act(user)
        and item.author_id == user.pk
        and not item.is_hidden
        and not thread_of(item).is_locked
    )


def can_flag(user, item) -> bool:
    return _may_act(user) and item.author_id != user.pk and not item.is_hidden


def can_curate(user, answer) -> bool:
    """Moderators put an answer worth reading first; a hidden one must be restored before."""
    return can_moderate(user) and not answer.is_hidden


def can_reveal(user, item) -> bool:
    return can_moderate(user) and not names_author(item)


_REFUSALS = {
    can_moderate: "Only moderators can do that.",
    can_edit_profile: "Log in to edit your profile.",
    can_suspend: "Only a superuser can suspend a moderator or staff member; nobody can suspend "
    "a superuser or themselves.",
    can_manage: "Only its owner can see or change this.",
    can_ask: "Log in to ask a question.",
    can_answer: "This question takes no new answers.",
    can_comment: "This post takes no new comments.",
    can_vote: "You cannot vote on this post.",
    can_edit: "Only the author or a moderator can edit this post.",
    can_accept: "Only the asker can accept an answer, or take the acceptance back.",
    can_see_history: "Only the author and moderators can read this post's history.",
    can_rollback: "A moderator has edited this post since; ask a moderator to roll it back.",
    can_delete: "Only the author can delete this post.",
    can_flag: "You cannot flag this.",
    can_curate: "Restore the answer before curating it; only moderators curate visible answers.",
    can_reveal: "Only moderators can reveal who wrote an anonymous post.",
}


_STOPPED_BY_A_LOCK = (can_answer, can_comment, can_vote, can_edit, can_accept, can_delete)


def refusal(rule, user, *objects) -> str:
    """Why `rule` says no, in words for the person it said no to."""
    if _signed_in(user) and user.is_suspended:
        until = formats.date_format(user.suspended_until, "j F Y, H:i")
        return f"Your account is suspended until {until} UTC: {user.suspension_reason}"
    about_a_post = objects and getattr(objects[0], "kind", None) in (
        "question",
        "answer",
        "comment",
    )
    thread = thread_of(objects[0]) if about_a_post else None
    if thread is not None and thread.is_locked and rule in _STOPPED_BY_A_LOCK:
        return f"This thread is locked: {thread.lock_reason or 'a moderator stopped new activity'}."
    if thread is not None and thread.is_closed and rule is can_answer:
        return "This question is closed, so it takes no new answers."
    return _REFUSALS[rule]


def require(rule, user, *objects) -> None:
    """Raise ActionNotAllowed, with the reason, unless `rule(user, *objects)` allows it."""
    if not rule(user, *objects):
        raise ActionNotAllowed(refusal(rule, user, *objects))
