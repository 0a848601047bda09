"""Readiness from ratings (growth/scoring.py): pure functions, no database."""

import pytest

from growth.scoring import (
    GAP_BELOW,
    NEARLY_AT,
    POINTS,
    READY_AT,
    STRENGTH_AT,
    CompetencyScore,
    score,
)
from ladder.models import Competency, Expectation, ExpectationGroup

NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


def competency(pk: int, name: str | None = None) -> Competency:
    return Competency(pk=pk, slug=f"c{pk}", name=name or f"Competency {pk}", order=pk)


def expectations(comp: Competency, *pks: int) -> list[Expectation]:
    return [Expectation(pk=pk, competency=comp, key=f"e{pk}", text=f"Does {pk}") for pk in pks]


class TestTheScale:
    def test_points_per_rating(self):
        assert POINTS == {NOT_YET: 0.0, SOMETIMES: 0.5, CONSISTENTLY: 1.0}

    def test_thresholds(self):
        assert (STRENGTH_AT, GAP_BELOW) == (0.75, 0.5)


class TestOneCompetency:
    def test_four_expectations_rated_2_1_0_0_make_0_375(self):
        craft = competency(1)
        target = expectations(craft, 11, 12, 13, 14)
        scores = score(
            competencies=[craft],
            target_expectations=target,
            ratings={11: CONSISTENTLY, 12: SOMETIMES, 13: NOT_YET, 14: NOT_YET},
        )
        [only] = scores.competencies
        assert only.readiness == 0.375
        assert only.percent == 38  # round(37.5) is 38: Python rounds half to even
        assert only.expectations == 4
        assert only.rated == 4
        assert [e.pk for e in only.not_yet] == [13, 14]
        assert [e.pk for e in only.sometimes] == [12]
        assert only.standing == "gap"
        assert scores.overall == 0.375

    def test_unrated_counts_as_not_yet(self):
        craft = competency(1)
        target = expectations(craft, 11, 12, 13, 14)
        rated = score(
            competencies=[craft],
            target_expectations=target,
            ratings={11: CONSISTENTLY, 12: SOMETIMES, 13: NOT_YET, 14: NOT_YET},
        )
        unrated = score(competencies=[craft], target_expectations=target, ratings={11: 2, 12: 1})
        [with_zeros], [with_gaps] = rated.competencies, unrated.competencies
        assert with_gaps.readiness == with_zeros.readiness == 0.375
        assert with_gaps.rated == 2
        assert [e.pk for e in with_gaps.not_yet] == [13, 14]
        assert [e.pk for e in with_gaps.sometimes] == [12]

    def test_nothing_rated_is_zero(self):
        craft = competency(1)
        scores = score(
            competencies=[craft], target_expectations=expectations(craft, 1, 2, 3), ratings={}
        )
        assert scores.overall == 0.0
        assert scores.competencies[0].readiness == 0.0
        assert scores.competencies[0].rated == 0
        assert len(scores.competencies[0].not_yet) == 3

    def test_everything_consistent_is_one(self):
        craft = competency(1)
        scores = score(
            competencies=[craft],
            target_expectations=expectations(craft, 1, 2, 3),
            ratings={1: 2, 2: 2, 3: 2},
        )
        assert scores.overall == 1.0
        assert scores.percent == 100
        assert scores.competencies[0].not_yet == scores.competencies[0].sometimes == []

    def test_ratings_outside_the_target_do_not_count(self):
        """A rating for an expectation the target does not hold (the current level's own,
        superseded one) changes nothing."""
        craft = competency(1)
        scores = score(
            competencies=[craft],
            target_expectations=expectations(craft, 1, 2),
            ratings={1: 2, 2: 0, 99: 2},
        )
        assert scores.overall == 0.5
        assert scores.competencies[0].rated == 2


