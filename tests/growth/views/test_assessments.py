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


def step_url(assessment, slug: str) -> str:
    return reverse("growth:assess_step", args=[assessment.pk, slug])


def of(assessment, slug: str) -> list:
    """The expectations of one competency (one step), in the order the step shows them."""
    return [e for e in growth.items(assessment) if e.competency.slug == slug]


def post_step(client, assessment, slug, ratings: dict, go="next", evidence=None, **extra):
    """Submit a step as a browser does: every evidence field, the radios that are checked."""
    data = {f"evidence-{e.pk}": (evidence or {}).get(e.pk, "") for e in of(assessment, slug)}
    data |= {f"rating-{pk}": str(value) for pk, value in ratings.items()}
    return client.post(step_url(assessment, slug), {**data, "go": go, **extra})


def rate_step(client, assessment, slug, value=1, go="next"):
    return post_step(client, assessment, slug, {e.pk: value for e in of(assessment, slug)}, go)


STEPS = [
    "craft",
    "delivery",
    "proactivity",
    "design",
    "operations",
    "mentoring",
    "leadership",
    "communication",
    "business",
    "growth",
]


class TestAssess:
    def test_the_address_opens_the_first_step_with_something_to_rate(self, client, person):
        draft = growth.start(person)
        assert client.get(url("assess", draft.pk)).url == step_url(draft, "craft")
        rate_step(client, draft, "craft")
        rate_step(client, draft, "delivery")
        assert client.get(url("assess", draft.pk)).url == step_url(draft, "proactivity")

    def test_one_step_lists_one_competency_with_labels(self, client, person):
        draft = growth.start(person)
        response = client.get(step_url(draft, "craft"))
        html = response.text
        count = len(of(draft, "craft"))
        assert response.status_code == 200
        assert "<h1>Mid-level engineer → Senior engineer</h1>" in html
        assert "Step 1 of 10</span> Technical craft</h2>" in html
        assert html.count('<fieldset class="assess-item" id="e-') == count
        assert html.count('type="radio"') == count * 3
        assert html.count("> Consistently</label>") == count
        found = growth.controls(html)
        radios = [c for c in found if c.get("type") == "radio"]
        evidence = [c for c in found if c.get("name", "").startswith("evidence-")]
        assert all(c["wrapped"] for c in radios)  # each radio inside its <label>
        assert len(evidence) == count
        assert all(c["labelled"] and not c["wrapped"] for c in evidence)  # <label for=…>
        assert growth.unlabelled(html) == []
        # Progress, as text and as a <progress> named by it.
        assert "<strong>0 of 10 competencies</strong> done, <strong>0 of 74 expectations" in html
        assert '<progress class="assess-progress__bar" max="74" value="0"' in html
        # The jump list: every competency, the current one marked, each with what is left.
        steps = re.findall(r'name="go" value="to:([a-z-]+)"', html)
        assert steps == STEPS
        assert html.count('aria-current="step"') == 1
        current = 'value="to:craft" class="assess-jump__step assess-jump__step--open" aria-current'
        assert current in html
        assert f"{count} to rate" in html
        # Next, no Previous on the first step; leaving and finishing are always there.
        assert 'value="next"' in html
        assert 'value="previous"' not in html
        assert 'value="leave"' in html
        assert 'value="finish"' in html
        assert reverse("growth:discard", args=[draft.pk]) in html

    def test_examples_and_sources_by_title_on_demand(self, client, person):
        draft = growth.start(person)
        expectation = next(e for e in of(draft, "craft") if e.examples and e.sources.exists())
        html = client.get(step_url(draft, "craft")).text
        assert "<summary>Examples and source</summary>" in html
        assert f"<li>{expectation.examples[0]}</li>".replace("'", "&#x27;") in html
        source = expectation.sources.first()
        link = f'<a href="{reverse("ladder:sources")}#{source.short_name}">{source.title}</a>'
        assert link.replace("'", "&#x27;") in html
        assert f">{source.short_name}<" not in html  # the title, never the slug

    def test_next_saves_and_moves_on(self, client, person):
        draft = growth.start(person)
        first, second = of(draft, "craft")[:2]
        response = post_step(
            client,
            draft,
            "craft",
            {first.pk: 2, second.pk: 0},
            evidence={first.pk: "https://example.com/pr/42"},
        )
        assert response.status_code == 302
        assert response.url == step_url(draft, "delivery")
        assert dict(draft.ratings.values_list("expectation_id", "value")) == {
            first.pk: 2,
            second.pk: 0,
        }
        assert fresh(draft).status == Assessment.Status.DRAFT
        page = client.get(step_url(draft, "craft")).text
        assert checked(page) == {f"rating-{first.pk}": "2", f"rating-{second.pk}": "0"}
        assert 'value="https://example.com/pr/42"' in page

    def test_previous_and_jumping_save_too(self, client, person):
        draft = growth.start(person)
        delivery = of(draft, "delivery")[0]
        response = post_step(client, draft, "delivery", {delivery.pk: 1}, go="previous")
        assert response.url == step_url(draft, "craft")
        design = of(draft, "design")[0]
        response = post_step(client, draft, "design", {design.pk: 2}, go="to:growth")
        assert response.url == step_url(draft, "growth")
        assert dict(draft.ratings.values_list("expectation_id", "value")) == {
            delivery.pk: 1,
            design.pk: 2,
        }

    def test_save_and_leave(self, client, person):
        draft = growth.start(person)
        item = of(draft, "design")[0]
        response = post_step(client, draft, "design", {item.pk: 0}, go="leave")
        assert response.url == url("dashboard")
        assert messages_of(response) == [
            "Saved. Come back any time: you will start where you left off."
        ]
        assert draft.ratings.get().value == 0

    def test_evidence_is_kept_without_a_rating(self, client, person):
        draft = growth.start(person)
        item = of(draft, "craft")[0]
        post_step(client, draft, "craft", {}, evidence={item.pk: "The payments refactor"})
        rating = draft.ratings.get()
        assert (rating.expectation_id, rating.value, rating.evidence) == (
            item.pk,
            None,
            "The payments refactor",
        )
        html = client.get(step_url(draft, "craft")).text
        assert 'value="The payments refactor"' in html
        assert checked(html) == {}
        assert "<strong>0 of 74 expectations</strong> rated" in html  # not counted as rated

    def test_finishing_shows_the_results(self, client, person):
        draft = growth.start(person)
        for slug in STEPS[:-1]:
            rate_step(client, draft, slug)
        response = rate_step(client, draft, "growth", go="finish")
        assert response.status_code == 302
        assert response.url == url("results", draft.pk)
        draft = fresh(draft)
        assert draft.status == Assessment.Status.FINISHED
        assert draft.ratings.count() == 74

    def test_finishing_half_done_goes_to_the_first_item_left(self, client, person):
        draft = growth.start(person)
        for slug in STEPS[:3]:
            rate_step(client, draft, slug)
        design = of(draft, "design")
        response = post_step(client, draft, "design", {design[0].pk: 2}, go="finish")
        assert response.status_code == 302
        assert response.url == f"{step_url(draft, 'design')}?unrated=1#e-{design[1].pk}"
        left = 74 - sum(len(of(draft, slug)) for slug in STEPS[:3]) - 1
        assert messages_of(response) == [
            f"{left} expectations still need a rating before you can finish: "
            f"{len(design) - 1} in “System design and architecture”, marked below, and the rest "
            "in the steps marked in the list."
        ]
        assert fresh(draft).status == Assessment.Status.DRAFT
        assert draft.ratings.get(expectation=design[0]).value == 2  # the step was saved
        html = client.get(response.url).text
        marked = re.findall(r'class="assess-item assess-item--unrated" id="e-(\d+)"', html)
        assert marked == [str(e.pk) for e in design[1:]]
        assert html.count("Not rated yet</strong>") == len(design) - 1

    def test_one_left_says_so(self, client, person):
        draft = growth.start(person)
        last = growth.items(draft)[-1]
        growth.rate_all(draft, finish=False)
        draft.ratings.filter(expectation=last).delete()
        response = client.post(step_url(draft, "craft"), {"go": "finish"})
        assert response.url.startswith(step_url(draft, last.competency.slug))
        assert messages_of(response) == [
            "1 expectation still needs a rating before you can finish: 1 in “Learning and career "
            "growth”, marked below."
        ]

    def test_a_refused_step_keeps_the_choices_just_made(self, client, person):
        draft = growth.start(person)
        chosen = of(draft, "craft")
        data = {f"rating-{e.pk}": "2" for e in chosen}
        foreign = of(draft, "design")[0]
        response = client.post(
            step_url(draft, "craft"), {**data, f"rating-{foreign.pk}": "1", "go": "next"}
        )
        assert response.status_code == 400
        assert checked(response.text) == data
        assert not draft.ratings.exists()

    def test_an_unknown_step_is_404(self, client, person):
        draft = growth.start(person)
        for slug in ("nope", "on-call"):  # on-call: no competency of this assessment
            assert client.get(step_url(draft, slug)).status_code == 404
            assert client.post(step_url(draft, slug), {"go": "next"}).status_code == 404

    def test_an_unknown_destination_is_400(self, client, person):
        draft = growth.start(person)
        item = of(draft, "craft")[0]
        for go in ("to:nope", "sideways", "to:"):
            response = post_step(client, draft, "craft", {item.pk: 1}, go=go)
            assert response.status_code == 400
        assert not draft.ratings.exists()  # refused before anything is written


