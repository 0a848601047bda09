import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from accounts.bands import Band
from accounts.models import AnswerSort, EmailFrequency
from accounts.selectors import welcome_due
from accounts.services import (
    answer_sort_remember,
    profile_update,
    welcome_complete,
    welcome_dismiss,
)
from core.rules import ActionNotAllowed
from moderation.services.people import user_suspend
from tests.factories import UserFactory, superuser

pytestmark = pytest.mark.django_db


def _update(user, **changes):
    values = {
        "display_name": "Priya",
        "headline": "Site Reliability Engineer",
        "company": "Acme",
        "level_code": "L4",
        "band_override": None,
    }
    return profile_update(user=user, **{**values, **changes})


def test_band_follows_the_level_code():
    user = _update(UserFactory(band=""), level_code="E5")
    user.refresh_from_db()
    assert user.band == Band.SENIOR
    assert not user.band_overridden
    assert user.headline_text == "Site Reliability Engineer · E5 (senior)"


def test_a_chosen_band_wins_over_the_code():
    user = _update(UserFactory(), level_code="L4", band_override=Band.SENIOR)
    user.refresh_from_db()
    assert (user.band, user.band_overridden) == (Band.SENIOR, True)
    assert user.headline_text == "Site Reliability Engineer · L4 (senior)"


def test_clearing_the_override_goes_back_to_the_code():
    user = _update(UserFactory(), band_override=Band.STAFF)
    user = _update(user, level_code="IC1", band_override=None)
    user.refresh_from_db()
    assert (user.band, user.band_overridden) == (Band.JUNIOR, False)


def test_an_unknown_code_leaves_the_band_empty():
    user = _update(UserFactory(), level_code="Wizard")
    user.refresh_from_db()
    assert user.band == ""
    assert user.headline_text == "Site Reliability Engineer · Wizard"


def test_whitespace_is_trimmed():
    user = _update(UserFactory(), display_name="  Priya  ", headline=" SRE ")
    user.refresh_from_db()
    assert (user.display_name, user.headline) == ("Priya", "SRE")


def test_too_long_values_are_rejected_and_nothing_is_saved():
    user = UserFactory(headline="Backend Engineer")
    with pytest.raises(ValidationError):
        _update(user, headline="x" * 200)
    user.refresh_from_db()
    assert user.headline == "Backend Engineer"


class TestWhoMayUpdate:
    """The service's own rule (accounts.rules.can_edit_profile), not only the view's."""

    def test_a_suspended_person_cannot_change_their_name(self):
        person = UserFactory(display_name="Before")
        user_suspend(moderator=superuser(), user=person, days=3, reason="Impersonation")
        with pytest.raises(
            ActionNotAllowed, match=r"Your account is suspended until .*Impersonation"
        ):
            _update(person, display_name="Someone else")
        person.refresh_from_db()
        assert person.display_name == "Before"

    @pytest.mark.parametrize("who", ["nobody", "an inactive person"])
    def test_only_an_active_signed_in_person_updates(self, who):
        person = AnonymousUser() if who == "nobody" else UserFactory(is_active=False)
        with pytest.raises(ActionNotAllowed, match="Log in to edit your profile"):
            _update(person)


def test_the_order_of_answers_is_written_only_when_it_changes(django_assert_num_queries):
    person = UserFactory()
    with django_assert_num_queries(0):
        answer_sort_remember(user=person, sort=AnswerSort.VOTES)
    answer_sort_remember(user=person, sort=AnswerSort.NEWEST)
    person.refresh_from_db()
    assert person.answer_sort == AnswerSort.NEWEST


def test_the_welcome_step_saves_the_profile_and_is_then_done():
    person = UserFactory(welcomed_at=None, company="Initech", email_frequency=EmailFrequency.DAILY)
    assert welcome_due(person)
    welcome_complete(
        user=person, display_name="Dana", headline="SRE", level_code="L5", band_override=None
    )
    person.refresh_from_db()
    assert (person.display_name, person.band, person.company) == ("Dana", Band.SENIOR, "Initech")
    assert person.email_frequency == EmailFrequency.DAILY
    assert person.welcomed_at is not None
    assert not welcome_due(person)


def test_a_refused_welcome_writes_nothing():
    person = UserFactory(welcomed_at=None, display_name="")
    with pytest.raises(ValidationError):
        welcome_complete(
            user=person, display_name="x" * 61, headline="", level_code="", band_override=None
        )
    person.refresh_from_db()
    assert (person.display_name, person.welcomed_at) == ("", None)


def test_dismissing_the_welcome_keeps_the_first_time():
    person = UserFactory(welcomed_at=None)
    welcome_dismiss(user=person)
    first = person.welcomed_at
    person.refresh_from_db()
    assert person.welcomed_at == first
    welcome_dismiss(user=person)
    other_copy = type(person).objects.get(pk=person.pk)
    other_copy.welcomed_at = None  # a stale copy (another tab) cannot move the time either
    welcome_dismiss(user=other_copy)
    person.refresh_from_db()
    assert person.welcomed_at == first


def test_a_suspended_newcomer_has_no_welcome_step_and_cannot_fill_one_in():
    person = UserFactory(welcomed_at=None)
    user_suspend(moderator=superuser(), user=person, days=2, reason="Spam")
    person.refresh_from_db()
    assert not welcome_due(person)
    assert not welcome_due(AnonymousUser())
    with pytest.raises(ActionNotAllowed):
        welcome_complete(
            user=person, display_name="Dana", headline="", level_code="", band_override=None
        )
