"""The Q&A API on a real station server and a real event file: ask, vote, moderate, feature."""

from __future__ import annotations

import httpx

from app import qa
from tests.app.lan.fixtures import Lan, recv_events


def phone(lan: Lan, device: str) -> httpx.Client:
    """An audience phone: no login, its own device cookie (an id the server signed, one per
    name)."""
    return lan.client(cookies={"showday_device": lan.device_id(device)})


def moderator(lan: Lan) -> httpx.Client:
    _, cookie = lan.pair("moderator", "Mod")
    return lan.client(cookies={"showday_station": cookie})


def ask(c: httpx.Client, text: str, **more: object) -> httpx.Response:
    return c.post("/api/v1/questions", json={"text": text, **more})


def test_a_question_goes_from_phone_to_moderator_to_air_and_answered(lan: Lan) -> None:
    with phone(lan, "phoneA") as a, phone(lan, "phoneB") as b, moderator(lan) as mod:
        r = ask(a, "How does vacuum work?", name="Li Lei", contact="li@x.cn", consent=True)
        assert r.status_code == 200, r.text
        qid = r.json()["id"]
        assert r.json()["status"] == "new"
        # Not moderated yet: the audience does not see it, the asker sees its state.
        assert b.get("/api/v1/questions").json() == {"view": "audience", "questions": []}
        assert [
            (q["id"], q["state"]) for q in a.get("/api/v1/questions/mine").json()["questions"]
        ] == [(qid, "new")]
        assert b.get("/api/v1/questions/mine").json()["questions"] == []
        staff = mod.get("/api/v1/questions", params={"status": "new"}).json()
        assert staff["view"] == "staff" and staff["counts"]["new"] == 1
        (q,) = staff["questions"]
        assert (q["text"], q["name"], q["contact"], q["device_id"]) == (
            "How does vacuum work?",
            "Li Lei",
            "li@x.cn",
            lan.device_id("phoneA"),
        )

        assert (
            mod.post(f"/api/v1/questions/{qid}/approve").json()["question"]["status"] == "approved"
        )
        public = b.get("/api/v1/questions").json()["questions"]
        assert [(p["id"], p["text"], p["name"]) for p in public] == [
            (qid, "How does vacuum work?", "Li Lei")
        ]
        assert "contact" not in public[0] and "device_id" not in public[0]

        assert b.get("/api/v1/questions/featured").json() == {"question": None}
        mod.post(f"/api/v1/questions/{qid}/feature").raise_for_status()
        assert b.get("/api/v1/questions/featured").json()["question"] == {
            "id": qid,
            "text": "How does vacuum work?",
            "name": "Li Lei",
            "platform": "",  # asked in the room
        }
        r = mod.post(f"/api/v1/questions/{qid}/answer")
        assert r.json()["question"]["status"] == "answered"
        assert b.get("/api/v1/questions/featured").json() == {"question": None}
        assert a.get("/api/v1/questions/mine").json()["questions"][0]["state"] == "answered"


def test_contact_is_kept_only_with_consent(lan: Lan) -> None:
    with phone(lan, "p1") as p, moderator(lan) as mod:
        ask(p, "Q without consent", contact="13800000000", consent=False).raise_for_status()
        (q,) = mod.get("/api/v1/questions").json()["questions"]
        assert q["contact"] == "" and q["consent"] is False


def test_fifty_votes_from_one_device_count_once_from_fifty_devices_fifty(lan: Lan) -> None:
    q = qa.add_manual(lan.ef, lan.bus, "Popular question", "paper")
    with phone(lan, "voter") as v:
        results = [v.post(f"/api/v1/questions/{q.id}/vote") for _ in range(50)]
    assert all(r.status_code == 200 for r in results), results[-1].text
    assert [r.json()["counted"] for r in results].count(True) == 1
    assert results[-1].json()["votes"] == 1
    for i in range(49):
        with phone(lan, f"dev{i}") as d:
            assert d.post(f"/api/v1/questions/{q.id}/vote").json()["counted"] is True
    with phone(lan, "voter") as v:
        (pq,) = v.get("/api/v1/questions").json()["questions"]
        assert pq["votes"] == 50 and pq["voted_by_me"] is True
        # Taking the vote back and voting again keeps the count honest.
        assert v.delete(f"/api/v1/questions/{q.id}/vote").json()["votes"] == 49
        assert v.post(f"/api/v1/questions/{q.id}/vote").json()["votes"] == 50
    with phone(lan, "fresh") as f:
        assert f.get("/api/v1/questions").json()["questions"][0]["voted_by_me"] is False


def test_five_questions_a_minute_then_a_friendly_wait_and_votes_do_not_use_them_up(
    lan: Lan,
) -> None:
    q = qa.add_manual(lan.ef, lan.bus, "Something to vote on", "chat")
    with phone(lan, "eager") as p:
        for _ in range(10):  # voting a lot first must not eat the phone's questions
            assert p.post(f"/api/v1/questions/{q.id}/vote").status_code == 200
        for i in range(5):
            assert ask(p, f"question {i}").status_code == 200
        r = ask(p, "one too many")
        assert r.status_code == 429
        body = r.json()
        assert body["code"] == "rate_limited" and 1 <= body["retry_after"] <= 60
        assert "wait" in body["error"]
        assert int(r.headers["retry-after"]) >= 1
    with phone(lan, "other") as o:  # another phone in the room is not affected
        assert ask(o, "my first").status_code == 200
    assert lan.ef.value("SELECT count(*) FROM questions WHERE source = 'web'") == 6


