"""Recounting reputation (forum/services/reputation.py)."""

import pytest

from accounts.models import User
from forum.services.answers import answer_accept
from forum.services.reputation import reputation_recompute
from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("ladder")


def test_the_recount_matches_the_live_reputation():
    question = QuestionFactory()
    answers = [AnswerFactory(question=question) for _ in range(3)]
    # Staff hold every privilege (voting down too) with no reputation of their own.
    voters = [UserFactory(is_staff=True) for _ in range(4)]
    for i, voter in enumerate(voters):
        vote_cast(user=voter, post=question, value=1 if i % 2 else -1)
        for j, answer in enumerate(answers):
            vote_cast(user=voter, post=answer, value=1 if (i + j) % 3 else -1)
    vote_cast(user=voters[0], post=answers[0], value=1)  # a switch
    vote_cast(user=voters[1], post=question, value=1)  # a retraction
    answer_accept(user=question.author, answer=answers[1])
    live = dict(User.objects.values_list("pk", "reputation"))
    User.objects.update(reputation=999)  # drift
    assert reputation_recompute() == User.objects.count()
    assert dict(User.objects.values_list("pk", "reputation")) == live
