"""Django's Redis cache backend, minus one cost: it builds a new redis client object for every
single operation (a few hundred microseconds each, several times per request). This one keeps
one client per connection pool, which redis-py allows: clients are thread-safe and the pool
hands out the connections.

DegradingRedisCache, below, is the one the site uses: the same, but it keeps pages serving from
the database while Redis is down (see docs/operations.md)."""

import logging
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class _ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusingClient


class CacheUnavailable(Exception):
    """The shared cache could not be reached for an operation whose loss would leave wrong data
    behind once it is back: a counter (rate limits, page generations) or a deletion (sessions,
    unread counts). core.faults answers the request with a 503 page."""


# What redis-py raises when the server is down, restarting, unreachable or too slow.
_UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class DegradingRedisCache(ReusingRedisCache):
    """The shared cache, for a site that keeps serving while Redis is down.

    - Reads (`get`, `get_many`, `has_key`) miss, and stores (`set`, `set_many`, `add`, `touch`)
      are skipped: pages are then built from the database, which is slower but correct.
    - Counters and deletions (`incr`, `decr`, `delete`, `delete_many`, `clear`) raise
      CacheUnavailable: a rate limit that cannot count, a page generation that cannot move, or a
      session that cannot be forgotten would be wrong once Redis is back, so whatever needed one
      fails closed (a 503 page; core.faults also refuses every form post up front while Redis is
      unreachable, see `reachable`).
    - After a failure, this process leaves Redis alone for DOWN_SECONDS (2 unless the cache's
      settings say otherwise), so a request pays for one failed connection at most, and says so
      in the log once per outage.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self.down_seconds = float(params.get("DOWN_SECONDS", 2))
        self._down_until = 0.0
        self._down_since: float | None = None
        # Fail fast: a stopped server refuses at once, an unreachable one must not hang a
        # request; one immediate retry covers a pooled connection the server closed meanwhile.
        self._options = {
            "socket_connect_timeout": 0.5,
            "socket_timeout": 2.0,
            "retry_on_error": [redis.exceptions.ConnectionError],
            **self._options,
        }

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        if self._down_since is None:
            self._down_since = time.monotonic()
            logger.warning(
                "Redis is unreachable (%s: %s): reads miss and writes are refused until it is "
                "back; trying again every %.0fs",
                operation,
                error,
                self.down_seconds,
            )
        self._down_until = time.monotonic() + self.down_seconds

    def _succeeded(self) -> None:
        if self._down_since is not None:
            logger.warning(
                "Redis is reachable again after %.1fs", time.monotonic() - self._down_since
            )
            self._down_since = None

    def _lenient(self, operation: str, fallback, call, *args, **kwargs):
        if self.is_down:
            return fallback
        try:
            result = call(*args, **kwargs)
        except _UNREACHABLE as error:
            self._failed(operation, error)
            return fallback
        self._succeeded()
        return result

    def _strict(self, operation: str, call, *args, **kwargs):
        if self.is_down:
            raise CacheUnavailable(operation)
        try:
            result = call(*args, **kwargs)
        except _UNREACHABLE as error:
            self._failed(operation, error)
            raise CacheUnavailable(operation) from error
        self._succeeded()
        return result

    def reachable(self) -> bool:
        """Whether Redis answers right now (a PING, unless it failed a moment ago)."""
        return self._lenient("ping", False, lambda: self._cache.get_client(write=True).ping())

    # Reads miss.
    def get(self, key, default=None, version=None):
        return self._lenient("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._lenient("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._lenient("has_key", False, super().has_key, key, version)

    # Stores are skipped.
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._lenient("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._lenient("set_many", list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._lenient("add", False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._lenient("touch", False, super().touch, key, timeout, version)

    # Counters and deletions fail closed.
    def incr(self, key, delta=1, version=None):
        return self._strict("incr", super().incr, key, delta, version)

    def delete(self, key, version=None):
        return self._strict("delete", super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._strict("delete_many", super().delete_many, keys, version)

    def clear(self):
        return self._strict("clear", super().clear)
