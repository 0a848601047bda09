"""The growth pages as their owner uses them: status codes, forms and their labels, messages,
the results with their chart and table, plans and their exports, progress, the profile; bad
input; and the number of queries each page takes, whatever the amount of data."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from growth import services
from growth.models import Assessment, Goal, Plan, Rating
from growth.services import GoalInput
from ladder.models import Expectation, GrowthAction
from tests.factories import QuestionFactory, UserFactory
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


class TestAssess:
    def test_the_form_lists_every_expectation_with_labels(self, client, person):
        draft = growth.start(person)
        response = client.get(url("assess", draft.pk))
        html = response.text
        assert response.status_code == 200
        assert "<h1>Mid-level engineer → Senior engineer</h1>" in html
        assert html.count('<fieldset class="assess-item" id="e-') == 65
        assert html.count('type="radio"') == 65 * 3
        assert html.count("> Not yet</label>") == 65
        assert html.count("> Sometimes</label>") == 65
        assert html.count("> Consistently</label>") == 65
        found = growth.controls(html)
        radios = [c for c in found if c.get("type") == "radio"]
        evidence = [c for c in found if c.get("name", "").startswith("evidence-")]
        assert len(radios) == 195
        assert all(c["wrapped"] for c in radios)  # each radio inside its <label>
        assert len(evidence) == 65
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
        assert draft.ratings.count() == 65

    def test_finishing_half_done_says_how_many_are_left(self, client, person):
        draft = growth.start(person)
        data = {f"rating-{e.pk}": "1" for e in growth.items(draft)[:40]}
        response = client.post(url("assess", draft.pk), {**data, "finish": "1"})
        assert response.status_code == 400
        assert (
            '<p class="banner banner--danger" role="alert">Rate every expectation before '
            "finishing: 25 left.</p>" in response.text
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


class TestAssessBadInput:
    """Forged or broken form data: a 400 with a clear message, and nothing saved."""

    def post(self, client, draft, extra):
        first = growth.items(draft)[0]
        return client.post(url("assess", draft.pk), {f"rating-{first.pk}": "2", **extra})

    def assert_refused(self, response, draft, message):
        assert response.status_code == 400
        assert f'role="alert">{message}</p>' in response.text
        assert not Rating.objects.filter(assessment=draft).exists()
        assert fresh(draft).status == Assessment.Status.DRAFT

    def test_an_expectation_from_another_level(self, client, person):
        draft = growth.start(person, current="junior", target="mid")
        senior = Expectation.objects.filter(level__slug="senior", track=None).first()
        response = self.post(client, draft, {f"rating-{senior.pk}": "1", "save": "1"})
        self.assert_refused(
            response, draft, "A rating is for an expectation this assessment does not cover."
        )

    def test_an_expectation_of_the_other_track(self, client, person):
        draft = growth.start(person)
        infra = Expectation.objects.filter(track__slug="infrastructure").first()
        response = self.post(client, draft, {f"rating-{infra.pk}": "1", "finish": "1"})
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
            {"key": "rating-abc"},
            {"key": "rating-"},
        ],
    )
    def test_off_the_scale_or_not_a_number(self, client, person, extra):
        draft = growth.start(person)
        second = growth.items(draft)[1]
        key = extra.get("key", f"rating-{second.pk}")
        response = self.post(client, draft, {key: extra.get("value", "1"), "save": "1"})
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
        response = client.post(url("assess", theirs.pk), {f"rating-{first.pk}": "2"})
        assert response.status_code == 404
        assert not Rating.objects.exists()

    def test_a_nul_character_in_the_evidence_is_not_a_500(self, client, person):
        draft = growth.start(person)
        first = growth.items(draft)[0]
        response = client.post(
            url("assess", draft.pk),
            {f"rating-{first.pk}": "2", f"evidence-{first.pk}": "see\x00this", "save": "1"},
        )
        assert response.status_code in (302, 400)
        assert all("\x00" not in r.evidence for r in Rating.objects.all())


class TestResults:
    @pytest.fixture
    def done(self, person):
        return growth.finished(person, by_competency=MIXED)

    def test_a_draft_redirects_to_the_form(self, client, person):
        draft = growth.start(person)
        assert client.get(url("results", draft.pk)).url == url("assess", draft.pk)

    def test_headline_table_and_chart(self, client, done):
        response = client.get(url("results", done.pk))
        html = response.text
        assert response.status_code == 200
        assert "<h1>Ready for senior engineer: 51%</h1>" in html
        assert "against ladder 2026.11.1" in html
        # The chart: an SVG image with a title and a description, then the same figures.
        svg = re.search(r'<svg viewBox="[^"]+" role="img" aria-labelledby="([^"]+)"', html)
        assert svg is not None
        assert svg.group(1) == "radar-title radar-desc"
        assert '<title id="radar-title">Readiness by competency</title>' in html
        assert 'id="radar-desc"' in html
        results = response.context["results"]
        for series in results.radar.series:
            assert f'points="{series.points}"' in html
        assert html.count('<tspan x="288.4" dy="14">independence</tspan>') == 1
        assert "<caption>Readiness by competency</caption>" in html
        rows = re.findall(
            r'<th scope="row">([^<]+)</th>\s*<td>.*?</svg>\s*(\d+)%</td>\s*<td>(\d+)%</td>',
            html,
            re.S,
        )
        assert len(rows) == 10
        assert rows[0] == ("Technical craft", "100", "100")
        assert rows[3] == ("System design and architecture", "0", "0")
        assert rows[1] == ("Execution and independence", "50", "50")
        assert '<th scope="row">Overall</th><td>51%</td><td>51%</td>' in html

    def test_strengths_gaps_actions_and_questions(self, client, done):
        question = QuestionFactory(tags=["databases"], title="How do I get better at schemas?")
        response = client.get(url("results", done.pk))
        html = response.text
        assert "<li><strong>Technical craft</strong> — 100%</li>" in html
        assert '<a href="#gap-design">System design and architecture</a> — 0%' in html
        gap = html.split('id="gap-design"')[1].split("</section>")[0]
        assert gap.count("<li>") == 6 + 1 + 1  # six not yet, one growth action, one question
        action = GrowthAction.objects.get(
            transition__from_level__slug="mid", competency__slug="design"
        )
        assert f"<li>{action.text}</li>" in gap
        assert f'<a href="{question.get_absolute_url()}">{question.title}</a>' in gap
        assert '<a href="/questions/?competency=design">All questions about system design' in gap
        assert 'id="gap-craft"' not in html

    def test_make_plan_then_open_it(self, client, done):
        page = client.get(url("results", done.pk))
        assert "Turn the gaps into a plan" in page.text
        response = client.post(url("make_plan", done.pk))
        plan = Plan.objects.get(assessment=done)
        assert response.status_code == 302
        assert response.url == url("plan", plan.pk)
        again = client.post(url("make_plan", done.pk))
        assert again.url == url("plan", plan.pk)
        assert Plan.objects.count() == 1
        assert "Open your growth plan" in client.get(url("results", done.pk)).text

    def test_make_plan_from_a_draft_is_400(self, client, person):
        draft = growth.start(person)
        response = client.post(url("make_plan", draft.pk))
        assert response.status_code == 400
        assert response.text == "Finish the assessment before making a plan from it."
        assert not Plan.objects.exists()

    def test_make_plan_only_answers_post(self, client, done):
        assert client.get(url("make_plan", done.pk)).status_code == 405


class TestPlanPage:
    def test_the_form_has_a_label_for_every_field(self, client, person):
        plan = growth.plan(person)
        response = client.get(url("plan", plan.pk))
        html = response.text
        assert response.status_code == 200
        assert growth.unlabelled(html) == []
        names = [c["name"] for c in growth.controls(html)]
        assert names[:2] == ["title", "discuss"]
        assert names.count("goals-0-title") == 1
        assert len([n for n in names if n.endswith("-title") and n != "title"]) == 6  # 5 + 1
        assert "<legend>Goal 1</legend>" in html
        assert "<legend>Add a goal</legend>" in html
        assert "Private: only you can see this plan." in html
        assert f'href="{url("plan_markdown", plan.pk)}"' in html
        assert f'href="{url("plan_print", plan.pk)}"' in html
        assert '<meta name="robots" content="noindex">' in html

    def test_saving_the_page_untouched_keeps_everything(self, client, person):
        plan = growth.plan(person)
        before = list(plan.goals.values_list("pk", "title", "actions", "evidence", "target_date"))
        response = client.post(url("plan", plan.pk), growth.plan_page_post(plan))
        assert response.status_code == 302
        assert (
            list(plan.goals.values_list("pk", "title", "actions", "evidence", "target_date"))
            == before
        )

    def test_editing_adding_and_removing_goals(self, client, person):
        plan = growth.plan(person)
        first, second, *_ = plan.goals.all()
        data = growth.plan_page_post(plan)
        data.update(
            {
                "title": "Senior by autumn",
                "discuss": "Promotion timeline\n- Next project",
                "goals-0-title": "Write two design docs",
                "goals-0-actions": "Draft the RFC\nAsk for review",
                "goals-0-evidence": "RFC links",
                "goals-0-target_date": "2026-09-30",
                "goals-0-done": "on",
                "goals-1-DELETE": "on",
                "goals-5-title": "Mentor the new joiner",
                "goals-5-actions": "Pair weekly",
            }
        )
        response = client.post(url("plan", plan.pk), data)
        assert response.status_code == 302
        assert response.url == url("plan", plan.pk)
        assert messages_of(response) == ["Your plan is saved."]
        plan = fresh(plan)
        assert plan.title == "Senior by autumn"
        assert plan.discussion_topics == ["Promotion timeline", "Next project"]
        goals = list(plan.goals.all())
        assert len(goals) == 5
        assert [g.order for g in goals] == [0, 1, 2, 3, 4]
        assert goals[0].pk == first.pk
        assert goals[0].title == "Write two design docs"
        assert goals[0].competency.slug == "design"
        assert goals[0].done is True
        assert goals[0].target_date == date(2026, 9, 30)
        assert goals[0].action_list == ["Draft the RFC", "Ask for review"]
        assert goals[-1].title == "Mentor the new joiner"
        assert goals[-1].competency is None
        assert goals[-1].target_date is None
        assert not Goal.objects.filter(pk=second.pk).exists()

    def test_a_goal_id_from_someone_elses_plan_does_not_touch_it(self, client, person):
        plan = growth.plan(person)
        theirs = growth.plan(UserFactory()).goals.first()
        data = growth.plan_page_post(plan)
        data["goals-0-goal_id"] = str(theirs.pk)
        data["goals-0-title"] = "Hijacked"
        assert client.post(url("plan", plan.pk), data).status_code == 302
        untouched = Goal.objects.get(pk=theirs.pk)
        assert untouched.title == theirs.title
        assert untouched.plan_id == theirs.plan_id
        assert plan.goals.filter(title="Hijacked").exists()

    @pytest.mark.parametrize(
        ("goal", "error"),
        [
            ({"title": "", "actions": "Still has actions"}, "This field is required."),
            ({"target_date": "next spring"}, "Enter a valid date."),
            ({"target_date": "2026-02-30"}, "Enter a valid date."),
            ({"title": "x" * 201}, "Ensure this value has at most 200 characters"),
            ({"goal_id": "abc"}, None),
        ],
    )
    def test_a_bad_goal_is_400_and_nothing_is_saved(self, client, person, goal, error):
        plan = growth.plan(person)
        before = list(plan.goals.values_list("pk", "title", "target_date"))
        data = growth.plan_page_post(plan)
        data["title"] = "Changed title"
        data["goals-1-title"] = "Changed goal"
        data.update({f"goals-0-{key}": value for key, value in goal.items()})
        response = client.post(url("plan", plan.pk), data)
        assert response.status_code == 400
        if error:
            assert error in response.text
            assert 'class="errorlist' in response.text
        assert response.context["goals"].errors[0]
        assert fresh(plan).title == "From mid-level engineer to senior engineer"
        assert list(plan.goals.values_list("pk", "title", "target_date")) == before

    def test_a_missing_plan_title_is_400(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan", plan.pk), growth.goal_post(plan, [], title=""))
        assert response.status_code == 400
        assert "This field is required." in response.text
        assert plan.goals.count() == 5

    def test_a_missing_management_form_is_400(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan", plan.pk), {"title": "x", "discuss": ""})
        assert response.status_code == 400
        assert fresh(plan).title == "From mid-level engineer to senior engineer"

    def test_more_than_twenty_goals_is_400(self, client, person):
        plan = growth.plan(person)
        goals = [{"title": f"Goal {i}"} for i in range(21)]
        response = client.post(url("plan", plan.pk), growth.goal_post(plan, goals))
        assert response.status_code == 400
        assert "Please submit at most 20 forms." in response.text
        assert plan.goals.count() == 5

    def test_sharing_and_revoking(self, client, person):
        plan = growth.plan(person)
        response = client.post(url("plan_share", plan.pk))
        assert response.url == url("plan", plan.pk)
        assert messages_of(response) == [
            "Anyone with the link below can read this plan (not change it)."
        ]
        token = fresh(plan).share_token
        page = client.get(url("plan", plan.pk)).text
        assert f'value="http://testserver{url("shared", token)}"' in page
        assert '<label for="share-link">Share link</label>' in page
        assert "Turn the link off" in page
        response = client.post(url("plan_share", plan.pk), {"revoke": "1"})
        assert messages_of(response) == [
            "The share link is turned off. Anyone who had it now gets nothing."
        ]
        assert fresh(plan).share_token is None
        assert "Private: only you can see this plan." in client.get(url("plan", plan.pk)).text


class TestExports:
    def test_markdown(self, client, person):
        plan = growth.plan(person)
        first = plan.goals.first()
        services.plan_update(
            user=plan.owner,
            plan=plan,
            title="Senior by autumn",
            discuss="Promotion timeline\nNext project",
            goals=[
                GoalInput(
                    title="Write two design docs",
                    actions="Draft the RFC\nAsk for review",
                    evidence="RFC links",
                    target_date=date(2026, 9, 30),
                    done=True,
                    goal_id=first.pk,
                ),
                GoalInput(title="Mentor the new joiner", actions="Pair weekly"),
            ],
        )
        response = client.get(url("plan_markdown", plan.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/markdown; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="growth-plan-{plan.pk}.md"'
        assessed = f"{plan.assessment.finished_at:%d %B %Y}"
        assert response.content.decode() == (
            "# Senior by autumn\n"
            "\n"
            "From **Mid-level engineer** to **Senior engineer** (Backend track), "
            f"assessed on {assessed}.\n"
            "\n"
            "## Write two design docs (done)\n"
            "\n"
            "Target date: 30 September 2026\n"
            "\n"
            "Actions:\n"
            "\n"
            "- [x] Draft the RFC\n"
            "- [x] Ask for review\n"
            "\n"
            "Evidence to collect:\n"
            "\n"
            "- RFC links\n"
            "\n"
            "## Mentor the new joiner\n"
            "\n"
            "Actions:\n"
            "\n"
            "- [ ] Pair weekly\n"
            "\n"
            "## To discuss with my manager\n"
            "\n"
            "- Promotion timeline\n"
            "- Next project\n"
            "\n"
            "Made with Rungs.\n"
        )

    def test_print_page(self, client, person):
        plan = growth.plan(person)
        response = client.get(url("plan_print", plan.pk))
        html = response.text
        assert response.status_code == 200
        assert f'<h1 id="plan-title">{plan.title}</h1>' in html
        assert html.count('<section class="goal-print"') == 5
        assert '<h2 id="discuss-heading">To discuss with my manager</h2>' in html
        assert "data-print" in html
        assert f'<a href="{url("plan", plan.pk)}">Back to editing</a>' in html
        assert "print-page" in html
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert "shared with you" not in html


class TestCompare:
    @pytest.fixture
    def pair(self, person):
        before = growth.finished(person, value=SOMETIMES)
        after = growth.finished(person, by_competency=MIXED)
        return before, after

    def test_chart_and_table(self, client, pair):
        before, after = pair
        response = client.get(url("compare"), {"a": after.pk, "b": before.pk})
        html = response.text
        assert response.status_code == 200
        assert "<h1>Progress: 50% → 51%</h1>" in html
        assert 'role="img" aria-labelledby="bars-title"' in html
        assert html.count('<rect class="bars__after"') == 10
        assert '<rect class="bars__after" x="300.0" y="22.0" width="370.0"' in html  # craft 100%
        assert '<rect class="bars__before" x="300.0" y="10.0" width="185.0"' in html  # 50%
        assert "<caption>Change per competency</caption>" in html
        assert (
            '<tr><th scope="row">Technical craft</th><td>50%</td><td>100%</td>'
            '<td class="up">+50</td></tr>'
        ) in html
        assert (
            '<tr><th scope="row">System design and architecture</th><td>50%</td><td>0%</td>'
            '<td class="down">-50</td></tr>'
        ) in html
        assert '<td class="">0</td>' in html

    @pytest.mark.parametrize("query", [{"a": "x", "b": "1"}, {"a": "1"}, {}, {"a": "", "b": ""}])
    def test_not_numbers_are_400(self, client, person, query):
        response = client.get(url("compare"), query)
        assert response.status_code == 400
        assert response.text == "Choose two of your finished assessments."

    def test_a_draft_or_someone_elses_is_404(self, client, pair):
        before, _ = pair
        draft = growth.start(before.owner)
        theirs = growth.finished(UserFactory())
        for other in (draft, theirs):
            response = client.get(url("compare"), {"a": before.pk, "b": other.pk})
            assert response.status_code == 404


class TestProfile:
    def test_readiness_only_when_the_person_chooses(self, client, person):
        growth.finished(person, by_competency=MIXED)
        profile = reverse("accounts:profile", args=[person.username])
        client.logout()
        hidden = client.get(profile).text
        assert "<dt>Band</dt><dd>Mid-level</dd>" in hidden
        assert "Ready for" not in hidden
        person.show_readiness = True
        person.save(update_fields=["show_readiness"])
        shown = client.get(profile).text
        assert (
            "<dt>Ready for senior engineer</dt><dd>51% "
            '<span class="muted">(self-assessed)</span></dd>'
        ) in shown
        # Only the overall figure: nothing per competency.
        assert "System design" not in shown

    def test_nothing_without_a_finished_assessment(self, client):
        person = UserFactory(show_readiness=True)
        growth.start(person)
        response = client.get(reverse("accounts:profile", args=[person.username]))
        assert response.status_code == 200
        assert "Ready for" not in response.text


# Query counts -------------------------------------------------------------------------------

# The budget per page, pinned with one of everything; more data must not add a query.
BUDGETS = {
    "dashboard": 6,
    "start": 12,
    "assess": 7,
    "results": 12,
    "plan": 6,
    "print": 6,
    "markdown": 5,
    "shared": 6,
    "compare": 13,
    "profile": 11,
}


class TestQueryBudgets:
    def pages(self, person, first, second, plan) -> dict[str, str]:
        draft = Assessment.objects.get(owner=person, status="draft")
        return {
            "dashboard": url("dashboard"),
            "start": url("start"),
            "assess": url("assess", draft.pk),
            "results": url("results", first.pk),
            "plan": url("plan", plan.pk),
            "print": url("plan_print", plan.pk),
            "markdown": url("plan_markdown", plan.pk),
            "shared": url("shared", plan.share_token),
            "compare": f"{url('compare')}?a={first.pk}&b={second.pk}",
            "profile": reverse("accounts:profile", args=[person.username]),
        }

    def grow(self, person, plan, count: int):
        """`count` more finished assessments with shared plans, related questions, more goals
        on the plan, and a draft with every expectation rated."""
        for i in range(count):
            done = growth.finished(person, value=i % 3)  # finishes the open draft first
            services.plan_share(
                user=person, plan=services.plan_generate(user=person, assessment=done)
            )
            QuestionFactory(tags=["architecture", "mentoring"])
            QuestionFactory(tags=["on-call"])
        goals = [
            GoalInput(
                title=f"Goal {i}",
                actions="One\nTwo\nThree",
                evidence="A link",
                target_date=date.today() + timedelta(days=i),
                goal_id=goal.pk if goal else None,
            )
            for i, goal in enumerate([*plan.goals.all(), *[None] * 10])
        ]
        services.plan_update(
            user=plan.owner, plan=plan, title=plan.title, discuss=plan.discuss, goals=goals
        )
        growth.rate_all(growth.start(person), finish=False)

    @pytest.mark.parametrize("page", list(BUDGETS))
    def test_pages_stay_flat_as_data_grows(self, client, page, django_assert_max_num_queries):
        person = UserFactory(show_readiness=True)
        first = growth.finished(person, by_competency=MIXED)
        plan = services.plan_generate(user=first.owner, assessment=first)
        services.plan_share(user=plan.owner, plan=plan)
        second = growth.finished(person)
        growth.start(person)
        QuestionFactory(tags=["system-design"])
        if page != "shared":
            client.force_login(person)
        where = self.pages(person, first, second, plan)[page]
        with django_assert_max_num_queries(BUDGETS[page]) as few:
            response = client.get(where)
        assert response.status_code == 200

        self.grow(person, plan, 8)
        where = self.pages(person, first, second, plan)[page]
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(where)
        assert response.status_code == 200
        grown = {
            "dashboard": ('href="/growth/assessments/', 12),  # 10 finished, the draft, "new"
            "plan": ('<fieldset class="goal', 16),  # 15 goals + 1 empty
            "print": ('<section class="goal-print"', 15),
            "markdown": ("\n## Goal ", 15),
            "shared": ('<section class="goal-print"', 15),
            "assess": (" checked>", 65),
        }
        if page in grown:
            needle, count = grown[page]
            assert response.content.decode().count(needle) == count


def test_an_empty_start_post_shows_errors(client, ladder):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(reverse("growth:start"), {})
    assert response.status_code == 400
    assert "This field is required" in response.text
