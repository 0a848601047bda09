"""Moderator actions. Each checks the rule, changes the content, and writes the audit log,
all in one transaction. None of them deletes a post, comment, vote or revision."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from forum import freshness
from forum.identity import names_author
from forum.models import Answer, Comment, Feature, Notification, Question, thread_of
from forum.notifications import notify_warning
from forum.permissions import (
    ActionNotAllowed,
    can_curate,
    can_flag,
    can_moderate,
    can_reveal,
    can_suspend,
    require,
)
from forum.services import visibility_set
from ladder.models import Level
from moderation.audit import Action, record
from moderation.models import Flag, Suspension

Item = Question | Answer | Comment
# Flags of these kinds, from this many different people, hide an item until a moderator looks.
AUTO_HIDE_REASONS = (Flag.Reason.SPAM, Flag.Reason.RUDE)


def _open_flags(item: Item):
    return Flag.objects.filter(status=Flag.Status.OPEN, **{item.kind: item})


def _close_flags(item: Item, moderator: User, status: str) -> int:
    return _open_flags(item).update(status=status, handled_by=moderator, handled_at=timezone.now())


# Hiding and restoring -------------------------------------------------------------------------


@transaction.atomic
def content_hide(*, moderator: User, item: Item, reason: str) -> None:
    require(can_moderate, moderator)
    if not visibility_set(item=item, hidden=True, by=moderator, reason=reason):
        # Already hidden (by flags, or its author): the moderator's decision replaces that.
        type(item).objects.filter(pk=item.pk).update(
            hidden_by=moderator, hidden_reason=reason.strip()[:300]
        )
        item.refresh_from_db()
        freshness.thread_changed(thread_of(item).pk)
    upheld = _close_flags(item, moderator, Flag.Status.UPHELD)
    record(
        actor=moderator, action=Action.HIDE, target=item, reason=reason, details={"flags": upheld}
    )


@transaction.atomic
def content_restore(*, moderator: User, item: Item, reason: str = "") -> None:
    """Bring hidden content back; open flags on it are dismissed, since a moderator said no."""
    require(can_moderate, moderator)
    if not visibility_set(item=item, hidden=False, by=None, reason=""):
        return  # already visible: nothing to restore or to log
    dismissed = _close_flags(item, moderator, Flag.Status.DISMISSED)
    record(
        actor=moderator,
        action=Action.RESTORE,
        target=item,
        reason=reason,
        details={"flags": dismissed},
    )


# Flags ----------------------------------------------------------------------------------------


class AlreadyFlagged(ActionNotAllowed):
    pass


@transaction.atomic
def flag_create(*, flagger: User, item: Item, reason: str, text: str = "") -> Flag:
    """Anyone signed in flags a post or comment, once while their flag is open. Enough spam or
    abuse flags from different people hide the item until a moderator reviews it.

    Raises ValidationError (by field) for an unknown reason or a "needs a moderator" flag that
    does not say why; after those checks, the only constraint left to break is one open flag
    per person and item."""
    require(can_flag, flagger, item)
    if reason not in Flag.Reason.values:
        raise ValidationError({"reason": "Choose what is wrong."})
    if reason == Flag.Reason.NEEDS_MODERATOR and not text.strip():
        raise ValidationError({"text": "Say what a moderator should look at."})
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                flagger=flagger, reason=reason, text=text.strip(), **{item.kind: item}
            )
    except IntegrityError:
        raise AlreadyFlagged(
            "You have already flagged this; a moderator will look at it."
        ) from None
    strong = _open_flags(item).filter(reason__in=AUTO_HIDE_REASONS)
    if strong.count() >= settings.RUNGS_FLAGS_TO_HIDE:  # open flags are one per person
        visibility_set(item=item, hidden=True, by=None, reason="Hidden by flags, awaiting review")
    return flag


@transaction.atomic
def flags_dismiss(*, moderator: User, item: Item, reason: str = "") -> int:
    """The flags were wrong: close them and, if they had hidden the item, show it again."""
    require(can_moderate, moderator)
    if item.is_hidden_by_flags:
        visibility_set(item=item, hidden=False, by=None, reason="")
    dismissed = _close_flags(item, moderator, Flag.Status.DISMISSED)
    record(
        actor=moderator,
        action=Action.DISMISS_FLAGS,
        target=item,
        reason=reason,
        details={"flags": dismissed},
    )
    return dismissed


# People ---------------------------------------------------------------------------------------


@transaction.atomic
def user_warn(*, moderator: User, item: Item, message: str) -> Notification:
    """A private warning to the author of `item`, which also settles the flags on it."""
    require(can_moderate, moderator)
    question = thread_of(item)
    notification = notify_warning(
        recipient=item.author,
        moderator=moderator,
        question=question,
        answer=item if item.kind == "answer" else None,
        comment=item if item.kind == "comment" else None,
        message=message,
    )
    upheld = _close_flags(item, moderator, Flag.Status.UPHELD)
    # Logged against the person, unless the item is anonymous: then against the item, so the
    # log never ties an anonymous post to its author without a reveal.
    named = names_author(item)
    record(
        actor=moderator,
        action=Action.WARN,
        target=item.author if named else item,
        reason=message,
        details={"about": f"{item.kind} {item.pk}", "flags": upheld}
        if named
        else {"flags": upheld},
    )
    return notification


@transaction.atomic
def user_suspend(*, moderator: User, user: User, days: int, reason: str) -> Suspension:
    require(can_suspend, moderator, user)
    if not 1 <= days <= Suspension.MAX_DAYS:
        raise ValueError(f"A suspension lasts from 1 to {Suspension.MAX_DAYS} days.")
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        reason=reason.strip(),
        starts_at=now,
        ends_at=now + timedelta(days=days),
        created_by=moderator,
    )
    _sync_suspension(user)
    record(
        actor=moderator,
        action=Action.SUSPEND,
        target=user,
        reason=reason,
        details={"days": days, "until": suspension.ends_at.isoformat()},
    )
    return suspension


@transaction.atomic
def suspension_lift(*, moderator: User, suspension: Suspension, reason: str = "") -> None:
    """End a suspension early. Whoever may suspend the person may lift it, and nobody else."""
    require(can_suspend, moderator, suspension.user)
    if (
        not Suspension.objects.live()
        .filter(pk=suspension.pk)
        .update(lifted_at=timezone.now(), lifted_by=moderator)
    ):
        return  # lifted already, or over
    _sync_suspension(suspension.user)
    record(
        actor=moderator,
        action=Action.LIFT_SUSPENSION,
        target=suspension.user,
        reason=reason,
        details={"suspension": suspension.pk},
    )


def _sync_suspension(user: User) -> None:
    """Copy the latest-ending live suspension onto the user row, for query-free checks."""
    live = Suspension.objects.live().filter(user=user).order_by("-ends_at").first()
    User.objects.filter(pk=user.pk).update(
        suspended_until=live.ends_at if live else None,
        suspension_reason=live.reason if live else "",
    )
    user.refresh_from_db(fields=["suspended_until", "suspension_reason"])


@transaction.atomic
def author_reveal(*, moderator: User, item: Item, reason: str) -> User:
    """Who wrote an anonymous post: only through this explicit, logged action."""
    require(can_reveal, moderator, item)
    if not reason.strip():
        raise ValueError("Say why you need to know who wrote it.")
    record(
        actor=moderator,
        action=Action.REVEAL,
        target=item,
        reason=reason,
        details={"user_id": item.author_id, "username": item.author.username},
    )
    return item.author


# Curating and featuring ----------------------------------------------------------------------


@transaction.atomic
def answer_curate(*, moderator: User, answer: Answer, note: str) -> None:
    require(can_curate, moderator, answer)
    if not note.strip():
        raise ValueError("Say in a sentence why this answer is worth reading.")
    Answer.objects.filter(pk=answer.pk).update(
        curated_at=timezone.now(), curated_by=moderator, curated_note=note.strip()[:280]
    )
    freshness.thread_changed(answer.question_id, lists=False)
    record(actor=moderator, action=Action.CURATE, target=answer, reason=note)


@transaction.atomic
def answer_uncurate(*, moderator: User, answer: Answer, reason: str = "") -> None:
    require(can_moderate, moderator)
    Answer.objects.filter(pk=answer.pk).update(curated_at=None, curated_by=None, curated_note="")
    freshness.thread_changed(answer.question_id, lists=False)
    record(actor=moderator, action=Action.UNCURATE, target=answer, reason=reason)


def _pin(question: Question, level: Level | None) -> Feature | None:
    """The question's pin on that page, taken under a row lock so two clicks make one pin."""
    Question.objects.select_for_update().get(pk=question.pk)
    return (
        Feature.objects.select_related("question", "level")
        .filter(question=question, level=level)
        .first()
    )


