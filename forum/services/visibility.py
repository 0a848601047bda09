"""Hiding and showing contributions (questions, answers, comments): the one place that keeps
counters, tallies and the search index in step with what the public sees. Moderators hide
and restore through moderation's services; authors delete here. Nothing is ever removed."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from core.rules import require
from forum import freshness, tallies
from forum.models import Answer, Comment, Question, thread_of
from forum.rules import can_delete
from forum.search.index import index_question
from forum.services.notifications import unread_changed_about
from forum.signals import contribution_deleted

Contribution = Question | Answer | Comment
AUTHOR_DELETED = "Deleted by its author"  # the reason an author's own deletion records


@transaction.atomic
def visibility_set(
    *, contribution: Contribution, hidden: bool, by: User | None, reason: str
) -> bool:
    """Hide or show a contribution. Returns False when nothing changed."""
    model = type(contribution)
    changed = model.objects.filter(pk=contribution.pk, is_hidden=not hidden).update(
        is_hidden=hidden,
        hidden_at=timezone.now() if hidden else None,
        hidden_by=by if hidden else None,
        hidden_reason=reason.strip()[:300] if hidden else "",
    )
    if not changed:
        return False
    step = -1 if hidden else 1
    kind = contribution.kind
    if kind == "question":
        tallies.question_counted(
            level_id=contribution.level_id, tag_ids=tallies.tag_ids_of(contribution), step=step
        )
    elif kind == "answer":
        Question.objects.filter(pk=contribution.question_id).update(
            answer_count=F("answer_count") + step
        )
    else:
        post_model, post_id = (
            (Question, contribution.question_id)
            if contribution.question_id
            else (Answer, contribution.answer_id)
        )
        post_model.objects.filter(pk=post_id).update(comment_count=F("comment_count") + step)
    if kind != "comment":
        index_question(contribution.pk if kind == "question" else contribution.question_id)
    contribution.refresh_from_db()
    freshness.thread_changed(thread_of(contribution).pk)
    unread_changed_about(contribution)
    return True


@transaction.atomic
def contribution_delete(*, user: User, contribution: Contribution) -> None:
    """Authors delete their own contributions. Nothing is removed: it is hidden, and a
    moderator can restore it. The deletion is announced (forum.signals.contribution_deleted)
    for the audit log."""
    require(can_delete, user, contribution)
    if visibility_set(contribution=contribution, hidden=True, by=user, reason=AUTHOR_DELETED):
        contribution_deleted.send(sender=type(contribution), contribution=contribution)
