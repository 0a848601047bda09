"""Helpers for moderation tests: moderators, flags and a few shortcuts over the services."""

from django.contrib.auth.models import Group

from moderation.models import MODERATORS_GROUP, AuditEntry, Flag
from moderation.services.flags import flag_create
from tests.factories import UserFactory


def moderators_group() -> Group:
    """The group the data migration creates; membership is what makes a moderator."""
    return Group.objects.get(name=MODERATORS_GROUP)


def moderator(**kwargs):
    """A person in the Moderators group, with the synced `is_moderator` flag loaded."""
    user = UserFactory(**kwargs)
    moderators_group().user_set.add(user)
    user.refresh_from_db()
    return user


def flag(item, *, by=None, reason: str = Flag.Reason.SPAM, text: str = "") -> Flag:
    """A flag on `item` by `by` (a fresh person unless given), through the service."""
    if not text and reason == Flag.Reason.NEEDS_MODERATOR:
        text = "Please take a look at this."
    return flag_create(flagger=by or UserFactory(), contribution=item, reason=reason, text=text)


def flags(item, count: int, *, reason: str = Flag.Reason.SPAM) -> list[Flag]:
    """`count` flags on `item`, each by a different person."""
    return [flag(item, reason=reason) for _ in range(count)]


def fresh(obj):
    obj.refresh_from_db()
    return obj


def entries(action: str | None = None) -> list[AuditEntry]:
    """The audit log, oldest first: all of it, or one action's entries."""
    found = AuditEntry.objects.order_by("id")
    return list(found.filter(action=action) if action else found)


def only_entry(action: str) -> AuditEntry:
    (entry,) = entries(action)
    return entry
