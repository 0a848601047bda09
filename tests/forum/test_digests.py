"""Daily and weekly digests (forum/digests.py, forum.tasks.send_digest and the send_digests
command)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from core.models import SentEmail
from forum.digests import EARLY, digest_send, due_people
from forum.models import Notification
from forum.services.notifications import notifications_mark_read
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def asker(frequency: str = "daily", **kwargs) -> User:
    return UserFactory(email_frequency=frequency, **kwargs)


def answered(person, n: int = 1) -> list:
    question = QuestionFactory(author=person, title=f"What does staff scope mean for {person}?")
    return [AnswerFactory(question=question) for _ in range(n)]


def digests_to(person) -> list:
    return [m for m in mail.outbox if m.to == [person.email] and "digest" in m.subject]


class TestWhoIsDue:
    def test_by_choice_and_time(self):
        now = timezone.now()
        never_sent = asker("daily")
        day_ago = asker("daily", digest_sent_at=now - timedelta(days=1))
        asker("daily", digest_sent_at=now - timedelta(hours=1))  # too soon
        week_ago = asker("weekly", digest_sent_at=now - timedelta(days=7) + EARLY / 2)
        asker("weekly", digest_sent_at=now - timedelta(days=3))  # too soon
        asker("immediate")
        asker("none")
        asker("daily", email="")
        asker("daily", is_active=False)
        assert list(due_people(now=now)) == [never_sent, day_ago, week_ago]


class TestTheDigest:
    def test_one_email_with_the_unread_notifications(self):
        person = asker("weekly")
        answers = answered(person, 2)
        mail.outbox.clear()
        assert digest_send(user_id=person.pk) is True
        [message] = digests_to(person)
        assert message.subject == "[Rungs] Your weekly digest: 2 new notifications"
        for answer in answers:
            assert settings.SITE_URL + answer.question.get_absolute_url() in message.body
            assert f"{answer.author.public_name} answered your question" in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert link.startswith(settings.SITE_URL + "/users/unsubscribe/")
        assert link in message.body

    def test_running_twice_sends_once(self):
        person = asker()
        answered(person)
        mail.outbox.clear()
        assert digest_send(user_id=person.pk) is True
        assert digest_send(user_id=person.pk) is False
        out = StringIO()
        call_command("send_digests", stdout=out)  # the task runs at once in tests
        call_command("send_digests", "--now", stdout=out)
        assert len(digests_to(person)) == 1
        assert SentEmail.objects.filter(key__startswith=f"digest:{person.pk}:").count() == 1

    def test_a_retry_after_a_crash_finds_the_email_sent(self):
        """The row moved back (as if the worker died before its commit): the key is taken."""
        person = asker()
        answered(person)
        mail.outbox.clear()
        digest_send(user_id=person.pk)
        User.objects.filter(pk=person.pk).update(digest_sent_at=None)
        assert digest_send(user_id=person.pk) is False
        assert len(digests_to(person)) == 1

    def test_the_next_one_tells_only_what_came_after(self):
        person = asker()
        first = answered(person)[0]
        digest_send(user_id=person.pk)
        later = timezone.now() + timedelta(days=1, minutes=1)
        second = AnswerFactory(question=first.question)
        Notification.objects.filter(answer=second).update(created_at=later - timedelta(hours=1))
        mail.outbox.clear()
        assert digest_send(user_id=person.pk, now=later) is True
        [message] = digests_to(person)
        assert "1 new notification" in message.subject
        assert f"#answer-{second.pk}" in message.body
        assert f"#answer-{first.pk}" not in message.body

    def test_read_ones_and_nothing_new_send_nothing_but_move_on(self):
        person = asker()
        answered(person)
        notifications_mark_read(recipient=person)
        mail.outbox.clear()
        assert digest_send(user_id=person.pk) is False
        assert digests_to(person) == []
        person.refresh_from_db()
        assert person.digest_sent_at is not None

    def test_people_on_digests_get_no_email_each(self, django_capture_on_commit_callbacks):
        person = asker("daily")
        with django_capture_on_commit_callbacks(execute=True):
            answered(person)
        assert [m for m in mail.outbox if m.to == [person.email]] == []

    def test_the_command_queues_everyone_due(self):
        people = [asker("daily"), asker("weekly")]
        for person in people:
            answered(person)
        mail.outbox.clear()
        out = StringIO()
        call_command("send_digests", stdout=out)
        assert "Queued 2 digests due." in out.getvalue()
        for person in people:
            assert len(digests_to(person)) == 1
