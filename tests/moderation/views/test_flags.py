"""Flagging through the site (moderation/views/flags.py)."""

import pytest

from moderation.models import Flag
from moderation.services.visibility import contribution_hide
from tests.factories import (
    UserFactory,
)
from tests.moderation.factories import flagger, fresh, moderator
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


class TestFlagging:
    def test_the_form_and_a_flag(self, client, thread):
        _, answer, _ = thread
        flagger = UserFactory()
        client.force_login(flagger)
        form = client.get(url("flag", "answer", answer.pk))
        assert form.status_code == 200
        for label in ("Spam", "Rude or abusive", "Off-topic", "Needs a moderator"):
            assert label in form.text
        response = client.post(url("flag", "answer", answer.pk), {"reason": "off-topic"})
        assert response.url == answer.get_absolute_url()
        assert "Thank you. A moderator will look at it." in follow_messages(client, response)
        assert Flag.objects.get().flagger == flagger

    def test_needs_moderator_requires_text(self, client, thread):
        client.force_login(UserFactory())
        where = url("flag", "comment", thread[2].pk)
        response = client.post(where, {"reason": "needs-moderator", "text": "  "})
        assert response.status_code == 400
        assert "Say what a moderator should look at." in response.text
        assert not Flag.objects.exists()
        client.post(where, {"reason": "needs-moderator", "text": "It names my manager."})
        assert Flag.objects.get().text == "It names my manager."

    def test_flagging_twice_gets_a_friendly_message(self, client, thread):
        client.force_login(UserFactory())
        where = url("flag", "question", thread[0].pk)
        client.post(where, {"reason": "spam"})
        again = client.post(where, {"reason": "rude"}, follow=True)
        assert again.redirect_chain[-1][0].endswith(thread[0].get_absolute_url())
        assert "You have already flagged this; a moderator will look at it." in again.text
        assert Flag.objects.count() == 1

    def test_own_and_hidden_content_cannot_be_flagged(self, client, thread):
        question, answer, _ = thread
        client.force_login(answer.author)
        response = client.get(url("flag", "answer", answer.pk))
        assert response.status_code == 403
        assert "You cannot flag this." in response.text
        contribution_hide(moderator=moderator(), contribution=question, reason="x")
        client.force_login(UserFactory())
        assert client.get(url("flag", "question", question.pk)).status_code == 404
        assert client.get(url("flag", "answer", answer.pk)).status_code == 404

    def test_flag_links_show_for_others_only(self, client, thread):
        question, answer, _ = thread
        client.force_login(answer.author)
        html = client.get(question.get_absolute_url()).text
        assert f'href="{url("flag", "question", question.pk)}"' in html
        assert f'href="{url("flag", "answer", answer.pk)}"' not in html

    def test_three_flags_through_the_site_hide_an_answer(self, client, thread):
        question, answer, _ = thread
        for _ in range(3):
            client.force_login(flagger())
            client.post(url("flag", "answer", answer.pk), {"reason": "spam"})
        assert fresh(answer).is_hidden
        client.force_login(UserFactory())
        html = client.get(question.get_absolute_url()).text
        assert "Write down three outcomes" not in html
        assert fresh(question).answer_count == 0
