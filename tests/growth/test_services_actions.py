"""A plan's actions, one by one (growth/services.py: plan_action_*)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.rules import ActionNotAllowed
from growth import services
from growth.models import ACTIONS_PER_GOAL, Plan, PlanAction
from tests.factories import UserFactory
from tests.growth import factories as growth
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def plan() -> Plan:
    return growth.plan(UserFactory())


def state(plan: Plan) -> list[tuple]:
    return list(
        PlanAction.objects.filter(goal__plan=plan)
        .order_by("pk")
        .values_list("pk", "goal_id", "text", "due", "done_at", "order")
    )


class TestAdd:
    def test_goes_to_the_end_of_its_goal_with_tidy_words(self, plan):
        goal = plan.goals.first()
        before = list(goal.actions.values_list("order", flat=True))
        action = services.plan_action_add(
            user=plan.owner,
            goal=goal,
            text="  Ask   Priya\nfor a design review ",
            due=date(2027, 2, 1),
        )
        assert action.text == "Ask Priya for a design review"
        assert action.due == date(2027, 2, 1)
        assert action.order == max(before) + 1
        assert action.done_at is None
        assert list(goal.actions.all())[-1] == action

    def test_no_date_is_fine(self, plan):
        action = services.plan_action_add(user=plan.owner, goal=plan.goals.first(), text="Read")
        assert action.due is None

    @pytest.mark.parametrize(
        ("text", "due", "field"),
        [
            ("", None, "text"),
            ("   \n\t ", None, "text"),
            ("\x00\x00", None, "text"),
            ("x" * 301, None, "text"),
            ("x" * 10_000, None, "text"),
            ("Fine", date(1, 1, 1), "due"),
            ("Fine", date(9999, 12, 31), "due"),
        ],
    )
    def test_bad_input_is_refused_by_field_and_nothing_is_written(self, plan, text, due, field):
        before = state(plan)
        with pytest.raises(ValidationError) as refused:
            services.plan_action_add(user=plan.owner, goal=plan.goals.first(), text=text, due=due)
        assert field in refused.value.message_dict
        assert state(plan) == before

    def test_a_goal_holds_at_most_twenty(self, plan):
        goal = plan.goals.first()
        for i in range(ACTIONS_PER_GOAL - goal.actions.count()):
            services.plan_action_add(user=plan.owner, goal=goal, text=f"Step {i}")
        with pytest.raises(ValidationError, match="at most 20"):
            services.plan_action_add(user=plan.owner, goal=goal, text="One too many")
        assert goal.actions.count() == ACTIONS_PER_GOAL

    @pytest.mark.parametrize("who", ["someone else", "a moderator"])
    def test_only_the_owner(self, plan, who):
        other = UserFactory() if who == "someone else" else moderator()
        before = state(plan)
        with pytest.raises(ActionNotAllowed):
            services.plan_action_add(user=other, goal=plan.goals.first(), text="Sneaky")
        assert state(plan) == before


class TestUpdateToggleRemove:
    def test_edit_words_and_date(self, plan):
        action = plan.goals.first().actions.first()
        services.plan_action_update(
            user=plan.owner, action=action, text=" Write the RFC ", due=date(2027, 1, 9)
        )
        action.refresh_from_db()
        assert (action.text, action.due) == ("Write the RFC", date(2027, 1, 9))
        services.plan_action_update(user=plan.owner, action=action, text="Write it", due=None)
        action.refresh_from_db()
        assert action.due is None

    def test_a_bad_edit_changes_nothing(self, plan):
        action = plan.goals.first().actions.first()
        before = state(plan)
        with pytest.raises(ValidationError):
            services.plan_action_update(
                user=plan.owner, action=action, text="x" * 301, due=date(2027, 1, 9)
            )
        assert state(plan) == before

    def test_ticking_keeps_the_first_date_and_unticking_clears_it(self, plan):
        action = plan.goals.first().actions.first()
        services.plan_action_toggle(user=plan.owner, action=action, done=True)
        first = PlanAction.objects.get(pk=action.pk).done_at
        assert first is not None
        assert abs(first - timezone.now()) < timedelta(minutes=1)
        services.plan_action_toggle(user=plan.owner, action=action, done=True)
        assert PlanAction.objects.get(pk=action.pk).done_at == first
        services.plan_action_toggle(user=plan.owner, action=action, done=False)
        assert PlanAction.objects.get(pk=action.pk).done_at is None

    def test_a_done_action_keeps_its_date_when_edited(self, plan):
        action = plan.goals.first().actions.first()
        services.plan_action_toggle(user=plan.owner, action=action, done=True)
        done_at = PlanAction.objects.get(pk=action.pk).done_at
        services.plan_action_update(user=plan.owner, action=action, text="New words", due=None)
        assert PlanAction.objects.get(pk=action.pk).done_at == done_at

    def test_remove_one(self, plan):
        goal = plan.goals.first()
        first, second = goal.actions.all()
        services.plan_action_remove(user=plan.owner, action=first)
        assert list(goal.actions.all()) == [second]

    def test_progress_counts_done_actions(self, plan):
        goal = plan.goals.first()
        assert (goal.progress.done, goal.progress.total) == (0, 2)
        services.plan_action_toggle(user=plan.owner, action=goal.actions.first(), done=True)
        progress = plan.goals.prefetch_related("actions").first().progress
        assert (progress.done, progress.total, progress.percent) == (1, 2, 50)
        assert not progress.finished

    @pytest.mark.parametrize("who", ["someone else", "a moderator"])
    def test_only_the_owner(self, plan, who):
        other = UserFactory() if who == "someone else" else moderator()
        action = plan.goals.first().actions.first()
        before = state(plan)
        with pytest.raises(ActionNotAllowed):
            services.plan_action_update(user=other, action=action, text="x", due=None)
        with pytest.raises(ActionNotAllowed):
            services.plan_action_toggle(user=other, action=action, done=True)
        with pytest.raises(ActionNotAllowed):
            services.plan_action_remove(user=other, action=action)
        assert state(plan) == before

    def test_changes_touch_the_plan(self, plan):
        before = Plan.objects.get(pk=plan.pk).updated_at
        services.plan_action_toggle(
            user=plan.owner, action=plan.goals.first().actions.first(), done=True
        )
        assert Plan.objects.get(pk=plan.pk).updated_at > before
