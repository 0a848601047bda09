"""Warning and suspending people, and revealing who wrote an anonymous contribution."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import require
from forum.identity import names_author
from forum.models import Notification, thread_of
from forum.services.notifications import notify_warning
from forum.services.visibility import Contribution
from moderation.audit import Action, record
from moderation.models import AuditEntry, Flag, Suspension
from moderation.rules import can_reveal, can_suspend
from moderation.services.flags import close_flags


@transaction.atomic
def user_warn(*, moderator: User, contribution: Contribution, message: str) -> Notification:
    """A private warning to the author of `contribution`, which also settles its flags."""
    require(can_moderate, moderator)
    if not message.strip():
        raise ValueError("Write the warning the author will read.")
    kind = contribution.kind
    notification = notify_warning(
        recipient=contribution.author,
        moderator=moderator,
        question=thread_of(contribution),
        answer=contribution if kind == "answer" else None,
        comment=contribution if kind == "comment" else None,
        message=message,
    )
    upheld = close_flags(contribution, moderator, Flag.Status.UPHELD)
    # Logged against the person, unless the contribution is anonymous: then against the
    # contribution, so the log never ties it to its author without a reveal.
    named = names_author(contribution)
    record(
        actor=moderator,
        action=Action.WARN,
        target=contribution.author if named else contribution,
        reason=message,
        details={"about": f"{kind} {contribution.pk}", "flags": upheld}
        if named
        else {"flags": upheld},
    )
    return notification


@transaction.atomic
def user_suspend(*, moderator: User, user: User, days: int, reason: str) -> Suspension:
    require(can_suspend, moderator, user)
    if not 1 <= days <= Suspension.MAX_DAYS:
        raise ValueError(f"A suspension lasts from 1 to {Suspension.MAX_DAYS} days.")
    if not reason.strip():
        raise ValueError("Say why: the person reads it whenever they try to post.")
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        reason=reason.strip(),
        starts_at=now,
        ends_at=now + timedelta(days=days),
        created_by=moderator,
    )
    _sync_suspension(user)
    record(
        actor=moderator,
        action=Action.SUSPEND,
        target=user,
        reason=reason,
        details={"days": days, "until": suspension.ends_at.isoformat()},
    )
    return suspension


@transaction.atomic
def suspension_lift(*, moderator: User, suspension: Suspension, reason: str = "") -> None:
    """End a suspension early. Whoever may suspend the person may lift it, and nobody else."""
    require(can_suspend, moderator, suspension.user)
    if (
        not Suspension.objects.live()
        .filter(pk=suspension.pk)
        .update(lifted_at=timezone.now(), lifted_by=moderator)
    ):
        return  # lifted already, or over
    _sync_suspension(suspension.user)
    record(
        actor=moderator,
        action=Action.LIFT_SUSPENSION,
        target=suspension.user,
        reason=reason,
        details={"suspension": suspension.pk},
    )


def _sync_suspension(user: User) -> None:
    """Copy the latest-ending live suspension onto the user row, for query-free checks."""
    live = Suspension.objects.live().filter(user=user).order_by("-ends_at").first()
    User.objects.filter(pk=user.pk).update(
        suspended_until=live.ends_at if live else None,
        suspension_reason=live.reason if live else "",
    )
    user.refresh_from_db(fields=["suspended_until", "suspension_reason"])


@transaction.atomic
def author_reveal(*, moderator: User, contribution: Contribution, reason: str) -> User:
    """Who wrote an anonymous contribution: only through this explicit, logged action."""
    require(can_reveal, moderator, contribution)
    if not reason.strip():
        raise ValueError("Say why you need to know who wrote it.")
    record(
        actor=moderator,
        action=Action.REVEAL,
        target=contribution,
        reason=reason,
        details={"user_id": contribution.author_id, "username": contribution.author.username},
    )
    return contribution.author


@transaction.atomic
def account_erasure_log(*, user: User) -> None:
    """Log that a person deleted their own account: who did it is the deleted account itself,
    named in the log only as "Deleted member" and its id, so the entry holds nothing personal.
    Called by privacy.services.account_delete once the account is erased; once per account."""
    if not user.is_erased:
        raise ValueError("Log an account's deletion once it is erased.")
    already = AuditEntry.objects.filter(
        action=Action.ERASE, target_kind="user", target_id=user.pk
    ).exists()
    if not already:
        record(actor=user, action=Action.ERASE, target=user)
