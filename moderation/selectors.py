"""What moderators read: the flag queue, hidden content, pins, the audit log, a person's record."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from accounts import standing
from accounts.models import User
from forum.identity import signed_by, ties_recipient
from forum.models import Answer, Comment, Feature, Notification, Question
from forum.selectors.search import similar_questions
from forum.services.visibility import Contribution
from ladder.models import Level
from moderation.models import VOTES_TO_CLOSE, AuditEntry, CloseVote, Flag, Suspension
from moderation.queue_items import Item


@dataclass
class QueueEntry:
    contribution: Contribution
    flags: list[Flag] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        return sorted({flag.get_reason_display() for flag in self.flags})

    @property
    def weight(self) -> int:
        """The open spam and abuse flags' weights added up: what counts towards hiding."""
        return sum(flag.weight for flag in self.flags if flag.reason in Flag.HIDING_REASONS)

    @property
    def token(self) -> str:
        """What the moderator sees now, for bulk actions (moderation.queue_items)."""
        contribution = self.contribution
        newest = max(flag.pk for flag in self.flags)
        return Item(contribution.kind, contribution.pk, contribution.is_hidden, newest).token

    @property
    def kind(self) -> str:
        return self.contribution.kind

    @property
    def protected(self) -> bool:
        """Written by a moderator or an established member: flags never hide it. Not said of an
        anonymous contribution, where it would tell something about its author."""
        author = self.contribution.author
        return not self.contribution.is_anonymous and standing.is_established(author)


def flag_queue() -> list[QueueEntry]:
    """Every contribution with open flags, each with all its open flags: the heaviest summed
    flag weight first, then the oldest flag."""
    flags = (
        Flag.objects.filter(status=Flag.Status.OPEN)
        .select_related(
            "flagger",
            "question__author",
            "answer__author",
            "answer__question",
            "comment__author",
            "comment__question",
            "comment__answer__question",
        )
        .order_by("created_at", "id")
    )
    entries: dict[tuple[str, int], QueueEntry] = {}
    for flag in flags:
        entry = entries.setdefault(flag.key, QueueEntry(contribution=flag.contribution))
        entry.flags.append(flag)
    return sorted(entries.values(), key=lambda entry: -entry.weight)  # stable: oldest next


def queue_size() -> int:
    """How many contributions wait in the flag queue (for the badge in the navigation)."""
    return (
        Flag.objects.filter(status=Flag.Status.OPEN)
        .values_list("question_id", "answer_id", "comment_id")
        .distinct()
        .count()
    )


@dataclass(frozen=True)
class Hidden:
    questions: list[Question]
    answers: list[Answer]
    comments: list[Comment]


def hidden_contributions(*, limit: int = 50) -> Hidden:
    return Hidden(
        questions=list(
            Question.objects.filter(is_hidden=True)
            .select_related("author", "hidden_by")
            .order_by("-hidden_at")[:limit]
        ),
        answers=list(
            Answer.objects.filter(is_hidden=True)
            .select_related("author", "hidden_by", "question")
            .order_by("-hidden_at")[:limit]
        ),
        comments=list(
            Comment.objects.filter(is_hidden=True)
            .select_related("author", "hidden_by", "question", "answer__question")
            .order_by("-hidden_at")[:limit]
        ),
    )


@dataclass(frozen=True)
class FeaturedPage:
    where: str  # "Home page" or a level's page
    features: list[Feature]


def features_by_page() -> list[FeaturedPage]:
    features = list(
        Feature.objects.select_related("question", "featured_by").order_by(
            "position", "featured_at"
        )
    )
    pages = [FeaturedPage("Home page", [f for f in features if f.level_id is None])]
    for level in Level.objects.order_by("order"):
        on_level = [f for f in features if f.level_id == level.pk]
        pages.append(FeaturedPage(f"{level.name} page", on_level))
    return pages


def featured_on(*, question: Question) -> set[int | None]:
    """Where a question is featured: level ids, and None for the home page."""
    return set(Feature.objects.filter(question=question).values_list("level_id", flat=True))


