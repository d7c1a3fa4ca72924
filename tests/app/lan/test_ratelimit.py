"""The station server's token buckets (app.lan.ratelimit)."""

from __future__ import annotations

from app.lan.ratelimit import Rate, RateLimiter

DEVICE = Rate(per_s=1.0, burst=3)
ADDRESS = Rate(per_s=1.0, burst=2)


def test_a_request_refused_by_one_limit_uses_up_none_of_the_others() -> None:
    lim = RateLimiter()
    both = [("d:phone", DEVICE), ("a:10.0.0.7", ADDRESS)]
    assert lim.hit_all(both, now=0.0) == 0.0
    assert lim.hit_all(both, now=0.0) == 0.0
    # The address is spent; the phone still has one token, and keeps it through refusals.
    for _ in range(5):
        assert lim.hit_all(both, now=0.0) == 1.0
    # Alone (another address), the phone gets its third request at once.
    assert lim.hit_all([("d:phone", DEVICE), ("a:10.0.0.8", ADDRESS)], now=0.0) == 0.0
    assert lim.hit_all([("d:phone", DEVICE), ("a:10.0.0.8", ADDRESS)], now=0.0) == 1.0


def test_buckets_refill_at_their_rate_and_the_wait_is_the_longest() -> None:
    lim = RateLimiter()
    slow = Rate(per_s=0.5, burst=1)
    assert lim.hit_all([("a", DEVICE), ("b", slow)], now=0.0) == 0.0
    assert lim.hit_all([("a", DEVICE), ("b", slow)], now=0.0) == 2.0  # b needs 2 s
    assert lim.hit_all([("a", DEVICE), ("b", slow)], now=1.0) == 1.0
    assert lim.hit_all([("a", DEVICE), ("b", slow)], now=2.0) == 0.0
    assert lim.hit("a", DEVICE, now=2.0) == 0.0  # the single-key form is the same bucket
