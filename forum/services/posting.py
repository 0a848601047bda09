"""What asking, answering and commenting share: a form submitted twice makes one row, and every
saved state of a post is a revision. (Who wrote anonymously stays anonymous in the thread:
forum.identity.speaks_anonymously.)"""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Max, Model

from accounts.models import User
from forum.models import Answer, Question, Revision, post_link
from forum.signals import post_edited


def existing[M: Model](model: type[M], author: User, client_token: uuid.UUID | None) -> M | None:
    """The row this very form already created, if it was submitted twice."""
    if client_token is None:
        return None
    return model.objects.filter(author=author, client_token=client_token).first()


def create_once[M: Model](model: type[M], **values) -> tuple[M, bool]:
    """Insert and return (row, True); or, when a concurrent double submit of the same form
    inserted it first, (that row, False), and the caller does nothing more."""
    try:
        with transaction.atomic():
            return model.objects.create(**values), True
    except IntegrityError:
        found = existing(model, values["author"], values.get("client_token"))
        if found is None:
            raise
        return found, False


def record_revision(
    post: Question | Answer,
    *,
    editor: User,
    reason: str,
    first: bool = False,
    tags: list[str] | None = None,
) -> Revision:
    """Save the post's current state as its next revision (`first` for a new post, which
    saves looking up the last number; `tags` when the caller already knows them)."""
    number = 1 if first else (post.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    extra = {}
    if post.kind == "question":
        tags = sorted(post.tags.names()) if tags is None else sorted(set(tags))
        extra = {"title": post.title, "tags": tags, "level": post.level}
    return Revision.objects.create(
        number=number,
        body=post.body,
        editor=editor,
        reason=reason.strip(),
        **extra,
        **post_link(post),
    )


def edited(post: Question | Answer, *, editor: User, reason: str) -> None:
    """Tell the apps above the forum (forum/signals.py): moderation logs moderators' edits."""
    post_edited.send(sender=type(post), post=post, editor=editor, reason=reason)
