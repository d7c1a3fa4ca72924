"""The guest import dialog over real files and a real event file: a GBK CSV from a form tool, an
Eventbrite export, an XLSX, a broken file (errors by line, Import disabled), an unreadable file,
and a re-import that updates without losing check-ins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.bus import Bus, GuestsChanged
from app.guests.checkin import check_in
from app.session import Session
from ui.door.import_dialog import GuestImportDialog
from ui.worker import Worker

DATA = Path(__file__).resolve().parents[2] / "app" / "guests" / "data"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "import.showday", "Salon", Bus())
    yield s
    s.close()


def open_dialog(qtbot, session: Session, worker: Worker, path: Path) -> GuestImportDialog:  # type: ignore[no-untyped-def]
    d = GuestImportDialog(session, worker, path=path)
    qtbot.addWidget(d)
    d.show()
    return d


def planned(qtbot, d: GuestImportDialog, n: int = 1) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: d.plans >= n and not d.worker.busy, timeout=10000)


def test_gbk_csv_mapping_preview_and_import(qtbot, session: Session, worker: Worker) -> None:
    heard: list[GuestsChanged] = []
    session.bus.subscribe(GuestsChanged, heard.append)
    d = open_dialog(qtbot, session, worker, DATA / "guests-zh-gbk.csv")
    planned(qtbot, d)
    assert "gb18030" in d.file_info.text() and "30 rows" in d.file_info.text()
    assert d.combos["name"].currentText() == "姓名"
    assert d.combos["phone"].currentText() == "手机号码"
    assert d.combos["channel"].currentText() == "来源"
    assert d.combos["ticket_code"].currentText() == "(not in the file)"
    assert d.summary.text().startswith("30 new · 0 updated")
    assert d.preview_model.rowCount() == 30
    assert d.preview_model.row_at(0)["status"] == "new"
    assert d.import_button.isEnabled()
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    assert d.done_text.text() == "Imported: 30 new, 0 updated, 0 unchanged"
    assert session.ef.value("SELECT count(*) FROM guests") == 30
    assert heard and len(heard[-1].guest_ids) == 30


def test_unmapping_the_name_shows_an_error_and_blocks_import(
    qtbot, session: Session, worker: Worker
) -> None:
    d = open_dialog(qtbot, session, worker, DATA / "guests-zh-gbk.csv")
    planned(qtbot, d)
    d.set_mapping("name", None)
    planned(qtbot, d, 2)
    assert not d.import_button.isEnabled()
    assert "no column holds the guest's name" in d.error_model.row_at(0)["reason"]
    d.set_mapping("name", "姓名")
    planned(qtbot, d, 3)
    assert d.import_button.isEnabled()


def test_eventbrite_export_first_and_last_name_and_barcodes(
    qtbot, session: Session, worker: Worker
) -> None:
    d = open_dialog(qtbot, session, worker, DATA / "guests-eventbrite.csv")
    planned(qtbot, d)
    assert d.combos["first_name"].currentText() == "First Name"
    assert d.combos["ticket_code"].currentText() == "Barcode #"
    assert "Attendee #" in d.unmapped.text()  # kept as extra, named in the mapping step
    assert d.import_button.isEnabled()
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    first = session.ef.row("SELECT name, ticket_code FROM guests ORDER BY id LIMIT 1")
    assert first == {"name": "Carol Smith", "ticket_code": "818040140841871142"}
    # No channel column: the whole file gets the one the dialog offered, not "(no channel)".
    assert d.channel.text() == "Eventbrite"
    channels = session.ef.rows("SELECT DISTINCT channel FROM guests")
    assert channels == [{"channel": "Eventbrite"}]


def test_pretix_list_status_type_and_a_channel_typed_for_the_file(
    qtbot, session: Session, worker: Worker
) -> None:
    d = open_dialog(qtbot, session, worker, DATA / "pretix-checkinlist.csv")
    planned(qtbot, d)
    assert d.combos["ticket_code"].currentText() == "Secret"
    assert d.combos["ticket_type"].currentText() == "Product"
    assert d.combos["status"].currentText() == "Paid"
    assert d.channel.text() == "pretix"
    d.channel.setText("官网 pretix")  # the host's own name for it: planned again
    planned(qtbot, d, 2)
    rows = {r["name"]: r for r in d.plan.preview()}  # type: ignore[union-attr]
    assert rows["王芳"]["channel"] == "官网 pretix"
    m = d.preview_model
    status_col = [c.key for c in m.columns].index("ticket_status")
    at = next(i for i in range(m.rowCount()) if m.row_at(i)["name"] == "王芳")
    assert m.data(m.index(at, status_col)) == "unpaid: not admitted"
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    wf = session.ef.row("SELECT channel, ticket_status, ticket_type FROM guests WHERE name='王芳'")
    assert wf == {
        "channel": "官网 pretix",
        "ticket_status": "unpaid",
        "ticket_type": "Regular 普通票",
    }


def test_reimport_updates_and_keeps_check_ins(
    qtbot, session: Session, worker: Worker, tmp_path: Path
) -> None:
    src = tmp_path / "list.csv"
    src.write_text("姓名,手机,公司\n张三,13800138000,阿里云\n李四,13900139000,腾讯云\n", "utf-8")
    d = open_dialog(qtbot, session, worker, src)
    planned(qtbot, d)
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    code = session.ef.value("SELECT ticket_code FROM guests WHERE name = '张三'")
    check_in(session.ef, None, code=code, station="Door 1")
    src.write_text("姓名,手机,公司\n张三,13800138000,阿里巴巴\n李四,13900139000,腾讯云\n", "utf-8")
    again = open_dialog(qtbot, session, worker, src)
    planned(qtbot, again)
    assert again.summary.text().startswith("0 new · 1 updated · 1 unchanged")
    again.import_button.click()
    qtbot.waitUntil(lambda: again.result is not None, timeout=10000)
    row = session.ef.row("SELECT company, checked_in_by FROM guests WHERE name = '张三'")
    assert row == {"company": "阿里巴巴", "checked_in_by": "Door 1"}


def test_xlsx_with_roles_and_consent(qtbot, session: Session, worker: Worker) -> None:
    d = open_dialog(qtbot, session, worker, DATA / "guests-zh.xlsx")
    planned(qtbot, d)
    assert "xlsx" in d.file_info.text()
    assert d.combos["role"].currentText() == "身份"
    assert d.combos["consent"].currentText() == "是否同意接收活动信息"
    assert d.import_button.isEnabled()


def test_a_broken_file_lists_every_bad_row_by_line(
    qtbot, session: Session, worker: Worker, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.csv"
    bad.write_text(
        "Name,Email,Ticket code\n"
        "Ann,ann@example.com,AAA111\n"
        ",nobody@example.com,BBB222\n"  # line 3: no name
        "Ben,not-an-email,CCC333\n"  # line 4: bad email
        "Cat,cat@example.com,AAA111\n",  # line 5: duplicate code
        "utf-8",
    )
    d = open_dialog(qtbot, session, worker, bad)
    planned(qtbot, d)
    errors = [
        (d.error_model.row_at(i)["line"], d.error_model.row_at(i)["reason"]) for i in range(3)
    ]
    assert errors[0] == (3, "missing name")
    assert errors[1][0] == 4 and "invalid email" in errors[1][1]
    assert errors[2][0] == 5 and "duplicate ticket code AAA111" in errors[2][1]
    assert "3 errors" in d.summary.text()
    assert d.tabs.currentIndex() == 1 and d.tabs.tabText(1) == "Errors (3)"
    assert not d.import_button.isEnabled()
    d.apply()  # even if asked: nothing is written
    qtbot.wait(100)
    assert session.ef.value("SELECT count(*) FROM guests") == 0


def test_a_file_that_is_not_a_table_says_why(
    qtbot, session: Session, worker: Worker, tmp_path: Path
) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    d = open_dialog(qtbot, session, worker, xls)
    qtbot.waitUntil(lambda: d.file_error.isVisible(), timeout=5000)
    assert "old Excel .xls" in d.file_error.text()
    assert not d.import_button.isEnabled()


def test_bad_bytes_name_their_line_once(
    qtbot, session: Session, worker: Worker, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.csv"
    lines = ["姓名,手机"] + [f"张{i},1388888{i:04d}" for i in range(7)]
    bad.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe bad,1\n")
    d = open_dialog(qtbot, session, worker, bad)
    qtbot.waitUntil(lambda: d.file_error.isVisible(), timeout=5000)
    text = d.file_error.text()
    assert text.lower().count("line 9") == 1, text
    assert not d.import_button.isEnabled()


def test_a_consent_column_per_co_host_is_proposed_and_changeable(
    qtbot, session: Session, worker: Worker
) -> None:
    from app.event import update_event
    from app.guests.co_hosts import consenting

    update_event(session.ef, None, co_hosts=["阿里云", "PingCAP"])
    d = open_dialog(qtbot, session, worker, DATA / "guests-cohosts-zh.csv")
    planned(qtbot, d)
    assert d.combos["co_host:阿里云"].currentText() == "同意向 阿里云 分享信息"
    assert d.combos["co_host:PingCAP"].currentText() == "同意向 PingCAP 分享信息"
    assert d.combos["consent"].currentText() == "(not in the file)"  # not taken by either
    d.set_mapping("co_host:PingCAP", None)  # the operator says PingCAP gets nobody
    planned(qtbot, d, 2)
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    names = {
        host: {session.ef.value("SELECT name FROM guests WHERE id = ?", (i,)) for i in ids}
        for host, ids in consenting(session.ef).items()
    }
    assert names == {"阿里云": {"张三", "李四", "赵六"}, "PingCAP": set()}


def test_a_form_export_maps_its_tracking_column_to_the_event_channels(
    qtbot, session: Session, worker: Worker
) -> None:
    from app.channels import Channel, ChannelSettings

    channels = [("公众号", "gzh"), ("视频号", "sph"), ("社群", "sq"), ("Partner X", "partner-x")]
    session.channels.save(
        ChannelSettings(
            "https://www.wjx.cn/vm/abc.aspx", "", tuple(Channel(n, v) for n, v in channels)
        )
    )
    export = Path(__file__).resolve().parents[2] / "app" / "channels" / "data" / "wjx-export.csv"
    d = open_dialog(qtbot, session, worker, export)
    planned(qtbot, d)
    assert d.combos["channel"].currentText() == "sojumpparm"  # not the generic 来源
    # web and con are no channels of this event, nor is douyin: listed, with their counts
    assert "web (3), con (1), douyin (1)" in d.summary.text()
    d.import_button.click()
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    got = dict(session.ef.tuples("SELECT channel, count(*) FROM guests GROUP BY channel"))
    assert got["公众号"] == 4 and got["Partner X"] == 2 and got["douyin"] == 1


def test_return_after_choosing_the_file_imports(  # type: ignore[no-untyped-def]
    qtbot, session: Session, worker: Worker, monkeypatch
) -> None:
    """The file picker closes and focus is back on "Choose a file…": Return imports (the
    dialog's default), it does not open the picker again."""
    picked: list[int] = []
    monkeypatch.setattr(GuestImportDialog, "choose_file", lambda self: picked.append(1))
    d = open_dialog(qtbot, session, worker, DATA / "guests-zh-gbk.csv")
    planned(qtbot, d)
    d.activateWindow()
    d.choose.setFocus()
    qtbot.waitUntil(d.choose.hasFocus)
    qtbot.keyClick(d.choose, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.result is not None, timeout=10000)
    assert picked == []
    assert session.ef.value("SELECT count(*) FROM guests") == 30
