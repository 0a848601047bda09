"""Beside the thread: related questions, what the level expects (forum/selectors/sidebar.py)."""

import pytest

from forum.models import Question
from forum.selectors.sidebar import level_highlights, question_related
from forum.services.visibility import visibility_set
from tests.factories import QuestionFactory

pytestmark = pytest.mark.usefixtures("ladder")


def test_related_questions_are_read_from_the_stored_list_and_still_visible(ladder):
    question = QuestionFactory(tags=["pip"])
    shown, gone = QuestionFactory(tags=["pip"]), QuestionFactory(tags=["pip"])
    Question.objects.filter(pk=question.pk).update(related_ids=[gone.pk, shown.pk])
    visibility_set(contribution=gone, hidden=True, by=None, reason="spam")
    question.refresh_from_db()
    assert question_related(question=question) == [shown]


def test_the_sidebar_picks_one_expectation_per_competency(ladder):
    picks = level_highlights(level=ladder["senior"])
    assert len(picks) == 6
    assert len({e.competency_id for e in picks}) == 6
    assert all(e.level_id == ladder["senior"].pk and e.track_id is None for e in picks)
