"""Check-in lists: who may enter, per-list check-ins and counts, replays, offline doubles, exits,
and the migration that gives an existing event its one list "All guests"."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.bus import Bus, GuestCheckedIn, ListCheckIn
from app.demo import populate
from app.guests.checkin import check_in, check_out, counts, undo_check_in
from app.guests.lists import (
    MAIN_LIST,
    ListError,
    all_lists,
    create_list,
    delete_list,
    list_counts,
    update_list,
)
from app.store import EventFile
from app.store import db as store_db
from app.store.schema import V1


@pytest.fixture
def demo() -> EventFile:
    ef = EventFile.memory()
    populate(ef, guests=30)
    return ef


def guest(ef: EventFile, role: str) -> dict:  # type: ignore[type-arg]
    row = ef.row("SELECT * FROM guests WHERE role = ? AND walk_in = 0 ORDER BY id LIMIT 1", (role,))
    assert row is not None, role
    return row


def test_a_new_event_has_one_list_that_takes_everyone(demo: EventFile) -> None:
    [only] = all_lists(demo)
    assert (only.id, only.name, only.rule) == (MAIN_LIST, "All guests", "all")
    g = guest(demo, "guest")
    assert check_in(demo, None, guest_id=g["id"], station="Desk").result == "ok"
    [c] = list_counts(demo)
    assert c["arrived"] == 1 and c["expected"] == demo.value("SELECT count(*) FROM guests")


def test_a_guest_on_one_list_only_is_green_there_and_red_with_the_reason_at_the_other(
    demo: EventFile,
) -> None:
    bus = Bus()
    main_events: list[GuestCheckedIn] = []
    list_events: list[ListCheckIn] = []
    bus.subscribe(GuestCheckedIn, main_events.append)
    bus.subscribe(ListCheckIn, list_events.append)
    vip = create_list(demo, bus, "VIP lounge", rule="role", allowed=["vip", "speaker"])
    v, g = guest(demo, "vip"), guest(demo, "guest")

    r = check_in(demo, bus, code=g["ticket_code"], station="Lounge", list_id=vip.id)
    assert r.result == "not_on_list"
    assert r.reason is not None and r.reason["list"] == "VIP lounge"
    assert r.reason["value"] == "guest" and r.reason["allowed"] == ["vip", "speaker"]
    assert "role is guest" in r.reason["text"]
    assert check_in(demo, bus, code=g["ticket_code"], station="Hall").result == "ok"

    r = check_in(demo, bus, code=v["ticket_code"], station="Lounge", list_id=vip.id)
    assert (r.result, r.list_id, r.station) == ("ok", vip.id, "Lounge")
    # The lounge is not the main hall: the VIP has not arrived at the event by it.
    assert demo.value("SELECT checked_in_at FROM guests WHERE id = ?", (v["id"],)) is None
    assert [e.guest_id for e in main_events] == [g["id"]]
    assert [(e.list_id, e.action) for e in list_events] == [(vip.id, "in")]
    again = check_in(demo, bus, guest_id=v["id"], station="Lounge 2", list_id=vip.id)
    assert (again.result, again.station) == ("already", "Lounge")

    by_id = {c["id"]: c for c in list_counts(demo)}
    expected_vip = demo.value("SELECT count(*) FROM guests WHERE role IN ('vip', 'speaker')")
    assert (by_id[vip.id]["arrived"], by_id[vip.id]["expected"]) == (1, expected_vip)
    assert by_id[MAIN_LIST]["arrived"] == 1 == counts(demo)["inside"]

    assert undo_check_in(demo, bus, v["id"], "Lounge", list_id=vip.id) == "undone"
    assert {c["id"]: c for c in list_counts(demo)}[vip.id]["arrived"] == 0
    assert check_in(demo, bus, guest_id=v["id"], station="Lounge", list_id=vip.id).ok


def test_a_list_by_import_column_matches_its_values_whatever_the_case(demo: EventFile) -> None:
    a, b = guest(demo, "guest"), guest(demo, "speaker")
    with demo.write() as c:
        c.execute(
            "UPDATE guests SET extra = ? WHERE id = ?", (json.dumps({"晚宴": " Yes "}), a["id"])
        )
        c.execute("UPDATE guests SET extra = ? WHERE id = ?", (json.dumps({"晚宴": "no"}), b["id"]))
    dinner = create_list(demo, None, "Dinner", rule="column", field="晚宴", allowed=["yes"])
    assert check_in(demo, None, guest_id=a["id"], station="D", list_id=dinner.id).ok
    r = check_in(demo, None, guest_id=b["id"], station="D", list_id=dinner.id)
    assert r.result == "not_on_list" and r.reason and r.reason["value"] == "no"
    assert {c["id"]: c for c in list_counts(demo)}[dinner.id]["expected"] == 1


def test_bad_lists_are_refused_with_the_field_to_fix(demo: EventFile) -> None:
    for kwargs, field in (
        ({"name": " "}, "name"),
        ({"name": "X", "rule": "role", "allowed": ["boss"]}, "allowed"),
        ({"name": "X", "rule": "role"}, "allowed"),
        ({"name": "X", "rule": "column", "allowed": ["a"]}, "field"),
        ({"name": "X", "rule": "weather"}, "rule"),
    ):
        with pytest.raises(ListError) as err:
            create_list(demo, None, **kwargs)  # type: ignore[arg-type]
        assert err.value.field == field
    assert len(all_lists(demo)) == 1
    day2 = create_list(demo, None, "Day 2")
    renamed = update_list(demo, None, day2.id, "第二天", rule="role", allowed=["vip"])
    assert [lst.name for lst in all_lists(demo)] == ["All guests", "第二天"]
    assert renamed.allowed == ("vip",)
    with pytest.raises(ListError):
        delete_list(demo, None, MAIN_LIST)
    v = guest(demo, "vip")
    check_in(demo, None, guest_id=v["id"], station="D", list_id=day2.id)
    with pytest.raises(ListError):  # it has check-ins: part of the record
        delete_list(demo, None, day2.id)
    empty = create_list(demo, None, "Spare")
    delete_list(demo, None, empty.id)
    assert [lst.name for lst in all_lists(demo)] == ["All guests", "第二天"]


def test_a_replayed_scan_gets_its_first_answer_and_changes_nothing(demo: EventFile) -> None:
    g = guest(demo, "guest")
    first = check_in(demo, None, code=g["ticket_code"], station="Door A", client_id="abc-1")
    again = check_in(demo, None, code=g["ticket_code"], station="Door A", client_id="abc-1")
    assert first.result == again.result == "ok" and again.at == first.at
    assert demo.value("SELECT count(*) FROM checkins WHERE guest_id = ?", (g["id"],)) == 1


def test_two_doors_that_admitted_one_guest_while_apart_are_both_recorded(demo: EventFile) -> None:
    g = guest(demo, "guest")
    b = check_in(demo, None, code=g["ticket_code"], station="Door B")
    # Door A let the guest in offline before; its queued scan arrives now.
    a = check_in(
        demo,
        None,
        code=g["ticket_code"],
        station="Door A",
        client_id="door-a-7",
        scanned_at="2026-12-06T09:01:00.000+00:00",
    )
    assert (a.result, a.station, a.at, a.double) == ("already", "Door B", b.at, True)
    replay = check_in(
        demo, None, code=g["ticket_code"], station="Door A", client_id="door-a-7",
        scanned_at="2026-12-06T09:01:00.000+00:00",
    )  # fmt: skip
    assert (replay.result, replay.station, replay.double) == ("already", "Door B", True)
    log = demo.rows(
        "SELECT action, station, scanned_at FROM checkins WHERE guest_id = ? ORDER BY id",
        (g["id"],),
    )
    assert log == [
        {"action": "in", "station": "Door B", "scanned_at": None},
        {"action": "double", "station": "Door A", "scanned_at": "2026-12-06T09:01:00.000+00:00"},
    ]


def test_a_list_with_exits_counts_who_is_inside_now(demo: EventFile) -> None:
    hall = create_list(demo, None, "Expo hall", exits=True)
    a, b = guest(demo, "guest"), guest(demo, "vip")
    for g in (a, b):
        assert check_in(demo, None, guest_id=g["id"], station="In", list_id=hall.id).ok
    assert check_out(demo, None, a["id"], "Out", list_id=hall.id).ok
    left = check_out(demo, None, a["id"], "Out", list_id=hall.id)
    assert (left.result, left.station) == ("already", "Out")
    by_id = {c["id"]: c for c in list_counts(demo)}
    assert (by_id[hall.id]["arrived"], by_id[hall.id]["inside"]) == (2, 1)
    back = check_in(demo, None, guest_id=a["id"], station="In", list_id=hall.id)
    assert back.ok  # welcome back, not "already"
    assert {c["id"]: c for c in list_counts(demo)}[hall.id]["inside"] == 2


def test_an_event_file_from_before_lists_opens_with_its_check_ins_on_all_guests(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.showday"
    conn = sqlite3.connect(path)
    for stmt in store_db._statements(V1):
        conn.execute(stmt)
    conn.execute(f"PRAGMA application_id = {store_db.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO event (id, name, created_at) VALUES (1, 'Old', '2026-01-01')")
    conn.execute(
        "INSERT INTO guests (id, name, ticket_code, created_at, updated_at, checked_in_at,"
        " checked_in_by) VALUES (1, '张三', 'T1', 'x', 'x', '2026-01-01T10:00', 'Door 1')"
    )
    conn.execute(
        "INSERT INTO checkins (guest_id, action, station, at)"
        " VALUES (1, 'in', 'Door 1', '2026-01-01T10:00')"
    )
    conn.commit()
    conn.close()
    ef = EventFile.open(path)
    assert ef.schema_version == store_db.SCHEMA_VERSION
    assert [lst.name for lst in all_lists(ef)] == ["All guests"]
    assert ef.rows("SELECT action, station, list_id FROM checkins") == [
        {"action": "in", "station": "Door 1", "list_id": 1}
    ]
    again = check_in(ef, None, code="t1", station="Door 2")
    assert (again.result, again.station) == ("already", "Door 1")
    ef.close()
