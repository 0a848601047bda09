"""Who a person is to the site (accounts/rules.py): signed in, free to act, a moderator."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.rules import can_edit_profile, can_moderate, may_act, signed_in, suspended
from core.rules import refusal
from moderation.services.people import user_suspend
from tests.factories import UserFactory, superuser
from tests.moderation.factories import moderator

pytestmark = pytest.mark.django_db


def test_signed_in_means_an_active_account():
    assert signed_in(UserFactory())
    assert not signed_in(UserFactory(is_active=False))
    assert not signed_in(AnonymousUser())
    assert not signed_in(None)


def test_a_suspension_stops_acting_and_every_rule_says_so_first(ladder):
    person, mod = UserFactory(), moderator()
    for someone in (person, mod):
        user_suspend(moderator=superuser(), user=someone, days=2, reason="Heated replies")
    assert signed_in(person)
    assert not may_act(person)
    assert not can_edit_profile(person)
    assert not can_moderate(mod)
    said = refusal(can_moderate, mod)
    assert said.startswith("Your account is suspended until ")
    assert said.endswith(" UTC: Heated replies")
    assert suspended(UserFactory()) is None


def test_refusals_name_the_rule_when_no_suspension_explains_it():
    assert refusal(can_edit_profile, AnonymousUser()) == "Log in to edit your profile."
    assert refusal(can_moderate, UserFactory()) == "Only moderators can do that."
