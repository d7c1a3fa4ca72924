"""Check-in lists on the desktop: the desk picks a list and a guest not on it is red with the
reason (green at the main list); per-list counts on the desk; Setup makes, edits and refuses
lists with the reason in the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.guests.checkin import check_in
from app.guests.lists import all_lists, create_list
from tests.ui.door.conftest import Door
from ui.door import ListsEditor

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


def test_a_guest_on_one_list_only_is_green_at_one_desk_and_red_with_the_reason_at_the_other(
    qtbot, door: Door
) -> None:  # type: ignore[no-untyped-def]
    p = door.panel
    assert not p.lists.isVisibleTo(p)  # one list: no picker, nothing changes for the desk
    lounge = create_list(
        door.session.ef, door.session.bus, "VIP lounge", rule="role", allowed=["vip"]
    )
    qtbot.waitUntil(lambda: p.lists.isVisibleTo(p) and p.lists.combo.count() == 2, timeout=20000)
    assert p.lists.combo.itemText(0) == "All guests"
    p.lists.combo.setCurrentIndex(1)
    p.lists.combo.activated.emit(1)
    assert p.lists.list_id == lounge.id

    p.search.setText("TICKET02")  # 李四, a guest
    p.enter()
    qtbot.waitUntil(lambda: p.banner.state() == "unknown", timeout=20000)
    assert p.banner.title.text() == "Not on the list VIP lounge: 李四"
    assert p.banner.detail.text() == "Role: Guest. This list takes VIP."
    assert door.checked_in_by("TICKET02") is None

    p.search.setText("TICKET03")  # Kate, a VIP
    p.enter()
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    qtbot.waitUntil(lambda: "VIP lounge 1/1" in p.lists.counts.text(), timeout=20000)
    assert door.checked_in_by("TICKET03") is None  # the lounge is not the main entrance
    # The list shows who is in the lounge, not who came through the main door.
    check_in(door.session.ef, door.session.bus, code="TICKET01", station="Door 1")
    p.search.setText("a")
    qtbot.waitUntil(
        lambda: {h.name: h.checked_in_by for h in p.resolution.hits}.get("Kate Wang") == "Desk",
        timeout=20000,
    )
    assert {h.name: h.checked_in for h in p.resolution.hits}.get("张三") is False
    p.search.clear()
    p.undo_last()  # undoes the lounge check-in, on the lounge
    qtbot.waitUntil(lambda: "VIP lounge 0/1" in p.lists.counts.text(), timeout=20000)

    p.lists.combo.setCurrentIndex(0)
    p.lists.combo.activated.emit(0)
    p.search.setText("TICKET02")
    p.enter()
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    assert door.checked_in_by("TICKET02") == "Desk"
    qtbot.waitUntil(lambda: "All guests 1/3" in p.lists.counts.text(), timeout=20000)


def test_setup_makes_a_list_by_import_column_and_says_what_is_missing(
    qtbot, door: Door, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ef = door.session.ef
    with ef.write() as c:
        c.execute("UPDATE guests SET extra = '{\"晚宴\": \"是\"}' WHERE ticket_code = 'TICKET01'")
    editor = ListsEditor(door.session, door.bridge, door.worker)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.model.rowCount() == 1, timeout=20000)
    editor.add_button.click()
    qtbot.waitUntil(lambda: editor.dialog is not None and editor.dialog.isVisible(), timeout=20000)
    d = editor.dialog
    assert d is not None
    d.name.setText("晚宴")
    d.rule.setCurrentIndex(d.rule.findData("column"))
    assert d.field.findText("晚宴") >= 0  # the import's own columns are offered
    d.field.setCurrentText("晚宴")
    d.save()  # no value yet: the dialog stays, saying what to fill in
    qtbot.waitUntil(lambda: d.error.isVisibleTo(d), timeout=20000)
    assert d.error.text() == "Name at least one value this list lets in."
    assert d.isVisible()
    d.values.setText("是")
    d.exits.setChecked(True)
    d.save()
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 2, timeout=20000)
    row = editor.model.row_at(1)
    assert (row["shown_name"], row["shown_rule"]) == ("晚宴", "晚宴: 是 · entry and exit")
    assert (row["expected"], row["arrived"]) == (1, 0)
    dinner = all_lists(ef)[1]
    assert (dinner.field, dinner.allowed, dinner.exits) == ("晚宴", ("是",), True)
    zhang = door.ids["TICKET01"]
    assert check_in(ef, door.session.bus, guest_id=zhang, station="D", list_id=dinner.id).ok
    qtbot.waitUntil(lambda: editor.model.row_at(1)["arrived"] == 1, timeout=20000)

    # A list with check-ins stays in the record: Delete says so.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.table.selectRow(1)
    editor.delete_button.click()
    qtbot.waitUntil(lambda: "stays" in editor.status.text(), timeout=20000)
    assert len(all_lists(ef)) == 2
    editor.table.selectRow(0)
    editor.edit_button.click()
    qtbot.waitUntil(lambda: editor.dialog is not d and editor.dialog.isVisible(), timeout=20000)
    assert editor.dialog.name.text() == "All guests"
    editor.dialog.reject()


def test_an_exit_desk_checks_guests_out(qtbot, door: Door) -> None:  # type: ignore[no-untyped-def]
    p = door.panel
    expo = create_list(door.session.ef, door.session.bus, "Expo hall", exits=True)
    qtbot.waitUntil(lambda: p.lists.combo.count() == 2, timeout=20000)
    p.lists.combo.setCurrentIndex(1)
    p.lists.combo.activated.emit(1)
    assert p.lists.exit.isVisibleTo(p)
    p.search.setText("TICKET02")
    p.enter()
    qtbot.waitUntil(lambda: p.banner.state() == "ok", timeout=20000)
    p.lists.exit.setChecked(True)
    p.search.setText("TICKET02")
    p.enter()
    qtbot.waitUntil(lambda: p.banner.title.text() == "Goodbye, 李四", timeout=20000)
    qtbot.waitUntil(lambda: "Expo hall 1/3 (inside 0)" in p.lists.counts.text(), timeout=20000)
    p.search.setText("TICKET02")
    p.enter()
    qtbot.waitUntil(lambda: p.banner.state() == "already", timeout=20000)
    assert p.banner.title.text().startswith("Already left at ")
    actions = door.session.ef.rows(
        "SELECT action, station FROM checkins WHERE list_id = ? ORDER BY id", (expo.id,)
    )
    assert actions == [{"action": "in", "station": "Desk"}, {"action": "out", "station": "Desk"}]


def test_the_desk_reopens_the_event_on_the_list_it_had_picked(qtbot, door: Door, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.bus import Bus
    from app.guests.lists import delete_list
    from app.session import Session
    from ui.bridge import QtBridge
    from ui.door.panel import DoorPanel

    p = door.panel
    lounge = create_list(
        door.session.ef, door.session.bus, "VIP lounge", rule="role", allowed=["vip"]
    )
    qtbot.waitUntil(lambda: p.lists.combo.count() == 2, timeout=20000)
    p.lists.combo.setCurrentIndex(1)
    p.lists.combo.activated.emit(1)
    path = door.session.ef.path
    assert path is not None

    def reopen(file) -> DoorPanel:  # type: ignore[no-untyped-def]
        """Showday started again on `file`: a new session, bridge and panel."""
        session = Session.open(file, Bus())
        bridge = QtBridge(session.bus)
        panel = DoorPanel(session, bridge, door.worker)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: panel.lists.combo.count() > 0, timeout=20000)
        opened.append((panel, bridge, session))
        return panel

    opened: list = []
    try:
        again = reopen(path)
        assert again.lists.list_id == lounge.id
        assert again.lists.combo.currentText() == "VIP lounge" and again.lists.isVisibleTo(again)
        again.search.setText("TICKET02")  # 李四, a guest: not on the lounge's list
        again.enter()
        qtbot.waitUntil(lambda: again.banner.state() == "unknown", timeout=20000)
        assert door.checked_in_by("TICKET02") is None

        # Another event on this PC keeps its own pick: the main list.
        other = tmp_path / "other.showday"
        Session.create(other, "Other", Bus()).close()
        assert reopen(other).lists.list_id != lounge.id

        # The picked list deleted in the meantime: the desk is back on the main list.
        delete_list(door.session.ef, door.session.bus, lounge.id)
        third = reopen(path)
        qtbot.waitUntil(lambda: third.lists.combo.count() == 1, timeout=20000)
        assert third.lists.list_id != lounge.id
        assert third.lists.combo.currentText() == "All guests"
    finally:
        for panel, bridge, session in opened:
            panel.shutdown()
            bridge.close()
            session.close()
