"""Polls and draws over the real station server: the Companion API, one answer per device with
the Q&A device ids, results hidden from the audience until closed, and the draw's public face."""

from __future__ import annotations

from app.lan.routes_qa import set_vote_limits
from app.qa import SubmitLimits
from tests.app.lan.fixtures import Lan


def test_twenty_phones_answer_once_each(lan: Lan) -> None:
    assert lan.server.ctx is not None
    set_vote_limits(lan.server.ctx, SubmitLimits(10_000, 10_000, 60.0))
    with lan.client(lan.tokens["control"]) as desk:
        r = desk.post(
            "/api/v1/polls",
            json={"kind": "single", "question": "Tea or coffee?", "options": ["Tea", "Coffee"]},
        )
        assert r.status_code == 200, r.text
        pid = r.json()["id"]
        with lan.client() as phone:  # a draft is not for the audience
            assert phone.get(f"/api/v1/polls/{pid}").status_code == 404
            assert phone.get("/api/v1/polls").json()["polls"] == []
        assert desk.post(f"/api/v1/polls/{pid}/open").json()["status"] == "open"
        for i in range(20):
            with lan.client(source=f"127.0.0.{i + 2}") as phone:
                r = phone.post(f"/api/v1/polls/{pid}/answer", json={"option": i % 3 and 1})
                assert r.status_code == 200, r.text
                again = phone.post(f"/api/v1/polls/{pid}/answer", json={"option": 0})
                assert (again.status_code, again.json()["code"]) == (409, "already_answered")
                assert phone.get(f"/api/v1/polls/{pid}").json()["answered"] is True
        with lan.client(device=False, source="127.0.0.40") as script:
            r = script.post(f"/api/v1/polls/{pid}/answer", json={"option": 0})
            assert (r.status_code, r.json()["code"]) == (403, "device_required")
        res = desk.get(f"/api/v1/polls/{pid}").json()["results"]
        assert res["answers"] == 20 and res["counts"] == [7, 13]


def test_results_hidden_from_the_audience_until_closed(lan: Lan) -> None:
    with lan.client(lan.tokens["control"]) as desk:
        pid = desk.post(
            "/api/v1/polls",
            json={"kind": "words", "question": "一个词?", "hide_results": True},
        ).json()["id"]
        desk.post(f"/api/v1/polls/{pid}/open")
        with lan.client() as phone:
            assert phone.post(f"/api/v1/polls/{pid}/answer", json={"text": "数据库"}).is_success
            seen = phone.get(f"/api/v1/polls/{pid}").json()
            assert seen["results"] is None and "removed_words" not in seen
            desk.post(f"/api/v1/polls/{pid}/close")
            words = phone.get(f"/api/v1/polls/{pid}").json()["results"]["words"]
            assert words == [{"word": "数据库", "count": 1}]
            assert phone.post(f"/api/v1/polls/{pid}/open").status_code in (401, 403)


def test_draw_over_the_api(lan: Lan) -> None:
    with lan.client(lan.tokens["control"]) as desk:
        r = desk.post(
            "/api/v1/draws",
            json={"pool": "list", "count": 2, "entries": ["Ann", "Bo", "Cy", "Di"]},
        )
        assert r.status_code == 200, r.text
        d = r.json()
        assert len(d["winners"]) == 2 and d["seed"] is None and len(d["seed_hash"]) == 64
        out = d["winners"][0]["entrant"]
        d = desk.post(f"/api/v1/draws/{d['id']}/absent", json={"entrant": out}).json()
        assert [w["absent"] for w in d["winners"]] == [True, False, False]
        with lan.client() as phone:
            public = phone.get(f"/api/v1/draws/{d['id']}").json()
            assert public["seed"] is None and "phone" not in public["winners"][0]
            assert phone.post(f"/api/v1/draws/{d['id']}/reveal").status_code in (401, 403)
        d = desk.post(f"/api/v1/draws/{d['id']}/reveal").json()
        assert d["seed"] and d["revealed_at"]
        r = desk.post(f"/api/v1/draws/{d['id']}/absent", json={"entrant": out})
        assert r.status_code == 409
        assert desk.get("/api/v1/draws/999").status_code == 404
