"""The flag queue's filters, tab counts and bulk actions (moderation/views/queue.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from moderation.models import AuditEntry, Flag
from moderation.selectors import flag_queue
from moderation.services.people import user_suspend
from tests.factories import AnswerFactory, CommentFactory, QuestionFactory, UserFactory, superuser
from tests.moderation.factories import flag, fresh, moderator
from tests.moderation.support import follow_messages

pytestmark = pytest.mark.usefixtures("ladder")

QUEUE = reverse("moderation:queue")
BULK = reverse("moderation:queue_bulk")


def tokens() -> list[str]:
    return [entry.token for entry in flag_queue()]


class TestFiltersAndTabs:
    def test_tabs_count_each_kind_and_filter(self, mod_client, thread):
        question, answer, comment = thread
        flag(question, reason="off-topic")
        flag(answer, reason="rude")
        flag(comment, reason="rude")
        html = mod_client.get(QUEUE).text
        for label, count in (("Everything", 3), ("Questions", 1), ("Answers", 1), ("Comments", 1)):
            assert f'{label} <span class="count">{count}<' in html
        html = mod_client.get(QUEUE, {"kind": "answer"}).text
        assert f'id="queue-answer-{answer.pk}"' in html
        assert f'id="queue-question-{question.pk}"' not in html
        html = mod_client.get(QUEUE, {"reason": "rude"}).text
        assert 'Everything <span class="count">2<' in html
        assert 'Questions <span class="count">0<' in html
        assert f'id="queue-question-{question.pk}"' not in html

    @pytest.mark.parametrize(
        "query", [{"kind": "user"}, {"reason": "<script>"}, {"kind": "x" * 999}]
    )
    def test_unknown_filters_are_ignored(self, mod_client, thread, query):
        flag(thread[1], reason="off-topic")
        response = mod_client.get(QUEUE, query)
        assert response.status_code == 200
        assert f'id="queue-answer-{thread[1].pk}"' in response.text


class TestBulkActions:
    def test_hide_checked_items_with_one_reason(self, mod_client, thread):
        question, answer, comment = thread
        flag(answer, reason="rude")
        flag(comment, reason="rude")
        flag(question, reason="off-topic")
        chosen = [t for t in tokens() if not t.startswith("question:")]
        response = mod_client.post(
            BULK, {"action": "hide", "reason": "Pile-on", "items": chosen, "next": QUEUE}
        )
        assert "Hid 2 items." in follow_messages(mod_client, response)
        assert fresh(answer).is_hidden
        assert fresh(comment).is_hidden
        assert not fresh(question).is_hidden
        assert AuditEntry.objects.filter(action="hide", reason="Pile-on").count() == 2

    def test_stale_items_are_skipped_and_reported(self, mod_client, thread):
        _question, answer, comment = thread
        flag(answer, reason="rude")
        flag(comment, reason="rude")
        seen = tokens()
        flag(answer, reason="spam")  # changed since the page was loaded
        response = mod_client.post(BULK, {"action": "dismiss", "items": seen})
        text = follow_messages(mod_client, response)
        assert "Dismissed the flags on 1 item." in text
        assert "Skipped 1 that changed" in text
        assert Flag.objects.filter(answer=answer, status="open").count() == 2

    def test_hiding_without_a_reason_keeps_the_checks(self, mod_client, thread):
        flag(thread[1], reason="rude")
        chosen = tokens()
        response = mod_client.post(BULK, {"action": "hide", "reason": "", "items": chosen})
        assert response.status_code == 400
        assert "Give a reason for hiding them." in response.text
        assert f'value="{chosen[0]}" id="pick-answer-{thread[1].pk}" checked' in response.text
        assert not fresh(thread[1]).is_hidden
        # Every form on the page comes back to the queue, not to the bulk address (GET: 405).
        assert 'name="next" value="/moderation/bulk/"' not in response.text
        assert f'name="next" value="{QUEUE}"' in response.text

    @pytest.mark.parametrize(
        "data",
        [
            {"action": "dismiss"},
            {"action": "explode", "items": ["answer:1:0:1"]},
            {"action": "dismiss", "items": ["answer:1:0:1", "not-a-token"]},
            {"action": "dismiss", "items": [f"answer:{n}:0:{n}" for n in range(1, 102)]},
            {"action": "hide", "reason": "r" * 301, "items": ["answer:1:0:1"]},
        ],
    )
    def test_hostile_input_is_a_400_and_changes_nothing(self, mod_client, thread, data):
        flag(thread[1], reason="rude")
        assert mod_client.post(BULK, data).status_code == 400
        assert Flag.objects.filter(status="open").count() == 1
        assert not AuditEntry.objects.exists()

    def test_next_outside_moderation_is_ignored(self, mod_client, thread):
        flag(thread[1], reason="rude")
        response = mod_client.post(
            BULK, {"action": "dismiss", "items": tokens(), "next": "https://evil.example/"}
        )
        assert response["Location"] == QUEUE

    @pytest.mark.parametrize(
        ("role", "expected"),
        [("anonymous", 302), ("user", 403), ("author", 403), ("other", 403),
         ("close-vote holder", 403), ("moderator", 302), ("suspended moderator", 403)],
    )  # fmt: skip
    def test_permission_matrix(self, role, expected):
        answer = AnswerFactory()
        flag(answer, reason="rude")
        people = {
            "user": UserFactory,
            "author": lambda: answer.author,
            "other": lambda: answer.question.author,
            "close-vote holder": lambda: UserFactory(reputation=5000),
            "moderator": moderator,
            "suspended moderator": moderator,
        }
        browser = Client()
        if role != "anonymous":
            person = people[role]()
            if role == "suspended moderator":
                user_suspend(moderator=superuser(), user=person, days=1, reason="x")
            browser.force_login(person)
        response = browser.post(BULK, {"action": "dismiss", "items": tokens()})
        assert response.status_code == expected
        assert Flag.objects.filter(status="dismissed").exists() == (role == "moderator")

    def test_queue_queries_stay_flat_with_filters(self, mod_client, django_assert_max_num_queries):
        for _ in range(3):
            flag(AnswerFactory(), reason="rude")
            flag(CommentFactory(post=QuestionFactory()), reason="spam")
        with django_assert_max_num_queries(5) as few:
            assert mod_client.get(QUEUE, {"kind": "answer", "reason": "rude"}).status_code == 200
        for _ in range(10):
            flag(AnswerFactory(), reason="rude")
            flag(CommentFactory(post=QuestionFactory()), reason="spam")
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert mod_client.get(QUEUE, {"kind": "answer", "reason": "rude"}).status_code == 200
