"""Vote, flag and accept controls say what they act on: "Upvote answer by Dana Okafor", not a bare
"Upvote" repeated down the page. The visible word starts the name (WCAG 2.5.3, label in name);
an anonymous author is just "Anonymous" there."""

import re

import pytest
from django.urls import reverse

from accounts.privileges import Privilege
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory, holder

pytestmark = pytest.mark.usefixtures("ladder")


def _names(html: str) -> set[str]:
    """The accessible names of the page's buttons and links, hidden words included."""
    names = set()
    for inner in re.findall(r"<(?:button|a)\b[^>]*>(.*?)</(?:button|a)>", html, re.S):
        inner = re.sub(r'<span aria-hidden="true">.*?</span>', "", inner)
        names.add(" ".join(re.sub(r"<[^>]+>", "", inner).split()))
    return names


@pytest.fixture
def thread():
    asker = holder(Privilege.DOWNVOTE, display_name="Ari Asker")
    question = QuestionFactory(author=asker)
    dana = UserFactory(display_name="Dana Okafor")
    named = AnswerFactory(question=question, author=dana)
    AnswerFactory(question=question, is_anonymous=True)
    CommentFactory(post=named, author=UserFactory(display_name="Cam Commenter"))
    return asker, question, named


def test_controls_name_the_post_and_its_author(client, thread):
    asker, question, _ = thread
    client.force_login(asker)
    names = _names(client.get(question.get_absolute_url()).content.decode())
    assert {
        "Upvote answer by Dana Okafor",
        "Downvote answer by Dana Okafor",
        "Flag answer by Dana Okafor",
        "Accept answer by Dana Okafor",
        "Upvote answer by Anonymous",
        "Accept answer by Anonymous",
        "Flag comment by Cam Commenter",
    } <= names
    assert not {"Upvote", "Downvote", "Accept", "Flag"} & names


def test_someone_else_sees_what_they_would_vote_on_and_flag(client, thread):
    _, question, _ = thread
    client.force_login(UserFactory())
    names = _names(client.get(question.get_absolute_url()).content.decode())
    assert {"Upvote question", "Flag question", "Flag answer by Anonymous"} <= names


def test_logged_out_vote_links_name_the_post(client, thread):
    _, question, _ = thread
    names = _names(client.get(question.get_absolute_url()).content.decode())
    assert {"Log in to upvote question", "Log in to downvote answer by Dana Okafor"} <= names


def test_a_downvote_out_of_reach_says_why_in_its_name(client, thread):
    _, question, _ = thread
    client.force_login(UserFactory(reputation=0))
    names = _names(client.get(question.get_absolute_url()).content.decode())
    assert "Downvote answer by Dana Okafor (Voting down needs 50 reputation.)" in names


def test_the_vote_widget_htmx_swaps_in_keeps_its_names(client, thread):
    _, _, named = thread
    client.force_login(holder(Privilege.DOWNVOTE))
    response = client.post(
        reverse("forum:answer_vote", args=[named.pk]),
        {"value": "up"},
        headers={"HX-Request": "true"},
    )
    assert {"Upvote answer by Dana Okafor", "Downvote answer by Dana Okafor"} <= _names(
        response.content.decode()
    )