def open_flag_counts(*, question: Question, answer_ids: list[int]) -> Counter:
    """Open flags on a page of a thread, by (kind, id) of what they flag."""
    flags = Flag.objects.filter(status=Flag.Status.OPEN).filter(
        Q(question=question)
        | Q(answer__in=answer_ids)
        | Q(comment__question=question)
        | Q(comment__answer__in=answer_ids)
    )
    return Counter(flag.key for flag in flags.only("question", "answer", "comment"))


def audit_log(
    *, action: str | None = None, actor: str | None = None, kind: str | None = None
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(actor__username=actor)
    if kind:
        entries = entries.filter(target_kind=kind)
    return entries.order_by("-created_at", "-id")


def moderator_names() -> list[str]:
    return list(
        User.objects.filter(audit_entries__isnull=False)
        .distinct()
        .order_by("username")
        .values_list("username", flat=True)
    )


@dataclass(frozen=True)
class Record:
    person: User
    suspensions: list[Suspension]
    warnings: list[Notification]
    flagged: int  # their contributions with upheld flags
    hidden: int  # their hidden contributions


def person_record(*, person: User) -> Record:
    """A person's standing, for the moderator who is about to warn or suspend them.

    Their anonymous posts are left out of every figure: a number that moved when an anonymous
    post was flagged would tie it to them without a reveal."""
    flagged = (
        Flag.objects.filter(status=Flag.Status.UPHELD)
        .filter(
            signed_by(person, "question__")
            | signed_by(person, "answer__")
            | signed_by(person, "comment__")
        )
        .aggregate(n=Count("id"))["n"]
    )
    hidden = sum(
        model.objects.filter(signed_by(person), is_hidden=True).count()
        for model in (Question, Answer, Comment)
    )
    return Record(
        person=person,
        suspensions=list(person.suspensions.select_related("created_by", "lifted_by")),
        warnings=list(
            Notification.objects.filter(recipient=person, kind=Notification.Kind.WARNING)
            .exclude(ties_recipient())
            .select_related("actor", "question")
            .order_by("-created_at")
        ),
        flagged=flagged,
        hidden=hidden,
    )


def personal_data(*, person: User) -> dict:
    """The flags a person raised, for their own export (privacy.selectors): what they flagged,
    why, in their words, and what became of it."""
    flags = Flag.objects.filter(flagger=person).select_related("answer", "comment__answer")
    return {
        "flags": [
            {
                "on": kind,
                "on_id": pk,
                "url": flag.contribution.get_absolute_url()
                if kind != "question"
                else reverse("forum:question_short", kwargs={"pk": pk}),
                "reason": flag.get_reason_display(),
                "text": flag.text,
                "status": flag.status,
                "created_at": flag.created_at,
            }
            for flag in flags.order_by("created_at", "id")
            for kind, pk in [flag.key]
        ]
    }


def duplicate_candidates(*, term: str, question: Question) -> list[Question]:
    """Visible questions whose titles are like `term`, for picking the original of a duplicate:
    the ask page's similar-questions search (forum.search.similar), without `question` itself."""
    return [found for found in similar_questions(title=term[:150]) if found.pk != question.pk]


@dataclass(frozen=True)
class CloseVotes:
    close: int  # live votes to close
    reopen: int  # live votes to reopen
    mine: str | None  # the viewer's live vote: "close", "reopen" or None
    needed: int = VOTES_TO_CLOSE


def close_votes(*, question: Question, viewer: User | None = None) -> CloseVotes:
    """The live close and reopen votes on a question, and the viewer's own, in one query."""
    rows = CloseVote.objects.live().filter(question=question).values_list("kind", "voter_id")
    counts, mine = Counter(), None
    for kind, voter_id in rows:
        counts[kind] += 1
        if viewer is not None and voter_id == viewer.pk:
            mine = kind
    return CloseVotes(close=counts["close"], reopen=counts["reopen"], mine=mine)
