"""Suggested edits as reviewers, authors and suggesters see them."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from accounts.models import User
from forum.models import Answer, Question, Revision, SuggestedEdit
from forum.revisions import RevisionDiff, revision_diff
from forum.rules import can_see_hidden, may_review_edits

QUEUE_LENGTH = 50
STATUSES = tuple(SuggestedEdit.Status.values)


def _visible() -> Q:
    """Suggestions on posts the public can see (moderators see the rest too)."""
    return Q(question__is_hidden=False) | Q(
        answer__is_hidden=False, answer__question__is_hidden=False
    )


def review_scope(viewer: User) -> Q:
    """The suggestions a person may find in the queue: every one for reviewers; for anyone
    else, those on their own posts and those they made."""
    mine = Q(suggester=viewer)
    if may_review_edits(viewer):
        if can_see_hidden(viewer):
            return Q(pk__isnull=False)  # all (an empty Q() would vanish when combined)
        return _visible() | mine
    on_my_posts = Q(question__author=viewer) | Q(answer__author=viewer)
    return (on_my_posts & _visible()) | mine


@dataclass(frozen=True)
class Queue:
    status: str
    suggestions: list[SuggestedEdit]
    counts: dict[str, int]  # per status, within the viewer's scope
    reviews_all: bool  # a reviewer, not only an author


def suggestion_queue(*, viewer: User, status: str) -> Queue:
    """Oldest first when pending (the longest wait first), newest first once decided."""
    scope = SuggestedEdit.objects.filter(review_scope(viewer))
    counts = scope.aggregate(**{value: Count("pk", filter=Q(status=value)) for value in STATUSES})
    rows = (
        scope.filter(status=status)
        .select_related("suggester", "reviewer", "question", "answer__question")
        .order_by("created_at" if status == "pending" else "-reviewed_at", "pk")
    )
    return Queue(
        status=status,
        suggestions=list(rows[:QUEUE_LENGTH]),
        counts=counts,
        reviews_all=may_review_edits(viewer),
    )


def suggestion_get_or_404(*, pk: int, viewer: User) -> SuggestedEdit:
    found = (
        SuggestedEdit.objects.filter(review_scope(viewer), pk=pk)
        .select_related("suggester", "reviewer", "question__level", "answer__question", "revision")
        .first()
    )
    if found is None:
        raise Http404("There is no such suggestion, or it is not yours to see.")
    return found


def suggestion_diff(suggestion: SuggestedEdit) -> RevisionDiff:
    """What the suggestion changes, against the revision it was made from."""
    post = suggestion.post
    base = post.revisions.select_related("level").get(number=suggestion.base_revision)
    proposed = Revision(
        number=base.number + 1,
        title=suggestion.title,
        body=suggestion.body,
        tags=suggestion.tags,
        level=base.level,
    )
    return revision_diff(base, proposed)


def waiting_on_page(*, viewer: User, posts: list[Question | Answer]) -> int:
    """How many pending suggestions wait on the viewer's own posts among `posts` (no query
    unless the viewer wrote one of them)."""
    if not viewer.is_authenticated:
        return 0
    mine = [post for post in posts if post.author_id == viewer.pk]
    if not mine:
        return 0
    on_mine = Q(question__in=[p.pk for p in mine if p.kind == "question"]) | Q(
        answer__in=[p.pk for p in mine if p.kind == "answer"]
    )
    return SuggestedEdit.objects.filter(on_mine, status="pending").count()
