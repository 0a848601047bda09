"""A small per-process memory of recent values, each kept for its own number of seconds.

Used where a round trip to the shared cache is worth saving and a per-process copy is safe:
the page cache's most recent pages (their keys name their generations) and the views already
counted (forum). The oldest entries go first once the memory is full.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable


def _one(_value: object) -> int:
    return 1


class Recently[V]:
    """Values learnt lately, up to `capacity` in all, measured by `weight` (one per entry
    unless given: e.g. bytes for pages). A value heavier than a quarter of the capacity is not
    kept, so that one huge page cannot push out all the others."""

    def __init__(self, capacity: int, weight: Callable[[V], int] = _one):
        self.capacity = capacity
        self._weight = weight
        self._entries: OrderedDict[Hashable, tuple[float, V, int]] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] < time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, value: V, seconds: float) -> None:
        weight = self._weight(value)
        if weight > max(1, self.capacity // 4):
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic() + seconds, value, weight)
            self._total += weight
            while self._total > self.capacity:
                self._drop(next(iter(self._entries)))

    def __contains__(self, key: Hashable) -> bool:
        return self.get(key) is not None

    def remember(self, key: Hashable, seconds: float) -> None:
        """Note a fact (a key with no value) for `seconds`."""
        self.put(key, True, seconds)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._total = 0

    def _drop(self, key: Hashable) -> None:
        self._total -= self._entries.pop(key)[2]
