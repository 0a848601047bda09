"""Reading and validating the ladder file (ladder/loading/: parsing, records, specs)."""

import pytest
from django.conf import settings

from ladder.loading.parsing import parse_ladder, parse_ladder_text
from ladder.loading.specs import LadderDataError
from tests.ladder.data import tiny, with_group


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
    # Each expectation cites a document, or is Rungs' own guidance, cites none and says why.
    assert all(bool(e.sources) != e.own_guidance for e in spec.expectations)
    assert all(e.note for e in spec.expectations if e.own_guidance)
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
        (
            lambda d: d["expectations"][1].update(own_guidance=True, note="Ours."),
            "expectations[1] (j-guided), field 'sources': must be empty when own_guidance is true",
        ),
        (
            lambda d: d["expectations"][1].update(own_guidance=True, sources=[]),
            "expectations[1] (j-guided), field 'note': is missing",
        ),
        (
            lambda d: d["expectations"][1].update(own_guidance="yes"),
            "expectations[1] (j-guided), field 'own_guidance': 'yes' is not true or false",
        ),
        (
            lambda d: d["transitions"][0]["actions"][0].update(own_guidance=True),
            "transitions[0] (junior).actions[0], field 'sources': must be empty when "
            "own_guidance is true",
        ),
        (
            lambda d: d["transitions"][0]["actions"][0].update(sources=[]),
            "transitions[0] (junior).actions[0], field 'sources': must be a non-empty list",
        ),
    ],
)
def test_malformed_data_names_the_record_and_field(mutate, message):
    data = tiny()
    mutate(data)
    assert message in _error(data)


def test_broken_yaml_is_reported():
    with pytest.raises(LadderDataError, match="not valid YAML"):
        parse_ladder_text("levels: [unclosed")


class TestOwnGuidance:
    def test_an_expectation_can_be_rungs_own_guidance_without_sources(self):
        data = tiny()
        data["expectations"][1].update(own_guidance=True, note="No document says this.")
        del data["expectations"][1]["sources"]
        data["transitions"][0]["actions"][0].update(own_guidance=True, sources=[])
        spec = parse_ladder(data)
        guided = spec.expectations[1]
        assert (guided.own_guidance, guided.sources, guided.note) == (
            True,
            [],
            "No document says this.",
        )
        assert spec.transitions[0].actions[0].own_guidance
        assert spec.transitions[0].actions[0].sources == []

    def test_cited_items_are_not_own_guidance(self):
        spec = parse_ladder(tiny())
        assert not any(e.own_guidance for e in spec.expectations)
        assert not any(a.own_guidance for t in spec.transitions for a in t.actions)


class TestGroups:
    def test_a_group_is_read_with_its_members_threshold_and_pointer(self):
        [group] = parse_ladder(with_group()).groups
        assert (group.slug, group.level, group.threshold, group.sources) == (
            "senior-one-of-two",
            "senior",
            1,
            ["doc-b"],
        )
        assert [(m.expectation, m.if_only_strength) for m in group.members] == [
            ("s-lead", "Think about management."),
            ("s-mentor", ""),
        ]

    def test_groups_are_optional(self):
        assert parse_ladder(tiny()).groups == []

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"threshold": 3}, "field 'threshold': 3 is more than the group's 2 expectations"),
            ({"threshold": 0}, "field 'threshold': 0 is not a positive whole number"),
            ({"level": "staff"}, "field 'level': unknown value 'staff'"),
            ({"sources": []}, "field 'sources': must be a non-empty list"),
            ({"members": []}, "field 'members': must be a non-empty list"),
            (
                {"members": [{"expectation": "s-lead"}]},
                "field 'members': a group needs at least two expectations",
            ),
            (
                {"members": [{"expectation": "s-lead"}, {"expectation": "ghost"}]},
                "members[1], field 'expectation': no expectation has the key 'ghost'",
            ),
            (
                {"members": [{"expectation": "s-lead"}, {"expectation": "m-review"}]},
                "members[1], field 'expectation': 'm-review' is not on the level 'senior'",
            ),
            (
                {"members": [{"expectation": "s-lead"}, {"expectation": "s-sql"}]},
                "members[1], field 'expectation': 's-sql' belongs to one track",
            ),
            (
                {"members": [{"expectation": "s-lead"}, {"expectation": "s-mentor", "x": 1}]},
                "members[1]: unknown field(s): x",
            ),
            ({"colour": "red"}, "groups[0] (senior-one-of-two): unknown field(s): colour"),
        ],
    )
    def test_malformed_groups_name_the_group_and_field(self, fields, message):
        assert message in _error(with_group(**fields))

    def test_an_expectation_joins_one_group_only(self):
        data = with_group()
        second = dict(data["groups"][0], slug="again", members=data["groups"][0]["members"])
        data["groups"].append(second)
        assert "'s-lead' is already in 'senior-one-of-two'" in _error(data)

    def test_group_slugs_are_unique(self):
        data = with_group(members=[{"expectation": "s-lead"}, {"expectation": "s-mentor"}])
        data["groups"].append(
            dict(data["groups"][0], members=[{"expectation": "s-k8s"}, {"expectation": "s-sql"}])
        )
        assert "groups: 'senior-one-of-two' appears twice" in _error(data)
