"""Rating and discarding an assessment; the dashboard (growth/views/assessments.py)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from growth import services
from growth.models import Assessment
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


LOGIN = reverse("account_login")


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def fresh(obj):
    obj.refresh_from_db()
    return obj


def checked(html: str) -> dict[str, str]:
    """name → value of the radio buttons that are checked."""
    return dict(re.findall(r'<input type="radio" name="([^"]+)" value="(\d)" checked>', html))


class TestDashboard:
    def test_logged_out_goes_to_log_in(self, client):
        response = client.get(url("dashboard"))
        assert response.status_code == 302
        assert response.url == f"{LOGIN}?next=/growth/"

    def test_empty(self, client, person):
        response = client.get(url("dashboard"))
        assert response.status_code == 200
        assert "No assessments yet." in response.text
        assert "Start an assessment" in response.text
        assert "Finish an assessment to make a plan from its gaps." in response.text
        assert 'action="/growth/assessments/compare/"' not in response.text

    def test_lists_ones_assessments_and_plans(self, client, person):
        first = growth.finished(person, by_competency=MIXED)
        second = growth.finished(person)
        plan = services.plan_generate(user=first.owner, assessment=first)
        services.plan_share(user=plan.owner, plan=plan)
        draft = growth.start(person)
        growth.finished(UserFactory())  # someone else's: not listed
        response = client.get(url("dashboard"))
        html = response.text
        assert "Continue your assessment" in html
        assert f'href="{url("assess", draft.pk)}"' in html
        assert f'href="{url("results", first.pk)}"' in html
        assert f'href="{url("results", second.pk)}"' in html
        assert html.count("Mid-level engineer → Senior engineer</a>") == 3
        assert "draft, saved" in html
        assert f'href="{url("plan", plan.pk)}"' in html
        assert "· shared" in html
        # Two finished: the progress form, with a label for each choice.
        assert 'action="/growth/assessments/compare/"' in html
        assert growth.unlabelled(html) == []
        assert [c["name"] for c in growth.controls(html)] == ["a", "b"]


class TestAssess:
    def test_the_form_lists_every_expectation_with_labels(self, client, person):
        draft = growth.start(person)
        response = client.get(url("assess", draft.pk))
        html = response.text
        assert response.status_code == 200
        assert "<h1>Mid-level engineer → Senior engineer</h1>" in html
        assert html.count('<fieldset class="assess-item" id="e-') == 74
        assert html.count('type="radio"') == 74 * 3
        assert html.count("> Not yet</label>") == 74
        assert html.count("> Sometimes</label>") == 74
        assert html.count("> Consistently</label>") == 74
        found = growth.controls(html)
        radios = [c for c in found if c.get("type") == "radio"]
        evidence = [c for c in found if c.get("name", "").startswith("evidence-")]
        assert len(radios) == 222
        assert all(c["wrapped"] for c in radios)  # each radio inside its <label>
        assert len(evidence) == 74
        assert all(c["labelled"] and not c["wrapped"] for c in evidence)  # <label for=…>
        assert growth.unlabelled(html) == []
        for name in ("save", "finish"):
            assert f'name="{name}"' in html
        assert reverse("growth:discard", args=[response.context["assessment"].pk]) in html
        assert [b.competency.slug for b in response.context["sheet"]][:2] == [
            "craft",
            "delivery",
        ]

    def test_saving_a_draft(self, client, person):
        draft = growth.start(person)
        first, second = growth.items(draft)[:2]
        response = client.post(
            url("assess", draft.pk),
            {
                f"rating-{first.pk}": "2",
                f"evidence-{first.pk}": "https://example.com/pr/42",
                f"rating-{second.pk}": "0",
                f"evidence-{second.pk}": "",
                "save": "1",
            },
        )
        assert response.status_code == 302
        assert response.url == url("assess", draft.pk)
        assert messages_of(response) == ["Draft saved. Come back any time to finish it."]
        assert dict(draft.ratings.values_list("expectation_id", "value")) == {
            first.pk: 2,
            second.pk: 0,
        }
        assert fresh(draft).status == Assessment.Status.DRAFT
        page = client.get(url("assess", draft.pk)).text
        assert checked(page) == {f"rating-{first.pk}": "2", f"rating-{second.pk}": "0"}
        assert 'value="https://example.com/pr/42"' in page

    def test_finishing_shows_the_results(self, client, person):
        draft = growth.start(person)
        data = {f"rating-{e.pk}": "1" for e in growth.items(draft)}
        response = client.post(url("assess", draft.pk), {**data, "finish": "1"})
        assert response.status_code == 302
        assert response.url == url("results", draft.pk)
        draft = fresh(draft)
        assert draft.status == Assessment.Status.FINISHED
        assert draft.ratings.count() == 74

    def test_finishing_half_done_says_how_many_are_left(self, client, person):
        draft = growth.start(person)
        data = {f"rating-{e.pk}": "1" for e in growth.items(draft)[:40]}
        response = client.post(url("assess", draft.pk), {**data, "finish": "1"})
        assert response.status_code == 400
        assert (
            '<p class="banner banner--danger" role="alert">Rate every expectation before '
            "finishing: 34 left.</p>" in response.text
        )
        assert fresh(draft).status == Assessment.Status.DRAFT

    def test_a_refused_finish_keeps_the_choices_just_made(self, client, person):
        draft = growth.start(person)
        chosen = growth.items(draft)[:40]
        data = {f"rating-{e.pk}": "2" for e in chosen}
        response = client.post(url("assess", draft.pk), {**data, "finish": "1"})
        assert response.status_code == 400
        assert checked(response.text) == data

    def test_discarding_a_draft(self, client, person):
        draft = growth.start(person)
        growth.rate_all(draft, finish=False)
        confirm = client.get(url("discard", draft.pk))
        assert confirm.status_code == 200
        assert "Discard this draft?" in confirm.text
        response = client.post(url("discard", draft.pk))
        assert response.status_code == 302
        assert response.url == url("dashboard")
        assert messages_of(response) == ["The draft is discarded."]
        assert not Assessment.objects.filter(pk=draft.pk).exists()

    def test_a_finished_assessment_redirects_to_its_results(self, client, person):
        done = growth.finished(person)
        assert client.get(url("assess", done.pk)).url == url("results", done.pk)
        response = client.post(url("discard", done.pk))
        assert response.url == url("results", done.pk)
        assert Assessment.objects.filter(pk=done.pk).exists()
