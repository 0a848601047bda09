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


def test_every_line_is_kept_and_nul_bytes_go():
    text = "nul\x00here\n" + "\n".join(f"Step {i}" for i in range(40))
    rows = migration.action_rows(text=text, due=None, done_at=None)
    assert [r["text"] for r in rows] == ["nulhere", *(f"Step {i}" for i in range(40))]
    assert [r["order"] for r in rows] == list(range(41))


def test_a_long_line_becomes_several_actions_cut_between_words():
    line = " ".join(f"word{i:03}" for i in range(100))  # 799 characters
    rows = migration.action_rows(text=f"{line}\nAfter", due=None, done_at=WHEN)
    texts = [r["text"] for r in rows]
    assert all(len(t) <= 300 for t in texts)
    assert " ".join(texts[:-1]) == line  # nothing lost, no word cut
    assert texts[-1] == "After"
    assert [r["order"] for r in rows] == list(range(len(rows)))
    assert {r["done_at"] for r in rows} == {WHEN}


def test_a_word_longer_than_an_action_is_cut_but_kept():
    rows = migration.action_rows(text="Read " + "x" * 700 + " twice", due=None, done_at=None)
    texts = [r["text"] for r in rows]
    assert texts == ["Read", "x" * 300, "x" * 300, "x" * 100 + " twice"]


def test_an_empty_box_makes_nothing():
    assert migration.action_rows(text=" \n - \n", due=None, done_at=None) == []
