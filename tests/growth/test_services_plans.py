"""Writes for plans (growth/services.py): generating, editing, sharing."""

import string
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from growth import services
from growth.models import Goal, Plan, PlanAction, RevokedShareLink
from growth.services import GoalInput
from ladder.models import Competency, GrowthAction
from tests.factories import UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


TODAY = date(2026, 3, 2)


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestPlanGenerate:
    """Backend mid → senior with craft consistently, design not yet and the rest sometimes:
    one gap (design at 0%) and eight developing competencies at 50%."""

    def generate(self, **kwargs):
        kwargs.setdefault("by_competency", {"craft": CONSISTENTLY, "design": NOT_YET})
        assessment = growth.finished(UserFactory(), **kwargs)
        return assessment, services.plan_generate(
            user=assessment.owner, assessment=assessment, today=TODAY
        )

    def test_one_goal_per_weak_competency_heaviest_first_at_most_five(self):
        assessment, plan = self.generate()
        assert plan.owner == assessment.owner
        assert plan.assessment == assessment
        assert plan.title == "From mid-level engineer to senior engineer"
        assert plan.share_token is None
        goals = list(plan.goals.all())
        # What is missing times how many expectations: design (8 × 1) first, then the
        # half-way competencies with the most expectations.
        assert [(g.order, g.competency.slug) for g in goals] == [
            (0, "design"),
            (1, "operations"),
            (2, "growth"),
            (3, "delivery"),
            (4, "mentoring"),
        ]
        assert {g.target_date for g in goals} == {TODAY + timedelta(days=90)}
        assert not any(g.done for g in goals)

    def test_goals_are_written_in_plain_words(self):
        _, plan = self.generate()
        design, operations, *_ = plan.goals.all()
        assert design.title == (
            "System design and architecture: become someone who consistently makes "
            "high-level architectural decisions for large parts of the system"
        )
        assert operations.title.startswith(
            "Reliability, security and operations: become someone who is consistently "
            "available during major incidents"
        )
        for goal in plan.goals.all():
            assert "Work towards" not in goal.title
            assert "%" not in goal.title
            assert len(goal.title) <= 200
        # Why: the counts in words; the first goal quotes the ladder's summary of the step.
        assert design.why.startswith(
            "A senior engineer is expected to do 8 things in system design and architecture; "
            "you do none of them consistently today. The ladder sums up the step: “The step "
            "to senior is less about knowing more tools"
        )
        assert operations.why.startswith(
            "A senior engineer is expected to do 7 things in reliability, security and "
            "operations; you do all of them some of the time, none consistently yet. It is "
            "about deploying"
        )

    def test_two_or_three_actions_from_the_ladder_and_its_examples_with_spread_dates(self):
        _, plan = self.generate()
        design = plan.goals.get(competency__slug="design")
        ladder_action = GrowthAction.objects.get(
            transition__from_level__slug="mid", competency__slug="design"
        )
        actions = list(design.actions.all())
        assert [a.text for a in actions] == [
            ladder_action.text,
            "Look for work like this and ask to take it on: “Writes the design document for "
            "splitting billing out of the monolith.”",
        ]
        assert [a.due for a in actions] == [TODAY + timedelta(days=45), TODAY + timedelta(90)]
        assert [a.order for a in actions] == [0, 1]
        assert not any(a.done_at for a in actions)
        for goal in plan.goals.all():
            assert 2 <= goal.actions.count() <= 3
            assert not goal.actions.filter(text__startswith="Work towards").exists()
        # Delivery has no growth action in mid → senior: ways to practise what is missing.
        delivery = plan.goals.get(competency__slug="delivery")
        assert all(
            a.text.startswith("Agree with your manager where you can practise this")
            for a in delivery.actions.all()
        )

    def test_who_can_help_and_evidence(self):
        _, plan = self.generate()
        design = plan.goals.get(competency__slug="design")
        assert design.support_list[0].startswith("Your manager: ")
        assert design.support_list[1].startswith(
            "A mentor, or a senior colleague strong in system design and architecture: ask"
        )
        assert design.evidence_list[0] == (
            "A piece of work that shows this: “Makes high-level architectural decisions for "
            "large parts of the system.”"
        )

    def test_mentoring_gets_both_of_its_growth_actions(self):
        _, plan = self.generate()
        mentoring = plan.goals.get(competency__slug="mentoring")
        texts = list(
            GrowthAction.objects.filter(
                transition__from_level__slug="mid", competency__slug="mentoring"
            )
            .order_by("order")
            .values_list("text", flat=True)
        )
        assert len(texts) == 2
        assert list(mentoring.actions.values_list("text", flat=True)) == texts

    def test_topics_to_discuss(self):
        _, plan = self.generate()
        assert plan.discussion_topics == [
            "Do you see the same gaps as I do? Which matter most for my next review?",
            "Which project coming up would let me practise system design and architecture?",
            "What does a senior engineer look like on our team, concretely?",
            "How often shall we look at this plan together?",
        ]

    def test_more_than_five_gaps_still_make_five_goals(self):
        _, plan = self.generate(by_competency={}, value=NOT_YET)
        assert plan.goals.count() == 5
        assert list(plan.goals.values_list("competency__slug", flat=True)) == [
            "craft",
            "design",
            "operations",
            "growth",
            "delivery",
        ]

    def test_no_weak_competency_no_goal(self):
        _, plan = self.generate(by_competency={}, value=CONSISTENTLY)
        assert plan.goals.count() == 0
        assert len(plan.discussion_topics) == 3  # no "which project" without a gap

    def test_it_is_idempotent(self):
        assessment, plan = self.generate()
        again = services.plan_generate(
            user=assessment.owner, assessment=fresh(assessment), today=TODAY
        )
        assert again.pk == plan.pk
        assert Plan.objects.filter(assessment=assessment).count() == 1
        assert Goal.objects.filter(plan=plan).count() == 5
        assert PlanAction.objects.filter(goal__plan=plan).count() == 10

    def test_it_needs_a_finished_assessment(self):
        draft = growth.start(UserFactory())
        growth.rate_all(draft, finish=False)
        with pytest.raises(ValidationError, match="Finish the assessment"):
            services.plan_generate(user=draft.owner, assessment=draft)
        assert not Plan.objects.exists()

    def test_the_default_date_is_90_days_from_today(self):
        done = growth.finished(UserFactory(), value=NOT_YET)
        plan = services.plan_generate(user=done.owner, assessment=done)
        goal = plan.goals.first()
        assert goal.target_date == timezone.localdate() + timedelta(days=90)
        assert goal.actions.last().due == goal.target_date


