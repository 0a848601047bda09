"""Every number badge says what it counts, in words that both screen readers and sighted
readers get: "12 votes", never a bare "12" (templates/forum/_score.html and the badges)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

BADGES = {
    "vote__score",
    "related__score",
    "activity__score",
    "tag__count",
    "author__rep",
    "nav-count",
    "stat",
}
# A number, then a word: "12 votes", "-1 votes", "3 answers", "1 reputation", "4 unread".
LABELLED = re.compile(r"^[-+]?[\d,]+\+?\s+[a-z]+")


class _Badges(HTMLParser):
    """The text of every badge element, as a screen reader reads it (aria-hidden left out)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: list[tuple[str | None, bool, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link"):
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        badge = next(iter(classes & BADGES), None)
        hidden = attrs.get("aria-hidden") == "true"
        self._open.append((badge, hidden, []))

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "meta", "link") or not self._open:
            return
        badge, _, parts = self._open.pop()
        if badge:
            self.found.append((badge, " ".join("".join(parts).split())))

    def handle_data(self, data):
        if any(hidden for _, hidden, _ in self._open):
            return
        for _, _, parts in self._open:
            parts.append(data)


def badges(html: str) -> list[tuple[str, str]]:
    parser = _Badges()
    parser.feed(html)
    return parser.found


def assert_labelled(html: str, *expected: str) -> None:
    found = badges(html)
    kinds = {kind for kind, _ in found}
    assert set(expected) <= kinds, (expected, kinds)
    for kind, text in found:
        assert LABELLED.match(text), f"{kind}: {text!r}"


@pytest.fixture
def busy(ladder):
    author = UserFactory(display_name="Dana Okafor", level_code="L4")
    question = QuestionFactory(author=author, tags=["pip", "promotion"], level=ladder["junior"])
    answer = AnswerFactory(question=question, author=author)
    CommentFactory(post=answer)
    vote_cast(user=UserFactory(), post=answer, value=1)
    QuestionFactory(tags=["pip"], level=ladder["junior"])
    return question, author


def test_the_checker_refuses_a_bare_number():
    assert badges('<span class="vote__score">12</span>') == [("vote__score", "12")]
    assert not LABELLED.match("12")
    html = '<span class="author__rep">12<span aria-hidden="true"> rep</span></span>'
    assert badges(html) == [("author__rep", "12")]
    assert LABELLED.match("12 reputation")


def test_question_page(client, busy):
    question, _ = busy
    html = client.get(question.get_absolute_url()).text
    assert_labelled(html, "vote__score", "author__rep")
    assert '>1<span class="vote__unit"> vote</span>' in html


def test_question_page_signed_in(client, busy):
    question, _ = busy
    client.force_login(UserFactory())
    assert_labelled(client.get(question.get_absolute_url()).text, "vote__score", "author__rep")


def test_lists_and_home(client, busy):
    assert_labelled(client.get(reverse("forum:questions")).text, "stat")
    assert_labelled(client.get(reverse("home")).text, "tag__count")


def test_profile_and_level_page(client, busy):
    _, author = busy
    assert_labelled(client.get(author.get_absolute_url()).text, "activity__score")
    assert_labelled(client.get(reverse("ladder:level", args=["junior"])).text, "related__score")
