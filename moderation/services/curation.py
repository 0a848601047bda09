"""Curating answers and featuring questions: what moderators put first."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import ActionNotAllowed, require
from forum import freshness
from forum.models import Answer, Feature, Notification, Question
from forum.services import badges
from forum.services.notifications import notify_moderated
from ladder.models import Level
from moderation.audit import Action, record
from moderation.rules import can_curate


@transaction.atomic
def answer_curate(*, moderator: User, answer: Answer, note: str) -> None:
    require(can_curate, moderator, answer)
    if not note.strip():
        raise ValueError("Say in a sentence why this answer is worth reading.")
    newly = Answer.objects.filter(pk=answer.pk, curated_at__isnull=True).exists()
    Answer.objects.filter(pk=answer.pk).update(
        curated_at=timezone.now(), curated_by=moderator, curated_note=note.strip()[:280]
    )
    freshness.thread_changed(answer.question_id, lists=False)
    record(actor=moderator, action=Action.CURATE, target=answer, reason=note)
    if newly:  # a changed note is no news, and earns no badge it did not earn before
        if not answer.is_anonymous:
            badges.badges_check(user_id=answer.author_id, badges=badges.ON_CURATION)
        notify_moderated(
            recipient=answer.author,
            kind=Notification.Kind.CURATED,
            contribution=answer,
            moderator=moderator,
            message=note,
        )


@transaction.atomic
def answer_uncurate(*, moderator: User, answer: Answer, reason: str = "") -> None:
    require(can_moderate, moderator)
    Answer.objects.filter(pk=answer.pk).update(curated_at=None, curated_by=None, curated_note="")
    freshness.thread_changed(answer.question_id, lists=False)
    record(actor=moderator, action=Action.UNCURATE, target=answer, reason=reason)


def _feature_of(question: Question, level: Level | None) -> Feature | None:
    """The question's feature on that page, read under a row lock so two clicks make one."""
    Question.objects.select_for_update().get(pk=question.pk)
    return (
        Feature.objects.select_related("question", "level")
        .filter(question=question, level=level)
        .first()
    )


@transaction.atomic
def question_feature(*, moderator: User, question: Question, level: Level | None) -> Feature:
    """Feature a question on the home page (level None) or on its own level's page, last."""
    require(can_moderate, moderator)
    return _feature_of(question, level) or _feature_new(moderator, question, level)


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
    notify_moderated(
        recipient=question.author,
        kind=Notification.Kind.FEATURED,
        contribution=question,
        moderator=moderator,
        message=f"On {'the ' + level.name + ' page' if level else 'the home page'}.",
    )
    return feature


@transaction.atomic
def question_unfeature_from(*, moderator: User, question: Question, level: Level | None) -> bool:
    """Stop featuring the question on the home page (level None) or its level's page. Idempotent:
    False when it was not featured there (a second click changes nothing)."""
    require(can_moderate, moderator)
    if existing := _feature_of(question, level):
        question_unfeature(moderator=moderator, feature=existing)
        return True
    return False


@transaction.atomic
def question_unfeature(*, moderator: User, feature: Feature) -> None:
    require(can_moderate, moderator)
    record(
        actor=moderator,
        action=Action.UNFEATURE,
        target=feature.question,
        details={"where": feature.level.slug if feature.level_id else "home"},
    )
    feature.delete()  # a choice of order, not content: the audit entry keeps its history
    freshness.lists_changed()


@transaction.atomic
def feature_move(*, moderator: User, feature: Feature, offset: int) -> None:
    """Move a featured question up (-1) or down (+1) among the features of its page."""
    require(can_moderate, moderator)
    if offset not in (-1, 1):
        raise ValueError("A featured question moves one place up or down.")
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
