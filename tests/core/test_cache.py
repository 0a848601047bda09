"""The Redis cache while Redis is down: reads miss, stores are skipped, counters fail closed."""

import logging
import socket
from unittest import mock

import pytest
from django.core.cache.backends.redis import RedisCache

from core.cache import CacheUnavailable, DegradingRedisCache


def _closed_port() -> int:
    """A port nothing listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def down():
    return DegradingRedisCache(f"redis://127.0.0.1:{_closed_port()}/0", {"DOWN_SECONDS": 60})


def test_reads_miss_and_stores_are_skipped(down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert down.get("page", "fallback") == "fallback"
        assert down.get_many(["a", "b"]) == {}
        assert down.has_key("a") is False
        down.set("a", 1)
        assert down.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert down.add("a", 1) is False
        assert down.touch("a") is False
        assert down.get_or_set("gen", 7) == 7
    # One line for the whole outage, not one per operation.
    assert ["Redis is unreachable" in r.getMessage() for r in caplog.records] == [True]


@pytest.mark.parametrize(
    "operation",
    [
        lambda c: c.incr("rl:vote"),
        lambda c: c.decr("rl:vote"),
        lambda c: c.delete("session"),
        lambda c: c.delete_many(["a"]),
        lambda c: c.clear(),
    ],
)
def test_counters_and_deletions_fail_closed(down, operation):
    with pytest.raises(CacheUnavailable):
        operation(down)


def test_after_a_failure_redis_is_left_alone_for_a_while(down):
    assert down.reachable() is False
    assert down.is_down
    with mock.patch.object(RedisCache, "get") as get:
        assert down.get("page") is None
    get.assert_not_called()


def test_it_comes_back_by_itself(down, caplog):
    down.down_seconds = 0
    assert down.get("page") is None  # fails, but retries on the next call
    with (
        caplog.at_level(logging.WARNING, logger="core.cache"),
        mock.patch.object(RedisCache, "get", return_value="stored") as get,
        mock.patch.object(RedisCache, "incr", return_value=2),
    ):
        assert down.get("page") == "stored"
        assert down.incr("rl:vote") == 2
    get.assert_called_once()
    assert any("reachable again" in r.getMessage() for r in caplog.records)


def test_fails_fast_with_its_own_timeouts():
    cache = DegradingRedisCache("redis://127.0.0.1:6379/0", {})
    assert cache._options["socket_connect_timeout"] <= 1
    assert cache._options["socket_timeout"] <= 2
    configured = DegradingRedisCache("redis://127.0.0.1:6379/0", {"OPTIONS": {"socket_timeout": 5}})
    assert configured._options["socket_timeout"] == 5
