"""Reads: everything through its owner, the rating sheet, results with growth actions and
related questions, plans, progress between two assessments, readiness for the profile."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from forum.models import Question
from growth import selectors, services
from growth.models import Assessment
from ladder.models import Competency, GrowthAction
from tests.factories import QuestionFactory, UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")

NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2
MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


def finished_on(owner, days_ago: int, **kwargs) -> Assessment:
    assessment = growth.finished(owner, **kwargs)
    Assessment.objects.filter(pk=assessment.pk).update(
        finished_at=timezone.now() - timedelta(days=days_ago),
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    assessment.refresh_from_db()
    return assessment


class TestThroughTheOwner:
    def test_assessment_get(self):
        owner, stranger = UserFactory(), UserFactory()
        assessment = growth.start(owner)
        assert selectors.assessment_get(owner=owner, pk=assessment.pk) == assessment
        with pytest.raises(Http404):
            selectors.assessment_get(owner=stranger, pk=assessment.pk)
        with pytest.raises(Http404):
            selectors.assessment_get(owner=owner, pk=assessment.pk + 1000)

    def test_assessment_list_is_ones_own_newest_first(self):
        owner = UserFactory()
        old = finished_on(owner, 30)
        new = finished_on(owner, 2)
        draft = growth.start(owner)
        growth.finished(UserFactory())
        assert selectors.assessment_list(owner=owner) == [draft, new, old]

    def test_draft_for(self):
        owner = UserFactory()
        assert selectors.draft_for(owner=owner) is None
        growth.finished(owner)
        assert selectors.draft_for(owner=owner) is None
        draft = growth.start(owner)
        assert selectors.draft_for(owner=owner) == draft
        assert selectors.draft_for(owner=UserFactory()) is None

    def test_plan_get_and_list(self):
        owner, stranger = UserFactory(), UserFactory()
        plan = growth.plan(owner)
        growth.plan(stranger)
        assert selectors.plan_get(owner=owner, pk=plan.pk) == plan
        assert selectors.plan_list(owner=owner) == [plan]
        with pytest.raises(Http404):
            selectors.plan_get(owner=stranger, pk=plan.pk)


class TestShared:
    def test_a_live_token_finds_the_plan(self):
        plan = growth.shared_plan(UserFactory())
        assert selectors.plan_shared(token=plan.share_token) == plan

    @pytest.mark.parametrize("token", ["nope", "x" * 43])
    def test_made_up_tokens_are_404(self, token):
        growth.shared_plan(UserFactory())
        growth.plan(UserFactory())  # unshared: share_token is NULL
        with pytest.raises(Http404):
            selectors.plan_shared(token=token)

    def test_an_empty_token_does_not_open_a_private_plan(self):
        private = growth.plan(UserFactory())
        assert private.share_token is None
        with pytest.raises(Http404):
            selectors.plan_shared(token="")

    def test_a_revoked_token_is_404(self):
        plan = growth.shared_plan(UserFactory())
        token = plan.share_token
        services.plan_unshare(user=plan.owner, plan=plan)
        with pytest.raises(Http404):
            selectors.plan_shared(token=token)


class TestRatingSheet:
    def test_grouped_by_competency_with_saved_ratings(self):
        assessment = growth.start(UserFactory())
        first = growth.items(assessment)[0]
        services.assessment_save(
            user=assessment.owner,
            assessment=assessment,
            ratings=[services.RatingInput(first.pk, 2, "my RFC")],
        )
        sheet = selectors.rating_sheet(assessment=assessment)
        assert [block.competency.slug for block in sheet] == list(
            Competency.objects.order_by("order").values_list("slug", flat=True)
        )
        assert sum(len(block.items) for block in sheet) == 65
        assert [len(block.items) for block in sheet] == [9, 6, 6, 8, 7, 7, 5, 5, 4, 8]
        expectation, rating = sheet[0].items[0]
        assert expectation == first
        assert (rating.value, rating.evidence) == (2, "my RFC")
        assert all(rating is None for block in sheet for _, rating in block.items[1:])


class TestGrowthActions:
    @pytest.mark.parametrize(
        ("current", "target", "count"),
        [("junior", "mid", 9), ("mid", "senior", 10), ("junior", "senior", 19), ("mid", "mid", 0)],
    )
    def test_actions_between_two_levels(self, ladder, current, target, count):
        actions = selectors.growth_actions(current=ladder[current], target=ladder[target])
        assert len(actions) == count

    def test_junior_to_senior_comes_in_transition_order(self, ladder):
        actions = selectors.growth_actions(current=ladder["junior"], target=ladder["senior"])
        froms = [a.transition.from_level.slug for a in actions]
        assert froms == ["junior"] * 9 + ["mid"] * 10
        assert GrowthAction.objects.count() == 19


class TestQuestionsAbout:
    def test_by_the_competencys_tags_best_first_three_at_most(self):
        design = Competency.objects.get(slug="design")
        scored = []
        for score, tag in enumerate(["system-design", "databases", "kubernetes", "architecture"]):
            question = QuestionFactory(tags=[tag])
            Question.objects.filter(pk=question.pk).update(score=score)
            scored.append(question)
        QuestionFactory(tags=["burnout"])  # another competency's
        found = selectors.questions_about(competencies=[design])
        assert [q.pk for q in found[design.pk]] == [q.pk for q in reversed(scored)][:3]

    def test_hidden_questions_are_left_out(self):
        design = Competency.objects.get(slug="design")
        shown = QuestionFactory(tags=["architecture"])
        hidden = QuestionFactory(tags=["architecture"])
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert selectors.questions_about(competencies=[design])[design.pk] == [shown]

    def test_no_competencies_no_questions(self):
        assert selectors.questions_about(competencies=[]) == {}


class TestResults:
    def test_scores_radar_and_gaps(self):
        assessment = growth.finished(UserFactory(), by_competency=MIXED)
        about_design = QuestionFactory(tags=["system-design"])
        about_craft = QuestionFactory(tags=["testing"])  # craft is a strength: not listed
        results = selectors.results(assessment=assessment)
        assert results.assessment == assessment
        assert results.scores.percent == 51
        # Now, at mid-level: craft 6/6, design 0/5, the other 26 at ½: 19 / 37.
        assert results.current_scores.overall == 19 / 37
        assert results.current_scores.percent == 51
        assert [s.name for s in results.radar.series] == [
            "Ready for senior engineer",
            "Meets mid-level engineer (now)",
        ]
        assert len(results.radar.axes) == 10
        assert [lb.lines[0] for lb in results.radar.labels][:2] == [
            "Technical craft",
            "Execution and",
        ]
        # The gap first, then the eight developing competencies; the strength is not a gap.
        slugs = [g.score.competency.slug for g in results.gaps]
        assert slugs[0] == "design"
        assert len(slugs) == 9
        assert "craft" not in slugs
        design = results.gaps[0]
        assert design.score.readiness == 0.0
        assert len(design.score.not_yet) == 6
        assert [a.text for a in design.actions] == list(
            GrowthAction.objects.filter(
                transition__from_level__slug="mid", competency__slug="design"
            ).values_list("text", flat=True)
        )
        assert design.questions == [about_design]
        assert all(about_craft not in g.questions for g in results.gaps)
        delivery = next(g for g in results.gaps if g.score.competency.slug == "delivery")
        assert delivery.actions == []  # no delivery action between mid and senior
        assert len(delivery.score.sometimes) == 5

    def test_radar_values_are_the_readiness(self):
        assessment = growth.finished(UserFactory(), by_competency=MIXED)
        radar = selectors.results(assessment=assessment).radar
        target, now = radar.series
        assert target.dots[0] == radar.axes[0]  # craft at 100%: on the outer ring
        assert target.dots[3] == (radar.center, radar.center)  # design at 0%: the centre
        # delivery at 50%: halfway along its spoke
        (x, y), (cx, cy) = radar.axes[1], (radar.center, radar.center)
        assert target.dots[1] == pytest.approx((cx + (x - cx) / 2, cy + (y - cy) / 2), abs=0.1)
        assert now.dots[0] == radar.axes[0]  # craft now: 6/6


class TestProgress:
    def test_earlier_first_whatever_the_order_given(self):
        owner = UserFactory()
        before = finished_on(owner, 60, value=SOMETIMES)
        after = finished_on(owner, 1, by_competency=MIXED)
        for a, b in ((before, after), (after, before)):
            progress = selectors.progress(owner=owner, earlier_pk=a.pk, later_pk=b.pk)
            assert (progress.earlier, progress.later) == (before, after)
            assert (progress.overall_before, progress.overall_after) == (50, 51)
            rows = {c.slug: (b, a, change) for c, b, a, change in progress.rows}
            assert len(rows) == 10
            assert rows["craft"] == (50, 100, 50)
            assert rows["design"] == (50, 0, -50)
            assert rows["delivery"] == (50, 50, 0)
            bars = {bar.label: bar for bar in progress.chart.bars}
            craft = bars["Technical craft"]
            assert (craft.before_width, craft.after_width, craft.change) == (185.0, 370.0, 50)
            assert bars["System design and architecture"].after_width == 0.0

    def test_assessments_against_different_targets(self):
        owner = UserFactory()
        junior = finished_on(owner, 400, current="junior", target="mid", value=CONSISTENTLY)
        mid = finished_on(owner, 3, value=NOT_YET)
        progress = selectors.progress(owner=owner, earlier_pk=mid.pk, later_pk=junior.pk)
        assert progress.earlier == junior
        assert (progress.overall_before, progress.overall_after) == (100, 0)
        assert {change for *_, change in progress.rows} == {-100}

    def test_drafts_and_other_peoples_are_404(self):
        owner = UserFactory()
        done = growth.finished(owner)
        draft = growth.start(owner)
        theirs = growth.finished(UserFactory())
        for other in (draft, theirs):
            with pytest.raises(Http404):
                selectors.progress(owner=owner, earlier_pk=done.pk, later_pk=other.pk)


class TestLatestReadiness:
    def test_none_without_a_finished_assessment(self):
        person = UserFactory()
        assert selectors.latest_readiness(person=person) is None
        growth.start(person)
        assert selectors.latest_readiness(person=person) is None

    def test_the_latest_finished_one(self, ladder):
        person = UserFactory()
        finished_on(person, 100, current="junior", target="mid", value=CONSISTENTLY)
        finished_on(person, 5, by_competency=MIXED)
        finished_on(UserFactory(), 1, value=NOT_YET)
        growth.start(person)
        assert selectors.latest_readiness(person=person) == (51, ladder["senior"])
