"""The generic sliding-window rate limiter (also meant for the station server)."""

from __future__ import annotations

import threading

import pytest

from app.qa.ratelimit import RateLimiter

from .conftest import FakeClock


def test_allows_up_to_the_limit_in_any_window_and_says_when_to_retry(clock: FakeClock) -> None:
    rl = RateLimiter(3, 10, clock)
    for _ in range(3):
        assert rl.allow("k")
        clock.advance(2)
    refused = rl.allow("k")
    assert not refused
    allowed, retry_after = refused  # unpacks as (allowed, retry_after)
    assert allowed is False and retry_after == pytest.approx(4)  # first hit at 0, now 6
    assert refused.retry_after_s == 4
    clock.advance(3.9)
    assert not rl.allow("k")
    clock.advance(0.1)
    assert rl.allow("k")  # a true sliding window: only the oldest hit left it


def test_refused_attempts_do_not_extend_the_wait(clock: FakeClock) -> None:
    rl = RateLimiter(1, 60, clock)
    assert rl.allow("k")
    for _ in range(100):
        clock.advance(0.5)
        assert not rl.allow("k")
    clock.advance(10)
    assert rl.allow("k")


def test_keys_are_independent_and_idle_keys_are_forgotten(clock: FakeClock) -> None:
    rl = RateLimiter(1, 5, clock)
    for i in range(3000):
        assert rl.allow(f"phone-{i}")
        clock.advance(0.01)
    clock.advance(10)
    for _ in range(1100):
        rl.allow("again")
    assert len(rl) < 3000


def test_check_counts_nothing_and_reset_forgets(clock: FakeClock) -> None:
    rl = RateLimiter(1, 60, clock)
    assert rl.check("k") and rl.check("k")
    rl.record("k")
    assert not rl.check("k")
    rl.reset("k")
    assert rl.allow("k")


def test_threads_never_get_more_than_the_limit() -> None:
    rl = RateLimiter(100, 3600)
    granted: list[bool] = []
    lock = threading.Lock()

    def hammer() -> None:
        for _ in range(50):
            ok = bool(rl.allow("shared"))
            with lock:
                granted.append(ok)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert granted.count(True) == 100
    assert len(granted) == 400


def test_nonsense_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0, 10)
    with pytest.raises(ValueError):
        RateLimiter(1, 0)


def test_a_flood_of_new_keys_cannot_grow_memory_without_bound(clock: FakeClock) -> None:
    rl = RateLimiter(5, 60, clock, max_keys=1000)
    for i in range(5000):
        rl.allow(f"made-up-{i}")
    assert len(rl) <= 1000
    # The most recent key is still counted: it had one hit, so four more fit and no fifth.
    assert all(rl.allow("made-up-4999") for _ in range(4))
    assert not rl.allow("made-up-4999")
    for _ in range(5):
        rl.allow("steady")
    assert not rl.allow("steady")
