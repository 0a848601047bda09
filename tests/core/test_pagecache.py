"""Whole-page caching for anonymous readers: shared, cookie-free, rebuilt on every change."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import pagecache
from forum.services.questions import question_edit
from forum.services.votes import vote_cast
from moderation.services.curation import question_feature
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

PUBLIC = "public, max-age=0, s-maxage=60"
PUBLIC_PAGES = [
    "/",
    "/questions/",
    "/questions/?sort=votes",
    "/questions/level/mid/",
    "/questions/tagged/promotion/",
    "/tags/",
    "/search/?q=senior",
    "/ladder/",
    "/ladder/mid/",
    "/ladder/compare/mid/senior/",
    "/ladder/sources/",
    "/feeds/questions/rss/",
    "/sitemap.xml",
]


@pytest.fixture
def question():
    return QuestionFactory(title="How do I show senior-level impact?", tags=["promotion"])


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_anonymous_pages_are_public_and_served_again_without_queries(
    client, question, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    assert not first.cookies, "an anonymous page must not set a cookie"
    assert "cookie" not in first.get("Vary", "").lower()
    assert first["Cache-Control"] == PUBLIC
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content


def test_question_page_is_public_and_still_counts_its_readers(client, question):
    url = question.get_absolute_url()
    first = client.get(url)
    assert first["Cache-Control"] == PUBLIC
    client.get(url, HTTP_USER_AGENT="another browser")  # from the cache, but a new reader
    question.refresh_from_db()
    assert question.view_count == 2


def test_anonymous_pages_carry_no_csrf_token_and_no_htmx(client, question):
    for url in ("/", question.get_absolute_url()):
        page = client.get(url).text
        assert "csrfmiddlewaretoken" not in page
        assert "X-CSRFToken" not in page
        assert "htmx.min.js" not in page
    assert "Log in to upvote" in client.get(question.get_absolute_url()).text


def test_signed_in_pages_are_private_and_never_cached(client, question):
    client.force_login(UserFactory())
    response = client.get(question.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert "htmx.min.js" in response.text
    assert "X-CSRFToken" in response.text
    # Nothing a signed-in person saw was stored for anonymous readers.
    client.logout()
    assert "Log in to upvote" in client.get(question.get_absolute_url()).text


def test_a_vote_an_answer_and_an_edit_show_at_once(client, question):
    url = question.get_absolute_url()
    client.get(url), client.get("/")  # both cached now
    vote_cast(user=UserFactory(), post=question, value=1)
    assert '>1<span class="vote__unit"> vote<' in client.get(url).text
    AnswerFactory(question=question, body="Keep a brag document of what you shipped.")
    assert "brag document" in client.get(url).text
    question_edit(
        question=question,
        editor=question.author,
        title="How do I show impact at the senior level?",
        body=question.body,
        level=question.level,
        tags=["promotion"],
    )
    assert "impact at the senior level" in client.get("/").text


def test_moderator_actions_show_at_once(client, question):
    mod = UserFactory(is_moderator=True)
    client.get("/")
    question_feature(moderator=mod, question=question, level=None)
    assert "Featured by moderators" in client.get("/").text


def test_a_flash_message_or_a_session_bypasses_the_cache(client, question):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert client.get("/")["Cache-Control"] == "private"
    del client.cookies["messages"]
    client.cookies["sessionid"] = "not-a-session"
    assert client.get("/")["Cache-Control"] == "private"


def test_public_pages_are_compressed_and_private_ones_are_not(client, question):
    public = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert public["Content-Encoding"] == "gzip"
    assert b"Ask about the next rung" in gzip.decompress(public.content)
    client.force_login(UserFactory())
    private = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in private  # it carries a CSRF token: no BREACH


def test_error_pages_are_not_stored(client):
    assert client.get("/questions/tagged/no-such-tag/").status_code == 404
    assert client.get("/questions/tagged/no-such-tag/")["Cache-Control"] == "private"


def test_generations_start_at_random_and_only_move_forward():
    [first] = pagecache.generations(["test"])
    pagecache.bump("test")
    [second] = pagecache.generations(["test"])
    assert second == first + 1
    cache.clear()  # evicted: a fresh random value, never one a stored page was built with
    [third] = pagecache.generations(["test"])
    assert third not in (first, second)


def test_the_page_cache_can_be_turned_off(client, question, settings):
    settings.RUNGS_PAGE_CACHE = False
    url = reverse("forum:level_questions", args=["mid"])
    client.get(url)
    response = client.get(url)
    assert response["Cache-Control"] == PUBLIC  # still shareable over HTTP
    with CaptureQueriesContext(connection) as counted:
        client.get(url)
    assert len(counted) > 0  # the view ran (its shared fragment may still be cached)


def test_cached_pages_are_stored_compressed_once_and_kept_near_at_hand(client, question):
    first = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/")
    assert again["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in again["Vary"]
    assert gzip.decompress(again.content) == gzip.decompress(first.content) == plain.content
    cache.clear()  # the shared copy is gone, and with it every generation: a fresh page
    assert client.get("/").status_code == 200


def test_the_copy_in_the_process_is_used_before_the_shared_one(client, question, monkeypatch):
    client.get("/")
    client.get("/")  # stored in both tiers
    real_get, reads = cache.get, []

    def get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    assert client.get("/").status_code == 200
    assert reads
    assert not [key for key in reads if key.startswith("page:")]
