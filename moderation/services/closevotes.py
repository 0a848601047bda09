"""Members' votes to close and reopen questions (accounts.privileges.Privilege.CLOSE_VOTE).

VOTES_TO_CLOSE live votes close a question (or reopen a closed one) through the same close and
reopen as moderators' (moderation.services.questions), logged with every voter's name. The
reason is the one most voters gave (the earliest vote breaks a tie); for a duplicate, the
original most of them picked. Each vote stays live until its round ends, so one person votes
once per question and round (a partial unique constraint), and may take the vote back until
then."""

from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from core.rules import ActionNotAllowed, require
from forum.models import Question
from moderation.models import VOTES_TO_CLOSE, CloseVote
from moderation.rules import can_retract_close_vote, can_vote_to_close, can_vote_to_reopen
from moderation.services.questions import check_close, close, reopen


class AlreadyVoted(ActionNotAllowed):
    pass


@dataclass(frozen=True)
class Tally:
    votes: int  # live votes of this kind after the vote
    done: bool  # the votes closed (or reopened) the question


def live_votes(question: Question, kind: str) -> QuerySet[CloseVote]:
    return CloseVote.objects.live().filter(question=question, kind=kind)


def _lock(question: Question) -> Question:
    """The question's row, locked until the transaction ends: votes on it take turns, so the
    third vote is counted once."""
    return Question.objects.select_for_update().get(pk=question.pk)


def _cast(*, voter: User, question: Question, **vote) -> None:
    try:
        with transaction.atomic():
            CloseVote.objects.create(question=question, voter=voter, **vote)
    except IntegrityError:
        raise AlreadyVoted("You have already voted on this question.") from None


def _credit(votes: list[CloseVote]) -> dict:
    return {"by_votes": [vote.voter.username for vote in votes]}


@transaction.atomic
def close_vote_cast(
    *, voter: User, question: Question, reason: str, duplicate_of: Question | None = None
) -> Tally:
    question = _lock(question)
    require(can_vote_to_close, voter, question)
    check_close(question=question, reason=reason, duplicate_of=duplicate_of)
    if reason != Question.CloseReason.DUPLICATE:
        duplicate_of = None
    vote = {"reason": reason, "duplicate_of": duplicate_of}
    _cast(voter=voter, question=question, kind=CloseVote.Kind.CLOSE, **vote)
    votes = list(live_votes(question, CloseVote.Kind.CLOSE).select_related("voter"))
    if len(votes) < VOTES_TO_CLOSE:
        return Tally(len(votes), done=False)
    # The most given reason; a tie goes to the one given first (most_common keeps that order).
    reason = Counter(vote.reason for vote in votes).most_common(1)[0][0]
    original = None
    if reason == Question.CloseReason.DUPLICATE:
        picked = Counter(vote.duplicate_of_id for vote in votes if vote.duplicate_of_id)
        candidates = Question.objects.visible().in_bulk(list(picked))
        for pk, _ in picked.most_common():
            if pk in candidates and pk != question.pk:
                original = candidates[pk]
                break
        if original is None:  # every original picked was hidden meanwhile
            return Tally(len(votes), done=False)
    close(
        actor=voter,
        question=question,
        reason=reason,
        note=f"Closed by {len(votes)} votes from members.",
        duplicate_of=original,
        closed_by=None,
        details=_credit(votes),
    )
    return Tally(len(votes), done=True)


@transaction.atomic
def reopen_vote_cast(*, voter: User, question: Question) -> Tally:
    question = _lock(question)
    require(can_vote_to_reopen, voter, question)
    _cast(voter=voter, question=question, kind=CloseVote.Kind.REOPEN)
    votes = list(live_votes(question, CloseVote.Kind.REOPEN).select_related("voter"))
    if len(votes) < VOTES_TO_CLOSE:
        return Tally(len(votes), done=False)
    reopen(
        actor=voter,
        question=question,
        reason=f"Reopened by {len(votes)} votes from members.",
        details=_credit(votes),
        by_members=True,
    )
    return Tally(len(votes), done=True)


@transaction.atomic
def close_vote_retract(*, voter: User, question: Question) -> int:
    """Take back one's live vote (to close or to reopen) on a question; how many were."""
    require(can_retract_close_vote, voter)
    live = CloseVote.objects.live().filter(question=question, voter=voter)
    return live.update(retracted_at=timezone.now())
