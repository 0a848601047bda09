"""forum.identity: the one place that decides whether an author is named, and the thread rule
that keeps someone who posted anonymously anonymous in the rest of that thread."""

import importlib
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.services import account_erase
from forum import identity
from forum.models import Answer, Comment, Notification, Question, Revision
from forum.services.answers import answer_edit
from forum.services.visibility import contribution_delete, visibility_set
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")

LABEL = "Anonymous · mid-level"
SECRETS = ("zq-hidden-hand", "Zenobia Quill", "Quillworks", "/users/zq-hidden-hand/")
ANSWER_WORD = "skiplevel"  # only in the anonymous answer


def fresh(obj):
    obj.refresh_from_db()
    return obj


def assert_no_identity(text: str, where: str) -> None:
    leaks = [secret for secret in SECRETS if secret.lower() in text.lower()]
    assert not leaks, f"{where} shows {leaks}"


def secret_person() -> User:
    return UserFactory(
        username="zq-hidden-hand",
        display_name="Zenobia Quill",
        company="Quillworks",
        band="mid",
    )


# The cards --------------------------------------------------------------------------------------


class TestCards:
    def test_an_anonymous_post_names_nobody_anywhere(self):
        answer = AnswerFactory(author=secret_person(), is_anonymous=True)
        public, for_moderators = identity.author_card(answer), identity.moderation_card(answer)
        assert (public.name, public.url, public.reputation) == (LABEL, None, None)
        assert (for_moderators.name, for_moderators.url) == ("an anonymous author", None)
        assert not identity.names_author(answer)

    def test_a_signed_post_names_its_author(self):
        answer = AnswerFactory(author=secret_person())
        public, for_moderators = identity.author_card(answer), identity.moderation_card(answer)
        assert (public.name, public.url) == ("Zenobia Quill", "/users/zq-hidden-hand/")
        assert for_moderators.name == "@zq-hidden-hand"
        assert for_moderators.url == reverse("moderation:person", args=["zq-hidden-hand"])

    def test_the_author_sees_their_anonymous_post_as_theirs(self):
        answer = AnswerFactory(author=secret_person(), is_anonymous=True)
        card = identity.author_card(answer, answer.author)
        assert card.is_viewer
        assert card.name == LABEL
        assert "only you" in card.headline

    def test_revisions_name_moderators_but_not_the_anonymous_author(self):
        answer = AnswerFactory(author=secret_person(), is_anonymous=True)
        mod = moderator(display_name="Ada Moderator")
        answer_edit(answer=answer, editor=mod, body="Tidied by a moderator, " * 3)
        own, edit = Revision.objects.filter(answer=answer).order_by("number")
        assert identity.editor_card(own, answer).name == LABEL
        assert identity.editor_card(edit, answer).name == "Ada Moderator"

    def test_who_hid_an_item(self):
        question = QuestionFactory(author=secret_person(), is_anonymous=True)
        contribution_delete(user=question.author, contribution=question)
        assert identity.hidden_by_label(fresh(question)) == "by its author"
        other = QuestionFactory()
        visibility_set(contribution=other, hidden=True, by=None, reason="flags")
        assert identity.hidden_by_label(fresh(other)) == "by flags"

    @pytest.mark.parametrize(
        ("model", "lookup", "names"),
        [
            (Question, "author", True),
            (Question, "author__id__exact", True),
            (Question, "author_id", True),
            (Question, "author__pk", True),
            (Answer, "hidden_by__exact", True),
            (Comment, "author__in", True),
            (Revision, "editor", True),
            (Notification, "recipient__id__exact", True),
            (Question, "is_anonymous__exact", False),
            (Question, "level__id__exact", False),
            (Answer, "question__id__exact", False),
            (Notification, "kind__exact", False),
        ],
    )
    def test_which_lookups_select_rows_by_their_author(self, model, lookup, names):
        assert identity.lookup_names_author(model, lookup) is names


# The thread rule --------------------------------------------------------------------------------