class TestStanding:
    @pytest.mark.parametrize(
        ("ratings", "readiness", "standing"),
        [
            ({1: 2, 2: 2, 3: 2, 4: 1}, 0.875, "strength"),
            ({1: 2, 2: 2, 3: 1, 4: 1}, 0.75, "strength"),  # 0.75 is a strength
            ({1: 2, 2: 1, 3: 1, 4: 1}, 0.625, "developing"),
            ({1: 1, 2: 1, 3: 1, 4: 1}, 0.5, "developing"),  # 0.5 is not a gap
            ({1: 2, 2: 1, 3: 0, 4: 0}, 0.375, "gap"),
            ({1: 0, 2: 0, 3: 0, 4: 0}, 0.0, "gap"),
        ],
    )
    def test_strengths_from_0_75_and_gaps_below_0_5(self, ratings, readiness, standing):
        craft = competency(1)
        scores = score(
            competencies=[craft],
            target_expectations=expectations(craft, 1, 2, 3, 4),
            ratings=ratings,
        )
        assert scores.competencies[0].readiness == readiness
        assert scores.competencies[0].standing == standing

    def test_strengths_best_first_and_gaps_worst_first(self):
        a, b, c, d, e = (competency(pk) for pk in range(1, 6))
        target = [
            *expectations(a, 11, 12),  # 2, 1 → 0.75 strength
            *expectations(b, 21, 22),  # 2, 2 → 1.0 strength
            *expectations(c, 31, 32),  # 1, 0 → 0.25 gap
            *expectations(d, 41, 42),  # 0, 0 → 0.0 gap
            *expectations(e, 51, 52),  # 1, 1 → 0.5 developing
        ]
        ratings = {11: 2, 12: 1, 21: 2, 22: 2, 31: 1, 32: 0, 41: 0, 42: 0, 51: 1, 52: 1}
        scores = score(competencies=[a, b, c, d, e], target_expectations=target, ratings=ratings)
        assert [s.competency.pk for s in scores.strengths] == [2, 1]
        assert [s.competency.pk for s in scores.gaps] == [4, 3]
        assert [s.competency.pk for s in scores.developing] == [5]
        # (1.5 + 2 + 0.5 + 0 + 1) / 10
        assert scores.overall == 0.5
        assert scores.percent == 50


class TestOverall:
    def test_overall_weighs_each_expectation_not_each_competency(self):
        """One competency with 1 expectation at 1.0, another with 3 at 0.0: the average of
        the competencies would be 0.5; over the expectations it is 0.25."""
        big, small = competency(1), competency(2)
        target = [*expectations(small, 1), *expectations(big, 2, 3, 4)]
        scores = score(
            competencies=[big, small],
            target_expectations=target,
            ratings={1: 2, 2: 0, 3: 0, 4: 0},
        )
        assert [(s.competency.pk, s.readiness) for s in scores.competencies] == [
            (1, 0.0),
            (2, 1.0),
        ]
        assert scores.overall == 0.25
        assert scores.percent == 25

    def test_competencies_without_expectations_are_left_out(self):
        busy, idle = competency(1), competency(2)
        scores = score(
            competencies=[busy, idle],
            target_expectations=expectations(busy, 1, 2),
            ratings={1: 1, 2: 1},
        )
        assert [s.competency.pk for s in scores.competencies] == [1]

    def test_no_expectations_at_all(self):
        scores = score(competencies=[competency(1)], target_expectations=[], ratings={})
        assert scores.competencies == []
        assert scores.overall == 0.0
        assert scores.strengths == scores.gaps == scores.developing == []

    def test_percent_rounds(self):
        craft = competency(1)
        # 2 of 3 consistently: 0.6667 → 67%
        scores = score(
            competencies=[craft],
            target_expectations=expectations(craft, 1, 2, 3),
            ratings={1: 2, 2: 2, 3: 0},
        )
        assert scores.percent == 67
        assert scores.competencies[0].percent == 67
        assert CompetencyScore(craft, 1 / 3, 3, 3).percent == 33


