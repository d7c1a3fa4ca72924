"""The report's check-in lists: each list's counts, and the two doors that let one guest in while
apart (an offline phone's scan that arrived after another door's check-in), in the XLSX."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.demo import populate
from app.guests.checkin import check_in
from app.guests.lists import create_list
from app.report.exports import export_all
from app.store import EventFile


def test_the_report_lists_each_list_and_every_double_admission(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "day.showday", "Salon")
    populate(ef, guests=30)
    vip = create_list(ef, None, "VIP lounge", rule="role", allowed=["vip"], exits=True)
    g = ef.row("SELECT id, name, ticket_code FROM guests WHERE role = 'vip' LIMIT 1")
    other = ef.row("SELECT id FROM guests WHERE role = 'guest' LIMIT 1")
    assert g is not None and other is not None
    check_in(ef, None, guest_id=g["id"], station="Door B")
    check_in(ef, None, guest_id=other["id"], station="Door B")
    check_in(ef, None, guest_id=g["id"], station="Lounge", list_id=vip.id)
    late = check_in(
        ef,
        None,
        guest_id=g["id"],
        station="Door A",
        client_id="door-a-0001",
        scanned_at="2026-12-06T09:01:30+08:00",
    )
    assert late.double
    export_all(ef, tmp_path / "out")
    wb = load_workbook(tmp_path / "out" / "report.xlsx", read_only=True)
    lists = [tuple(r) for r in wb["Check-in lists"].iter_rows(values_only=True)]
    doubles = [tuple(r) for r in wb["Double admissions"].iter_rows(values_only=True)]
    wb.close()
    expected = ef.value("SELECT count(*) FROM guests")
    vips = ef.value("SELECT count(*) FROM guests WHERE role = 'vip'")
    assert lists[1][:5] == ("全部嘉宾 All guests", "全部 Everyone", None, expected, 2)
    assert lists[1][6] == 1
    assert lists[2] == ("VIP lounge", "按身份 By role", "vip", vips, 1, 1, 0)
    assert len(doubles) == 2
    name, code, lst, offline_door, offline_at, first_by, first_at, _synced = doubles[1]
    assert (name, code, lst, offline_door, first_by) == (
        g["name"],
        g["ticket_code"],
        "All guests",
        "Door A",
        "Door B",
    )
    assert offline_at.endswith(":01:30") and first_at
    ef.close()
