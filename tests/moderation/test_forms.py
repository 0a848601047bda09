"""Moderation forms only parse (moderation/forms.py): which question a pasted address means."""

import pytest

from moderation.forms import CloseForm, question_number
from tests.factories import QuestionFactory


@pytest.mark.parametrize(
    ("pasted", "number"),
    [
        ("42", 42),
        (" 42 ", 42),
        ("/questions/42/", 42),
        ("/questions/42/some-slug/", 42),
        ("https://rungs.example/questions/42/some-slug/?page=2#answer-7", 42),
        ("/ladder/", None),
        ("/questions/ask/", None),
        ("forty-two", None),
        ("", None),
        # The attack: "²" passes str.isdigit() but not int(); urlsplit raises on "http://[::1".
        ("²", None),
        ("٣", None),
        ("-1", None),
        ("http://[::1", None),
        ("https://rungs.example]/questions/1/", None),
    ],
)
def test_a_pasted_address_or_number_names_a_question(pasted, number):
    assert question_number(pasted) == number


@pytest.mark.usefixtures("ladder")
def test_closing_as_a_duplicate_finds_the_original_and_leaves_the_rest_to_the_service():
    original = QuestionFactory()
    form = CloseForm({"reason": "duplicate", "duplicate_of": original.get_absolute_url()})
    assert form.is_valid()
    assert form.cleaned_data["original"] == original
    form = CloseForm({"reason": "duplicate", "duplicate_of": "/questions/999999/"})
    assert not form.is_valid()
    assert form.errors["duplicate_of"] == ["Paste the address or number of a question."]


@pytest.mark.usefixtures("ladder")
@pytest.mark.parametrize("pasted", ["²", "http://[::1", "99999999999999999999", "\x00"])
def test_a_duplicate_that_names_nothing_is_a_form_error(pasted):
    form = CloseForm({"reason": "duplicate", "duplicate_of": pasted})
    assert not form.is_valid()
    assert "duplicate_of" in form.errors
