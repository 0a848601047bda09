"""Who may do what on the forum, as small rules (core/rules.py) shared by views, services and
templates. Each rule lives here once; templates reach them through the `forum_tags` library.

Words as in docs/glossary.md: a *post* is a question or an answer; a *contribution* is a post
or a comment; a *thread* is a question with everything on it.
"""

from accounts.privileges import REPUTATION, Privilege, holds
from accounts.rules import can_moderate, may_act, person_rule, signed_in
from core.rules import refusal, rule
from forum.identity import names_author
from forum.models import thread_of


def _locked(user, contribution, *rest) -> str | None:
    thread = thread_of(contribution)
    if thread.is_locked:
        return f"This thread is locked: {thread.lock_reason or 'a moderator stopped new activity'}."
    return None


def _closed(user, question) -> str | None:
    return "This question is closed, so it takes no new answers." if question.is_closed else None


def can_see_hidden(user) -> bool:
    """Hidden contributions have left the site for everyone but moderators."""
    return can_moderate(user)


def can_see(user, contribution) -> bool:
    """The contribution, and the thread it belongs to, are visible to this person."""
    return can_see_hidden(user) or not (contribution.is_hidden or thread_of(contribution).is_hidden)


@person_rule("Log in to ask a question.")
def can_ask(user) -> bool:
    return may_act(user)


@person_rule("This question takes no new answers.", reasons=(_locked, _closed))
def can_answer(user, question) -> bool:
    return (
        may_act(user)
        and not question.is_hidden
        and not question.is_closed
        and not question.is_locked
    )


@person_rule("This post takes no new comments.", reasons=(_locked,))
def can_comment(user, post) -> bool:
    return may_act(user) and not post.is_hidden and not thread_of(post).is_locked


@person_rule("You cannot vote on this post.", reasons=(_locked,))
def can_vote(user, post) -> bool:
    return (
        may_act(user)
        and not post.is_hidden
        and post.author_id != user.pk
        and not thread_of(post).is_locked
    )


def _cannot_vote(user, post, *rest) -> str | None:
    return None if can_vote(user, post) else refusal(can_vote, user, post)


@person_rule(
    f"Voting down needs {REPUTATION[Privilege.DOWNVOTE]} reputation.", reasons=(_cannot_vote,)
)
def can_downvote(user, post) -> bool:
    """Upvoting needs an account; voting down needs the privilege (accounts/privileges.py)."""
    return can_vote(user, post) and holds(user, Privilege.DOWNVOTE)


@person_rule(
    "Only the author, a moderator or a member with "
    f"{REPUTATION[Privilege.EDIT_FREELY]} reputation can edit this post.",
    reasons=(_locked,),
)
def can_edit(user, post) -> bool:
    """Authors edit their own posts, and so do members holding the "edit any post" privilege
    (accounts/privileges.py); moderators edit any, even on a locked thread."""
    if can_moderate(user):
        return True
    return (
        may_act(user)
        and (post.author_id == user.pk or holds(user, Privilege.EDIT_FREELY))
        and not post.is_hidden
        and not thread_of(post).is_locked
    )


@person_rule("Only the author and moderators can read this post's history.")
def can_see_history(user, post) -> bool:
    """Old revisions of an anonymous post may still say who wrote it: only its author and
    moderators read them."""
    return names_author(post) or can_moderate(user) or post.author_id == user.pk


def _cannot_edit(user, post, *rest) -> str | None:
    return None if can_edit(user, post) else refusal(can_edit, user, post)


def _newest(user, post, later_editor_ids: set[int]) -> str | None:
    return None if later_editor_ids else "This is already the newest revision."


@person_rule(
    "A moderator has edited this post since; ask a moderator to roll it back.",
    reasons=(_cannot_edit, _newest),
)
def can_rollback(user, post, later_editor_ids: set[int]) -> bool:
    """Authors roll back their own edits, but not past a moderator's: that is for moderators.
    There must be a later revision to undo: "rolling back" to the newest is no change."""
    if not later_editor_ids or not can_edit(user, post):
        return False
    return can_moderate(user) or later_editor_ids <= {post.author_id}