@transaction.atomic
def question_feature(*, moderator: User, question: Question, level: Level | None) -> Feature:
    """Pin a question on the home page (level None) or on its own level's page, at the end."""
    require(can_moderate, moderator)
    return _pin(question, level) or _feature_new(moderator, question, level)


def _feature_new(moderator: User, question: Question, level: Level | None) -> Feature:
    if question.is_hidden:
        raise ActionNotAllowed("Hidden questions cannot be featured.")
    if level is not None and level.pk != question.level_id:
        raise ActionNotAllowed("A question is featured on its own level's page only.")
    last = Feature.objects.filter(level=level).aggregate(last=Max("position"))["last"]
    feature = Feature.objects.create(
        question=question, level=level, position=(last or 0) + 1, featured_by=moderator
    )
    freshness.lists_changed()
    record(
        actor=moderator,
        action=Action.FEATURE,
        target=question,
        details={"where": level.slug if level else "home"},
    )
    return feature


@transaction.atomic
def question_feature_toggle(*, moderator: User, question: Question, level: Level | None) -> bool:
    """Pin the question there, or take the pin away if it is there. True when now pinned."""
    require(can_moderate, moderator)
    if existing := _pin(question, level):
        question_unfeature(moderator=moderator, feature=existing)
        return False
    _feature_new(moderator, question, level)
    return True


