import json

import pytest
from django.urls import reverse

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
