"""One vocabulary on every account page, allauth's included: "Log in", "Sign up", "Log out"."""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.support import sign_up
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# The forms the site does not use, matched case-sensitively in what a person reads or hears.
WRONG = re.compile(
    r"\b(Sign[ -]?[Ii]n|sign[ -]?in|Signed in|signed in|Sign[ -]?[Oo]ut|sign[ -]?out|"
    r"Signed out|signed out|Sign Up|SignUp|Signup|signup|Log In|Log Out|LogIn|LogOut|"
    r"Login|Logout|login|logout)\b"
)
SPOKEN = ("aria-label", "title", "placeholder", "alt", "value")


class _Visible(HTMLParser):
    """The text of a page and the attributes read aloud, without scripts, styles or URLs."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        hidden_input = tag == "input" and ("type", "hidden") in attrs
        for name, value in attrs:
            if name in SPOKEN and value and not hidden_input:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def assert_one_vocabulary(response) -> None:
    assert response.status_code == 200, response
    text = visible_text(response.content.decode())
    assert not WRONG.findall(text), (response.request["PATH_INFO"], WRONG.findall(text))


def test_the_checker_catches_allauths_words():
    for wrong in ("Sign In", "Sign Up", "Signup", "Sign Out", "Log In", "signed out", "Login"):
        assert WRONG.search(visible_text(f"<button>{wrong}</button>"))
    assert WRONG.search(visible_text('<a aria-label="Sign In" href="/">→</a>'))
    right = '<a href="/accounts/login/">Log in</a> <a href="/accounts/signup/">Sign up</a>'
    assert not WRONG.search(visible_text(right + "<button>Log out</button> a sign-up"))


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_inactive",
    ],
)
def test_signed_out_pages_use_the_sites_words(client, name):
    assert_one_vocabulary(client.get(reverse(name)))


@pytest.mark.parametrize(
    "name", ["account_logout", "account_change_password", "account_email", "account_reauthenticate"]
)
def test_signed_in_pages_use_the_sites_words(client, name):
    client.force_login(UserFactory())
    assert_one_vocabulary(client.get(reverse(name)))


def test_the_headings_and_buttons_say_log_in_sign_up_log_out(client):
    login = client.get(reverse("account_login")).content.decode()
    assert "<h1>Log in</h1>" in login.replace("\n", "").replace("  ", "")
    assert ">Log in</button>" in login.replace("\n", "").replace("  ", "")
    assert "Log in · Rungs" in login
    signup = client.get(reverse("account_signup")).content.decode()
    assert "Sign up · Rungs" in signup
    assert ">Sign up</button>" in signup.replace("\n", "").replace("  ", "")
    client.force_login(UserFactory())
    logout = client.get(reverse("account_logout")).content.decode()
    assert "Log out · Rungs" in logout


def test_confirm_email_and_reset_from_key_pages(client):
    sign_up(client)
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    assert_one_vocabulary(client.get(link.group(1)))
    assert_one_vocabulary(client.get(reverse("account_confirm_email", args=["not-a-key"])))
    assert_one_vocabulary(
        client.get(reverse("account_reset_password_from_key", args=["zz", "not-a-key"]))
    )


def test_the_messages_after_logging_in_and_out(client):
    person = UserFactory(display_name="Dana Okafor")
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True
    )
    assert "Logged in as Dana Okafor." in response.content.decode()
    assert_one_vocabulary(response)
    response = client.post(reverse("account_logout"), follow=True)
    assert "You have logged out." in response.content.decode()
    assert_one_vocabulary(response)