class TestTwoOfThree:
    """The senior rule (se-mid-to-senior): strength in two of architecture, mentoring and
    project leadership is enough; one is a problem; leadership alone points elsewhere.

    Each of the three competencies has the group's expectation plus one ordinary expectation,
    always rated consistently, so only the group decides whether a competency is a gap."""

    POINTER = "Consider engineering management or product management."

    def ladder(self):
        design, mentoring, leadership = competency(1), competency(2), competency(3)
        group = ExpectationGroup(pk=1, slug="two-of-three", name="Two of three", threshold=2)
        members = {
            "architecture": Expectation(pk=11, competency=design, key="arch", group=group),
            "mentoring": Expectation(pk=21, competency=mentoring, key="mentor", group=group),
            "leadership": Expectation(
                pk=31, competency=leadership, key="lead", group=group, group_note=self.POINTER
            ),
        }
        others = [
            Expectation(pk=12, competency=design, key="review"),
            Expectation(pk=22, competency=mentoring, key="expertise"),
            Expectation(pk=32, competency=leadership, key="direction"),
        ]
        return [design, mentoring, leadership], members, [*members.values(), *others]

    def scored(self, *strong: str, others: int = CONSISTENTLY, rest: int = NOT_YET):
        competencies, members, target = self.ladder()
        ratings = {12: others, 22: others, 32: others}
        ratings |= {e.pk: CONSISTENTLY if name in strong else rest for name, e in members.items()}
        return score(competencies=competencies, target_expectations=target, ratings=ratings)

    def test_all_three_strong_meets_the_group_with_nothing_waived(self):
        scores = self.scored("architecture", "mentoring", "leadership")
        [group] = scores.groups
        assert (group.met, len(group.strong), group.waived, group.pointer) == (True, 3, [], "")
        assert scores.gaps == []
        assert scores.overall == 1.0

    @pytest.mark.parametrize(
        ("strong", "missing"),
        [
            (("architecture", "mentoring"), "leadership"),
            (("architecture", "leadership"), "mentoring"),
            (("mentoring", "leadership"), "architecture"),
        ],
    )
    def test_any_two_strong_is_no_gap(self, strong, missing):
        """The third, rated not yet, leaves every average: no gap, full readiness."""
        scores = self.scored(*strong)
        [group] = scores.groups
        assert group.met
        assert [e.key for e in group.waived] == [self.ladder()[1][missing].key]
        assert scores.gaps == scores.developing == []
        assert {c.competency.pk: c.readiness for c in scores.competencies} == {1: 1, 2: 1, 3: 1}
        assert scores.overall == 1.0
        waived_in = [c for c in scores.competencies if c.waived]
        assert len(waived_in) == 1
        assert waived_in[0].expectations == 1  # only the ordinary expectation counts
        assert waived_in[0].not_yet == []

    def test_two_strong_and_the_third_sometimes_is_still_met(self):
        scores = self.scored("architecture", "mentoring", rest=SOMETIMES)
        assert scores.groups[0].met
        assert scores.overall == 1.0

    def test_two_strong_without_the_group_would_have_been_a_gap(self):
        """The same ratings without the group make leadership a gap: the rule is what helps."""
        competencies, _members, target = self.ladder()
        for e in target:
            e.group = None
        ratings = {12: 2, 22: 2, 32: 2, 11: 2, 21: 2, 31: 0}
        scores = score(competencies=competencies, target_expectations=target, ratings=ratings)
        assert scores.groups == []
        assert [c.competency.pk for c in scores.developing] == [3]  # 0.5
        assert scores.overall == 5 / 6

    @pytest.mark.parametrize("strong", ["architecture", "mentoring"])
    def test_one_strong_is_short_and_everything_counts(self, strong):
        scores = self.scored(strong)
        [group] = scores.groups
        assert (group.met, group.short_by, group.waived) == (False, 1, [])
        assert group.pointer == ""  # only leadership alone points elsewhere
        weak = [c.competency.pk for c in scores.gaps + scores.developing]
        assert len(weak) == 2  # the two competencies whose group expectation is not yet met
        assert scores.overall == 4 / 6

    def test_leadership_alone_points_to_management_or_product_management(self):
        scores = self.scored("leadership")
        [group] = scores.groups
        assert not group.met
        assert [e.key for e in group.strong] == ["lead"]
        assert group.pointer == self.POINTER
        assert sorted(c.competency.pk for c in scores.developing) == [1, 2]

    def test_leadership_with_another_strength_has_no_pointer(self):
        assert self.scored("leadership", "mentoring").groups[0].pointer == ""

    def test_none_strong_is_short_by_two(self):
        scores = self.scored()
        [group] = scores.groups
        assert (group.met, group.short_by, group.strong, group.pointer) == (False, 2, [], "")
        assert scores.overall == 0.5
        assert len(scores.developing) == 3

    def test_sometimes_is_not_a_strength(self):
        scores = self.scored(rest=SOMETIMES)
        assert scores.groups[0].strong == []
        assert not scores.groups[0].met

    def test_a_group_outside_the_target_plays_no_part(self):
        competencies, _, target = self.ladder()
        ordinary = [e for e in target if e.group is None]
        scores = score(competencies=competencies, target_expectations=ordinary, ratings={})
        assert scores.groups == []


