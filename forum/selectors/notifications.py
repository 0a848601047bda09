"""A person's notifications and their unread count."""

from django.core.cache import cache
from django.db.models import Q, QuerySet

from accounts.models import User
from forum.models import Notification


def unread_key(user_id: int) -> str:
    """Where a person's unread count is kept between requests (the services forget it)."""
    return f"forum:unread:{user_id}"


def _notifications(recipient: User) -> QuerySet[Notification]:
    """A person's notifications, minus those about contributions that have since been hidden
    (but a moderator's warning stays, even when, as often, its subject was hidden)."""
    about_hidden = Q(question__is_hidden=True) | Q(answer__is_hidden=True)
    about_hidden |= Q(comment__is_hidden=True)
    return Notification.objects.filter(recipient=recipient).exclude(
        about_hidden & ~Q(kind=Notification.Kind.WARNING)
    )


def notification_list(*, recipient: User, limit: int = 50) -> list[Notification]:
    return list(
        _notifications(recipient)
        .select_related("actor", "question")
        .order_by("-created_at", "-id")[:limit]
    )


UNREAD_SHOWN = 99  # the badge says "99+" beyond this: counting further would read them all
UNREAD_KEPT = 600  # seconds; every write that changes the count also forgets it


def notification_unread_count(*, recipient: User) -> int:
    """Unread notifications, counted up to UNREAD_SHOWN + 1, kept in the cache until a new
    notification or a read changes it."""

    def count() -> int:
        unread = _notifications(recipient).filter(read_at__isnull=True)
        return unread.values("pk")[: UNREAD_SHOWN + 1].count()

    return cache.get_or_set(unread_key(recipient.pk), count, UNREAD_KEPT)
