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
    return can_moderate(user) or (may_act(user) and holds(user, Privilege.CLOSE_VOTE))
