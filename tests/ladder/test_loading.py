import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from ladder.loading import LadderDataError, parse_ladder, parse_ladder_text
from ladder.models import Expectation, GrowthAction, LadderVersion, Level, Transition
from ladder.services import ladder_load
from tests.ladder.data import tiny, write


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


def test_loading_is_idempotent(empty_ladder, tmp_path):
    path = write(tmp_path, tiny())
    first = ladder_load(path=path)
    counts = (Level.objects.count(), Expectation.objects.count(), GrowthAction.objects.count())
    second = ladder_load(path=path)
    forced = ladder_load(path=path, force=True)
    assert (first.changed, second.changed, forced.changed) == (True, False, True)
    assert counts == (3, 9, 3)
    assert (
        Level.objects.count(),
        Expectation.objects.count(),
        GrowthAction.objects.count(),
    ) == counts
    assert LadderVersion.objects.filter(version="test.1").count() == 1
    mentor = Expectation.objects.get(key="s-mentor")
    assert mentor.supersedes.key == "m-review"
    assert sorted(mentor.sources.values_list("short_name", flat=True)) == ["doc-a"]


def test_reloading_an_edited_file_updates_in_place_and_retires_what_left(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, tiny()))
    original_pk = Expectation.objects.get(key="m-alone").pk
    data = tiny(version="test.2")
    data["expectations"] = [e for e in data["expectations"] if e["key"] != "s-k8s"]
    data["expectations"][2]["text"] = "Ships whole features alone."
    data["levels"].reverse()  # order comes from the `order` field, not the position
    data["transitions"][1]["actions"].pop()
    report = ladder_load(path=write(tmp_path, data, "v2.yaml"))
    assert (report.changed, report.retired) == (True, 1)
    edited = Expectation.objects.get(key="m-alone")
    assert (edited.pk, edited.text) == (original_pk, "Ships whole features alone.")
    assert not Expectation.objects.get(key="s-k8s").is_active
    assert Transition.objects.get(from_level__slug="mid").actions.count() == 1
    assert list(Level.objects.values_list("slug", flat=True)) == ["junior", "mid", "senior"]
    assert LadderVersion.objects.latest().version == "test.2"


def test_a_malformed_file_changes_nothing(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, tiny()))
    data = tiny(version="broken")
    data["expectations"][0]["level"] = "nowhere"
    with pytest.raises(CommandError, match=r"expectations\[0\] \(j-tests\), field 'level'"):
        call_command("load_ladder", file=write(tmp_path, data, "bad.yaml"))
    assert Expectation.objects.get(key="j-tests").level.slug == "junior"
    assert LadderVersion.objects.latest().version == "test.1"


def test_the_command_exits_non_zero_with_the_reason(tmp_path):
    data = tiny()
    data["competencies"][1].pop("name")
    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "load_ladder", "--file", str(write(tmp_path, data))],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "competencies[1] (people), field 'name': is missing" in result.stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No ladder data file"):
        call_command("load_ladder", file=tmp_path / "nope.yaml")
