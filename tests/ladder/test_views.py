import json
import re

import pytest
from django.urls import reverse

from ladder.models import Competency, Source

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("ladder:index"),
    reverse("ladder:index") + "?track=backend",
    reverse("ladder:level", args=["junior"]),
    reverse("ladder:level", args=["mid"]) + "?track=infrastructure",
    reverse("ladder:level", args=["senior"]),
    reverse("ladder:compare", args=["mid", "senior"]),
    reverse("ladder:compare", args=["junior", "senior"]) + "?track=backend",
    reverse("ladder:sources"),
    reverse("ladder:export"),
    reverse("home"),
]


@pytest.mark.parametrize("url", PAGES)
def test_ladder_pages_render_in_a_fixed_number_of_queries(
    client, ladder, url, django_assert_max_num_queries
):
    # 13: the senior level and compare pages also read the sources of the two-of-three group.
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        (reverse("ladder:level", args=["junior"]), 10),
        (reverse("ladder:level", args=["mid"]) + "?track=infrastructure", 12),  # + getting here
        (reverse("ladder:level", args=["senior"]), 13),  # + the group's sources
        (reverse("ladder:compare", args=["mid", "senior"]), 10),
        (reverse("ladder:compare", args=["junior", "senior"]) + "?track=backend", 10),
    ],
)
def test_the_level_and_compare_pages_cite_sources_by_title_at_no_extra_cost(
    client, ladder, url, queries, django_assert_max_num_queries
):
    """The titles and kinds come with the prefetched sources; the page navigation and the
    folding are drawn from what the page already has (issue 13 §3)."""
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert "<cite>" in response.text


def test_the_matrix_shows_every_level_and_the_version(client, ladder):
    response = client.get(reverse("ladder:index"))
    for name in ("Junior engineer", "Mid-level engineer", "Senior engineer", "2026.11.2"):
        assert name in response.text
    assert 'aria-current="true">All tracks' in response.text


def test_the_track_switcher_marks_the_chosen_track(client, ladder):
    response = client.get(reverse("ladder:index") + "?track=infrastructure")
    assert 'aria-current="true">Infrastructure / SRE' in response.text
    assert response.context["matrix"].expectation_count < (
        client.get(reverse("ladder:index")).context["matrix"].expectation_count
    )


def test_compare_summarises_the_gap(client, ladder):
    response = client.get(reverse("ladder:compare", args=["mid", "senior"]))
    comparison = response.context["comparison"]
    assert "From mid-level engineer to senior engineer" in response.text
    assert f"takes on {comparison.new_count} expectation" in response.text
    assert "What changes" in response.text
    assert "What stays" in response.text


def test_a_reversed_pair_redirects_to_the_canonical_order(client, ladder):
    response = client.get(reverse("ladder:compare", args=["senior", "mid"]) + "?track=backend")
    assert response.status_code == 302
    assert response.url == reverse("ladder:compare", args=["mid", "senior"]) + "?track=backend"


def test_comparing_a_level_with_itself_shows_the_level(client, ladder):
    response = client.get(reverse("ladder:compare", args=["mid", "mid"]))
    assert response.url == reverse("ladder:level", args=["mid"])


def test_the_compare_form_works_without_javascript(client, ladder):
    response = client.get(
        reverse("ladder:compare_pick"), {"from": "junior", "to": "mid", "track": "backend"}
    )
    assert response.url == reverse("ladder:compare", args=["junior", "mid"]) + "?track=backend"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (reverse("ladder:level", args=["principal"]), "There is no level called “principal”."),
        (reverse("ladder:compare", args=["mid", "cto"]), "There is no level called “cto”."),
        (reverse("ladder:index") + "?track=frontend", "There is no track called “frontend”."),
        (reverse("ladder:compare_pick") + "?from=x&to=mid", "There is no level called “x”."),
    ],
)
def test_unknown_slugs_get_a_helpful_404(client, ladder, url, message):
    response = client.get(url, follow=True)
    assert response.status_code == 404
    assert message in response.text
    assert 'href="/ladder/senior/"' in response.text  # it lists what does exist


def test_ladder_pages_only_answer_get(client, ladder):
    assert client.post(reverse("ladder:index")).status_code == 405


def test_export_json_shape(client, ladder):
    response = client.get(reverse("ladder:export"))
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert set(data) >= {
        "version",
        "levels",
        "competencies",
        "tracks",
        "expectations",
        "transitions",
    }
    assert set(data["levels"][0]) >= {"slug", "name", "codes", "summary"}
    assert set(data["competencies"][0]) >= {"slug", "name"}
    assert set(data["tracks"][0]) >= {"slug", "name"}
    assert set(data["expectations"][0]) >= {"level", "competency", "track", "text", "sources"}
    assert len(data["expectations"]) >= 60
    # Every expectation cites a document or says it is Rungs' own guidance, never both.
    for e in data["expectations"]:
        assert bool(e["sources"]) != e["own_guidance"], e["key"]
        assert e["citation"] == (
            "Rungs' own guidance" if e["own_guidance"] else "From " + ", ".join(e["sources"])
        )
    for action in (a for t in data["transitions"] for a in t["actions"]):
        assert bool(action["sources"]) != action["own_guidance"]
    [group] = data["groups"]
    assert (group["slug"], group["level"], group["threshold"]) == (
        "senior-two-of-three",
        "senior",
        2,
    )
    assert {(t["from"], t["to"]) for t in data["transitions"]} == {
        ("junior", "mid"),
        ("mid", "senior"),
    }


