"""Voting (forum/services/votes.py)."""

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.privileges import REPUTATION, Privilege
from core.rules import ActionNotAllowed
from forum import reputation
from forum.models import Answer, Vote
from forum.services.answers import answer_accept
from forum.services.votes import vote_cast
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, holder
from tests.moderation.factories import moderator

pytestmark = pytest.mark.usefixtures("ladder")


def fresh(obj):
    obj.refresh_from_db()
    return obj


class TestVotes:
    def test_same_vote_again_retracts_and_the_other_switches(self):
        answer, voter = AnswerFactory(), holder(Privilege.DOWNVOTE)
        author = answer.author
        outcomes = [vote_cast(user=voter, post=answer, value=value) for value in (1, 1, -1, 1)]
        assert [(o.score, o.value) for o in outcomes] == [(1, 1), (0, 0), (-1, -1), (1, 1)]
        assert Vote.objects.filter(user=voter, answer=answer).count() == 1  # never deleted
        assert fresh(author).reputation == reputation.UPVOTE["answer"]

    def test_reputation_follows_the_rules(self):
        question = QuestionFactory()
        answer = AnswerFactory(question=question)
        up, down = UserFactory(), holder(Privilege.DOWNVOTE)
        vote_cast(user=up, post=question, value=1)
        vote_cast(user=down, post=question, value=-1)
        vote_cast(user=up, post=answer, value=1)
        vote_cast(user=down, post=answer, value=-1)
        assert fresh(question.author).reputation == 5 - 2
        assert fresh(answer.author).reputation == 10 - 2
        answer_accept(user=question.author, answer=answer)
        assert fresh(answer.author).reputation == 10 - 2 + 15

    def test_no_voting_on_your_own_post(self):
        answer = AnswerFactory()
        with pytest.raises(ActionNotAllowed):
            vote_cast(user=answer.author, post=answer, value=1)
        assert fresh(answer).score == 0

    def test_no_voting_on_hidden_posts(self):
        answer = AnswerFactory()
        Answer.objects.filter(pk=answer.pk).update(is_hidden=True)
        with pytest.raises(ActionNotAllowed):
            vote_cast(user=UserFactory(), post=fresh(answer), value=1)

    def test_only_plus_or_minus_one(self):
        with pytest.raises(ValueError, match="A vote"):
            vote_cast(user=UserFactory(), post=AnswerFactory(), value=5)

    def test_anonymous_posts_earn_no_reputation(self):
        answer = AnswerFactory(is_anonymous=True)
        vote_cast(user=UserFactory(), post=answer, value=1)
        assert fresh(answer).score == 1
        assert fresh(answer.author).reputation == 0

    def test_the_database_holds_one_vote_per_person_and_post(self):
        answer, voter = AnswerFactory(), UserFactory()
        vote_cast(user=voter, post=answer, value=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(user=voter, answer=answer, value=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(user=voter, answer=answer, question=answer.question, value=1)


class TestDownvotePrivilege:
    """Voting down needs Privilege.DOWNVOTE (accounts/privileges.py); upvoting does not."""

    def test_below_the_threshold_the_downvote_is_refused_and_nothing_changes(self):
        answer = AnswerFactory()
        voter = UserFactory(reputation=REPUTATION[Privilege.DOWNVOTE] - 1)
        with pytest.raises(ActionNotAllowed, match="Voting down needs 50 reputation"):
            vote_cast(user=voter, post=answer, value=-1)
        assert fresh(answer).score == 0
        assert not Vote.objects.exists()
        assert vote_cast(user=voter, post=answer, value=1).value == 1  # upvoting is free

    def test_from_the_threshold_on_it_counts(self):
        answer = AnswerFactory()
        assert vote_cast(user=holder(Privilege.DOWNVOTE), post=answer, value=-1).score == -1

    def test_moderators_downvote_with_no_reputation(self):
        answer = AnswerFactory()
        assert vote_cast(user=moderator(), post=answer, value=-1).score == -1

    def test_a_downvote_can_be_taken_back_after_the_reputation_is_gone(self):
        answer, voter = AnswerFactory(), holder(Privilege.DOWNVOTE)
        vote_cast(user=voter, post=answer, value=-1)
        User.objects.filter(pk=voter.pk).update(reputation=0)
        assert vote_cast(user=fresh(voter), post=answer, value=-1).value == 0
        assert fresh(answer).score == 0
        with pytest.raises(ActionNotAllowed):  # but not cast again
            vote_cast(user=fresh(voter), post=answer, value=-1)
