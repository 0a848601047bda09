"""The rule machinery every app shares (core/rules.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from core.rules import ActionNotAllowed, refusal, require, rule


def _too_early(user, hour) -> str | None:
    return "Not before nine." if hour < 9 else None


def _weekend(user, hour) -> str | None:
    return "Not at the weekend." if user == "saturday" else None


@rule("Only Ada may open the door.", reasons=(_too_early, _weekend))
def can_open(user, hour) -> bool:
    return user == "ada" and hour >= 9


def test_a_rule_is_still_the_function_it_declares():
    assert can_open("ada", 10)
    assert not can_open("bob", 10)
    assert can_open.__name__ == "can_open"


def test_the_first_reason_that_applies_is_the_refusal_else_the_rules_own_words():
    assert refusal(can_open, "bob", 10) == "Only Ada may open the door."
    assert refusal(can_open, "ada", 7) == "Not before nine."
    assert refusal(can_open, "saturday", 7) == "Not before nine."  # in the order declared
    assert refusal(can_open, "saturday", 10) == "Not at the weekend."


def test_require_raises_with_the_refusal_and_passes_silently_otherwise():
    require(can_open, "ada", 10)
    with pytest.raises(ActionNotAllowed, match="Not before nine") as refused:
        require(can_open, "ada", 8)
    assert isinstance(refused.value, PermissionDenied)  # Django answers it with a 403