def test_sources_page_lists_the_five_documents(client, ladder):
    response = client.get(reverse("ladder:sources"))
    for short_name in (
        "taro-pip",
        "se-mid-to-senior",
        "seven-steps",
        "mid-backend-responsibilities",
        "bigger-isnt-better",
    ):
        assert f'id="{short_name}"' in response.text


class TestTwoOfThreeOnThePages:
    POINTER = "engineering management or product management"

    def test_the_senior_page_shows_the_group_and_the_pointer(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["senior"])).text
        assert 'id="senior-two-of-three"' in html
        assert "Needed: strength in 2 of these 3." in html
        assert self.POINTER in html
        for key in ("senior-design-architecture", "senior-mentoring-mentor"):
            assert f'href="#e-{key}"' in html
            assert f'id="e-{key}"' in html
        assert 'class="badge badge--group" href="/ladder/senior/#senior-two-of-three"' in html

    def test_the_mid_page_has_no_group(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["mid"])).text
        assert 'id="senior-two-of-three"' not in html

    @pytest.mark.parametrize("pair", [["mid", "senior"], ["junior", "senior"]])
    def test_the_compare_page_shows_the_group(self, client, ladder, pair):
        response = client.get(reverse("ladder:compare", args=pair) + "?track=backend")
        [group] = response.context["comparison"].groups
        assert group.threshold == 2
        assert len(group.members) == 3
        assert 'id="senior-two-of-three"' in response.text
        assert self.POINTER in response.text

    def test_junior_to_mid_has_no_group(self, client, ladder):
        response = client.get(reverse("ladder:compare", args=["junior", "mid"]))
        assert response.context["comparison"].groups == []


class TestOwnGuidanceOnThePages:
    LABEL = "Rungs' own guidance"

    def test_on_call_is_marked_on_the_level_page(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["mid"]) + "?track=infrastructure").text
        oncall = html.split('id="e-mid-infra-operations-oncall"')[1].split("</li>")[0]
        assert f'<a href="/ladder/sources/#own-guidance">{self.LABEL}</a>' in oncall
        assert "From " not in oncall

    def test_cited_expectations_still_name_their_documents(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["mid"])).text
        tests = html.split('id="e-mid-craft-tests"')[1].split("</li>")[0]
        assert 'href="/ladder/sources/#mid-backend-responsibilities"' in tests

    def test_the_compare_page_marks_it_too(self, client, ladder):
        response = client.get(
            reverse("ladder:compare", args=["junior", "mid"]) + "?track=infrastructure"
        )
        assert self.LABEL in response.text

    def test_the_sources_page_lists_it_and_what_the_documents_do_not_cover(self, client, ladder):
        html = client.get(reverse("ladder:sources")).text
        assert '<h2 id="h-not-covered">What these documents do not cover</h2>' in html
        uncovered = html.split('id="not-covered"')[1].split("</section>")[0]
        for topic in ("performance improvement plan", "On-call", "beyond senior"):
            assert topic in uncovered
        own = html.split('id="own-guidance"')[1].split("</section>")[0]
        assert 'id="e-junior-infra-operations-oncall"' in own
        assert 'id="e-mid-infra-operations-oncall"' in own


