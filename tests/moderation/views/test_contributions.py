"""Warning an author and revealing an anonymous one (moderation/views/contributions.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from forum.models import Notification
from moderation.models import AuditEntry, Flag
from tests.factories import (
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import flag, moderator
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


QUEUE = reverse("moderation:queue")


LOG = reverse("moderation:log")


class TestQueue:
    def test_warn_page_and_warning(self, mod_client, client, thread):
        _, answer, _ = thread
        flag(answer, reason="rude")
        page = mod_client.get(url("warn", "answer", answer.pk))
        assert page.status_code == 200
        assert "Warning to the author" in page.text
        empty = mod_client.post(url("warn", "answer", answer.pk), {"message": ""})
        assert empty.status_code == 400
        response = mod_client.post(
            url("warn", "answer", answer.pk),
            {"message": "Please keep it about the work.", "next": QUEUE},
        )
        assert "The warning is sent." in follow_messages(mod_client, response)
        notification = Notification.objects.get(kind="warning")
        assert notification.recipient == answer.author
        client.force_login(answer.author)
        html = client.get(reverse("forum:notifications")).text
        assert "sent you a moderator&#x27;s warning about" in html
        assert "Please keep it about the work." in html
        assert Flag.objects.get().status == "upheld"


class TestReveal:
    @pytest.fixture
    def secret(self):
        author = UserFactory(username="secret-sam", display_name="Samira Secret")
        return QuestionFactory(author=author, is_anonymous=True, title="An anonymous PIP question")

    def test_reveal_needs_a_reason_and_is_logged_for_other_moderators(self, mod_client, secret):
        where = url("reveal", "question", secret.pk)
        form = mod_client.get(where)
        assert form.status_code == 200
        assert "secret-sam" not in form.text
        assert "Why you need to know" in form.text
        assert not AuditEntry.objects.exists()
        empty = mod_client.post(where, {"reason": ""})
        assert empty.status_code == 400
        assert "secret-sam" not in empty.text
        assert not AuditEntry.objects.exists()
        shown = mod_client.post(where, {"reason": "Repeated abuse reports"})
        assert shown.status_code == 200
        assert "Written by" in shown.text
        assert "@secret-sam" in shown.text
        entry = AuditEntry.objects.get()
        assert (entry.action, entry.actor, entry.reason) == (
            "reveal",
            mod_client.user,
            "Repeated abuse reports",
        )
        other = Client()
        other.force_login(moderator())
        log = other.get(LOG).text
        assert "Revealed an anonymous author" in log
        assert "Revealed: @secret-sam" in log
        assert "Repeated abuse reports" in log
        assert "@mod-ada" in log

    def test_ordinary_people_cannot_reveal_or_read_the_log(self, client, secret):
        client.force_login(UserFactory())
        for response in (
            client.get(url("reveal", "question", secret.pk)),
            client.post(url("reveal", "question", secret.pk), {"reason": "Curious"}),
        ):
            assert response.status_code == 403
            assert "secret-sam" not in response.text
        assert client.get(LOG).status_code == 403
        assert not AuditEntry.objects.exists()

    def test_signed_posts_have_nothing_to_reveal(self, mod_client):
        question = QuestionFactory()
        response = mod_client.get(url("reveal", "question", question.pk))
        assert response.status_code == 403
        html = mod_client.get(question.get_absolute_url()).text
        assert "Reveal the author" not in html

    def test_the_reveal_link_shows_on_anonymous_posts_for_moderators(self, mod_client, secret):
        html = mod_client.get(secret.get_absolute_url()).text
        assert f'href="{url("reveal", "question", secret.pk)}"' in html
        assert "secret-sam" not in html

    def test_warning_an_anonymous_author_does_not_reveal_them(self, mod_client, secret):
        mod_client.post(url("warn", "question", secret.pk), {"message": "Please remove the names."})
        other = Client()
        other.force_login(moderator())
        log = other.get(LOG).text
        record = other.get(url("person", "secret-sam")).text
        assert not AuditEntry.objects.filter(action="reveal").exists()
        assert "secret-sam" not in log
        assert secret.get_absolute_url() not in record
