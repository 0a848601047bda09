"""Signed-in question pages are assembled from post fragments shared between readers."""

import re

import pytest
from django.test import Client

from core.marks import CSRF_MARK
from forum.fragments import post_variant
from forum.selectors.threads import question_page
from forum.services.answers import answer_edit
from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def thread():
    question = QuestionFactory(title="Should I ask for a promotion before my review?")
    answer = AnswerFactory(question=question, body="Ask early, with evidence in writing.")
    CommentFactory(post=answer)
    return question, answer


def member_client(user=None, *, csrf_checks=False) -> tuple[Client, object]:
    client = Client(enforce_csrf_checks=csrf_checks)
    user = user or UserFactory()
    client.force_login(user)
    return client, user


def test_a_second_reader_gets_the_posts_from_the_cache(thread, django_assert_max_num_queries):
    question, _ = thread
    first, _ = member_client()
    second, _ = member_client()
    page = first.get(question.get_absolute_url()).text
    # session, user, view count, question, answers, comments, votes, unread count: no tags,
    # related questions or sidebar this time
    with django_assert_max_num_queries(8):
        again = second.get(question.get_absolute_url()).text
    assert _answers(again) == _answers(page)


def test_each_reader_gets_their_own_working_csrf_token(thread):
    question, answer = thread
    first, _ = member_client(csrf_checks=True)
    second, _ = member_client(csrf_checks=True)
    first.get(question.get_absolute_url())
    page = second.get(question.get_absolute_url()).text
    assert CSRF_MARK not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = second.post(
        f"/answers/{answer.pk}/vote/", {"value": "up", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302  # accepted: the token is this reader's


def test_what_differs_between_readers_is_not_shared(thread):
    question, answer = thread
    voter_client, voter = member_client()
    author_client, _ = member_client(answer.author)
    other_client, _ = member_client()
    vote_cast(user=voter, post=answer, value=1)
    other = other_client.get(question.get_absolute_url()).text
    mine = voter_client.get(question.get_absolute_url()).text
    authors = author_client.get(question.get_absolute_url()).text
    up = f'id="vote-answer-{answer.pk}-up" class="vote__button is-on"'
    assert up in mine
    assert up not in other
    assert f"/answers/{answer.pk}/edit/" in authors
    assert f"/answers/{answer.pk}/edit/" not in other


def test_moderators_and_suspended_people_never_share_a_fragment(thread):
    question, _ = thread
    moderator = UserFactory(is_moderator=True)
    page = question_page(question=question, viewer=moderator)
    assert post_variant(page.question, moderator) is None
    member = UserFactory()
    assert post_variant(question_page(question=question, viewer=member).question, member)


def test_an_edit_reaches_every_reader_at_once(thread):
    question, answer = thread
    reader, _ = member_client()
    reader.get(question.get_absolute_url())
    answer_edit(answer=answer, editor=answer.author, body="Ask early; bring a brag doc.")
    assert "bring a brag doc" in reader.get(question.get_absolute_url()).text


def _answers(html: str) -> str:
    """The answers section, without the per-request CSRF tokens."""
    section = html[html.index('<section class="answers"') :]
    section = section[: section.index("</section>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", section)
