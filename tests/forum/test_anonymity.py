"""The privacy promise, end to end.

An anonymous post shows “Anonymous · mid-level” (the band only). Its author's identity must not
appear anywhere another user or visitor can see: HTML, page source, feeds, JSON, search results,
related lists, profile pages, notification e-mails to others. The author still sees the post as
theirs and can edit it.
"""

from dataclasses import dataclass

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from forum import services
from forum.models import Answer, Comment, Notification, Question
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")

LABEL = "Anonymous · mid-level"
MINE = "Posted anonymously — only you can see it is yours"
ONLY_YOU = "Anonymous — only you see this"
SECRETS = (
    "zq-secret-author",
    "Zenobia Quill",
    "Zenobia",
    "zenobia.quill@quillworks.example",
    "Quillworks",
    "Staff Platform Sorcerer",
    "/users/zq-secret-author/",
)
QUESTION_WORD = "blindsided"  # only in the anonymous question
ANSWER_WORD = "escalation"  # only in the anonymous answer


def assert_no_identity(text: str, where: str) -> None:
    lowered = text.lower()
    leaks = [secret for secret in SECRETS if secret.lower() in lowered]
    assert not leaks, f"{where} shows {leaks}"


@dataclass
class Scene:
    author: User  # the person who posts anonymously
    asker: User  # asks a public question the author answers anonymously
    helper: User  # answers the author's anonymous question
    viewer: User  # anyone else who is signed in
    question: Question  # the anonymous question
    other: Question  # the asker's public question, sharing a tag with the anonymous one
    answer: Answer  # the author's anonymous answer on the asker's question
    helper_answer: Answer
    own_comment: Comment  # the author on their own anonymous question
    reply: Comment  # the author on the helper's answer to their anonymous question
    emails_to_others: list


@pytest.fixture
def scene(ladder, django_capture_on_commit_callbacks) -> Scene:
    author = UserFactory(
        username="zq-secret-author",
        display_name="Zenobia Quill",
        email="zenobia.quill@quillworks.example",
        company="Quillworks",
        headline="Staff Platform Sorcerer",
        level_code="L4",
        band="mid",
    )
    asker = UserFactory(username="open-asker", display_name="Olive Asker")
    helper = UserFactory(username="kind-helper", display_name="Harold Helper")
    viewer = UserFactory(username="curious-viewer", display_name="Victor Viewer")
    with django_capture_on_commit_callbacks(execute=True):
        question = QuestionFactory(
            author=author,
            is_anonymous=True,
            title="How do I respond to a surprise performance plan?",
            body=f"I was {QUESTION_WORD} by a plan from my manager after a good review.",
            tags=["pip", "manager"],
        )
        other = QuestionFactory(
            author=asker,
            title="What does a mid-level engineer own during a PIP?",
            body="My team lead mentioned ownership but never said of what exactly.",
            tags=["pip"],
        )
        answer = AnswerFactory(
            author=author,
            question=other,
            is_anonymous=True,
            body=f"Write down every {ANSWER_WORD} path you own and agree it with your manager.",
        )
        helper_answer = AnswerFactory(
            author=helper,
            question=question,
            body="Ask HR for the written criteria and keep a weekly log of what you deliver.",
        )
        own_comment = CommentFactory(
            author=author, post=question, body="Update: the plan is six weeks long."
        )
        reply = CommentFactory(
            author=author, post=helper_answer, body="Thank you, I asked HR for the criteria."
        )
    return Scene(
        author=author,
        asker=asker,
        helper=helper,
        viewer=viewer,
        question=question,
        other=other,
        answer=answer,
        helper_answer=helper_answer,
        own_comment=own_comment,
        reply=reply,
        emails_to_others=[m for m in mail.outbox if author.email not in m.recipients()],
    )


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
    services.vote_cast(user=scene.viewer, post=scene.question, value=1)
    services.vote_cast(user=scene.viewer, post=scene.answer, value=1)
    services.answer_accept(user=scene.asker, answer=scene.answer)
    scene.author.refresh_from_db()
    assert scene.author.reputation == 0
    text = client.get(scene.author.get_absolute_url()).text
    assert "<div><dt>Reputation</dt><dd>0</dd></div>" in text


