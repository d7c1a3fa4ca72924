"""Token buckets: the station server's flood guard for `audience_write` routes (pairing today),
per device and per address (`LanSettings.audience_device` / `audience_address`).

Why not app.qa.ratelimit's sliding window: the two answer different questions. This one is
request hygiene: "no more than `burst` at once, then `per_s` a second", O(1) state per key, for
any route a route author flags, with a retry time the caller never sees in words. The Q&A one is
a policy people are told ("5 questions a minute per phone"): a true N-in-a-window count whose
retry time is the second the oldest question leaves the window, checked on device and address
together so a refusal uses up neither. Swapping either for the other changes what a phone sees
(a bucket lets a 6th question through 12 s after 5, the window not for 60 s), so both stay;
questions and votes are limited in app.qa only (their routes are not `audience_write`)."""

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
        return self.hit_all([(key, rate)], now)

    def hit_all(self, limits: list[tuple[str, Rate]], now: float | None = None) -> float:
        """Take one token from every bucket, or from none: a request refused by one limit (the
        address) must not use up another (the device). 0 if allowed, else the longest wait."""
        t = time.monotonic() if now is None else now
        with self._lock:
            filled = []
            for key, rate in limits:
                tokens, last = self._buckets.get(key, (float(rate.burst), t))
                filled.append((key, rate, min(float(rate.burst), tokens + (t - last) * rate.per_s)))
            wait = max((_wait(tokens, rate) for _k, rate, tokens in filled), default=0.0)
            for key, _rate, tokens in filled:
                self._buckets[key] = (tokens - 1.0 if wait == 0.0 else tokens, t)
            if wait == 0.0 and len(self._buckets) > self.MAX_KEYS:
                self._prune(t, min((r for _k, r, _t in filled), key=lambda r: r.per_s))
            return wait

    def _prune(self, t: float, rate: Rate) -> None:  # `rate`: the slowest-refilling one
        # Buckets idle long enough to have refilled carry no information: drop them.
        full_after = rate.burst / rate.per_s if rate.per_s > 0 else 3600.0
        self._buckets = {k: v for k, v in self._buckets.items() if t - v[1] < full_after}

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()


def _wait(tokens: float, rate: Rate) -> float:
    if tokens >= 1.0:
        return 0.0
    return (1.0 - tokens) / rate.per_s if rate.per_s > 0 else 60.0
