"""Following and no longer following (forum/services/follows.py), and the database rules
under them (forum/models/follows.py)."""

import pytest
from django.db import IntegrityError, transaction
from taggit.models import Tag

from core.rules import ActionNotAllowed
from forum.models import Follow
from forum.services.follows import follow_create, follow_delete, follow_toggle
from forum.services.visibility import visibility_set
from tests.factories import AnswerFactory, QuestionFactory, UserFactory
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def follows_of(person) -> list[tuple]:
    return list(
        Follow.objects.filter(follower=person)
        .order_by("pk")
        .values_list("question_id", "tag__slug", "level__slug")
    )


class TestFollowing:
    def test_a_question_a_tag_and_a_level(self, ladder):
        person, question = UserFactory(), QuestionFactory()
        tag = Tag.objects.get(slug="promotion")
        for target in (question, tag, ladder["senior"]):
            follow_create(follower=person, target=target)
        assert follows_of(person) == [
            (question.pk, None, None),
            (None, "promotion", None),
            (None, None, "senior"),
        ]

    def test_following_twice_is_one_follow(self):
        person, question = UserFactory(), QuestionFactory()
        first = follow_create(follower=person, target=question)
        assert follow_create(follower=person, target=question) == first
        assert Follow.objects.filter(follower=person).count() == 1

    def test_toggle_follows_then_stops(self, ladder):
        person = UserFactory()
        assert follow_toggle(follower=person, target=ladder["junior"]) is True
        assert follow_toggle(follower=person, target=ladder["junior"]) is False
        assert follows_of(person) == []

    def test_stopping_what_one_does_not_follow_changes_nothing(self):
        assert follow_delete(follower=UserFactory(), target=QuestionFactory()) is False

    def test_anonymous_people_cannot_follow(self):
        from django.contrib.auth.models import AnonymousUser

        with pytest.raises(ActionNotAllowed):
            follow_create(follower=AnonymousUser(), target=QuestionFactory())

    def test_a_hidden_question_cannot_be_followed_but_can_be_let_go(self):
        person, question = UserFactory(), QuestionFactory()
        follow_create(follower=person, target=question)
        visibility_set(contribution=question, hidden=True, by=None, reason="spam")
        question.refresh_from_db()
        with pytest.raises(ActionNotAllowed):
            follow_create(follower=UserFactory(), target=question)
        assert follow_delete(follower=person, target=question) is True
        follow_create(follower=moderator(), target=question)  # moderators see it

    def test_a_suspended_person_may_still_follow(self):
        from datetime import timedelta

        from django.utils import timezone

        person = UserFactory(suspended_until=timezone.now() + timedelta(days=2))
        assert follow_toggle(follower=person, target=QuestionFactory()) is True


class TestAutomaticFollows:
    def test_askers_and_answerers_follow_their_question(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        assert follows_of(question.author) == [(question.pk, None, None)]
        assert follows_of(answer.author) == [(question.pk, None, None)]

    def test_answering_again_keeps_one_follow(self):
        question, person = QuestionFactory(), UserFactory()
        AnswerFactory(question=question, author=person)
        AnswerFactory(question=question, author=person)
        assert follows_of(person) == [(question.pk, None, None)]


class TestTheDatabaseSays:
    def test_one_follow_per_person_and_target(self):
        person, question = UserFactory(), QuestionFactory()
        Follow.objects.create(follower=person, question=question)
        with pytest.raises(IntegrityError), transaction.atomic():
            Follow.objects.create(follower=person, question=question)

    @pytest.mark.parametrize("targets", ["none", "two"])
    def test_exactly_one_target(self, ladder, targets):
        person = UserFactory()
        link = {} if targets == "none" else {"question": QuestionFactory(), "level": ladder["mid"]}
        with pytest.raises(IntegrityError), transaction.atomic():
            Follow.objects.create(follower=person, **link)
