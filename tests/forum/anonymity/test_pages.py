"""The privacy promise, end to end: no page, feed or list names who wrote anonymously
(forum/identity.py, author_card, on every page).

An anonymous post shows “Anonymous · mid-level” (the band only). Its author's identity must not
appear anywhere another user or visitor can see: HTML, page source, feeds, JSON, search results,
related lists, profile pages, notification e-mails to others. The author still sees the post as
theirs and can edit it.
"""

import pytest
from django.urls import reverse

from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from tests.factories import QuestionFactory
from tests.forum.anonymity.scene import (
    ANSWER_WORD,
    LABEL,
    MINE,
    ONLY_YOU,
    QUESTION_WORD,
    Scene,
    assert_no_identity,
)

pytestmark = pytest.mark.usefixtures("ladder")


def test_the_leak_check_catches_a_post_under_the_authors_name(client, scene):
    named = QuestionFactory(author=scene.author, title="Asked openly under my own name")
    text = client.get(named.get_absolute_url()).text
    with pytest.raises(AssertionError, match="Zenobia Quill"):
        assert_no_identity(text, "a post that is not anonymous")


def test_the_scene_is_what_the_promise_is_about(scene):
    assert scene.question.is_anonymous
    assert scene.answer.is_anonymous
    assert scene.own_comment.is_anonymous  # the service keeps the asker's comments anonymous
    assert scene.reply.is_anonymous
    assert scene.question.author_band == scene.answer.author_band == "mid"


PAGES = {
    "home": lambda s: reverse("home"),
    "questions": lambda s: reverse("forum:questions"),
    "questions-newest": lambda s: reverse("forum:questions") + "?sort=newest",
    "questions-active": lambda s: reverse("forum:questions") + "?sort=active",
    "questions-votes": lambda s: reverse("forum:questions") + "?sort=votes",
    "questions-unanswered": lambda s: reverse("forum:questions") + "?sort=unanswered",
    "level-page": lambda s: reverse("forum:level_questions", args=["mid"]),
    "tag-page": lambda s: reverse("forum:tag_questions", args=["pip"]),
    "tag-page-2": lambda s: reverse("forum:tag_questions", args=["manager"]),
    "tags": lambda s: reverse("forum:tags"),
    "question": lambda s: s.question.get_absolute_url(),
    "other-question": lambda s: s.other.get_absolute_url(),
    "ladder-level": lambda s: reverse("ladder:level", args=["mid"]),
    "search-question": lambda s: reverse("forum:search") + f"?q={QUESTION_WORD}",
    "search-answer": lambda s: reverse("forum:search") + f"?q={ANSWER_WORD}",
    "search-filtered": lambda s: reverse("forum:search") + f"?q={QUESTION_WORD}&level=mid&tag=pip",
    "feed-rss": lambda s: reverse("forum:feed_rss"),
    "feed-atom": lambda s: reverse("forum:feed_atom"),
    "level-feed-rss": lambda s: reverse("forum:level_feed_rss", args=["mid"]),
    "level-feed-atom": lambda s: reverse("forum:level_feed_atom", args=["mid"]),
    "tag-feed-rss": lambda s: reverse("forum:tag_feed_rss", args=["pip"]),
    "tag-feed-atom": lambda s: reverse("forum:tag_feed_atom", args=["pip"]),
    "sitemap": lambda s: "/sitemap.xml",
    "ladder-json": lambda s: reverse("ladder:export"),
    "asker-profile": lambda s: s.asker.get_absolute_url(),
    "helper-profile": lambda s: s.helper.get_absolute_url(),
}


def as_someone_else(client, scene: Scene, who: str):
    """A visitor, someone signed in, or one of the people the author dealt with."""
    people = {"member": scene.viewer, "asker": scene.asker, "helper": scene.helper}
    if who in people:
        client.force_login(people[who])
    return client


@pytest.mark.parametrize("who", ["visitor", "member", "asker", "helper"])
@pytest.mark.parametrize("page", list(PAGES))
def test_no_page_shows_who_wrote_the_anonymous_posts(
    client, scene, who, page, django_assert_max_num_queries
):
    as_someone_else(client, scene, who)
    with django_assert_max_num_queries(16):
        response = client.get(PAGES[page](scene))
    assert response.status_code == 200
    assert_no_identity(response.text, f"{page} for a {who}")
    for header, value in response.items():
        assert_no_identity(value, f"the {header} header of {page}")


