"""Pages kept for one signed-in reader: their own copy, with fresh per-request values."""

import re

import pytest
from django.test import Client

from accounts.services import profile_update
from forum.services.votes import vote_cast
from tests.factories import PASSWORD, AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def question():
    question = QuestionFactory(title="How do I ask for a bigger scope?")
    AnswerFactory(question=question)
    return question


def signed_in(user=None, **kwargs) -> tuple[Client, object]:
    client = Client(**kwargs)
    user = user or UserFactory()
    client.force_login(user)
    return client, user


def tokens(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)"', html)


def test_a_second_visit_reads_nothing_but_the_session(question, django_assert_max_num_queries):
    client, _ = signed_in()
    first = client.get(question.get_absolute_url())
    assert first["Cache-Control"] == "private"
    with django_assert_max_num_queries(2):  # the session and the person: no page queries
        again = client.get(question.get_absolute_url())
    assert again.status_code == 200
    assert "How do I ask for a bigger scope?" in again.text


def test_per_request_values_are_fresh_in_every_copy(question):
    client, _ = signed_in()
    first = client.get(question.get_absolute_url()).text
    again = client.get(question.get_absolute_url()).text
    assert "rungs-form-token" not in again
    assert "<rungs:csrf-value>" not in again
    assert "<!--rungs:csrf-->" not in again
    assert tokens(first, "client_token") != tokens(again, "client_token")
    assert tokens(again, "csrfmiddlewaretoken")


def test_a_stored_page_still_works_after_logging_in_again(question):
    """Logging in rotates the CSRF secret: a stored token would then be refused."""
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.login(username=user.email, password=PASSWORD)
    client.get(question.get_absolute_url())
    client.logout()
    client.login(username=user.email, password=PASSWORD)
    page = client.get(question.get_absolute_url()).text
    answer_url = f"/questions/{question.pk}/answer/"
    response = client.post(
        answer_url,
        {
            "csrfmiddlewaretoken": tokens(page, "csrfmiddlewaretoken")[0],
            "client_token": tokens(page, "client_token")[0],
            "body": "Write down the scope you want and show where you already cover part of it.",
        },
    )
    assert response.status_code == 302


def test_each_reader_has_their_own_copy(question):
    dana, _ = signed_in(UserFactory(display_name="Dana Okafor"))
    lee, _ = signed_in(UserFactory(display_name="Lee Park"))
    dana.get("/"), lee.get("/")
    assert "Dana Okafor" in dana.get("/").text
    assert "Dana Okafor" not in lee.get("/").text


def test_the_badge_and_the_name_change_at_once(question):
    client, user = signed_in(question.author)
    assert '<span class="nav-count">1<' in client.get("/").text  # the fixture's answer
    AnswerFactory(question=question)  # notifies the asker again
    assert '<span class="nav-count">2<' in client.get("/").text
    profile_update(
        user=user,
        display_name="Renamed Person",
        headline="",
        company="",
        level_code="",
        band_override=None,
    )
    assert "Renamed Person" in client.get("/").text


def test_a_vote_by_the_reader_shows_on_their_copy(question):
    client, user = signed_in()
    answer = question.answers.get()
    client.get(question.get_absolute_url())
    vote_cast(user=user, post=answer, value=1)
    page = client.get(question.get_absolute_url()).text
    assert f'id="vote-answer-{answer.pk}-up" class="vote__button is-on"' in page


def test_moderators_pages_are_never_stored(question, django_assert_max_num_queries):
    client, _ = signed_in(UserFactory(is_moderator=True))
    client.get(question.get_absolute_url())
    with pytest.raises(pytest.fail.Exception), django_assert_max_num_queries(2):
        client.get(question.get_absolute_url())
