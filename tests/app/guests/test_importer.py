"""Importing guest lists: real samples, mapping, merging, errors by line, re-import, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from app.bus import Bus, GuestsChanged
from app.guests.checkin import check_in
from app.guests.codes import ALPHABET
from app.guests.export import export_attendance
from app.guests.importer import (
    ImportPlan,
    apply_import,
    guess_mapping,
    import_file_cli,
    plan_import,
    read_table,
)
from app.store import EventFile
from tests.app.guests.conftest import import_path, sample, write_csv

REPO = Path(__file__).resolve().parents[3]


def guest(ef: EventFile, **where: str) -> dict[str, Any]:
    ((key, value),) = where.items()
    row = ef.row(f"SELECT * FROM guests WHERE {key} = ?", (value,))
    assert row is not None, where
    return row


def plan_for(ef: EventFile, path: Path) -> ImportPlan:
    table = read_table(path)
    return plan_import(ef, table, guess_mapping(table.headers))


def test_chinese_utf8_bom_sample(ef: EventFile) -> None:
    bus = Bus()
    seen: list[GuestsChanged] = []
    bus.subscribe(GuestsChanged, seen.append)
    result = import_path(ef, sample("guests-zh.csv"), bus)
    assert result.added == 60
    g = guest(ef, email="user0@example.com")
    assert (g["name"], g["phone"], g["company"], g["title"], g["channel"]) == (
        "杜磊秀",
        "13881836553",
        "墨天轮",
        "架构师",
        "社群",
    )
    assert (g["name_pinyin"], g["name_initials"]) == ("duleixiu", "dlx")
    assert len(g["ticket_code"]) == 10 and set(g["ticket_code"]) <= set(ALPHABET)
    assert len(seen) == 1 and len(seen[0].guest_ids) == 60


def test_gbk_sample_with_other_chinese_headers(ef: EventFile) -> None:
    result = import_path(ef, sample("guests-zh-gbk.csv"))
    assert result.added == 30
    g = guest(ef, phone="13881836553")
    assert (g["name"], g["company"], g["title"], g["channel"]) == (
        "杜磊秀",
        "墨天轮",
        "架构师",
        "社群",
    )


def test_eventbrite_export_keeps_barcodes_roles_and_extra(ef: EventFile) -> None:
    plan = plan_for(ef, sample("guests-eventbrite.csv"))
    assert plan.ok and len(plan.new) == 40
    assert "Order #" in plan.unmapped_headers and "Prefix" not in plan.unmapped_headers
    apply_import(ef, None, plan)
    g = guest(ef, ticket_code="096719229171157004")  # leading zero kept: a code, not a number
    assert (g["name"], g["role"], g["phone"]) == ("Alice O'Brien", "speaker", "+14155558269")
    assert guest(ef, ticket_code="547361754081191465")["role"] == "vip"
    plain = guest(ef, ticket_code="818040140841871142")
    assert (plain["role"], plain["ticket_type"]) == ("guest", "General Admission")
    assert plain["channel"] == ""  # plan_for gives no channel for the file
    extra = json.loads(plain["extra"])
    assert extra["Order #"] == "5000" and "Ticket Type" not in extra


def test_xlsx_with_chinese_headers(ef: EventFile, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "手机号码", "电子邮箱", "单位名称", "职务", "角色", "是否同意"])
    ws.append([1, "张三", 13800138000, "ZS@Example.cn", "阿里云", "DBA", "讲师", "是"])
    ws.append([2, "Kate Wang", "+86 139-0013-9000", None, "Acme", "CTO", "VIP", "否"])
    path = tmp_path / "报名表.xlsx"
    wb.save(path)
    import_path(ef, path)
    zs = guest(ef, name="张三")
    assert (zs["phone"], zs["email"], zs["role"], zs["consent"]) == (
        "13800138000",
        "zs@example.cn",
        "speaker",
        1,
    )
    assert json.loads(zs["extra"]) == {"序号": "1"}
    kw = guest(ef, name="Kate Wang")
    assert (kw["phone"], kw["role"], kw["consent"], kw["name_initials"]) == (
        "+8613900139000",
        "vip",
        0,
        "kw",
    )


def test_first_and_last_name_columns_are_joined(ef: EventFile, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "g.csv", "First Name;Last Name;E-mail\nKate;Wang;k@a.io\n;Li;l@a.io\n"
    )
    import_path(ef, path)
    assert {r["name"] for r in ef.rows("SELECT name FROM guests")} == {"Kate Wang", "Li"}


def test_every_bad_row_listed_with_line_and_reason(ef: EventFile, tmp_path: Path) -> None:
    text = (
        "姓名,手机,邮箱,票号\n"  # line 1
        "张三,13800138000,zs@example.cn,AAA111\n"  # 2 ok
        ",13800138001,x@example.cn,\n"  # 3 missing name
        "李四,13800138002,not-an-email,\n"  # 4 invalid email
        "王五,13800138003,ww@example.cn,AAA111\n"  # 5 duplicate code of line 2
        "赵六,13800138004\n"  # 6 too few cells
        "钱七,13800138005,q@example.cn,,surplus\n"  # 7 too many cells
        "孙八,12,sb@example.cn,\n"  # 8 phone too short
    )
    plan = plan_for(ef, write_csv(tmp_path / "bad.csv", text))
    reasons = {e.line: e.reason for e in plan.errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8]
    assert reasons[3] == "missing name"
    assert "invalid email" in reasons[4]
    assert "duplicate ticket code AAA111" in reasons[5] and "line 2" in reasons[5]
    assert "has 2 cells but the header has 4" in reasons[6]
    assert "has 5 cells" in reasons[7]
    assert "too few digits" in reasons[8]
    kinds = [(e.kind, e.params) for e in plan.errors]  # what a UI translates from
    assert kinds == [
        ("missing_name", {}),
        ("invalid_email", {"value": "not-an-email"}),
        ("duplicate_code", {"code": "AAA111", "other_line": 2}),
        ("cells", {"have": 2, "want": 4}),
        ("cells", {"have": 5, "want": 4}),
        ("phone_digits", {"value": "12"}),
    ]
    with pytest.raises(ValueError, match="nothing was imported"):
        apply_import(ef, None, plan)
    assert ef.value("SELECT count(*) FROM guests") == 0  # all or nothing


def test_header_only_and_no_name_column(ef: EventFile, tmp_path: Path) -> None:
    plan = plan_for(ef, write_csv(tmp_path / "h.csv", "姓名,手机\n"))
    assert [str(e) for e in plan.errors] == ["line 1: the file has a header but no guests"]
    plan = plan_for(ef, write_csv(tmp_path / "n.csv", "手机,邮箱\n13800138000,a@b.cn\n"))
    assert "no column holds the guest's name" in plan.errors[0].reason


def test_duplicates_in_a_file_are_merged(ef: EventFile, tmp_path: Path) -> None:
    text = (
        "姓名,手机,邮箱,公司\n"
        "张三,13800138000,zs@example.cn,\n"
        "张三,138-0013-8000,,阿里云\n"  # same phone: merged, fills the company
        "Zhang San,,ZS@example.cn,\n"  # same email (case differs): merged
        "李四,13900139000,ls@example.cn,腾讯\n"
    )
    plan = plan_for(ef, write_csv(tmp_path / "dups.csv", text))
    assert plan.ok and len(plan.new) == 2
    assert plan.merged[0].merged_lines == [3, 4]
    assert "2 duplicate rows merged" in plan.summary()
    apply_import(ef, None, plan)
    zs = guest(ef, phone="13800138000")
    assert (zs["name"], zs["company"]) == ("张三", "阿里云")
    assert ef.value("SELECT count(*) FROM guests") == 2


def test_same_email_different_barcodes_are_two_tickets(ef: EventFile, tmp_path: Path) -> None:
    text = "Name,Email,Barcode\nBuyer,b@x.io,111\nFriend,b@x.io,222\n"
    plan = plan_for(ef, write_csv(tmp_path / "order.csv", text))
    assert plan.ok and len(plan.new) == 2


def test_reimport_updates_without_losing_check_ins(ef: EventFile, tmp_path: Path) -> None:
    first = "姓名,手机,邮箱,公司,职位\n张三,13800138000,zs@example.cn,阿里云,DBA\n李四,13900139000,ls@example.cn,腾讯,PM\n"
    import_path(ef, write_csv(tmp_path / "v1.csv", first))
    zs = guest(ef, email="zs@example.cn")
    assert check_in(ef, None, code=zs["ticket_code"], station="Door 1").result == "ok"
    second = (
        "姓名,手机,邮箱,公司,职位\n"
        "张三,13800138000,zs@example.cn,阿里云,架构师\n"  # title changed
        "李四,13900139000,ls@example.cn,腾讯,\n"  # empty title: keeps PM
        "王五,13700137000,ww@example.cn,华为云,SRE\n"  # new
    )
    plan = plan_for(ef, write_csv(tmp_path / "v2.csv", second))
    assert (len(plan.new), len(plan.updated), len(plan.unchanged)) == (1, 1, 1)
    assert plan.updated[0].changes == {"title": ("DBA", "架构师")}
    apply_import(ef, None, plan)
    after = guest(ef, email="zs@example.cn")
    assert after["id"] == zs["id"] and after["ticket_code"] == zs["ticket_code"]
    assert after["title"] == "架构师" and after["checked_in_by"] == "Door 1"
    assert guest(ef, email="ls@example.cn")["title"] == "PM"
    assert ef.value("SELECT count(*) FROM checkins") == 1
    assert check_in(ef, None, code=zs["ticket_code"], station="Door 2").result == "already"


def test_reimport_matches_by_code_then_email_then_phone(ef: EventFile, tmp_path: Path) -> None:
    import_path(
        ef,
        write_csv(
            tmp_path / "a.csv",
            "Name,Email,Phone,Ticket\nA,a@x.io,13800000001,T1\nB,b@x.io,13800000002,\nC,,13800000003,\n",
        ),
    )
    ids = {r["name"]: r["id"] for r in ef.rows("SELECT id, name FROM guests")}
    text = "Name,Email,Phone,Ticket\nA2,new@x.io,,T1\nB2,b@x.io,,\nC2,,13800000003,\n"
    plan = plan_for(ef, write_csv(tmp_path / "b.csv", text))
    assert {g.guest_id: g.changes["name"][1] for g in plan.updated} == {
        ids["A"]: "A2",
        ids["B"]: "B2",
        ids["C"]: "C2",
    }


def test_two_rows_matching_one_existing_guest_is_an_error(ef: EventFile, tmp_path: Path) -> None:
    import_path(ef, write_csv(tmp_path / "a.csv", "Name,Email,Ticket\nA,a@x.io,T1\n"))
    text = "Name,Email,Ticket\nA,other@x.io,T1\nA again,a@x.io,T2\n"
    plan = plan_for(ef, write_csv(tmp_path / "b.csv", text))
    assert [(e.line, "same guest" in e.reason) for e in plan.errors] == [(3, True)]


def test_cli_import_reports_bad_rows_and_creates_nothing(tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", "姓名,邮箱\n张三,zs@example.cn\n,nobody@example.cn\n")
    target = tmp_path / "e.showday"
    run = subprocess.run(
        [sys.executable, "-m", "app", "new", str(target), "--name", "沙龙", "--guests", str(bad)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
    )
    assert run.returncode == 2
    assert "line 3: missing name" in run.stderr
    assert not target.exists()
    good = sample("guests-zh-gbk.csv")
    run = subprocess.run(
        [sys.executable, "-m", "app", "new", str(target), "--name", "沙龙", "--guests", str(good)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
    )
    assert run.returncode == 0, run.stderr
    assert "30 new" in run.stdout and "gb18030" in run.stdout
    assert EventFile.open(target).value("SELECT count(*) FROM guests") == 30


def test_import_file_cli_in_process(tmp_path: Path) -> None:
    ef = EventFile.create(tmp_path / "x.showday", "X")
    summary = import_file_cli(ef, sample("guests-eventbrite.csv"))
    assert summary.startswith("Imported guests: 40 new") and "Order Date" in summary
    again = import_file_cli(ef, sample("guests-eventbrite.csv"))
    assert "0 new, 0 updated, 40 unchanged" in again


def test_blank_and_repeated_headers_keep_their_data(ef: EventFile, tmp_path: Path) -> None:
    text = "姓名,,备注,备注\n张三,A-1,第一,第二\n"
    import_path(ef, write_csv(tmp_path / "h.csv", text))
    g = guest(ef, name="张三")
    assert g["notes"] == "第一"
    assert json.loads(g["extra"]) == {"Column 2": "A-1", "备注 (2)": "第二"}


def test_reimport_matches_phone_with_or_without_country_code(ef: EventFile, tmp_path: Path) -> None:
    import_path(ef, write_csv(tmp_path / "a.csv", "姓名,手机\n张三,13800138000\n"))
    plan = plan_for(
        ef, write_csv(tmp_path / "b.csv", "姓名,手机,公司\n张三,+86 138 0013 8000,阿里云\n")
    )
    assert (len(plan.new), len(plan.updated)) == (0, 1)
    assert plan.updated[0].changes["company"] == ("", "阿里云")


def test_xlsx_bad_rows_are_named_by_row_number(ef: EventFile, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Name", "Email", "Ticket code"])
    ws.append(["Kate", "kate@acme.io", "K1"])
    ws.append([None, "nobody@acme.io", "K2"])  # row 3
    ws.append(["Ben", "ben@", "K3"])  # row 4
    ws.append(["Mia", "mia@acme.io", "k1"])  # row 5: same code as row 2, case aside
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    plan = plan_for(ef, path)
    assert [(e.line, e.reason.split(" ")[0]) for e in plan.errors] == [
        (3, "missing"),
        (4, "invalid"),
        (5, "duplicate"),
    ]


def test_reimport_does_not_demote_a_hand_marked_speaker(ef: EventFile) -> None:
    import_path(ef, sample("guests-eventbrite.csv"))
    with ef.write() as c:
        c.execute("UPDATE guests SET role = 'speaker' WHERE ticket_code = '818040140841871142'")
    plan = plan_for(ef, sample("guests-eventbrite.csv"))
    assert (len(plan.updated), len(plan.unchanged)) == (0, 40)
    assert guest(ef, ticket_code="818040140841871142")["role"] == "speaker"


def test_merged_row_cannot_steal_another_rows_code(ef: EventFile, tmp_path: Path) -> None:
    text = "Name,Email,Ticket\nA,a@x.io,T1\nB,b@x.io,\nB,b@x.io,T1\n"
    plan = plan_for(ef, write_csv(tmp_path / "c.csv", text))
    assert [(e.line, "duplicate ticket code T1" in e.reason) for e in plan.errors] == [(4, True)]


def test_committed_xlsx_sample(ef: EventFile) -> None:
    """data/guests-zh.xlsx: a form tool's export, phones stored as numbers, roles in 身份."""
    result = import_path(ef, sample("guests-zh.xlsx"))
    assert result.added == 20
    roles = {
        r["role"]: r["n"] for r in ef.rows("SELECT role, count(*) AS n FROM guests GROUP BY role")
    }
    assert roles == {"speaker": 1, "vip": 1, "staff": 1, "guest": 17}
    g = guest(ef, email="user4@example.com")
    assert (g["notes"], g["consent"], len(g["phone"])) == ("素食", 1, 11)
    assert guest(ef, email="user5@example.com")["consent"] == 0  # 否
    assert json.loads(g["extra"]) == {"序号": "5"}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_attendance_reimports_unchanged(
    ef: EventFile, tmp_path: Path, suffix: str
) -> None:
    """Export, edit in Excel, import again: the same guests, check-ins intact, no noise."""
    import_path(ef, sample("guests-eventbrite.csv"))
    check_in(ef, None, code="818040140841871142", station="Door 1")
    out = tmp_path / f"attendance{suffix}"
    export_attendance(ef, out)
    plan = plan_for(ef, out)
    assert plan.ok, plan.error_text()
    assert (len(plan.new), len(plan.updated), len(plan.unchanged)) == (0, 0, 40)
    assert not any("签到" in h or "Walk-in" in h for h in plan.unmapped_headers)
    assert guest(ef, ticket_code="818040140841871142")["checked_in_by"] == "Door 1"
