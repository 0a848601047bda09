"""The front page, with levels and tags counted (forum/selectors/home.py, tags.py)."""

import pytest

from forum.selectors.home import home as read_home
from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def titles(questions):
    return [q.title for q in questions]


@pytest.fixture
def three(ladder):
    """Three questions whose orderings differ by each sort."""
    old = QuestionFactory(title="Oldest question about promotion", tags=["promotion"])
    mid = QuestionFactory(title="Middle question about burnout", tags=["burnout", "pip"])
    new = QuestionFactory(title="Newest question about a PIP", tags=["pip"], level=ladder["junior"])
    vote_cast(user=UserFactory(), post=mid, value=1)
    AnswerFactory(question=old)  # old becomes the most recently active
    return old, mid, new


def test_home_and_tag_counts(three):
    home = read_home(size=2)
    assert titles(home.newest) == ["Newest question about a PIP", "Middle question about burnout"]
    assert titles(home.active) == ["Oldest question about promotion"]  # answered, not shown yet
    assert read_home(size=3).active == []  # each question shows once
    counts = {item.level.slug: item.questions for item in home.levels}
    assert counts == {"junior": 1, "mid": 2, "senior": 0}
    assert [(tag.name, tag.n) for tag in home.tags] == [
        ("pip", 2),
        ("burnout", 1),
        ("promotion", 1),
    ]
