"""Warning, suspending and revealing (moderation/services/people.py)."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from core.rules import ActionNotAllowed, refusal
from forum.models import Notification
from forum.rules import can_ask, can_see
from forum.services.answers import answer_edit
from forum.services.visibility import contribution_delete
from forum.services.votes import vote_cast
from moderation.models import AuditEntry, Flag, Suspension
from moderation.services.people import author_reveal, suspension_lift, user_suspend, user_warn
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
    superuser,
)
from tests.moderation.factories import entries, flag, fresh, moderator, only_entry

pytestmark = pytest.mark.usefixtures("ladder")


class TestWarn:
    def test_a_warning_notifies_the_author_and_upholds_the_flags(self):
        answer = AnswerFactory()
        comment = CommentFactory(post=answer)
        flag(comment, reason="rude")
        mod = moderator()
        notification = user_warn(
            moderator=mod, contribution=comment, message="  Please keep it civil.  "
        )
        assert (notification.recipient, notification.kind, notification.actor) == (
            comment.author,
            Notification.Kind.WARNING,
            mod,
        )
        assert notification.message == "Please keep it civil."
        assert (notification.question, notification.answer, notification.comment) == (
            answer.question,
            None,
            comment,
        )
        assert Flag.objects.get().status == "upheld"
        entry = only_entry(AuditEntry.Action.WARN)
        assert (entry.target_kind, entry.target_id) == ("user", comment.author.pk)
        assert entry.details == {"about": f"comment {comment.pk}", "flags": 1}
        assert entry.reason == "Please keep it civil."

    def test_a_warning_says_something(self):
        answer = AnswerFactory()
        with pytest.raises(ValueError, match="Write the warning"):
            user_warn(moderator=moderator(), contribution=answer, message="   ")
        assert not Notification.objects.filter(kind=Notification.Kind.WARNING).exists()
        assert not entries()


class TestSuspend:
    def test_a_suspension_stops_every_kind_of_participation(self):
        mod, person = moderator(), UserFactory()
        question = QuestionFactory()
        answer = AnswerFactory(question=question, author=person)
        other = AnswerFactory(question=question)
        suspension = user_suspend(
            moderator=mod, user=person, days=7, reason="Repeated personal attacks"
        )
        assert (suspension.user, suspension.created_by, suspension.reason) == (
            person,
            mod,
            "Repeated personal attacks",
        )
        assert suspension.ends_at - suspension.starts_at == timedelta(days=7)
        assert suspension.is_live
        assert person.is_suspended  # the instance is refreshed by the service
        assert fresh(person).suspended_until == suspension.ends_at
        attempts = [
            lambda: QuestionFactory(author=person),
            lambda: AnswerFactory(question=question, author=person),
            lambda: CommentFactory(post=question, author=person),
            lambda: vote_cast(user=person, post=other, value=1),
            lambda: flag(other, by=person),
            lambda: answer_edit(answer=answer, editor=person, body="e" * 40),
            lambda: contribution_delete(user=person, contribution=answer),
        ]
        for attempt in attempts:
            with pytest.raises(
                ActionNotAllowed, match=r"suspended until .* UTC: Repeated personal"
            ):
                attempt()
        assert not can_ask(person)
        entry = only_entry(AuditEntry.Action.SUSPEND)
        assert (entry.target_kind, entry.target_id, entry.details["days"]) == (
            "user",
            person.pk,
            7,
        )

    def test_the_refusal_says_why_and_until_when(self):
        person = UserFactory()
        suspension = user_suspend(moderator=moderator(), user=person, days=3, reason="Spam links")
        message = refusal(can_ask, person)
        until = suspension.ends_at.astimezone(UTC).strftime("%-d %B %Y, %H:%M")
        assert message == f"Your account is suspended until {until} UTC: Spam links"

    def test_lifting_restores_rights_and_is_logged(self):
        mod, person = moderator(), UserFactory()
        suspension = user_suspend(moderator=mod, user=person, days=7, reason="x")
        suspension_lift(moderator=mod, suspension=suspension, reason="Apologised")
        person = fresh(person)
        assert not person.is_suspended
        assert (person.suspended_until, person.suspension_reason) == (None, "")
        suspension = fresh(suspension)
        assert (suspension.lifted_by, suspension.is_live) == (mod, False)
        QuestionFactory(author=person)
        assert only_entry(AuditEntry.Action.LIFT_SUSPENSION).reason == "Apologised"

    def test_lifting_one_of_two_keeps_the_other(self):
        mod, person = moderator(), UserFactory()
        long = user_suspend(moderator=mod, user=person, days=30, reason="Long one")
        short = user_suspend(moderator=mod, user=person, days=2, reason="Short one")
        assert (fresh(person).suspended_until, person.suspension_reason) == (
            long.ends_at,
            "Long one",
        )
        suspension_lift(moderator=mod, suspension=long)
        assert (fresh(person).suspended_until, person.suspension_reason) == (
            short.ends_at,
            "Short one",
        )
        suspension_lift(moderator=mod, suspension=short)
        assert not fresh(person).is_suspended

    def test_only_who_may_suspend_a_moderator_may_lift_it(self):
        suspended_mod = moderator()
        suspension = user_suspend(
            moderator=superuser(), user=suspended_mod, days=3, reason="Cooling off"
        )
        with pytest.raises(ActionNotAllowed, match="Only a superuser"):
            suspension_lift(moderator=moderator(), suspension=suspension)
        assert fresh(suspension).is_live
        suspension_lift(moderator=superuser(), suspension=suspension)
        assert not fresh(suspended_mod).is_suspended

    def test_an_ended_suspension_is_not_lifted_again(self):
        mod, person = moderator(), UserFactory()
        suspension = user_suspend(moderator=mod, user=person, days=1, reason="x")
        Suspension.objects.filter(pk=suspension.pk).update(
            starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(1)
        )
        suspension_lift(moderator=mod, suspension=suspension)
        assert fresh(suspension).lifted_at is None
        assert not entries(AuditEntry.Action.LIFT_SUSPENSION)

    def test_a_suspension_ends_by_itself(self):
        person = UserFactory()
        user_suspend(moderator=moderator(), user=person, days=1, reason="x")
        User.objects.filter(pk=person.pk).update(suspended_until=timezone.now() - timedelta(1))
        assert not fresh(person).is_suspended
        QuestionFactory(author=person)

    @pytest.mark.parametrize("days", [0, -1, 366])
    def test_from_one_to_365_days(self, days):
        with pytest.raises(ValueError, match="1 to 365 days"):
            user_suspend(moderator=moderator(), user=UserFactory(), days=days, reason="x")
        assert not Suspension.objects.exists()

    def test_nobody_suspends_themselves(self):
        mod = moderator()
        with pytest.raises(ActionNotAllowed, match="themselves"):
            user_suspend(moderator=mod, user=mod, days=1, reason="x")

    def test_suspended_people_can_still_sign_in_and_read(self):
        person = UserFactory()
        user_suspend(moderator=moderator(), user=person, days=1, reason="x")
        assert fresh(person).is_active
        question = QuestionFactory()
        assert can_see(person, question)

    def test_a_suspension_says_why(self):
        person = UserFactory()
        with pytest.raises(ValueError, match="Say why"):
            user_suspend(moderator=moderator(), user=person, days=3, reason="  ")
        assert not fresh(person).is_suspended


class TestReveal:
    def test_only_with_a_reason_and_always_logged(self):
        mod = moderator()
        answer = AnswerFactory(is_anonymous=True)
        with pytest.raises(ValueError, match="why"):
            author_reveal(moderator=mod, contribution=answer, reason="  ")
        assert not AuditEntry.objects.exists()
        assert author_reveal(moderator=mod, contribution=answer, reason="Spam ring") == (
            answer.author
        )
        entry = only_entry(AuditEntry.Action.REVEAL)
        assert (entry.actor, entry.target_kind, entry.target_id, entry.reason) == (
            mod,
            "answer",
            answer.pk,
            "Spam ring",
        )
        assert entry.details == {"user_id": answer.author.pk, "username": answer.author.username}

    def test_nothing_to_reveal_on_a_signed_post(self):
        with pytest.raises(ActionNotAllowed, match="reveal"):
            author_reveal(moderator=moderator(), contribution=AnswerFactory(), reason="Curious")

    def test_the_audit_label_of_an_anonymous_post_names_nobody(self):
        question = QuestionFactory(is_anonymous=True, title="An anonymous question about a PIP")
        author_reveal(moderator=moderator(), contribution=question, reason="Abuse report")
        entry = only_entry(AuditEntry.Action.REVEAL)
        assert entry.target_label == "An anonymous question about a PIP"