class TestAssessWithHtmx:
    HX = {"HTTP_HX_REQUEST": "true"}

    def test_moving_swaps_in_the_next_step_and_pushes_its_address(self, client, person):
        draft = growth.start(person)
        item = of(draft, "craft")[0]
        response = client.post(
            step_url(draft, "craft"),
            {f"rating-{item.pk}": "2", f"evidence-{item.pk}": "", "go": "next"},
            **self.HX,
        )
        assert response.status_code == 200
        assert response["HX-Push-Url"] == step_url(draft, "delivery")
        html = response.text
        assert html.lstrip().startswith('<div id="assess-step"')
        assert "<h1>" not in html  # the fragment, not the page
        assert f"Step 2 of 10</span> {of(draft, 'delivery')[0].competency.name}</h2>" in html
        assert "<strong>1 of 74 expectations</strong> rated" in html

    def test_a_refused_finish_swaps_in_the_step_with_the_items_marked(self, client, person):
        draft = growth.start(person)
        response = client.post(step_url(draft, "design"), {"go": "finish"}, **self.HX)
        first = of(draft, "craft")[0]
        assert response["HX-Push-Url"] == f"{step_url(draft, 'craft')}?unrated=1#e-{first.pk}"
        assert "74 expectations still need a rating" in response.text
        assert "assess-item--unrated" in response.text

    def test_finishing_and_leaving_load_a_whole_page(self, client, person):
        draft = growth.start(person)
        response = client.post(step_url(draft, "craft"), {"go": "leave"}, **self.HX)
        assert response["HX-Redirect"] == url("dashboard")
        growth.rate_all(draft, finish=False)
        response = client.post(step_url(draft, "growth"), {"go": "finish"}, **self.HX)
        assert response["HX-Redirect"] == url("results", draft.pk)

    def test_autosave_saves_one_answer_quietly(self, client, person):
        draft = growth.start(person)
        item = of(draft, "craft")[0]
        response = client.post(
            step_url(draft, "craft"),
            {f"rating-{item.pk}": "1", f"evidence-{item.pk}": "A note", "autosave": "1"},
            **self.HX,
        )
        assert response.status_code == 200
        assert response.text.startswith("Saved at ")
        assert 'id="assess-progress" hx-swap-oob="true"' in response.text
        assert "<strong>1 of 74 expectations</strong> rated" in response.text
        # The list of competencies follows too, so it never contradicts the bar.
        assert 'id="assess-jump-list" hx-swap-oob="true"' in response.text
        assert "14 to rate" in response.text  # Technical craft: 15 expectations, one rated
        assert "HX-Push-Url" not in response
        rating = draft.ratings.get()
        assert (rating.value, rating.evidence) == (1, "A note")

    def test_a_refused_autosave_is_400_and_saves_nothing(self, client, person):
        draft = growth.start(person)
        item = of(draft, "craft")[0]
        response = client.post(
            step_url(draft, "craft"), {f"rating-{item.pk}": "3", "autosave": "1"}, **self.HX
        )
        assert response.status_code == 400
        assert not draft.ratings.exists()

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
        assert client.get(step_url(done, "craft")).url == url("results", done.pk)
        response = client.post(step_url(done, "craft"), {"go": "finish"})
        assert response.url == url("results", done.pk)
        response = client.post(url("discard", done.pk))
        assert response.url == url("results", done.pk)
        assert Assessment.objects.filter(pk=done.pk).exists()


class TestStartingAgain:
    def test_the_answers_of_last_time_are_marked_until_confirmed(self, client, person):
        done = growth.finished(person, value=SOMETIMES)
        done.finished_at = done.finished_at.replace(year=2026, month=3, day=3, hour=12)
        done.save(update_fields=["finished_at"])
        draft = growth.start(person)
        html = client.get(step_url(draft, "craft")).text
        count = len(of(draft, "craft"))
        assert html.count('<span class="badge badge--carried">from 3 Mar 2026</span>') == count
        assert "<strong>74 of 74 expectations</strong> rated" in html
        assert "74 answers from 3 March 2026 to check" in html
        assert len(checked(html)) == count  # last time's answers, ready to confirm
        rate_step(client, draft, "craft", value=SOMETIMES)  # confirmed as they were
        html = client.get(step_url(draft, "craft")).text
        assert "badge--carried" not in html
        assert f"{74 - count} answers from 3 March 2026 to check" in html
