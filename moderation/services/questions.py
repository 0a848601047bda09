"""Closing and reopening questions; locking and unlocking threads."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import require
from forum import freshness
from forum.models import Notification, Question
from forum.services.notifications import notify_moderated
from moderation.audit import Action, record
from moderation.models import CloseVote


def check_close(*, question: Question, reason: str, duplicate_of: Question | None) -> None:
    """Raise ValueError unless `reason` (and for a duplicate, the original) may close it."""
    if reason not in Question.CloseReason.values:
        raise ValueError("Choose a reason for closing.")
    if reason == Question.CloseReason.DUPLICATE:
        if duplicate_of is None:
            raise ValueError("A duplicate must link the question it repeats.")
        if duplicate_of.pk == question.pk or duplicate_of.is_hidden:
            raise ValueError("Link another, visible question as the original.")


def close(
    *,
    actor: User,
    question: Question,
    reason: str,
    note: str = "",
    duplicate_of: Question | None = None,
    closed_by: User | None,
    details: dict | None = None,
    replace: bool = False,
) -> bool:
    """Close a question (by a moderator, or by members' votes: moderation.services.closevotes)
    and settle the close votes of this round. A closed question is left alone (False) unless
    `replace`: a moderator's reason then replaces the one it was closed with."""
    check_close(question=question, reason=reason, duplicate_of=duplicate_of)
    if reason != Question.CloseReason.DUPLICATE:
        duplicate_of = None
    rows = Question.objects.filter(pk=question.pk)
    if not replace:
        rows = rows.filter(closed_at__isnull=True)
    if not rows.update(
        closed_at=timezone.now(),
        closed_by=closed_by,
        close_reason=reason,
        close_note=note.strip()[:300],
        duplicate_of=duplicate_of,
    ):
        return False
    _settle(question, CloseVote.Kind.CLOSE)
    freshness.thread_changed(question.pk)
    record(
        actor=actor,
        action=Action.CLOSE,
        target=question,
        reason=note,
        details={
            "reason": reason,
            "duplicate_of": duplicate_of.pk if duplicate_of else None,
            **(details or {}),
        },
    )
    notify_moderated(
        recipient=question.author,
        kind=Notification.Kind.DUPLICATE if duplicate_of else Notification.Kind.CLOSED,
        contribution=question,
        moderator=closed_by,
        message=note,
        original=duplicate_of,
        by_members=closed_by is None,
    )
    return True


def reopen(
    *,
    actor: User,
    question: Question,
    reason: str = "",
    details: dict | None = None,
    by_members: bool = False,
) -> bool:
    """Reopen a closed question (by a moderator, or by members' votes: `by_members`) and
    settle the reopen votes of this round; False if it was open."""
    if not Question.objects.filter(pk=question.pk, closed_at__isnull=False).update(
        closed_at=None, closed_by=None, close_reason="", close_note="", duplicate_of=None
    ):
        return False
    _settle(question, CloseVote.Kind.REOPEN)
    freshness.thread_changed(question.pk)
    record(actor=actor, action=Action.REOPEN, target=question, reason=reason, details=details)
    notify_moderated(
        recipient=question.author,
        kind=Notification.Kind.REOPENED,
        contribution=question,
        moderator=None if by_members else actor,
        message=reason,
        by_members=by_members,
    )
    return True


def _settle(question: Question, kind: str) -> None:
    """The round is over: the live votes of `kind` count no more, and each voter may vote
    again in a later round."""
    CloseVote.objects.live().filter(question=question, kind=kind).update(settled_at=timezone.now())


@transaction.atomic
def question_close(
    *,
    moderator: User,
    question: Question,
    reason: str,
    note: str = "",
    duplicate_of: Question | None = None,
) -> None:
    """A moderator closes a question at once, whatever the members' votes say."""
    require(can_moderate, moderator)
    close(
        actor=moderator,
        question=question,
        reason=reason,
        note=note,
        duplicate_of=duplicate_of,
        closed_by=moderator,
        replace=True,
    )


@transaction.atomic
def question_reopen(*, moderator: User, question: Question, reason: str = "") -> None:
    require(can_moderate, moderator)
    reopen(actor=moderator, question=question, reason=reason)


@transaction.atomic
def question_lock(*, moderator: User, question: Question, reason: str) -> None:
    require(can_moderate, moderator)
    if not reason.strip():
        raise ValueError("Say why the thread is locked: everyone reads it in the banner.")
    Question.objects.filter(pk=question.pk).update(
        locked_at=timezone.now(), locked_by=moderator, lock_reason=reason.strip()[:300]
    )
    freshness.thread_changed(question.pk, lists=False)
    record(actor=moderator, action=Action.LOCK, target=question, reason=reason)


@transaction.atomic
def question_unlock(*, moderator: User, question: Question, reason: str = "") -> None:
    require(can_moderate, moderator)
    if not Question.objects.filter(pk=question.pk, locked_at__isnull=False).update(
        locked_at=None, locked_by=None, lock_reason=""
    ):
        return  # unlocked already
    freshness.thread_changed(question.pk, lists=False)
    record(actor=moderator, action=Action.UNLOCK, target=question, reason=reason)