@dataclass
class Scene:
    secret: User  # answers anonymously, then comments in the same thread
    asker: User
    helper: User
    question: Question
    answer: Answer  # the secret person's anonymous answer
    helper_answer: Answer
    on_question: Comment  # the secret person, on the question
    on_helper: Comment  # the secret person, on someone else's answer
    emails: list


@pytest.fixture
def scene(django_capture_on_commit_callbacks) -> Scene:
    secret = secret_person()
    asker = UserFactory(username="open-asker", display_name="Olive Asker")
    helper = UserFactory(username="kind-helper", display_name="Harold Helper")
    with django_capture_on_commit_callbacks(execute=True):
        question = QuestionFactory(author=asker, title="How do I talk to my skip-level manager?")
        answer = AnswerFactory(
            author=secret,
            question=question,
            is_anonymous=True,
            body=f"Book a {ANSWER_WORD} meeting every quarter and bring one question each time.",
        )
        helper_answer = AnswerFactory(author=helper, question=question)
        on_question = CommentFactory(author=secret, post=question, body="How big is your org?")
        on_helper = CommentFactory(author=secret, post=helper_answer, body="Agreed, it worked.")
    return Scene(
        secret=secret,
        asker=asker,
        helper=helper,
        question=question,
        answer=answer,
        helper_answer=helper_answer,
        on_question=on_question,
        on_helper=on_helper,
        emails=list(mail.outbox),
    )


class TestCommentsInheritTheThreadsAnonymity:
    def test_an_anonymous_answerer_comments_anonymously_anywhere_in_the_thread(self, scene):
        assert scene.on_question.is_anonymous
        assert scene.on_helper.is_anonymous
        assert scene.on_helper.author_band == "mid"
        assert identity.speaks_anonymously(scene.secret, scene.question)
        assert not identity.speaks_anonymously(scene.helper, scene.question)

    def test_others_comment_under_their_name(self, scene):
        comment = CommentFactory(author=scene.helper, post=scene.answer)
        assert not comment.is_anonymous

    def test_a_second_answer_stays_anonymous_too(self, scene):
        again = AnswerFactory(author=scene.secret, question=scene.question, is_anonymous=False)
        assert again.is_anonymous

    def test_only_that_thread(self, scene):
        elsewhere = QuestionFactory()
        assert not CommentFactory(author=scene.secret, post=elsewhere).is_anonymous

    def test_what_came_before_the_anonymous_answer_keeps_its_name(self):
        secret, question = secret_person(), QuestionFactory()
        before = CommentFactory(author=secret, post=question)
        AnswerFactory(author=secret, question=question, is_anonymous=True)
        assert not fresh(before).is_anonymous

    def test_a_deleted_anonymous_answer_still_counts(self):
        secret, question = secret_person(), QuestionFactory()
        answer = AnswerFactory(author=secret, question=question, is_anonymous=True)
        contribution_delete(user=secret, contribution=answer)
        assert CommentFactory(author=secret, post=question).is_anonymous

    @pytest.mark.parametrize("who", ["visitor", "asker", "helper"])
    def test_the_question_page_shows_the_band_only(self, client, scene, who):
        if who != "visitor":
            client.force_login(getattr(scene, who))
        text = client.get(scene.question.get_absolute_url()).text
        assert f"— {LABEL}" in text  # the two comments
        # the answer and the two comments (the header's notifications menu may say it too)
        assert text.split("<main", 1)[1].count(LABEL) == 3
        assert "Harold Helper" in text
        assert_no_identity(text, f"the question page for the {who}")

    def test_the_thread_as_moderators_see_it(self, client, scene):
        client.force_login(moderator())
        text = client.get(scene.question.get_absolute_url()).text
        assert_no_identity(text, "the question page for a moderator")

    @pytest.mark.parametrize(
        "page",
        [
            reverse("home"),
            reverse("forum:questions"),
            reverse("forum:search") + f"?q={ANSWER_WORD}",
            reverse("forum:feed_rss"),
            reverse("forum:feed_atom"),
            reverse("forum:tag_feed_rss", args=["promotion"]),
        ],
    )
    def test_lists_feeds_and_search_name_nobody(self, client, scene, page):
        text = client.get(page).text
        assert scene.question.title in text
        assert_no_identity(text, page)

    def test_notifications_and_emails_name_the_band_only(self, scene):
        to_asker = Notification.objects.get(comment=scene.on_question)
        to_helper = Notification.objects.get(comment=scene.on_helper)
        for notification in (to_asker, to_helper):
            assert (notification.actor, notification.actor_band) == (None, "mid")
            assert identity.actor_name(notification) == LABEL
        assert not Notification.objects.filter(actor=scene.secret).exists()
        comments = [m for m in scene.emails if "commented" in m.subject]
        assert sorted(m.to[0] for m in comments) == sorted([scene.asker.email, scene.helper.email])
        # The anonymous answerer follows the thread and hears of the helper's answer: in their
        # own inbox, which is the one place their name belongs.
        own = [m for m in scene.emails if m.to == [scene.secret.email]]
        assert [m.subject for m in own] == [
            f"[Rungs] Harold Helper answered a question you follow: {scene.question.title}"
        ]
        for message in scene.emails:
            if message.to == [scene.secret.email]:
                continue
            assert_no_identity(message.subject + message.body, f"the e-mail to {message.to}")
            assert_no_identity(message.message().as_string(), f"the e-mail to {message.to}")

    def test_the_answer_form_is_ticked_for_them(self, client, scene):
        ticked = 'id="answer_is_anonymous" checked>'
        client.force_login(scene.secret)
        assert ticked in client.get(scene.question.get_absolute_url()).text
        client.force_login(scene.helper)
        text = client.get(scene.question.get_absolute_url()).text
        assert 'id="answer_is_anonymous">' in text
        assert ticked not in text