class TestOnThisPage:
    """Issue 13 §3: an in-page navigation, and competencies that fold (static/js/ladder.js)."""

    @staticmethod
    def toc(html: str) -> list[str]:
        nav = html.split('<nav class="page-toc" aria-labelledby="toc-title">')[1].split("</nav>")[0]
        return re.findall(r'<a href="#([^"]+)">', nav)

    def test_the_level_page_lists_getting_here_the_group_and_every_competency(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["senior"])).text
        slugs = list(Competency.objects.values_list("slug", flat=True))
        assert self.toc(html) == ["getting-here", "senior-two-of-three", *slugs]
        assert '<summary class="page-toc__title" id="toc-title">On this page</summary>' in html
        for target in self.toc(html):  # every link lands on something
            assert f'id="{target}"' in html

    def test_the_junior_page_has_no_getting_here(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["junior"])).text
        assert self.toc(html)[0] == "craft"
        assert 'id="getting-here"' not in html

    def test_the_compare_page_lists_the_summary_the_group_and_every_competency(
        self, client, ladder
    ):
        html = client.get(reverse("ladder:compare", args=["mid", "senior"])).text
        slugs = list(Competency.objects.values_list("slug", flat=True))
        assert self.toc(html) == ["summary", "senior-two-of-three", *slugs]
        for target in self.toc(html):
            assert f'id="{target}"' in html

    @pytest.mark.parametrize(
        "url",
        [reverse("ladder:level", args=["mid"]), reverse("ladder:compare", args=["mid", "senior"])],
    )
    def test_each_competency_is_a_section_with_a_real_heading_and_a_body_to_fold(
        self, client, ladder, url
    ):
        html = client.get(url).text
        for slug in Competency.objects.values_list("slug", flat=True):
            section = html.split(f'id="{slug}" aria-labelledby="h-{slug}" data-fold>')[1]
            section = section.split("</section>")[0]
            # The heading stays an <h2> (the script puts a button inside it, not around it)…
            assert re.match(rf'\s*<h2 class="fold__heading" id="h-{slug}">[^<]+</h2>', section)
            # …and without JavaScript nothing is hidden.
            assert f'<div class="fold__body" id="fold-{slug}">' in section
            assert not re.search(r"\shidden[\s=>]", section)
        assert '<script src="/static/js/ladder.js" defer></script>' in html

    def test_a_folded_competency_still_says_what_it_holds(self, client, ladder):
        html = client.get(reverse("ladder:compare", args=["mid", "senior"])).text
        craft = html.split('id="h-craft"')[1].split('class="fold__body"')[0]
        assert re.search(r'<p class="fold__meta">\d+ new · \d+ changes? · \d+ stays?</p>', craft)


class TestSourcesByTitle:
    """Issue 13 §3: people see the documents' titles and kinds, never their short names."""

    SHORT_NAMES = (
        "taro-pip",
        "se-mid-to-senior",
        "seven-steps",
        "mid-backend-responsibilities",
        "bigger-isnt-better",
    )

    @staticmethod
    def visible_text(html: str) -> str:
        """The page's text without its tags and attributes (ids and hrefs may hold slugs)."""
        return re.sub(r"<[^>]+>", " ", html)

    @pytest.mark.parametrize(
        "url",
        [
            reverse("ladder:index"),
            reverse("ladder:level", args=["mid"]),
            reverse("ladder:level", args=["senior"]) + "?track=infrastructure",
            reverse("ladder:compare", args=["junior", "senior"]),
        ],
    )
    def test_no_short_name_is_shown(self, client, ladder, url):
        text = self.visible_text(client.get(url).text)
        for short_name in self.SHORT_NAMES:
            assert short_name not in text

    def test_a_citation_names_the_kind_and_title_and_links_to_the_sources_page(
        self, client, ladder
    ):
        html = client.get(reverse("ladder:level", args=["mid"])).text
        tests = html.split('id="e-mid-craft-tests"')[1].split("</li>")[0]
        source = Source.objects.get(short_name="mid-backend-responsibilities")
        assert (
            f'<span class="cite__kind">Blog post</span> <a class="cite__source" '
            f'href="/ladder/sources/#mid-backend-responsibilities" title="{source.title}">'
            f"<cite>{source.title}</cite></a>"
        ) in tests

    def test_the_groups_sources_too(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["senior"])).text
        group = html.split('id="senior-two-of-three"')[1].split("</section>")[0]
        assert '<span class="cite__kind">Q&amp;A thread</span>' in group
        assert "<cite>What is the gap between a mid-level and a senior software" in group

    def test_several_sources_are_told_apart_without_the_stylesheet(self, client, ladder):
        html = client.get(reverse("ladder:level", args=["mid"])).text
        first = html.split('id="e-mid-craft-independent"')[1].split("</li>")[0]
        items = re.findall(r'<span class="cite__item">(.*?)</a>(.*?)</span>', first)
        assert len(items) >= 2
        assert items[0][1] == '<span class="visually-hidden">;'  # a pause between two titles

    def test_every_cited_document_has_its_entry_on_the_sources_page(self, client, ladder):
        level = client.get(reverse("ladder:level", args=["mid"]) + "?track=infrastructure").text
        cited = set(re.findall(r'href="/ladder/sources/#([^"]+)"', level))
        assert cited >= {"taro-pip", "bigger-isnt-better", "own-guidance"}
        sources = client.get(reverse("ladder:sources")).text
        for anchor in cited:
            assert f'id="{anchor}"' in sources

    def test_the_sources_page_names_the_short_name_only_as_the_exports_id(self, client, ladder):
        html = client.get(reverse("ladder:sources")).text
        for short_name in self.SHORT_NAMES:
            assert f"<code>{short_name}</code>" in html  # what the JSON export calls it
        text = self.visible_text(html.split('id="not-covered"')[1].split("</section>")[0])
        for short_name in self.SHORT_NAMES:
            assert short_name not in text
