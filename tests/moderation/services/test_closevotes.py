"""Members' votes to close and reopen (moderation/services/closevotes.py)."""

import pytest
from django.db import IntegrityError, transaction

from core.rules import ActionNotAllowed
from forum.identity import actor_name
from forum.models import Notification
from moderation.models import VOTES_TO_CLOSE, AuditEntry, CloseVote
from moderation.services.closevotes import (
    AlreadyVoted,
    close_vote_cast,
    close_vote_retract,
    reopen_vote_cast,
)
from moderation.services.questions import question_close, question_lock, question_reopen
from moderation.services.visibility import contribution_hide
from tests.factories import QuestionFactory, UserFactory
from tests.moderation.factories import fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


def voters(n: int = VOTES_TO_CLOSE):
    return [UserFactory(reputation=500, username=f"voter{i}") for i in range(n)]


def test_three_votes_close_with_the_most_given_reason_credited_in_the_log():
    question = QuestionFactory()
    first, second, third = voters()
    assert close_vote_cast(voter=first, question=question, reason="off-topic").votes == 1
    assert not fresh(question).is_closed
    close_vote_cast(voter=second, question=question, reason="opinion-based")
    tally = close_vote_cast(voter=third, question=question, reason="opinion-based")
    assert tally.done
    question = fresh(question)
    assert question.close_reason == "opinion-based"
    assert question.closed_by is None
    assert "3 votes from members" in question.close_note
    entry = AuditEntry.objects.get(action="close")
    assert entry.actor == third
    assert entry.details["by_votes"] == ["voter0", "voter1", "voter2"]
    assert not CloseVote.objects.filter(settled_at__isnull=True).exists()


def test_a_duplicate_closes_on_the_original_most_voters_picked():
    question, original, other = QuestionFactory(), QuestionFactory(), QuestionFactory()
    a, b, c = voters()
    close_vote_cast(voter=a, question=question, reason="duplicate", duplicate_of=other)
    close_vote_cast(voter=b, question=question, reason="duplicate", duplicate_of=original)
    close_vote_cast(voter=c, question=question, reason="duplicate", duplicate_of=original)
    assert fresh(question).duplicate_of == original


def test_one_live_vote_per_person_and_round_is_a_database_rule():
    question = QuestionFactory()
    voter = voters(1)[0]
    close_vote_cast(voter=voter, question=question, reason="off-topic")
    with pytest.raises(AlreadyVoted):
        close_vote_cast(voter=voter, question=question, reason="needs-details")
    with pytest.raises(IntegrityError), transaction.atomic():
        CloseVote.objects.create(question=question, voter=voter, kind="close", reason="off-topic")
    assert CloseVote.objects.count() == 1


def test_a_retracted_vote_no_longer_counts_and_may_be_cast_again():
    question = QuestionFactory()
    a, b, c = voters()
    close_vote_cast(voter=a, question=question, reason="off-topic")
    close_vote_cast(voter=b, question=question, reason="off-topic")
    assert close_vote_retract(voter=b, question=question) == 1
    assert close_vote_cast(voter=c, question=question, reason="off-topic").votes == 2
    assert not fresh(question).is_closed
    assert close_vote_cast(voter=b, question=question, reason="off-topic").done
    assert CloseVote.objects.filter(retracted_at__isnull=False).count() == 1  # kept


def test_reopen_votes_reopen_and_a_new_round_starts():
    question = QuestionFactory()
    people = voters()
    for person in people:
        close_vote_cast(voter=person, question=question, reason="off-topic")
    for person in people:
        reopen_vote_cast(voter=person, question=fresh(question))
    question = fresh(question)
    assert not question.is_closed
    assert AuditEntry.objects.get(action="reopen").details["by_votes"] == [
        p.username for p in people
    ]
    # A new round: the same people may vote to close again.
    assert close_vote_cast(voter=people[0], question=question, reason="off-topic").votes == 1


def test_a_moderators_close_is_immediate_and_settles_the_votes():
    question = QuestionFactory()
    close_vote_cast(voter=voters(1)[0], question=question, reason="off-topic")
    question_close(moderator=moderator(), question=question, reason="needs-details")
    assert fresh(question).close_reason == "needs-details"
    assert not CloseVote.objects.filter(settled_at__isnull=True).exists()
    question_reopen(moderator=moderator(), question=fresh(question))
    assert not fresh(question).is_closed


@pytest.mark.parametrize(
    "who", ["newcomer", "moderator", "closed question", "hidden question", "locked question"]
)
def test_who_may_not_vote(who):
    question = QuestionFactory()
    voter = UserFactory(reputation=500)
    if who == "newcomer":
        voter = UserFactory(reputation=10)
    elif who == "moderator":
        voter = moderator()
    elif who == "closed question":
        question_close(moderator=moderator(), question=question, reason="off-topic")
    elif who == "hidden question":
        contribution_hide(moderator=moderator(), contribution=question, reason="Spam")
    else:
        question_lock(moderator=moderator(), question=question, reason="Heated")
    with pytest.raises(ActionNotAllowed):
        close_vote_cast(voter=voter, question=fresh(question), reason="off-topic")
    assert not CloseVote.objects.exists()


def test_a_bad_reason_or_original_is_refused():
    question, hidden = QuestionFactory(), QuestionFactory()
    contribution_hide(moderator=moderator(), contribution=hidden, reason="Spam")
    voter = voters(1)[0]
    with pytest.raises(ValueError, match="Choose a reason"):
        close_vote_cast(voter=voter, question=question, reason="boring")
    with pytest.raises(ValueError, match="visible question"):
        close_vote_cast(voter=voter, question=question, reason="duplicate", duplicate_of=hidden)
    with pytest.raises(ValueError, match="visible question"):
        close_vote_cast(voter=voter, question=question, reason="duplicate", duplicate_of=question)
    assert not CloseVote.objects.exists()


def test_the_asker_is_told_when_members_votes_close_and_reopen_their_question():
    question = QuestionFactory()
    original = QuestionFactory()
    members = voters()
    for voter in members:
        close_vote_cast(voter=voter, question=question, reason="duplicate", duplicate_of=original)
    closed = Notification.objects.get(recipient=question.author)
    assert (closed.kind, closed.original, closed.by_members) == ("duplicate", original, True)
    assert actor_name(closed) == "Members' votes"
    assert "3 votes from members" in closed.message
    for voter in members:
        reopen_vote_cast(voter=voter, question=fresh(question))
    reopened = Notification.objects.filter(recipient=question.author).first()
    assert (reopened.kind, reopened.by_members) == ("reopened", True)
    assert actor_name(reopened) == "Members' votes"


def test_a_moderators_close_is_signed_by_the_moderators():
    question = QuestionFactory()
    question_close(moderator=moderator(), question=question, reason="off-topic")
    told = Notification.objects.get(recipient=question.author)
    assert (told.kind, told.by_members) == ("closed", False)
    assert actor_name(told) == "A moderator"
