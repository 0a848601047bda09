"""Moderation pages cost the same number of queries however much they list."""

import pytest
from django.urls import reverse

from forum.services.visibility import contribution_delete
from moderation.models import Suspension
from moderation.services.curation import question_feature
from moderation.services.people import author_reveal, suspension_lift, user_suspend, user_warn
from moderation.services.questions import question_lock
from moderation.services.visibility import contribution_hide
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import flag, flags, moderator
from tests.moderation.support import url

pytestmark = pytest.mark.usefixtures("ladder")


QUEUE = reverse("moderation:queue")


LOG = reverse("moderation:log")


HIDDEN = reverse("moderation:hidden")


FEATURED = reverse("moderation:featured")


def _flag_spread(count: int) -> None:
    """`count` flagged threads: a question, an answer and a comment on each, several flags."""
    for _ in range(count):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        on_question = CommentFactory(post=question)
        on_answer = CommentFactory(post=answer)
        flag(question, reason="off-topic")
        flags(answer, 3)  # hidden by flags
        flag(on_question, reason="needs-moderator")
        flag(on_answer, reason="rude")
        flag(on_answer, reason="spam")


def _hidden_spread(count: int, mod) -> None:
    for _ in range(count):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        on_question = CommentFactory(post=question)
        on_answer = CommentFactory(post=answer)
        contribution_hide(moderator=mod, contribution=answer, reason="Spam")
        contribution_delete(user=on_question.author, contribution=on_question)
        contribution_hide(moderator=mod, contribution=on_answer, reason="Rude")
        contribution_hide(moderator=mod, contribution=question, reason="Spam")
        flags(AnswerFactory(), 3)


def _log_spread(count: int, mod) -> None:
    for _ in range(count):
        question = QuestionFactory(is_anonymous=True)
        answer = AnswerFactory(question=question)
        comment = CommentFactory(post=answer)
        question_lock(moderator=mod, question=question, reason="l")
        contribution_hide(moderator=mod, contribution=comment, reason="h")
        author_reveal(moderator=mod, contribution=question, reason="r")
        user_suspend(moderator=mod, user=answer.author, days=2, reason="s")


def _featured_spread(count: int, mod, ladder) -> None:
    for i in range(count):
        question = QuestionFactory(level=ladder[("junior", "mid", "senior")[i % 3]])
        question_feature(moderator=mod, question=question, level=None)
        question_feature(moderator=mod, question=question, level=question.level)


def _record_spread(count: int, mod, person) -> None:
    for live in Suspension.objects.filter(user=person, lifted_at__isnull=True):
        suspension_lift(moderator=mod, suspension=live)
    person.refresh_from_db()
    for _ in range(count):
        question = QuestionFactory(author=person)
        answer = AnswerFactory(author=person)
        flag(question)
        flag(answer)
        contribution_hide(moderator=mod, contribution=answer, reason="x")
        user_warn(moderator=mod, contribution=question, message="w")
        suspension = user_suspend(moderator=moderator(), user=person, days=1, reason="s")
        suspension_lift(moderator=mod, suspension=suspension)
    user_suspend(moderator=mod, user=person, days=3, reason="live one")


# (page, budget): the number of queries pinned for each page, whatever its size.
BUDGETS = {"queue": 5, "hidden": 7, "log": 7, "featured": 6, "person": 12}


class TestQueryBudgets:
    def _pages(self, mod_client, ladder, person):
        return {
            "queue": (QUEUE, lambda n: _flag_spread(n)),
            "hidden": (HIDDEN, lambda n: _hidden_spread(n, mod_client.user)),
            "log": (LOG, lambda n: _log_spread(n, mod_client.user)),
            "featured": (FEATURED, lambda n: _featured_spread(n, mod_client.user, ladder)),
            "person": (
                url("person", person.username),
                lambda n: _record_spread(n, mod_client.user, person),
            ),
        }

    @pytest.mark.parametrize("page", list(BUDGETS))
    def test_moderation_pages_stay_flat_as_rows_grow(
        self, mod_client, ladder, page, django_assert_max_num_queries
    ):
        person = UserFactory(username="regular-person")
        where, grow = self._pages(mod_client, ladder, person)[page]
        grow(2)
        with django_assert_max_num_queries(BUDGETS[page]) as few:
            response = mod_client.get(where)
        assert response.status_code == 200
        grow(12)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = mod_client.get(where)
        assert response.status_code == 200
        if page == "queue":
            assert response.text.count('class="queue__item panel"') == 14 * 4
        if page == "hidden":
            assert response.text.count('class="queue__item panel"') == 14 * 5
        if page == "featured":
            assert response.text.count('class="pin"') == 14 * 2
        if page == "person":
            assert response.text.count("lifted by") == 15  # 2 + 12, and the first live one
