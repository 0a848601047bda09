import pytest
from django import forms

from core.fields import OneLineField


class TitleForm(forms.Form):
    title = OneLineField(min_length=15, max_length=150)


def _errors(value: str) -> list[str]:
    form = TitleForm({"title": value})
    form.is_valid()
    return form.errors.get("title", [])


@pytest.mark.parametrize(
    "value",
    [
        "a" + " " * 13 + "b",  # 15 characters typed, 3 kept
        "\u200b" * 20,  # zero-width spaces only
        "short\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b",
        "tab\t\t\t\t\t\t\t\t\t\t\t\tx",
    ],
)
def test_spaces_and_invisible_characters_do_not_make_up_the_minimum(value):
    assert _errors(value)


def test_whitespace_collapses_before_it_is_stored():
    form = TitleForm({"title": "  How do I  ask\nfor a promotion?  "})
    assert form.is_valid()
    assert form.cleaned_data["title"] == "How do I ask for a promotion?"


def test_joined_emoji_count_as_what_they_show():
    # 👩‍💻 is three code points joined by a zero-width joiner: still fine in a real title
    assert not _errors("Is 👩‍💻 on-call fair at junior level?")
