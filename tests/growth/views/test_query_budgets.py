"""Growth pages cost a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from growth import services
from growth.models import Assessment
from growth.services import GoalInput
from tests.factories import QuestionFactory, UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


@pytest.fixture
def person(client):
    user = UserFactory(band="mid", headline="Backend Engineer")
    client.force_login(user)
    return user


def url(name: str, *args) -> str:
    return reverse(f"growth:{name}", args=args)


# The budget per page, pinned with one of everything; more data must not add a query.
BUDGETS = {
    "dashboard": 6,
    "start": 12,
    "assess": 7,  # one step: session, user, assessment, expectations, their sources, ratings, menu
    "results": 12,
    "plan": 7,  # the plan, its goals with their competencies, their actions
    "print": 7,
    "markdown": 6,
    "shared": 7,
    "shared_gone": 4,  # a turned-off link: the plan is not there, the old token is
    "compare": 13,
    "profile": 12,  # with the badges on the summary (forum/panels.py)
}


class TestQueryBudgets:
    def pages(self, person, first, second, plan) -> dict[str, str]:
        draft = Assessment.objects.get(owner=person, status="draft")
        return {
            "dashboard": url("dashboard"),
            "start": url("start"),
            "assess": url("assess_step", draft.pk, "craft"),
            "results": url("results", first.pk),
            "plan": url("plan", plan.pk),
            "print": url("plan_print", plan.pk),
            "markdown": url("plan_markdown", plan.pk),
            "shared": url("shared", plan.share_token),
            "shared_gone": url("shared", self.gone),
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
                support="My manager",
                evidence="A link",
                target_date=date.today() + timedelta(days=i),
                goal_id=goal.pk if goal else None,
            )
            for i, goal in enumerate([*plan.goals.all(), *[None] * 10])
        ]
        services.plan_update(
            user=plan.owner, plan=plan, title=plan.title, discuss=plan.discuss, goals=goals
        )
        for goal in plan.goals.all():
            for text in ("One", "Two", "Three"):
                action = services.plan_action_add(user=person, goal=goal, text=text)
            services.plan_action_toggle(user=person, action=action, done=True)
        growth.rate_all(growth.start(person), finish=False)

    @pytest.mark.parametrize("page", list(BUDGETS))
    def test_pages_stay_flat_as_data_grows(self, client, page, django_assert_max_num_queries):
        person = UserFactory(show_readiness=True)
        first = growth.finished(person, by_competency=MIXED)
        plan = services.plan_generate(user=first.owner, assessment=first)
        self.gone = services.plan_share(user=plan.owner, plan=plan)
        services.plan_unshare(user=plan.owner, plan=plan)
        services.plan_share(user=plan.owner, plan=plan)
        second = growth.finished(person)
        growth.start(person)
        QuestionFactory(tags=["system-design"])
        if not page.startswith("shared"):
            client.force_login(person)
        where = self.pages(person, first, second, plan)[page]
        with django_assert_max_num_queries(BUDGETS[page]) as few:
            response = client.get(where)
        assert response.status_code == (410 if page == "shared_gone" else 200)

        self.grow(person, plan, 8)
        where = self.pages(person, first, second, plan)[page]
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(where)
        assert response.status_code == (410 if page == "shared_gone" else 200)
        html = response.content.decode()
        grown = {
            "dashboard": [('href="/growth/assessments/', 12)],  # 10 finished, the draft, "new"
            "plan": [
                ('<fieldset class="goal', 16),  # 15 goals + 1 empty
                ('<li class="plan-action', 5 * 2 + 15 * 3),  # generated + 3 added per goal
                ('<li class="plan-action plan-action--done"', 15),
            ],
            "print": [('<section class="goal-print"', 15), ('<li class="checklist__done"', 15)],
            "markdown": [("\n## Goal ", 15), ("- [x] Three", 15)],
            "shared": [('<section class="goal-print"', 15)],
            "assess": [(" checked>", 15)],  # one step: Technical craft's expectations
        }
        for needle, count in grown.get(page, []):
            assert html.count(needle) == count, needle


def test_every_step_costs_the_same_however_many_expectations_it_has(
    client, person, django_assert_max_num_queries
):
    """Sources, levels and tracks come with the expectations: a step with 15 expectations costs
    what one with 4 costs."""
    draft = growth.start(person)
    growth.rate_all(draft, finish=False)
    sizes = {}
    for slug in {e.competency.slug for e in growth.items(draft)}:
        with django_assert_max_num_queries(BUDGETS["assess"]):
            response = client.get(url("assess_step", draft.pk, slug))
        assert response.status_code == 200
        sizes[slug] = response.content.decode().count(" checked>")
    assert (min(sizes.values()), max(sizes.values())) == (4, 15)
