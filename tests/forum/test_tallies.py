"""Questions per level and per tag: counters that follow every change of visibility."""

import pytest

from forum import tallies
from forum.models import LevelStat, TagStat
from forum.selectors.lists import question_count
from forum.selectors.tags import levels_with_counts
from forum.services.questions import question_edit
from forum.services.visibility import visibility_set
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def level_count(level) -> int:
    return LevelStat.objects.filter(level=level).values_list("questions", flat=True).first() or 0


def tag_counts() -> dict[str, int]:
    return {
        stat.tag.name: stat.questions
        for stat in TagStat.objects.select_related("tag").filter(questions__gt=0)
    }


def test_asking_hiding_restoring_and_retagging_keep_the_counters_true(ladder):
    first = QuestionFactory(tags=["pip", "burnout"])
    QuestionFactory(tags=["pip"])
    assert level_count(ladder["mid"]) == 2
    assert tag_counts() == {"pip": 2, "burnout": 1}

    visibility_set(contribution=first, hidden=True, by=None, reason="spam")
    assert level_count(ladder["mid"]) == 1
    assert tag_counts() == {"pip": 1}
    visibility_set(contribution=first, hidden=False, by=None, reason="")
    assert tag_counts() == {"pip": 2, "burnout": 1}

    question_edit(
        question=first,
        editor=first.author,
        title=first.title,
        body=first.body,
        level=ladder["senior"],
        tags=["burnout", "manager"],
    )
    assert (level_count(ladder["mid"]), level_count(ladder["senior"])) == (1, 1)
    assert tag_counts() == {"pip": 1, "burnout": 1, "manager": 1}
    assert tallies.differences() == []


def test_editing_a_hidden_question_changes_no_counter(ladder):
    question = QuestionFactory(tags=["pip"])
    visibility_set(contribution=question, hidden=True, by=None, reason="spam")
    question_edit(
        question=question,
        editor=UserFactory(is_moderator=True),
        title=question.title,
        body=question.body,
        level=ladder["junior"],
        tags=["burnout"],
    )
    assert tag_counts() == {}
    assert tallies.differences() == []


def test_differences_names_a_wrong_counter_and_recount_fixes_it(ladder):
    QuestionFactory(tags=["pip"])
    TagStat.objects.update(questions=7)
    assert tallies.differences() == [f"TagStat {TagStat.objects.get().tag_id}: stored 7, counted 1"]
    tallies.recount()
    assert tallies.differences() == []


def test_pages_read_the_counters(ladder):
    QuestionFactory(tags=["pip"], level=ladder["junior"])
    LevelStat.objects.filter(level=ladder["junior"]).update(questions=41)
    assert {c.level.slug: c.questions for c in levels_with_counts()}["junior"] == 41
    assert question_count(level=ladder["junior"]) == 41
    assert question_count() == 41
