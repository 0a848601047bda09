"""Plans: one's own, and a plan behind a live share link."""

import re

from django.http import Http404

from accounts.models import User
from growth.models import Plan


def plan_get(*, owner: User, pk: int) -> Plan:
    found = (
        Plan.objects.filter(owner=owner, pk=pk)
        .select_related(
            "assessment__target_level", "assessment__current_level", "assessment__track"
        )
        .prefetch_related("goals__competency")
        .first()
    )
    if found is None:
        raise Http404("There is no such plan among yours.")
    return found


_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")  # what secrets.token_urlsafe makes


def plan_shared(*, token: str) -> Plan:
    """The plan behind a live share link; a revoked or made-up token is a 404."""
    if not _TOKEN.fullmatch(token or ""):  # also keeps "" (no link) and odd bytes out of SQL
        raise Http404("This link does not lead to a plan. It may have been turned off.")
    found = (
        Plan.objects.filter(share_token=token)
        .select_related("owner", "assessment__target_level", "assessment__current_level")
        .prefetch_related("goals__competency")
        .first()
    )
    if found is None:
        raise Http404("This link does not lead to a plan. It may have been turned off.")
    return found


def plan_list(*, owner: User) -> list[Plan]:
    return list(Plan.objects.filter(owner=owner).select_related("assessment__target_level"))
