"""Suggested edits: proposing new words for someone else's post, and deciding on them.

A suggestion is made from the post's latest revision and remembers it. Accepting applies it as
a new revision credited to the suggester (forum.services.revisions.suggestion_apply), unless
the post changed since: then it is stale and refused, since applying it would silently undo
the newer edit. Rejecting keeps it, with the reviewer's reason. Nothing is deleted.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.pagecache import bump, person
from core.rules import require
from core.text import one_line
from forum import edits
from forum.models import Answer, Notification, Question, SuggestedEdit, post_link
from forum.rules import can_review_suggestion, can_suggest_edit
from forum.services.notifications import notify_suggestion
from forum.services.revisions import suggestion_apply


class SuggestionRefused(ValueError):
    """What was asked cannot be done to this suggestion; the message says why."""


class SuggestionStale(SuggestionRefused):
    """The post has a newer revision than the one the suggestion was made from."""


def _locked_post(post: Question | Answer) -> Question | Answer:
    if post.kind == "question":
        return Question.objects.select_for_update().get(pk=post.pk)
    return Answer.objects.select_for_update(of=("self",)).select_related("question").get(pk=post.pk)


def _changes_nothing(post: Question | Answer, title: str, body: str, tags: list[str]) -> bool:
    if post.kind == "answer":
        return body == post.body
    same_tags = sorted(set(tags)) == sorted(post.tags.names())
    return one_line(title) == post.title and body == post.body and same_tags


def _pages_changed(suggestion: SuggestedEdit, post: Question | Answer) -> None:
    """The author's pages show the suggestions waiting for them; the suggester's, theirs."""
    for user_id in {post.author_id, suggestion.suggester_id}:
        bump(person(user_id))


@transaction.atomic
def suggestion_create(
    *,
    suggester: User,
    post: Question | Answer,
    body: str,
    reason: str,
    title: str = "",
    tags: list[str] | None = None,
    base_revision: int | None,
) -> SuggestedEdit:
    """Propose an edit to `post`, made from revision `base_revision` (EditConflict if the post
    changed since the form was opened, as for a direct edit)."""
    post = _locked_post(post)
    require(can_suggest_edit, suggester, post)
    edits.check_base(post, base_revision)
    tags = sorted(set(tags or [])) if post.kind == "question" else []
    link = post_link(post)
    pending = SuggestedEdit.objects.filter(suggester=suggester, status="pending", **link)
    if pending.exists():
        raise SuggestionRefused(
            "You already have a suggestion waiting on this post; it must be reviewed first."
        )
    if _changes_nothing(post, title, body, tags):
        raise SuggestionRefused("Your suggestion changes nothing: edit the text first.")
    try:
        with transaction.atomic():
            suggestion = SuggestedEdit.objects.create(
                suggester=suggester,
                base_revision=edits.latest_number(post),
                title=one_line(title) if post.kind == "question" else "",
                body=body,
                tags=tags,
                reason=reason.strip(),
                **link,
            )
    except IntegrityError:  # the same person, at the same moment, in another tab
        raise SuggestionRefused(
            "You already have a suggestion waiting on this post; it must be reviewed first."
        ) from None
    _pages_changed(suggestion, post)
    notify_suggestion(
        recipient=post.author,
        kind=Notification.Kind.EDIT_SUGGESTED,
        suggestion=suggestion,
        actor=suggester,
    )
    return suggestion


def _decidable(
    reviewer: User, suggestion: SuggestedEdit
) -> tuple[SuggestedEdit, Question | Answer]:
    """The suggestion and its post, both locked and current, once the reviewer may decide."""
    suggestion = SuggestedEdit.objects.select_for_update().get(pk=suggestion.pk)
    post = _locked_post(suggestion.post)
    setattr(suggestion, post.kind, post)
    require(can_review_suggestion, reviewer, suggestion)
    if not suggestion.is_pending:
        raise SuggestionRefused(f"This suggestion was already {suggestion.get_status_display()}.")
    return suggestion, post


@transaction.atomic
def suggestion_accept(*, reviewer: User, suggestion: SuggestedEdit) -> SuggestedEdit:
    """Apply the suggestion as a new revision by its suggester."""
    suggestion, post = _decidable(reviewer, suggestion)
    latest = edits.latest_number(post)
    if latest != suggestion.base_revision:
        raise SuggestionStale(
            f"The {post.kind} was edited after this suggestion was made (it was made from "
            f"revision {suggestion.base_revision}; revision {latest} is current), so "
            "accepting it would undo that edit. Reject it as out of date instead."
        )
    revision = suggestion_apply(post=post, suggestion=suggestion)
    return _decided(suggestion, post, reviewer, SuggestedEdit.Status.ACCEPTED, revision=revision)


@transaction.atomic
def suggestion_reject(*, reviewer: User, suggestion: SuggestedEdit, reason: str) -> SuggestedEdit:
    """Turn the suggestion down, saying why; it stays on record."""
    reason = reason.strip()
    if not reason:
        raise SuggestionRefused("Say why you reject it: the suggester reads your reason.")
    suggestion, post = _decidable(reviewer, suggestion)
    return _decided(suggestion, post, reviewer, SuggestedEdit.Status.REJECTED, review_reason=reason)


_TOLD = {
    SuggestedEdit.Status.ACCEPTED: Notification.Kind.SUGGESTION_ACCEPTED,
    SuggestedEdit.Status.REJECTED: Notification.Kind.SUGGESTION_REJECTED,
}


def _decided(
    suggestion: SuggestedEdit, post: Question | Answer, reviewer: User, status: str, **outcome
) -> SuggestedEdit:
    """Record the decision, refresh the pages that show it, and tell the suggester."""
    SuggestedEdit.objects.filter(pk=suggestion.pk).update(
        status=status, reviewer=reviewer, reviewed_at=timezone.now(), **outcome
    )
    suggestion.refresh_from_db()
    _pages_changed(suggestion, post)
    notify_suggestion(recipient=suggestion.suggester, kind=_TOLD[status], suggestion=suggestion)
    return suggestion
