"""A member's standing and what a flag by them weighs (accounts/standing.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import standing
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def person(*, days: float, reputation: int = 0, **kwargs):
    return UserFactory(
        date_joined=timezone.now() - timedelta(days=days), reputation=reputation, **kwargs
    )


def weight(user, *, verified: bool = True, **record) -> int:
    return standing.flag_weight(user, email_verified=verified, **record)


def test_unverified_or_new_accounts_weigh_nothing():
    assert weight(person(days=400, reputation=5000), verified=False) == 0
    assert weight(person(days=0)) == 0
    assert weight(person(days=2.9, reputation=5000)) == 0


def test_weight_grows_with_reputation_and_age():
    assert weight(person(days=3)) == standing.FLAG_WEIGHT_BASE == 1
    assert weight(person(days=3, reputation=standing.FLAG_WEIGHT_REPUTATION)) == 2
    old_hand = person(days=31, reputation=standing.ESTABLISHED_MIN_REPUTATION)
    assert standing.is_established(old_hand)
    assert weight(old_hand) == standing.FLAG_WEIGHT_ESTABLISHED
    # Reputation without age is not established.
    assert not standing.is_established(person(days=5, reputation=10_000))


def test_moderators_and_staff_are_established():
    assert standing.is_established(person(days=0, is_staff=True))
    mod = person(days=0)
    mod.is_moderator = True
    assert standing.is_established(mod)


def test_the_flag_record_moves_the_weight_within_bounds():
    member = person(days=40, reputation=300)
    assert weight(member, rejected=1) == 2
    assert weight(member, rejected=3, upheld=1) == 1
    assert weight(member, rejected=10) == 0
    assert weight(member, upheld=5) == 4
    assert weight(member, upheld=5, rejected=3) == 3  # not twice as many helpful ones
    assert weight(member, upheld=50) == standing.FLAG_WEIGHT_MAX
