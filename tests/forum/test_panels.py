"""What the forum puts on profiles (forum/panels.py): the summary, and the Questions, Answers
and Reputation tabs, as each kind of visitor sees them."""

import re

import pytest
from django.test import Client

from accounts.services import account_erase
from forum.models import Badge, BadgeAward
from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def tab(person, name: str, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"tab": name, **params}.items())
    return f"{person.get_absolute_url()}?{query}"


def client_of(user) -> Client:
    browser = Client()
    if user is not None:
        browser.force_login(user)
    return browser


@pytest.fixture
def person():
    """Someone with a signed, an anonymous and a hidden question and answer, some votes and an
    accepted answer."""
    person = UserFactory(display_name="Dana Okafor")
    signed_q = QuestionFactory(author=person, title="Signed question about staff promotions")
    QuestionFactory(author=person, is_anonymous=True, title="Secret question about my PIP")
    hidden_q = QuestionFactory(author=person, title="Hidden question about spam")
    signed_a = AnswerFactory(author=person, body="A signed answer.")
    AnswerFactory(
        author=person,
        is_anonymous=True,
        question=QuestionFactory(title="Someone's question I answered anonymously"),
    )
    mod = moderator()
    contribution_hide(moderator=mod, contribution=hidden_q, reason="Spam")
    for _ in range(2):
        vote_cast(user=UserFactory(reputation=5000), post=signed_q, value=1)
    answer_accept(user=signed_a.question.author, answer=signed_a)
    person.refresh_from_db()
    return person


VIEWERS = ["anonymous", "member", "owner", "moderator"]


def viewer_for(name, person):
    return {
        "anonymous": lambda: None,
        "member": UserFactory,
        "owner": lambda: person,
        "moderator": moderator,
    }[name]()


@pytest.mark.parametrize("who", VIEWERS)
def test_every_tab_as_every_visitor(person, who):
    browser = client_of(viewer_for(who, person))
    pages = {
        name: browser.get(tab(person, name)).text
        for name in ("summary", "questions", "answers", "reputation")
    }
    # The anonymous posts: their author alone sees them, marked; nobody else, ever.
    for name, html in pages.items():
        secret = "Secret question about my PIP" in html
        answered = "Someone&#x27;s question I answered anonymously" in html
        if who == "owner" and name in ("summary", "questions"):
            assert secret
            assert "Anonymous — only you see this" in html
        elif who == "owner" and name == "answers":
            assert answered
            assert "Anonymous — only you see this" in html
        else:
            assert not secret, (who, name)
            assert not answered, (who, name)
    # Hidden posts: moderators only (the owner hears of the hiding in the header's notifications
    # menu, which names it; the tab itself does not list it).
    listed = pages["questions"].split("<main")[1]
    hidden = "Hidden question about spam" in listed
    assert hidden == (who == "moderator")
    assert "Signed question about staff promotions" in pages["questions"]
    assert "First accepted answer" in pages["summary"]
    assert "Answer accepted" in pages["reputation"]


def test_tabs_are_real_links_with_the_current_one_marked(client, person):
    html = client.get(tab(person, "reputation")).text
    nav = re.search(r'<nav class="tabs profile-tabs".*?</nav>', html, re.S).group(0)
    for name in ("questions", "answers", "reputation"):
        assert f'href="{person.get_absolute_url()}?tab={name}"' in nav
    assert 'aria-current="page">Reputation<' in nav
    assert "<title>Dana Okafor · Reputation" in html


def test_an_unknown_tab_is_a_404(client, person):
    assert client.get(tab(person, "secrets")).status_code == 404
    assert client.get(tab(person, "questions", page="x")).status_code == 200  # page 1


def test_the_reputation_tab_adds_up_to_the_reputation(client, person):
    html = client.get(tab(person, "reputation")).text
    points = [int(p) for p in re.findall(r'<span class="rep-points[^"]*">([+-]?\d+)</span>', html)]
    assert sum(points) == person.reputation == 2 * 5 + 15


def test_pages_of_a_tab(client):
    person = UserFactory()
    for _ in range(21):
        QuestionFactory(author=person)
    first = client.get(tab(person, "questions")).text
    assert 'rel="next"' in first
    assert "tab=questions" in first.split('rel="next"')[1][:200]
    second = client.get(tab(person, "questions", page=2)).text
    assert second.count('class="activity__score"') == 1


@pytest.mark.parametrize(
    ("name", "queries"),
    [("summary", 7), ("questions", 5), ("answers", 5), ("reputation", 7)],
)
def test_query_counts_stay_fixed(client, person, name, queries, django_assert_max_num_queries):
    for _ in range(3):
        QuestionFactory(author=person)
        vote_cast(user=UserFactory(reputation=5000), post=AnswerFactory(author=person), value=1)
    client.force_login(person)
    with django_assert_max_num_queries(queries):
        assert client.get(tab(person, name)).status_code == 200


def test_an_erased_member_has_no_profile(client, person):
    account_erase(user=person)
    person.refresh_from_db()
    for name in ("summary", "questions", "reputation"):
        assert client.get(tab(person, name)).status_code == 404
    assert BadgeAward.objects.filter(user=person, badge=Badge.ACCEPTED_ANSWER).exists()


@pytest.mark.parametrize("who", VIEWERS)
def test_an_answer_on_a_hidden_question_is_listed_to_moderators_only(person, who):
    """Hiding a question leaves its answers as they were, but only moderators may reach them."""
    elsewhere = QuestionFactory(title="A question hidden later, about on-call pay")
    AnswerFactory(question=elsewhere, author=person, body="Ask for a rota first.")
    contribution_hide(moderator=moderator(), contribution=elsewhere, reason="Spam")
    browser = client_of(viewer_for(who, person))
    summary, answers = (
        browser.get(tab(person, name)).text.split("<main")[1] for name in ("summary", "answers")
    )
    assert "about on-call pay" not in summary  # the summary lists visible posts only, to all
    assert ("about on-call pay" in answers) == (who == "moderator")
