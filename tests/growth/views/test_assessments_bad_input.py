"""The assessment steps against what a browser never sends (growth/views/assessments.py)."""

import pytest
from django.urls import reverse

from growth.models import Assessment, Rating
from ladder.models import Expectation
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


def step_url(assessment, expectation) -> str:
    return reverse("growth:assess_step", args=[assessment.pk, expectation.competency.slug])


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestAssessBadInput:
    """Forged or broken form data: a 400 with a clear message, and nothing saved."""

    def post(self, client, draft, extra):
        first = growth.items(draft)[0]
        return client.post(step_url(draft, first), {f"rating-{first.pk}": "2", **extra})

    def assert_refused(self, response, draft, message):
        assert response.status_code == 400
        assert f'role="alert">{message}</p>' in response.text
        assert not Rating.objects.filter(assessment=draft).exists()
        assert fresh(draft).status == Assessment.Status.DRAFT

    def test_an_expectation_from_another_level(self, client, person):
        draft = growth.start(person, current="junior", target="mid")
        senior = Expectation.objects.filter(level__slug="senior", track=None).first()
        response = self.post(client, draft, {f"rating-{senior.pk}": "1", "go": "next"})
        self.assert_refused(
            response, draft, "A rating is for an expectation this assessment does not cover."
        )

    def test_an_expectation_of_the_other_track(self, client, person):
        draft = growth.start(person)
        infra = Expectation.objects.filter(track__slug="infrastructure").first()
        response = self.post(client, draft, {f"rating-{infra.pk}": "1", "go": "finish"})
        self.assert_refused(
            response, draft, "A rating is for an expectation this assessment does not cover."
        )

    @pytest.mark.parametrize(
        "extra",
        [
            {"value": "7"},
            {"value": "3"},
            {"value": "-1"},
            {"value": "often"},
            {"value": "1.5"},
            {"value": ""},
            {"value": "²"},
            {"value": "٣"},
            {"value": " 1_0"},
            {"key": "rating-abc"},
            {"key": "rating-"},
            {"key": "rating-²"},
            {"key": "evidence-x1"},
            {"key": "rating-99999999999999999999999"},
        ],
    )
    @pytest.mark.parametrize("autosave", [False, True])
    def test_off_the_scale_or_not_a_number(self, client, person, extra, autosave):
        draft = growth.start(person)
        second = growth.items(draft)[1]
        key = extra.get("key", f"rating-{second.pk}")
        data = {key: extra.get("value", "1"), "go": "next"}
        if autosave:
            data["autosave"] = "1"
            response = self.post(client, draft, data)
            assert response.status_code == 400
            assert not Rating.objects.exists()
            return
        response = self.post(client, draft, data)
        self.assert_refused(response, draft, "Ratings are not yet, sometimes or consistently.")

    def test_a_made_up_expectation_id(self, client, person):
        draft = growth.start(person)
        response = self.post(client, draft, {"rating-999999999": "1"})
        self.assert_refused(
            response, draft, "A rating is for an expectation this assessment does not cover."
        )

    def test_a_foreign_assessment_id_is_404(self, client, person):
        theirs = growth.start(UserFactory())
        first = growth.items(theirs)[0]
        for where in (url("assess", theirs.pk), step_url(theirs, first)):
            response = client.post(where, {f"rating-{first.pk}": "2", "go": "next"})
            assert response.status_code in (404, 405)
        assert client.get(step_url(theirs, first)).status_code == 404
        assert not Rating.objects.exists()

    def test_an_expectation_of_another_step(self, client, person):
        draft = growth.start(person)
        craft, design = growth.items(draft)[0], growth.items(draft)[-1]
        assert craft.competency_id != design.competency_id
        response = client.post(step_url(draft, craft), {f"rating-{design.pk}": "1", "go": "next"})
        self.assert_refused(
            response, draft, "A rating is for an expectation this assessment does not cover."
        )

    def test_a_nul_character_in_the_evidence_is_not_a_500(self, client, person):
        draft = growth.start(person)
        first = growth.items(draft)[0]
        response = client.post(
            step_url(draft, first),
            {f"rating-{first.pk}": "2", f"evidence-{first.pk}": "see\x00this", "go": "next"},
        )
        assert response.status_code in (302, 400)
        assert all("\x00" not in r.evidence for r in Rating.objects.all())

    def test_evidence_over_500_characters_is_refused_and_shown_again(self, client, person):
        draft = growth.start(person)
        first = growth.items(draft)[0]
        long = "e" * 100_000
        response = client.post(
            step_url(draft, first),
            {f"rating-{first.pk}": "2", f"evidence-{first.pk}": "  " + long, "go": "next"},
        )
        assert response.status_code == 400
        assert "Evidence is at most 500 characters" in response.content.decode()
        assert long in response.content.decode()  # what was typed comes back to shorten
        assert not Rating.objects.exists()

    def test_evidence_alone_with_nul_bytes_and_10k_characters(self, client, person):
        draft = growth.start(person)
        first = growth.items(draft)[0]
        response = client.post(
            step_url(draft, first),
            {f"evidence-{first.pk}": "\x00" + "note " * 2_000, "go": "next"},
        )
        assert response.status_code == 400
        assert not Rating.objects.exists()
        response = client.post(
            step_url(draft, first),
            {f"evidence-{first.pk}": "\x00" + "short note", "go": "next"},
        )
        assert response.status_code == 302
        rating = Rating.objects.get()
        assert (rating.value, rating.evidence) == (None, "short note")

    @pytest.mark.parametrize("slug", ["CRAFT", "craft%00", "..", "craft;drop"])
    def test_a_step_that_is_not_a_competency_is_404(self, client, person, slug):
        draft = growth.start(person)
        for method in (client.get, client.post):
            response = method(f"/growth/assessments/{draft.pk}/step/{slug}/")
            assert response.status_code == 404
        assert not Rating.objects.exists()
