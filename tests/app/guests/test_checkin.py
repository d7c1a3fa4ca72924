"""Checking in at the door: outcomes, scanner input, undo, walk-ins, counters, many doors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.bus import Bus, CheckInUndone, GuestCheckedIn, GuestsChanged
from app.demo import populate
from app.guests.checkin import (
    CheckInResult,
    check_in,
    check_in_log,
    counts,
    recent_check_ins,
    undo_check_in,
)
from app.guests.walkin import WalkInError, add_walk_in, find_registered
from app.store import EventFile


def first_guest(ef: EventFile) -> dict:  # type: ignore[type-arg]
    row = ef.row("SELECT * FROM guests ORDER BY id LIMIT 1")
    assert row is not None
    return row


@pytest.fixture
def demo() -> EventFile:
    ef = EventFile.memory()
    populate(ef, guests=30)
    return ef


def test_ok_then_already_then_unknown(demo: EventFile) -> None:
    bus = Bus()
    events: list[GuestCheckedIn] = []
    bus.subscribe(GuestCheckedIn, events.append)
    g = first_guest(demo)
    ok = check_in(demo, bus, code=g["ticket_code"], station="Door 1")
    assert (ok.result, ok.name, ok.role, ok.station) == ("ok", g["name"], "speaker", "Door 1")
    again = check_in(demo, bus, code=g["ticket_code"], station="Door 2")
    assert (again.result, again.station, again.at) == ("already", "Door 1", ok.at)
    unknown = check_in(demo, bus, code="NOSUCHCODE", station="Door 2")
    assert unknown == CheckInResult("unknown", code="NOSUCHCODE")
    assert [(e.guest_id, e.station) for e in events] == [(g["id"], "Door 1")]
    assert [r["action"] for r in check_in_log(demo, g["id"])] == ["in"]


@pytest.mark.parametrize(
    "typed",
    [
        "{code}",
        "  {lower}\r\n",  # Caps Lock off on the scanner, Enter and spaces around
        "{fullwidth}",  # a scanner through a Chinese IME types full-width characters
        "https://showday.local/t?code={code}&x=1",
        "HTTPS://SHOWDAY.LOCAL/T/{code}",
        "showday.local/checkin?ticket={lower}",
    ],
)
def test_scanner_input_is_normalised(demo: EventFile, typed: str) -> None:
    code = first_guest(demo)["ticket_code"]
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in code)
    raw = typed.format(code=code, lower=code.lower(), fullwidth=fullwidth)
    assert check_in(demo, None, code=raw, station="Door 1").result == "ok"


def test_check_in_by_guest_id_and_empty_code(demo: EventFile) -> None:
    g = first_guest(demo)
    assert check_in(demo, None, guest_id=g["id"], station="Phone 3").result == "ok"
    assert check_in(demo, None, guest_id=999_999, station="Phone 3").result == "unknown"
    assert check_in(demo, None, code="   ", station="Phone 3").result == "unknown"
    with pytest.raises(ValueError):
        check_in(demo, None, station="Phone 3")


def test_undo_is_logged_and_allows_a_new_check_in(demo: EventFile) -> None:
    bus = Bus()
    undone: list[CheckInUndone] = []
    bus.subscribe(CheckInUndone, undone.append)
    g = first_guest(demo)
    assert undo_check_in(demo, bus, g["id"], "Door 1") == "not_checked_in"
    check_in(demo, bus, guest_id=g["id"], station="Door 1")
    assert undo_check_in(demo, bus, g["id"], "Door 1") == "undone"
    assert demo.row("SELECT checked_in_at FROM guests WHERE id = ?", (g["id"],)) == {
        "checked_in_at": None
    }
    assert check_in(demo, bus, guest_id=g["id"], station="Door 2").result == "ok"
    log = check_in_log(demo, g["id"])
    assert [(r["action"], r["station"]) for r in log] == [
        ("in", "Door 1"),
        ("undo", "Door 1"),
        ("in", "Door 2"),
    ]
    assert [(e.guest_id, e.name) for e in undone] == [(g["id"], g["name"])]
    assert undo_check_in(demo, bus, 999_999, "Door 1") == "unknown"


def test_walk_in_is_registered_and_checked_in(demo: EventFile) -> None:
    bus = Bus()
    seen: list[object] = []
    bus.subscribe(GuestsChanged, seen.append)
    bus.subscribe(GuestCheckedIn, seen.append)
    before = counts(demo)
    g = add_walk_in(
        demo,
        bus,
        name=" 周杰 ",
        company="开源中国",
        phone="+86 186 0000 1234",
        email="ZJ@Example.cn",
        consent=True,
        station="Door 2",
    )
    assert (g["name"], g["phone"], g["email"], g["channel"], g["walk_in"]) == (
        "周杰",
        "+8618600001234",
        "zj@example.cn",
        "walk-in",
        1,
    )
    assert (g["checked_in_by"], g["consent"], g["name_pinyin"]) == ("Door 2", 1, "zhoujie")
    assert [type(e).__name__ for e in seen] == ["GuestsChanged", "GuestCheckedIn"]
    assert check_in(demo, None, code=g["ticket_code"], station="Door 1").result == "already"
    after = counts(demo)
    assert after["walk_ins"] == before["walk_ins"] + 1
    assert after["expected"] == before["expected"]  # walk-ins are not on the expected list
    assert after["by_channel"]["walk-in"] == {"arrived": 1, "expected": 1}
    assert find_registered(demo, phone="186-0000-1234")["id"] == g["id"]  # type: ignore[index]


def test_walk_in_form_errors_name_the_field(demo: EventFile) -> None:
    for kwargs, field in (
        ({"name": "  "}, "name"),
        ({"name": "A", "email": "nope"}, "email"),
        ({"name": "A", "phone": "12"}, "phone"),
    ):
        with pytest.raises(WalkInError) as err:
            add_walk_in(demo, None, station="Door 1", **kwargs)  # type: ignore[arg-type]
        assert err.value.field == field


def test_counts_by_channel(demo: EventFile) -> None:
    c0 = counts(demo)
    assert c0["expected"] == 30 and c0["arrived"] == 0
    channel_total = sum(v["expected"] for v in c0["by_channel"].values())
    assert channel_total == 30
    g = first_guest(demo)
    check_in(demo, None, guest_id=g["id"], station="Door 1")
    c1 = counts(demo)
    assert c1["arrived"] == 1
    assert c1["by_channel"][g["channel"]]["arrived"] == 1
    assert c1["by_role"]["speaker"]["arrived"] == 1


def _race(path: Path, n: int, target: dict[int, str]) -> list[CheckInResult]:
    """n threads, each with its own connection, all released at the same instant."""
    conns = [EventFile.open(path) for _ in range(n)]
    gate = threading.Barrier(n)
    results: list[CheckInResult] = []
    lock = threading.Lock()

    def door(i: int) -> None:
        gate.wait()
        r = check_in(conns[i], None, code=target[i], station=f"Door {i}")
        with lock:
            results.append(r)

    threads = [threading.Thread(target=door, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for c in conns:
        c.close()
    return results


def test_twenty_doors_scan_the_same_ticket_at_once(tmp_path: Path) -> None:
    path = tmp_path / "race.showday"
    ef = EventFile.create(path, "Race")
    populate(ef, guests=5)
    g = first_guest(ef)
    results = _race(path, 20, {i: g["ticket_code"] for i in range(20)})
    outcomes = sorted(r.result for r in results)
    assert outcomes == ["already"] * 19 + ["ok"]
    winner = next(r for r in results if r.result == "ok")
    assert all(r.station == winner.station for r in results)  # "already ... by <winner>"
    assert (
        ef.value("SELECT count(*) FROM checkins WHERE guest_id = ? AND action = 'in'", (g["id"],))
        == 1
    )
    assert ef.value("SELECT checked_in_by FROM guests WHERE id = ?", (g["id"],)) == winner.station


def test_two_doors_two_different_tickets_both_ok(tmp_path: Path) -> None:
    path = tmp_path / "two.showday"
    ef = EventFile.create(path, "Two")
    populate(ef, guests=5)
    codes = [r["ticket_code"] for r in ef.rows("SELECT ticket_code FROM guests LIMIT 2")]
    results = _race(path, 2, {0: codes[0], 1: codes[1]})
    assert [r.result for r in results] == ["ok", "ok"]
    assert ef.value("SELECT count(*) FROM checkins") == 2


def test_recent_check_ins_newest_first_without_undone(demo: EventFile) -> None:
    ids = [r["id"] for r in demo.rows("SELECT id FROM guests ORDER BY id LIMIT 3")]
    check_in(demo, None, guest_id=ids[0], station="Door 1")
    check_in(demo, None, guest_id=ids[1], station="Door 2")
    check_in(demo, None, guest_id=ids[2], station="Door 1")
    undo_check_in(demo, None, ids[2], "Door 1")
    assert [r["guest_id"] for r in recent_check_ins(demo)] == [ids[1], ids[0]]
    assert [r["guest_id"] for r in recent_check_ins(demo, station="Door 1")] == [ids[0]]
