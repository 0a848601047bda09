"""Answering, editing an answer, accepting (forum/views/answers.py)."""

import uuid

import pytest
from django.urls import reverse

from forum.models import Answer, Question
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


class TestActions:
    def test_answering(self, client):
        question = QuestionFactory()
        client.force_login(UserFactory())
        data = {
            "body": "Ask your manager for the written PIP goals and meet weekly.",
            "client_token": str(uuid.uuid4()),
        }
        response = client.post(reverse("forum:answer_create", args=[question.pk]), data)
        answer = Answer.objects.get()
        assert response.url == answer.get_absolute_url()
        client.post(reverse("forum:answer_create", args=[question.pk]), data)  # double submit
        assert Answer.objects.count() == 1

    def test_a_short_answer_shows_the_error_and_keeps_the_text(self, client):
        question = QuestionFactory()
        client.force_login(UserFactory())
        response = client.post(
            reverse("forum:answer_create", args=[question.pk]), {"body": "Too short."}
        )
        assert response.status_code == 400
        assert "at least 30 characters" in response.text
        assert "Too short.</textarea>" in response.text
        assert not Answer.objects.exists()

    def test_answers_on_missing_or_hidden_questions_are_404(self, client):
        question = QuestionFactory()
        Question.objects.filter(pk=question.pk).update(is_hidden=True)
        client.force_login(UserFactory())
        body = {"body": "x" * 40}
        assert (
            client.post(reverse("forum:answer_create", args=[question.pk]), body).status_code == 404
        )
        assert client.post(reverse("forum:answer_create", args=[424242]), body).status_code == 404

    def test_accept_and_unaccept(self, client):
        answer = AnswerFactory()
        client.force_login(answer.question.author)
        url = reverse("forum:answer_accept", args=[answer.pk])
        assert client.post(url).status_code == 302
        answer.refresh_from_db()
        assert answer.is_accepted
        client.post(url)  # a second accept changes nothing
        assert client.post(url, {"undo": "1"}).status_code == 302  # no hidden switch any more
        answer.refresh_from_db()
        assert answer.is_accepted
        client.post(reverse("forum:answer_unaccept", args=[answer.pk]))
        answer.refresh_from_db()
        assert not answer.is_accepted

    def test_someone_else_cannot_accept(self, client):
        answer = AnswerFactory()
        client.force_login(UserFactory())
        response = client.post(reverse("forum:answer_accept", args=[answer.pk]))
        assert response.status_code == 403
        assert "Only the asker can accept an answer" in response.text

    def test_editing_an_answer(self, client):
        answer = AnswerFactory()
        url = reverse("forum:answer_edit", args=[answer.pk])
        client.force_login(UserFactory())
        assert client.get(url).status_code == 403
        client.force_login(answer.author)
        response = client.post(url, {"body": "A better answer with **more** detail than before."})
        assert response.status_code == 302
        answer.refresh_from_db()
        assert "<strong>more</strong>" in answer.body_html
