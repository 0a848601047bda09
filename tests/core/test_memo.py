"""A per-process memory of recent facts (core/memo.py)."""

from core import memo
from core.memo import Recently


def test_a_fact_is_remembered_for_its_own_seconds(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    recently = Recently(max_items=10)
    recently.remember("viewed:1:a", 60)
    recently.remember("viewed:2:a", 3600)
    assert "viewed:1:a" in recently
    now[0] += 61
    assert "viewed:1:a" not in recently
    assert "viewed:2:a" in recently
    recently.clear()
    assert "viewed:2:a" not in recently


def test_when_full_the_oldest_go_first():
    recently = Recently(max_items=2)
    for key in ("a", "b", "c"):
        recently.remember(key, 60)
    assert "a" not in recently
    assert "b" in recently
    assert "c" in recently
