"""The header's unread count and notifications menu (forum/context_processors.py and
forum.selectors.notifications.notification_menu)."""

import pytest
from django.urls import reverse

from forum.models import Notification
from forum.selectors.notifications import RECENT_SHOWN, notification_menu
from forum.services.notifications import notifications_mark_read
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def header(client) -> str:
    return client.get(reverse("forum:questions")).text.split("<main", 1)[0]


def test_the_menu_lists_the_latest_and_links_to_all(client):
    question = QuestionFactory(title="How do I ask for a raise?")
    answers = [AnswerFactory(question=question) for _ in range(RECENT_SHOWN + 2)]
    client.force_login(question.author)
    top = header(client)
    assert '<details class="notif-menu" data-notif-menu>' in top
    assert f'>{RECENT_SHOWN + 2}<span class="visually-hidden"> unread</span>' in top
    assert top.count('class="notif-menu__item notif-menu__item--unread"') == RECENT_SHOWN
    assert f"#answer-{answers[-1].pk}" in top  # the latest first
    assert f"#answer-{answers[0].pk}" not in top
    assert f'href="{reverse("forum:notifications")}">All notifications</a>' in top


def test_reading_clears_the_count_and_the_marks(client):
    question = QuestionFactory()
    AnswerFactory(question=question)
    client.force_login(question.author)
    assert "notif-menu__item--unread" in header(client)
    notifications_mark_read(recipient=question.author)
    top = header(client)
    assert "notif-menu__item--unread" not in top
    assert "unread</span>" not in top


def test_nothing_yet(client):
    client.force_login(UserFactory())
    assert "Nothing yet." in header(client)


def test_visitors_have_no_menu(client):
    assert "notif-menu" not in header(client)


def test_one_query_when_missing_none_when_kept(django_assert_num_queries):
    question = QuestionFactory()
    AnswerFactory(question=question)
    with django_assert_num_queries(1):
        count, recent = notification_menu(recipient=question.author)
    assert (count, len(recent)) == (1, 1)
    with django_assert_num_queries(0):
        assert notification_menu(recipient=question.author)[0] == 1


def test_a_new_notification_refreshes_the_menu():
    question = QuestionFactory()
    assert notification_menu(recipient=question.author) == (0, [])
    answer = AnswerFactory(question=question)
    count, recent = notification_menu(recipient=question.author)
    assert count == 1
    assert recent[0].url.endswith(f"#answer-{answer.pk}")
    assert Notification.objects.count() == 1


def test_the_menu_names_no_anonymous_actor(client):
    question = QuestionFactory()
    AnswerFactory(
        question=question, author=UserFactory(display_name="Quentin Secret"), is_anonymous=True
    )
    client.force_login(question.author)
    top = header(client)
    assert "Quentin Secret" not in top
    assert "Anonymous · mid-level answered your question" in top
