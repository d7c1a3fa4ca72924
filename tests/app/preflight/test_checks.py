"""Preflight checks from facts, the T-60 / T-15 runs, and the manual checklist."""

from __future__ import annotations

from pathlib import Path

from app.bus import PreflightRan
from app.preflight import store
from app.preflight.checks import FAIL, PASS, WARN, Facts, is_go, run_checks
from app.session import Session
from app.show.segments import Segments

NOW = 1_780_000_000.0


def statuses(f: Facts) -> dict[str, str]:
    return {r["id"]: r["status"] for r in run_checks(f)}


def ready() -> Facts:
    return Facts(
        now=NOW,
        obs_status="connected",
        obs={
            "scenes": ["Intro"],
            "inputs": {"LT": "text_ft2_source_v2"},
            "browser_urls": {},
            "stream_configured": True,
            "stream_type": "rtmp_custom",
            "record_dir": "/rec",
        },
        needed_scenes=["Intro"],
        needed_sources=["LT"],
        record_dir_writable=True,
        free_bytes=50_000_000_000,
        planned_show_s=3600,
        lan_url="http://192.168.1.20:8765",
        lan_host="192.168.1.20",
        lan_reachable="",
        stations=[
            {"role": "door", "name": "Door A", "seen_ago_s": 20},
            {"role": "moderator", "name": "Mod", "seen_ago_s": 5},
        ],
        first_speakers=[{"segment": "Talk", "speaker": "Li Lei", "checked_in": True}],
        guest_count=120,
        first_hard_start=NOW + 3600,
    )


def test_a_ready_show_is_go_with_every_check_passing() -> None:
    results = run_checks(ready())
    assert is_go(results) and {r["status"] for r in results} == {PASS}


def test_each_problem_says_what_and_whether_it_stops_the_show() -> None:
    f = ready()
    f.free_bytes = 1_000_000_000  # 1 GB for an hour at 6 Mbps x 1.5 (about 4.1 GB)
    f.stations[0]["seen_ago_s"] = 300
    f.first_speakers[0]["checked_in"] = False
    f.first_hard_start = NOW + 3 * 86400  # a clock three days early
    f.lan_host, f.lan_url = "127.0.0.1", "http://127.0.0.1:8765"
    f.overlay_answers = {"Showday Timer Overlay": "Connection refused"}
    results = {r["id"]: r for r in run_checks(f)}
    assert results["recording"]["status"] == FAIL and results["recording"]["code"] == "disk_low"
    assert results["recording"]["params"]["need_mb"] == 4158
    assert results["overlays"]["status"] == FAIL
    assert "Showday Timer Overlay" in results["overlays"]["reason"]
    assert results["station_door"]["status"] == WARN
    assert results["speakers"]["params"]["speakers"] == ["Li Lei"]
    assert results["clock"]["code"] == "clock_implausible"
    assert results["lan"]["code"] == "lan_loopback"
    assert not is_go(list(results.values()))


def test_obs_not_connected_is_no_go_with_a_fix() -> None:
    f = ready()
    f.obs, f.obs_status = None, "retrying"
    (first, *_rest) = run_checks(f)
    assert (first["status"], first["fix"]) == (FAIL, "connect_obs")


def test_preflight_runs_itself_at_t_minus_60_and_t_minus_15(tmp_path: Path) -> None:
    clock = [NOW]
    session = Session.create(tmp_path / "s.showday", "Salon", clock=lambda: clock[0])
    got: list[dict] = []
    session.bus.subscribe(PreflightRan, lambda ev: got.append(ev.run))
    try:
        Segments(session.ef).add(title="Opening", duration_s=600, hard_start="2027-01-01 14:00")
        first = session.preflight.first_hard_start()
        assert first is not None
        assert session.preflight.tick(first - 3700) is None  # not yet
        t60 = session.preflight.tick(first - 3500)
        assert t60 is not None
        t60.join(30)
        assert session.preflight.tick(first - 3400) is None  # once
        t15 = session.preflight.tick(first - 800)
        assert t15 is not None
        t15.join(30)
        assert session.preflight.tick(first - 700) is None
        kept = store.runs(session.ef)
        assert [r["kind"] for r in kept] == ["T-15", "T-60"]
        assert [r["at"] for r in kept] == [first - 800, first - 3500]
        assert [r["kind"] for r in got] == ["T-60", "T-15"]
        assert not got[0]["go"]  # OBS is not connected here
    finally:
        session.close()


def test_the_manual_checklist_has_defaults_in_both_languages_and_keeps_who_ticked(
    tmp_path: Path,
) -> None:
    session = Session.create(tmp_path / "s.showday", "Salon")
    try:
        ef = session.ef
        assert "电池" in store.checklist(ef, "zh_CN")[0]["text"]
        assert "batteries" in store.checklist(ef, "en")[0]["text"]
        items = store.set_checklist(ef, ["Mic batteries", "", "Backup stream key"])
        assert [i["text"] for i in items] == ["Mic batteries", "Backup stream key"]
        store.tick(ef, items[1]["id"], "Wang Fang")
        items = store.set_checklist(ef, ["Backup stream key", "Speed test"])
        assert items[0]["ticked_by"] == "Wang Fang" and items[0]["ticked_at"]
        assert items[1]["ticked_by"] == ""
        reopened = store.checklist(ef, "zh_CN")  # the edited list, whatever the language
        assert [i["text"] for i in reopened] == ["Backup stream key", "Speed test"]
    finally:
        session.close()


def test_the_report_lists_each_preflight_run_with_its_time_and_results(tmp_path: Path) -> None:
    from app.report.exports import tables
    from app.report.sheets import local

    session = Session.create(tmp_path / "s.showday", "Salon", clock=lambda: NOW)
    try:
        session.preflight.run(kind="manual")
        sheets = {stem: table for stem, _title, table in tables(session.ef)}
    finally:
        session.close()
    headers, rows = sheets["preflight"]
    assert headers[0] == "时间 Time"
    first = rows[0]
    assert first[:5] == [local(NOW), "manual", "NO-GO", "obs_connected", "FAIL"]
    assert "OBS is not connected" in first[5]
    assert {r[3] for r in rows} >= {"lan", "guests", "clock", "speakers", "station_door"}


def test_the_cue_ticker_started_by_the_desk_runs_the_scheduled_preflight(tmp_path: Path) -> None:
    from tests.harness import wait_for

    clock = [NOW]
    session = Session.create(tmp_path / "s.showday", "Salon", clock=lambda: clock[0])
    try:
        Segments(session.ef).add(title="Opening", duration_s=600, hard_start="2027-01-01 14:00")
        first = session.preflight.first_hard_start()
        assert first is not None
        clock[0] = first - 900 + 5  # just after T-15
        session.cues.start()
        kept = wait_for(lambda: store.runs(session.ef), what="the T-15 run")
        assert [r["kind"] for r in kept] == ["T-15"]
    finally:
        session.close()


def test_a_speaker_of_several_first_segments_is_named_once() -> None:
    f = ready()
    f.first_speakers = [
        {"segment": title, "speaker": name, "checked_in": False}
        for title, name in [("Keynote", "Alice"), ("Panel", "Alice"), ("Demo", "Bob")]
    ]
    (speakers,) = [r for r in run_checks(f) if r["id"] == "speakers"]
    assert speakers["params"]["speakers"] == ["Alice", "Bob"]
    assert speakers["reason"].endswith("Alice, Bob")
