"""The header marks the section a page belongs under (core_tags.nav_current)."""

import re

import pytest

from tests.factories import QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def marked(html: str) -> list[str]:
    nav = html.split('aria-label="Main"')[1].split("</nav>")[0]
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/questions/", ["Questions"]),
        ("/tags/", ["Tags"]),
        ("/ladder/", ["Ladder"]),
        ("/search/?q=promotion", []),
        ("/badges/", []),
        ("/privileges/", []),
        ("/review/edits/", []),
        ("/following/", []),
    ],
)
def test_each_page_marks_its_section(client, ladder, path, expected):
    client.force_login(UserFactory())
    assert marked(client.get(path).text) == expected


def test_a_question_and_a_tag_page_mark_questions_and_tags(client, ladder):
    question = QuestionFactory(tags=["promotion"])
    assert marked(client.get(question.get_absolute_url()).text) == ["Questions"]
    assert marked(client.get("/tags/promotion/").text) == ["Tags"]


def test_a_profile_tab_stays_marked_under_the_header(client, ladder):
    person = UserFactory()
    html = client.get(person.get_absolute_url() + "?tab=reputation").text
    assert 'aria-current="page">Reputation</a>' in html
