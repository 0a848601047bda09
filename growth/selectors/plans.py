"""Plans: one's own, and a plan behind a live share link."""

import re

from django.http import Http404

from accounts.models import User
from growth.models import ActionProgress, Goal, Plan, PlanAction, RevokedShareLink


def plan_get(*, owner: User, pk: int) -> Plan:
    found = (
        Plan.objects.filter(owner=owner, pk=pk)
        .select_related(
            "assessment__target_level", "assessment__current_level", "assessment__track"
        )
        .prefetch_related("goals__competency", "goals__actions")
        .first()
    )
    if found is None:
        raise Http404("There is no such plan among yours.")
    return found


_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")  # what secrets.token_urlsafe makes


class LinkTurnedOff(Exception):
    """A share link its owner turned off: the page says so, with 410 Gone."""

    def __init__(self, revoked_at):
        super().__init__("The owner turned this link off.")
        self.revoked_at = revoked_at


def plan_shared(*, token: str) -> Plan:
    """The plan behind a live share link. A link its owner turned off raises LinkTurnedOff;
    a made-up token is a 404."""
    if not _TOKEN.fullmatch(token or ""):  # also keeps "" (no link) and odd bytes out of SQL
        raise Http404("This link does not lead to a plan.")
    found = (
        Plan.objects.filter(share_token=token)
        .select_related("owner", "assessment__target_level", "assessment__current_level")
        .prefetch_related("goals__competency", "goals__actions")
        .first()
    )
    if found is None:
        revoked = RevokedShareLink.objects.filter(token=token).values_list("revoked_at").first()
        if revoked is not None:
            raise LinkTurnedOff(revoked[0])
        raise Http404("This link does not lead to a plan.")
    return found


def goal_get(*, owner: User, pk: int) -> Goal:
    found = Goal.objects.filter(plan__owner=owner, pk=pk).select_related("plan").first()
    if found is None:
        raise Http404("There is no such goal among yours.")
    return found


def action_get(*, owner: User, pk: int) -> PlanAction:
    found = (
        PlanAction.objects.filter(goal__plan__owner=owner, pk=pk)
        .select_related("goal__plan")
        .first()
    )
    if found is None:
        raise Http404("There is no such action among yours.")
    return found


def plan_progress(plan: Plan) -> ActionProgress:
    """Actions done over the whole plan, from the prefetched goals and actions."""
    goals = [goal.progress for goal in plan.goals.all()]
    return ActionProgress(done=sum(g.done for g in goals), total=sum(g.total for g in goals))


def plan_list(*, owner: User) -> list[Plan]:
    return list(Plan.objects.filter(owner=owner).select_related("assessment__target_level"))
