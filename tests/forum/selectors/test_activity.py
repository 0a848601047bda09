"""A person's questions and answers (forum/selectors/activity.py)."""

import pytest

from forum.selectors.activity import user_activity
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def titles(questions):
    return [q.title for q in questions]


def test_a_persons_anonymous_posts_show_only_to_them():
    person = UserFactory()
    QuestionFactory(author=person, title="My public question about growth")
    QuestionFactory(author=person, is_anonymous=True, title="My anonymous question on a PIP")
    AnswerFactory(author=person, is_anonymous=True)
    others_view = user_activity(person=person, viewer=UserFactory())
    own_view = user_activity(person=person, viewer=person)
    assert titles(others_view.questions) == ["My public question about growth"]
    assert others_view.answers == []
    assert len(own_view.questions) == 2
    assert len(own_view.answers) == 1
