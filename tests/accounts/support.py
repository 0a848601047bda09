"""Helpers the accounts tests share."""

from django.urls import reverse

from tests.factories import PASSWORD


def sign_up(client, *, username: str = "newperson", email: str = "new@example.com"):
    """allauth's real sign-up form, filled in as a person would."""
    return client.post(
        reverse("account_signup"),
        {"email": email, "username": username, "password1": PASSWORD, "password2": PASSWORD},
    )