@pytest.mark.parametrize("who", ["visitor", "member"])
@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("home", "question"),
        ("questions", "question"),
        ("level-page", "question"),
        ("tag-page", "question"),
        ("ladder-level", "question"),
        ("search-question", "question"),
        ("search-answer", "other"),
        ("feed-atom", "question"),
        ("tag-feed-rss", "question"),
        ("other-question", "question"),  # in the related questions
    ],
)
def test_the_anonymous_posts_are_really_on_the_pages_checked(client, scene, who, page, title):
    """The sweep above would pass on empty pages; these are not empty."""
    as_someone_else(client, scene, who)
    text = client.get(PAGES[page](scene)).text
    assert getattr(scene, title).title in text


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_list_rows_name_the_band_only(client, scene, who):
    as_someone_else(client, scene, who)
    for page in ("home", "questions", "level-page", "tag-page", "search-question"):
        text = client.get(PAGES[page](scene)).text
        assert f"{LABEL} · asked" in text, page


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_the_question_page_says_anonymous_mid_level(
    client, scene, who, django_assert_max_num_queries
):
    as_someone_else(client, scene, who)
    with django_assert_max_num_queries(16):
        text = client.get(scene.question.get_absolute_url()).text
    assert f'<span class="author__name">{LABEL}</span>' in text
    assert f"— {LABEL}" in text  # the anonymous asker's comments
    assert text.count(LABEL) == 3  # the question and two comments
    assert "Harold Helper" in text  # people who post openly are still named
    assert MINE not in text
    assert reverse("forum:question_edit", args=[scene.question.pk]) not in text


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_the_other_question_shows_the_anonymous_answer_by_band_only(client, scene, who):
    as_someone_else(client, scene, who)
    text = client.get(scene.other.get_absolute_url()).text
    assert f"every {ANSWER_WORD} path you own" in text
    assert f'<span class="author__name">{LABEL}</span>' in text
    assert "Olive Asker" in text
    assert MINE not in text
    assert reverse("forum:answer_edit", args=[scene.answer.pk]) not in text
    assert f'href="{scene.question.get_absolute_url()}"' in text  # related, by title only


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_feeds_name_the_band_only(client, scene, who):
    as_someone_else(client, scene, who)
    rss = client.get(reverse("forum:feed_rss")).text
    atom = client.get(reverse("forum:feed_atom")).text
    assert f'<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{LABEL}</dc:creator>' in rss
    assert f"<author><name>{LABEL}</name></author>" in atom


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_the_profile_of_the_author_does_not_list_anonymous_posts(client, scene, who):
    as_someone_else(client, scene, who)
    text = client.get(scene.author.get_absolute_url()).text
    for hidden in (scene.question, scene.other):
        assert hidden.title not in text
        assert hidden.get_absolute_url() not in text
    assert scene.answer.get_absolute_url() not in text
    assert f"/questions/{scene.question.pk}/" not in text
    assert ONLY_YOU not in text
    assert "No questions yet." in text
    assert "No answers yet." in text


def test_votes_and_accepts_on_anonymous_posts_leave_the_public_reputation_alone(client, scene):
    vote_cast(user=scene.viewer, post=scene.question, value=1)
    vote_cast(user=scene.viewer, post=scene.answer, value=1)
    answer_accept(user=scene.asker, answer=scene.answer)
    scene.author.refresh_from_db()
    assert scene.author.reputation == 0
    text = client.get(scene.author.get_absolute_url()).text
    assert "<div><dt>Reputation</dt><dd>0 <a " in text


def test_an_htmx_vote_answers_without_naming_the_author(client, scene):
    client.force_login(scene.viewer)
    response = client.post(
        reverse("forum:question_vote", args=[scene.question.pk]),
        {"value": "up"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert '>1<span class="vote__unit"> vote</span>' in response.text
    assert_no_identity(response.text, "the htmx vote response")
