"""Generated avatars (accounts/avatars.py): stable, readable, and naming nobody they shouldn't."""

import re

import pytest

from accounts import avatars
from accounts.services import account_erase
from tests.factories import UserFactory


def test_every_colour_has_at_least_4_5_to_1_contrast_with_the_white_initials():
    for user_id in range(1, 5001):
        assert avatars.contrast(avatars.colour_for(user_id), avatars.TEXT) >= 4.5, user_id
    assert avatars.contrast(avatars.NEUTRAL, avatars.TEXT) >= 4.5


def test_the_contrast_formula_matches_wcag():
    assert avatars.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert avatars.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_colours_are_stable_and_differ_between_people():
    assert avatars.colour_for(42) == avatars.colour_for(42)
    assert len({avatars.colour_for(i) for i in range(1, 101)}) > 80


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dana Okafor", "DO"),
        ("ana", "A"),
        ("Jean-Luc de la Tour", "JT"),
        ("  ", "?"),
        ("Łukasz Żak", "ŁŻ"),
        ("<script> alert", "SA"),
    ],
)
def test_initials(name, expected):
    assert avatars.initials(name) == expected


@pytest.mark.django_db
class TestForPerson:
    def test_the_colour_follows_the_id_not_the_name(self):
        person = UserFactory(display_name="Dana Okafor")
        before = avatars.for_person(person)
        person.display_name = "Dana Smith"
        after = avatars.for_person(person)
        assert avatars.colour_for(person.pk) in before
        assert avatars.colour_for(person.pk) in after
        assert ">DO<" in before
        assert ">DS<" in after

    def test_markup_is_escaped_and_decorative(self):
        person = UserFactory(display_name="&amp Bob")
        svg = str(avatars.for_person(person))
        assert 'aria-hidden="true"' in svg
        assert re.search(r">AB<", svg)

    def test_erased_members_get_the_neutral_avatar(self):
        person = UserFactory(display_name="Dana Okafor")
        account_erase(user=person)
        assert avatars.for_person(person) == avatars.deleted()
        assert avatars.colour_for(person.pk) not in avatars.for_person(person)


def test_anonymous_avatar_is_the_same_for_everyone():
    assert avatars.anonymous() == avatars.anonymous()
    assert avatars.NEUTRAL in avatars.anonymous()
