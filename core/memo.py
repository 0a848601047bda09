"""A small per-process memory of recent facts, each for its own number of seconds."""

import threading
import time
from collections import OrderedDict


class Recently:
    """Keys this process learnt something about lately; the oldest go first when full."""

    def __init__(self, max_items: int):
        self.max_items = max_items
        self._until: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            until = self._until.get(key)
            if until is None:
                return False
            if until < time.monotonic():
                del self._until[key]
                return False
            return True

    def remember(self, key: str, seconds: float) -> None:
        with self._lock:
            self._until[key] = time.monotonic() + seconds
            self._until.move_to_end(key)
            while len(self._until) > self.max_items:
                self._until.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._until.clear()
