"""What an assessment rates: the target level's expectations in force, and the current level's
own (growth/selectors/assessments.py: scope)."""

import pytest

from growth.scoring import score
from growth.selectors.assessments import scope
from ladder.models import Competency, Expectation, Level, Track
from ladder.selectors.levels import expectations_upto, in_force

NOT_YET, SOMETIMES, CONSISTENTLY = 0, 1, 2


def competency(pk: int, name: str | None = None) -> Competency:
    return Competency(pk=pk, slug=f"c{pk}", name=name or f"Competency {pk}", order=pk)


def expectations(comp: Competency, *pks: int) -> list[Expectation]:
    return [Expectation(pk=pk, competency=comp, key=f"e{pk}", text=f"Does {pk}") for pk in pks]


@pytest.fixture
def backend(ladder):
    return Track.objects.get(slug="backend")


def _scope(track, current, target):
    levels = {level.slug: level for level in Level.objects.all()}
    return scope(track=track, current=levels[current], target=levels[target])


class TestScope:
    """Scope = what is in force at the target level, plus the current level's own."""

    @pytest.mark.parametrize(
        ("track", "current", "target", "target_count", "current_count", "items"),
        [
            ("backend", "junior", "mid", 46, 21, 62),
            ("backend", "mid", "senior", 58, 46, 74),
            ("backend", "junior", "senior", 58, 21, 74),
            ("backend", "mid", "mid", 46, 46, 46),
            ("infrastructure", "junior", "mid", 38, 22, 54),
            ("infrastructure", "mid", "senior", 49, 38, 67),
        ],
    )
    def test_sizes_on_the_real_ladder(
        self, ladder, track, current, target, target_count, current_count, items
    ):
        chosen = _scope(Track.objects.get(slug=track), current, target)
        assert len(chosen.target) == target_count
        assert len(chosen.current) == current_count
        assert len(chosen.items) == items
        assert len(chosen.ids) == items  # no expectation twice

    def test_items_are_the_target_in_force_plus_the_current_levels_own(self, backend, ladder):
        mid, senior = ladder["mid"], ladder["senior"]
        chosen = _scope(backend, "mid", "senior")
        everything = expectations_upto(track=backend, level=senior)
        at_senior = {e.pk for e in in_force(everything, senior)}
        mids_own = {e.pk for e in everything if e.level_id == mid.pk}
        assert chosen.ids == at_senior | mids_own
        assert {e.pk for e in chosen.target} == at_senior
        # Mid-level expectations that senior replaces are rated, but do not make readiness.
        replaced = mids_own - at_senior
        assert len(replaced) == 16
        assert all(e.pk not in replaced for e in chosen.target)

    def test_retired_and_other_track_expectations_are_out(self, backend, ladder):
        chosen = _scope(backend, "mid", "senior")
        assert all(e.is_active for e in chosen.items)
        assert all(e.track_id in (None, backend.pk) for e in chosen.items)
        infra_only = Expectation.objects.filter(track__slug="infrastructure").values_list(
            "pk", flat=True
        )
        assert not chosen.ids & set(infra_only)

    def test_items_come_by_competency_then_level(self, backend):
        chosen = _scope(backend, "mid", "senior")
        keys = [(e.competency.order, e.level.order, e.order) for e in chosen.items]
        assert keys == sorted(keys)
        # Every junior craft expectation is replaced by mid, so craft starts with mid's own.
        assert [e.competency.slug for e in chosen.items[:15]] == ["craft"] * 15
        assert [e.level.slug for e in chosen.items[:15]] == ["mid"] * 10 + ["senior"] * 5

    def test_readiness_on_the_real_ladder(self, backend):
        """Craft consistently, design not yet, the rest sometimes, mid → senior: craft 12/12,
        design 0/8, the other 38 at ½: overall (12 + 19) / 58 ≈ 0.534. Architecture is not
        yet and mentoring and leadership only sometimes, so the two-of-three group is not met
        and nothing is waived."""
        chosen = _scope(backend, "mid", "senior")
        values = {"craft": CONSISTENTLY, "design": NOT_YET}
        ratings = {e.pk: values.get(e.competency.slug, SOMETIMES) for e in chosen.items}
        scores = score(
            competencies=list(Competency.objects.order_by("order")),
            target_expectations=chosen.target,
            ratings=ratings,
        )
        by_slug = {s.competency.slug: s for s in scores.competencies}
        assert {slug: s.expectations for slug, s in by_slug.items()} == {
            "craft": 12,
            "delivery": 5,
            "proactivity": 4,
            "design": 8,
            "operations": 7,
            "mentoring": 5,
            "leadership": 4,
            "communication": 4,
            "business": 3,
            "growth": 6,
        }
        assert by_slug["craft"].readiness == 1.0
        assert by_slug["design"].readiness == 0.0
        assert by_slug["delivery"].readiness == 0.5
        assert scores.overall == 31 / 58
        assert scores.percent == 53
        [group] = scores.groups
        assert (group.group.slug, group.met, group.strong) == ("senior-two-of-three", False, [])
        assert [s.competency.slug for s in scores.strengths] == ["craft"]
        assert [s.competency.slug for s in scores.gaps] == ["design"]
        assert len(scores.developing) == 8

    def test_a_strong_two_of_three_senior_candidate_has_no_gap(self, backend):
        """Everything consistently except leading projects (not yet), mid → senior on the real
        ladder: architecture and mentoring meet the group, so leadership is no gap."""
        chosen = _scope(backend, "mid", "senior")
        ratings = {e.pk: CONSISTENTLY for e in chosen.items}
        lead = next(e for e in chosen.target if e.key == "senior-leadership-lead")
        ratings[lead.pk] = NOT_YET
        scores = score(
            competencies=list(Competency.objects.order_by("order")),
            target_expectations=chosen.target,
            ratings=ratings,
        )
        [group] = scores.groups
        assert sorted(e.key for e in group.members) == [
            "senior-design-architecture",
            "senior-leadership-lead",
            "senior-mentoring-mentor",
        ]
        assert group.met
        assert [e.key for e in group.waived] == ["senior-leadership-lead"]
        assert scores.gaps == scores.developing == []
        assert scores.percent == 100

    def test_leading_projects_alone_points_to_management(self, backend):
        chosen = _scope(backend, "mid", "senior")
        ratings = {e.pk: CONSISTENTLY for e in chosen.items}
        for key in ("senior-design-architecture", "senior-mentoring-mentor"):
            ratings[next(e.pk for e in chosen.target if e.key == key)] = NOT_YET
        scores = score(
            competencies=list(Competency.objects.order_by("order")),
            target_expectations=chosen.target,
            ratings=ratings,
        )
        [group] = scores.groups
        assert not group.met
        assert "management or product management" in group.pointer
