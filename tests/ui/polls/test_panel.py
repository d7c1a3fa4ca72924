"""The desk's poll and draw controls with the mouse: open a prepared poll, watch answers arrive,
close it; commit a draw (the hash shows before any winner), draw, replace an absent winner,
reveal the seed; Setup › Polls adds a poll through its dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.polls import store
from app.session import Session
from ui.bridge import QtBridge
from ui.polls import InteractionPanel, PollsSetup
from ui.polls.setup import PollDialog
from ui.worker import Worker


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "p.showday", "Salon")
    now = "2026-12-06T10:00:00+08:00"
    with s.ef.write() as c:
        c.executemany(
            "INSERT INTO guests (name, role, ticket_code, checked_in_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (f"嘉宾{i}", "staff" if i < 3 else "guest", f"T{i}", now, now, now)
                for i in range(30)
            ],
        )
    yield s
    s.close()


@pytest.fixture
def parts(session: Session) -> Iterator[tuple[QtBridge, Worker]]:
    bridge, worker = QtBridge(session.bus), Worker()
    yield bridge, worker
    bridge.close()
    worker.stop()


def test_open_answer_close_and_draw_with_the_mouse(qtbot, session: Session, parts) -> None:  # type: ignore[no-untyped-def]
    bridge, worker = parts
    p = store.create(session.ef, session.bus, "single", "Tea or coffee?", ["Tea", "Coffee"])
    panel = InteractionPanel(session, bridge, worker)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.polls.count() == 1)
    qtbot.mouseClick(panel.poll_buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "open" in panel.polls.item(0).text())
    store.answer(session.ef, session.bus, p.id, "phone-1", option=1)  # a phone answers
    qtbot.waitUntil(lambda: panel.results.text() == "Tea: 0\nCoffee: 1")
    qtbot.mouseClick(panel.poll_buttons["close"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.get(session.ef, p.id).status == "closed")

    panel.count.setValue(3)
    qtbot.mouseClick(panel.draw_buttons["commit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SHA-256" in panel.hash.text())
    assert panel.winners.count() == 0  # committed: the hash is shown before any winner
    qtbot.mouseClick(panel.draw_buttons["draw"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners.count() == 3)
    names = [panel.winners.item(i).text() for i in range(3)]
    assert not {"嘉宾0", "嘉宾1", "嘉宾2"} & set(names)  # staff excluded by default
    panel.winners.setCurrentRow(0)
    qtbot.mouseClick(panel.draw_buttons["absent"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners.count() == 4)
    assert "absent" in panel.winners.item(0).text()
    qtbot.mouseClick(panel.draw_buttons["reveal"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "revealed" in panel.hash.text())
    assert not panel.draw_buttons["draw"].isEnabled()


def test_setup_adds_a_poll_through_its_dialog(qtbot, session: Session, parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bridge, worker = parts
    setup = PollsSetup(session, bridge, worker)
    qtbot.addWidget(setup)
    setup.show()

    def fill(dlg: PollDialog) -> int:
        dlg.kind.setCurrentIndex(dlg.kind.findData("multiple"))
        dlg.question.setText("Which topics?")
        dlg.options.setPlainText("HTAP\nServerless\n\nVector search")
        dlg.max_choices.setValue(2)
        dlg._check()
        return dlg.result()

    monkeypatch.setattr(PollDialog, "exec", fill)
    qtbot.mouseClick(setup.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.list.count() == 1)
    p = store.list_polls(session.ef)[0]
    assert (p.kind, p.options, p.max_choices) == (
        "multiple",
        ["HTAP", "Serverless", "Vector search"],
        2,
    )
    assert "Which topics?" in setup.list.item(0).text()


def test_draw_from_a_pasted_list(qtbot, session: Session, parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    bridge, worker = parts
    panel = InteractionPanel(session, bridge, worker)
    qtbot.addWidget(panel)
    names = "Ann\nBo\n\nCy\n"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (names, True))
    panel.pool.setCurrentIndex(panel.pool.findData("list"))
    panel.count.setValue(2)
    qtbot.mouseClick(panel.draw_buttons["commit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SHA-256" in panel.hash.text())
    qtbot.mouseClick(panel.draw_buttons["draw"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.winners.count() == 2)
    assert {panel.winners.item(i).text() for i in range(2)} <= {"Ann", "Bo", "Cy"}
