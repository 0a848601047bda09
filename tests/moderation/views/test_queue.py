"""The flag queue, hidden contributions and the audit log pages (moderation/views/queue.py)."""

import re

import pytest
from django.urls import reverse

from forum.services.visibility import contribution_delete
from moderation.models import AuditEntry, Flag
from moderation.services.people import user_suspend
from moderation.services.questions import question_lock
from moderation.services.visibility import contribution_hide
from tests.factories import (
    AnswerFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import established, flag, flagger, flags, fresh, moderator
from tests.moderation.support import follow_messages, url

pytestmark = pytest.mark.usefixtures("ladder")


QUEUE = reverse("moderation:queue")


LOG = reverse("moderation:log")


HIDDEN = reverse("moderation:hidden")


class TestQueue:
    def test_the_queue_lists_items_with_flags_and_actions(self, mod_client, thread):
        _question, answer, comment = thread
        keen = flagger(username="keen-flagger")  # the same weight as the answer's flagger
        flag(comment, by=keen, reason="needs-moderator", text="Mentions a colleague by name")
        flag(answer, reason="off-topic")
        html = mod_client.get(QUEUE).text
        assert html.index(f'id="queue-comment-{comment.pk}"') < html.index(
            f'id="queue-answer-{answer.pk}"'
        )
        assert "by @keen-flagger" in html
        assert "“Mentions a colleague by name”" in html
        for action in (
            f'action="{url("dismiss", "comment", comment.pk)}"',
            f'action="{url("hide", "comment", comment.pk)}"',
            f'href="{url("warn", "comment", comment.pk)}"',
            f'href="{url("person", comment.author.username)}"',
            f'href="{reverse("forum:answer_edit", args=[answer.pk])}"',
        ):
            assert action in html, action
        comment_entry = html.split(f'id="queue-comment-{comment.pk}"')[1]
        comment_actions = comment_entry.split('class="queue__actions"')[1].split("</div>")[0]
        assert "/edit/" not in comment_actions  # comments have no edit

    def test_the_queue_shows_each_flags_weight_and_puts_the_heaviest_first(
        self, mod_client, thread
    ):
        _question, answer, comment = thread
        flag(comment, by=UserFactory(username="brand-new"), reason="rude")  # weight 0
        flag(answer, by=established(username="old-hand"), reason="spam")  # weight 3
        html = mod_client.get(QUEUE).text
        assert html.index(f'id="queue-answer-{answer.pk}"') < html.index(
            f'id="queue-comment-{comment.pk}"'
        )
        assert 'by @old-hand <span class="muted">(weight 3)</span>' in html
        assert 'by @brand-new <span class="muted">(weight 0)</span>' in html
        assert "Spam and abuse flag weight 3 of 6" in html
        assert "Spam and abuse flag weight 0 of 6" in html

    def test_an_item_hidden_by_flags_offers_restore(self, mod_client, thread):
        answer = thread[1]
        flags(answer, 3)
        html = mod_client.get(QUEUE).text
        assert "hidden by flags" in html
        assert f'action="{url("restore", "answer", answer.pk)}"' in html
        assert "Keep hidden" in html

    def test_dismiss_from_the_queue_returns_to_it(self, mod_client, thread):
        answer = thread[1]
        flags(answer, 3)
        response = mod_client.post(
            url("dismiss", "answer", answer.pk), {"next": QUEUE, "reason": "Fine"}
        )
        assert response.url == QUEUE
        page = follow_messages(mod_client, response)
        assert "Dismissed 3 flags." in page
        assert "Nothing to review." in page
        assert not fresh(answer).is_hidden

    def test_hide_from_the_queue(self, mod_client, thread):
        _question, _, comment = thread
        flag(comment, reason="rude")
        response = mod_client.post(
            url("hide", "comment", comment.pk), {"next": QUEUE, "reason": "Rude or abusive"}
        )
        assert response.url == QUEUE
        assert "The comment is hidden." in follow_messages(mod_client, response)
        comment = fresh(comment)
        assert (comment.is_hidden, comment.hidden_by, comment.hidden_reason) == (
            True,
            mod_client.user,
            "Rude or abusive",
        )
        assert Flag.objects.get().status == "upheld"

    def test_hiding_needs_a_reason(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(url("hide", "answer", answer.pk), {"reason": ""})
        assert response.url == answer.get_absolute_url()
        assert "Give a reason for hiding it." in follow_messages(mod_client, response)
        assert not fresh(answer).is_hidden

    def test_next_outside_moderation_is_ignored(self, mod_client, thread):
        answer = thread[1]
        response = mod_client.post(
            url("hide", "answer", answer.pk), {"reason": "x", "next": "https://evil.example/"}
        )
        assert response.url == answer.get_absolute_url()
        comment = thread[2]
        response = mod_client.post(url("hide", "comment", comment.pk), {"reason": "x"})
        assert response.url == comment.get_absolute_url()


class TestHiddenPage:
    def test_lists_everything_hidden_and_who_hid_it(self, mod_client, thread):
        _question, answer, comment = thread
        other = QuestionFactory(title="Deleted by the person who asked it")
        contribution_delete(user=other.author, contribution=other)
        flags(answer, 3)
        contribution_hide(moderator=mod_client.user, contribution=comment, reason="Name-calling")
        html = mod_client.get(HIDDEN).text
        assert "Deleted by the person who asked it" in html
        assert "by its author: Deleted by its author" in html
        assert "by flags: Hidden by flags, awaiting review" in html
        assert "by Ada Moderator: Name-calling" in html
        for kind, item in (("question", other), ("answer", answer), ("comment", comment)):
            assert f'action="{url("restore", kind, item.pk)}"' in html

    def test_restore_from_the_list(self, mod_client, thread):
        question, answer, _ = thread
        contribution_delete(user=answer.author, contribution=answer)
        assert fresh(question).answer_count == 0
        response = mod_client.post(url("restore", "answer", answer.pk), {"next": HIDDEN})
        assert response.url == HIDDEN
        assert "The answer is visible again." in follow_messages(mod_client, response)
        assert fresh(question).answer_count == 1
        restored = AuditEntry.objects.get(action="restore")
        assert restored.details == {"flags": 0, "author_deleted": True}

    def test_anonymous_authors_stay_anonymous_on_moderation_pages(self, mod_client):
        answer = AnswerFactory(is_anonymous=True, author=UserFactory(username="secret-sam"))
        flag(answer, reason="rude")
        queue = mod_client.get(QUEUE).text
        contribution_delete(user=answer.author, contribution=answer)
        hidden = mod_client.get(HIDDEN).text
        page = mod_client.get(answer.question.get_absolute_url()).text
        for html in (queue, hidden, page):
            assert "secret-sam" not in html
        assert "By an anonymous author" in queue


class TestAuditLogPage:
    @pytest.fixture
    def logged(self):
        alice, bob = moderator(username="alice-mod"), moderator(username="bob-mod")
        question = QuestionFactory(title="A question that got locked")
        answer = AnswerFactory(question=question)
        question_lock(moderator=alice, question=question, reason="Heated")
        contribution_hide(moderator=bob, contribution=answer, reason="Spam link")
        user_suspend(moderator=alice, user=answer.author, days=2, reason="Spam again")
        return alice, bob, question, answer

    def rows(self, html: str) -> list[str]:
        return re.findall(r"<td>(Locked a question|Hid content|Suspended a person)</td>", html)

    def test_everything_newest_first(self, client, logged):
        alice, *_ = logged
        client.force_login(alice)
        html = client.get(LOG).text
        assert self.rows(html) == ["Suspended a person", "Hid content", "Locked a question"]
        assert "A question that got locked" in html
        assert "Spam link" in html
        assert "2 days" in html

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("?action=lock", ["Locked a question"]),
            ("?actor=alice-mod", ["Suspended a person", "Locked a question"]),
            ("?actor=bob-mod", ["Hid content"]),
            ("?kind=user", ["Suspended a person"]),
            ("?kind=answer&actor=bob-mod", ["Hid content"]),
            ("?action=reveal", []),
            ("?action=not-an-action", ["Suspended a person", "Hid content", "Locked a question"]),
        ],
    )
    def test_filters(self, client, logged, query, expected):
        client.force_login(logged[0])
        html = client.get(LOG + query).text
        assert self.rows(html) == expected
        if not expected:
            assert "No entries match these filters." in html

    def test_there_is_no_way_to_change_an_entry_through_the_site(self, client, logged):
        client.force_login(logged[0])
        assert client.post(LOG, {"action": "lock"}).status_code == 405
        assert AuditEntry.objects.count() == 3
