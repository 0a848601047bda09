"""Reputation, defined once: the live updates (each vote and accept, through forum.services)
and the recount (`manage.py recompute_reputation`) are both built from what is below.

- Points: POINTS per vote value and kind of post, ACCEPTED for an accepted answer. Python reads
  them through for_vote(); SQL through vote_points(), a CASE built from the same table.
- Which posts count: earns() and accept_earns(), Q objects on the post's own table. The live
  update credits a post's author only when its row matches them (one UPDATE … WHERE id IN
  (the post, if it matches)); the recount sums over the rows that match them. So both paths
  ask the database the same question.

The rules: anonymous posts earn and lose nothing (a jump in someone's reputation right after
votes on an anonymous post would point at its author); accepting your own answer earns
nothing. Hiding or restoring a post changes nobody's reputation: what its votes and its accept
earned stays (hidden posts take no new votes or accepts).
"""

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When

from accounts.models import User
from forum import identity
from forum.models import Answer, Question, Vote

UPVOTE = {"question": 5, "answer": 10}
DOWNVOTE = -2
ACCEPTED = 15
# What one vote row is worth to the post's author, by the vote's value (0: retracted).
POINTS = {
    kind: {Vote.Value.UP: up, Vote.Value.DOWN: DOWNVOTE, Vote.Value.NONE: 0}
    for kind, up in UPVOTE.items()
}
POSTS = {"question": Question, "answer": Answer}


def earns() -> Q:
    """Posts whose votes (and accept) earn their author points: signed ones."""
    return identity.named()


def accept_earns() -> Q:
    """Answers whose accept earns their author ACCEPTED: not anonymous, not the asker's own."""
    return earns() & ~Q(author=F("question__author"))


def for_vote(kind: str, value: int) -> int:
    """What one vote of `value` (+1, -1, or 0 for none) on a post of `kind` is worth."""
    return POINTS[kind][value]


def vote_points(kind: str) -> Case:
    """for_vote(kind, value) as SQL, over a vote row's `value`."""
    return Case(
        *(When(value=value, then=Value(points)) for value, points in POINTS[kind].items()),
        default=Value(0),
        output_field=IntegerField(),
    )


# Live updates, inside the service's transaction ----------------------------------------------


def _credit(posts: QuerySet, points: int) -> None:
    """Add `points` to the author of the post in `posts`, if it is still there."""
    if points:
        User.objects.filter(pk__in=posts.values("author")).update(
            reputation=F("reputation") + points
        )


def vote_changed(post: Question | Answer, *, old: int, new: int) -> None:
    """Someone's vote on `post` went from `old` to `new` (each +1, -1 or 0)."""
    points = for_vote(post.kind, new) - for_vote(post.kind, old)
    _credit(POSTS[post.kind].objects.filter(pk=post.pk).filter(earns()), points)


def accept_changed(answer: Answer, *, accepted: bool) -> None:
    """`answer` was just accepted (or the accept taken back)."""
    points = ACCEPTED if accepted else -ACCEPTED
    _credit(Answer.objects.filter(pk=answer.pk).filter(accept_earns()), points)


# The recount ---------------------------------------------------------------------------------


def recount() -> dict[int, int]:
    """Every person's reputation from scratch, as {user_id: points} for people with any."""
    totals: dict[int, int] = {}

    def add(rows):
        for user_id, points in rows:
            totals[user_id] = totals.get(user_id, 0) + (points or 0)

    for kind, model in POSTS.items():
        author = f"{kind}__author_id"
        add(
            Vote.objects.filter(**{f"{kind}__in": model.objects.filter(earns())})
            .values_list(author)
            .annotate(points=Sum(vote_points(kind)))
            .values_list(author, "points")
        )
    add(
        (user_id, accepted * ACCEPTED)
        for user_id, accepted in Answer.objects.filter(is_accepted=True)
        .filter(accept_earns())
        .values_list("author_id")
        .annotate(accepted=Count("id"))
        .values_list("author_id", "accepted")
    )
    return totals
