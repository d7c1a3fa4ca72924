"""The door counters run alongside the guest index (app.guests.door_counts.DoorTally): after
any sequence of check-ins, undos, walk-ins, imports, edits, re-admissions, deletions and full
reloads they say exactly what counting every guest in the file afresh says."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from app.bus import Bus, GuestsChanged
from app.guests.admission import admit
from app.guests.checkin import check_in, counts, undo_check_in
from app.guests.door_counts import DoorTally, tally
from app.guests.edit import edit_guest
from app.guests.index import GuestIndex
from app.guests.names import pinyin_keys
from app.guests.walkin import add_walk_in
from app.store import EventFile

CHANNELS = ("", "公众号", "社群", "Eventbrite", "官网")
ROLES = ("guest", "speaker", "vip", "staff")
STATUSES = ("", "", "", "unpaid", "refunded")  # most tickets are valid


def insert_guests(ef: EventFile, rng: random.Random, n: int) -> tuple[int, ...]:
    """n registered guests written straight to the file, as an import writes them."""
    ids = []
    with ef.write() as c:
        for _ in range(n):
            name = "".join(rng.choices("王李张刘陈杨黄赵伟芳娜敏静丽强磊", k=3))
            full, initials = pinyin_keys(name)
            cur = c.execute(
                "INSERT INTO guests (name, name_pinyin, name_initials, ticket_code, role, channel,"
                " ticket_status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
                (name, full, initials, f"T{rng.getrandbits(48):012x}", rng.choice(ROLES),
                 rng.choice(CHANNELS), rng.choice(STATUSES)),
            )  # fmt: skip
            ids.append(int(cur.lastrowid or 0))
    return tuple(ids)


# A guest the logs do not name (they keep their guests: no cascade), e.g. a duplicate import.
NO_HISTORY = (
    "id NOT IN (SELECT guest_id FROM checkins UNION SELECT guest_id FROM list_entries"
    " UNION SELECT guest_id FROM admissions)"
)


def some_guest(ef: EventFile, rng: random.Random, where: str = "1") -> int | None:
    ids = [r["id"] for r in ef.rows(f"SELECT id FROM guests WHERE {where}")]
    return rng.choice(ids) if ids else None


def step(ef: EventFile, bus: Bus, rng: random.Random) -> str:
    """One thing the door or the setup does, picked at random; returns its name."""
    op = rng.choice(
        ["check_in"] * 4 + ["undo"] * 2
        + ["walk_in", "import", "edit_channel", "edit_role", "admit", "delete", "reload"]
    )  # fmt: skip
    if op == "check_in" and (gid := some_guest(ef, rng, "checked_in_at IS NULL")):
        check_in(ef, bus, guest_id=gid, station=f"Door {rng.randint(1, 3)}")
    elif op == "undo" and (gid := some_guest(ef, rng, "checked_in_at IS NOT NULL")):
        undo_check_in(ef, bus, gid, "Door 1")
    elif op == "walk_in":
        add_walk_in(ef, bus, name=f"Walk {rng.getrandbits(32)}", station="Door 2")
    elif op == "import":
        bus.publish(GuestsChanged(insert_guests(ef, rng, rng.randint(1, 5))))
    elif op == "edit_channel" and (gid := some_guest(ef, rng)):
        edit_guest(ef, bus, gid, "channel", rng.choice(CHANNELS))
    elif op == "edit_role" and (gid := some_guest(ef, rng)):
        edit_guest(ef, bus, gid, "role", rng.choice(ROLES))
    elif op == "admit" and (gid := some_guest(ef, rng, "ticket_status != ''")):
        admit(ef, bus, gid, supervisor="Li", station="Door 1")
    elif op == "delete" and (gid := some_guest(ef, rng, NO_HISTORY)):
        with ef.write() as c:  # no delete in the app yet: the event a removal would send
            c.execute("DELETE FROM guests WHERE id = ?", (gid,))
        bus.publish(GuestsChanged((gid,)))
    elif op == "reload":
        bus.publish(GuestsChanged())
    return op


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_running_counts_equal_a_full_recount_after_random_door_work(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    ef = EventFile.create(tmp_path / "day.showday", "Day")
    bus = Bus()
    guests = GuestIndex(ef, bus)
    try:
        insert_guests(ef, rng, 40)
        guests.index()
        done: list[str] = []
        for _ in range(120):
            done.append(step(ef, bus, rng))
            running = guests.counts()  # waits for the re-reads already published
            fresh = counts(ef)  # every guest in the file, counted afresh
            assert running == fresh, f"after {done[-5:]}"
            assert list(running["by_channel"]) == list(fresh["by_channel"])  # same order
        assert guests.builds == 1  # followed the bus throughout: never rebuilt to count
        assert {"check_in", "undo", "walk_in", "import", "delete", "reload"} <= set(done)
    finally:
        guests.close()
        bus.close()
        ef.close()


def row(**kw: Any) -> tuple[Any, ...]:
    from app.guests.search import FIELDS

    base: dict[str, Any] = {"ticket_status": "", "role": "guest", "channel": "", "walk_in": 0}
    return tuple({**base, **kw}.get(f) for f in FIELDS)


def test_a_group_leaves_the_counters_with_its_last_guest() -> None:
    t = DoorTally()
    kate = row(channel="Eventbrite", role="vip", checked_in_at="09:00")
    t.add(kate)
    assert t.result()["by_channel"] == {"Eventbrite": {"arrived": 1, "expected": 1}}
    t.remove(kate)
    assert t.result() == tally([])  # as if nobody had ever come: no empty "Eventbrite"
    assert t.result()["by_channel"] == {} and t.result()["inside"] == 0
