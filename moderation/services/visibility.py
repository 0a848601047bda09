"""Hiding and restoring contributions, by moderators (authors delete through the forum)."""

from django.db import transaction

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import require
from forum import freshness
from forum.models import Notification, thread_of
from forum.services.notifications import notify_moderated
from forum.services.visibility import Contribution, visibility_set
from moderation.audit import Action, record
from moderation.models import Flag
from moderation.services.flags import close_flags


@transaction.atomic
def contribution_hide(*, moderator: User, contribution: Contribution, reason: str) -> None:
    """Hide a contribution, upholding its open flags. Hiding what flags hid records the
    moderator's decision in its place; hiding what its author deleted keeps the author's
    deletion (who and why), and the moderator's decision is in the log."""
    require(can_moderate, moderator)
    details: dict = {}
    contribution.refresh_from_db(fields=["is_hidden", "hidden_by"])
    # The author hears of a moderator's decision to hide, the first time one is made: not
    # when they deleted it themselves, nor when a moderator had hidden it already.
    news = not contribution.is_hidden or contribution.is_hidden_by_flags
    if contribution.is_deleted_by_author:
        details["kept"] = "deleted by its author"
        news = False
    elif not visibility_set(contribution=contribution, hidden=True, by=moderator, reason=reason):
        # Already hidden by flags (or by a moderator): this decision replaces that one.
        type(contribution).objects.filter(pk=contribution.pk).update(
            hidden_by=moderator, hidden_reason=reason.strip()[:300]
        )
        contribution.refresh_from_db()
        freshness.thread_changed(thread_of(contribution).pk)
    if news:
        notify_moderated(
            recipient=contribution.author,
            kind=Notification.Kind.HIDDEN,
            contribution=contribution,
            moderator=moderator,
            message=reason,
        )
    upheld = close_flags(contribution, moderator, Flag.Status.UPHELD)
    record(
        actor=moderator,
        action=Action.HIDE,
        target=contribution,
        reason=reason,
        details={"flags": upheld, **details},
    )


@transaction.atomic
def contribution_restore(*, moderator: User, contribution: Contribution, reason: str = "") -> None:
    """Bring a hidden contribution back; its open flags are dismissed, since a moderator said
    no. This is also how a moderator undoes an author's deletion (on request, or when the
    deletion took away what others relied on): a deliberate choice, made on the hidden list
    that says "deleted by its author", and logged as such."""
    require(can_moderate, moderator)
    contribution.refresh_from_db(fields=["is_hidden", "hidden_by"])
    details = {"author_deleted": True} if contribution.is_deleted_by_author else {}
    if not visibility_set(contribution=contribution, hidden=False, by=None, reason=""):
        return  # already visible: nothing to restore or to log
    notify_moderated(
        recipient=contribution.author,
        kind=Notification.Kind.RESTORED,
        contribution=contribution,
        moderator=moderator,
        message=reason,
    )
    dismissed = close_flags(contribution, moderator, Flag.Status.DISMISSED)
    record(
        actor=moderator,
        action=Action.RESTORE,
        target=contribution,
        reason=reason,
        details={"flags": dismissed, **details},
    )
