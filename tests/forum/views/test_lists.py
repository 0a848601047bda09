"""The question lists (forum/views/lists.py)."""

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


class TestQueryBudgets:
    @pytest.mark.parametrize(
        ("url", "budget"),
        [
            (reverse("home"), 10),
            (reverse("forum:questions"), 9),
            (reverse("forum:questions") + "?sort=votes&level=mid&tag=pip", 11),
            (reverse("forum:questions") + "?sort=unanswered", 9),
            (reverse("forum:level_questions", args=["mid"]), 10),
            (reverse("forum:tag_questions", args=["pip"]), 10),
            (reverse("forum:tags"), 5),
            (reverse("forum:search") + "?q=senior", 10),
            (reverse("forum:notifications"), 7),
            (reverse("forum:ask"), 6),
            (reverse("ladder:level", args=["mid"]), 15),
        ],
    )
    def test_list_pages_stay_flat_as_rows_grow(
        self, client, url, budget, django_assert_max_num_queries
    ):
        client.force_login(UserFactory())
        for _ in range(7):  # enough for every home-page list to have rows
            AnswerFactory(question=QuestionFactory(tags=["pip", "promotion"]))
        with django_assert_max_num_queries(budget) as few:
            assert client.get(url).status_code == 200
        for _ in range(25):
            CommentFactory(post=AnswerFactory(question=QuestionFactory(tags=["pip", "growth"])))
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200
