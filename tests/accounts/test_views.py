import pytest
from django.urls import reverse

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
