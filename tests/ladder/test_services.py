"""Loading the ladder into the database, idempotently (ladder/services.py; load_ladder)."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from ladder.models import Expectation, GrowthAction, LadderVersion, Level, Transition
from ladder.services import ladder_load
from tests.ladder.data import tiny, write


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
