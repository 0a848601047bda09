"""What moderators may do beyond the role itself (accounts.rules.can_moderate)."""

from accounts.privileges import Privilege, holds
from accounts.rules import can_moderate, may_act, person_rule
from forum.identity import names_author


@person_rule(
    "Only a superuser can suspend a moderator or staff member; nobody can suspend a superuser "
    "or themselves."
)
def can_suspend(user, person) -> bool:
    """Moderators suspend members. Suspending a moderator or staff member is for a superuser,
    and nobody suspends a superuser or themselves (that would lock the site's keys away)."""
    if not can_moderate(user) or person.pk == user.pk or person.is_superuser:
        return False
    return user.is_superuser or not (person.is_moderator or person.is_staff)


@person_rule("Restore the answer before curating it; only moderators curate visible answers.")
def can_curate(user, answer) -> bool:
    """Moderators put an answer worth reading first; a hidden one must be restored before."""
    return can_moderate(user) and not answer.is_hidden


@person_rule("Only moderators can reveal who wrote an anonymous post.")
def can_reveal(user, contribution) -> bool:
    return can_moderate(user) and not names_author(contribution)


@person_rule("Only moderators and members who may vote to close search for duplicates here.")
def can_pick_duplicate(user) -> bool:
    """Searching for a duplicate's original, in the close form (moderators) or the close-vote
    form (members holding the close-vote privilege)."""
    return may_act(user) and holds(user, Privilege.CLOSE_VOTE)  # moderators hold it too


def _vote_refusal(user, question) -> str | None:
    if user.is_authenticated and can_moderate(user):
        return "Moderators close and reopen at once, with the moderation tools."
    if user.is_authenticated and not holds(user, Privilege.CLOSE_VOTE):
        return "Voting to close and reopen comes with more reputation (see the privileges)."
    if question.is_locked:
        return "This thread is locked."
    return None


def _may_vote_on_closing(user, question) -> bool:
    """Members (not moderators: they decide at once) with the close-vote privilege, on a
    visible, unlocked question (their own too, as on Stack Exchange)."""
    return (
        may_act(user)
        and not can_moderate(user)
        and holds(user, Privilege.CLOSE_VOTE)
        and not question.is_hidden
        and not question.is_locked
    )


@person_rule("You cannot vote to close this question.", reasons=(_vote_refusal,))
def can_vote_to_close(user, question) -> bool:
    return _may_vote_on_closing(user, question) and not question.is_closed


@person_rule("You cannot vote to reopen this question.", reasons=(_vote_refusal,))
def can_vote_to_reopen(user, question) -> bool:
    return _may_vote_on_closing(user, question) and question.is_closed


@person_rule("Log in to take back your vote.")
def can_retract_close_vote(user) -> bool:
    return may_act(user)
