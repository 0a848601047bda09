"""A per-process memory of recent facts (core/memo.py)."""

from core import memo
from core.memo import Recently


def test_a_fact_is_remembered_for_its_own_seconds(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    recently = Recently(10)
    recently.remember("viewed:1:a", 60)
    recently.remember("viewed:2:a", 3600)
    assert "viewed:1:a" in recently
    now[0] += 61
    assert "viewed:1:a" not in recently
    assert "viewed:2:a" in recently
    recently.clear()
    assert "viewed:2:a" not in recently


def test_when_full_the_oldest_go_first():
    recently = Recently(2)
    for key in ("a", "b", "c"):
        recently.remember(key, 60)
    assert "a" not in recently
    assert "b" in recently
    assert "c" in recently


def test_weighed_values_make_room_and_a_heavy_one_is_not_kept():
    pages = Recently(100, weight=len)
    pages.put("a", "x" * 20, 60)
    pages.put("b", "y" * 20, 60)
    pages.put("huge", "z" * 26, 60)  # over a quarter of the capacity
    assert pages.get("huge") is None
    for key in "cdef":
        pages.put(key, "w" * 20, 60)
    assert pages.get("a") is None  # the oldest made room
    assert pages.get("f") == "w" * 20
