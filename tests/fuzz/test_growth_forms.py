"""Fuzzing growth's forms: start a self-assessment, rate it (draft or finish), edit a plan and
its goals, a plan's actions one by one, and the plan's buttons (make, share, unshare, discard)
and share links, posted by the owner and by someone else."""

import datetime

from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from growth import services
from growth.forms import GoalFormSet, PlanForm
from growth.models import Assessment, Goal, Plan, PlanAction, Rating
from tests.factories import UserFactory
from tests.fuzz import strategies as S
from tests.fuzz.support import (
    FuzzCase,
    as_client,
    assert_fits,
    assert_new_rows_fit,
    fuzz,
    last_pk,
    posted,
    refused,
    row_values,
)
from tests.growth import factories as growth

TRACKS = ["backend", "infrastructure"]

dates = S.mostly(
    st.dates(min_value=datetime.date(1, 1, 1)).map(lambda d: d.isoformat()),
    st.one_of(
        S.junk_text(20),
        st.sampled_from(["2026-02-30", "2026-13-01", "0000-01-01", "99999-01-01", "2026-1-1"]),
    ),
)


class GrowthScene(FuzzCase):
    @classmethod
    def setUpTestData(cls):
        cls.owner = UserFactory()
        cls.stranger = UserFactory()
        cls.plan = growth.plan(cls.owner)
        cls.draft = growth.start(cls.owner)
        cls.other_plan = growth.plan(cls.stranger)
        cls.other_draft = growth.start(cls.stranger)
        cls.scope = [item.pk for item in growth.items(cls.draft)]
        cls.other_scope = [
            item.pk
            for item in growth.items(
                growth.start(UserFactory(), track="infrastructure", current="junior", target="mid")
            )
            if item.pk not in cls.scope
        ]
        cls.goals = list(cls.plan.goals.values_list("pk", flat=True))
        cls.other_goals = list(cls.other_plan.goals.values_list("pk", flat=True))


def _ratings(draft: Assessment) -> list:
    return list(draft.ratings.order_by("pk").values())


