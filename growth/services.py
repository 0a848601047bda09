"""Writes for self-assessments and plans. Every function acts for the owner it is given."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.rules import require
from growth import wording
from growth.models import (
    ACTION_LENGTH,
    ACTIONS_PER_GOAL,
    EARLIEST,
    LATEST,
    Assessment,
    Goal,
    Plan,
    PlanAction,
    Rating,
    RevokedShareLink,
)
from growth.rules import can_assess, can_manage
from growth.selectors.assessments import assessment_scores, scope
from growth.selectors.results import growth_actions, transition_for
from ladder.models import Competency, Level, Track
from ladder.selectors.levels import ladder_version

PLAN_HORIZON = timedelta(days=90)
GOALS_AT_MOST = 5


@transaction.atomic
def assessment_start(*, owner: User, track: Track, current: Level, target: Level) -> Assessment:
    """Start an assessment, or return the one already in progress (there is at most one).

    One aims at one's own level or above it: a lower target raises ValidationError, by field.
    A new assessment starts from the answers of the person's latest finished one on the same
    track, for the expectations it still covers, each marked with that assessment's date until
    the person confirms or changes it.
    """
    require(can_assess, owner)
    if target.order < current.order:
        raise ValidationError({"target": "Aim at your level or one above it."})
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                owner=owner, track=track, current_level=current, target_level=target
            )
    except IntegrityError:
        return Assessment.objects.get(owner=owner, status=Assessment.Status.DRAFT)
    _carry_over(assessment)
    return assessment


def _carry_over(assessment: Assessment) -> None:
    previous = (
        Assessment.objects.filter(
            owner=assessment.owner, track=assessment.track, status=Assessment.Status.FINISHED
        )
        .order_by("-finished_at", "-id")
        .first()
    )
    if previous is None:
        return
    allowed = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).ids
    day = timezone.localdate(previous.finished_at)
    Rating.objects.bulk_create(
        Rating(
            assessment=assessment,
            expectation_id=old.expectation_id,
            value=old.value,
            evidence=old.evidence,
            carried_from=day,
        )
        for old in previous.ratings.filter(expectation_id__in=allowed)
    )


@dataclass(frozen=True)
class RatingInput:
    expectation_id: int
    value: int | None  # None: not rated (the evidence is kept all the same)
    evidence: str = ""


EVIDENCE_MAX = 500


def _evidence(rating: RatingInput) -> str:
    return rating.evidence.replace("\x00", "").strip()


@transaction.atomic
def assessment_save(
    *,
    user: User,
    assessment: Assessment,
    ratings: list[RatingInput],
    finish: bool = False,
    competency: Competency | None = None,
) -> Assessment:
    """Save ratings (a draft can be saved half done); finishing needs every expectation rated.

    What is submitted for an expectation replaces what was saved, and confirms an answer
    carried over from an earlier assessment. No rating sent keeps a rating saved meanwhile and
    replaces only the evidence; evidence alone is kept unrated; with neither, nothing is kept.
    `competency`, when given, is the one step these ratings
    come from: an expectation of another competency is refused.

    Raises ValidationError for ratings off the scale, evidence over EVIDENCE_MAX characters,
    expectations this assessment (or step) does not cover, or a finish with gaps; nothing is
    written then.
    """
    require(can_manage, user, assessment)
    _lock_draft(assessment)
    chosen = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    )
    allowed = chosen.ids
    if competency is not None:
        allowed = {e.pk for e in chosen.items if e.competency_id == competency.pk}
    for rating in ratings:
        if rating.expectation_id not in allowed:
            raise ValidationError("A rating is for an expectation this assessment does not cover.")
        if rating.value is not None and rating.value not in Rating.Value.values:
            raise ValidationError("Ratings are not yet, sometimes or consistently.")
        if len(_evidence(rating)) > EVIDENCE_MAX:  # refused, not cut: nothing typed is lost
            raise ValidationError(
                f"Evidence is at most {EVIDENCE_MAX} characters: shorten it, or link to a "
                "document that says more."
            )
    for rating in ratings:
        evidence = _evidence(rating)
        saved = assessment.ratings.filter(expectation_id=rating.expectation_id)
        if rating.value is None:
            # No rating sent. The steps cannot clear one, so a rating saved meanwhile (from
            # another tab) stays; only the evidence is replaced.
            if saved.filter(value__isnull=False).update(evidence=evidence):
                continue
            if not evidence:
                saved.delete()
                continue
        Rating.objects.update_or_create(
            assessment=assessment,
            expectation_id=rating.expectation_id,
            defaults={"value": rating.value, "evidence": evidence, "carried_from": None},
        )
    if finish:
        _finish(assessment, chosen.ids)
    else:
        assessment.save(update_fields=["updated_at"])
    return assessment


def _lock_draft(assessment: Assessment) -> None:
    """Lock the assessment's row until the transaction ends and check, on that row, that it is
    still a draft: a save from a second tab then waits for a finish in the first and is refused,
    instead of writing the draft back over it (the writes below name their fields)."""
    status = (
        Assessment.objects.select_for_update()
        .filter(pk=assessment.pk)
        .values_list("status", flat=True)
        .first()
    )
    if status != Assessment.Status.DRAFT:
        raise ValidationError("This assessment is finished; start a new one to rate again.")


@transaction.atomic
def assessment_finish(*, user: User, assessment: Assessment) -> Assessment:
    """Finish a draft whose every expectation is rated; else ValidationError saying how many
    are left (and nothing changes)."""
    require(can_manage, user, assessment)
    _lock_draft(assessment)
    allowed = scope(
        track=assessment.track, current=assessment.current_level, target=assessment.target_level
    ).ids
    _finish(assessment, allowed)
    return assessment


def _finish(assessment: Assessment, allowed: set[int]) -> None:
    rated = set(
        assessment.ratings.filter(value__isnull=False).values_list("expectation_id", flat=True)
    )
    missing = len(allowed - rated)
    if missing:
        raise ValidationError(
            f"Rate every expectation before finishing: {missing} left.", code="unrated"
        )
    assessment.status = Assessment.Status.FINISHED
    assessment.finished_at = timezone.now()
    assessment.ladder_version = ladder_version()
    assessment.save(update_fields=["status", "finished_at", "ladder_version", "updated_at"])


@transaction.atomic
def assessment_discard(*, user: User, assessment: Assessment) -> None:
    """Drop a draft. Finished assessments are kept, so progress can be seen over time."""
    require(can_manage, user, assessment)
    if assessment.status != Assessment.Status.DRAFT:
        raise ValidationError("Finished assessments are kept.")
    assessment.ratings.all().delete()
    assessment.delete()


@transaction.atomic
def plan_generate(*, user: User, assessment: Assessment, today: date | None = None) -> Plan:
    """A first plan from an assessment's gaps, written for a person to read and change: for
    each competency that weighs most (at most five), a goal in plain words, why it matters,
    two or three actions with dates spread over the next three months, and who can help."""
    require(can_manage, user, assessment)
    # One plan per assessment: lock it so a double click cannot make two.
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if existing := Plan.objects.filter(assessment=assessment).first():
        return existing
    if assessment.status != Assessment.Status.FINISHED:
        raise ValidationError("Finish the assessment before making a plan from it.")
    scores = assessment_scores(assessment)[0]
    target, current = assessment.target_level, assessment.current_level
    ladder_actions = growth_actions(current=current, target=target, track=assessment.track)
    step = transition_for(current=current, target=target)
    start = today or timezone.localdate()
    plan = Plan.objects.create(
        owner=assessment.owner,
        assessment=assessment,
        title=f"From {current.name.lower()} to {target.name.lower()}",
        discuss="\n".join(_topics(scores, target)),
    )
    for order, weak in enumerate(scores.weak[:GOALS_AT_MOST]):
        written = wording.goal_for(
            weak,
            target=target,
            ladder_actions=[
                a.text for a in ladder_actions if a.competency_id == weak.competency.pk
            ],
            step_summary=step.summary if step and order == 0 else "",
        )
        goal = Goal.objects.create(
            plan=plan,
            competency=weak.competency,
            title=written.title,
            why=written.why,
            support=written.support,
            evidence="\n".join(written.evidence),
            target_date=start + PLAN_HORIZON,
            order=order,
        )
        PlanAction.objects.bulk_create(
            PlanAction(goal=goal, text=text, due=due, order=index)
            for index, (text, due) in enumerate(
                zip(written.actions, spread(start, len(written.actions)), strict=True)
            )
        )
    return plan


def spread(start: date, count: int) -> list[date]:
    """`count` dates evenly over the plan's horizon, the last one at its end."""
    return [start + PLAN_HORIZON * (i + 1) / count for i in range(count)]


