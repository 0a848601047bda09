"""Rungs' allauth adapter (ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms

from accounts import names
from accounts.selectors import name_looks_taken


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username: str, shallow: bool = False) -> str:
        """Usernames are stored in NFKC, carry no invisible or direction-changing characters,
        are not reserved words nor look like them, and do not look like another member's
        username or display name (Cyrillic "аlice" when "alice" exists)."""
        username = names.normalise(username)
        names.validate_not_reserved(username)
        username = super().clean_username(username, shallow=shallow)
        if not shallow and name_looks_taken(username):
            raise forms.ValidationError(
                "This username looks just like another member's name. Choose another.",
                code="username_look_alike",
            )
        return username