class TestSummary:
    """The results page's verdict and what matters most (Scores.verdict, Scores.weak)."""

    def test_verdict_thresholds(self):
        assert (READY_AT, NEARLY_AT) == (0.8, 0.6)

    @pytest.mark.parametrize(
        ("ratings", "verdict"),
        [
            ({11: 2, 12: 2, 13: 2, 14: 2, 21: 2, 22: 2}, "ready"),  # 100%
            ({11: 2, 12: 2, 13: 2, 14: 2, 21: 2, 22: 0}, "ready"),  # 83%, the second at 50%
            ({11: 2, 12: 2, 13: 2, 14: 2, 21: 0, 22: 0}, "nearly"),  # 67%, the second a gap
            ({11: 2, 12: 2, 13: 2, 14: 2, 21: 1, 22: 0}, "nearly"),  # 75%, the second a gap
            ({11: 2, 12: 2, 13: 1, 14: 1, 21: 1, 22: 0}, "not-yet"),  # 58%
            ({11: 1, 12: 1, 13: 1, 14: 1, 21: 1, 22: 1}, "not-yet"),  # 50%
        ],
    )
    def test_verdict(self, ratings, verdict):
        one, two = competency(1), competency(2)
        target = expectations(one, 11, 12, 13, 14) + expectations(two, 21, 22)
        scores = score(competencies=[one, two], target_expectations=target, ratings=ratings)
        assert scores.verdict == verdict

    def test_weak_weighs_what_is_missing_by_how_many_expectations(self):
        big, small, fine = competency(1), competency(2), competency(3)
        target = (
            expectations(big, 11, 12, 13, 14, 15, 16)
            + expectations(small, 21)
            + expectations(fine, 31, 32)
        )
        ratings = {11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 16: 1, 21: 0, 31: 2, 32: 2}
        scores = score(competencies=[big, small, fine], target_expectations=target, ratings=ratings)
        # Big: half missing over six (3.0); small: all missing over one (1.0).
        assert [c.competency.pk for c in scores.weak] == [1, 2]
        assert [c.competency.pk for c in scores.priorities] == [1, 2]
        assert [c.competency.pk for c in scores.strengths] == [3]

    def test_an_empty_rating_counts_as_unrated(self):
        craft = competency(1)
        target = expectations(craft, 11, 12)
        scores = score(competencies=[craft], target_expectations=target, ratings={11: 2, 12: None})
        [only] = scores.competencies
        assert only.readiness == 0.5
        assert only.rated == 1
        assert [e.pk for e in only.not_yet] == [12]
