"""E-mails leave at most once per key, however often the task that sends them runs."""

import smtplib
from unittest import mock

import pytest
from django.core import mail as django_mail
from django.core.mail import EmailMessage, EmailMultiAlternatives

from core import mail
from core.models import SentEmail
from core.tasks import send_email
from forum.models import Notification
from forum.tasks import send_notification_email
from tests.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _message(to="sam@example.com") -> EmailMessage:
    return EmailMessage(subject="Hello", body="Body", to=[to])


def test_sent_once_per_key():
    assert mail.send_once("notification:1", _message()) is True
    assert mail.send_once("notification:1", _message()) is False
    assert mail.send_once("notification:2", _message()) is True
    assert len(django_mail.outbox) == 2
    assert SentEmail.objects.filter(key="notification:1").count() == 1


def test_the_message_id_is_the_same_for_every_attempt():
    mail.send_once("account:abc", _message())
    [sent] = django_mail.outbox
    assert sent.extra_headers["Message-ID"] == mail.message_id("account:abc")
    assert mail.message_id("account:abc") != mail.message_id("account:abd")
    assert mail.message_id("account:abc").endswith("@rungs.localhost>")


class _Refusing:
    """A mail server that cannot be reached."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, messages):  # pragma: no cover - never reached
        return 0

    def close(self):
        pass


def test_a_server_down_keeps_the_key_free_for_the_next_attempt():
    with (
        mock.patch.object(mail, "mailers", mock.Mock(default=_Refusing())),
        pytest.raises(ConnectionRefusedError),
    ):
        mail.send_once("notification:7", _message())
    assert not SentEmail.objects.filter(key="notification:7").exists()
    assert mail.send_once("notification:7", _message()) is True
    assert len(django_mail.outbox) == 1


def test_a_slow_goodbye_does_not_undo_a_sent_message():
    """The server accepted the message, then the session's end failed: it counts as sent."""
    mailer = mock.Mock()
    mailer.send_messages.return_value = 1
    mailer.close.side_effect = smtplib.SMTPServerDisconnected("gone")
    with mock.patch.object(mail, "mailers", mock.Mock(default=mailer)):
        assert mail.send_once("notification:8", _message()) is True
    assert SentEmail.objects.filter(key="notification:8").exists()


def test_a_message_nobody_accepted_is_not_marked_sent():
    mailer = mock.Mock()
    mailer.send_messages.return_value = 0
    with (
        mock.patch.object(mail, "mailers", mock.Mock(default=mailer)),
        pytest.raises(mail.NotSent),
    ):
        mail.send_once("notification:9", _message())
    assert not SentEmail.objects.exists()


def test_a_message_survives_the_task_queue():
    message = EmailMultiAlternatives(
        subject="[Rungs] Confirm",
        body="Plain",
        from_email="Rungs <noreply@rungs.localhost>",
        to=["sam@example.com"],
        reply_to=["help@rungs.localhost"],
        headers={"X-Kind": "x"},
    )
    message.attach_alternative("<p>Rich</p>", "text/html")
    again = mail.from_dict(mail.to_dict(message))
    assert (again.subject, again.body, again.from_email, again.to, again.reply_to) == (
        "[Rungs] Confirm",
        "Plain",
        "Rungs <noreply@rungs.localhost>",
        ["sam@example.com"],
        ["help@rungs.localhost"],
    )
    assert again.extra_headers == {"X-Kind": "x"}
    assert [tuple(a) for a in again.alternatives] == [("<p>Rich</p>", "text/html")]


def test_the_send_email_task_sends_once_per_key():
    data = mail.to_dict(_message())
    send_email.call(key="account:1", message=data)
    send_email.call(key="account:1", message=data)
    assert len(django_mail.outbox) == 1


@pytest.mark.usefixtures("ladder")
def test_a_notification_is_mailed_once_however_often_its_task_runs(
    django_capture_on_commit_callbacks,
):
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        AnswerFactory(question=question)
    [notification] = Notification.objects.filter(recipient=question.author)
    assert len(django_mail.outbox) == 1
    assert send_notification_email.call(notification.pk) is False  # run again: nothing sent
    assert len(django_mail.outbox) == 1
