import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.bands import Band
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
EDIT_URL = reverse("accounts:profile_edit")


def test_public_profile_shows_the_headline(client, django_assert_max_num_queries):
    person = UserFactory(display_name="Ana", headline="Site Reliability Engineer", level_code="L4")
    with django_assert_max_num_queries(4):
        response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    assert "Site Reliability Engineer · L4 (mid)" in response.text
    assert "Edit your profile" not in response.text


def test_unknown_and_deactivated_people_have_no_profile(client):
    gone = UserFactory(is_active=False)
    assert client.get(reverse("accounts:profile", args=["nobody"])).status_code == 404
    assert client.get(gone.get_absolute_url()).status_code == 404


def test_editing_needs_a_login(client):
    for response in (client.get(EDIT_URL), client.post(EDIT_URL, {"display_name": "x"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    # htmx swaps responses into the page; a login form there would be nonsense
    response = client.get(EDIT_URL, headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"].startswith(reverse("account_login"))


def test_a_person_edits_their_own_profile(client):
    person = UserFactory(level_code="", band="")
    client.force_login(person)
    form = client.get(EDIT_URL)
    assert form.status_code == 200
    for label in ("Display name", "Headline role", "Company", "Level code", "Band"):
        assert f">{label}" in form.text
    response = client.post(
        EDIT_URL,
        {
            "display_name": "Ana",
            "headline": "Site Reliability Engineer",
            "company": "Acme",
            "level_code": "SDE II",
            "band_override": "",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == person.get_absolute_url()
    assert "Site Reliability Engineer · SDE II (mid)" in response.text
    person.refresh_from_db()
    assert (person.display_name, person.band) == ("Ana", Band.MID)


def test_bad_input_is_a_form_error_not_a_crash(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        EDIT_URL, {"display_name": "x" * 500, "band_override": "wizard", "headline": "\x00"}
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    person.refresh_from_db()
    assert person.display_name != "x" * 500


def test_a_refused_name_does_not_show_in_the_page_around_the_form(client):
    person = UserFactory(display_name="Priya Raman")
    client.force_login(person)
    response = client.post(EDIT_URL, {"display_name": "Anonymous"})
    assert response.status_code == 200
    header = response.text.split("<main")[0]
    assert "Priya Raman" in header
    assert "Anonymous" not in header


def test_only_the_owner_sees_the_edit_button(client):
    person, other = UserFactory(), UserFactory()
    client.force_login(other)
    assert "Edit your profile" not in client.get(person.get_absolute_url()).text
    client.force_login(person)
    assert "Edit your profile" in client.get(person.get_absolute_url()).text


def test_the_owner_finds_their_data_and_the_way_out(client):
    """The profile and the edit page link to the export and the deletion page; nobody else's."""
    person, other = UserFactory(), UserFactory()
    client.force_login(other)
    assert reverse("privacy:delete") not in client.get(person.get_absolute_url()).text
    client.force_login(person)
    for page in (person.get_absolute_url(), EDIT_URL):
        text = client.get(page).text
        assert reverse("privacy:export") in text, page
        assert reverse("privacy:delete") in text, page


def test_the_header_shows_the_display_name_not_the_handle(client):
    client.force_login(UserFactory(username="dok", display_name="Dana Okafor"))
    header = client.get(reverse("home")).text.split("<main")[0]
    assert ">Dana Okafor</a>" in header
    assert ">dok<" not in header


def test_the_header_falls_back_to_the_handle(client):
    client.force_login(UserFactory(username="dok", display_name=""))
    assert ">dok</a>" in client.get(reverse("home")).text.split("<main")[0]


def test_a_too_long_level_code_is_an_error_not_cut_short(client):
    person = UserFactory(level_code="L4", band=Band.MID)
    client.force_login(person)
    form = client.get(EDIT_URL).text
    level_input = re.search(r"<input[^>]*name=\"level_code\"[^>]*>", form).group()
    # No maxlength: a browser would cut what is pasted without a word.
    assert "maxlength" not in level_input
    response = client.post(EDIT_URL, {"level_code": "Senior Software Engineer, Platform Team"})
    assert response.status_code == 200
    assert "Keep it to 30 characters or fewer (this has 39)." in response.text
    person.refresh_from_db()
    assert person.level_code == "L4"


def test_a_code_rungs_cannot_map_asks_for_the_band(client):
    person = UserFactory(level_code="L4", band=Band.MID)
    client.force_login(person)
    response = client.post(EDIT_URL, {"level_code": "Grade 7B", "band_override": ""})
    assert response.status_code == 200
    assert "Rungs cannot tell the band from this code" in response.text
    assert "L4, E5, IC3, SDE II" in response.text
    person.refresh_from_db()
    assert person.level_code == "L4"
    # With the band chosen by hand, the code is kept as written.
    response = client.post(EDIT_URL, {"level_code": "Grade 7B", "band_override": "senior"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.level_code, person.band, person.band_overridden) == ("Grade 7B", "senior", True)


def test_the_band_choice_says_the_ladder_stops_at_senior(client):
    client.force_login(UserFactory())
    assert "Staff+ (The ladder describes junior to senior" in client.get(EDIT_URL).text


BAND_URL = reverse("accounts:level_band")


def test_the_band_preview_answers_as_people_type(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(BAND_URL, {"level_code": "E5"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.strip() == "“E5” is in the Senior band."
    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control
    assert "max-age=3600" in cache_control
    staff = client.get(BAND_URL, {"level_code": "L7"}).text
    assert "Staff+" in staff
    assert "junior to senior" in staff
    assert "L4, E5" in client.get(BAND_URL, {"level_code": "Grade 7B"}).text


def test_the_band_preview_escapes_the_code_and_writes_nothing(client):
    response = client.get(BAND_URL, {"level_code": "<script>alert(1)</script> L4"})
    assert "<script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert client.post(BAND_URL, {"level_code": "L4"}).status_code == 405


def test_the_form_asks_for_the_band_while_typing_and_shows_it_without_javascript(client):
    person = UserFactory(level_code="L6", band=Band.STAFF)
    client.force_login(person)
    form = client.get(EDIT_URL).text
    assert f'hx-get="{BAND_URL}"' in form
    assert 'id="level-band"' in form
    assert 'aria-live="polite"' in form
    # Without JavaScript: the saved code's band, beside the field and on the profile.
    assert "“L6” is in the Staff+ band. The ladder describes junior to senior" in form
    client.post(EDIT_URL, {"level_code": "SDE II", "band_override": ""})
    assert "“SDE II” is in the Mid-level band." in client.get(EDIT_URL).text
    profile = client.get(person.get_absolute_url()).text
    assert "Mid-level" in profile
    person.refresh_from_db()
    assert person.band == Band.MID


def test_a_staff_profile_says_the_ladder_stops_at_senior(client):
    person = UserFactory(level_code="Principal", band=Band.STAFF)
    assert "The ladder describes junior to senior" in client.get(person.get_absolute_url()).text


# The welcome step after the first log-in.

WELCOME_URL = reverse("welcome")


def newcomer(**values):
    values = {"display_name": "", "headline": "", "level_code": "", "band": ""} | values
    return UserFactory(welcomed_at=None, **values)


def test_the_welcome_step_needs_a_login(client):
    response = client.get(WELCOME_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_welcome_step_asks_for_name_headline_and_level(client, django_assert_max_num_queries):
    client.force_login(newcomer())
    # The session and its user, the e-mail confirmation state, and the forum's part of the step:
    # the levels and the popular tags to follow.
    with django_assert_max_num_queries(6):
        response = client.get(WELCOME_URL, {"next": "/questions/ask/"})
    assert response.status_code == 200
    page = response.text
    for field, label in [
        ("display_name", "Display name"),
        ("headline", "Headline role"),
        ("level_code", "Level code"),
        ("band_override", "Band"),
    ]:
        assert f'<label for="id_{field}">{label}' in page
    # The band preview of the edit page: the same endpoint, the same box.
    assert f'hx-get="{reverse("accounts:level_band")}"' in page
    assert 'id="level-band"' in page
    assert '<input type="hidden" name="next" value="/questions/ask/">' in page
    assert ">Skip for now</button>" in page


def test_filling_in_the_welcome_step_saves_the_profile_and_goes_on(client):
    person = newcomer(company="Initech")
    client.force_login(person)
    response = client.post(
        WELCOME_URL,
        {
            "display_name": "Dana Okafor",
            "headline": "SRE",
            "level_code": "E5",
            "next": "/questions/ask/",
        },
    )
    assert response.status_code == 302
    assert response.url == "/questions/ask/"
    person.refresh_from_db()
    assert (person.display_name, person.headline, person.level_code) == ("Dana Okafor", "SRE", "E5")
    assert person.band == Band.SENIOR
    assert person.company == "Initech"  # not on this form: left as it was
    assert person.welcomed_at is not None
    page = client.get(response.url).text
    assert "Welcome to Rungs. Your profile is saved." in page


def test_skipping_saves_nothing_and_the_step_is_not_shown_again(client):
    person = newcomer()
    client.force_login(person)
    response = client.post(WELCOME_URL, {"skip": "1", "display_name": "Dana", "next": "/tags/"})
    assert response.url == "/tags/"
    person.refresh_from_db()
    assert person.display_name == ""
    assert person.welcomed_at is not None
    again = client.get(WELCOME_URL, {"next": "/questions/"})
    assert again.status_code == 302
    assert again.url == "/questions/"
    # A second tab's late submit saves nothing either.
    client.post(WELCOME_URL, {"display_name": "Late"})
    person.refresh_from_db()
    assert person.display_name == ""


def test_a_code_rungs_cannot_map_is_an_error_on_the_welcome_step(client):
    person = newcomer()
    client.force_login(person)
    response = client.post(WELCOME_URL, {"level_code": "Wizard 9"})
    assert response.status_code == 400
    assert "Rungs cannot tell the band from this code" in response.text
    assert 'value="Wizard 9"' in response.text
    person.refresh_from_db()
    assert (person.level_code, person.welcomed_at) == ("", None)
    chosen = client.post(WELCOME_URL, {"level_code": "Wizard 9", "band_override": "staff"})
    assert chosen.status_code == 302
    person.refresh_from_db()
    assert (person.level_code, person.band, person.band_overridden) == ("Wizard 9", "staff", True)


def test_the_welcome_step_sends_people_only_to_this_site(client):
    client.force_login(newcomer())
    for wanted in ("https://evil.example/", "//evil.example/", WELCOME_URL, ""):
        response = client.post(WELCOME_URL, {"skip": "1", "next": wanted})
        assert response.url == "/"


def test_the_header_shows_the_name_chosen_on_the_welcome_step(client):
    client.force_login(newcomer(username="dok"))
    response = client.post(WELCOME_URL, {"display_name": "Dana Okafor"}, follow=True)
    header = response.text.split("<main")[0]
    assert ">Dana Okafor</a>" in header


def test_a_suspended_newcomer_is_sent_on_and_nothing_is_saved(client):
    person = newcomer(suspended_until=timezone.now() + timedelta(days=2), suspension_reason="Spam")
    client.force_login(person)
    assert client.get(WELCOME_URL).url == "/"
    response = client.post(WELCOME_URL, {"display_name": "Dana", "next": "/questions/"})
    assert response.url == "/questions/"
    person.refresh_from_db()
    assert (person.display_name, person.welcomed_at) == ("", None)
