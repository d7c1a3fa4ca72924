"""GET /api/v1/rundown on a real station server: staff get every segment in order with its
fields and the planned-start cascade (actual starts once the show runs); the audience gets
nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.event import update_event
from app.show import Segments, ShowControl
from tests.app.lan.fixtures import running_lan


def test_staff_read_the_rundown_with_planned_and_actual_starts(tmp_path: Path) -> None:
    with running_lan(tmp_path) as lan:
        segs = Segments(lan.ef, lan.bus)
        a = segs.add(title="开场 Opening", speaker="主持人", duration_s=600, obs_scene="Intro")
        b = segs.add(title="Keynote", duration_s=1800, notes="clip mic 2", skip=False)
        c = segs.add(title="Demo", duration_s=300, skip=True)
        d = segs.add(title="Q&A", duration_s=900, hard_start="15:00")
        with lan.client(lan.tokens["control"]) as client:
            r = client.get("/api/v1/rundown")
        assert r.status_code == 200, r.text
        rows = r.json()["segments"]
        assert [s["id"] for s in rows] == [a.id, b.id, c.id, d.id]
        assert rows[0]["obs_scene"] == "Intro" and rows[1]["notes"] == "clip mic 2"
        assert [s["planned_start"] for s in rows] == [None] * 4  # no start known yet
        assert [s["planned_offset_s"] for s in rows[:2]] == [0, 600]
        assert [s["status"] for s in rows] == ["not_run", "not_run", "skipped", "not_run"]

        update_event(lan.ef, lan.bus, starts_at="2026-12-06 14:00")
        _door_id, door = lan.pair("door")
        with lan.client(cookies={"showday_station": door}) as client:
            rows = client.get("/api/v1/rundown").json()["segments"]

        def hhmm(t: float | None) -> str | None:
            return datetime.fromtimestamp(t).strftime("%H:%M") if t is not None else None

        assert [hhmm(s["planned_start"]) for s in rows] == ["14:00", "14:10", None, "15:00"]
        assert hhmm(rows[1]["planned_end"]) == "14:40"

        ShowControl(lan.ef, lan.bus).start()
        with lan.client(lan.tokens["control"]) as client:
            rows = client.get("/api/v1/rundown").json()["segments"]
        assert rows[0]["status"] == "on_air" and rows[0]["actual_start"] is not None
        assert rows[0]["planned_start"] == rows[0]["actual_start"]  # counted from the real start
        assert rows[1]["planned_start"] == rows[0]["actual_start"] + 600


def test_the_audience_cannot_read_the_rundown(tmp_path: Path) -> None:
    with running_lan(tmp_path) as lan:
        Segments(lan.ef).add(title="Keynote", notes="private")
        with lan.client() as client:
            r = client.get("/api/v1/rundown")
        assert r.status_code == 401
        assert "private" not in r.text
