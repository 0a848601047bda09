"""Answering, editing answers, and the asker's accept mark."""

import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from core.rules import require
from forum import edits, freshness, identity, reputation
from forum.markdown import render_markdown
from forum.models import Answer, Notification, Question
from forum.rules import can_accept, can_answer, can_edit
from forum.search.index import index_answer_added, index_question
from forum.services import badges
from forum.services.follows import follow_create
from forum.services.notifications import notify, notify_followers
from forum.services.posting import create_once, edited, existing, record_revision


@transaction.atomic
def answer_create(
    *,
    author: User,
    question: Question,
    body: str,
    is_anonymous: bool = False,
    client_token: uuid.UUID | None = None,
) -> Answer:
    require(can_answer, author, question)
    if found := existing(Answer, author, client_token):
        return found
    now = timezone.now()
    answer, created = create_once(
        Answer,
        author=author,
        question=question,
        body=body,
        body_html=render_markdown(body),
        is_anonymous=is_anonymous or identity.speaks_anonymously(author, question),
        author_band=author.band,
        created_at=now,
        client_token=client_token,
    )
    if not created:  # the same form, submitted twice at once
        return answer
    record_revision(answer, editor=author, reason="", first=True)
    Question.objects.filter(pk=question.pk).update(
        answer_count=F("answer_count") + 1, last_activity_at=now
    )
    index_answer_added(question_id=question.pk, body_html=answer.body_html)
    freshness.thread_changed(question.pk)
    if not answer.is_anonymous:
        badges.badges_check(user_id=author.pk, badges=badges.ON_ANSWER)
    notify(
        recipient=question.author,
        kind=Notification.Kind.ANSWER,
        actor_post=answer,
        question=question,
        answer=answer,
    )
    notify_followers(answer=answer)
    follow_create(follower=author, target=question)  # answerers hear about later answers
    return answer


@transaction.atomic
def answer_edit(
    *, answer: Answer, editor: User, body: str, reason: str = "", base_revision: int | None = None
) -> Answer:
    answer = (
        Answer.objects.select_for_update(of=("self",)).select_related("question").get(pk=answer.pk)
    )  # as in question_edit: one edit at a time, checked against the current state
    require(can_edit, editor, answer)
    edits.check_base(answer, base_revision)
    return answer_revise(answer=answer, editor=editor, body=body, reason=reason)


def answer_revise(*, answer: Answer, editor: User, body: str, reason: str) -> Answer:
    """Save a new body on an answer, locked by the caller, as a revision by `editor` (who may
    is the caller's check, as for question_revise)."""
    now = timezone.now()
    Answer.objects.filter(pk=answer.pk).update(
        body=body, body_html=render_markdown(body), edited_at=now
    )
    Question.objects.filter(pk=answer.question_id).update(last_activity_at=now)
    answer.refresh_from_db()
    record_revision(answer, editor=editor, reason=reason)
    edited(answer, editor=editor, reason=reason)
    index_question(answer.question_id)
    freshness.thread_changed(answer.question_id)
    return answer


def _set_accepted(answer: Answer, accepted: bool) -> None:
    Answer.objects.filter(pk=answer.pk).update(
        is_accepted=accepted, accepted_at=timezone.now() if accepted else None
    )
    reputation.accept_changed(answer, accepted=accepted)


@transaction.atomic
def answer_accept(*, user: User, answer: Answer) -> Answer:
    """The asker accepts an answer; accepting another one moves the mark. Idempotent."""
    Question.objects.select_for_update().get(pk=answer.question_id)  # one accept at a time
    answer = Answer.objects.select_related("question").get(pk=answer.pk)
    require(can_accept, user, answer)
    if answer.is_accepted:
        return answer
    for previous in Answer.objects.filter(question_id=answer.question_id, is_accepted=True):
        _set_accepted(previous, False)
    _set_accepted(answer, True)
    if not answer.is_anonymous:
        badges.badges_check(user_id=answer.author_id, badges=badges.ON_ACCEPT)
    freshness.thread_changed(answer.question_id, lists=False)
    notify(
        recipient=answer.author,
        kind=Notification.Kind.ACCEPTED,
        actor_post=answer.question,
        question=answer.question,
        answer=answer,
    )
    answer.is_accepted = True
    return answer


@transaction.atomic
def answer_unaccept(*, user: User, answer: Answer) -> Answer:
    """The asker takes the mark back. Idempotent."""
    Question.objects.select_for_update().get(pk=answer.question_id)
    answer = Answer.objects.select_related("question").get(pk=answer.pk)
    require(can_accept, user, answer)
    if answer.is_accepted:
        _set_accepted(answer, False)
        answer.is_accepted = False
        freshness.thread_changed(answer.question_id, lists=False)
    return answer
