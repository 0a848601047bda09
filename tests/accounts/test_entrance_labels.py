"""Review finding D1: every field of allauth's pages has a visible <label> (templates/account/)."""

import re

import pytest
from django.template.loader import get_template
from django.urls import reverse

from tests.factories import UserFactory
from tests.forum.support import tags_of

pytestmark = pytest.mark.django_db

UNLABELLED_TYPES = {"hidden", "submit", "button"}


def visible_labels(html: str) -> dict[str, str]:
    """Label text by the id it points at, for labels a sighted person sees."""
    found = {}
    for match in re.finditer(r"<label([^>]*)>(.*?)</label>", html, re.S):
        attrs, text = match.groups()
        target = re.search(r'for="([^"]+)"', attrs)
        if target and "visually-hidden" not in attrs:
            found[target.group(1)] = re.sub(r"<[^>]+>|\s+", " ", text).strip()
    return found


def fields_of(html: str) -> list[dict]:
    main = html.split("<main", 1)[1]
    return [
        attrs
        for tag, attrs in tags_of(main)
        if tag in ("input", "select", "textarea") and attrs.get("type") not in UNLABELLED_TYPES
    ]


def assert_every_field_labelled(html: str) -> int:
    labels = visible_labels(html)
    fields = fields_of(html)
    for attrs in fields:
        assert labels.get(attrs.get("id")), f"no visible label for {attrs}"
    return len(fields)


@pytest.mark.parametrize(
    ("name", "fields"),
    [("account_login", 3), ("account_signup", 4), ("account_reset_password", 1)],
)
def test_entrance_pages_label_every_field(client, name, fields):
    assert assert_every_field_labelled(client.get(reverse(name)).text) == fields


def test_the_login_page_labels_say_what_to_type(client):
    labels = visible_labels(client.get(reverse("account_login")).text)
    assert labels["id_login"] == "Email"
    assert labels["id_password"] == "Password"


def test_a_refused_sign_up_keeps_the_labels(client):
    response = client.post(reverse("account_signup"), {"email": "nope", "username": ""})
    assert response.status_code == 200
    assert assert_every_field_labelled(response.text) == 4


def test_the_templates_no_longer_ask_for_unlabelled_fields():
    for name in ("account/login.html", "account/signup.html"):
        assert "unlabeled" not in get_template(name).template.source


def test_signed_in_account_pages_label_every_field(client):
    client.force_login(UserFactory())
    assert assert_every_field_labelled(client.get(reverse("account_change_password")).text) == 3
