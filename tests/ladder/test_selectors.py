import pytest

from ladder import selectors
from ladder.models import Track


def keys(expectations):
    return sorted(e.key for e in expectations)


def by_competency(comparison):
    return {d.competency.slug: d for d in comparison.competencies}


def changes(diff):
    return sorted((c.before.key, keys(c.after)) for c in diff.changed)


def test_compare_mid_with_senior_on_all_tracks(tiny_ladder):
    result = selectors.level_compare(
        lower=tiny_ladder["mid"], higher=tiny_ladder["senior"], track=None
    )
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
    result = selectors.level_compare(
        lower=tiny_ladder["mid"], higher=tiny_ladder["senior"], track=infra
    )
    craft = by_competency(result)["craft"]
    assert changes(craft) == [("m-alone", ["s-lead"])]
    assert keys(craft.new) == ["s-k8s"]
    assert keys(craft.stays) == ["j-tests"]


def test_skipping_a_level_follows_the_chain_of_replacements(tiny_ladder):
    result = selectors.level_compare(
        lower=tiny_ladder["junior"], higher=tiny_ladder["senior"], track=None
    )
    craft, people = by_competency(result)["craft"], by_competency(result)["people"]
    assert changes(craft) == [("j-guided", ["s-lead"])]
    assert keys(craft.new) == ["s-k8s", "s-sql"]
    assert keys(craft.stays) == ["j-tests"]
    assert keys(people.new) == ["s-mentor"]
    assert len(result.transitions) == 2


def test_compare_refuses_a_backwards_pair(tiny_ladder):
    with pytest.raises(ValueError, match="lower level"):
        selectors.level_compare(lower=tiny_ladder["senior"], higher=tiny_ladder["mid"], track=None)


def test_level_detail_separates_new_from_carried(tiny_ladder):
    detail = selectors.level_detail(level=tiny_ladder["mid"], track=None)
    blocks = {b.competency.slug: b for b in detail.blocks}
    assert keys(blocks["craft"].own) == ["m-alone", "m-sql"]
    assert keys(blocks["craft"].carried) == ["j-tests"]  # j-guided was replaced by m-alone
    assert keys(blocks["people"].own) == ["m-review"]
    assert (detail.previous_level.slug, detail.next_level.slug) == ("junior", "senior")
    assert detail.transition_in.from_level.slug == "junior"


def test_matrix_cells_follow_levels_and_track(tiny_ladder):
    backend = Track.objects.get(slug="backend")
    matrix = selectors.ladder_matrix(track=backend)
    craft = matrix.rows[0]
    assert [cell.level.slug for cell in craft.cells] == ["junior", "mid", "senior"]
    assert [keys(cell.expectations) for cell in craft.cells] == [
        ["j-guided", "j-tests"],
        ["m-alone", "m-sql"],
        ["s-lead", "s-sql"],
    ]
    assert matrix.expectation_count == 8


def test_export_holds_the_whole_ladder(tiny_ladder):
    data = selectors.ladder_export()
    assert data["version"] == "test.1"
    assert [lv["slug"] for lv in data["levels"]] == ["junior", "mid", "senior"]
    assert data["levels"][1] == {"slug": "mid", "name": "Mid", "codes": ["L4"], "summary": "M."}
    assert [c["slug"] for c in data["competencies"]] == ["craft", "people"]
    assert data["tracks"] == [
        {"slug": "backend", "name": "Backend"},
        {"slug": "infrastructure", "name": "Infrastructure"},
    ]
    review = next(e for e in data["expectations"] if e["key"] == "m-review")
    assert review["level"] == "mid"
    assert review["competency"] == "people"
    assert review["track"] is None
    assert review["text"] == "Reviews peers' code."
    assert review["sources"] == ["doc-a", "doc-b"]
    assert next(e for e in data["expectations"] if e["key"] == "s-sql")["supersedes"] == "m-sql"
    assert data["transitions"][1]["actions"][0] == {
        "competency": "people",
        "text": "Mentor someone.",
        "sources": ["doc-b"],
    }


def test_sources_list_what_cites_them(tiny_ladder):
    uses = {u.source.short_name: u for u in selectors.source_list()}
    assert (uses["doc-a"].expectation_count, uses["doc-b"].expectation_count) == (9, 1)
    assert (uses["doc-a"].action_count, uses["doc-b"].action_count) == (2, 1)
    assert [lv.slug for lv, _ in uses["doc-b"].expectations_by_level] == ["mid"]


def test_every_real_expectation_lands_in_exactly_one_compare_bucket(ladder):
    """On the real data: nothing in force at the higher level is lost or counted twice."""
    for lower, higher in (("junior", "mid"), ("mid", "senior"), ("junior", "senior")):
        for track in (None, *Track.objects.all()):
            result = selectors.level_compare(
                lower=ladder[lower], higher=ladder[higher], track=track
            )
            placed = []
            for diff in result.competencies:
                placed += [e.key for e in diff.new + diff.stays]
                placed += [e.key for change in diff.changed for e in change.after]
            in_force = selectors.level_detail(level=ladder[higher], track=track)
            expected = [e.key for b in in_force.blocks for e in b.own + b.carried]
            assert sorted(placed) == sorted(expected)
