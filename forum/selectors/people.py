"""What a profile shows of a person's forum life: their posts page by page, their reputation
history, their badges; and the list of every badge with how many hold it."""

from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby

from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from accounts.models import User
from accounts.rules import can_moderate
from core.paging import Page, offset_page
from forum import reputation
from forum.badges import RULES
from forum.identity import attributed_to
from forum.models import Answer, Badge, BadgeAward, Question, Vote
from forum.rules import can_see

PER_PAGE = 20
ORDERING = ("-created_at", "-id")


def _shown(model, person: User, viewer) -> QuerySet:
    """`person`'s posts as `viewer` may see them listed: anonymous ones only to the person
    themselves, hidden ones (and answers on hidden questions) only to moderators."""
    posts = model.objects.filter(attributed_to(person, viewer))
    return posts if can_moderate(viewer) else posts.listable()


def profile_questions(*, person: User, viewer, number: int = 1) -> Page:
    """A page of `person`'s questions, newest first: one query."""
    posts = _shown(Question, person, viewer).select_related("level")
    return offset_page(posts, number=number, per_page=PER_PAGE, ordering=ORDERING)


def profile_answers(*, person: User, viewer, number: int = 1) -> Page:
    """A page of `person`'s answers with their questions, newest first: one query."""
    posts = _shown(Answer, person, viewer).select_related("question")
    return offset_page(posts, number=number, per_page=PER_PAGE, ordering=ORDERING)


# Reputation history ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One change to someone's reputation: a vote on their post, or their answer accepted."""

    when: datetime
    points: int
    reason: str
    post: Question | Answer | None  # None: a post the viewer may not see (hidden)

    @property
    def title(self) -> str:
        if self.post is None:
            return ""
        return self.post.title if self.post.kind == "question" else self.post.question.title


@dataclass(frozen=True)
class Day:
    day: date
    changes: list[Change] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(change.points for change in self.changes)


@dataclass(frozen=True)
class History:
    days: list[Day]
    page: Page  # its items are the page's changes, newest first


_VOTE_REASONS = {
    ("question", Vote.Value.UP): "Question upvoted",
    ("answer", Vote.Value.UP): "Answer upvoted",
    ("question", Vote.Value.DOWN): "Question downvoted",
    ("answer", Vote.Value.DOWN): "Answer downvoted",
    ("question", Vote.Value.NONE): "Vote on question retracted",
    ("answer", Vote.Value.NONE): "Vote on answer retracted",
}
ACCEPTED_REASON = "Answer accepted"


def reputation_history(*, person: User, viewer, number: int = 1) -> History:
    """`person`'s reputation, change by change, newest first, in pages grouped by day.

    Built from exactly what forum.reputation counts: each vote on a post of theirs that earns
    (reputation.earns: not anonymous), worth reputation.POINTS, dated by its last change (a
    retracted vote shows, worth 0; a switched one shows as what it is now); and each accepted
    answer of theirs that earns (reputation.accept_earns: not anonymous, not self-accepted),
    worth reputation.ACCEPTED, dated by its accept. So all pages together sum to
    User.reputation. An accept taken back leaves no row (it earns nothing any more). Posts the
    viewer may not see (hidden ones, to all but moderators) show without a title or link.

    Three queries: the page of changes (one UNION over votes and accepts), then its questions
    and its answers."""
    earning = {
        kind: model.objects.filter(reputation.earns(), author=person)
        for kind, model in reputation.POSTS.items()
    }
    points = Case(
        When(question__isnull=False, then=reputation.vote_points("question")),
        default=reputation.vote_points("answer"),
        output_field=IntegerField(),
    )
    columns = ("when", "points", "source", "row", "question_ref", "answer_ref", "vote")
    votes = (
        Vote.objects.filter(Q(question__in=earning["question"]) | Q(answer__in=earning["answer"]))
        .annotate(
            when=F("updated_at"),
            points=points,
            source=Value("vote", output_field=CharField()),
            row=F("pk"),
            question_ref=F("question_id"),
            answer_ref=F("answer_id"),
            vote=F("value"),
        )
        .values_list(*columns)
    )
    accepts = (
        Answer.objects.filter(reputation.accept_earns(), is_accepted=True, author=person)
        .annotate(
            # Accepted before accepted_at was kept: the answer's own date stands in.
            when=Coalesce("accepted_at", "created_at", output_field=DateTimeField()),
            points=Value(reputation.ACCEPTED, output_field=IntegerField()),
            source=Value("accept", output_field=CharField()),
            row=F("pk"),
            question_ref=Value(None, output_field=IntegerField()),
            answer_ref=F("pk"),
            vote=Value(0, output_field=IntegerField()),
        )
        .values_list(*columns)
    )
    start = (number - 1) * PER_PAGE
    combined = votes.union(accepts, all=True).order_by("-when", "source", "-row")
    rows = list(combined[start : start + PER_PAGE + 1])
    has_next = len(rows) > PER_PAGE
    rows = rows[:PER_PAGE]

    questions = Question.objects.in_bulk({row[4] for row in rows if row[4]})
    answers = Answer.objects.select_related("question").in_bulk({row[5] for row in rows if row[5]})

    changes = []
    for when, worth, source, _row, question_id, answer_id, value in rows:
        if source == "accept":
            reason = ACCEPTED_REASON
        else:
            reason = _VOTE_REASONS[("question" if question_id else "answer", value)]
        post = questions.get(question_id) if question_id else answers.get(answer_id)
        if post is not None and not can_see(viewer, post):
            post = None
        changes.append(Change(when=when, points=worth, reason=reason, post=post))
    days = [
        Day(day=day, changes=list(group))
        for day, group in groupby(changes, key=lambda change: change.when.date())
    ]
    page = Page(items=changes, number=number, per_page=PER_PAGE, has_next=has_next)
    return History(days=days, page=page)


# Badges ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeInfo:
    badge: Badge
    name: str
    description: str
    holders: int = 0
    award: BadgeAward | None = None  # on a profile: the person's award


def person_badges(*, person: User) -> list[BadgeInfo]:
    """The badges `person` holds, in the order of the list of badges: one query."""
    awards = {award.badge: award for award in BadgeAward.objects.filter(user=person)}
    return [
        BadgeInfo(badge=badge, name=rule.name, description=rule.description, award=awards[badge])
        for badge, rule in RULES.items()
        if badge in awards
    ]


def badge_list() -> list[BadgeInfo]:
    """Every badge with how many people hold it: one query. Erased members' awards count
    (they earned them) but nobody is named here."""
    counts = dict(
        BadgeAward.objects.values_list("badge").annotate(n=Count("id")).values_list("badge", "n")
    )
    return [
        BadgeInfo(
            badge=badge,
            name=rule.name,
            description=rule.description,
            holders=counts.get(badge, 0),
        )
        for badge, rule in RULES.items()
    ]
