"""Asking and editing questions; counting views (forum/services/questions.py)."""

import uuid

import pytest
from django.db import IntegrityError, transaction

from core.rules import ActionNotAllowed
from forum.models import Question
from forum.selectors.search import question_search
from forum.services import questions as question_services
from forum.services.questions import question_edit, question_record_view
from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestQuestionCreate:
    def test_stores_rendered_markdown_tags_and_a_slug(self):
        question = QuestionFactory(
            title="  How do I   survive a one-month PIP?  ",
            body="I was put on a **PIP** yesterday. <script>alert(1)</script>",
            tags=["pip", "performance-review"],
        )
        assert question.title == "How do I survive a one-month PIP?"
        assert question.slug == "how-do-i-survive-a-one-month-pip"
        assert "<strong>PIP</strong>" in question.body_html
        assert "<script>" not in question.body_html
        assert sorted(question.tags.names()) == ["performance-review", "pip"]
        assert question.author_band == question.author.band
        assert question_search(query="survive") == [question.pk]

    def test_the_same_form_submitted_twice_makes_one_question(self):
        author, token = UserFactory(), uuid.uuid4()
        first = QuestionFactory(author=author, client_token=token)
        second = QuestionFactory(author=author, client_token=token, title="A different title here")
        assert first.pk == second.pk
        assert Question.objects.filter(author=author).count() == 1

    def test_the_database_refuses_a_duplicate_token(self):
        question = QuestionFactory(client_token=uuid.uuid4())
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.create(
                author=question.author,
                title="Another question title",
                slug="x",
                body="x" * 40,
                body_html="",
                level=question.level,
                client_token=question.client_token,
            )

    def test_an_inactive_person_cannot_ask(self):
        with pytest.raises(ActionNotAllowed):
            QuestionFactory(author=UserFactory(is_active=False))


class TestQuestionEdit:
    def test_edit_changes_everything_but_anonymity(self, ladder):
        question = QuestionFactory(is_anonymous=True, tags=["pip"])
        edited = question_edit(
            question=question,
            editor=question.author,
            title="What should I do in week one of a PIP?",
            body="Updated body with more detail about the situation.",
            level=ladder["junior"],
            tags=["pip", "manager"],
        )
        assert (edited.title, edited.slug, edited.level) == (
            "What should I do in week one of a PIP?",
            "what-should-i-do-in-week-one-of-a-pip",
            ladder["junior"],
        )
        assert sorted(edited.tags.names()) == ["manager", "pip"]
        assert edited.is_anonymous
        assert edited.edited_at is not None

    def test_someone_else_cannot_edit(self, ladder):
        question = QuestionFactory()
        with pytest.raises(ActionNotAllowed):
            question_edit(
                question=question,
                editor=UserFactory(),
                title="Hijacked title for this question",
                body="x" * 40,
                level=ladder["mid"],
                tags=["x"],
            )


def test_views_count_once_per_visitor_per_hour():
    question = QuestionFactory()
    results = [question_record_view(question_id=question.pk, visitor=v) for v in ("a", "a", "b")]
    assert results == [True, False, True]
    assert fresh(question).view_count == 2


def test_a_view_this_process_already_settled_costs_no_cache_round_trip(monkeypatch):
    question = QuestionFactory()
    assert question_record_view(question_id=question.pk, visitor="a") is True
    calls = []
    monkeypatch.setattr(question_services.cache, "add", lambda *args, **kwargs: calls.append(args))
    assert question_record_view(question_id=question.pk, visitor="a") is False
    assert calls == []
    assert fresh(question).view_count == 1
