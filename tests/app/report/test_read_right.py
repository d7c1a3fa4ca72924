"""Numbers read right: setting-up problems are not stream incidents, nobody is a no-show while the
show is live, early and late in words, an undone walk-in counted nowhere."""

from __future__ import annotations

from datetime import UTC, datetime

from app.bus import Bus
from app.guests.checkin import counts, undo_check_in
from app.guests.walkin import add_walk_in
from app.obs.samples import store_incident
from app.report import sheets
from app.report.model import build_report, early_late
from app.show.control import ShowControl
from app.show.rundown import import_file_cli as import_rundown
from app.store import EventFile
from tests.app.guests.conftest import sample

T0 = 1_790_000_000.0


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat()


def test_a_wrong_password_before_the_show_is_not_a_stream_incident() -> None:
    ef = EventFile.memory()
    import_rundown(ef, sample("rundown-zh.csv"))
    store_incident(ef, "wrong_password", "typed before doors", at=iso(T0 - 3600))
    assert build_report(ef).stream.incidents == []  # no show yet: setting up
    t = [T0]
    show = ShowControl(ef, Bus(), clock=lambda: t[0])
    show.start()
    store_incident(ef, "disconnect", "", at=iso(T0 + 60))
    r = build_report(ef, now=T0 + 120)
    assert [i.kind for i in r.stream.incidents] == ["disconnect"]
    assert [i.kind for i in r.stream.before_show] == ["wrong_password"]
    rows = dict(sheets.summary(r)[1])
    assert (
        rows["推流事故 Stream incidents"] == 1 and rows["开播前问题 Problems before the show"] == 1
    )
    ef.close()


def test_live_figures_never_say_no_shows_until_the_end() -> None:
    ef = EventFile.memory()
    ef.db["guests"].insert(
        {"name": "甲", "ticket_code": "A1", "created_at": iso(T0), "updated_at": iso(T0)}
    )
    live = dict(sheets.summary(build_report(ef))[1])
    assert "未到 No-shows" not in live and live["尚未签到（直播中）Not checked in yet (live)"] == 1
    assert "未到 No-shows" not in sheets.attendance(build_report(ef))[0]
    import_rundown(ef, sample("rundown-zh.csv"))
    t = [T0]
    show = ShowControl(ef, Bus(), clock=lambda: t[0])
    show.start()
    t[0] += 60
    show.end()
    assert dict(sheets.summary(build_report(ef))[1])["未到 No-shows"] == 1
    ef.close()


def test_early_and_late_in_words_never_negative() -> None:
    assert early_late(-3657) == ("early", 3657)
    assert sheets.against_plan(-3657) == "提前 1:00:57 early"
    assert sheets.against_plan(123) == "超时 2:03 late"
    assert sheets.against_plan(0.4) == "准时 on time"


def test_undoing_a_walk_in_reverses_every_count() -> None:
    ef = EventFile.memory()
    bus = Bus()
    before = counts(ef)
    g = add_walk_in(ef, bus, name="路过", email="p@example.cn", consent=True, station="d")
    assert counts(ef) != before
    undo_check_in(ef, bus, int(g["id"]), "d")
    assert counts(ef) == before
    r = build_report(ef)
    assert r.total.walk_ins == 0 and r.total.checked_in == 0 and r.arrivals.buckets == []
    ef.close()
