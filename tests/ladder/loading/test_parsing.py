"""Reading and validating the ladder file (ladder/loading/: parsing, records, specs)."""

import pytest
from django.conf import settings

from ladder.loading.parsing import parse_ladder, parse_ladder_text
from ladder.loading.specs import LadderDataError
from tests.ladder.data import tiny


def _error(data) -> str:
    with pytest.raises(LadderDataError) as caught:
        parse_ladder(data)
    return str(caught.value)


def test_the_real_data_file_meets_the_content_rules():
    spec = parse_ladder_text(settings.LADDER_DATA_FILE.read_bytes())
    assert [lv.slug for lv in spec.levels] == ["junior", "mid", "senior"]
    assert {t.slug for t in spec.tracks} == {"backend", "infrastructure"}
    assert len(spec.competencies) >= 8
    assert len(spec.expectations) >= 60
    assert all(e.sources for e in spec.expectations)
    cited = {name for e in spec.expectations for name in e.sources}
    assert cited == {s.short_name for s in spec.sources}
    assert len(spec.sources) == 5
    for level in spec.levels:  # no empty cell in the matrix
        for competency in spec.competencies:
            assert any(
                e.level == level.slug and e.competency == competency.slug and e.track is None
                for e in spec.expectations
            ), (level.slug, competency.slug)
    # Junior expectations are mostly inferred, and say so.
    juniors = [e for e in spec.expectations if e.level == "junior"]
    assert sum(e.note.startswith("Inferred") for e in juniors) >= len(juniors) // 2


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["expectations"][2].pop("text"),
            "expectations[2] (m-alone), field 'text': is missing",
        ),
        (
            lambda d: d["expectations"][0].update(level="midd"),
            "expectations[0] (j-tests), field 'level': unknown value 'midd'",
        ),
        (
            lambda d: d["expectations"][1].update(sources=["nowhere"]),
            "expectations[1] (j-guided), field 'sources': unknown value 'nowhere'",
        ),
        (
            lambda d: d["expectations"][1].update(sources=[]),
            "expectations[1] (j-guided), field 'sources': must be a non-empty list",
        ),
        (
            lambda d: d["expectations"][3].update(colour="red"),
            "expectations[3] (m-review): unknown field(s): colour",
        ),
        (
            lambda d: d["expectations"][5].update(supersedes="j-guided"),
            "(s-lead), field 'supersedes': 'j-guided' is not on the level directly below",
        ),
        (
            lambda d: d["expectations"][6].update(supersedes="m-alone"),
            "(s-mentor), field 'supersedes': 'm-alone' belongs to another competency",
        ),
        (
            lambda d: d["expectations"][5].update(supersedes="m-sql"),
            "expectations[5] (s-lead), field 'supersedes': 'm-sql' belongs to another track",
        ),
        (
            lambda d: d["expectations"][5].update(supersedes="ghost"),
            "expectations[5] (s-lead), field 'supersedes': no expectation has the key 'ghost'",
        ),
        (
            lambda d: d["expectations"][4].update(key="j-tests"),
            "expectations: 'j-tests' appears twice",
        ),
        (lambda d: d["levels"][1].update(order="two"), "levels[1] (mid), field 'order'"),
        (lambda d: d["sources"][0].update(kind="tweet"), "sources[0] (doc-a), field 'kind'"),
        (lambda d: d["competencies"][0].update(slug="Craft!"), "is not a lowercase-hyphen slug"),
        (lambda d: d["transitions"][0].update(to="junior"), "transitions[0] (junior), field 'to'"),
        (
            lambda d: d["transitions"][1]["actions"][0].update(competency="x"),
            "transitions[1] (mid).actions[0], field 'competency': unknown value 'x'",
        ),
        (lambda d: d.pop("levels"), "'levels': must be a non-empty list"),
        (lambda d: d.update(version=""), "'version': must be non-empty text"),
        (lambda d: d.update(extra=[1]), "unknown top-level section(s): extra"),
    ],
)
def test_malformed_data_names_the_record_and_field(mutate, message):
    data = tiny()
    mutate(data)
    assert message in _error(data)


def test_broken_yaml_is_reported():
    with pytest.raises(LadderDataError, match="not valid YAML"):
        parse_ladder_text("levels: [unclosed")
