"""What a member may do as their reputation grows, Stack Exchange style: one table.

The table is the single source for the rules that gate on reputation (forum/rules.py,
moderation/rules.py), for the "Privileges" page and for the table in docs/forum.md (a test
compares the two). Moderators and staff hold every privilege. Thresholds are lower than Stack
Overflow's because Rungs is a smaller community; they are meant to be tuned here, nowhere else.

Flag weight also grows with reputation, but it weighs more than reputation alone (account age,
a verified address, the person's flag record): its thresholds live in accounts/standing.py, and
the table below only points at them.
"""

from dataclasses import dataclass
from enum import StrEnum

from accounts import standing


class Privilege(StrEnum):
    DOWNVOTE = "downvote"
    FLAG_WEIGHT = "flag-weight"
    SUGGEST_EDITS = "suggest-edits"
    CLOSE_VOTE = "close-vote"
    REVIEW_EDITS = "review-edits"
    EDIT_FREELY = "edit-freely"


@dataclass(frozen=True)
class Step:
    privilege: Privilege
    reputation: int
    title: str
    summary: str
    note: str = ""  # what else it takes, besides reputation


LADDER: tuple[Step, ...] = (
    Step(
        Privilege.SUGGEST_EDITS,
        5,
        "Suggest edits",
        "Propose an edit to someone else's post; its author or a reviewer accepts or rejects it.",
    ),
    Step(
        Privilege.DOWNVOTE,
        50,
        "Vote down",
        "Mark a post as unhelpful or wrong. Upvoting needs no reputation.",
    ),
    Step(
        Privilege.FLAG_WEIGHT,
        standing.FLAG_WEIGHT_REPUTATION,
        "Heavier flags",
        "Your flags count double towards hiding spam or abuse before a moderator looks.",
        "Flags count at all only from an account with a verified e-mail address that is at "
        f"least {standing.FLAG_MIN_AGE.days} days old; an established member's flags weigh "
        "more again.",
    ),
    Step(
        Privilege.CLOSE_VOTE,
        500,
        "Vote to close and reopen",
        "Three votes close a question (or mark it a duplicate) or reopen it.",
    ),
    Step(
        Privilege.REVIEW_EDITS,
        1000,
        "Review suggested edits",
        "Accept or reject the edits other members suggest.",
    ),
    Step(
        Privilege.EDIT_FREELY,
        2000,
        "Edit any post",
        "Your edits to other people's posts apply at once, with a revision kept.",
    ),
)

REPUTATION: dict[Privilege, int] = {step.privilege: step.reputation for step in LADDER}


def holds(user, privilege: Privilege) -> bool:
    """Whether `user` has earned `privilege` (moderators and staff hold them all)."""
    if not user.is_authenticated:
        return False
    if standing.is_trusted_by_role(user):
        return True
    return user.reputation >= REPUTATION[privilege]


@dataclass(frozen=True)
class Standing:
    """One step of the ladder as a particular person stands on it."""

    step: Step
    held: bool
    missing: int  # reputation still to earn (0 when held)


def ladder_for(user) -> list[Standing]:
    """The whole table, with what `user` holds (nothing, for an anonymous visitor)."""
    earned = user.reputation if user.is_authenticated else 0
    rows = []
    for step in LADDER:
        held = holds(user, step.privilege)
        rows.append(Standing(step, held, 0 if held else max(0, step.reputation - earned)))
    return rows
