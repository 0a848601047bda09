import pytest

from forum.forms import CommentForm, QuestionForm

pytestmark = pytest.mark.usefixtures("ladder")

BODY = "My manager says my work is good but not yet senior. What should I collect first?"


def test_a_title_padded_with_spaces_to_the_minimum_is_refused():
    data = {"title": "a" + " " * 13 + "b", "body": BODY, "level": "mid", "tags": "promotion"}
    form = QuestionForm(data)
    assert not form.is_valid()
    assert "title" in form.errors


def test_a_comment_of_invisible_characters_is_refused():
    form = CommentForm({"body": "\u200b" * 10})
    assert not form.is_valid()
    assert "body" in form.errors
