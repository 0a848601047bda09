"""Rate limits (core/ratelimit.py): set in settings, counted per person (per address only for
signed-out visitors), only for accepted actions, a 429 page over the limit; the window."""

import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core import ratelimit
from forum.models import Answer, Comment, Question
from moderation.models import Flag
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

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


def answer_data() -> dict:
    return {
        "body": "Ask your manager for the written goals and meet every week.",
        "client_token": str(uuid.uuid4()),
    }


def post_answer(client, question, address="10.0.0.1"):
    return client.post(
        reverse("forum:answer_create", args=[question.pk]), answer_data(), REMOTE_ADDR=address
    )


def test_parse():
    assert ratelimit.parse("5/h") == (5, 3600)
    assert ratelimit.parse("2/m") == (2, 60)
    assert ratelimit.parse("10/s") == (10, 1)
    assert ratelimit.parse("100/d") == (100, 86400)


class TestAnswers:
    @pytest.fixture(autouse=True)
    def _two_answers_an_hour(self, settings):
        settings.RUNGS_RATE_LIMITS = {"answer": "2/h"}

    def test_the_third_answer_in_an_hour_is_refused(self, client, clock):
        question = QuestionFactory()
        client.force_login(UserFactory())
        assert [post_answer(client, question).status_code for _ in range(2)] == [302, 302]
        response = post_answer(client, question)
        assert response.status_code == 429
        assert response["Retry-After"] == "3000"
        assert "Slow down a little" in response.text
        assert "please try again in about 50 minutes." in response.text
        assert "your text still in it" in response.text
        assert Answer.objects.count() == 2
        question.refresh_from_db()
        assert question.answer_count == 2

    def test_per_person_whatever_the_address(self, client, clock):
        question = QuestionFactory()
        client.force_login(UserFactory())
        post_answer(client, question, "10.0.0.1")
        post_answer(client, question, "10.0.0.2")
        assert post_answer(client, question, "10.0.0.3").status_code == 429
        client.force_login(UserFactory())  # someone else, from yet another address
        assert post_answer(client, question, "10.0.0.4").status_code == 302
        assert Answer.objects.count() == 3

    def test_people_sharing_an_address_do_not_share_an_allowance(self, client, clock):
        """The attack: accounts behind one address (an office, a VPN, a proxy we were not told
        about) used to spend everyone's allowance there. Each person has their own."""
        question = QuestionFactory()
        for _ in range(4):
            client.force_login(UserFactory())
            assert post_answer(client, question, "192.0.2.7").status_code == 302
            assert post_answer(client, question, "192.0.2.7").status_code == 302
            assert post_answer(client, question, "192.0.2.7").status_code == 429
        assert Answer.objects.count() == 8

    def test_the_window_resets(self, client, clock):
        question = QuestionFactory()
        client.force_login(UserFactory())
        post_answer(client, question)
        post_answer(client, question)
        assert post_answer(client, question).status_code == 429
        clock.value = START + HOUR - 1  # the last second of the window
        response = post_answer(client, question)
        assert response.status_code == 429
        assert response["Retry-After"] == "1"
        assert "try again in about 1 minute." in response.text  # never "0 minutes"
        clock.value = START + HOUR  # a new window
        assert post_answer(client, question).status_code == 302
        assert post_answer(client, question).status_code == 302
        assert post_answer(client, question).status_code == 429
        assert Answer.objects.count() == 4

    def test_refused_requests_do_not_start_a_new_window(self, client, clock):
        question = QuestionFactory()
        client.force_login(UserFactory())
        post_answer(client, question)
        post_answer(client, question)
        clock.value = TEN_MINUTES_IN + 1200  # 30 minutes in: 30 left
        response = post_answer(client, question)
        assert response["Retry-After"] == "1800"
        assert "about 30 minutes" in response.text

    def test_invalid_forms_are_not_counted(self, client, clock):
        question = QuestionFactory()
        client.force_login(UserFactory())
        for _ in range(3):
            response = client.post(
                reverse("forum:answer_create", args=[question.pk]), {"body": "Too short."}
            )
            assert response.status_code == 400
        assert post_answer(client, question).status_code == 302

    def test_other_actions_have_their_own_limits(self, client, clock):
        """Only answers are limited here: comments, votes and questions are not."""
        question = QuestionFactory()
        client.force_login(UserFactory())
        post_answer(client, question)
        post_answer(client, question)
        assert post_answer(client, question).status_code == 429
        for n in range(4):
            response = client.post(
                reverse("forum:question_comment", args=[question.pk]),
                {"body": f"Comment number {n} here"},
                REMOTE_ADDR="10.0.0.1",
            )
            assert response.status_code == 302
        assert Comment.objects.count() == 4


def test_the_default_limits_come_from_settings(settings):
    assert settings.RUNGS_RATE_LIMITS == {
        "question": "5/h",
        "answer": "20/h",
        "comment": "40/h",
        "vote": "120/h",
        "flag": "20/h",
        "edit": "40/h",
        "preview": "900/h",
        "suggest_edit": "20/h",
        "similar": "600/h",
        "close_vote": "30/h",
        "moderate_bulk": "120/h",
        "account_delete": "5/h",
    }
    for limit in settings.RUNGS_RATE_LIMITS.values():
        ratelimit.parse(limit)


