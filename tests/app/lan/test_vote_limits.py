"""Vote limits through the real station server: per phone and per address, in one place
(app.qa's SubmitLimits, like questions); a refusal says when to retry and uses up nothing."""

from __future__ import annotations

import httpx

from app import qa
from app.lan.routes_qa import set_vote_limits
from app.qa import SubmitLimits
from app.qa.ratelimit import VOTES_PER_ADDRESS, VOTES_PER_DEVICE, vote_limits
from tests.app.lan.fixtures import Lan


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def phone(lan: Lan, device: str) -> httpx.Client:
    return lan.client(cookies={"showday_device": lan.device_id(device)})


def vote(c: httpx.Client, qid: int, up: bool = True) -> httpx.Response:
    url = f"/api/v1/questions/{qid}/vote"
    return c.post(url) if up else c.delete(url)


def test_the_default_vote_limits_are_a_minute_of_60_per_phone_and_1200_per_address() -> None:
    limits = vote_limits()
    assert (limits.device.limit, limits.address.limit) == (VOTES_PER_DEVICE, VOTES_PER_ADDRESS)
    assert (VOTES_PER_DEVICE, VOTES_PER_ADDRESS) == (60, 1200)
    assert limits.device.window_s == limits.address.window_s == 60.0


def test_a_phone_voting_too_fast_is_told_when_to_retry(lan: Lan) -> None:
    clock = Clock()
    assert lan.server.ctx is not None
    set_vote_limits(lan.server.ctx, SubmitLimits(3, 100, 60.0, clock))
    q = qa.add_manual(lan.ef, lan.bus, "Something to vote on", "chat")
    with phone(lan, "fast") as p:
        for up in (True, False, True):  # a vote and an un-vote both count
            assert vote(p, q.id, up).status_code == 200
        clock.t += 20
        r = vote(p, q.id, False)
        assert r.status_code == 429
        body = r.json()
        assert body["code"] == "rate_limited" and body["retry_after"] == 40
        assert "40 s" in body["error"]
        clock.t += 40
        assert vote(p, q.id, False).status_code == 200
    with phone(lan, "calm") as o:
        assert vote(o, q.id).status_code == 200


def test_a_vote_refused_for_the_address_does_not_use_up_the_phone(lan: Lan) -> None:
    clock = Clock()
    assert lan.server.ctx is not None
    limits = SubmitLimits(2, 3, 60.0, clock)
    set_vote_limits(lan.server.ctx, limits)
    q = qa.add_manual(lan.ef, lan.bus, "Something to vote on", "chat")
    with phone(lan, "a") as a, phone(lan, "b") as b:
        assert vote(a, q.id).status_code == 200
        assert vote(a, q.id, False).status_code == 200
        clock.t += 30
        assert vote(b, q.id).status_code == 200  # the address (127.0.0.1) is now full
        assert vote(b, q.id, False).status_code == 429
        clock.t += 31  # a's votes have left the window, b's one has not
        # b voted once and was refused once: one of its two is left, not none
        assert vote(b, q.id, False).status_code == 200
        r = vote(b, q.id)
        assert r.status_code == 429 and r.json()["retry_after"] == 29  # now b's own limit
