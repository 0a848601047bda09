"""Flags: anyone signed in asks moderators to look at a contribution."""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from accounts import standing
from accounts.models import User
from accounts.rules import can_moderate
from core.rules import ActionNotAllowed, require
from forum.models import Notification
from forum.rules import can_flag
from forum.services.notifications import notify_moderated
from forum.services.visibility import Contribution, visibility_set
from moderation.audit import Action, record
from moderation.models import Flag

# Flags of these kinds, once their weights add up to standing.FLAG_WEIGHT_TO_HIDE, hide a
# contribution until a moderator looks at it.
AUTO_HIDE_REASONS = Flag.HIDING_REASONS
AUTO_HIDDEN = "Hidden by flags, awaiting review"


def open_flags(contribution: Contribution):
    return Flag.objects.filter(status=Flag.Status.OPEN, **{contribution.kind: contribution})


def close_flags(contribution: Contribution, moderator: User, status: str) -> int:
    """Settle the contribution's open flags, and tell each flagger how theirs ended."""
    flags = open_flags(contribution)
    flaggers = list(
        User.objects.filter(pk__in=flags.values("flagger_id"), is_active=True).order_by("pk")
    )
    closed = flags.update(status=status, handled_by=moderator, handled_at=timezone.now())
    kind = (
        Notification.Kind.FLAG_UPHELD
        if status == Flag.Status.UPHELD
        else Notification.Kind.FLAG_DISMISSED
    )
    for flagger in flaggers:
        notify_moderated(
            recipient=flagger, kind=kind, contribution=contribution, moderator=moderator
        )
    return closed


class AlreadyFlagged(ActionNotAllowed):
    pass


def flagger_weight(flagger: User) -> int:
    """What a new flag by `flagger` weighs now: their standing (accounts/standing.py) with the
    verified e-mail address and the record of their earlier flags that moderators handled."""
    record_of = Flag.objects.filter(flagger=flagger).aggregate(
        upheld=Count("pk", filter=Q(status=Flag.Status.UPHELD)),
        rejected=Count("pk", filter=Q(status=Flag.Status.DISMISSED)),
    )
    verified = EmailAddress.objects.filter(user=flagger, primary=True, verified=True).exists()
    return standing.flag_weight(flagger, email_verified=verified, **record_of)


def hides_by_flags(author: User) -> bool:
    """Flags never hide what moderators and established members wrote: it waits in the queue."""
    return not standing.is_established(author)


@transaction.atomic
def flag_create(*, flagger: User, contribution: Contribution, reason: str, text: str = "") -> Flag:
    """Flag a post or comment, once while the flag is open. Spam or abuse flags whose weights
    (flagger_weight) add up to standing.FLAG_WEIGHT_TO_HIDE hide it until a moderator reviews
    it, unless its author is a moderator or an established member; the hiding is logged.

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
                weight=flagger_weight(flagger),
                **{contribution.kind: contribution},
            )
    except IntegrityError:
        raise AlreadyFlagged(
            "You have already flagged this; a moderator will look at it."
        ) from None
    if reason in AUTO_HIDE_REASONS and flag.weight:
        _hide_when_heavy_enough(contribution)
    return flag


def _hide_when_heavy_enough(contribution: Contribution) -> None:
    strong = open_flags(contribution).filter(reason__in=AUTO_HIDE_REASONS)
    total = strong.aggregate(total=Sum("weight"), count=Count("pk"))
    if (total["total"] or 0) < standing.FLAG_WEIGHT_TO_HIDE:
        return
    if not hides_by_flags(contribution.author):
        return  # open flags are in the queue already; a moderator decides
    if visibility_set(contribution=contribution, hidden=True, by=None, reason=AUTO_HIDDEN):
        notify_moderated(
            recipient=contribution.author, kind=Notification.Kind.FLAGGED, contribution=contribution
        )
        record(
            actor=None,
            action=Action.AUTO_HIDE,
            target=contribution,
            reason=AUTO_HIDDEN,
            details={
                "flags": total["count"],
                "weight": total["total"],
                "threshold": standing.FLAG_WEIGHT_TO_HIDE,
            },
        )


@transaction.atomic
def flags_dismiss(*, moderator: User, contribution: Contribution, reason: str = "") -> int:
    """The flags were wrong: close them and, if they had hidden the contribution, show it
    again."""
    require(can_moderate, moderator)
    if contribution.is_hidden_by_flags and visibility_set(
        contribution=contribution, hidden=False, by=None, reason=""
    ):
        notify_moderated(
            recipient=contribution.author,
            kind=Notification.Kind.RESTORED,
            contribution=contribution,
            moderator=moderator,
        )
    dismissed = close_flags(contribution, moderator, Flag.Status.DISMISSED)
    record(
        actor=moderator,
        action=Action.DISMISS_FLAGS,
        target=contribution,
        reason=reason,
        details={"flags": dismissed},
    )
    return dismissed
