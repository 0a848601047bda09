"""Text rules shared by every place that stores or sends what people typed."""


def one_line(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return " ".join(text.split())
