"""Screenshots of the desktop door (green, yellow, red), the import dialog and the guest table,
for a person to look at:

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.door.shoot zh screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.bus import GuestsChanged
from app.demo import ensure_demo
from app.event import update_event
from app.guests.checkin import check_in
from app.session import Session
from tests.harness.screens import save, settle, start_app
from tests.ui.door.conftest import add_guests
from ui.bridge import QtBridge
from ui.door import DoorPanel, GuestImportDialog, GuestTable
from ui.worker import Worker

DATA = Path(__file__).resolve().parents[2] / "app" / "guests" / "data"


def main(lang: str, out_dir: str) -> int:
    app, _translators = start_app(lang)
    out = Path(out_dir)
    folder = Path(tempfile.mkdtemp())
    session = Session.open(ensure_demo(folder / "demo.showday"))
    add_guests(session.ef)
    first = session.ef.row("SELECT ticket_code FROM guests WHERE role = 'guest' LIMIT 1")
    assert first is not None
    check_in(
        session.ef, None, code=first["ticket_code"], station="门口 2" if lang == "zh" else "Door 2"
    )
    bridge = QtBridge(session.bus)
    worker = Worker()
    panel = DoorPanel(session, bridge, worker, station="前台" if lang == "zh" else "Desk")
    panel.resize(1280, 820)
    panel.show()
    settle(app, worker, lambda: panel.loads > 0)

    def scan(text: str, name: str) -> None:
        QTest.keyClicks(panel.search, text)
        QTest.keyClick(panel.search, Qt.Key.Key_Return)
        settle(app, worker)
        QTest.keyClicks(panel.search, "z")  # show some results under the banner
        settle(app, worker)
        save(panel, out / f"door-desk-{name}-{lang}.png")
        panel.search.clear()

    scan("TICKET01", "ok")
    scan(first["ticket_code"], "already")
    scan("NOPE4242", "unknown")

    # The highlight: 'wang' typed, ↓ once: Enter would check in the second row, only that one.
    QTest.keyClicks(panel.search, "wang")
    QTest.keyClick(panel.search, Qt.Key.Key_Down)
    settle(app, worker)
    save(panel, out / f"door-desk-highlight-{lang}.png")
    panel.search.clear()

    # A refunded ticket: red with the reason, the supervisor's re-admit button beside it.
    refund = session.ef.row(
        "SELECT id, name, ticket_code FROM guests WHERE role = 'guest' LIMIT 1 OFFSET 7"
    )
    assert refund is not None
    with session.ef.write() as c:
        c.execute(
            "UPDATE guests SET ticket_status = 'refunded', ticket_type = 'Early Bird' WHERE id = ?",
            (refund["id"],),
        )
    session.bus.publish(GuestsChanged((refund["id"],)))
    settle(app, worker)
    QTest.keyClicks(panel.search, refund["ticket_code"])
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    settle(app, worker)
    panel.search.setText(refund["name"][:1])  # the red row among the others
    settle(app, worker)
    save(panel, out / f"door-desk-refused-{lang}.png")
    panel.search.clear()

    dialog = GuestImportDialog(session, worker, path=DATA / "guests-zh-gbk.csv")
    dialog.show()
    settle(app, worker, lambda: dialog.plans > 0)
    save(dialog, out / f"door-import-{lang}.png")
    pretix = GuestImportDialog(session, worker, path=DATA / "pretix-checkinlist.csv")
    pretix.show()
    settle(app, worker, lambda: pretix.plans > 0)
    save(pretix, out / f"door-import-pretix-{lang}.png")
    # a salon with two co-hosts: one consent column per co-host, proposed from the headers
    update_event(session.ef, None, co_hosts=["阿里云", "PingCAP"])
    co = GuestImportDialog(session, worker, path=DATA / "guests-cohosts-zh.csv")
    co.show()
    settle(app, worker, lambda: co.plans > 0)
    save(co, out / f"door-import-co-hosts-{lang}.png")
    bad = folder / "broken.csv"
    bad.write_text(
        "姓名,邮箱,票号\n张三,zs@example.com,AAA111\n,x@example.com,BBB222\n"
        "李四,not-an-email,CCC333\n王五,w@example.com,AAA111\n",
        "utf-8",
    )
    broken = GuestImportDialog(session, worker, path=bad)
    broken.show()
    settle(app, worker, lambda: broken.plans > 0)
    save(broken, out / f"door-import-errors-{lang}.png")

    table = GuestTable(session, bridge, worker)
    table.resize(1400, 600)
    table.show()
    settle(app, worker, lambda: table.loads > 0)
    save(table, out / f"door-guest-table-{lang}.png")
    panel.shutdown()
    worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
