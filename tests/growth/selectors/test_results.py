"""An assessment's results, growth actions and forum questions (growth/selectors/results.py)."""

import pytest

from forum.models import Question
from growth import services
from growth.models import PlanAction
from growth.selectors.results import growth_actions, questions_about
from growth.selectors.results import results as read_results
from ladder.models import Competency, GrowthAction, Track
from tests.factories import QuestionFactory, UserFactory
from tests.growth import factories as growth

pytestmark = pytest.mark.usefixtures("ladder")


NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


MIXED = {"craft": CONSISTENTLY, "design": NOT_YET}  # the rest: sometimes


class TestGrowthActions:
    @pytest.mark.parametrize(
        ("current", "target", "count"),
        [("junior", "mid", 10), ("mid", "senior", 15), ("junior", "senior", 25), ("mid", "mid", 0)],
    )
    def test_actions_between_two_levels(self, ladder, current, target, count):
        actions = growth_actions(current=ladder[current], target=ladder[target])
        assert len(actions) == count

    def test_junior_to_senior_comes_in_transition_order(self, ladder):
        actions = growth_actions(current=ladder["junior"], target=ladder["senior"])
        froms = [a.transition.from_level.slug for a in actions]
        assert froms == ["junior"] * 10 + ["mid"] * 15
        assert GrowthAction.objects.count() == 25


class TestQuestionsAbout:
    def test_by_the_competencys_tags_best_first_three_at_most(self):
        design = Competency.objects.get(slug="design")
        scored = []
        for score, tag in enumerate(["system-design", "databases", "kubernetes", "architecture"]):
            question = QuestionFactory(tags=[tag])
            Question.objects.filter(pk=question.pk).update(score=score)
            scored.append(question)
        QuestionFactory(tags=["burnout"])  # another competency's
        found = questions_about(competencies=[design])
        assert [q.pk for q in found[design.pk]] == [q.pk for q in reversed(scored)][:3]

    def test_hidden_questions_are_left_out(self):
        design = Competency.objects.get(slug="design")
        shown = QuestionFactory(tags=["architecture"])
        hidden = QuestionFactory(tags=["architecture"])
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        assert questions_about(competencies=[design])[design.pk] == [shown]

    def test_no_competencies_no_questions(self):
        assert questions_about(competencies=[]) == {}


class TestResults:
    def test_scores_radar_and_gaps(self):
        assessment = growth.finished(UserFactory(), by_competency=MIXED)
        about_design = QuestionFactory(tags=["system-design"])
        about_craft = QuestionFactory(tags=["testing"])  # craft is a strength: not listed
        results = read_results(assessment=assessment)
        assert results.assessment == assessment
        assert results.scores.percent == 53  # (12 + 38 / 2) / 58
        # Now, at mid-level: craft 10/10, design 0/7, the other 29 at ½: 24.5 / 46.
        assert results.current_scores.overall == 24.5 / 46
        assert results.current_scores.percent == 53
        assert [s.name for s in results.radar.series] == [
            "Ready for senior engineer",
            "Meets mid-level engineer (now)",
        ]
        assert len(results.radar.axes) == 10
        assert [(lb.text, lb.name) for lb in results.radar.labels][:2] == [
            ("TC", "Technical craft"),
            ("EI", "Execution and independence"),
        ]
        # The gap first, then the eight developing competencies; the strength is not a gap.
        slugs = [g.score.competency.slug for g in results.gaps]
        assert slugs[0] == "design"
        assert len(slugs) == 9
        assert "craft" not in slugs
        design = results.gaps[0]
        assert design.score.readiness == 0.0
        assert len(design.score.not_yet) == 8
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
        radar = read_results(assessment=assessment).radar
        target, now = radar.series
        assert target.dots[0] == radar.axes[0]  # craft at 100%: on the outer ring
        assert target.dots[3] == (radar.center, radar.center)  # design at 0%: the centre
        # delivery at 50%: halfway along its spoke
        (x, y), (cx, cy) = radar.axes[1], (radar.center, radar.center)
        assert target.dots[1] == pytest.approx((cx + (x - cx) / 2, cy + (y - cy) / 2), abs=0.1)
        assert now.dots[0] == radar.axes[0]  # craft now: 6/6


class TestGrowthActionsByTrack:
    """The ladder's actions have no track; one written for another track stays out."""

    def test_an_infrastructure_only_action_stays_out_of_a_backend_list(self, ladder):
        infra_only = GrowthAction.objects.get(text__startswith="On the infrastructure track")
        step = infra_only.transition
        args = {"current": step.from_level, "target": step.to_level}
        backend = growth_actions(**args, track=Track.objects.get(slug="backend"))
        infra = growth_actions(**args, track=Track.objects.get(slug="infrastructure"))
        assert infra_only not in backend
        assert infra_only in infra
        assert len(infra) == len(backend) + 1
        assert growth_actions(**args) == infra  # no track: all of them

    @pytest.mark.parametrize(("track", "shown"), [("backend", False), ("infrastructure", True)])
    def test_a_plan_only_carries_its_tracks_actions(self, track, shown):
        infra_only = GrowthAction.objects.get(text__startswith="On the infrastructure track")
        step = infra_only.transition
        done = growth.finished(
            UserFactory(),
            track=track,
            current=step.from_level.slug,
            target=step.to_level.slug,
            value=CONSISTENTLY,
            by_competency={infra_only.competency.slug: NOT_YET},
        )
        plan = services.plan_generate(user=done.owner, assessment=done)
        texts = list(PlanAction.objects.filter(goal__plan=plan).values_list("text", flat=True))
        assert texts  # the weak competency has its goal and actions
        assert any("infrastructure track" in t for t in texts) is shown
