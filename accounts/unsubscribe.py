"""Signed one-click unsubscribe links for notification e-mails and digests.

A link carries the person's id signed with the site's secret key and a salt of its own (so no
other signed value of the site works here), and a timestamp: it works without logging in, for
UNSUBSCRIBE_DAYS days. Opening it shows a confirmation with a button; the button, or a mail
client following RFC 8058 (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`), POSTs to the
same address and sets the person's e-mail choice to "none".
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from accounts.models import User

SALT = "accounts.unsubscribe"
UNSUBSCRIBE_DAYS = 90


class BadToken(Exception):
    """The link was altered, is too old, or names nobody."""


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=SALT, compress=False)


def unsubscribe_url(user: User) -> str:
    """The full address of `user`'s unsubscribe link, for e-mails."""
    path = reverse("accounts:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return settings.SITE_URL + path


def unsubscribe_headers(user: User) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer an "Unsubscribe" button that POSTs."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def user_from_token(token: str) -> User:
    """The person a token was made for; BadToken when it was altered, expired or they left."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=UNSUBSCRIBE_DAYS * 24 * 3600)
    except signing.SignatureExpired as error:
        raise BadToken("This unsubscribe link has expired.") from error
    except signing.BadSignature as error:
        raise BadToken(
            "This unsubscribe link is not valid: it may have been cut or changed."
        ) from error
    if not isinstance(pk, int):
        raise BadToken("This unsubscribe link is not valid.")
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise BadToken("This unsubscribe link's account no longer exists.")
    return user