def _topics(scores, target: Level) -> list[str]:
    topics = ["Do you see the same gaps as I do? Which matter most for my next review?"]
    if scores.priorities:
        first = scores.priorities[0].competency.name.lower()
        topics.append(f"Which project coming up would let me practise {first}?")
    for group in scores.groups:
        if group.pointer:
            strength = group.strong[0].competency.name.lower()
            topics.append(
                f"In “{group.group.name}”, my only strength is {strength}. The ladder says: "
                f"{group.pointer} What do you think?"
            )
    topics += [
        f"What does a {target.name.lower()} look like on our team, concretely?",
        "How often shall we look at this plan together?",
    ]
    return topics


@dataclass(frozen=True)
class GoalInput:
    title: str
    why: str = ""
    support: str = ""
    evidence: str = ""
    target_date: date | None = None
    done: bool = False
    competency: Competency | None = None
    goal_id: int | None = None  # an existing goal to update; None makes a new one


@transaction.atomic
def plan_update(
    *,
    user: User,
    plan: Plan,
    title: str,
    discuss: str,
    goals: list[GoalInput],
    remove: Iterable[int] = (),
) -> Plan:
    """Replace the plan's words and the goals the person wrote; the goals in `remove` (ids the
    person ticked "Remove") go with their actions. A goal neither written nor removed stays as
    it was, after the others: a form opened before it was added must not delete it.
    Actions themselves change one by one (plan_action_*)."""
    require(can_manage, user, plan)
    plan.title, plan.discuss = title.strip(), discuss.strip()
    plan.full_clean(exclude=["share_token"])
    for goal in goals:
        try:
            checked_goal_date(goal.target_date)
        except ValidationError as problem:
            raise ValidationError({"target_date": problem}) from None
    plan.save()
    removed = set(remove)
    kept = []
    for order, goal in enumerate(goals):
        values = {
            "title": goal.title.strip(),
            "why": goal.why.strip(),
            "support": goal.support.strip(),
            "evidence": goal.evidence.strip(),
            "target_date": goal.target_date,
            "done": goal.done,
            "competency": goal.competency,
            "order": order,
        }
        if goal.goal_id in removed:
            continue
        if goal.goal_id and plan.goals.filter(pk=goal.goal_id).update(**values):
            kept.append(goal.goal_id)
        else:
            kept.append(Goal.objects.create(plan=plan, **values).pk)
    plan.goals.filter(pk__in=removed).delete()  # only this plan's goals: ids are checked here
    untouched = plan.goals.exclude(pk__in=kept).order_by("order", "id")
    for order, goal in enumerate(untouched, start=len(kept)):
        if goal.order != order:
            Goal.objects.filter(pk=goal.pk).update(order=order)
    return plan


