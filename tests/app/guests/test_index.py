"""The event's one guest index (app.guests.index.GuestIndex): it follows the bus for everyone
who searches (the desk's door, the station server's /door), built once."""

from __future__ import annotations

from pathlib import Path

from app.guests.checkin import check_in, undo_check_in
from app.guests.walkin import add_walk_in
from app.session import Session
from tests.app.lan.fixtures import running_lan
from tests.ui.door.conftest import add_guests


def test_the_index_follows_walk_ins_check_ins_and_undos_from_the_bus(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "e.showday", "Salon")
    ef, bus, guests = session.ef, session.bus, session.guests
    try:
        add_guests(ef)
        guests.index()
        walk = add_walk_in(ef, bus, name="欧阳娜娜", phone="13511112222", station="Door 3")
        assert guests.wait_current()  # the re-read runs on the index's own thread
        hit = guests.search("oyn")[0]
        assert (hit.name, hit.checked_in_by) == ("欧阳娜娜", "Door 3")
        undo_check_in(ef, bus, walk["id"], "Door 3")  # applied as it is published
        assert not guests.search("ouyang")[0].checked_in
        guests.close()
        check_in(ef, bus, code=walk["ticket_code"], station="Door 2")
        assert not guests.search("ouyang")[0].checked_in  # no longer following
    finally:
        session.close()


def test_the_desk_and_the_door_page_search_one_index(tmp_path: Path) -> None:
    with running_lan(tmp_path) as lan:
        add_guests(lan.ef)
        _sid, cookie = lan.pair("door")
        desk_hits = lan.session.guests.search("ls")  # the desk's door panel asks the same
        with lan.client(cookies={"showday_station": cookie}) as c:
            r = c.get("/api/v1/guests", params={"q": "ls"})
        assert r.status_code == 200, r.text
        assert [g["guest_id"] for g in r.json()["guests"]] == [h.guest_id for h in desk_hits]
        assert lan.session.guests.builds == 1  # built once, for both
