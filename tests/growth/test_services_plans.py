"""Writes for plans (growth/services.py): generating, editing, sharing."""

import string
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from growth import services
from growth.models import Goal, Plan
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

    def test_one_goal_per_weak_competency_worst_first_at_most_five(self):
        assessment, plan = self.generate()
        assert plan.owner == assessment.owner
        assert plan.assessment == assessment
        assert plan.title == "From mid-level engineer to senior engineer"
        assert plan.share_token is None
        goals = list(plan.goals.all())
        assert [(g.order, g.competency.slug) for g in goals] == [
            (0, "design"),
            (1, "delivery"),
            (2, "proactivity"),
            (3, "operations"),
            (4, "mentoring"),
        ]
        assert [g.title.split(" to ")[0] for g in goals] == [
            "System design and architecture: from 0%",
            "Execution and independence: from 50%",
            "Proactivity and ownership: from 50%",
            "Reliability, security and operations: from 50%",
            "Mentoring and code review: from 50%",
        ]
        assert {g.target_date for g in goals} == {TODAY + timedelta(days=90)}
        assert not any(g.done for g in goals)

    def test_goals_carry_the_ladders_growth_actions_and_the_missing_expectations(self):
        _, plan = self.generate()
        design = plan.goals.get(competency__slug="design")
        ladder_actions = list(
            GrowthAction.objects.filter(
                transition__from_level__slug="mid", competency__slug="design"
            ).values_list("text", flat=True)
        )
        assert len(ladder_actions) == 1
        assert len(design.action_list) == 3
        assert design.action_list[0] == ladder_actions[0]
        assert all(a.startswith("Work towards: ") for a in design.action_list[1:])
        assert len(design.evidence_list) == 3
        assert all(e.startswith("A concrete example of: ") for e in design.evidence_list)
        # Delivery has no growth action in mid → senior: only what is missing.
        delivery = plan.goals.get(competency__slug="delivery")
        assert len(delivery.action_list) == 2
        assert all(a.startswith("Work towards: ") for a in delivery.action_list)

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
        assert mentoring.action_list[:2] == texts

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
            "delivery",
            "proactivity",
            "design",
            "operations",
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

    def test_it_needs_a_finished_assessment(self):
        draft = growth.start(UserFactory())
        growth.rate_all(draft, finish=False)
        with pytest.raises(ValidationError, match="Finish the assessment"):
            services.plan_generate(user=draft.owner, assessment=draft)
        assert not Plan.objects.exists()

    def test_the_default_date_is_90_days_from_today(self):
        done = growth.finished(UserFactory(), value=NOT_YET)
        plan = services.plan_generate(user=done.owner, assessment=done)
        assert plan.goals.first().target_date == timezone.localdate() + timedelta(days=90)


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
                GoalInput(title="New goal first", actions="Read the RFCs", goal_id=None),
                GoalInput(
                    title=" Design, edited ",
                    actions=" Lead a design review \n\n- Write an RFC ",
                    evidence="The RFC link",
                    target_date=date(2026, 6, 30),
                    done=True,
                    competency=first.competency,
                    goal_id=first.pk,
                ),
            ],
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
        assert edited.action_list == ["Lead a design review", "Write an RFC"]
        assert edited.evidence_list == ["The RFC link"]
        assert edited.target_date == date(2026, 6, 30)
        assert edited.done is True
        assert not Goal.objects.filter(pk__in=[second.pk, *(g.pk for g in others)]).exists()

    def test_no_goals_removes_them_all(self):
        plan = growth.plan(UserFactory())
        services.plan_update(user=plan.owner, plan=plan, title=plan.title, discuss="", goals=[])
        assert plan.goals.count() == 0
        assert fresh(plan).discuss == ""

    def test_another_plans_goal_id_cannot_be_edited_through_this_one(self):
        mine, theirs = growth.plan(UserFactory()), growth.plan(UserFactory())
        their_goal = theirs.goals.first()
        before = (their_goal.title, their_goal.actions)
        services.plan_update(
            user=mine.owner,
            plan=mine,
            title=mine.title,
            discuss="",
            goals=[GoalInput(title="Hijacked", goal_id=their_goal.pk)],
        )
        their_goal = fresh(their_goal)
        assert (their_goal.title, their_goal.actions) == before
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
        assert services.plan_share(user=plan.owner, plan=plan) != old


def test_every_competency_is_known_to_the_plans():
    """The generated goals point at real competencies."""
    plan = growth.plan(UserFactory(), by_competency={}, value=NOT_YET)
    slugs = set(Competency.objects.values_list("slug", flat=True))
    assert set(plan.goals.values_list("competency__slug", flat=True)) <= slugs
