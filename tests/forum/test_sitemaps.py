"""The sitemap index and its sections (forum/sitemaps.py)."""

import xml.etree.ElementTree as ET

import pytest

from forum.models import Question
from tests.factories import QuestionFactory
from tests.forum.support import HOST, absolute

pytestmark = pytest.mark.usefixtures("ladder")


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own server's response


def sitemap_urls(client) -> list[str]:
    """Every page URL the sitemap lists: the index, then each section it points at."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    urls = []
    for section in parse_xml(index.content).iter(f"{SITEMAP}loc"):
        response = client.get(section.text.removeprefix(HOST))
        assert response.status_code == 200
        urls += [loc.text for loc in parse_xml(response.content).iter(f"{SITEMAP}loc")]
    return urls


class TestQueryCounts:
    def test_the_sitemap_is_a_fixed_number_of_queries(
        self, client, ladder, django_assert_max_num_queries, settings
    ):
        settings.RUNGS_PAGE_CACHE = False  # count the work, not the cache
        for n in range(3):
            QuestionFactory(title=f"Sitemap question number {n}")
        with django_assert_max_num_queries(3):
            assert client.get("/sitemap.xml").status_code == 200
        with django_assert_max_num_queries(2):
            assert client.get("/sitemap-questions.xml").status_code == 200
        for n in range(20):
            QuestionFactory(title=f"More sitemap question number {n}")
        with django_assert_max_num_queries(3):
            assert client.get("/sitemap.xml").status_code == 200
        with django_assert_max_num_queries(2):
            response = client.get("/sitemap-questions.xml")
        assert response.text.count("/questions/") == 23

    def test_question_sections_are_blocks_of_ids(self, client, ladder, monkeypatch):
        monkeypatch.setattr("forum.sitemaps.BLOCK", 2)
        questions = [QuestionFactory(title=f"Blocked sitemap question {n}") for n in range(5)]
        index = client.get("/sitemap.xml").text
        last_block = -(-questions[-1].pk // 2)
        assert f"/sitemap-questions.xml?p={last_block}<" in index
        page = client.get(f"/sitemap-questions.xml?p={last_block}").text
        assert absolute(questions[-1]) in page
        assert absolute(questions[0]) not in page
        assert client.get(f"/sitemap-questions.xml?p={last_block + 1}").status_code == 404
        assert client.get("/sitemap-questions.xml?p=two").status_code == 404


class TestSitemap:
    def test_lists_visible_questions_and_the_ladder_pages(self, client, questions):
        hidden = QuestionFactory(title="A question a moderator hid")
        Question.objects.filter(pk=hidden.pk).update(is_hidden=True)
        urls = sitemap_urls(client)
        for question in questions:
            assert absolute(question) in urls
        assert absolute(hidden) not in urls
        assert not [url for url in urls if f"/questions/{hidden.pk}/" in url]
        for path in (
            "/ladder/",
            "/ladder/sources/",
            "/questions/",
            "/ladder/junior/",
            "/ladder/mid/",
            "/ladder/senior/",
            "/ladder/compare/junior/mid/",
            "/ladder/compare/junior/senior/",
            "/ladder/compare/mid/senior/",
        ):
            assert HOST + path in urls
        assert len(urls) == len(set(urls)) == 3 + 9
