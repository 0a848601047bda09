"""One-click unsubscribe links (accounts/unsubscribe.py and accounts.views.unsubscribe): no
log-in needed, a GET only asks, a POST (the button or a mail client's RFC 8058 request)
unsubscribes, and a tampered or expired link is a clear 400."""

import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.unsubscribe import (
    SALT,
    UNSUBSCRIBE_DAYS,
    unsubscribe_headers,
    unsubscribe_token,
    unsubscribe_url,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url_for(token: str) -> str:
    return reverse("accounts:unsubscribe", args=[token])


def frequency(person) -> str:
    return User.objects.get(pk=person.pk).email_frequency


def test_a_get_asks_and_changes_nothing(client):
    person = UserFactory(display_name="Nia Reader")
    response = client.get(url_for(unsubscribe_token(person)))
    assert response.status_code == 200
    assert '<button type="submit" class="btn btn--primary">Unsubscribe</button>' in response.text
    assert "Nia Reader" in response.text
    assert frequency(person) == "immediate"


def test_the_button_unsubscribes_without_a_login_or_csrf_token():
    person = UserFactory(email_frequency="weekly")
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(url_for(unsubscribe_token(person)))
    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    assert frequency(person) == "none"
    assert browser.post(url_for(unsubscribe_token(person))).status_code == 200  # idempotent


def test_a_mail_clients_one_click_post_unsubscribes():
    """RFC 8058: the client POSTs `List-Unsubscribe=One-Click` to the header's address."""
    person = UserFactory()
    headers = unsubscribe_headers(person)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = headers["List-Unsubscribe"].strip("<>")
    assert address == unsubscribe_url(person)
    path = address.split("://", 1)[1].split("/", 1)[1]
    response = Client(enforce_csrf_checks=True).post(
        "/" + path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert frequency(person) == "none"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token, other: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token, other: str(other.pk) + token[token.index(":") :],  # someone else's id
        lambda token, other: signing.dumps(other.pk, salt="another.purpose"),  # wrong salt
        lambda token, other: signing.dumps("not-an-id", salt=SALT),
        lambda token, other: "nonsense",
    ],
)
def test_a_tampered_link_is_a_clear_400_and_changes_nothing(client, tamper):
    person, other = UserFactory(), UserFactory()
    token = tamper(unsubscribe_token(person), other)
    for method in (client.get, client.post):
        response = method(url_for(token))
        assert response.status_code == 400
        assert "This unsubscribe link does not work" in response.text
    assert (frequency(person), frequency(other)) == ("immediate", "immediate")


def test_an_expired_link_says_so(client):
    person = UserFactory()
    long_ago = time.time() - (UNSUBSCRIBE_DAYS + 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = unsubscribe_token(person)
    response = client.post(url_for(token))
    assert response.status_code == 400
    assert "expired" in response.text
    assert frequency(person) == "immediate"


def test_a_closed_account_is_a_400(client):
    person = UserFactory()
    token = unsubscribe_token(person)
    User.objects.filter(pk=person.pk).update(is_active=False)
    assert client.post(url_for(token)).status_code == 400


def test_the_profile_page_offers_the_four_choices_and_saves_one(client):
    person = UserFactory()
    client.force_login(person)
    form = client.get(reverse("accounts:profile_edit")).text
    assert "E-mail me about my notifications" in form
    for value in ("immediate", "daily", "weekly", "none"):
        assert f'value="{value}"' in form
    client.post(
        reverse("accounts:profile_edit"),
        {"display_name": person.display_name, "band_override": "", "email_frequency": "weekly"},
    )
    assert frequency(person) == "weekly"
    bad = client.post(
        reverse("accounts:profile_edit"),
        {"display_name": person.display_name, "band_override": "", "email_frequency": "hourly"},
    )
    assert bad.status_code == 200
    assert "errorlist" in bad.text
    assert frequency(person) == "weekly"
