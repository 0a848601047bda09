"""Rolling a post back to an earlier revision (forum/services/revisions.py)."""

import pytest

from core.rules import ActionNotAllowed
from forum.models import Revision
from forum.services.answers import answer_edit
from forum.services.revisions import post_rollback
from moderation.models import AuditEntry
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.forum.support import BODY_2, edit_question
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestRollback:
    def test_rollback_is_a_new_revision_with_the_old_content(self, ladder):
        question = QuestionFactory(tags=["promotion"])
        original = question.revisions.get(number=1)
        edit_question(
            question,
            question.author,
            ladder,
            title="A vandalised title for this question",
            body=BODY_2,
            tags=["spam"],
            level="junior",
        )
        question = post_rollback(post=fresh(question), revision=original, editor=question.author)
        assert (question.title, question.body, question.level) == (
            original.title,
            original.body,
            ladder["mid"],
        )
        assert sorted(question.tags.names()) == ["promotion"]
        latest = question.revisions.order_by("-number").first()
        assert latest.number == 3
        assert latest.reason == "Rolled back to revision 1"
        assert Revision.objects.filter(question=question).count() == 3  # nothing removed

    def test_rollback_of_an_answer_with_a_reason(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        post_rollback(
            post=fresh(answer),
            revision=answer.revisions.get(number=1),
            editor=answer.author,
            reason="Back to the original",
        )
        answer = fresh(answer)
        assert answer.body.startswith("Write down what senior means")
        assert answer.revisions.order_by("-number").first().reason == "Back to the original"

    def test_a_revision_of_another_post_is_refused(self):
        first, second = AnswerFactory(), AnswerFactory()
        with pytest.raises(ValueError, match="another post"):
            post_rollback(post=first, revision=second.revisions.get(), editor=first.author)
        question = first.question
        with pytest.raises(ValueError, match="another post"):
            post_rollback(post=question, revision=first.revisions.get(), editor=question.author)

    def test_only_editors_roll_back(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        with pytest.raises(ActionNotAllowed):
            post_rollback(
                post=answer, revision=answer.revisions.get(number=1), editor=UserFactory()
            )
        assert answer.revisions.count() == 2

    def test_the_newest_revision_cannot_be_rolled_back_to(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        newest = answer.revisions.get(number=2)
        with pytest.raises(ActionNotAllowed, match="already the newest revision"):
            post_rollback(post=fresh(answer), revision=newest, editor=answer.author)
        assert answer.revisions.count() == 2  # no empty revision recorded

    def test_a_moderators_rollback_is_audited(self):
        answer = AnswerFactory()
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        mod = moderator()
        post_rollback(post=fresh(answer), revision=answer.revisions.get(number=1), editor=mod)
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.actor, entry.reason) == (
            "edit",
            mod,
            "Rolled back to revision 1",
        )


def test_an_author_cannot_roll_back_a_moderators_edit(ladder):

    answer = AnswerFactory(body="My original answer, with a name in it: Jane Doe.")
    mod = moderator()
    answer_edit(answer=answer, editor=mod, body="x" * 40, reason="Removed a name")
    first = answer.revisions.get(number=1)
    with pytest.raises(ActionNotAllowed, match="ask a moderator"):
        post_rollback(post=fresh(answer), revision=first, editor=answer.author)
    post_rollback(post=fresh(answer), revision=first, editor=mod)
    assert fresh(answer).revisions.count() == 3
