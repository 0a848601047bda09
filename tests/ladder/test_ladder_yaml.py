"""The real data file, version 2 (ladder/data/ladder.yaml): what the independent reading of the
five documents corrected. Content rules, so they fail loudly if an edit undoes a correction."""

import pytest
from django.conf import settings

from ladder.loading.parsing import parse_ladder_text
from ladder.models import Expectation, Level, Track
from ladder.selectors.levels import expectations_upto, in_force


@pytest.fixture(scope="module")
def spec():
    return parse_ladder_text(settings.LADDER_DATA_FILE.read_bytes())


def by_key(spec):
    return {e.key: e for e in spec.expectations}


def actions(spec, from_level):
    return next(t for t in spec.transitions if t.from_level == from_level).actions


def test_version_two(spec):
    assert spec.version == "2026.11.2"


class TestCitations:
    def test_on_call_is_rungs_own_guidance_and_cites_nothing(self, spec):
        for key in ("junior-infra-operations-oncall", "mid-infra-operations-oncall"):
            e = by_key(spec)[key]
            assert (e.own_guidance, e.sources) == (True, []), key
            assert e.note.startswith("Rungs' own guidance")
        # Nothing that mentions on-call cites a document.
        for e in spec.expectations:
            if "on-call" in e.text.lower():
                assert e.own_guidance, e.key

    def test_the_pip_posters_work_was_mostly_ops(self, spec):
        note = by_key(spec)["mid-infra-operations-automation"].note
        assert "mostly Ops" in note
        assert "manual" not in note

    def test_weak_and_wrongly_inferred_citations(self, spec):
        assert "taro-pip" not in by_key(spec)["mid-design-components"].sources
        guided = by_key(spec)["junior-craft-guided"]
        assert "se-mid-to-senior" in guided.sources
        assert not guided.note.startswith("Inferred")


class TestOverstatedOrMisplaced:
    def test_optional_tips_are_growth_actions_not_expectations(self, spec):
        keys = by_key(spec)
        for key in ("senior-growth-niche", "senior-growth-community", "mid-business-context"):
            assert key not in keys
        texts = " ".join(a.text for t in spec.transitions for a in t.actions)
        assert "niche" in texts
        assert "open-source" in texts
        assert "sales" in texts

    def test_senior_quality_is_their_own_output(self, spec):
        text = by_key(spec)["senior-craft-raise-quality"].text
        assert "what they themselves produce" in text
        assert "team's output" not in text

    def test_caching_async_partitioning_and_vulnerabilities_are_mid(self, spec):
        keys = by_key(spec)
        senior = keys["senior-backend-design-scale"].text.lower()
        assert not any(word in senior for word in ("caching", "asynchronous", "partitioning"))
        assert keys["mid-backend-design-async"].level == "mid"
        assert "partitioning" in keys["mid-backend-design-query"].text
        vulnerabilities = keys["mid-backend-operations-vulnerabilities"]
        assert (vulnerabilities.level, vulnerabilities.track) == ("mid", "backend")

    def test_mid_has_its_own_testing_expectation(self, spec):
        tests = by_key(spec)["mid-craft-tests"]
        assert (tests.level, tests.supersedes) == ("mid", "junior-craft-tests")
        assert tests.sources == ["mid-backend-responsibilities"]

    def test_asking_for_help_agrees_with_the_forum(self, spec):
        text = by_key(spec)["junior-delivery-ask-early"].text
        assert "about an hour" in text
        assert "within a day" not in text
        assert all("within a day" not in a.text for t in spec.transitions for a in t.actions)


@pytest.mark.django_db
class TestSustainablePace:
    @pytest.mark.parametrize("level", ["junior", "mid", "senior"])
    def test_the_pace_expectation_stays_in_force(self, ladder, level):
        for track in Track.objects.all():
            at = Level.objects.get(slug=level)
            keys = {e.key for e in in_force(expectations_upto(track=track, level=at), at)}
            assert "junior-growth-pace" in keys, (track.slug, level)

    def test_nothing_supersedes_it(self, ladder):
        assert not Expectation.objects.get(key="junior-growth-pace").superseded_by.exists()


class TestTwoOfThree:
    def test_the_senior_group(self, spec):
        [group] = spec.groups
        assert (group.level, group.threshold, group.sources) == ("senior", 2, ["se-mid-to-senior"])
        assert [m.expectation for m in group.members] == [
            "senior-design-architecture",
            "senior-mentoring-mentor",
            "senior-leadership-lead",
        ]
        pointers = {m.expectation: m.if_only_strength for m in group.members}
        assert "management or product management" in pointers["senior-leadership-lead"]
        assert pointers["senior-design-architecture"] == pointers["senior-mentoring-mentor"] == ""


class TestMissingOrThin:
    @pytest.mark.parametrize(
        ("key", "level", "track"),
        [
            ("senior-craft-lifecycle", "senior", None),
            ("senior-craft-mastery", "senior", None),
            ("mid-backend-craft-frontend", "mid", "backend"),
            ("mid-backend-operations-log-watch", "mid", "backend"),
            ("mid-backend-craft-algorithms", "mid", "backend"),
            ("mid-backend-design-storage", "mid", "backend"),
            ("mid-backend-design-async", "mid", "backend"),
            ("mid-craft-deep-understanding", "mid", None),
            ("mid-craft-complex", "mid", None),
            ("mid-business-industry", "mid", None),
        ],
    )
    def test_added_expectations(self, spec, key, level, track):
        e = by_key(spec)[key]
        assert (e.level, e.track) == (level, track)
        assert e.sources

    def test_growth_actions_towards_senior(self, spec):
        texts = [a.text for a in actions(spec, "mid")]
        assert any("Broaden your skills" in t for t in texts)
        assert any("complex projects" in t for t in texts)
        assert any("more money, more responsibility, the title itself" in t for t in texts)
        moving = next(t for t in texts if "changing companies" in t)
        # Attributed to the answer by where it was posted, not by the source's short name
        # (people read this text; issue 13).
        assert "One answer on The Workplace Stack Exchange says" in moving
        assert "se-mid-to-senior" not in moving
        assert "Forbes" in moving
        assert "50%" in moving

    def test_context_for_the_step_to_mid(self, spec):
        step = next(t for t in spec.transitions if t.from_level == "junior")
        assert "bigger-isnt-better" in step.sources
        for words in ("more responsibility", "months", "fast-growing"):
            assert words in step.summary
