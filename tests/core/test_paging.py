"""Paging without counting: page N through the index, Next through a keyset cursor."""

import pytest
from django.test import RequestFactory

from core import paging
from forum.models import Question
from forum.selectors.lists import SORTS
from forum.services.votes import vote_cast
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def questions():
    made = [QuestionFactory(title=f"Paged question {n}") for n in range(7)]
    for question in made[::3]:  # ties on score and distinct ones
        vote_cast(user=UserFactory(), post=question, value=1)
    return made


@pytest.mark.parametrize("sort", ["newest", "active", "votes"])
def test_walking_by_cursor_gives_the_same_rows_as_walking_by_number(questions, sort):
    ordering = SORTS[sort]
    everything = list(Question.objects.order_by(*ordering))
    by_number, by_cursor, cursor = [], [], ""
    for number in (1, 2, 3):
        by_number += paging.offset_page(
            Question.objects.all(), number=number, per_page=3, ordering=ordering
        ).items
        page = (
            paging.keyset_page(
                Question.objects.all(), cursor=cursor, number=number, per_page=3, ordering=ordering
            )
            if cursor
            else paging.offset_page(Question.objects.all(), number=1, per_page=3, ordering=ordering)
        )
        by_cursor += page.items
        cursor = page.next_cursor
    assert by_number == by_cursor == everything
    assert cursor == ""  # the last page has no Next


def test_a_page_knows_whether_more_follow(questions):
    ordering = SORTS["newest"]
    first = paging.offset_page(Question.objects.all(), number=1, per_page=5, ordering=ordering)
    last = paging.offset_page(Question.objects.all(), number=2, per_page=5, ordering=ordering)
    assert (first.has_next, last.has_next, len(last.items)) == (True, False, 2)
    assert (
        paging.offset_page(Question.objects.all(), number=9, per_page=5, ordering=ordering).items
        == []
    )


@pytest.mark.parametrize("cursor", ["nonsense", "W10", "WyJ4IiwgMV0", "W251bGwsIG51bGxd"])
def test_a_cursor_that_is_not_ours_is_refused(questions, cursor):
    assert (
        paging.keyset_page(
            Question.objects.all(),
            cursor=cursor,
            number=2,
            per_page=3,
            ordering=SORTS["newest"],
        )
        is None
    )


def test_only_descending_orderings_can_be_walked_by_cursor():
    with pytest.raises(ValueError, match="descending"):
        paging.keyset_page(
            Question.objects.all(), cursor="W10", number=2, per_page=3, ordering=("created_at",)
        )


@pytest.mark.parametrize(
    ("raw", "number"), [("", 1), ("3", 3), ("0", 1), ("-2", 1), ("²", 1), ("9" * 12, 1), ("x", 1)]
)
def test_page_numbers_from_the_query_string(raw, number):
    assert paging.page_number(RequestFactory().get("/", {"page": raw})) == number


def test_list_pages_follow_the_next_link_and_count_from_the_counters(client, questions):
    first = client.get("/questions/")
    assert "7 questions." in first.text
    page = paging.offset_page(
        Question.objects.all(), number=1, per_page=20, ordering=SORTS["newest"]
    )
    assert page.has_next is False
    # A deep page asked for by number still answers, through the index.
    assert client.get("/questions/?page=500").status_code == 200
    assert client.get("/questions/?after=garbage&page=2").status_code == 200
