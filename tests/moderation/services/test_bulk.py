"""Bulk actions on the flag queue (moderation/services/bulk.py)."""

import pytest

from core.rules import ActionNotAllowed
from moderation.models import AuditEntry, Flag
from moderation.queue_items import Item, parse_item
from moderation.selectors import flag_queue
from moderation.services.bulk import MAX_ITEMS, queue_bulk
from moderation.services.visibility import contribution_hide
from tests.factories import UserFactory
from tests.moderation.factories import flag, flags, fresh, moderator

pytestmark = pytest.mark.usefixtures("ladder")


def items() -> list[Item]:
    return [parse_item(entry.token) for entry in flag_queue()]


def test_hide_acts_on_each_item_and_logs_each(thread):
    question, answer, comment = thread
    for item in thread:
        flag(item, reason="off-topic")
    result = queue_bulk(moderator=moderator(), action="hide", items=items(), reason="Spam ring")
    assert (result.done, result.skipped) == (3, 0)
    assert all(fresh(item).is_hidden for item in (question, answer, comment))
    hides = AuditEntry.objects.filter(action="hide")
    assert sorted(hides.values_list("target_kind", flat=True)) == ["answer", "comment", "question"]
    assert set(hides.values_list("reason", flat=True)) == {"Spam ring"}
    assert not Flag.objects.filter(status="open").exists()


def test_items_that_changed_meanwhile_are_skipped(thread):
    _question, answer, comment = thread
    flag(answer, reason="off-topic")
    flag(comment, reason="off-topic")
    seen = items()
    flag(answer, reason="rude")  # a new flag after the moderator loaded the queue
    contribution_hide(moderator=moderator(), contribution=comment, reason="Another moderator")
    result = queue_bulk(moderator=moderator(), action="dismiss", items=seen, reason="")
    assert (result.done, result.skipped) == (0, 2)
    assert Flag.objects.filter(answer=answer, status="open").count() == 2


def test_restore_skips_what_is_visible_and_dismiss_keeps_going(thread):
    _question, answer, comment = thread
    flag(answer, reason="off-topic")
    flags(comment, 3)  # enough to hide it, awaiting review
    assert fresh(comment).is_hidden
    mod = moderator()
    result = queue_bulk(moderator=mod, action="restore", items=items(), reason="Fine")
    assert (result.done, result.skipped) == (1, 1)
    assert not fresh(comment).is_hidden


@pytest.mark.parametrize(
    ("action", "reason", "message"),
    [("delete", "x", "Choose"), ("hide", "  ", "reason"), ("dismiss", "", "Check between")],
)
def test_bad_requests_are_refused_whole(thread, action, reason, message):
    flag(thread[1], reason="off-topic")
    chosen = items() if message != "Check between" else []
    with pytest.raises(ValueError, match=message):
        queue_bulk(moderator=moderator(), action=action, items=chosen, reason=reason)
    assert not AuditEntry.objects.exists()


def test_too_many_items_are_refused(thread):
    many = [Item("answer", n, False, n) for n in range(1, MAX_ITEMS + 2)]
    with pytest.raises(ValueError, match="Check between"):
        queue_bulk(moderator=moderator(), action="dismiss", items=many, reason="")


def test_only_moderators(thread):
    flag(thread[1], reason="off-topic")
    with pytest.raises(ActionNotAllowed):
        queue_bulk(
            moderator=UserFactory(reputation=10**6), action="dismiss", items=items(), reason=""
        )
    assert Flag.objects.filter(status="open").count() == 1


@pytest.mark.parametrize(
    "token",
    ["", "question:1", "user:1:0:1", "question:-1:0:1", "question:1:2:1", "answer:1:0:1\\x00",
     "question:" + "9" * 19 + ":0:1", "question:1:0:1 "],
)  # fmt: skip
def test_tokens_parse_strictly(token):
    assert parse_item(token) is None
