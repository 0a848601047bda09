import re

from django.core.exceptions import ValidationError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def single_line(value: str) -> None:
    """Names and headlines are one line of text: no tabs, newlines or other control characters
    (a newline in a name would break the e-mails that mention it)."""
    if _CONTROL.search(value):
        raise ValidationError("Use one line of plain text.", code="control_characters")


def not_anonymous(value: str) -> None:
    """“Anonymous” is how anonymous posts are shown, and “Deleted member” the author of posts
    whose author deleted their account; nobody may pass themselves off as either."""
    name = " ".join(value.split()).lower()
    if name.startswith("anonymous"):
        raise ValidationError(
            "Choose a name that does not start with “Anonymous”.", code="reserved"
        )
    if name.startswith("deleted member"):
        raise ValidationError(
            "Choose a name that does not start with “Deleted member”.", code="reserved"
        )