class TestPlanUpdate:
    def test_edits_adds_and_removes_goals(self):
        plan = growth.plan(UserFactory())
        first, second, *others = plan.goals.all()
        services.plan_update(
            user=plan.owner,
            plan=plan,
            title="  Senior by spring  ",
            discuss="Scope of the next project\n- Promotion timeline\n",
            goals=[
                GoalInput(title="New goal first", goal_id=None),
                GoalInput(
                    title=" Design, edited ",
                    support=" My manager \n\n- Priya, staff engineer ",
                    evidence="The RFC link",
                    target_date=date(2026, 6, 30),
                    done=True,
                    competency=first.competency,
                    goal_id=first.pk,
                ),
            ],
            remove=[second.pk, *(g.pk for g in others)],
        )
        plan = fresh(plan)
        assert plan.title == "Senior by spring"
        assert plan.discussion_topics == ["Scope of the next project", "Promotion timeline"]
        goals = list(plan.goals.all())
        assert [(g.title, g.order) for g in goals] == [("New goal first", 0), ("Design, edited", 1)]
        assert goals[0].competency is None
        edited = goals[1]
        assert edited.pk == first.pk
        assert edited.competency.slug == "design"
        assert edited.support_list == ["My manager", "Priya, staff engineer"]
        assert edited.actions.count() == 2  # the actions stay with their goal
        assert edited.evidence_list == ["The RFC link"]
        assert edited.target_date == date(2026, 6, 30)
        assert edited.done is True
        assert not Goal.objects.filter(pk__in=[second.pk, *(g.pk for g in others)]).exists()
        assert not PlanAction.objects.filter(goal=second).exists()  # they go with their goal

    def test_removing_every_goal(self):
        plan = growth.plan(UserFactory())
        ids = list(plan.goals.values_list("pk", flat=True))
        services.plan_update(
            user=plan.owner, plan=plan, title=plan.title, discuss="", goals=[], remove=ids
        )
        assert plan.goals.count() == 0
        assert fresh(plan).discuss == ""

    def test_goals_left_out_stay_with_their_actions(self):
        """A stale tab knew only the first goal: saving it must not delete the others."""
        plan = growth.plan(UserFactory())
        first, *others = plan.goals.all()
        actions = PlanAction.objects.filter(goal__plan=plan).count()
        services.plan_update(
            user=plan.owner,
            plan=plan,
            title=plan.title,
            discuss="",
            goals=[GoalInput(title="First, edited", goal_id=first.pk)],
        )
        goals = list(fresh(plan).goals.all())
        assert [g.pk for g in goals] == [first.pk, *(g.pk for g in others)]
        assert [g.order for g in goals] == list(range(len(goals)))
        assert goals[0].title == "First, edited"
        assert PlanAction.objects.filter(goal__plan=plan).count() == actions

    def test_another_plans_goal_cannot_be_removed_through_this_one(self):
        mine, theirs = growth.plan(UserFactory()), growth.plan(UserFactory())
        services.plan_update(
            user=mine.owner,
            plan=mine,
            title=mine.title,
            discuss="",
            goals=[],
            remove=[theirs.goals.first().pk],
        )
        assert theirs.goals.count() == 5

    @pytest.mark.parametrize("when", [date(1, 1, 1), date(9999, 12, 31)])
    def test_a_goal_date_out_of_range_is_refused_and_nothing_changes(self, when):
        plan = growth.plan(UserFactory())
        goal = plan.goals.first()
        with pytest.raises(ValidationError) as refused:
            services.plan_update(
                user=plan.owner,
                plan=plan,
                title="Changed",
                discuss="",
                goals=[GoalInput(title="Changed", target_date=when, goal_id=goal.pk)],
            )
        assert refused.value.message_dict == {
            "target_date": ["Choose a date between 2000 and 2100."]
        }
        assert fresh(plan).title != "Changed"
        assert fresh(goal).title != "Changed"

    def test_another_plans_goal_id_cannot_be_edited_through_this_one(self):
        mine, theirs = growth.plan(UserFactory()), growth.plan(UserFactory())
        their_goal = theirs.goals.first()
        before = (their_goal.title, their_goal.support)
        services.plan_update(
            user=mine.owner,
            plan=mine,
            title=mine.title,
            discuss="",
            goals=[GoalInput(title="Hijacked", goal_id=their_goal.pk)],
            remove=mine.goals.values_list("pk", flat=True),
        )
        their_goal = fresh(their_goal)
        assert (their_goal.title, their_goal.support) == before
        assert their_goal.plan_id == theirs.pk
        assert list(mine.goals.values_list("title", flat=True)) == ["Hijacked"]
        assert theirs.goals.count() == 5  # the generated ones stay

    def test_a_blank_title_is_refused_and_nothing_changes(self):
        plan = growth.plan(UserFactory())
        count = plan.goals.count()
        with pytest.raises(ValidationError):
            services.plan_update(user=plan.owner, plan=plan, title="   ", discuss="x", goals=[])
        plan = Plan.objects.get(pk=plan.pk)
        assert plan.title == "From mid-level engineer to senior engineer"
        assert plan.goals.count() == count