@override_settings(RUNGS_RATE_LIMITS={})
def test_no_setting_means_no_limit(client, clock):
    question = QuestionFactory()
    client.force_login(UserFactory())
    assert {post_answer(client, question).status_code for _ in range(25)} == {302}


@override_settings(RUNGS_RATE_LIMITS={"answer": "2/h"})
def test_the_default_hourly_answer_limit_shape(client, clock):
    """A 429 page keeps the site's layout, with the person still signed in."""
    question = QuestionFactory()
    person = UserFactory(display_name="Rita Rapid")
    client.force_login(person)
    for _ in range(3):
        response = post_answer(client, question)
    assert response.status_code == 429
    assert "<title>Slow down · Rungs</title>" in response.text
    assert "Rita Rapid" in response.text
    assert response["Content-Type"].startswith("text/html")


class TestOnlyAcceptedActionsCount:
    """A refusal (permission, form, service) costs nothing: the attack was a suspended person
    whose refused attempts used up their allowance, and a full allowance hiding the reason."""

    @pytest.fixture(autouse=True)
    def _one_answer_an_hour(self, settings):
        settings.RUNGS_RATE_LIMITS = {"answer": "1/h", "flag": "1/h"}

    def test_attempts_refused_while_suspended_are_not_charged(self, client, clock):
        question = QuestionFactory()
        person = UserFactory(suspended_until=timezone.now() + timedelta(days=1))
        client.force_login(person)
        for _ in range(3):
            refused = post_answer(client, question)
            assert refused.status_code == 403
            assert "suspended" in refused.text
        person.suspended_until = None
        person.save(update_fields=["suspended_until"])
        assert post_answer(client, question).status_code == 302
        assert post_answer(client, question).status_code == 429
        assert Answer.objects.count() == 1

    def test_a_locked_thread_refuses_without_charging(self, client, clock):
        locked = QuestionFactory()
        Question.objects.filter(pk=locked.pk).update(locked_at=timezone.now())
        client.force_login(UserFactory())
        assert post_answer(client, locked).status_code == 403
        assert post_answer(client, QuestionFactory()).status_code == 302

    def test_a_service_refusal_is_not_charged(self, client, clock, settings):
        """Flagging the same answer twice is refused by the service (already flagged)."""
        settings.RUNGS_RATE_LIMITS = {"flag": "2/h"}
        first, second = AnswerFactory(), AnswerFactory()
        person = UserFactory()
        client.force_login(person)
        for answer in (first, first, first, second):  # the two repeats are refused
            url = reverse("moderation:flag", args=["answer", answer.pk])
            assert client.post(url, {"reason": "spam"}).status_code == 302
        assert Flag.objects.filter(flagger=person).count() == 2
        third = reverse("moderation:flag", args=["answer", AnswerFactory().pk])
        assert client.post(third, {"reason": "spam"}).status_code == 429


class TestScope:
    def test_signed_in_people_are_counted_by_account_only(self, rf):
        request = rf.post("/", REMOTE_ADDR="192.0.2.7")
        request.user = UserFactory()
        assert ratelimit.scope(request) == f"user:{request.user.pk}"

    def test_signed_out_visitors_are_counted_by_address(self, rf):
        request = rf.post("/", REMOTE_ADDR="192.0.2.7")
        request.user = AnonymousUser()
        assert ratelimit.scope(request) == "ip:192.0.2.7"

    @override_settings(RUNGS_TRUSTED_PROXIES=1)
    def test_behind_a_trusted_proxy_the_forwarded_address_counts(self, rf):
        request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
        request.user = AnonymousUser()
        assert ratelimit.scope(request) == "ip:192.0.2.7"

    def test_allauth_reads_the_same_proxy_count(self, settings):
        """Sign-up, log-in and password resets are limited by allauth, per address."""
        assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.RUNGS_TRUSTED_PROXIES


class TestTheLimitAsABlock:
    @override_settings(RUNGS_RATE_LIMITS={"answer": "1/h"})
    def test_a_block_that_raises_gives_its_unit_back(self, rf, clock):
        request = rf.post("/")
        request.user = UserFactory()
        with pytest.raises(KeyError), ratelimit.limit(request, "answer"):
            raise KeyError("refused")
        with ratelimit.limit(request, "answer"):
            pass
        with pytest.raises(ratelimit.RateLimited), ratelimit.limit(request, "answer"):
            pytest.fail("the block must not run over the limit")

    @override_settings(RUNGS_RATE_LIMITS={"answer": "2/h"})
    def test_a_cache_that_cannot_count_fails_closed(self, client, clock, monkeypatch):
        """With Redis down the count raises; the write is refused rather than let through
        unlimited (core.cache's degrading backend turns that into a 503 page)."""

        def unreachable(*args, **kwargs):
            raise ConnectionError("cache down")

        question = QuestionFactory()
        client.force_login(UserFactory())
        monkeypatch.setattr(ratelimit.cache, "incr", unreachable)
        with pytest.raises(ConnectionError):
            post_answer(client, question)
        assert not Answer.objects.exists()
