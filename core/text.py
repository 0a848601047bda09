"""Text rules shared by every place that stores or sends what people typed."""

import unicodedata


def one_line(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return " ".join(text.split())


def visible_length(text: str) -> int:
    """How many characters of `text` show: whitespace, control and format characters (such
    as zero-width spaces) do not."""
    return sum(1 for char in text if unicodedata.category(char) not in ("Zs", "Cc", "Cf"))
