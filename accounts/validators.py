import re

from django.core.exceptions import ValidationError

from accounts import names

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def single_line(value: str) -> None:
    """Names and headlines are one line of text: no tabs, newlines or other control characters
    (a newline in a name would break the e-mails that mention it)."""
    if _CONTROL.search(value):
        raise ValidationError("Use one line of plain text.", code="control_characters")


def not_anonymous(value: str) -> None:
    """Kept for old migrations: the rule is now name_not_reserved (a superset)."""
    name_not_reserved(value)


def name_not_reserved(value: str) -> None:
    """“Anonymous” is how anonymous posts are shown, ♦ marks moderators: nobody may pass
    themselves off as either, nor as a role, however they spell it (accounts/names.py)."""
    names.validate_not_reserved(value)
