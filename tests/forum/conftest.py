"""Fixtures the forum tests share."""

import pytest

from tests.factories import QuestionFactory


@pytest.fixture
def questions(ladder):
    """Oldest first: a mid promotion question, a junior pip one, a senior pip+burnout one."""
    return [
        QuestionFactory(title="First: how do I get promoted?", tags=["promotion"]),
        QuestionFactory(
            title="Second: survived week one of a PIP", tags=["pip"], level=ladder["junior"]
        ),
        QuestionFactory(
            title="Third: burnout during a PIP",
            tags=["pip", "burnout"],
            level=ladder["senior"],
            is_anonymous=True,
        ),
    ]
