"""Account e-mails are sent by the task worker: a mail server that is down fails no request."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from core.models import SentEmail
from tests.accounts.support import sign_up
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_request_only_queues_the_mail(client):
    person = UserFactory()
    with mock.patch("accounts.adapter.send_email") as task:
        response = client.post(reverse("account_reset_password"), {"email": person.email})
    assert response.status_code == 302
    assert mail.outbox == []
    [call] = task.enqueue.call_args_list
    assert call.kwargs["key"].startswith("account:")
    message = call.kwargs["message"]
    assert message["to"] == [person.email]
    assert message["subject"].startswith("[Rungs]")
    assert "/accounts/password/reset/key/" in message["body"]


def test_sign_up_succeeds_while_the_mail_server_is_down(client):
    refusing = mock.Mock()
    refusing.open.side_effect = ConnectionRefusedError(111, "Connection refused")
    with mock.patch("core.mail.mailers", mock.Mock(default=refusing)):
        response = sign_up(client)
    # The tests run tasks at once; the worker would retry this one until the server is back.
    assert response.status_code == 302
    assert mail.outbox == []
    assert not SentEmail.objects.exists()


def test_the_worker_sends_it_once(client):
    person = UserFactory()
    client.post(reverse("account_reset_password"), {"email": person.email})
    [message] = mail.outbox
    assert message.to == [person.email]
    [sent] = SentEmail.objects.all()
    assert sent.key.startswith("account:")
    assert message.extra_headers["Message-ID"].startswith("<")
