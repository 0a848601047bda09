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


@transaction.atomic
def question_close(
    *,
    moderator: User,
    question: Question,
    reason: str,
    note: str = "",
    duplicate_of: Question | None = None,
) -> None:
    require(can_moderate, moderator)
    if reason not in Question.CloseReason.values:
        raise ValueError("Choose a reason for closing.")
    if reason == Question.CloseReason.DUPLICATE:
        if duplicate_of is None:
            raise ValueError("A duplicate must link the question it repeats.")
        if duplicate_of.pk == question.pk or duplicate_of.is_hidden:
            raise ValueError("Link another, visible question as the original.")
    else:
        duplicate_of = None
    Question.objects.filter(pk=question.pk).update(
        closed_at=timezone.now(),
        closed_by=moderator,
        close_reason=reason,
        close_note=note.strip()[:300],
        duplicate_of=duplicate_of,
    )
    freshness.thread_changed(question.pk)
    record(
        actor=moderator,
        action=Action.CLOSE,
        target=question,
        reason=note,
        details={"reason": reason, "duplicate_of": duplicate_of.pk if duplicate_of else None},
    )
    notify_moderated(
        recipient=question.author,
        kind=Notification.Kind.DUPLICATE if duplicate_of else Notification.Kind.CLOSED,
        contribution=question,
        moderator=moderator,
        message=note,
        original=duplicate_of,
    )


@transaction.atomic
def question_reopen(*, moderator: User, question: Question, reason: str = "") -> None:
    require(can_moderate, moderator)
    if not Question.objects.filter(pk=question.pk, closed_at__isnull=False).update(
        closed_at=None, closed_by=None, close_reason="", close_note="", duplicate_of=None
    ):
        return  # open already
    freshness.thread_changed(question.pk)
    record(actor=moderator, action=Action.REOPEN, target=question, reason=reason)
    notify_moderated(
        recipient=question.author,
        kind=Notification.Kind.REOPENED,
        contribution=question,
        moderator=moderator,
        message=reason,
    )


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
