"""Badges, defined once: what each one is for, as people read it on /badges/ and in
docs/forum.md, and the query that finds who has earned it. The live awards (forum.services.
badges, called where votes, accepts, answers and curation happen) and the backfill
(`manage.py award_badges`) both ask these queries, so they cannot disagree.

Shared by every rule:
- Only signed posts earn badges: a badge on a profile, pointing at an anonymous post (or
  awarded the moment one was voted up), would name its author.
- Only visible posts earn them (hidden ones take no votes, accepts or curation anyway).
- An accept earns a badge on the terms it earns reputation (forum.reputation.accept_earns):
  not for accepting your own answer.
- A badge once awarded is kept, as on Stack Exchange: a vote taken back later or an answer
  hidden later does not take it away.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.bands import Band
from forum import reputation
from forum.models import Answer, Badge, Question

GOOD_QUESTION_SCORE = 5
GOOD_ANSWER_SCORE = 5
NEXT_LEVEL_SCORE = 3
ANSWERED_QUESTIONS = 10


def above_answerers_band() -> Q:
    """Answers on a question whose level is above the band its author had when answering
    (Answer.author_band). Bands rank junior < mid < senior < staff+; a ladder level ranks as
    the band its slug names (the ladder's levels are junior, mid and senior). An answer whose
    author had no band set is above nothing."""
    order = list(Band.values)
    above = Q(pk__in=[])
    for rank, band in enumerate(order):
        if higher := order[rank + 1 :]:
            above |= Q(author_band=band, question__level__slug__in=higher)
    return above


def _counts() -> Q:
    """Posts that may earn a badge: signed (reputation.earns) and visible."""
    return reputation.earns() & Q(is_hidden=False)


# (user_id, post kind, post id): who has earned a badge, and the post that earned it ("", None
# when no one post did).
Earned = Iterator[tuple[int, str, int | None]]


@dataclass(frozen=True)
class Rule:
    badge: Badge
    description: str  # the exact rule, in words, for /badges/ and docs/forum.md
    earned_by: Callable[[Iterable[int] | None], Earned]  # of these user ids, or anyone

    @property
    def name(self) -> str:
        return self.badge.label

    def earned(self, users: Iterable[int] | None = None) -> Earned:
        return self.earned_by(users)


def first_post(posts: Callable[[], QuerySet]) -> Callable[[Iterable[int] | None], Earned]:
    """A rule met by any one post among `posts()`: each author, with their earliest such post."""

    def earned_by(users: Iterable[int] | None) -> Earned:
        found = posts()
        if users is not None:
            found = found.filter(author_id__in=list(users))
        kind = found.model.kind
        seen: set[int] = set()
        rows = found.order_by("author_id", "created_at", "pk").values_list("author_id", "pk")
        for author_id, pk in rows:
            if author_id not in seen:
                seen.add(author_id)
                yield author_id, kind, pk

    return earned_by


def _answered_ten(users: Iterable[int] | None) -> Earned:
    answers = Answer.objects.filter(_counts())
    if users is not None:
        answers = answers.filter(author_id__in=list(users))
    rows = (
        answers.values("author_id")
        .annotate(questions=Count("question", distinct=True))
        .filter(questions__gte=ANSWERED_QUESTIONS)
        .values_list("author_id", flat=True)
    )
    for author_id in rows:
        yield author_id, "", None


RULES: dict[Badge, Rule] = {
    rule.badge: rule
    for rule in (
        Rule(
            Badge.ACCEPTED_ANSWER,
            "An answer of yours was accepted by the person who asked (accepting your own answer "
            "does not count).",
            first_post(
                lambda: Answer.objects.filter(
                    _counts(), reputation.accept_earns(), is_accepted=True
                )
            ),
        ),
        Rule(
            Badge.NEXT_LEVEL,
            "An answer of yours helped someone a rung above you: it was accepted, or reached a "
            f"score of {NEXT_LEVEL_SCORE}, on a question filed under a ladder level above the "
            "band you had when you answered (a mid-level engineer answering a senior-level "
            "question).",
            first_post(
                lambda: Answer.objects.filter(_counts(), above_answerers_band()).filter(
                    Q(is_accepted=True) & reputation.accept_earns() | Q(score__gte=NEXT_LEVEL_SCORE)
                )
            ),
        ),
        Rule(
            Badge.CURATED_ANSWER,
            "A moderator curated an answer of yours: it shows first on its question, with their "
            "note on why it is worth reading.",
            first_post(lambda: Answer.objects.filter(_counts(), curated_at__isnull=False)),
        ),
        Rule(
            Badge.GOOD_QUESTION,
            f"A question of yours reached a score of {GOOD_QUESTION_SCORE}.",
            first_post(lambda: Question.objects.filter(_counts(), score__gte=GOOD_QUESTION_SCORE)),
        ),
        Rule(
            Badge.GOOD_ANSWER,
            f"An answer of yours reached a score of {GOOD_ANSWER_SCORE}.",
            first_post(lambda: Answer.objects.filter(_counts(), score__gte=GOOD_ANSWER_SCORE)),
        ),
        Rule(
            Badge.TEN_ANSWERS,
            f"You answered {ANSWERED_QUESTIONS} different questions (answers that are still "
            "shown, under your name).",
            _answered_ten,
        ),
    )
}