@transaction.atomic
def question_unfeature(*, moderator: User, feature: Feature) -> None:
    require(can_moderate, moderator)
    record(
        actor=moderator,
        action=Action.UNFEATURE,
        target=feature.question,
        details={"where": feature.level.slug if feature.level_id else "home"},
    )
    feature.delete()  # a pin, not content: the audit entry keeps its history
    freshness.lists_changed()


@transaction.atomic
def feature_move(*, moderator: User, feature: Feature, offset: int) -> None:
    """Move a pinned question up (-1) or down (+1) among the pins of its page."""
    require(can_moderate, moderator)
    siblings = list(
        Feature.objects.select_for_update()
        .filter(level_id=feature.level_id)
        .order_by("position", "featured_at", "pk")
    )
    index = next(i for i, f in enumerate(siblings) if f.pk == feature.pk)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            Feature.objects.filter(pk=sibling.pk).update(position=position)
    freshness.lists_changed()
    record(
        actor=moderator,
        action=Action.REORDER,
        target=feature.question,
        details={"where": feature.level.slug if feature.level_id else "home", "to": target + 1},
    )


# Closing and locking -------------------------------------------------------------------------


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


@transaction.atomic
def question_reopen(*, moderator: User, question: Question, reason: str = "") -> None:
    require(can_moderate, moderator)
    if not Question.objects.filter(pk=question.pk, closed_at__isnull=False).update(
        closed_at=None, closed_by=None, close_reason="", close_note="", duplicate_of=None
    ):
        return  # open already
    freshness.thread_changed(question.pk)
    record(actor=moderator, action=Action.REOPEN, target=question, reason=reason)


@transaction.atomic
def question_lock(*, moderator: User, question: Question, reason: str) -> None:
    require(can_moderate, moderator)
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
