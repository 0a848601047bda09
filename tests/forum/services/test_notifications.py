"""Notifications for followers, and what moderators' notices look like
(forum/services/notifications.py)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.identity import actor_name
from forum.models import Follow, Notification
from forum.services.follows import follow_create, follow_delete
from forum.services.notifications import notify_followers, notify_moderated
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def kinds_for(person) -> list[str]:
    return list(
        Notification.objects.filter(recipient=person).order_by("pk").values_list("kind", flat=True)
    )


class TestNewAnswersOnFollowedQuestions:
    def test_followers_and_earlier_answerers_hear_the_asker_hears_once(self):
        question = QuestionFactory()
        first = AnswerFactory(question=question)
        follower = UserFactory()
        follow_create(follower=follower, target=question)
        second = AnswerFactory(question=question)
        assert kinds_for(question.author) == ["answer", "answer"]
        assert kinds_for(first.author) == ["followed-answer"]  # of the second answer only
        assert kinds_for(follower) == ["followed-answer"]
        assert kinds_for(second.author) == []  # never the actor

    def test_nobody_hears_after_unfollowing(self):
        question = QuestionFactory()
        follower = UserFactory()
        follow_create(follower=follower, target=question)
        follow_delete(follower=follower, target=question)
        AnswerFactory(question=question)
        assert kinds_for(follower) == []

    def test_an_anonymous_answer_names_nobody(self):
        question = QuestionFactory()
        follower = UserFactory()
        follow_create(follower=follower, target=question)
        secret = UserFactory(display_name="Quentin Secret", band="senior")
        AnswerFactory(question=question, author=secret, is_anonymous=True)
        notification = Notification.objects.get(recipient=follower)
        assert (notification.actor, notification.actor_band) == (None, "senior")
        assert actor_name(notification) == "Anonymous · senior"

    def test_closed_accounts_hear_nothing(self):
        question = QuestionFactory()
        gone = UserFactory(is_active=False)
        Notification.objects.all().delete()
        Follow.objects.create(follower=gone, question=question)
        AnswerFactory(question=question)
        assert kinds_for(gone) == []

    def test_followers_get_an_email_each_when_they_chose_it(
        self, django_capture_on_commit_callbacks
    ):
        question = QuestionFactory()
        at_once, digest = UserFactory(), UserFactory(email_frequency="daily")
        for person in (at_once, digest):
            follow_create(follower=person, target=question)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            answer = AnswerFactory(question=question)
        to = sorted(m.to[0] for m in mail.outbox)
        assert to == sorted([question.author.email, at_once.email])
        message = next(m for m in mail.outbox if m.to == [at_once.email])
        assert message.subject == (
            f"[Rungs] {answer.author.public_name} answered a question you follow: {question.title}"
        )

    def test_telling_followers_costs_the_same_queries_for_two_or_twenty(self):
        def queries_for(followers: int) -> int:
            question = QuestionFactory()
            for person in UserFactory.create_batch(followers):
                follow_create(follower=person, target=question)
            answer = AnswerFactory(question=question)
            Notification.objects.filter(answer=answer).delete()
            with CaptureQueriesContext(connection) as captured:
                told = notify_followers(answer=answer)
            assert len(told) == followers
            assert all(n.pk for n in told)  # stored, with their ids for the e-mail task
            return len(captured)

        assert queries_for(2) == queries_for(20)


class TestModeratorsNotices:
    def test_the_moderator_is_never_told_of_their_own_act(self):
        question = QuestionFactory()
        assert (
            notify_moderated(
                recipient=question.author,
                kind=Notification.Kind.FEATURED,
                contribution=question,
                moderator=question.author,
            )
            is None
        )

    def test_signed_by_the_team(self):
        question = QuestionFactory()
        notification = notify_moderated(
            recipient=question.author,
            kind=Notification.Kind.FEATURED,
            contribution=question,
            moderator=UserFactory(),
        )
        assert notification.actor is None
        assert actor_name(notification) == "A moderator"
        assert notification.verb == "featured your question"
