"""The real allauth flows, through the test client: sign-up mail, e-mail log-in, reset."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_verification_mail(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "username": "newperson",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(username="newperson", email="new@example.com").exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.com"]
    assert message.subject.startswith("[Rungs]")
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", message.body).group(1)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert User.objects.get(username="newperson").emailaddress_set.get().verified


def test_sign_up_rejects_a_taken_email_whatever_its_case(client):
    UserFactory(email="taken@example.com")
    response = client.post(
        reverse("account_signup"),
        {
            "email": "TAKEN@example.com",
            "username": "x2",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert not User.objects.filter(username="x2").exists()


def test_log_in_is_by_email(client):
    person = UserFactory()
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == person


def test_wrong_password_is_a_form_error(client):
    person = UserFactory()
    response = client.post(reverse("account_login"), {"login": person.email, "password": "nope"})
    assert response.status_code == 200
    assert "errorlist" in response.text


def test_password_reset_sends_a_link(client):
    person = UserFactory()
    response = client.post(reverse("account_reset_password"), {"email": person.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_log_out_is_a_post(client):
    client.force_login(UserFactory())
    assert client.post(reverse("account_logout")).status_code == 302
    assert not client.get(reverse("home")).context["user"].is_authenticated
