"""The data step of growth/migrations/0003_plan_actions.py: old one-per-line action boxes
become rows. (The whole migration, forwards and back, was run on PostgreSQL by hand.)"""

import importlib
from datetime import UTC, date, datetime

migration = importlib.import_module("growth.migrations.0003_plan_actions")

WHEN = datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_each_line_becomes_an_action_in_order():
    rows = migration.action_rows(
        text="- Lead a design review\n\n• Write an RFC \r\n  * Ask for  feedback  ",
        due=date(2027, 3, 1),
        done_at=None,
    )
    assert rows == [
        {"text": "Lead a design review", "due": date(2027, 3, 1), "done_at": None, "order": 0},
        {"text": "Write an RFC", "due": date(2027, 3, 1), "done_at": None, "order": 1},
        {"text": "Ask for feedback", "due": date(2027, 3, 1), "done_at": None, "order": 2},
    ]


def test_a_done_goal_has_its_actions_done():
    rows = migration.action_rows(text="One\nTwo", due=None, done_at=WHEN)
    assert [r["done_at"] for r in rows] == [WHEN, WHEN]


def test_long_lines_nul_bytes_and_too_many_lines_are_tidied():
    text = "x" * 4000 + "\nnul\x00here\n" + "\n".join(f"Step {i}" for i in range(40))
    rows = migration.action_rows(text=text, due=None, done_at=None)
    assert len(rows) == 20
    assert len(rows[0]["text"]) == 300
    assert rows[1]["text"] == "nulhere"
    assert [r["order"] for r in rows] == list(range(20))


def test_an_empty_box_makes_nothing():
    assert migration.action_rows(text=" \n - \n", due=None, done_at=None) == []
