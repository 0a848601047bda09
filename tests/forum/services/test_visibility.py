"""Authors delete their own contributions; nothing is removed (forum/services/visibility.py)."""

import pytest
from django.db.models import ProtectedError

from core.rules import ActionNotAllowed
from forum.models import Answer, Comment, Question, Revision, Vote
from forum.services.answers import answer_edit
from forum.services.revisions import post_rollback
from forum.services.visibility import contribution_delete
from forum.services.votes import vote_cast
from moderation.models import AuditEntry
from moderation.services.flags import flags_dismiss
from moderation.services.questions import (
    question_close,
    question_lock,
)
from moderation.services.visibility import contribution_hide
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import flags, fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


class TestSoftDelete:
    def test_authors_delete_their_own_posts_which_stay_in_the_database(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        contribution_delete(user=comment.author, contribution=comment)
        contribution_delete(user=answer.author, contribution=answer)
        contribution_delete(user=question.author, contribution=question)
        for item in (comment, answer, question):
            item = fresh(item)
            assert item.is_hidden
            assert item.hidden_by == item.author
            assert item.hidden_reason == "Deleted by its author"
        assert fresh(answer).comment_count == 0
        assert fresh(question).answer_count == 0
        assert (Question.objects.count(), Answer.objects.count(), Comment.objects.count()) == (
            1,
            1,
            1,
        )
        # Each deletion is in the audit log (through forum.signals.contribution_deleted),
        # without naming the author.
        logged = AuditEntry.objects.order_by("id").values_list("action", "target_kind", "actor")
        assert list(logged) == [
            ("author-delete", "comment", None),
            ("author-delete", "answer", None),
            ("author-delete", "question", None),
        ]

    def test_only_the_author_deletes(self):
        answer = AnswerFactory()
        for someone in (UserFactory(), answer.question.author, moderator()):
            with pytest.raises(ActionNotAllowed, match="Only the author"):
                contribution_delete(user=someone, contribution=answer)
        contribution_delete(user=answer.author, contribution=answer)
        with pytest.raises(ActionNotAllowed):  # already deleted
            contribution_delete(user=answer.author, contribution=fresh(answer))

    def test_no_path_removes_a_post_comment_vote_or_revision(self, ladder):
        mod, voter = moderator(), UserFactory()
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        vote_cast(user=voter, post=answer, value=1)
        vote_cast(user=voter, post=answer, value=1)  # retracted, not deleted
        answer_edit(answer=answer, editor=answer.author, body="b" * 40)
        revision = answer.revisions.get(number=1)
        post_rollback(post=fresh(answer), revision=revision, editor=mod)
        flags(comment, 3)
        flags_dismiss(moderator=mod, contribution=fresh(comment))
        contribution_hide(moderator=mod, contribution=fresh(comment), reason="x")
        contribution_delete(user=answer.author, contribution=fresh(answer))
        contribution_hide(moderator=mod, contribution=question, reason="x")
        question_close(moderator=mod, question=fresh(question), reason="off-topic")
        question_lock(moderator=mod, question=fresh(question), reason="x")
        counts = (
            Question.objects.count(),
            Answer.objects.count(),
            Comment.objects.count(),
            Vote.objects.count(),
            Revision.objects.count(),
        )
        assert counts == (1, 1, 1, 1, 4)
        assert Vote.objects.get().value == 0
        with pytest.raises(ProtectedError):
            Question.objects.filter(pk=question.pk).delete()
        with pytest.raises(ProtectedError):
            Answer.objects.filter(pk=answer.pk).delete()
