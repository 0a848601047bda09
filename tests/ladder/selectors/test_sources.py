"""The documents the ladder cites, and the export (ladder/selectors/sources.py)."""

from ladder.selectors.sources import ladder_export, own_guidance, source_list
from ladder.services import ladder_load
from tests.ladder.data import tiny, with_group, write


def own_guidance_ladder() -> dict:
    """The tiny ladder with j-guided and the first growth action as Rungs' own guidance."""
    data = tiny()
    data["expectations"][1].update(own_guidance=True, sources=[], note="Ours.")
    data["transitions"][0]["actions"][0].update(own_guidance=True, sources=[])
    return data


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
    assert review["own_guidance"] is False
    assert review["citation"] == "From doc-a, doc-b"
    assert review["group"] is None
    assert data["groups"] == []
    assert data["transitions"][1]["actions"][0] == {
        "competency": "people",
        "text": "Mentor someone.",
        "sources": ["doc-b"],
        "own_guidance": False,
        "citation": "From doc-b",
    }


def test_sources_list_what_cites_them(tiny_ladder):
    uses = {u.source.short_name: u for u in source_list()}
    assert (uses["doc-a"].expectation_count, uses["doc-b"].expectation_count) == (9, 1)
    assert (uses["doc-a"].action_count, uses["doc-b"].action_count) == (2, 1)
    assert [lv.slug for lv, _ in uses["doc-b"].expectations_by_level] == ["mid"]


def test_export_marks_rungs_own_guidance(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, own_guidance_ladder()))
    data = ladder_export()
    guided = next(e for e in data["expectations"] if e["key"] == "j-guided")
    assert (guided["sources"], guided["own_guidance"]) == ([], True)
    assert guided["citation"] == "Rungs' own guidance"
    action = data["transitions"][0]["actions"][0]
    assert (action["sources"], action["own_guidance"], action["citation"]) == (
        [],
        True,
        "Rungs' own guidance",
    )


def test_export_holds_the_groups(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, with_group()))
    data = ladder_export()
    assert data["groups"] == [
        {
            "slug": "senior-one-of-two",
            "level": "senior",
            "name": "One of two: leading or mentoring",
            "summary": "Lead or mentor.",
            "threshold": 1,
            "members": [
                {"expectation": "s-lead", "if_only_strength": "Think about management."},
                {"expectation": "s-mentor", "if_only_strength": None},
            ],
            "sources": ["doc-b"],
        }
    ]
    lead = next(e for e in data["expectations"] if e["key"] == "s-lead")
    assert lead["group"] == "senior-one-of-two"


def test_own_guidance_lists_what_no_document_supports(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, own_guidance_ladder()))
    found = own_guidance()
    assert [e.key for e in found.expectations] == ["j-guided"]
    assert [a.text for a in found.actions] == ["Own a feature."]
    uses = {u.source.short_name: u for u in source_list()}
    assert uses["doc-a"].expectation_count == 8  # j-guided no longer cites doc-a
    assert uses["doc-a"].action_count == 1


def test_nothing_is_own_guidance_on_the_tiny_ladder(tiny_ladder):
    assert not own_guidance()
