"""Helpers for moderation tests: moderators, flags and a few shortcuts over the services."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import standing
from moderation.models import MODERATORS_GROUP, AuditEntry, Flag
from moderation.services.flags import flag_create
from tests.factories import UserFactory


def moderators_group() -> Group:
    """The group the data migration creates; membership is what makes a moderator. Created
    here when missing: a transactional test (the browser's) empties the tables after it runs,
    migration data included."""
    return Group.objects.get_or_create(name=MODERATORS_GROUP)[0]


def moderator(**kwargs):
    """A person in the Moderators group, with the synced `is_moderator` flag loaded."""
    user = UserFactory(**kwargs)
    moderators_group().user_set.add(user)
    user.refresh_from_db()
    return user


def member(*, days: int = 10, reputation: int = 0, **kwargs):
    """A verified person who joined `days` ago."""
    joined = timezone.now() - timedelta(days=days)
    return UserFactory(date_joined=joined, reputation=reputation, **kwargs)


def flagger(**kwargs):
    """A verified member of some days with a little reputation: each flag weighs 2, so three
    of theirs (2 + 2 + 2) reach standing.FLAG_WEIGHT_TO_HIDE."""
    return member(reputation=standing.FLAG_WEIGHT_REPUTATION, **kwargs)


def established(**kwargs):
    """A member old enough with enough reputation to be established (flag weight 3)."""
    days = standing.ESTABLISHED_MIN_AGE.days + 1
    return member(days=days, reputation=standing.ESTABLISHED_MIN_REPUTATION, **kwargs)


def flag(item, *, by=None, reason: str = Flag.Reason.SPAM, text: str = "") -> Flag:
    """A flag on `item` by `by` (a new `flagger()` unless given), through the service."""
    if not text and reason == Flag.Reason.NEEDS_MODERATOR:
        text = "Please take a look at this."
    return flag_create(flagger=by or flagger(), contribution=item, reason=reason, text=text)


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
