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
    original, question = QuestionFactory(), QuestionFactory()
    data = {"reason": "duplicate", "duplicate_of": original.get_absolute_url()}
    form = CloseForm(data, question=question)
    assert form.is_valid()
    assert form.cleaned_data["original"] == original
    form = CloseForm(
        {"reason": "duplicate", "duplicate_of": "/questions/999999/"}, question=question
    )
    assert not form.is_valid()
    assert form.errors["duplicate_of"] == ["There is no question with that number."]


@pytest.mark.usefixtures("ladder")
def test_words_instead_of_an_address_search_and_ask_for_a_pick():
    original = QuestionFactory(title="How do I negotiate a promotion after a reorganisation?")
    question = QuestionFactory(title="Negotiating my promotion after a reorganisation")
    form = CloseForm(
        {"reason": "duplicate", "duplicate_of": "promotion reorganisation"}, question=question
    )
    assert not form.is_valid()
    assert form.candidates == [original]
    assert form.errors["duplicate_of"] == ["Pick the original from the questions found below."]
    picked = {"reason": "duplicate", "duplicate_of": "promotion", "original": str(original.pk)}
    form = CloseForm(picked, question=question)
    assert form.is_valid()
    assert form.cleaned_data["original"] == original


@pytest.mark.usefixtures("ladder")
def test_another_reason_ignores_the_original():
    form = CloseForm(
        {"reason": "off-topic", "duplicate_of": "whatever", "original": "5"},
        question=QuestionFactory(),
    )
    assert form.is_valid()
    assert form.cleaned_data["original"] is None


@pytest.mark.usefixtures("ladder")
@pytest.mark.parametrize("pasted", ["²", "http://[::1", "99999999999999999999", "\x00"])
def test_a_duplicate_that_names_nothing_is_a_form_error(pasted):
    form = CloseForm({"reason": "duplicate", "duplicate_of": pasted}, question=QuestionFactory())
    assert not form.is_valid()
    assert "duplicate_of" in form.errors
