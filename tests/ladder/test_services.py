"""Loading the ladder into the database, idempotently (ladder/services.py; load_ladder)."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from ladder.models import (
    Expectation,
    ExpectationGroup,
    GrowthAction,
    LadderVersion,
    Level,
    Transition,
)
from ladder.services import ladder_load
from tests.ladder.data import tiny, with_group, write


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


class TestVersionTwoFields:
    """Own guidance and groups, loaded fresh and over a ladder loaded without them."""

    def second_version(self) -> dict:
        data = with_group(tiny(version="test.2"))
        data["expectations"][1].update(own_guidance=True, sources=[], note="Ours.")
        data["transitions"][0]["actions"][0].update(own_guidance=True, sources=[])
        return data

    def test_a_fresh_load_stores_own_guidance_and_the_group(self, empty_ladder, tmp_path):
        ladder_load(path=write(tmp_path, self.second_version()))
        guided = Expectation.objects.get(key="j-guided")
        assert guided.own_guidance
        assert not guided.sources.exists()
        assert guided.citation == "Rungs' own guidance"
        action = GrowthAction.objects.get(transition__from_level__slug="junior", order=0)
        assert action.own_guidance
        assert action.citation == "Rungs' own guidance"
        group = ExpectationGroup.objects.get()
        assert (group.slug, group.level.slug, group.threshold) == ("senior-one-of-two", "senior", 1)
        assert list(group.sources.values_list("short_name", flat=True)) == ["doc-b"]
        members = dict(group.members.values_list("key", "group_note"))
        assert members == {"s-lead": "Think about management.", "s-mentor": ""}
        assert Expectation.objects.get(key="m-review").citation == "From doc-a, doc-b"

    def test_reloading_over_the_first_version_updates_in_place(self, empty_ladder, tmp_path):
        ladder_load(path=write(tmp_path, tiny()))
        pks = dict(Expectation.objects.values_list("key", "pk"))
        report = ladder_load(path=write(tmp_path, self.second_version(), "v2.yaml"))
        assert (report.changed, report.retired) == (True, 0)
        assert dict(Expectation.objects.values_list("key", "pk")) == pks
        assert Expectation.objects.get(key="j-guided").own_guidance
        assert ExpectationGroup.objects.get().members.count() == 2
        assert LadderVersion.objects.latest().version == "test.2"

    def test_a_retired_member_leaves_its_group_and_a_dropped_group_goes(
        self, empty_ladder, tmp_path
    ):
        ladder_load(path=write(tmp_path, self.second_version()))
        data = tiny(version="test.3")
        data["expectations"] = [e for e in data["expectations"] if e["key"] != "s-mentor"]
        report = ladder_load(path=write(tmp_path, data, "v3.yaml"))
        assert report.retired == 1
        mentor = Expectation.objects.get(key="s-mentor")
        assert (mentor.is_active, mentor.group, mentor.group_note) == (False, None, "")
        assert not ExpectationGroup.objects.exists()
        assert not Expectation.objects.get(key="j-guided").own_guidance
        assert Expectation.objects.get(key="j-guided").sources.exists()

    def test_own_guidance_can_be_switched_off_again(self, empty_ladder, tmp_path):
        ladder_load(path=write(tmp_path, self.second_version()))
        ladder_load(path=write(tmp_path, with_group(tiny(version="test.3")), "v3.yaml"))
        assert not Expectation.objects.filter(own_guidance=True).exists()
        assert not GrowthAction.objects.filter(own_guidance=True).exists()
        assert ExpectationGroup.objects.count() == 1


def test_the_group_threshold_is_a_database_constraint(empty_ladder, tmp_path):
    ladder_load(path=write(tmp_path, with_group()))
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpectationGroup.objects.update(threshold=0)
