"""Screenshots of check-in lists on the desktop, for a person to look at: the desk with its list
picker and a guest red for not being on the list, the Setup section, and the list dialog:

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.door.shoot_lists zh screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.demo import ensure_demo
from app.guests.checkin import check_in
from app.guests.lists import create_list
from app.session import Session
from tests.harness.screens import save, settle, start_app
from ui.bridge import QtBridge
from ui.door import DoorPanel, ListsEditor
from ui.worker import Worker


def main(lang: str, out_dir: str) -> int:
    app, _translators = start_app(lang)
    zh = lang == "zh"
    out = Path(out_dir)
    session = Session.open(ensure_demo(Path(tempfile.mkdtemp()) / "demo.showday"))
    ef, bus = session.ef, session.bus
    lounge = create_list(
        ef, bus, "VIP 休息室" if zh else "VIP lounge", rule="role", allowed=["vip", "speaker"]
    )
    create_list(
        ef, bus, "晚宴" if zh else "Dinner", rule="role", allowed=["vip", "speaker", "staff"]
    )
    create_list(ef, bus, "展区" if zh else "Expo hall", exits=True)
    for g in ef.rows("SELECT id FROM guests WHERE role IN ('vip', 'speaker') LIMIT 3"):
        check_in(ef, bus, guest_id=g["id"], station="Lounge", list_id=lounge.id)
    guest = ef.row("SELECT ticket_code FROM guests WHERE role = 'guest' LIMIT 1")
    assert guest is not None

    bridge = QtBridge(bus)
    worker = Worker()
    panel = DoorPanel(session, bridge, worker, station="休息室" if zh else "Lounge")
    panel.resize(1280, 820)
    panel.show()
    settle(app, worker, lambda: panel.loads > 0 and panel.lists.combo.count() == 4)
    panel.lists.combo.setCurrentIndex(1)
    panel.lists.combo.activated.emit(1)
    QTest.keyClicks(panel.search, guest["ticket_code"])
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    settle(app, worker, lambda: panel.banner.state() == "unknown")
    save(panel, out / f"door-desk-list-picker-{lang}.png")

    editor = ListsEditor(session, bridge, worker)
    editor.resize(1000, 420)
    editor.show()
    settle(app, worker, lambda: editor.model.rowCount() == 4)
    save(editor, out / f"door-setup-lists-{lang}.png")
    editor.table.selectRow(1)
    editor.edit()
    settle(app, worker, lambda: editor.dialog is not None and editor.dialog.isVisible())
    assert editor.dialog is not None
    save(editor.dialog, out / f"door-setup-list-dialog-{lang}.png")
    editor.dialog.reject()
    panel.shutdown()
    worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
