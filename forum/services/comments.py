"""Commenting on questions and answers."""

import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from core.rules import require
from core.text import one_line
from forum import freshness, identity
from forum.markdown import render_inline
from forum.models import Answer, Comment, Notification, Question, post_link
from forum.rules import can_comment
from forum.services.notifications import notify
from forum.services.posting import create_once, existing


@transaction.atomic
def comment_create(
    *,
    author: User,
    post: Question | Answer,
    body: str,
    client_token: uuid.UUID | None = None,
) -> Comment:
    require(can_comment, author, post)
    if found := existing(Comment, author, client_token):
        return found
    question = post if isinstance(post, Question) else post.question
    now = timezone.now()
    # Whoever posted anonymously in the thread comments anonymously there (forum.identity).
    comment, created = create_once(
        Comment,
        author=author,
        body=one_line(body),
        body_html=render_inline(body),
        is_anonymous=identity.speaks_anonymously(author, question),
        author_band=author.band,
        created_at=now,
        client_token=client_token,
        **post_link(post),
    )
    if not created:  # the same form, submitted twice at once: counted and announced already
        return comment
    type(post).objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
    Question.objects.filter(pk=question.pk).update(last_activity_at=now)
    freshness.thread_changed(question.pk)
    notify(
        recipient=post.author,
        kind=Notification.Kind.COMMENT,
        actor_post=comment,
        question=question,
        answer=post if isinstance(post, Answer) else None,
        comment=comment,
    )
    return comment
