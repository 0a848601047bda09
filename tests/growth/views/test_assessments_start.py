"""Starting an assessment (growth/views/assessments.py: assessment_start)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from growth.models import Assessment
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


class TestStart:
    @pytest.mark.parametrize(
        ("band", "headline", "track", "current", "target"),
        [
            ("junior", "Backend Engineer", "backend", "junior", "mid"),
            ("mid", "Backend Engineer", "backend", "mid", "senior"),
            ("senior", "Software Engineer", "backend", "senior", "senior"),
            ("staff", "Staff Engineer", "backend", "senior", "senior"),
            ("", "Engineer", "backend", "mid", "senior"),
            ("mid", "Site Reliability Engineer", "infrastructure", "mid", "senior"),
        ],
    )
    def test_defaults_from_the_band(self, client, band, headline, track, current, target):
        client.force_login(UserFactory(band=band, headline=headline))
        response = client.get(url("start"))
        assert response.status_code == 200
        form = response.context["form"]
        assert (form["track"].value(), form["current"].value(), form["target"].value()) == (
            track,
            current,
            target,
        )
        assert f'<option value="{target}" selected>' in response.text.split('id="id_target"')[1]

    def test_every_field_has_a_label(self, client, person):
        html = client.get(url("start")).text
        assert growth.unlabelled(html) == []
        assert len(growth.controls(html)) == 4  # two track radios, two selects
        assert "<legend>Track</legend>" in html

    def test_starting_opens_the_draft(self, client, person):
        response = client.post(
            url("start"), {"track": "infrastructure", "current": "junior", "target": "mid"}
        )
        assessment = Assessment.objects.get(owner=person)
        assert response.status_code == 302
        assert response.url == url("assess", assessment.pk)
        assert (assessment.track.slug, assessment.current_level.slug) == (
            "infrastructure",
            "junior",
        )
        assert assessment.target_level.slug == "mid"

    def test_the_same_level_is_allowed(self, client, person):
        response = client.post(
            url("start"), {"track": "backend", "current": "mid", "target": "mid"}
        )
        assert response.status_code == 302
        assert Assessment.objects.get(owner=person).target_level.slug == "mid"

    def test_aiming_below_is_refused(self, client, person):
        response = client.post(
            url("start"), {"track": "backend", "current": "senior", "target": "junior"}
        )
        assert response.status_code == 400
        assert "Aim at your level or one above it." in response.text
        assert not Assessment.objects.exists()

    @pytest.mark.parametrize(
        "data",
        [
            {"track": "frontend", "current": "mid", "target": "senior"},
            {"track": "backend", "current": "principal", "target": "senior"},
            {"track": "backend", "current": "mid"},
        ],
    )
    def test_bad_choices_are_400(self, client, person, data):
        response = client.post(url("start"), data)
        assert response.status_code == 400
        assert "errorlist" in response.text
        assert not Assessment.objects.exists()

    def test_a_draft_in_progress_is_reopened(self, client, person):
        draft = growth.start(person)
        page = client.get(url("start"))
        assert "You have an assessment in progress" in page.text
        assert f'href="{url("assess", draft.pk)}">Continue it</a>' in page.text
        response = client.post(
            url("start"), {"track": "infrastructure", "current": "junior", "target": "mid"}
        )
        assert response.url == url("assess", draft.pk)
        assert messages_of(response) == ["You already had an assessment in progress; here it is."]
        assert Assessment.objects.filter(owner=person).count() == 1


def test_an_empty_start_post_shows_errors(client, ladder):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(reverse("growth:start"), {})
    assert response.status_code == 400
    assert "This field is required" in response.text
