"""Small text rules shared by every place that stores or sends what people typed."""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def one_line(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return " ".join(text.split())


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))
