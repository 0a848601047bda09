"""Question lists: orders, filters, what they leave out (forum/selectors/lists.py)."""

import pytest
from django.http import Http404

from forum.models import Question
from forum.selectors.lists import DEFAULT_SORT, list_filters, question_list
from forum.selectors.threads import question_get
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


def test_sorts(three):
    old, mid, new = three
    assert titles(question_list(sort="newest")) == [new.title, mid.title, old.title]
    assert titles(question_list(sort="active"))[0] == old.title
    assert titles(question_list(sort="votes"))[0] == mid.title
    assert titles(question_list(sort="unanswered")) == [new.title, mid.title]


def test_filters_combine(three, ladder):
    _, mid, new = three
    assert titles(question_list(tag="pip")) == [new.title, mid.title]
    assert titles(question_list(tag="pip", level=ladder["mid"])) == [mid.title]
    assert titles(question_list(level=ladder["senior"])) == []


def test_hidden_questions_leave_the_lists(three):
    old, _, _ = three
    Question.objects.filter(pk=old.pk).update(is_hidden=True)
    assert old.title not in titles(question_list())
    assert question_get(pk=old.pk) is None


def test_list_filters_read_the_slugs_of_the_address(three, ladder):
    filters = list_filters(sort="votes", level="junior", tag="pip", competency="design")
    assert filters.sort == "votes"
    assert filters.level == ladder["junior"]
    assert filters.tag.slug == "pip"
    assert filters.competency.slug == "design"
    assert list_filters().level is None
    assert list_filters(sort="loudest").sort == DEFAULT_SORT  # an unknown sort falls back


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        ({"level": "principal"}, "There is no level called “principal”."),
        ({"competency": "juggling"}, "There is no competency called “juggling”."),
        ({"tag": "never-used"}, "No questions are tagged “never-used”."),
    ],
)
def test_a_filter_that_names_nothing_is_a_404(three, slugs, message):
    with pytest.raises(Http404, match=message):
        list_filters(**slugs)
