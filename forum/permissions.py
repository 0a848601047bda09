"""Who may do what, as small functions shared by views and templates (see templatetags).

Each rule lives here once. Views call them before a service; templates call them (through the
`forum` template library) to decide which buttons to show.
"""

from django.core.exceptions import PermissionDenied

from forum.models import Answer, Comment, Question


class ActionNotAllowed(PermissionDenied):
    """A rule below said no; the message tells the person which and why."""


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_ask(user) -> bool:
    return _signed_in(user)


def can_see(user, post: Question | Answer | Comment) -> bool:
    """Hidden content is gone for everyone but its author."""
    return not post.is_hidden or (_signed_in(user) and post.author_id == user.pk)


def can_answer(user, question: Question) -> bool:
    return _signed_in(user) and not question.is_hidden


def can_comment(user, post: Question | Answer) -> bool:
    return _signed_in(user) and not post.is_hidden


def can_vote(user, post: Question | Answer) -> bool:
    return _signed_in(user) and not post.is_hidden and post.author_id != user.pk


def can_edit(user, post: Question | Answer) -> bool:
    return _signed_in(user) and post.author_id == user.pk


def can_accept(user, answer: Answer) -> bool:
    """Only the asker accepts, and only a visible answer."""
    return (
        _signed_in(user)
        and not answer.is_hidden
        and answer.question.author_id == user.pk
        and not answer.question.is_hidden
    )


_REFUSALS = {
    can_ask: "Log in to ask a question.",
    can_answer: "This question takes no new answers.",
    can_comment: "This post takes no new comments.",
    can_vote: "You cannot vote on this post.",
    can_edit: "Only the author can edit this post.",
    can_accept: "Only the asker can accept an answer, or take the acceptance back.",
}


def require(rule, user, *objects) -> None:
    """Raise ActionNotAllowed, with the rule's own message, unless `rule(user, *objects)`."""
    if not rule(user, *objects):
        raise ActionNotAllowed(_REFUSALS[rule])
