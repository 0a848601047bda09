"""A post's revision history (forum/selectors/revisions.py)."""

import pytest

from forum.selectors.revisions import revision_history
from forum.services.answers import answer_edit
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.forum.support import BODY_2, edit_question
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestHistory:
    def test_an_anonymous_authors_edits_stay_anonymous_and_moderators_sign(self, ladder):
        author = UserFactory(username="quiet-author", display_name="Quinn Quiet")
        question = QuestionFactory(author=author, is_anonymous=True)
        edit_question(question, author, ladder, body=BODY_2)
        mod = moderator(display_name="Mona Moderator")
        edit_question(question, mod, ladder, tags=["promotion", "pip"], reason="Tags")
        history = revision_history(post=question, viewer=UserFactory())
        names = [entry.editor.name for entry in history]
        assert names == ["Anonymous · mid-level", "Anonymous · mid-level", "Mona Moderator"]
        assert [entry.editor.url for entry in history][:2] == [None, None]
        assert history[2].editor.is_moderator
        own = revision_history(post=question, viewer=author)
        assert own[0].editor.is_viewer
        as_moderator = revision_history(post=question, viewer=mod)
        assert as_moderator[0].editor.name == "Anonymous · mid-level"

    def test_the_history_is_a_fixed_number_of_queries(self, django_assert_num_queries):
        answer = AnswerFactory()
        for n in range(10):
            answer_edit(answer=answer, editor=moderator(), body=f"{n}" * 40)
        answer, viewer = fresh(answer), UserFactory()
        with django_assert_num_queries(2):  # the revisions with their editors, and the author
            history = revision_history(post=answer, viewer=viewer)
            assert [e.editor.is_moderator for e in history] == [False] + [True] * 10
