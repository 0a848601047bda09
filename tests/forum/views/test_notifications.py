"""The notifications page (forum/views/notifications.py)."""

import pytest
from django.urls import reverse

from tests.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("ladder")


class TestNotifications:
    def test_the_badge_and_the_list(self, client):
        question = QuestionFactory()
        AnswerFactory(question=question)
        client.force_login(question.author)
        home = client.get(reverse("home")).text
        assert '<span class="nav-count">1<span class="visually-hidden"> unread</span>' in home
        page = client.get(reverse("forum:notifications")).text
        assert "answered your question" in page
        assert "nav-count" not in client.get(reverse("home")).text

    def test_mark_all_read(self, client):
        question = QuestionFactory()
        AnswerFactory(question=question)
        client.force_login(question.author)
        assert client.post(reverse("forum:notifications")).status_code == 405  # reading is a GET
        assert client.post(reverse("forum:notifications_read")).status_code == 302
        assert not question.author.notifications.filter(read_at__isnull=True).exists()
