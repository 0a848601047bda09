"""Flags: anyone signed in asks moderators to look at a contribution."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import ActionNotAllowed, require
from forum.rules import can_flag
from forum.services.visibility import Contribution, visibility_set
from moderation.audit import Action, record
from moderation.models import Flag

# Flags of these kinds, from this many different people, hide a contribution until a
# moderator looks at it.
AUTO_HIDE_REASONS = (Flag.Reason.SPAM, Flag.Reason.RUDE)


def open_flags(contribution: Contribution):
    return Flag.objects.filter(status=Flag.Status.OPEN, **{contribution.kind: contribution})


def close_flags(contribution: Contribution, moderator: User, status: str) -> int:
    return open_flags(contribution).update(
        status=status, handled_by=moderator, handled_at=timezone.now()
    )


class AlreadyFlagged(ActionNotAllowed):
    pass


@transaction.atomic
def flag_create(*, flagger: User, contribution: Contribution, reason: str, text: str = "") -> Flag:
    """Flag a post or comment, once while the flag is open. Enough spam or abuse flags from
    different people hide it until a moderator reviews it.

    Raises ValidationError (by field) for an unknown reason or a "needs a moderator" flag that
    does not say why; after those checks, the only constraint left to break is one open flag
    per person and contribution."""
    require(can_flag, flagger, contribution)
    if reason not in Flag.Reason.values:
        raise ValidationError({"reason": "Choose what is wrong."})
    if reason == Flag.Reason.NEEDS_MODERATOR and not text.strip():
        raise ValidationError({"text": "Say what a moderator should look at."})
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                flagger=flagger,
                reason=reason,
                text=text.strip(),
                **{contribution.kind: contribution},
            )
    except IntegrityError:
        raise AlreadyFlagged(
            "You have already flagged this; a moderator will look at it."
        ) from None
    strong = open_flags(contribution).filter(reason__in=AUTO_HIDE_REASONS)
    if strong.count() >= settings.RUNGS_FLAGS_TO_HIDE:  # open flags are one per person
        visibility_set(
            contribution=contribution,
            hidden=True,
            by=None,
            reason="Hidden by flags, awaiting review",
        )
    return flag


@transaction.atomic
def flags_dismiss(*, moderator: User, contribution: Contribution, reason: str = "") -> int:
    """The flags were wrong: close them and, if they had hidden the contribution, show it
    again."""
    require(can_moderate, moderator)
    if contribution.is_hidden_by_flags:
        visibility_set(contribution=contribution, hidden=False, by=None, reason="")
    dismissed = close_flags(contribution, moderator, Flag.Status.DISMISSED)
    record(
        actor=moderator,
        action=Action.DISMISS_FLAGS,
        target=contribution,
        reason=reason,
        details={"flags": dismissed},
    )
    return dismissed
