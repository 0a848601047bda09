"""Moderation pages are for moderators; the header shows them the queue."""

import pytest
from django.test import Client
from django.urls import reverse

from forum.models import Answer
from moderation.models import AuditEntry, Suspension
from moderation.services.curation import question_feature
from moderation.services.flags import flags_dismiss
from moderation.services.people import user_suspend
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


def _moderation_requests(question, answer, comment, person, suspension, feature):
    return [
        ("get", QUEUE, {}),
        ("get", LOG, {}),
        ("get", HIDDEN, {}),
        ("get", FEATURED, {}),
        ("get", url("person", person.username), {}),
        ("post", url("hide", "answer", answer.pk), {"reason": "x"}),
        ("post", url("restore", "answer", answer.pk), {}),
        ("post", url("dismiss", "comment", comment.pk), {}),
        ("get", url("warn", "answer", answer.pk), {}),
        ("post", url("warn", "answer", answer.pk), {"message": "Be kind"}),
        ("get", url("reveal", "question", question.pk), {}),
        ("post", url("reveal", "question", question.pk), {"reason": "Curious"}),
        ("post", url("curate", answer.pk), {"note": "Good"}),
        ("post", url("close", question.pk), {"reason": "off-topic"}),
        ("post", url("lock", question.pk), {"reason": "Heated"}),
        ("post", url("feature", question.pk), {"where": "home"}),
        ("post", url("feature_move", feature.pk), {"direction": "up"}),
        ("post", url("suspend", person.username), {"days": 3, "reason": "x"}),
        ("post", url("lift", suspension.pk), {}),
    ]


@pytest.fixture
def targets():
    question = QuestionFactory(is_anonymous=True)
    answer = AnswerFactory(question=question)
    comment = CommentFactory(post=answer)
    person = UserFactory()
    mod = moderator()
    suspension = user_suspend(moderator=mod, user=person, days=2, reason="x")
    feature = question_feature(moderator=mod, question=QuestionFactory(), level=None)
    flag(comment)
    return question, answer, comment, person, suspension, feature


class TestAccess:
    def test_ordinary_people_are_refused_everywhere(self, client, targets):
        client.force_login(UserFactory())
        entries_before = AuditEntry.objects.count()
        for method, where, data in _moderation_requests(*targets):
            response = getattr(client, method)(where, data)
            assert response.status_code == 403, where
            assert "Only moderators can do that." in response.text or "reveal" in response.text
        assert AuditEntry.objects.count() == entries_before
        assert not Answer.objects.filter(is_hidden=True).exists()
        assert Suspension.objects.count() == 1

    def test_visitors_are_sent_to_log_in(self, client, targets):
        for method, where, data in _moderation_requests(*targets):
            response = getattr(client, method)(where, data)
            assert response.status_code == 302, where
            assert response.url.startswith(reverse("account_login"))

    def test_the_pages_open_for_moderators(self, mod_client, targets):
        person = targets[3]
        for where in (QUEUE, LOG, HIDDEN, FEATURED, url("person", person.username)):
            assert mod_client.get(where).status_code == 200, where

    def test_the_navigation_shows_the_queue_size_to_moderators_only(self, client, mod_client):
        answer, comment = AnswerFactory(), CommentFactory()
        flags(answer, 2)
        flag(comment)
        badge = '<span class="nav-count nav-count--alert">2<span class="visually-hidden"> items'
        assert badge in mod_client.get(reverse("home")).text
        flags_dismiss(moderator=mod_client.user, contribution=comment)
        assert '>1<span class="visually-hidden"> items' in mod_client.get(reverse("home")).text
        other = Client()
        other.force_login(UserFactory())
        html = other.get(reverse("home")).text
        assert f'href="{QUEUE}"' not in html
        assert "items waiting" not in html

    def test_an_empty_queue_shows_the_link_without_a_count(self, mod_client):
        html = mod_client.get(reverse("home")).text
        assert f'<a href="{QUEUE}">Review</a>' in html
