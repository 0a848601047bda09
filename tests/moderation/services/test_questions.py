"""Closing, reopening, locking and unlocking (moderation/services/questions.py)."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.rules import ActionNotAllowed
from forum.models import Answer, Question, Revision, Vote
from forum.services.answers import answer_accept, answer_edit
from forum.services.questions import question_edit
from forum.services.votes import vote_cast
from moderation.models import AuditEntry
from moderation.services.questions import (
    question_close,
    question_lock,
    question_reopen,
    question_unlock,
)
from moderation.services.visibility import contribution_hide
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import entries, fresh, moderator, only_entry

pytestmark = pytest.mark.usefixtures("ladder")


class TestClose:
    def test_close_with_a_reason_refuses_new_answers(self):
        mod, question = moderator(), QuestionFactory()
        question_close(
            moderator=mod, question=question, reason="needs-details", note="Which company?"
        )
        question = fresh(question)
        assert question.is_closed
        assert (question.close_reason, question.close_note, question.closed_by) == (
            "needs-details",
            "Which company?",
            mod,
        )
        with pytest.raises(ActionNotAllowed, match="closed, so it takes no new answers"):
            AnswerFactory(question=question)
        assert question.answer_count == 0
        entry = only_entry(AuditEntry.Action.CLOSE)
        assert entry.details == {"reason": "needs-details", "duplicate_of": None}
        assert entry.reason == "Which company?"

    def test_a_closed_question_still_takes_comments_and_votes(self):
        question = QuestionFactory()
        question_close(moderator=moderator(), question=question, reason="off-topic")
        question = fresh(question)
        CommentFactory(post=question)
        vote_cast(user=UserFactory(), post=question, value=1)
        assert fresh(question).comment_count == 1

    def test_a_duplicate_needs_a_visible_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        with pytest.raises(ValueError, match="must link"):
            question_close(moderator=mod, question=question, reason="duplicate")
        with pytest.raises(ValueError, match="another, visible question"):
            question_close(
                moderator=mod, question=question, reason="duplicate", duplicate_of=question
            )
        contribution_hide(moderator=mod, contribution=original, reason="Spam")
        with pytest.raises(ValueError, match="another, visible question"):
            question_close(
                moderator=mod, question=question, reason="duplicate", duplicate_of=fresh(original)
            )
        assert not fresh(question).is_closed
        assert not entries(AuditEntry.Action.CLOSE)

    def test_a_duplicate_links_the_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        question_close(moderator=mod, question=question, reason="duplicate", duplicate_of=original)
        question = fresh(question)
        assert question.duplicate_of == original
        assert only_entry(AuditEntry.Action.CLOSE).details["duplicate_of"] == original.pk
        assert list(original.duplicates.all()) == [question]

    def test_other_reasons_drop_the_original(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        question_close(moderator=mod, question=question, reason="off-topic", duplicate_of=original)
        assert fresh(question).duplicate_of is None

    def test_an_unknown_reason_is_refused(self):
        question = QuestionFactory()
        with pytest.raises(ValueError, match="Choose a reason"):
            question_close(moderator=moderator(), question=question, reason="boring")
        assert not fresh(question).is_closed

    def test_reopening_takes_answers_again(self):
        mod, question, original = moderator(), QuestionFactory(), QuestionFactory()
        question_close(moderator=mod, question=question, reason="duplicate", duplicate_of=original)
        question_reopen(moderator=mod, question=question, reason="Not the same thing")
        question = fresh(question)
        assert not question.is_closed
        assert (question.close_reason, question.duplicate_of, question.closed_by) == (
            "",
            None,
            None,
        )
        AnswerFactory(question=question)
        assert fresh(question).answer_count == 1
        assert only_entry(AuditEntry.Action.REOPEN).reason == "Not the same thing"

    def test_the_database_requires_a_reason_for_closed_questions(self):
        question = QuestionFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.filter(pk=question.pk).update(closed_at=timezone.now())
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.filter(pk=question.pk).update(duplicate_of=QuestionFactory())


class TestLock:
    @pytest.fixture
    def locked(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        question_lock(moderator=moderator(), question=question, reason="Heated thread")
        return fresh(question), Answer.objects.select_related("question").get(pk=answer.pk)

    def test_lock_stops_answers_comments_votes_edits_and_accepts(self, locked):
        question, answer = locked
        voter = UserFactory()
        attempts = [
            lambda: AnswerFactory(question=question),
            lambda: CommentFactory(post=question),
            lambda: CommentFactory(post=answer),
            lambda: vote_cast(user=voter, post=question, value=1),
            lambda: vote_cast(user=voter, post=answer, value=-1),
            lambda: answer_edit(
                answer=answer, editor=answer.author, body="A changed body, long enough to count."
            ),
            lambda: question_edit(
                question=question,
                editor=question.author,
                title=question.title,
                body="A changed body, long enough to count.",
                level=question.level,
                tags=["promotion"],
            ),
            lambda: answer_accept(user=question.author, answer=answer),
        ]
        for attempt in attempts:
            with pytest.raises(ActionNotAllowed, match="This thread is locked: Heated thread"):
                attempt()
        question = fresh(question)
        assert (question.answer_count, question.comment_count, question.score) == (1, 0, 0)
        assert not Vote.objects.exists()
        assert Revision.objects.count() == 2  # the question's and the answer's first

    def test_moderators_still_edit_a_locked_thread(self, locked):
        _question, answer = locked
        mod = moderator()
        answer_edit(
            answer=answer, editor=mod, body="Edited by a moderator to remove a name.", reason="PII"
        )
        assert fresh(answer).body == "Edited by a moderator to remove a name."
        entry = only_entry(AuditEntry.Action.EDIT)
        assert (entry.actor, entry.target_kind, entry.reason) == (mod, "answer", "PII")

    def test_unlocking_restores_everything(self, locked):
        question, answer = locked
        question_unlock(moderator=moderator(), question=question, reason="Calm again")
        question = fresh(question)
        answer.question = question
        assert not question.is_locked
        assert question.lock_reason == ""
        AnswerFactory(question=question)
        CommentFactory(post=answer)
        vote_cast(user=UserFactory(), post=answer, value=1)
        answer_accept(user=question.author, answer=answer)
        assert fresh(question).answer_count == 2
        assert fresh(answer).score == 1
        assert [e.action for e in entries()] == ["lock", "unlock"]

    def test_a_lock_says_why(self):
        question = QuestionFactory()
        with pytest.raises(ValueError, match="Say why the thread is locked"):
            question_lock(moderator=moderator(), question=question, reason=" ")
        assert not fresh(question).is_locked
