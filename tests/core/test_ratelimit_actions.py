"""Each action's own limit (core/ratelimit.py, as the views call it)."""

import uuid
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.urls import reverse

from core import ratelimit
from forum.models import Comment, Question, Vote
from moderation.models import Flag
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


HOUR = 3600


# A moment 10 minutes into an hour-long window: 50 minutes (3000 s) are left.
START = 1_800_000_000 - 1_800_000_000 % HOUR


TEN_MINUTES_IN = START + 600


@pytest.fixture
def clock(monkeypatch):
    """Control the time the rate limiter reads."""
    now = SimpleNamespace(value=TEN_MINUTES_IN)
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now.value))
    return now


def _ask(client, question, user):
    return client.post(
        reverse("forum:ask"),
        {
            "title": f"A question title that is long enough {uuid.uuid4().hex[:6]}",
            "body": "A body long enough to pass the form's validation rules.",
            "level": "mid",
            "tags": "pip",
            "client_token": str(uuid.uuid4()),
            # The titles are alike: past the similar-questions step, as the asker would be.
            "similar_seen": "1",
        },
    )


def _comment(client, question, user):
    return client.post(
        reverse("forum:question_comment", args=[question.pk]), {"body": "A short comment here"}
    )


def _vote(client, question, user):
    answer = AnswerFactory(question=question)
    return client.post(reverse("forum:answer_vote", args=[answer.pk]), {"value": "up"})


def _flag(client, question, user):
    answer = AnswerFactory(question=question)
    return client.post(reverse("moderation:flag", args=["answer", answer.pk]), {"reason": "spam"})


def _edit(client, question, user):
    answer = AnswerFactory(question=question, author=user)
    return client.post(
        reverse("forum:answer_edit", args=[answer.pk]), {"body": f"Edited {uuid.uuid4()} body"}
    )


def _rollback(client, question, user):
    answer = AnswerFactory(question=question, author=user)
    first = answer.revisions.get()
    client.post(reverse("forum:answer_edit", args=[answer.pk]), {"body": "x" * 40})
    return client.post(reverse("forum:rollback", args=[first.pk]))


@pytest.mark.parametrize(
    ("action", "attempt", "model"),
    [
        ("question", _ask, Question),
        ("comment", _comment, Comment),
        ("vote", _vote, Vote),
        ("flag", _flag, Flag),
        ("edit", _edit, None),
    ],
)
def test_each_action_is_limited_by_its_setting(client, clock, action, attempt, model):
    question = QuestionFactory()
    user = UserFactory()
    client.force_login(user)
    with override_settings(RUNGS_RATE_LIMITS={action: "1/m"}):
        before = model.objects.count() if model else 0
        assert attempt(client, question, user).status_code == 302
        refused = attempt(client, question, user)
        assert refused.status_code == 429
        assert refused["Retry-After"] == "60"  # a minute-long window, at its very start
        assert "about 1 minute." in refused.text
        if model:
            assert model.objects.count() == before + 1


def test_rollbacks_count_as_edits(client, clock):
    user = UserFactory()
    client.force_login(user)
    with override_settings(RUNGS_RATE_LIMITS={"edit": "1/h"}):
        response = _rollback(client, QuestionFactory(), user)
    assert response.status_code == 429


@override_settings(RUNGS_RATE_LIMITS={"flag": "1/h"})
def test_moderator_actions_are_not_limited_but_their_flags_are(client, clock):
    mod = moderator()
    client.force_login(mod)
    for _ in range(3):
        response = client.post(
            reverse("moderation:hide", args=["question", QuestionFactory().pk]), {"reason": "x"}
        )
        assert response.status_code == 302
    question = QuestionFactory()
    first, second = AnswerFactory(question=question), AnswerFactory(question=question)
    client.post(reverse("moderation:flag", args=["answer", first.pk]), {"reason": "spam"})
    refused = client.post(
        reverse("moderation:flag", args=["answer", second.pk]), {"reason": "spam"}
    )
    assert refused.status_code == 429
