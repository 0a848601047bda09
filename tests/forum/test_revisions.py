"""Word-level diffs between two revisions (forum/revisions.py)."""

import pytest

from forum.revisions import Segment, diff_words, revision_diff
from forum.services.answers import answer_edit
from tests.factories import AnswerFactory, QuestionFactory
from tests.forum.support import edit_question

pytestmark = pytest.mark.usefixtures("ladder")


class TestDiff:
    def test_words_added_and_removed(self):
        segments = diff_words("Ask your manager today", "Ask your skip-level manager")
        assert segments == [
            Segment("Ask your ", "same"),
            Segment("skip-level ", "added"),
            Segment("manager", "same"),
            Segment(" today", "removed"),
        ]

    def test_the_same_text_is_one_unchanged_segment(self):
        assert diff_words("same text", "same text") == [Segment("same text", "same")]
        assert diff_words("", "") == []

    def test_a_revision_diff_covers_title_body_tags_and_level(self, ladder):
        question = QuestionFactory(tags=["promotion", "pip"])
        edit_question(
            question,
            question.author,
            ladder,
            title="How do I show senior-level impact quickly?",
            tags=["promotion", "impact"],
            level="senior",
        )
        older, newer = question.revisions.order_by("number")
        diff = revision_diff(older, newer)
        assert diff.has_changes
        assert Segment("quickly?", "added") in diff.title
        assert (diff.tags_added, diff.tags_removed) == (["impact"], ["pip"])
        assert (diff.level_before, diff.level_after) == ("Mid-level engineer", "Senior engineer")
        assert all(s.change == "same" for s in diff.body)
        backwards = revision_diff(newer, older)
        assert (backwards.tags_added, backwards.tags_removed) == (["pip"], ["impact"])

    def test_identical_revisions_have_no_changes(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body=answer.body)
        first, second = answer.revisions.order_by("number")
        assert not revision_diff(first, second).has_changes
