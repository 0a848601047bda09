"""Account e-mails are sent by the task worker: a mail server that is down fails no request."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import SentEmail
from tests.accounts.support import sign_up
from tests.factories import PASSWORD, UserFactory

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


# The welcome step (accounts/views.py `welcome`) comes first after the first log-in.


def _log_in(client, person, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": person.email, "password": PASSWORD})


def test_confirming_the_address_logs_in_and_opens_the_welcome_step(client):
    sign_up(client)
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert response.url == reverse("welcome") + "?next=%2F"


def test_the_first_log_in_keeps_where_the_person_was_going(client):
    newcomer = UserFactory(welcomed_at=None)
    response = _log_in(client, newcomer, next_url="/questions/ask/")
    assert response.url == reverse("welcome") + "?next=%2Fquestions%2Fask%2F"


def test_members_who_saw_it_log_in_straight_to_their_page(client):
    response = _log_in(client, UserFactory(), next_url="/questions/ask/")
    assert response.url == "/questions/ask/"


def test_a_suspended_newcomer_is_not_sent_to_a_form_they_may_not_fill_in(client):
    newcomer = UserFactory(
        welcomed_at=None,
        suspended_until=timezone.now() + timedelta(days=2),
        suspension_reason="Spam",
    )
    assert _log_in(client, newcomer).url == "/"
