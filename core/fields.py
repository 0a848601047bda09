"""Form fields shared by every app."""

from django import forms
from django.core.exceptions import ValidationError

from core.text import one_line, visible_length


class OneLineField(forms.CharField):
    """Text stored on one line (titles, comments). Whitespace is collapsed *before* the length
    checks, and the minimum counts characters a reader can see: "a" followed by 13 spaces and
    a "b", or a row of zero-width spaces, is not a 15-character title."""

    def to_python(self, value) -> str:
        return one_line(super().to_python(value))

    def validate(self, value: str) -> None:
        super().validate(value)
        if value and self.min_length and visible_length(value) < self.min_length:
            raise ValidationError(
                f"Write at least {self.min_length} characters (spaces and invisible characters "
                "do not count).",
                code="min_length",
            )
