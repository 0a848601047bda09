"""RSS and Atom feeds of the latest questions (all, per level, per tag) and the sitemap."""

import html
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from forum.models import Question
from tests.factories import QuestionFactory

pytestmark = pytest.mark.usefixtures("ladder")

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
HOST = "http://testserver"


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


def rss_items(response) -> list[dict]:
    channel = parse_xml(response.content).find("channel")
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "description": item.findtext("description"),
            "author": item.findtext("{http://purl.org/dc/elements/1.1/}creator"),
            "categories": [c.text for c in item.findall("category")],
        }
        for item in channel.findall("item")
    ]


def atom_entries(response) -> list[dict]:
    feed = parse_xml(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "summary_type": entry.find(f"{ATOM}summary").get("type"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def titles(response, kind: str) -> list[str]:
    items = rss_items(response) if kind == "rss" else atom_entries(response)
    return [item["title"] for item in items]


def absolute(question: Question) -> str:
    return HOST + question.get_absolute_url()


@pytest.fixture
def questions(ladder):
    """Oldest first: a mid promotion question, a junior pip one, a senior pip+burnout one."""
    return [
        QuestionFactory(title="First: how do I get promoted?", tags=["promotion"]),
        QuestionFactory(
            title="Second: survived week one of a PIP", tags=["pip"], level=ladder["junior"]
        ),
        QuestionFactory(
            title="Third: burnout during a PIP",
            tags=["pip", "burnout"],
            level=ladder["senior"],
            is_anonymous=True,
        ),
    ]


FEEDS = [
    ("forum:feed_rss", {}, "rss"),
    ("forum:feed_atom", {}, "atom"),
    ("forum:level_feed_rss", {"level": "mid"}, "rss"),
    ("forum:level_feed_atom", {"level": "mid"}, "atom"),
    ("forum:tag_feed_rss", {"tag": "pip"}, "rss"),
    ("forum:tag_feed_atom", {"tag": "pip"}, "atom"),
]


class TestLatestQuestions:
    def test_rss_lists_the_newest_questions_first_with_titles_links_and_tags(
        self, client, questions
    ):
        response = client.get(reverse("forum:feed_rss"))
        assert response.status_code == 200
        assert response["Content-Type"] == RSS_TYPE
        channel = parse_xml(response.content).find("channel")
        assert channel.findtext("title") == "Rungs: latest questions"
        assert channel.findtext("link") == HOST + reverse("forum:questions")
        items = rss_items(response)
        assert [item["title"] for item in items] == [q.title for q in reversed(questions)]
        assert [item["link"] for item in items] == [absolute(q) for q in reversed(questions)]
        assert sorted(items[0]["categories"]) == ["burnout", "pip"]
        assert items[2]["description"] == questions[0].body

    def test_atom_lists_the_same_items(self, client, questions):
        response = client.get(reverse("forum:feed_atom"))
        assert response.status_code == 200
        assert response["Content-Type"] == ATOM_TYPE
        entries = atom_entries(response)
        assert [e["title"] for e in entries] == [q.title for q in reversed(questions)]
        assert [e["link"] for e in entries] == [absolute(q) for q in reversed(questions)]
        assert entries[1]["categories"] == ["pip"]

    def test_authors_are_named_and_anonymous_ones_only_by_band(self, client, questions):
        named = questions[0].author.public_name
        rss = rss_items(client.get(reverse("forum:feed_rss")))
        atom = atom_entries(client.get(reverse("forum:feed_atom")))
        assert rss[0]["author"] == "Anonymous · mid-level"
        assert atom[0]["author"] == "Anonymous · mid-level"
        assert rss[2]["author"] == named
        assert atom[2]["author"] == named

    def test_the_feed_holds_at_most_thirty_questions(self, client):
        made = [QuestionFactory(title=f"Question number {n} about reviews") for n in range(32)]
        entries = atom_entries(client.get(reverse("forum:feed_atom")))
        assert [e["title"] for e in entries] == [q.title for q in reversed(made)][:30]

    def test_an_empty_forum_has_an_empty_feed(self, client):
        for name in ("forum:feed_rss", "forum:feed_atom"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            assert titles(response, "rss" if name.endswith("rss") else "atom") == []


class TestLevelAndTagFeeds:
    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_a_level_feed_holds_only_that_level(self, client, questions, ladder, kind):
        junior = client.get(reverse(f"forum:level_feed_{kind}", args=["junior"]))
        assert junior.status_code == 200
        assert junior["Content-Type"] == (RSS_TYPE if kind == "rss" else ATOM_TYPE)
        assert titles(junior, kind) == [questions[1].title]
        senior = client.get(reverse(f"forum:level_feed_{kind}", args=["senior"]))
        assert titles(senior, kind) == [questions[2].title]

    def test_the_level_feed_names_its_level(self, client, questions):
        response = client.get(reverse("forum:level_feed_rss", args=["senior"]))
        channel = parse_xml(response.content).find("channel")
        assert channel.findtext("title") == "Rungs: questions at senior engineer level"
        assert channel.findtext("link") == HOST + reverse("forum:level_questions", args=["senior"])

    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_a_tag_feed_holds_only_that_tag_newest_first(self, client, questions, kind):
        pip = client.get(reverse(f"forum:tag_feed_{kind}", args=["pip"]))
        assert pip.status_code == 200
        assert pip["Content-Type"] == (RSS_TYPE if kind == "rss" else ATOM_TYPE)
        assert titles(pip, kind) == [questions[2].title, questions[1].title]
        promotion = client.get(reverse(f"forum:tag_feed_{kind}", args=["promotion"]))
        assert titles(promotion, kind) == [questions[0].title]

    def test_the_tag_feed_names_its_tag(self, client, questions):
        feed = parse_xml(client.get(reverse("forum:tag_feed_atom", args=["burnout"])).content)
        assert feed.findtext(f"{ATOM}title") == "Rungs: questions tagged burnout"

    @pytest.mark.parametrize(
        ("name", "slug"),
        [
            ("forum:level_feed_rss", "wizard"),
            ("forum:level_feed_atom", "wizard"),
            ("forum:tag_feed_rss", "no-such-tag"),
            ("forum:tag_feed_atom", "no-such-tag"),
        ],
    )
    def test_an_unknown_level_or_tag_is_not_found(self, client, questions, name, slug):
        assert client.get(reverse(name, args=[slug])).status_code == 404


class TestHiddenQuestions:
    @pytest.mark.parametrize(("name", "kwargs", "kind"), FEEDS)
    def test_hidden_questions_are_absent_from_every_feed(self, client, ladder, name, kwargs, kind):
        kept = QuestionFactory(title="A visible PIP question", tags=["pip"])
        gone = QuestionFactory(title="A hidden PIP question", tags=["pip"])
        Question.objects.filter(pk=gone.pk).update(is_hidden=True)
        response = client.get(reverse(name, kwargs=kwargs))
        assert titles(response, kind) == [kept.title]
        assert gone.get_absolute_url() not in response.text


class TestFeedContent:
    def test_titles_with_markup_are_text_not_tags(self, client, ladder):
        QuestionFactory(title="Is <b>bold</b> & <script>alert(1)</script> ok?")
        response = client.get(reverse("forum:feed_atom"))
        assert "<script>" not in response.text
        assert titles(response, "atom") == ["Is <b>bold</b> & <script>alert(1)</script> ok?"]

    def test_descriptions_are_plain_text_excerpts(self, client, ladder):
        QuestionFactory(body="My **manager** said I am [close](https://example.com). " + "x " * 300)
        description = rss_items(client.get(reverse("forum:feed_rss")))[0]["description"]
        assert description.startswith("My manager said I am close. x x")
        assert description.endswith("…")
        assert len(description) <= 400

    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_user_markup_in_a_body_never_reaches_feed_readers_as_html(self, client, ladder, kind):
        QuestionFactory(body='My manager wrote <script>alert(1)</script> <img src=x onerror="y">')
        response = client.get(reverse(f"forum:feed_{kind}"))
        if kind == "rss":
            shown = rss_items(response)[0]["description"]
        else:
            entry = atom_entries(response)[0]
            assert entry["summary_type"] == "html"
            shown = entry["summary"]
        # A reader renders this string as HTML: user text must arrive escaped within it.
        assert "<script" not in shown
        assert "<img" not in shown
        assert html.unescape(shown).startswith("My manager wrote <script>alert(1)</script>")


class TestQueryCounts:
    @pytest.mark.parametrize(("name", "kwargs", "kind"), FEEDS)
    def test_a_feed_is_a_fixed_number_of_queries(
        self, client, ladder, django_assert_max_num_queries, name, kwargs, kind
    ):
        def make(count):
            for n in range(count):
                QuestionFactory(
                    title=f"PIP question number {n} in this batch",
                    tags=["pip", "promotion", f"topic-{n}"],
                    level=ladder["mid"],
                    is_anonymous=n % 2 == 0,
                )

        make(3)
        with django_assert_max_num_queries(6):
            response = client.get(reverse(name, kwargs=kwargs))
        assert len(titles(response, kind)) == 3
        make(20)
        with django_assert_max_num_queries(6):
            response = client.get(reverse(name, kwargs=kwargs))
        assert len(titles(response, kind)) == 23

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


class TestDiscovery:
    def test_every_page_advertises_the_atom_feed(self, client, questions):
        page = client.get(reverse("forum:questions")).text
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Rungs: latest questions" '
            'href="/feeds/questions/atom/">'
        ) in page
        assert 'href="/feeds/questions/rss/">RSS</a>' in page

    def test_the_level_page_links_to_its_feeds(self, client, questions):
        page = client.get(reverse("forum:level_questions", args=["senior"])).text
        assert (
            '<link rel="alternate" type="application/rss+xml" '
            'title="Senior engineer questions (RSS)" href="/feeds/level/senior/rss/">'
        ) in page
        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Senior engineer questions (Atom)" href="/feeds/level/senior/atom/">'
        ) in page

    def test_the_tag_page_links_to_its_feeds(self, client, questions):
        page = client.get(reverse("forum:tag_questions", args=["pip"])).text
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Questions tagged pip (RSS)" '
            'href="/feeds/tag/pip/rss/">'
        ) in page
        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Questions tagged pip (Atom)" href="/feeds/tag/pip/atom/">'
        ) in page

    def test_the_advertised_feeds_resolve(self, client, questions):
        for url in ("/feeds/level/senior/rss/", "/feeds/tag/pip/atom/", "/feeds/questions/atom/"):
            assert client.get(url).status_code == 200


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
