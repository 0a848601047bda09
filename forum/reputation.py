"""Reputation rules, in one place: the live updates and the recount both read them.

Anonymous posts earn and lose nothing: a jump in someone's reputation right after votes on an
anonymous post would point at its author.
"""

from django.db.models import Case, F, IntegerField, Sum, Value, When

from forum.models import Answer, Vote

UPVOTE = {"question": 5, "answer": 10}
DOWNVOTE = -2
ACCEPTED = 15


def for_vote(kind: str, value: int) -> int:
    """What one vote of `value` (+1, -1, or 0 for none) on a post of `kind` is worth."""
    if value > 0:
        return UPVOTE[kind]
    return DOWNVOTE if value < 0 else 0


def counts_for_reputation(post) -> bool:
    return not post.is_anonymous


def accept_counts(answer: Answer) -> bool:
    """Accepting your own answer earns nothing."""
    return counts_for_reputation(answer) and answer.author_id != answer.question.author_id


def recount() -> dict[int, int]:
    """Every person's reputation from scratch, as {user_id: points} for people with any."""
    totals: dict[int, int] = {}

    def add(rows):
        for user_id, points in rows:
            totals[user_id] = totals.get(user_id, 0) + (points or 0)

    for kind in ("question", "answer"):
        points = Case(
            When(value__gt=0, then=Value(UPVOTE[kind])),
            When(value__lt=0, then=Value(DOWNVOTE)),
            default=Value(0),  # a retracted vote
            output_field=IntegerField(),
        )
        author = f"{kind}__author_id"
        add(
            Vote.objects.filter(**{f"{kind}__isnull": False, f"{kind}__is_anonymous": False})
            .values_list(author)
            .annotate(points=Sum(points))
            .values_list(author, "points")
        )
    add(
        Answer.objects.filter(is_accepted=True, is_anonymous=False)
        .exclude(author_id=F("question__author_id"))
        .values_list("author_id")
        .annotate(points=Sum(Value(ACCEPTED)))
        .values_list("author_id", "points")
    )
    return totals
