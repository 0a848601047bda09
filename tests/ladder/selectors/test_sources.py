"""The documents the ladder cites, and the export (ladder/selectors/sources.py)."""

from ladder.selectors.sources import ladder_export, source_list


def test_export_holds_the_whole_ladder(tiny_ladder):
    data = ladder_export()
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
    uses = {u.source.short_name: u for u in source_list()}
    assert (uses["doc-a"].expectation_count, uses["doc-b"].expectation_count) == (9, 1)
    assert (uses["doc-a"].action_count, uses["doc-b"].action_count) == (2, 1)
    assert [lv.slug for lv, _ in uses["doc-b"].expectations_by_level] == ["mid"]