def test_an_htmx_vote_answers_without_naming_the_author(client, scene):
    client.force_login(scene.viewer)
    response = client.post(
        reverse("forum:question_vote", args=[scene.question.pk]),
        {"value": "up"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert '<span class="visually-hidden">Score </span>1</span>' in response.text
    assert_no_identity(response.text, "the htmx vote response")


class TestNotifications:
    def test_the_people_notified_are_the_asker_and_the_helper(self, scene):
        recipients = sorted(tuple(m.to) for m in scene.emails_to_others)
        assert recipients == sorted([(scene.asker.email,), (scene.helper.email,)])

    def test_anonymous_actions_are_stored_without_an_actor(self, scene):
        to_asker = Notification.objects.get(recipient=scene.asker)
        assert (to_asker.kind, to_asker.actor, to_asker.actor_band) == ("answer", None, "mid")
        assert to_asker.answer == scene.answer
        to_helper = Notification.objects.get(recipient=scene.helper)
        assert (to_helper.kind, to_helper.actor, to_helper.actor_band) == ("comment", None, "mid")
        assert to_helper.comment == scene.reply
        assert not Notification.objects.filter(actor=scene.author).exists()

    def test_emails_to_others_name_the_band_only(self, scene):
        subjects = sorted(m.subject for m in scene.emails_to_others)
        assert subjects == [
            f"[Rungs] {LABEL} answered your question: {scene.other.title}",
            f"[Rungs] {LABEL} commented on your post: {scene.question.title}",
        ]
        for message in scene.emails_to_others:
            assert f"{LABEL} " in message.body
            self.assert_message_is_clean(message)

    def test_accepting_as_the_anonymous_asker_stays_anonymous(
        self, scene, django_capture_on_commit_callbacks
    ):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.answer_accept(user=scene.author, answer=scene.helper_answer)
        notification = Notification.objects.get(recipient=scene.helper, kind="accepted")
        assert (notification.actor, notification.actor_band) == (None, "mid")
        [message] = mail.outbox
        assert message.subject == (f"[Rungs] {LABEL} accepted your answer: {scene.question.title}")
        self.assert_message_is_clean(message)

    @pytest.mark.parametrize("person", ["asker", "helper"])
    def test_the_notification_list_names_the_band_only(self, client, scene, person):
        client.force_login(getattr(scene, person))
        text = client.get(reverse("forum:notifications")).text
        assert f"<strong>{LABEL}</strong>" in text
        assert_no_identity(text, f"the {person}'s notifications")

    @staticmethod
    def assert_message_is_clean(message) -> None:
        where = f"the e-mail to {message.to}"
        for part in (
            message.subject,
            message.body,
            message.from_email,
            *message.to,
            *message.cc,
            *message.bcc,
            *message.reply_to,
            *(f"{key}: {value}" for key, value in message.extra_headers.items()),
            *(str(content) for content, _ in getattr(message, "alternatives", [])),
            message.message().as_string(),
        ):
            assert_no_identity(part, where)


class TestTheAuthor:
    def test_sees_the_question_as_theirs_and_can_edit_it(
        self, client, scene, django_assert_max_num_queries
    ):
        client.force_login(scene.author)
        with django_assert_max_num_queries(16):
            text = client.get(scene.question.get_absolute_url()).text
        assert f'<span class="author__headline">{MINE}</span>' in text
        edit = reverse("forum:question_edit", args=[scene.question.pk])
        assert f'<a href="{edit}">Edit</a>' in text
        assert f'<span class="author__name">{LABEL}</span>' in text  # still shown by band
        page = client.get(edit)
        assert page.status_code == 200
        assert "Edit question" in page.text
        assert scene.question.title in page.text
        assert 'name="is_anonymous"' not in page.text  # editing keeps the anonymity

    def test_sees_the_answer_as_theirs_and_can_edit_it(self, client, scene):
        client.force_login(scene.author)
        text = client.get(scene.other.get_absolute_url()).text
        assert f'<span class="author__headline">{MINE}</span>' in text
        edit = reverse("forum:answer_edit", args=[scene.answer.pk])
        assert f'<a href="{edit}">Edit</a>' in text
        assert client.get(edit).status_code == 200

    def test_editing_keeps_the_question_anonymous(self, client, scene):
        client.force_login(scene.author)
        response = client.post(
            reverse("forum:question_edit", args=[scene.question.pk]),
            {
                "title": "How do I respond to a surprise performance plan now?",
                "body": f"I was {QUESTION_WORD} by a plan from my manager. Six weeks now.",
                "level": "mid",
                "tags": "pip, manager",
            },
        )
        assert response.status_code == 302
        scene.question.refresh_from_db()
        assert scene.question.is_anonymous
        assert scene.question.title == "How do I respond to a surprise performance plan now?"
        client.logout()
        assert_no_identity(client.get(scene.question.get_absolute_url()).text, "after an edit")

    def test_nobody_else_can_edit(self, client, scene):
        client.force_login(scene.viewer)
        assert client.get(reverse("forum:question_edit", args=[scene.question.pk])).status_code == (
            403
        )
        assert client.get(reverse("forum:answer_edit", args=[scene.answer.pk])).status_code == 403

    def test_their_own_profile_lists_the_anonymous_posts_with_a_note(self, client, scene):
        client.force_login(scene.author)
        text = client.get(scene.author.get_absolute_url()).text
        assert f'<a href="{scene.question.get_absolute_url()}">{scene.question.title}</a>' in text
        assert f'<a href="{scene.answer.get_absolute_url()}">{scene.other.title}</a>' in text
        assert text.count(ONLY_YOU) == 2

    def test_others_see_the_author_only_through_public_activity(self, client, scene):
        public = QuestionFactory(
            author=scene.author, title="A question asked under my own name", tags=["career"]
        )
        client.force_login(scene.viewer)
        text = client.get(scene.author.get_absolute_url()).text
        assert public.title in text
        assert scene.question.title not in text
        assert scene.other.title not in text
        assert ONLY_YOU not in text
