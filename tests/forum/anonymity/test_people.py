"""The privacy promise for the people involved: notifications and e-mails name the band only,
and the author still sees, edits and finds their anonymous posts as theirs."""

import pytest
from django.core import mail
from django.urls import reverse

from forum.models import Notification
from forum.services.answers import answer_accept
from tests.factories import QuestionFactory
from tests.forum.anonymity.scene import (
    LABEL,
    MINE,
    ONLY_YOU,
    QUESTION_WORD,
    assert_no_identity,
)

pytestmark = pytest.mark.usefixtures("ladder")


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
            answer_accept(user=scene.author, answer=scene.helper_answer)
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
