"""The moderator desk's extra routes on a real server: the segment list, and merging / assigning
through the Q&A routes as /moderate calls them."""

from __future__ import annotations

from app import qa
from app.show import Segments
from tests.app.lan.fixtures import Lan


def test_segments_list_for_moderators_only(lan: Lan) -> None:
    segs = Segments(lan.ef, lan.bus)
    a = segs.add(title="开场", speaker="主持人", duration_s=300)
    b = segs.add(title="Talk <b>", duration_s=600)
    _, cookie = lan.pair("moderator", "Mod")
    with lan.client(cookies={"showday_station": cookie}) as mod, lan.client() as phone:
        assert mod.get("/api/v1/questions/segments").json() == {
            "segments": [
                {"id": a.id, "title": "开场", "speaker": "主持人"},
                {"id": b.id, "title": "Talk <b>", "speaker": ""},
            ]
        }
        assert phone.get("/api/v1/questions/segments").status_code in (401, 403)


def test_merge_and_assign_as_the_page_does(lan: Lan) -> None:
    seg = Segments(lan.ef, lan.bus).add(title="Q&A", duration_s=600)
    x = qa.add_manual(lan.ef, lan.bus, "Backup?", "paper")
    y = qa.add_manual(lan.ef, lan.bus, "How to back up?", "chat")
    for q, devices in ((x, ["d1", "d2"]), (y, ["d2", "d3", "d4"])):
        for d in devices:
            qa.vote(lan.ef, lan.bus, q.id, d)
    _, cookie = lan.pair("moderator", "Mod")
    with lan.client(cookies={"showday_station": cookie}) as mod:
        r = mod.post(f"/api/v1/questions/{y.id}/merge", json={"ids": [x.id]})
        assert r.status_code == 200, r.text
        assert (r.json()["question"]["votes"], r.json()["question"]["merged_count"]) == (4, 1)
        r = mod.post(f"/api/v1/questions/{y.id}/segment", json={"segment_id": seg.id})
        assert r.json()["question"]["segment_id"] == seg.id
        bad = mod.post(f"/api/v1/questions/{y.id}/segment", json={"segment_id": 999})
        assert bad.status_code == 404 and bad.json()["code"] == "bad_segment"
        listed = mod.get("/api/v1/questions", params={"status": "approved"}).json()["questions"]
        assert [q["id"] for q in listed] == [y.id]
