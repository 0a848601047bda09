"""The audit log: append-only, an entry per moderator action, no other (moderation/audit.py)."""

import pytest

from forum.services.answers import answer_edit
from forum.services.questions import question_edit
from forum.services.revisions import post_rollback
from moderation.models import AuditEntry
from moderation.services.curation import (
    answer_curate,
    answer_uncurate,
    feature_move,
    question_feature,
    question_unfeature,
)
from moderation.services.flags import flags_dismiss
from moderation.services.people import author_reveal, suspension_lift, user_suspend, user_warn
from moderation.services.questions import (
    question_close,
    question_lock,
    question_reopen,
    question_unlock,
)
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
)
from tests.moderation.factories import entries, flag, fresh, moderator, only_entry

pytestmark = pytest.mark.usefixtures("ladder")


class TestAuditLog:
    def test_entries_are_append_only(self):
        mod, question = moderator(), QuestionFactory()
        question_lock(moderator=mod, question=question, reason="Heated")
        entry = only_entry(AuditEntry.Action.LOCK)
        entry.reason = "Rewritten history"
        with pytest.raises(ValueError, match="append-only"):
            entry.save()
        with pytest.raises(ValueError, match="append-only"):
            entry.delete()
        assert fresh(entry).reason == "Heated"

    def test_an_entry_describes_its_target_as_it_was(self):
        mod = moderator()
        question = QuestionFactory(title="Original title for this question")
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer, body="A comment that will be hidden soon.")
        question_lock(moderator=mod, question=question, reason="r1")
        contribution_hide(moderator=mod, contribution=answer, reason="r2")
        contribution_hide(moderator=mod, contribution=comment, reason="r3")
        user_suspend(moderator=mod, user=comment.author, days=1, reason="r4")
        labels = [(e.target_kind, e.target_label, e.target_url) for e in entries()]
        assert labels == [
            ("question", "Original title for this question", question.get_absolute_url()),
            ("answer", "Answer to “Original title for this question”", answer.get_absolute_url()),
            ("comment", "Comment: A comment that will be hidden soon.", comment.get_absolute_url()),
            ("user", f"@{comment.author.username}", comment.author.get_absolute_url()),
        ]
        assert all(e.actor == mod and e.created_at for e in entries())

    def test_every_moderator_action_is_recorded(self, ladder):
        mod = moderator()
        question, original = QuestionFactory(), QuestionFactory()
        answer = AnswerFactory(question=question, is_anonymous=True)
        comment = CommentFactory(post=question)
        answer_curate(moderator=mod, answer=answer, note="n")
        answer_uncurate(moderator=mod, answer=answer)
        feature = question_feature(moderator=mod, question=question, level=ladder["mid"])
        feature_move(moderator=mod, feature=feature, offset=1)
        question_unfeature(moderator=mod, feature=feature)
        answer_edit(answer=answer, editor=mod, body="m" * 40, reason="typo")
        post_rollback(post=fresh(answer), revision=answer.revisions.get(number=1), editor=mod)
        question_close(moderator=mod, question=question, reason="duplicate", duplicate_of=original)
        question_reopen(moderator=mod, question=question)
        question_lock(moderator=mod, question=question, reason="l")
        question_unlock(moderator=mod, question=question)
        contribution_hide(moderator=mod, contribution=comment, reason="h")
        contribution_restore(moderator=mod, contribution=fresh(comment))
        flag(comment)
        flags_dismiss(moderator=mod, contribution=comment)
        user_warn(moderator=mod, contribution=comment, message="w")
        suspension = user_suspend(moderator=mod, user=comment.author, days=1, reason="s")
        suspension_lift(moderator=mod, suspension=suspension)
        author_reveal(moderator=mod, contribution=answer, reason="r")
        assert [e.action for e in entries()] == [
            "curate",
            "uncurate",
            "feature",
            "reorder",
            "unfeature",
            "edit",
            "edit",
            "close",
            "reopen",
            "lock",
            "unlock",
            "hide",
            "restore",
            "dismiss-flags",
            "warn",
            "suspend",
            "lift-suspension",
            "reveal",
        ]
        assert {e.actor_id for e in entries()} == {mod.pk}
        assert entries("edit")[1].reason == "Rolled back to revision 1"

    def test_a_moderator_editing_their_own_post_is_not_a_moderator_action(self, ladder):
        mod = moderator()
        question = QuestionFactory(author=mod)
        question_edit(
            question=question,
            editor=mod,
            title="My own question, reworded",
            body="My own body, reworded and long enough.",
            level=ladder["senior"],
            tags=["promotion"],
        )
        assert not AuditEntry.objects.exists()


class TestNoNoise:
    """Repeating an action that changed nothing leaves no audit entry; the log cannot be edited
    in bulk; notifications about hidden content disappear."""

    def test_restoring_visible_content_and_reopening_an_open_question_log_nothing(self):
        question = QuestionFactory()
        mod = moderator()
        contribution_restore(moderator=mod, contribution=question)
        question_reopen(moderator=mod, question=question)
        question_unlock(moderator=mod, question=question)
        assert not AuditEntry.objects.exists()

    def test_the_audit_log_refuses_bulk_updates_and_deletes(self):
        question_lock(moderator=moderator(), question=QuestionFactory(), reason="Heat")
        with pytest.raises(ValueError, match="append-only"):
            AuditEntry.objects.update(reason="rewritten")
        with pytest.raises(ValueError, match="append-only"):
            AuditEntry.objects.all().delete()
        assert AuditEntry.objects.get().reason == "Heat"
