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
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200


def test_the_matrix_shows_every_level_and_the_version(client, ladder):
    response = client.get(reverse("ladder:index"))
    for name in ("Junior engineer", "Mid-level engineer", "Senior engineer", "2026.11.1"):
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
    assert all(e["sources"] for e in data["expectations"])
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
