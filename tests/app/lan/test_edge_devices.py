"""Vote and question integrity on the real station server: device ids the server signed, a cap
on new ids per address, a blocked device's address blocked too, the moderator told about many
devices voting from one address. Phones that are not this computer come from 127.0.0.x (x > 1):
127.0.0.1 is this computer itself and exempt from the per-address rules."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from pathlib import Path

import httpx

from app import qa
from app.lan import stations
from app.lan.audience import DeviceIds, update_options
from app.lan.context import LanSettings
from app.lan.ratelimit import Rate
from app.lan.routes_qa import set_vote_limits
from app.qa import SubmitLimits
from tests.app.lan.fixtures import Lan, recv_events, running_lan


def _open_votes(lan: Lan) -> None:
    assert lan.server.ctx is not None
    set_vote_limits(lan.server.ctx, SubmitLimits(10_000, 10_000, 60.0))


def _question(lan: Lan) -> int:
    return qa.add_manual(lan.ef, lan.bus, "Will the slides be shared?", "chat").id


def _votes(lan: Lan, qid: int) -> int:
    return int(lan.ef.value("SELECT count(*) FROM votes WHERE question_id = ?", (qid,)))


def test_three_hundred_cookieless_votes_are_refused_with_a_reload_code(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    with lan.client(device=False, source="127.0.0.2") as script:
        for _ in range(300):
            r = script.post(f"/api/v1/questions/{qid}/vote", json={})
            assert r.status_code == 403, r.text
            assert r.json()["code"] == "device_required"
            assert "Reload" in r.json()["error"]
            assert "set-cookie" not in r.headers  # a write never mints a device id
            script.cookies.clear()
        r = script.post("/api/v1/questions", json={"text": "Is this counted?"})
        assert (r.status_code, r.json()["code"]) == (403, "device_required")
    assert _votes(lan, qid) == 0
    assert lan.ef.value("SELECT count(*) FROM questions") == 1


def test_rotating_forged_cookies_from_one_address_count_once(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    other_secret = DeviceIds(secrets.token_bytes(32))
    real = lan.device_id()
    forged = [real]  # the phone's own id, once
    for i in range(300):
        nonce = secrets.token_urlsafe(12)
        forged.append(
            [
                secrets.token_urlsafe(16),  # a made-up id, as before ids were signed
                f"{nonce}.{real.split('.')[1]}",  # another id with a real id's signature
                other_secret.issue(),  # signed by another event's secret
            ][i % 3]
        )
    with lan.client(device=False, source="127.0.0.2") as script:
        counted = 0
        for cookie in forged:
            script.cookies.clear()
            r = script.post(
                f"/api/v1/questions/{qid}/vote",
                json={},
                headers={"Cookie": f"showday_device={cookie}"},
            )
            counted += r.status_code == 200
    assert counted == 1
    assert _votes(lan, qid) == 1


def test_new_device_ids_per_address_are_capped_unless_the_venue_shares_one(
    tmp_path: Path,
) -> None:
    settings = LanSettings(device_issue=Rate(per_s=0.001, burst=5))
    with running_lan(tmp_path, settings=settings) as lan:
        _open_votes(lan)
        qid = _question(lan)
        with lan.client(device=False, source="127.0.0.2") as script:
            for _ in range(40):  # load the page, vote, throw the cookie away
                script.cookies.clear()
                script.get("/ask")
                script.post(f"/api/v1/questions/{qid}/vote", json={})
        assert _votes(lan, qid) == 5
        # Another phone on its own address still gets its id and votes.
        with lan.client(device=False, source="127.0.0.3") as phone:
            phone.get("/ask")
            assert phone.post(f"/api/v1/questions/{qid}/vote", json={}).status_code == 200
        # A venue that puts every phone behind one address: the moderator says so, and the
        # per-address cap is relaxed.
        with lan.client(lan.tokens["control"]) as mod:
            r = mod.post("/api/v1/audience", json={"shared_address": True})
            assert r.json()["shared_address"] is True
        with lan.client(device=False, source="127.0.0.2") as phone:
            phone.get("/ask")
            assert phone.post(f"/api/v1/questions/{qid}/vote", json={}).status_code == 200


def test_a_blocked_device_that_drops_its_cookie_stays_blocked(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    with lan.client(device=False, source="127.0.0.2") as troll:
        troll.get("/ask")
        r = troll.post("/api/v1/questions", json={"text": "spam spam spam"})
        assert r.status_code == 200
        device = troll.cookies["showday_device"]
        with lan.client(lan.tokens["control"]) as mod:
            assert mod.post(f"/api/v1/devices/{device}/block", json={}).status_code == 200
        troll.cookies.clear()
        troll.get("/ask")  # a fresh id
        assert troll.cookies["showday_device"] != device
        r = troll.post(f"/api/v1/questions/{qid}/vote", json={})
        assert (r.status_code, r.json()["code"]) == (403, "blocked")
        r = troll.post("/api/v1/questions", json={"text": "I am back"})
        assert (r.status_code, r.json()["code"]) == (403, "blocked")
    with lan.client(device=False, source="127.0.0.3") as neighbour:
        neighbour.get("/ask")
        assert neighbour.post(f"/api/v1/questions/{qid}/vote", json={}).status_code == 200
    assert _votes(lan, qid) == 1


def test_the_moderator_sees_many_devices_voting_from_one_address(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    for _ in range(6):
        with lan.client(device=False, source="127.0.0.4") as phone:
            phone.get("/ask")
            assert phone.post(f"/api/v1/questions/{qid}/vote", json={}).status_code == 200
    with lan.client(lan.tokens["control"]) as mod:
        state = mod.get("/api/v1/audience").json()
    assert state["shared_address"] is False
    assert state["crowded"] == [{"address": "127.0.0.4", "devices": 6, "votes": 6}]


def test_a_vote_event_carries_the_new_count(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    ws = lan.live()
    with lan.client() as phone:
        phone.post(f"/api/v1/questions/{qid}/vote", json={})
    changed = [e for e in recv_events(ws) if e["type"] == "QuestionChanged"]
    assert changed and changed[-1]["votes"] == 1


def test_station_tokens_expire_days_after_the_event(lan: Lan) -> None:
    token = lan.tokens["control"]
    with lan.client(token) as c:
        assert c.get("/api/v1/status").status_code == 200
    update_options(lan.ef, token_days_after=0)
    day = date.today()
    assert stations.authenticate(lan.ef, token, today=day) is not None
    assert stations.authenticate(lan.ef, token, today=day + timedelta(days=1)) is None
    update_options(lan.ef, token_days_after=2)
    assert stations.authenticate(lan.ef, token, today=day + timedelta(days=2)) is not None
    assert stations.authenticate(lan.ef, token, today=day + timedelta(days=3)) is None
    # An event dated next week: its tokens work until two days after it.
    with lan.ef.write() as c:
        c.execute("UPDATE event SET starts_at = ?", ((day + timedelta(days=7)).isoformat(),))
    assert stations.authenticate(lan.ef, token, today=day + timedelta(days=9)) is not None
    assert stations.authenticate(lan.ef, token, today=day + timedelta(days=10)) is None


def test_a_cross_site_text_plain_post_is_refused(lan: Lan) -> None:
    _open_votes(lan)
    qid = _question(lan)
    device = lan.device_id()
    cookie = {"Cookie": f"showday_device={device}"}
    with httpx.Client(base_url=lan.url, timeout=10) as browser:
        # What a page on another site can make a phone send without asking: a "simple" request.
        r = browser.post(
            f"/api/v1/questions/{qid}/vote",
            content=b"{}",
            headers={**cookie, "Origin": "http://evil.example", "Content-Type": "text/plain"},
        )
        assert r.status_code == 415
        r = browser.post(
            f"/api/v1/questions/{qid}/vote",
            content=b"{}",
            headers={**cookie, "Origin": "http://evil.example", "Content-Type": "application/json"},
        )
        assert r.status_code == 403 and "another site" in r.json()["error"]
        r = browser.post(  # no Origin at all and no token: not one of our pages either
            f"/api/v1/questions/{qid}/vote", json={}, headers=cookie
        )
        assert r.status_code == 403
        r = browser.post(  # our own page
            f"/api/v1/questions/{qid}/vote", json={}, headers={**cookie, "Origin": lan.url}
        )
        assert r.status_code == 200
    # A bearer token (Stream Deck, scripts) needs no Origin, but still JSON.
    with httpx.Client(base_url=lan.url, timeout=10) as deck:
        auth = {"Authorization": f"Bearer {lan.tokens['control']}"}
        r = deck.post(
            "/api/v1/show/start", content=b"", headers={**auth, "Content-Type": "text/plain"}
        )
        assert r.status_code == 415
        r = deck.post("/api/v1/show/start", json={}, headers=auth)
        assert r.status_code in (200, 409)
    assert _votes(lan, qid) == 1
