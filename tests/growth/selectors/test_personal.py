"""What growth gives a person in their data export (growth/selectors/personal.py), and what
personal_data_erase takes away (growth/services.py)."""

from datetime import date

import pytest
from django.urls import reverse

from growth import services
from growth.models import Goal, Plan, PlanAction, RevokedShareLink
from growth.selectors.personal import personal_data
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def plan() -> Plan:
    the_plan = growth.plan(UserFactory())
    goal = the_plan.goals.first()
    first = goal.actions.first()
    services.plan_action_toggle(user=the_plan.owner, action=first, done=True)
    services.plan_action_add(user=the_plan.owner, goal=goal, text="Mine", due=date(2027, 5, 1))
    old = services.plan_share(user=the_plan.owner, plan=the_plan)
    services.plan_unshare(user=the_plan.owner, plan=the_plan)
    services.plan_share(user=the_plan.owner, plan=the_plan)
    the_plan.old_token = old
    return the_plan


class TestExport:
    def test_every_action_with_its_dates_and_the_goals_words(self, plan):
        [exported] = personal_data(owner=plan.owner)["plans"]
        goal = plan.goals.first()
        first = exported["goals"][0]
        assert first["goal"] == goal.title
        assert first["why"] == goal.why
        assert first["who_can_help"] == goal.support_list
        assert [a["action"] for a in first["actions"]] == [a.text for a in goal.actions.all()]
        assert first["actions"][-1]["action"] == "Mine"
        assert first["actions"][-1]["due"] == date(2027, 5, 1)
        assert first["actions"][0]["done_at"] is not None
        assert first["actions"][1]["done_at"] is None
        assert all(a["created_at"] for a in first["actions"])
        assert sum(len(g["actions"]) for g in exported["goals"]) == 11

    def test_links_live_and_turned_off(self, plan):
        [exported] = personal_data(owner=plan.owner)["plans"]
        live = Plan.objects.get(pk=plan.pk).share_token
        assert exported["share_link"]["url"] == reverse("growth:shared", args=[live])
        [off] = exported["turned_off_share_links"]
        assert off["turned_off_at"] is not None
        assert plan.old_token not in str(exported)  # a dead token is nobody's business

    def test_someone_elses_are_not_in_it(self, plan):
        other = growth.plan(UserFactory())
        data = personal_data(owner=other.owner)
        texts = [a["action"] for p in data["plans"] for g in p["goals"] for a in g["actions"]]
        assert "Mine" not in texts

    def test_a_fixed_number_of_queries(self, plan, django_assert_max_num_queries):
        with django_assert_max_num_queries(8) as few:
            personal_data(owner=plan.owner)
        growth.plan(plan.owner)
        with django_assert_max_num_queries(len(few.captured_queries)):
            personal_data(owner=plan.owner)


class TestErase:
    def test_goals_actions_and_old_links_go(self, client, plan):
        other = growth.plan(UserFactory())
        services.personal_data_erase(owner=plan.owner)
        assert not Goal.objects.filter(plan__owner=plan.owner).exists()
        assert not PlanAction.objects.filter(goal__plan__owner=plan.owner).exists()
        assert not RevokedShareLink.objects.filter(plan__owner=plan.owner).exists()
        # The turned-off link is now a link that never was: 404, not 410.
        assert client.get(reverse("growth:shared", args=[plan.old_token])).status_code == 404
        assert PlanAction.objects.filter(goal__plan=other).count() == 10
        services.personal_data_erase(owner=plan.owner)  # idempotent
