"""Nobody who voted or posted can be deleted in the admin (accounts/admin.py)."""

import pytest
from django.urls import reverse

from forum.models import Answer, Vote
from forum.services.votes import vote_cast
from tests.factories import (
    AnswerFactory,
    CommentFactory,
    QuestionFactory,
    UserFactory,
)
from tests.moderation.factories import fresh

pytestmark = pytest.mark.usefixtures("ladder")


@pytest.fixture
def thread():
    question = QuestionFactory(title="How do I recover from a bad quarter review?")
    answer = AnswerFactory(question=question, body="Write down three outcomes and agree on them.")
    comment = CommentFactory(post=answer, body="Which outcomes did your manager agree to?")
    return question, answer, comment


class TestNothingIsHardDeleted:
    def test_a_voter_cannot_be_deleted_in_the_admin(self, client):
        """Vote.user cascades, so the admin must refuse: the vote admin allows no deletes."""
        answer = AnswerFactory()
        voter = UserFactory()
        vote_cast(user=voter, post=answer, value=1)
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = client.post(
            reverse("admin:accounts_user_delete", args=[voter.pk]), {"post": "yes"}
        )
        assert response.status_code == 403
        assert Vote.objects.filter(answer=answer, user=voter).count() == 1
        assert fresh(answer).score == 1

    def test_people_with_posts_cannot_be_deleted_in_the_admin(self, client, thread):
        _, answer, _ = thread
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
        response = client.post(
            reverse("admin:accounts_user_delete", args=[answer.author.pk]), {"post": "yes"}
        )
        assert response.status_code == 200  # the "cannot delete: protected" page
        assert Answer.objects.filter(pk=answer.pk).exists()
