"""Voting on questions and answers. Votes are never deleted: retracting sets the value to 0."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from core.rules import require
from forum import freshness, reputation
from forum.models import Answer, Question, Vote, post_link, thread_of
from forum.rules import can_downvote, can_vote
from forum.services import badges


@dataclass(frozen=True)
class VoteOutcome:
    score: int
    value: int  # the person's vote now: 1, -1, or 0 for none


@transaction.atomic
def vote_cast(*, user: User, post: Question | Answer, value: int) -> VoteOutcome:
    """Upvote or downvote. The same vote again retracts it; the other one switches it."""
    if value not in (Vote.Value.UP, Vote.Value.DOWN):
        raise ValueError("A vote is +1 or -1.")
    require(can_vote, user, post)
    link = post_link(post)
    vote, created = _vote_row(user, link, value)
    old = 0 if created else vote.value
    new = value if created or vote.value != value else Vote.Value.NONE
    if new == Vote.Value.DOWN:  # taking a downvote back needs no privilege; casting one does
        require(can_downvote, user, post)  # (refused: the transaction drops the new row)
    if not created:
        Vote.objects.filter(pk=vote.pk).update(value=new, updated_at=timezone.now())
    model = type(post)
    model.objects.filter(pk=post.pk).update(score=F("score") + (new - old))
    reputation.vote_changed(post, old=old, new=new)
    score = model.objects.values_list("score", flat=True).get(pk=post.pk)
    if new > old and not post.is_anonymous:  # a score only earns badges on its way up
        badges.badges_check(user_id=post.author_id, badges=badges.on_vote(post.kind, score))
    # A question's score shows in lists; an answer's only on its page.
    freshness.thread_changed(thread_of(post).pk, lists=post.kind == "question")
    return VoteOutcome(score=score, value=int(new))


def _vote_row(user: User, link: dict, value: int) -> tuple[Vote, bool]:
    """The person's vote row, locked; created with `value` if they never voted here."""
    vote = Vote.objects.select_for_update().filter(user=user, **link).first()
    if vote is not None:
        return vote, False
    try:
        with transaction.atomic():
            return Vote.objects.create(user=user, value=value, **link), True
    except IntegrityError:  # a concurrent first vote won the race; treat ours as a second click
        return Vote.objects.select_for_update().get(user=user, **link), False
