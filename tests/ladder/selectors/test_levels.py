"""One level in full, and the matrix (ladder/selectors/levels.py)."""

from ladder.models import Track
from ladder.selectors.levels import ladder_matrix, level_detail


def keys(expectations):
    return sorted(e.key for e in expectations)


def test_level_detail_separates_new_from_carried(tiny_ladder):
    detail = level_detail(level=tiny_ladder["mid"], track=None)
    blocks = {b.competency.slug: b for b in detail.blocks}
    assert keys(blocks["craft"].own) == ["m-alone", "m-sql"]
    assert keys(blocks["craft"].carried) == ["j-tests"]  # j-guided was replaced by m-alone
    assert keys(blocks["people"].own) == ["m-review"]
    assert (detail.previous_level.slug, detail.next_level.slug) == ("junior", "senior")
    assert detail.transition_in.from_level.slug == "junior"


def test_matrix_cells_follow_levels_and_track(tiny_ladder):
    backend = Track.objects.get(slug="backend")
    matrix = ladder_matrix(track=backend)
    craft = matrix.rows[0]
    assert [cell.level.slug for cell in craft.cells] == ["junior", "mid", "senior"]
    assert [keys(cell.expectations) for cell in craft.cells] == [
        ["j-guided", "j-tests"],
        ["m-alone", "m-sql"],
        ["s-lead", "s-sql"],
    ]
    assert matrix.expectation_count == 8
