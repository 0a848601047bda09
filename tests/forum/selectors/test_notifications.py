"""Notifications and the unread badge (forum/selectors/notifications.py)."""

import pytest

from forum.models import Notification
from forum.selectors.notifications import UNREAD_SHOWN, notification_unread_count
from tests.factories import QuestionFactory

pytestmark = pytest.mark.usefixtures("ladder")


def test_the_unread_badge_counts_to_a_hundred_at_most(client):
    question = QuestionFactory()
    recipient = question.author
    Notification.objects.bulk_create(
        Notification(recipient=recipient, kind="answer", question=question) for _ in range(120)
    )
    assert notification_unread_count(recipient=recipient) == UNREAD_SHOWN + 1
    client.force_login(recipient)
    assert '<span class="nav-count">99+<' in client.get("/tags/").text