def test_refusals_carry_a_code_the_page_translates(lan: Lan) -> None:
    with phone(lan, "p") as p, moderator(lan) as mod:
        cases = {
            "empty": ask(p, "   \u200b "),
            "too_long": ask(p, "x" * 301),
            "name_too_long": ask(p, "ok?", name="n" * 41),
        }
        for code, r in cases.items():
            assert r.status_code == 422 and r.json()["code"] == code, r.text
        assert cases["too_long"].json()["limit"] == 300
        assert p.post("/api/v1/questions/99/vote").json()["code"] == "not_found"
        qid = ask(p, "waiting").json()["id"]
        r = p.post(f"/api/v1/questions/{qid}/vote")
        assert (r.status_code, r.json()["code"]) == (409, "not_open")
        assert mod.post("/api/v1/questions/abc/approve").status_code == 422
        assert mod.post("/api/v1/questions/12345/approve").json()["code"] == "not_found"
        blocked = mod.post(f"/api/v1/devices/{lan.device_id('p')}/block").json()
        assert blocked["rejected"] == [qid]
        r = ask(p, "again")
        assert (r.status_code, r.json()["code"]) == (403, "blocked")
        assert ask(p, "x", surprise=1).status_code == 422  # unknown fields are refused


def test_moderation_routes_edit_star_manual_clear(lan: Lan) -> None:
    with moderator(lan) as mod:
        r = mod.post("/api/v1/questions/manual", json={"text": "From paper", "source": "paper"})
        qid = r.json()["question"]["id"]
        assert r.json()["question"]["status"] == "approved"
        assert (
            mod.post("/api/v1/questions/manual", json={"text": "x", "source": "fax"}).status_code
            == 422
        )
        r = mod.post(f"/api/v1/questions/{qid}/edit", json={"text": "From paper (fixed)"})
        assert r.json()["question"]["text"] == "From paper (fixed)"
        assert r.json()["question"]["original_text"] == "From paper"
        assert mod.post(f"/api/v1/questions/{qid}/star", json={}).json()["question"]["starred"]
        assert not mod.post(f"/api/v1/questions/{qid}/star", json={"starred": False}).json()[
            "question"
        ]["starred"]
        mod.post(f"/api/v1/questions/{qid}/feature").raise_for_status()
        assert mod.post("/api/v1/questions/clear-featured", json={}).json() == {"cleared": qid}
        assert qa.get(lan.ef, qid).status == "approved"
        assert (
            mod.post("/api/v1/questions/settings", json={"premoderation": False}).json()[
                "premoderation"
            ]
            is False
        )
    with phone(lan, "p") as p:
        assert ask(p, "straight through").json()["status"] == "approved"


def test_control_token_may_moderate_a_door_station_may_not(lan: Lan) -> None:
    q = qa.add_manual(lan.ef, lan.bus, "Q", "chat")
    _, door = lan.pair("door")
    with lan.client(cookies={"showday_station": door}) as d:
        assert d.post(f"/api/v1/questions/{q.id}/feature").status_code == 403
        # A door station reading the list gets the public one, not contacts.
        assert d.get("/api/v1/questions").json()["view"] == "audience"
    with lan.client(lan.tokens["control"]) as c:
        assert c.post(f"/api/v1/questions/{q.id}/feature").status_code == 200


def test_the_audience_socket_never_hears_unmoderated_text(lan: Lan) -> None:
    audience = lan.live()
    _, cookie = lan.pair("moderator")
    mod_ws = lan.live(cookie=cookie)
    with phone(lan, "asker") as p, moderator(lan) as mod:
        qid = ask(p, "SECRET-unmoderated").json()["id"]
        heard_mod = recv_events(mod_ws)
        heard = recv_events(audience)
        assert {
            "type": "QuestionChanged",
            "question_id": qid,
            "status": "new",
        }.items() <= heard_mod[0].items()
        assert heard == []
        mod.post(f"/api/v1/questions/{qid}/reject").raise_for_status()
        heard = recv_events(audience)
        assert [(e["type"], e["status"]) for e in heard] == [("QuestionChanged", "rejected")]
        assert "SECRET" not in str(heard)
        mod.post(f"/api/v1/questions/{qid}/approve").raise_for_status()
        mod.post(f"/api/v1/questions/{qid}/feature").raise_for_status()
        heard = recv_events(audience)
        featured = [e for e in heard if e["type"] == "QuestionFeatured"]
        assert featured[0]["text"] == "SECRET-unmoderated"  # on air: public now
        assert all("device_id" not in e and "contact" not in e for e in heard)


def test_limit_returns_the_first_in_sort_order_and_counts_stay_whole(lan: Lan) -> None:
    ids = [qa.add_manual(lan.ef, lan.bus, f"Q{i}", "paper").id for i in range(5)]
    qa.vote(lan.ef, lan.bus, ids[3], "v1")
    with phone(lan, "p") as p, moderator(lan) as mod:
        top = p.get("/api/v1/questions", params={"limit": 2}).json()["questions"]
        assert [q["id"] for q in top] == [ids[3], ids[0]]
        staff = mod.get("/api/v1/questions", params={"status": "approved", "limit": 2}).json()
        assert len(staff["questions"]) == 2 and staff["counts"]["approved"] == 5
        assert p.get("/api/v1/questions", params={"limit": 0}).status_code == 422
