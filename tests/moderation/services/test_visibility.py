"""Moderators hide and restore contributions, keeping every counter true
(moderation/services/visibility.py)."""

import pytest
from django.urls import reverse

from forum.selectors.search import question_search
from forum.services.visibility import AUTHOR_DELETED, contribution_delete
from moderation.models import AuditEntry, Flag
from moderation.services.visibility import contribution_hide, contribution_restore
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
)
from tests.moderation.factories import flag, flags, fresh, moderator, only_entry

pytestmark = pytest.mark.usefixtures("ladder")


def entries(action: str | None = None) -> list[AuditEntry]:
    found = AuditEntry.objects.order_by("id")
    return list(found.filter(action=action) if action else found)


class TestSoftDelete:
    def test_moderators_hide_and_restore_anything_keeping_counters_true(self):
        mod = moderator()
        question = QuestionFactory(title="A question about staff engineer scope")
        answer = AnswerFactory(question=question)
        on_question, on_answer = CommentFactory(post=question), CommentFactory(post=answer)
        for item in (on_question, on_answer, answer, question):
            contribution_hide(moderator=mod, contribution=item, reason="Testing")
        question, answer = fresh(question), fresh(answer)
        assert (question.answer_count, question.comment_count, answer.comment_count) == (0, 0, 0)
        assert all(fresh(i).hidden_by == mod for i in (on_question, on_answer, answer, question))
        assert question_search(query="staff engineer") == []
        for item in (question, answer, on_answer, on_question):
            contribution_restore(moderator=mod, contribution=fresh(item))
        question, answer = fresh(question), fresh(answer)
        assert (question.answer_count, question.comment_count, answer.comment_count) == (1, 1, 1)
        assert question_search(query="staff engineer") == [question.pk]
        assert [e.action for e in entries()] == ["hide"] * 4 + ["restore"] * 4

    def test_hiding_twice_or_restoring_what_is_shown_moves_no_counter(self):
        mod = moderator()
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        contribution_hide(moderator=mod, contribution=answer, reason="Once")
        contribution_hide(moderator=mod, contribution=fresh(answer), reason="Twice")
        assert fresh(question).answer_count == 0
        contribution_restore(moderator=mod, contribution=fresh(answer))
        contribution_restore(moderator=mod, contribution=fresh(answer))
        assert fresh(question).answer_count == 1

    def test_a_moderator_restores_what_an_author_deleted(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        contribution_delete(user=answer.author, contribution=answer)
        contribution_restore(moderator=moderator(), contribution=fresh(answer), reason="By mistake")
        assert not fresh(answer).is_hidden
        assert fresh(question).answer_count == 1


class TestNoNoise:
    """Repeating an action that changed nothing leaves no audit entry; the log cannot be edited
    in bulk; notifications about hidden content disappear."""

    def test_notifications_about_hidden_answers_leave_the_inbox(self):
        from forum.selectors.notifications import notification_list, notification_unread_count

        answer = AnswerFactory()
        asker = answer.question.author
        assert notification_unread_count(recipient=asker) == 1
        contribution_hide(moderator=moderator(), contribution=answer, reason="Spam")
        assert notification_unread_count(recipient=asker) == 0
        assert notification_list(recipient=asker) == []


class TestAuthorsDeletionsStand:
    """Security test, issue 10: a moderator's hide overwrote "deleted by its author", and
    authors' deletions were not in the audit log."""

    def test_hiding_what_its_author_deleted_keeps_the_authors_deletion(self):
        answer = AnswerFactory()
        flag(answer, reason="rude")
        contribution_delete(user=answer.author, contribution=answer)
        mod = moderator()
        contribution_hide(moderator=mod, contribution=fresh(answer), reason="Abusive")
        answer = fresh(answer)
        assert answer.is_deleted_by_author
        assert (answer.hidden_by, answer.hidden_reason) == (answer.author, AUTHOR_DELETED)
        assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}
        hide = only_entry(AuditEntry.Action.HIDE)
        assert (hide.actor, hide.reason) == (mod, "Abusive")
        assert hide.details == {"flags": 1, "kept": "deleted by its author"}

    def test_an_authors_deletion_is_logged_without_naming_them(self):
        answer = AnswerFactory(is_anonymous=True)
        contribution_delete(user=answer.author, contribution=answer)
        entry = only_entry(AuditEntry.Action.AUTHOR_DELETE)
        assert entry.actor is None
        assert (entry.target_kind, entry.target_id) == ("answer", answer.pk)
        assert answer.author.username not in str(entry.details) + entry.target_label

    def test_restoring_an_authors_deletion_is_a_deliberate_logged_choice(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        contribution_delete(user=answer.author, contribution=answer)
        mod = moderator()
        contribution_hide(moderator=mod, contribution=fresh(answer), reason="Abusive")
        contribution_restore(moderator=mod, contribution=fresh(answer), reason="On request")
        assert not fresh(answer).is_hidden
        restore = only_entry(AuditEntry.Action.RESTORE)
        assert restore.details == {"flags": 0, "author_deleted": True}
        assert [e.action for e in entries()] == ["author-delete", "hide", "restore"]

    def test_the_audit_log_page_says_who_without_naming_an_author(self, client):
        answer = AnswerFactory(is_anonymous=True)
        contribution_delete(user=answer.author, contribution=answer)
        flags(AnswerFactory(), 3)
        mod = moderator()
        client.force_login(mod)
        html = client.get(reverse("moderation:log")).text
        assert "Its author" in html
        assert "Flags" in html
        assert "weight 6 of 6 needed" in html
        assert answer.author.username not in html