DATE_RANGE = "Choose a date between 2000 and 2100."


def checked_goal_date(value: date | None) -> None:
    """A goal's target date lies in this century: year 1 or 9999 is a typo, not a plan."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(DATE_RANGE, code="date_range")


def _checked_action(text: str, due: date | None) -> tuple[str, date | None]:
    """The action's words on one line, and its date; ValidationError (by field) if not fit."""
    text = " ".join((text or "").replace("\x00", "").split())
    errors = {}
    if not text:
        errors["text"] = "Write what you will do."
    elif len(text) > ACTION_LENGTH:
        errors["text"] = f"Keep an action under {ACTION_LENGTH} characters."
    if due is not None and not EARLIEST <= due <= LATEST:
        errors["due"] = DATE_RANGE
    if errors:
        raise ValidationError(errors)
    return text, due


def _touch(plan_id: int) -> None:
    Plan.objects.filter(pk=plan_id).update(updated_at=timezone.now())


@transaction.atomic
def plan_action_add(*, user: User, goal: Goal, text: str, due: date | None = None) -> PlanAction:
    """A new action at the end of the goal's list (at most ACTIONS_PER_GOAL of them)."""
    require(can_manage, user, goal.plan)
    text, due = _checked_action(text, due)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)  # two adds at once: one order each
    count = goal.actions.count()
    if count >= ACTIONS_PER_GOAL:
        raise ValidationError({"text": f"A goal holds at most {ACTIONS_PER_GOAL} actions."})
    last = goal.actions.order_by("-order").values_list("order", flat=True).first()
    action = PlanAction.objects.create(
        goal=goal, text=text, due=due, order=0 if last is None else last + 1
    )
    _touch(goal.plan_id)
    return action


