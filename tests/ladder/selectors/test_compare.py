"""The gap between two levels (ladder/selectors/compare.py)."""

import pytest

from ladder.models import Track
from ladder.selectors.compare import level_compare
from ladder.selectors.levels import level_detail


def keys(expectations):
    return sorted(e.key for e in expectations)


def by_competency(comparison):
    return {d.competency.slug: d for d in comparison.competencies}


def changes(diff):
    return sorted((c.before.key, keys(c.after)) for c in diff.changed)


def test_compare_mid_with_senior_on_all_tracks(tiny_ladder):
    result = level_compare(lower=tiny_ladder["mid"], higher=tiny_ladder["senior"], track=None)
    craft, people = by_competency(result)["craft"], by_competency(result)["people"]
    assert keys(craft.stays) == ["j-tests"]
    assert changes(craft) == [("m-alone", ["s-lead"]), ("m-sql", ["s-sql"])]
    assert keys(craft.new) == ["s-k8s"]
    assert changes(people) == [("m-review", ["s-mentor"])]
    assert (people.new, people.stays) == ([], [])
    assert (result.new_count, result.changed_count, result.stays_count) == (1, 3, 1)
    assert [d.competency.slug for d in result.biggest_shifts] == ["craft", "people"]
    assert [(t.from_level.slug, t.to_level.slug) for t in result.transitions] == [("mid", "senior")]


def test_a_track_hides_the_other_tracks_expectations(tiny_ladder):
    infra = Track.objects.get(slug="infrastructure")
    result = level_compare(lower=tiny_ladder["mid"], higher=tiny_ladder["senior"], track=infra)
    craft = by_competency(result)["craft"]
    assert changes(craft) == [("m-alone", ["s-lead"])]
    assert keys(craft.new) == ["s-k8s"]
    assert keys(craft.stays) == ["j-tests"]


def test_skipping_a_level_follows_the_chain_of_replacements(tiny_ladder):
    result = level_compare(lower=tiny_ladder["junior"], higher=tiny_ladder["senior"], track=None)
    craft, people = by_competency(result)["craft"], by_competency(result)["people"]
    assert changes(craft) == [("j-guided", ["s-lead"])]
    assert keys(craft.new) == ["s-k8s", "s-sql"]
    assert keys(craft.stays) == ["j-tests"]
    assert keys(people.new) == ["s-mentor"]
    assert len(result.transitions) == 2


def test_compare_refuses_a_backwards_pair(tiny_ladder):
    with pytest.raises(ValueError, match="lower level"):
        level_compare(lower=tiny_ladder["senior"], higher=tiny_ladder["mid"], track=None)


def test_every_real_expectation_lands_in_exactly_one_compare_bucket(ladder):
    """On the real data: nothing in force at the higher level is lost or counted twice."""
    for lower, higher in (("junior", "mid"), ("mid", "senior"), ("junior", "senior")):
        for track in (None, *Track.objects.all()):
            result = level_compare(lower=ladder[lower], higher=ladder[higher], track=track)
            placed = []
            for diff in result.competencies:
                placed += [e.key for e in diff.new + diff.stays]
                placed += [e.key for change in diff.changed for e in change.after]
            in_force = level_detail(level=ladder[higher], track=track)
            expected = [e.key for b in in_force.blocks for e in b.own + b.carried]
            assert sorted(placed) == sorted(expected)
