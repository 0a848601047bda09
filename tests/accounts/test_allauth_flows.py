"""The real allauth flows, through the test client: sign-up mail, e-mail log-in, reset."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import User
from tests.accounts.support import sign_up
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_verification_mail(client):
    response = sign_up(client)
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


def settings_module_values(name: str) -> dict:
    """What a settings module sets for sign-up, read without importing it (production and
    bench refuse to load without their secrets)."""
    path = Path(settings.BASE_DIR) / "config" / "settings" / f"{name}.py"
    base = Path(settings.BASE_DIR) / "config" / "settings" / "base.py"
    values = {}
    for source in (base, path):
        for node in ast.parse(source.read_text()).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.startswith("ACCOUNT_"):
                        values[target.id] = node.value.value
    return values


SETTINGS_MODULES = sorted(
    path.stem
    for path in (Path(__file__).parents[2] / "config" / "settings").glob("*.py")
    if path.stem not in ("__init__", "base")
)


def test_every_settings_module_is_checked():
    assert {"local", "production", "test", "bench"} <= set(SETTINGS_MODULES)


@pytest.mark.parametrize("module", SETTINGS_MODULES)
def test_sign_up_does_not_reveal_a_registered_email(client, module):
    """Security test, issue 10: with optional verification (local settings), signing up with
    a registered address said so. Every settings module now answers a taken address exactly
    as a new one, and tells the address's owner by e-mail instead."""
    values = settings_module_values(module)
    assert values["ACCOUNT_EMAIL_VERIFICATION"] == "mandatory"
    with override_settings(**values):
        UserFactory(email="taken@example.com")
        new = sign_up(client, email="fresh@example.com", username="freshperson")
        client.logout()
        taken = sign_up(Client(), email="TAKEN@example.com", username="x2")
    assert (
        (taken.status_code, taken.url)
        == (new.status_code, new.url)
        == (
            302,
            reverse("account_email_verification_sent"),
        )
    )
    assert not User.objects.filter(username="x2").exists()
    assert User.objects.filter(username="freshperson", is_active=True).exists()
    to_owner = [m for m in mail.outbox if m.to == ["taken@example.com"]]
    assert len(to_owner) == 1
    assert "already" in to_owner[0].body.lower()
    assert not get_user(client).is_authenticated  # not logged in before confirming


def test_the_page_after_sign_up_reads_the_same_for_a_taken_address(client):
    UserFactory(email="taken@example.com")
    new = client.get(sign_up(client, email="fresh@example.com", username="freshperson").url).text
    other = Client()
    taken = other.get(sign_up(other, email="taken@example.com", username="x3").url).text
    assert "Verify your e-mail address" in new
    assert "Confirmation email sent to fresh@example.com." in new
    assert new.replace("fresh@", "taken@") == taken


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
