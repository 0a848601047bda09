"""Acting on several items of the flag queue at once: dismiss their flags, hide or restore them,
with one reason. Each item goes through the same service as the single action (and so is
logged on its own); the whole batch is one transaction.

The queue page gives each item a *state* token: whether it was hidden and the newest open flag
on it when the moderator saw it. An item whose state differs now (another moderator acted, a
new flag came in, its flags were dismissed) is skipped rather than acted on unseen."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from accounts.models import User
from accounts.rules import can_moderate
from core.rules import require
from forum.models import Answer, Comment, Question
from forum.services.visibility import Contribution
from moderation.queue_items import Item
from moderation.services.flags import flags_dismiss, open_flags
from moderation.services.visibility import contribution_hide, contribution_restore

ACTIONS = ("dismiss", "hide", "restore")
MAX_ITEMS = 100
_MODELS = {"question": Question, "answer": Answer, "comment": Comment}


@dataclass(frozen=True)
class BulkResult:
    done: int
    skipped: int


def _current(item: Item) -> Contribution | None:
    """The item, locked, if it is still as the moderator saw it; None if it changed."""
    contribution = _MODELS[item.kind].objects.select_for_update().filter(pk=item.pk).first()
    if contribution is None or contribution.is_hidden != item.hidden:
        return None
    newest = open_flags(contribution).aggregate(newest=Max("pk"))["newest"]
    return contribution if newest == item.newest_flag else None


@transaction.atomic
def queue_bulk(*, moderator: User, action: str, items: list[Item], reason: str) -> BulkResult:
    """Dismiss, hide or restore each item that is still as the moderator saw it; skip the
    rest (and items that cannot take the action: restoring what is visible)."""
    require(can_moderate, moderator)
    if action not in ACTIONS:
        raise ValueError("Choose dismiss, hide or restore.")
    if action == "hide" and not reason.strip():
        raise ValueError("Give a reason for hiding them.")
    if not items or len(items) > MAX_ITEMS:
        raise ValueError(f"Check between 1 and {MAX_ITEMS} items.")
    done = skipped = 0
    for item in dict.fromkeys(items):  # the same item twice counts once
        contribution = _current(item)
        if contribution is None or (action == "restore" and not contribution.is_hidden):
            skipped += 1
            continue
        if action == "dismiss":
            flags_dismiss(moderator=moderator, contribution=contribution, reason=reason)
        elif action == "hide":
            contribution_hide(moderator=moderator, contribution=contribution, reason=reason)
        else:
            contribution_restore(moderator=moderator, contribution=contribution, reason=reason)
        done += 1
    return BulkResult(done=done, skipped=skipped)
