"""Token buckets for the audience: per device and per address, so one phone (or one script
behind one address) cannot flood the question queue, while a venue full of phones still can ask."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    per_s: float  # sustained requests per second
    burst: int  # how many may come at once


class RateLimiter:
    MAX_KEYS = 20_000  # forget idle buckets beyond this, so a flood of new ids cannot grow memory

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)

    def hit(self, key: str, rate: Rate, now: float | None = None) -> float:
        """Take one token for `key`. Returns 0 if allowed, else seconds until the next is free."""
        t = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.get(key, (float(rate.burst), t))
            tokens = min(float(rate.burst), tokens + (t - last) * rate.per_s)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, t)
                if len(self._buckets) > self.MAX_KEYS:
                    self._prune(t, rate)
                return 0.0
            self._buckets[key] = (tokens, t)
            return (1.0 - tokens) / rate.per_s if rate.per_s > 0 else 60.0

    def _prune(self, t: float, rate: Rate) -> None:
        # Buckets idle long enough to have refilled carry no information: drop them.
        full_after = rate.burst / rate.per_s if rate.per_s > 0 else 3600.0
        self._buckets = {k: v for k, v in self._buckets.items() if t - v[1] < full_after}

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()
