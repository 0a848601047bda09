"""A person's notifications and their unread count."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import IntegerField, Q, QuerySet, Subquery

from accounts.models import User
from forum.identity import notification_line
from forum.models import Notification


def unread_key(user_id: int) -> str:
    """Where a person's unread count is kept between requests (the services forget it)."""
    return f"forum:unread:{user_id}"


def recent_key(user_id: int) -> str:
    """Where the header menu's latest few are kept (forgotten with the unread count)."""
    return f"forum:recent:{user_id}"


def inbox(recipient: User) -> QuerySet[Notification]:
    """A person's notifications, minus those about contributions that have since been hidden
    (but a moderator's warning, the news that a post was hidden and a flag's upholding stay:
    their subject being hidden is what they are about)."""
    about_hidden = Q(question__is_hidden=True) | Q(answer__is_hidden=True)
    about_hidden |= Q(comment__is_hidden=True)
    return Notification.objects.filter(recipient=recipient).exclude(
        about_hidden & ~Q(kind__in=Notification.ABOUT_HIDDEN)
    )


def notification_list(*, recipient: User, limit: int = 50) -> list[Notification]:
    return list(
        inbox(recipient)
        .select_related("actor", "question", "original")
        .order_by("-created_at", "-id")[:limit]
    )


UNREAD_SHOWN = 99  # the badge says "99+" beyond this: counting further would read them all
UNREAD_KEPT = 600  # seconds; every write that changes the count also forgets it


def notification_unread_count(*, recipient: User) -> int:
    """Unread notifications, counted up to UNREAD_SHOWN + 1, kept in the cache until a new
    notification or a read changes it."""
    return notification_menu(recipient=recipient)[0]


RECENT_SHOWN = 5


@dataclass(frozen=True)
class Recent:
    """One line of the header's notifications menu: plain values, kept in the cache."""

    text: str
    url: str
    unread: bool
    created_at: datetime


class _CountOf(Subquery):
    """COUNT(*) of a (limited) subquery's rows, as one value of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def notification_menu(*, recipient: User) -> tuple[int, list[Recent]]:
    """The header's unread count and its menu's latest few notifications, kept in the cache
    until a new notification or a read changes them (the services forget both keys). One
    query when they are missing: the latest rows carry the unread count (no rows, no unread)."""
    keys = (unread_key(recipient.pk), recent_key(recipient.pk))
    found = cache.get_many(keys)
    if len(found) == 2:
        return found[keys[0]], found[keys[1]]
    unread = inbox(recipient).filter(read_at__isnull=True).values("pk")[: UNREAD_SHOWN + 1]
    latest = list(
        inbox(recipient)
        .select_related("actor", "question")
        .annotate(unread_total=_CountOf(unread))
        .order_by("-created_at", "-id")[:RECENT_SHOWN]
    )
    count = latest[0].unread_total if latest else 0
    recent = [
        Recent(
            text=notification_line(n),
            url=n.get_absolute_url(),
            unread=n.read_at is None,
            created_at=n.created_at,
        )
        for n in latest
    ]
    cache.set_many(dict(zip(keys, (count, recent), strict=True)), UNREAD_KEPT)
    return count, recent