@transaction.atomic
def plan_action_update(
    *, user: User, action: PlanAction, text: str, due: date | None
) -> PlanAction:
    """New words or a new date for one action (done or not: its done date stays)."""
    require(can_manage, user, action.goal.plan)
    action.text, action.due = _checked_action(text, due)
    action.save(update_fields=["text", "due"])
    _touch(action.goal.plan_id)
    return action


@transaction.atomic
def plan_action_toggle(*, user: User, action: PlanAction, done: bool) -> PlanAction:
    """Tick an action off (it keeps the moment it was done) or undo that. Saying "done" twice
    keeps the first date."""
    require(can_manage, user, action.goal.plan)
    if done and action.done_at is None:
        action.done_at = timezone.now()
    elif not done:
        action.done_at = None
    action.save(update_fields=["done_at"])
    _touch(action.goal.plan_id)
    return action


@transaction.atomic
def plan_action_remove(*, user: User, action: PlanAction) -> None:
    require(can_manage, user, action.goal.plan)
    action.delete()
    _touch(action.goal.plan_id)


@transaction.atomic
def plan_share(*, user: User, plan: Plan) -> str:
    """Make (or keep) a read-only link; the token is long and random, so it cannot be guessed."""
    require(can_manage, user, plan)
    if not plan.share_token:
        plan.share_token = secrets.token_urlsafe(32)
        plan.shared_at = timezone.now()
        plan.save(update_fields=["share_token", "shared_at"])
    return plan.share_token


@transaction.atomic
def plan_unshare(*, user: User, plan: Plan) -> None:
    """Turn the link off at once. The old token is remembered, so whoever opens it learns
    that the owner turned it off (410) instead of meeting a page that never was (404)."""
    require(can_manage, user, plan)
    if plan.share_token:
        RevokedShareLink.objects.get_or_create(
            token=plan.share_token, defaults={"plan": plan, "shared_at": plan.shared_at}
        )
    plan.share_token = None
    plan.shared_at = None
    plan.save(update_fields=["share_token", "shared_at"])


@transaction.atomic
def personal_data_erase(*, owner: User) -> None:
    """Delete every self-assessment and plan of a person who deletes their account: their
    ratings, evidence, goals, actions and share links go with them (a share link, live or
    turned off, is a 404 at once).
    Idempotent. Called by privacy.services.account_delete, which checks who may ask."""
    Plan.objects.filter(owner=owner).delete()  # goals, actions and old links go with it
    Rating.objects.filter(assessment__owner=owner).delete()
    Assessment.objects.filter(owner=owner).delete()
