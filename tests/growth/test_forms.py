"""Growth forms only parse (growth/forms.py); the start form guesses a sensible first choice."""

import pytest

from growth.forms import StartForm
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.mark.parametrize(
    ("band", "headline", "expected"),
    [
        ("junior", "Backend Engineer", {"track": "backend", "current": "junior", "target": "mid"}),
        (
            "mid",
            "Site Reliability Engineer",
            {"track": "infrastructure", "current": "mid", "target": "senior"},
        ),
        (
            "senior",
            "Platform engineer",
            {"track": "infrastructure", "current": "senior", "target": "senior"},
        ),
        (
            "staff",
            "Principal engineer",
            {"track": "backend", "current": "senior", "target": "senior"},
        ),
        ("", "Engineer", {"track": "backend", "current": "mid", "target": "senior"}),
    ],
)
def test_the_first_choice_follows_the_band_and_the_role(band, headline, expected):
    assert StartForm.initial_for(UserFactory(band=band, headline=headline)) == expected


def test_any_pair_of_levels_parses_whether_it_makes_sense_is_the_services_rule():
    form = StartForm({"track": "backend", "current": "senior", "target": "junior"})
    assert form.is_valid(), form.errors