class TestSharing:
    def test_a_token_is_long_random_and_kept(self):
        plan = growth.plan(UserFactory())
        token = services.plan_share(user=plan.owner, plan=plan)
        assert len(token) >= 43  # 32 random bytes
        assert set(token) <= set(string.ascii_letters + string.digits + "-_")
        assert fresh(plan).share_token == token
        assert plan.shared_at is not None
        assert (
            services.plan_share(user=plan.owner, plan=plan) == token
        )  # sharing again keeps the link

    def test_tokens_differ_between_plans(self):
        tokens = {
            services.plan_share(user=plan.owner, plan=plan)
            for plan in (growth.plan(UserFactory()) for _ in range(3))
        }
        assert len(tokens) == 3

    def test_unsharing_clears_it_and_sharing_again_makes_a_new_one(self):
        plan = growth.plan(UserFactory())
        old = services.plan_share(user=plan.owner, plan=plan)
        services.plan_unshare(user=plan.owner, plan=plan)
        plan = fresh(plan)
        assert plan.share_token is None
        assert plan.shared_at is None
        assert not Plan.objects.filter(share_token=old).exists()
        revoked = RevokedShareLink.objects.get(token=old)
        assert revoked.plan_id == plan.pk
        assert revoked.revoked_at is not None
        assert services.plan_share(user=plan.owner, plan=plan) != old

    def test_unsharing_a_private_plan_remembers_nothing(self):
        plan = growth.plan(UserFactory())
        services.plan_unshare(user=plan.owner, plan=plan)
        services.plan_unshare(user=plan.owner, plan=plan)
        assert not RevokedShareLink.objects.exists()


def test_every_competency_is_known_to_the_plans():
    """The generated goals point at real competencies."""
    plan = growth.plan(UserFactory(), by_competency={}, value=NOT_YET)
    slugs = set(Competency.objects.values_list("slug", flat=True))
    assert set(plan.goals.values_list("competency__slug", flat=True)) <= slugs