@person_rule(
    "Only the asker can accept an answer, or take the acceptance back.", reasons=(_locked,)
)
def can_accept(user, answer) -> bool:
    """Only the asker accepts, and only a visible answer on an open thread."""
    question = answer.question
    return (
        may_act(user)
        and question.author_id == user.pk
        and not answer.is_hidden
        and not question.is_hidden
        and not question.is_locked
    )


@person_rule("Only the author can delete this post.", reasons=(_locked,))
def can_delete(user, contribution) -> bool:
    """Authors delete (hide) their own contributions, unless the thread is locked; a moderator
    hides instead, with a reason."""
    return (
        may_act(user)
        and contribution.author_id == user.pk
        and not contribution.is_hidden
        and not thread_of(contribution).is_locked
    )


@person_rule("You cannot flag this.")
def can_flag(user, contribution) -> bool:
    """Anyone free to act flags someone else's visible contribution for moderators."""
    return may_act(user) and contribution.author_id != user.pk and not contribution.is_hidden


@rule("Log in to follow questions, tags and levels.")
def can_follow(user, target=None) -> bool:
    """Anyone signed in follows what they can see (suspended people too: following is reading,
    and what they hear about is theirs). Stopping is always allowed: see follow_delete."""
    if not signed_in(user):
        return False
    is_hidden = getattr(target, "is_hidden", False)
    return not is_hidden or can_see_hidden(user)


@person_rule("Only moderators edit a tag's description and wiki.")
def can_edit_tag_wiki(user) -> bool:
    return can_moderate(user)


def _own_post(user, post) -> str | None:
    return "This is your own post: edit it directly." if post.author_id == user.pk else None


def _edits_directly(user, post) -> str | None:
    return "You can edit this post directly." if can_edit(user, post) else None


@person_rule(
    f"Suggesting edits needs {REPUTATION[Privilege.SUGGEST_EDITS]} reputation.",
    reasons=(_locked, _own_post, _edits_directly),
)
def can_suggest_edit(user, post) -> bool:
    """Members with the privilege who cannot edit a post directly propose an edit to it
    (forum/models/suggestions.py); its author, a moderator or a reviewer decides."""
    return (
        may_act(user)
        and post.author_id != user.pk
        and not post.is_hidden
        and not thread_of(post).is_locked
        and holds(user, Privilege.SUGGEST_EDITS)
        and not can_edit(user, post)
    )


def _own_suggestion(user, suggestion) -> str | None:
    if user.is_authenticated and suggestion.suggester_id == user.pk:
        return "You cannot review your own suggestion: someone else decides."
    return None


def _suggestion_locked(user, suggestion) -> str | None:
    return _locked(user, suggestion.post)


@person_rule(
    "Only the post's author, a moderator or a member with "
    f"{REPUTATION[Privilege.REVIEW_EDITS]} reputation can review this suggestion.",
    reasons=(_own_suggestion, _suggestion_locked),
)
def can_review_suggestion(user, suggestion) -> bool:
    """The post's author, moderators and members holding the review privilege accept or
    reject a suggested edit; never the person who suggested it."""
    if not may_act(user) or suggestion.suggester_id == user.pk:
        return False
    if can_moderate(user):
        return True
    post = suggestion.post
    return (
        not post.is_hidden
        and not thread_of(post).is_locked
        and (post.author_id == user.pk or holds(user, Privilege.REVIEW_EDITS))
    )


def may_review_edits(user) -> bool:
    """Reviews suggested edits on anyone's posts (not only their own): moderators and
    members holding the review privilege."""
    return may_act(user) and holds(user, Privilege.REVIEW_EDITS)  # moderators hold it too
