"""In-app notifications, with an e-mail copy sent in the background through django.tasks."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.pagecache import bump, person
from forum.identity import notification_actor
from forum.models import Answer, Comment, Follow, Notification, Question, thread_of
from forum.selectors.notifications import recent_key, unread_key
from forum.tasks import send_notification_email


def notify(
    *,
    recipient,
    kind: Notification.Kind,
    actor_post: Question | Answer | Comment,
    question: Question,
    answer: Answer | None = None,
    comment: Comment | None = None,
) -> Notification | None:
    """Tell `recipient` what `actor_post`'s author did; nothing when they did it themselves.

    An anonymous actor is stored as no actor at all, with only their band.
    """
    if recipient.pk == actor_post.author_id:
        return None
    actor, actor_band = notification_actor(actor_post)
    return _deliver(
        Notification(
            recipient=recipient,
            kind=kind,
            actor=actor,
            actor_band=actor_band,
            question=question,
            answer=answer,
            comment=comment,
        )
    )


def notify_followers(*, answer: Answer) -> list[Notification]:
    """A new answer, to everyone following its question but its author and the asker (who
    hears of it as the asker). An anonymous answerer stays unnamed, as in `notify`."""
    question = answer.question
    followers = (
        Follow.objects.filter(question_id=question.pk, follower__is_active=True)
        .exclude(follower_id__in=[answer.author_id, question.author_id])
        .select_related("follower")
        .order_by("pk")
    )
    actor, actor_band = notification_actor(answer)
    return _deliver_many(
        [
            Notification(
                recipient=follow.follower,
                kind=Notification.Kind.FOLLOWED_ANSWER,
                actor=actor,
                actor_band=actor_band,
                question=question,
                answer=answer,
            )
            for follow in followers
        ]
    )


def notify_moderated(
    *,
    recipient,
    kind: Notification.Kind,
    contribution: Question | Answer | Comment,
    moderator=None,
    message: str = "",
    original: Question | None = None,
    by_members: bool = False,
) -> Notification | None:
    """Tell someone what moderators (or members' flags, or members' close votes: `by_members`)
    did to their post or comment, or to their flag on one. Signed "A moderator" (or "Members'
    votes"): the notification names no one. Nothing for the moderator who did it, nor for a
    closed account."""
    if moderator is not None and recipient.pk == moderator.pk:
        return None
    if not recipient.is_active:
        return None
    return _deliver(
        Notification(
            recipient=recipient,
            kind=kind,
            question=thread_of(contribution),
            answer=contribution if contribution.kind == "answer" else None,
            comment=contribution if contribution.kind == "comment" else None,
            original=original,
            message=message.strip(),
            by_members=by_members,
        )
    )


def notify_suggestion(*, recipient, kind: Notification.Kind, suggestion, actor=None):
    """About a suggested edit: to the post's author when one is made (signed by the
    suggester), to the suggester when it is decided (signed "A reviewer": the decider may be
    the anonymous post's author). Nothing to oneself, nor to a closed account."""
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None
    post = suggestion.post
    return _deliver(
        Notification(
            recipient=recipient,
            kind=kind,
            actor=actor,
            question=thread_of(post),
            answer=post if post.kind == "answer" else None,
            suggestion=suggestion,
            message=suggestion.review_reason,
        )
    )


def notify_warning(*, recipient, moderator, question, answer=None, comment=None, message: str):
    """A moderator's private warning, signed with their name."""
    return _deliver(
        Notification(
            recipient=recipient,
            kind=Notification.Kind.WARNING,
            actor=moderator,
            question=question,
            answer=answer,
            comment=comment,
            message=message.strip(),
        )
    )


def _unread_changed(*user_ids: int) -> None:
    """Forget the counts now (this request's next page) and on commit (everyone else's); the
    badge is on every page kept for those people."""
    keys = [key for user_id in user_ids for key in (unread_key(user_id), recent_key(user_id))]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys), robust=True)
    bump(*(person(user_id) for user_id in user_ids))


def unread_changed_about(contribution) -> None:
    """A contribution was hidden or restored: the unread counts of everyone notified about it
    change (notifications about hidden contributions leave the inbox)."""
    link = {contribution.kind: contribution}
    _unread_changed(
        *set(Notification.objects.filter(**link).values_list("recipient_id", flat=True))
    )


def _deliver(notification: Notification) -> Notification:
    return _deliver_many([notification])[0]


def _deliver_many(notifications: list[Notification]) -> list[Notification]:
    """Store them in one insert, and queue the e-mail copies once the transaction commits, for
    those who want one each (the others get theirs in a digest, or not at all: forum/digests.py).
    """
    if not notifications:
        return []
    Notification.objects.bulk_create(notifications)  # sets the ids on both databases
    _unread_changed(*{n.recipient_id for n in notifications})
    at_once = [n.pk for n in notifications if n.recipient.wants_email_at_once]
    for pk in at_once:
        transaction.on_commit(lambda pk=pk: send_notification_email.enqueue(pk))
    return notifications


def notifications_mark_read(*, recipient, ids: list[int] | None = None) -> int:
    """Mark the recipient's notifications read (all of them, or the given ones)."""
    unread = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    marked = unread.update(read_at=timezone.now())
    if marked:
        _unread_changed(recipient.pk)
    return marked
