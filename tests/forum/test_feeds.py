"""RSS and Atom feeds (forum/feeds.py)."""

import html
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from forum.models import Question
from tests.factories import QuestionFactory
from tests.forum.support import HOST, absolute

pytestmark = pytest.mark.usefixtures("ladder")


ATOM = "{http://www.w3.org/2005/Atom}"


RSS_TYPE = "application/rss+xml; charset=utf-8"


ATOM_TYPE = "application/atom+xml; charset=utf-8"


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own server's response


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
