"""Awarding badges (the rules are in forum/badges.py). Called inside the transaction of what
happened (a vote, an accept, an answer, a curation), for the one person it may have earned a
badge; and by `manage.py award_badges` for everyone."""

from collections.abc import Iterable

from django.db import transaction

from forum.badges import GOOD_ANSWER_SCORE, GOOD_QUESTION_SCORE, NEXT_LEVEL_SCORE, RULES
from forum.models import Badge, BadgeAward

# Which badges each kind of event can earn, so an event only asks the rules it can change.
ON_ACCEPT = (Badge.ACCEPTED_ANSWER, Badge.NEXT_LEVEL)
ON_ANSWER = (Badge.TEN_ANSWERS,)
ON_CURATION = (Badge.CURATED_ANSWER,)


# A vote can earn a badge only by taking its post to one of these scores; below them (most
# votes) there is nothing to ask, not even which badges the author holds.
_BY_SCORE = {
    "question": ((GOOD_QUESTION_SCORE, Badge.GOOD_QUESTION),),
    "answer": ((GOOD_ANSWER_SCORE, Badge.GOOD_ANSWER), (NEXT_LEVEL_SCORE, Badge.NEXT_LEVEL)),
}


def on_vote(kind: str, score: int) -> tuple[Badge, ...]:
    """The badges an upvote that left a post of `kind` at `score` may have earned."""
    return tuple(badge for threshold, badge in _BY_SCORE[kind] if score >= threshold)


def _award(badges: Iterable[Badge], users: Iterable[int] | None) -> None:
    awards = [
        BadgeAward(
            user_id=user_id,
            badge=badge,
            question_id=pk if kind == "question" else None,
            answer_id=pk if kind == "answer" else None,
        )
        for badge in badges
        for user_id, kind, pk in RULES[badge].earned(users)
    ]
    # Held badges stay as they were (their first post, their date): conflicts are skipped.
    BadgeAward.objects.bulk_create(awards, ignore_conflicts=True)


def badges_check(*, user_id: int | None, badges: Iterable[Badge]) -> None:
    """Award `user_id` whichever of `badges` they have now earned and do not hold yet. One
    query when they hold them all already, none for no badges. Runs inside the caller's
    transaction (a read, then one INSERT that skips conflicts): no savepoint of its own."""
    badges = tuple(badges)
    if user_id is None or not badges:
        return
    held = set(BadgeAward.objects.filter(user_id=user_id).values_list("badge", flat=True))
    missing = [badge for badge in badges if badge not in held]
    if missing:
        _award(missing, [user_id])


@transaction.atomic
def badges_backfill() -> int:
    """Award every badge to everyone who has earned it; returns how many awards were new.
    Idempotent."""
    before = BadgeAward.objects.count()
    _award(list(Badge), None)
    return BadgeAward.objects.count() - before
