"""Leads after the show: every registrant, statuses, CRM layouts and co-hosts' own files."""

from __future__ import annotations

import csv
from pathlib import Path

from app.bus import Bus
from app.event import update_event
from app.guests.checkin import check_in, undo_check_in
from app.guests.importer import import_file_cli, read_table
from app.guests.walkin import add_walk_in
from app.qa.questions import submit
from app.report import leads
from app.report.exports import export_all
from app.report.model import build_report
from app.show.control import ShowControl
from app.show.rundown import import_file_cli as import_rundown
from app.store import EventFile
from tests.app.guests.conftest import sample


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def run_and_end(ef: EventFile) -> None:
    """A show that starts and ends with nobody at the door (a clock that moves by hand)."""
    import_rundown(ef, sample("rundown-zh.csv"))
    t = [1_790_000_000.0]
    show = ShowControl(ef, Bus(), clock=lambda: t[0])
    show.start()
    t[0] += 600
    show.end()


def test_gb18030_form_export_with_nobody_checked_in_is_all_leads_as_no_shows(
    tmp_path: Path,
) -> None:
    ef = EventFile.memory()
    table = read_table(sample("guests-zh-gbk.csv"))
    assert table.encoding.lower() in {"gb18030", "gbk"}
    import_file_cli(ef, sample("guests-zh-gbk.csv"))
    n = len(table.rows)
    # live: registered, not yet no-shows
    live = leads.collect(ef, build_report(ef))
    assert len(live) == n and {x.status for x in live} == {"registered"}
    run_and_end(ef)
    paths = export_all(ef, tmp_path)
    rows = read(paths["leads"])
    assert len(rows) == n
    assert {r["状态 Status"] for r in rows} == {"未到场 No-show"}
    assert {r["跟进 Follow-up"] for r in rows} == {leads.REPLAY}
    assert {r["姓名 Name"] for r in rows} == {t.cells[0] for t in table.rows}
    sf = read(paths["leads:salesforce"])
    assert len(sf) == n and all(r["Last Name"] and r["Company"] for r in sf)
    assert (
        sf[0]["Lead Status"] == "Open - Not Contacted" and "send the replay" in sf[0]["Description"]
    )
    hs = read(paths["leads:hubspot"])
    assert len(hs) == n and {r["Showday Status"] for r in hs} == {"No-show"}
    assert {r["Showday Send Replay"] for r in hs} == {"yes"}
    ef.close()


def test_statuses_attended_walk_in_undone_walk_in_and_online_asker() -> None:
    ef = EventFile.memory()
    bus = Bus()
    import_file_cli(ef, sample("guests-cohosts-zh.csv"))
    ids = [r["id"] for r in ef.rows("SELECT id FROM guests ORDER BY id")]
    assert check_in(ef, bus, guest_id=ids[0], station="d").ok
    add_walk_in(ef, bus, name="现场甲", email="a@example.cn", consent=True, station="d")
    gone = add_walk_in(ef, bus, name="现场乙", email="b@example.cn", consent=True, station="d")
    add_walk_in(ef, bus, name="现场丙", email="c@example.cn", consent=False, station="d")
    undo_check_in(ef, bus, int(gone["id"]), "d")
    for i, (name, consent) in enumerate((("网友", True), ("路人", False))):
        submit(
            ef, bus, f"问题{i}", name=name, contact=f"{i}@example.org", consent=consent,
            device_id=f"phone-{i}", address="10.0.0.9",
        )  # fmt: skip
    run_and_end(ef)
    report = build_report(ef)
    got = {x.name: x.status for x in leads.collect(ef, report)}
    assert got == {
        "张三": "attended",
        "李四": "no_show",
        "王五": "no_show",
        "赵六": "no_show",
        "钱七": "no_show",
        "现场甲": "walk_in",
        "网友": "online_asker",
    }
    # the undone walk-in is counted nowhere
    assert report.total.walk_ins == 2 and report.total.checked_in == 1  # three came, one undone
    ef.close()


def test_each_co_host_gets_a_file_of_exactly_the_guests_who_consented(tmp_path: Path) -> None:
    ef = EventFile.memory()
    update_event(ef, None, co_hosts=["阿里云", "PingCAP"])
    summary = import_file_cli(ef, sample("guests-cohosts-zh.csv"))
    assert "分享" not in summary  # both consent columns were mapped, none left over
    run_and_end(ef)
    paths = export_all(ef, tmp_path)
    names = {
        host: {r["姓名 Name"] for r in read(paths[f"co_host:{host}"])}
        for host in ("阿里云", "PingCAP")
    }
    assert names == {"阿里云": {"张三", "李四", "赵六"}, "PingCAP": {"李四", "王五"}}
    assert paths["co_host:阿里云"].name == "阿里云.csv"
    assert build_report(ef).co_hosts == {"阿里云": 3, "PingCAP": 2}
    summary_rows = {r["项目 Item"]: r["数值 Value"] for r in read(paths["summary"])}
    assert summary_rows["共享给 阿里云 Shared with 阿里云"] == "3"
    ef.close()


def test_crm_name_split() -> None:
    assert leads.split_name("Ada Lovelace") == ("Ada", "Lovelace")
    assert leads.split_name("欧阳娜娜") == ("", "欧阳娜娜")
    assert leads.split_name("Cher") == ("", "Cher")
