"""A database or cache outage answers 503 at once: no traceback, no half-done write."""

import logging
from unittest import mock

import pytest
from django.core.handlers.exception import response_for_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

from core import faults
from core.cache import CacheUnavailable
from forum.models import Answer, Question
from tests.factories import PASSWORD, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def _middleware(get_response=None):
    return faults.ServiceUnavailableMiddleware(get_response or (lambda request: HttpResponse("ok")))


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        CacheUnavailable("incr"),
    ],
)
def test_an_outage_in_a_view_is_a_503_page(rf, error):
    response = _middleware().process_exception(rf.get("/questions/"), error)
    assert response.status_code == 503
    assert response["Retry-After"] == str(faults.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert b"back in a moment" in response.content
    assert response._has_been_logged  # one line of ours, not django.request's as well


def test_an_outage_behind_another_error_is_found(rf):
    try:
        try:
            raise OperationalError("the database system is shutting down")
        except OperationalError as cause:
            raise RuntimeError("template failed") from cause
    except RuntimeError as error:
        response = _middleware().process_exception(rf.get("/"), error)
    assert response.status_code == 503


def test_other_errors_are_left_to_django(rf):
    assert _middleware().process_exception(rf.get("/"), ValueError("a bug")) is None


def test_a_post_says_nothing_was_saved(rf):
    response = faults.unavailable(rf.post("/questions/ask/"))
    assert b"nothing was saved" in response.content


def test_an_outage_outside_the_view_becomes_a_503_instead_of_a_500(rf):
    """Django has turned it into a 500 already (a session saved on the way out, say)."""
    request = rf.get("/")

    def inner(request):
        try:
            raise OperationalError("terminating connection due to administrator command")
        except OperationalError as error:
            return response_for_exception(request, error)

    with mock.patch("django.core.handlers.exception.log_response"):
        response = _middleware(inner)(request)
    assert response.status_code == 503


def test_a_500_of_another_cause_stays_a_500(rf):
    request = rf.get("/")

    def inner(request):
        try:
            raise ValueError("a bug")
        except ValueError as error:
            return response_for_exception(request, error)

    with mock.patch("django.core.handlers.exception.log_response"):
        assert _middleware(inner)(request).status_code == 500


def test_through_the_site_a_database_failure_is_a_503_and_writes_nothing(client):
    author = UserFactory()
    question = QuestionFactory()
    client.login(username=author.username, password=PASSWORD)
    with mock.patch(
        "forum.services.answers.index_answer_added",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = client.post(
            f"/questions/{question.pk}/answer/",
            {"body": "Keep a brag document and bring it to every one-to-one meeting."},
        )
    assert response.status_code == 503
    assert b"nothing was saved" in response.content
    assert not Answer.objects.filter(question=question).exists()
    question.refresh_from_db()
    assert question.answer_count == 0


def test_posts_are_refused_while_the_shared_cache_is_unreachable(client):
    author = UserFactory()
    client.login(username=author.username, password=PASSWORD)
    with mock.patch.object(faults, "_shared_cache_reachable", return_value=False):
        reading = client.get("/questions/")
        asking = client.post(
            "/questions/ask/",
            {
                "title": "How do I prepare for a promotion review?",
                "body": "My review is next month and I do not know what evidence to bring.",
                "level": "mid",
                "tags": "promotion",
            },
        )
    assert reading.status_code == 200
    assert asking.status_code == 503
    assert not Question.objects.filter(author=author).exists()


def test_the_locmem_cache_of_the_tests_is_always_reachable():
    assert faults._shared_cache_reachable() is True


def test_the_log_says_one_line_instead_of_a_traceback():
    try:
        raise OperationalError("could not connect to server\nIs the server running?")
    except OperationalError as error:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/",),
            (type(error), error, error.__traceback__),
        )
    assert faults.OutageLogFilter().filter(record)
    assert record.exc_info is None
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        "Internal Server Error: / (answered 503: database unavailable "
        "(OperationalError: could not connect to server))"
    )


def test_other_log_records_keep_their_traceback():
    try:
        raise ValueError("a bug")
    except ValueError as error:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: /",
            (),
            (type(error), error, error.__traceback__),
        )
    assert faults.OutageLogFilter().filter(record)
    assert record.exc_info is not None