class TestAssessmentForms(GrowthScene):
    @fuzz
    @given(
        data=S.form(
            {"track": S.choice(TRACKS), "current": S.choice(S.LEVELS), "target": S.choice(S.LEVELS)}
        ),
        who=st.sampled_from(["owner", "fresh"]),
    )
    @example(data={"track": "backend\x00", "current": "mid", "target": "senior"}, who="fresh")
    @example(data={"track": "backend", "current": "mid\x00", "target": "senior"}, who="fresh")
    def test_start(self, data, who):
        person = self.owner if who == "owner" else UserFactory()
        since = last_pk(Assessment)
        url = reverse("growth:start")
        response = self.submit("growth: start an assessment", as_client(person), url, data)
        self.tally("growth: start an assessment", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        assert_new_rows_fit(Assessment, since)

    @fuzz
    @given(
        data=st.data(), finish=st.booleans(), who=st.sampled_from(["owner", "owner", "stranger"])
    )
    def test_rate(self, data, finish, who):
        expectation = S.mostly(
            st.sampled_from(self.scope),
            st.one_of(
                st.sampled_from(self.other_scope),
                st.integers(min_value=-(2**70), max_value=2**70),
                st.sampled_from(["", "²", "1\x00", "x", " 1", "01"]),
            ),
        )
        ratings = data.draw(
            st.dictionaries(
                expectation.map(lambda pk: f"rating-{pk}"),
                S.choice(["0", "1", "2"]),
                max_size=len(self.scope) + 2,
            )
        )
        evidence = data.draw(
            st.dictionaries(
                expectation.map(lambda pk: f"evidence-{pk}"), S.text(0, 500), max_size=6
            )
        )
        post = {**ratings, **evidence, **({"finish": "1"} if finish else {})}
        before = _ratings(self.draft)
        url = reverse("growth:assess", kwargs={"pk": self.draft.pk})
        response = self.submit(
            "growth: rate (assessment)", as_client(getattr(self, who)), url, post
        )
        self.tally("growth: rate (assessment)", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (self.draft, row_values(self.draft)))
            assert _ratings(self.draft) == before
            return
        assert who == "owner"
        received = posted(response)
        for rating in Rating.objects.filter(assessment=self.draft):
            assert_fits(rating)
            sent = received.get(f"evidence-{rating.expectation_id}")
            if f"rating-{rating.expectation_id}" in received and sent is not None:
                assert rating.evidence == sent.replace("\x00", "").strip()[:500]


def _goal(goal_ids):
    return st.fixed_dictionaries(
        {},
        optional={
            "goal_id": S.ids(*goal_ids),
            "title": S.text(0, 200),
            "why": S.text(0, 2000),
            "support": S.text(0, 2000),
            "evidence": S.text(0, 2000),
            "target_date": dates,
            "done": S.checkbox,
            "DELETE": S.checkbox,
        },
    )


class TestPlanForm(GrowthScene):
    @fuzz
    @given(data=st.data(), who=st.sampled_from(["owner", "owner", "stranger"]))
    def test_plan(self, data, who):
        goals = data.draw(st.lists(_goal(self.goals + self.other_goals), max_size=4))
        post = data.draw(S.form({"title": S.text(1, 150), "discuss": S.text(0, 4000)}, extra=False))
        management = data.draw(
            st.fixed_dictionaries(
                {
                    "goals-TOTAL_FORMS": S.mostly(st.just(str(len(goals))), S.number(0, 1001)),
                    "goals-INITIAL_FORMS": S.mostly(st.just("0"), S.number(0, 30)),
                },
                optional={
                    "goals-MIN_NUM_FORMS": S.number(0, 5),
                    "goals-MAX_NUM_FORMS": S.number(0, 1000),
                },
            )
        )
        post.update(management)
        for index, goal in enumerate(goals):
            for key, value in goal.items():
                post[f"goals-{index}-{key}"] = value
        before_plan, before_other = row_values(self.plan), row_values(self.other_plan)
        other_goals = list(Goal.objects.filter(plan=self.other_plan).values())
        since = last_pk(Goal)
        url = reverse("growth:plan", kwargs={"pk": self.plan.pk})
        response = self.submit("growth: plan", as_client(getattr(self, who)), url, post)
        self.tally("growth: plan", not refused(response))
        # Whatever was sent, nobody else's plan or goals change.
        assert row_values(self.other_plan) == before_other
        assert list(Goal.objects.filter(plan=self.other_plan).values()) == other_goals
        if refused(response):
            self.assert_no_writes(response, (self.plan, before_plan))
            return
        assert who == "owner"
        received = posted(response)
        form = PlanForm(received, instance=Plan.objects.get(pk=self.plan.pk))
        assert form.is_valid()
        assert GoalFormSet(received, prefix="goals").is_valid()
        plan = Plan.objects.get(pk=self.plan.pk)
        assert plan.title == form.cleaned_data["title"]
        assert plan.discuss == form.cleaned_data["discuss"]
        assert_fits(plan)
        for goal in plan.goals.all():
            assert_fits(goal)
        assert_new_rows_fit(Goal, since)

    @fuzz
    @given(
        action=st.sampled_from(["make_plan", "plan_share", "plan_unshare", "discard"]),
        target=st.sampled_from(["own", "other", "junk"]),
        junk=S.ids(),
        data=S.form({}),
    )
    def test_plan_buttons(self, action, target, junk, data):
        """The buttons with no fields, on one's own and someone else's plans and drafts."""
        if action in ("plan_share", "plan_unshare"):
            pk = {"own": self.plan.pk, "other": self.other_plan.pk}.get(target)
        elif action == "make_plan":
            pk = {"own": self.plan.assessment_id, "other": self.other_plan.assessment_id}.get(
                target
            )
        else:
            pk = {"own": self.draft.pk, "other": self.other_draft.pk}.get(target)
        pk = pk if pk is not None else junk
        url = f"/growth/{'plans' if 'share' in action else 'assessments'}/{pk}/"
        url += {"make_plan": "plan/", "plan_share": "share/", "plan_unshare": "unshare/"}.get(
            action, "discard/"
        )
        before = row_values(self.other_plan)
        response = self.submit("growth: plan buttons", as_client(self.owner), url, data)
        self.tally("growth: plan buttons", not refused(response))
        assert row_values(self.other_plan) == before
        if refused(response):
            self.assert_no_writes(response)

    @fuzz
    @given(
        token=S.mostly(st.text(alphabet="abcdefABCDEF0123456789-_", max_size=50), S.junk_text(64)),
        real=st.booleans(),
    )
    @example(token="\x00", real=False)
    def test_share_link(self, token, real):
        # Fresh from the database: the in-memory plan outlives each example's rollback.
        live = services.plan_share(user=self.owner, plan=Plan.objects.get(pk=self.plan.pk))
        token = token if isinstance(token, str) else str(token)
        if real:
            token = live
        browser = as_client(self.stranger)
        before = row_values(self.plan)
        response = browser.get(f"/growth/shared/{token}/")
        assert response.status_code < 500
        self.tally("growth: share link", response.status_code == 200)
        assert row_values(self.plan) == before


def _actions(plan: Plan) -> list:
    return list(PlanAction.objects.filter(goal__plan=plan).order_by("pk").values())


class TestPlanActionForms(GrowthScene):
    @fuzz
    @given(
        which=st.sampled_from(["add", "edit", "done", "remove"]),
        target=st.sampled_from(["own", "other", "junk"]),
        junk=S.ids(),
        data=S.form({"text": S.text(0, 400), "due": dates, "done": S.choice(["0", "1"])}),
    )
    def test_action(self, which, target, junk, data):
        """Add, edit, tick and remove, aimed at one's own plan, someone else's and made-up ids:
        a form error or a 4xx, and nobody else's actions ever change."""
        plan = {"own": self.plan, "other": self.other_plan}.get(target)
        goal = plan.goals.first() if plan else None
        action = goal.actions.first() if goal else None
        if which == "add":
            url = f"/growth/goals/{goal.pk if goal else junk}/actions/"
        else:
            pk = action.pk if action else junk
            url = (
                f"/growth/actions/{pk}/" + {"edit": "", "done": "done/", "remove": "remove/"}[which]
            )
        others = _actions(self.other_plan)
        since = last_pk(PlanAction)
        response = self.submit("growth: plan actions", as_client(self.owner), url, data)
        self.tally("growth: plan actions", not refused(response))
        assert _actions(self.other_plan) == others
        if refused(response):
            self.assert_no_writes(response)
            return
        assert target == "own"
        for row in PlanAction.objects.filter(goal__plan=self.plan):
            assert_fits(row)
            assert row.text
            assert "\x00" not in row.text
        assert_new_rows_fit(PlanAction, since)