class TestTheNotificationList:
    @pytest.mark.parametrize("person", ["asker", "helper"])
    def test_names_the_band_only(self, client, scene, person):
        client.force_login(getattr(scene, person))
        text = client.get(reverse("forum:notifications")).text
        assert f"<strong>{LABEL}</strong>" in text
        assert_no_identity(text, f"the {person}'s notifications")

    def test_names_people_who_signed(self, client, scene):
        CommentFactory(author=scene.helper, post=scene.question)
        client.force_login(scene.asker)
        assert "<strong>Harold Helper</strong>" in client.get(reverse("forum:notifications")).text


def test_the_migration_anonymises_comments_written_under_the_old_rule(scene):
    """Comments from before the rule: made named by hand, then the data migration runs."""
    Comment.objects.filter(pk__in=[scene.on_question.pk, scene.on_helper.pk]).update(
        is_anonymous=False
    )
    Notification.objects.filter(kind="comment").update(actor=scene.secret, actor_band="")
    by_helper = CommentFactory(author=scene.helper, post=scene.question)
    migration = importlib.import_module("forum.migrations.0007_comment_anonymity")
    migration.anonymise(apps, None)
    assert fresh(scene.on_question).is_anonymous
    assert fresh(scene.on_helper).is_anonymous
    assert not fresh(by_helper).is_anonymous
    assert not Notification.objects.filter(actor=scene.secret).exists()
    assert set(
        Notification.objects.filter(comment__author=scene.secret).values_list("actor_band")
    ) == {("mid",)}
    assert Notification.objects.get(comment=by_helper).actor == scene.helper


# Deleted members ------------------------------------------------------------------------------


def test_a_deleted_members_posts_name_nobody():
    """After account_erase, a named post shows "Deleted member" with no link, headline or
    reputation, to readers and moderators alike; an anonymous one keeps its anonymous label."""
    person = secret_person()
    named = QuestionFactory(author=person)
    hidden = AnswerFactory(author=person, is_anonymous=True)
    account_erase(user=person)
    for card in (
        identity.author_card(fresh(named), person),
        identity.moderation_card(fresh(named)),
    ):
        assert (card.name, card.url, card.headline, card.reputation) == (
            "Deleted member",
            None,
            "",
            None,
        )
        assert not card.is_viewer
    card = identity.author_card(fresh(hidden))
    assert card.is_anonymous
    assert card.name == LABEL
