"""A small thread-safe sliding-window rate limiter, and `SubmitLimits` (per device and per address
together) for what the audience sends through Q&A: questions (5 a minute per phone, 20 per address)
and votes (60 and 1200 a minute, `vote_limits()`).

Why not app.lan.ratelimit's token bucket: this is a policy a person is told ("5 questions a
minute"; "wait 12 s" is the second the oldest question leaves the window), exact over any window,
and a refusal counts against neither key. The bucket is the station server's generic flood guard
for `audience_write` routes ("burst, then so many a second"); see its docstring. Everything is in
memory: a restart forgets the windows, which is fine for a limiter.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass(frozen=True)
class Decision:
    """Outcome of `RateLimiter.allow`. Truthy when allowed; unpacks as (allowed, retry_after)."""

    allowed: bool
    retry_after: float = 0.0  # seconds until a new attempt would be allowed; 0 when allowed

    def __bool__(self) -> bool:
        return self.allowed

    def __iter__(self) -> Iterator[object]:
        return iter((self.allowed, self.retry_after))

    @property
    def retry_after_s(self) -> int:
        """Whole seconds to tell a person ("try again in 12 s"), at least 1 when refused."""
        return 0 if self.allowed else max(1, math.ceil(self.retry_after))


class RateLimiter:
    """At most `limit` events per key in any `window_s` seconds (a true sliding window).

    `clock` returns seconds (monotonic by default; tests inject their own)."""

    def __init__(
        self,
        limit: int,
        window_s: float,
        clock: Clock = time.monotonic,
        max_keys: int = 50_000,
    ) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("limit must be >= 1 and window_s > 0")
        self.limit = limit
        self.max_keys = max_keys
        self.window_s = window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._hits: dict[Hashable, deque[float]] = {}
        self._calls = 0

    def allow(self, key: Hashable) -> Decision:
        """Count one event for `key` if the window has room; refuse (and count nothing) if not."""
        with self._lock:
            now = self._clock()
            decision = self._check(key, now)
            if decision:
                self._hits.setdefault(key, deque()).append(now)
            self._maybe_sweep(now)
            return decision

    def check(self, key: Hashable) -> Decision:
        """Would `allow(key)` succeed now? Counts nothing."""
        with self._lock:
            return self._check(key, self._clock())

    def record(self, key: Hashable) -> None:
        """Count one event for `key` whatever the window holds (after a `check` that passed)."""
        with self._lock:
            now = self._clock()
            self._hits.setdefault(key, deque()).append(now)
            self._maybe_sweep(now)

    def reset(self, key: Hashable | None = None) -> None:
        with self._lock:
            if key is None:
                self._hits.clear()
            else:
                self._hits.pop(key, None)

    def __len__(self) -> int:
        """Number of keys currently tracked (for tests and memory checks)."""
        with self._lock:
            return len(self._hits)

    def _check(self, key: Hashable, now: float) -> Decision:
        hits = self._hits.get(key)
        if not hits:
            return Decision(True)
        cutoff = now - self.window_s
        while hits and hits[0] <= cutoff:
            hits.popleft()
        if len(hits) < self.limit:
            return Decision(True)
        return Decision(False, hits[len(hits) - self.limit] + self.window_s - now)

    def _maybe_sweep(self, now: float) -> None:
        # Forget idle keys now and then so a day of rotating phones does not grow memory.
        self._calls += 1
        if self._calls % 1024 and len(self._hits) <= self.max_keys:
            return
        cutoff = now - self.window_s
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= cutoff]:
            del self._hits[key]
        if len(self._hits) > self.max_keys:
            # A flood of made-up keys: drop the least recently seen tenth, memory stays bounded.
            by_age = sorted(self._hits, key=lambda k: self._hits[k][-1])
            for key in by_age[: len(by_age) // 10 + 1]:
                del self._hits[key]


class SubmitLimits:
    """Limits on what the audience sends: per device and per address (a venue NAT puts many phones
    behind one address, hence the larger address limit). Both must have room; a refused attempt
    uses up neither. The defaults are the question limits; `vote_limits()` makes the vote ones."""

    def __init__(
        self,
        per_device: int = 5,
        per_address: int = 20,
        window_s: float = 60.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self.device = RateLimiter(per_device, window_s, clock)
        self.address = RateLimiter(per_address, window_s, clock)
        self._lock = threading.Lock()

    def allow(self, device_id: str, address: str) -> Decision:
        with self._lock:
            checks = [self.device.check(device_id)]
            if address:
                checks.append(self.address.check(address))
            refused = [d for d in checks if not d]
            if refused:
                return Decision(False, max(d.retry_after for d in refused))
            self.device.record(device_id)
            if address:
                self.address.record(address)
            return Decision(True)


VOTES_PER_DEVICE = 60  # a minute: votes are deduplicated; this only stops a script hammering
VOTES_PER_ADDRESS = 1200


def vote_limits(clock: Clock = time.monotonic) -> SubmitLimits:
    return SubmitLimits(VOTES_PER_DEVICE, VOTES_PER_ADDRESS, 60.0, clock)


# The app has one event open at a time; the station server and tests may pass their own.
DEFAULT_LIMITS = SubmitLimits()
