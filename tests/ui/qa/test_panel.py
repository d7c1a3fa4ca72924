"""The desktop moderator panel on a real event file (pytest-qt): keys act on the selected
question, hostile text stays plain text, the bridge refreshes it, export writes a file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import qa
from app.lan.audience import load_options, update_options
from app.qa import SubmitLimits
from app.session import Session
from ui.bridge import QtBridge
from ui.qa import ModeratorPanel
from ui.qa.model import QUESTION_ROLE, text_layout
from ui.worker import Worker

HOSTILE = '<b>bold</b> <img src=x onerror=alert(1)> <a href="http://x">link</a> &amp; 👩‍💻'


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "qa.showday", "Salon")
    yield s
    s.close()


@pytest.fixture
def panel(qtbot, session: Session) -> Iterator[ModeratorPanel]:  # type: ignore[no-untyped-def]
    bridge = QtBridge(session.bus)
    worker = Worker()
    p = ModeratorPanel(session, bridge, worker)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitUntil(lambda: p.refreshes >= 1)
    yield p
    bridge.close()
    worker.stop()


def ask(session: Session, text: str, device: str = "d1", name: str = "") -> qa.Question:
    return qa.submit(
        session.ef,
        session.bus,
        text,
        name=name,
        device_id=device,
        address="10.0.0.1",
        limits=SubmitLimits(per_device=100, per_address=100),
    )


def wait_count(qtbot, panel: ModeratorPanel, status: str, n: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: (
            panel.snapshot is not None
            and panel.snapshot.counts[status] == n
            and not panel.reloads.running
        )
    )


def select(qtbot, panel: ModeratorPanel, qid: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.model.row_of(qid) >= 0)
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(qid), 0))
    panel.list.setFocus()


def test_keys_a_r_f_d_act_on_the_selected_question(qtbot, panel: ModeratorPanel, session) -> None:  # type: ignore[no-untyped-def]
    q1 = ask(session, "First question", "d1")
    q2 = ask(session, "Second question", "d2")
    q3 = ask(session, "Third question", "d3")
    wait_count(qtbot, panel, "new", 3)
    assert panel.queues.tabText(0).endswith("3")

    select(qtbot, panel, q2.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    wait_count(qtbot, panel, "approved", 1)
    assert qa.get(session.ef, q2.id).status == "approved"
    assert qa.get(session.ef, q1.id).status == "new"  # only the selected one

    select(qtbot, panel, q3.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_R)
    wait_count(qtbot, panel, "rejected", 1)
    assert qa.get(session.ef, q3.id).status == "rejected"

    # Arrow keys move; the remaining new question is q1.
    select(qtbot, panel, q1.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: qa.get(session.ef, q1.id).starred)

    panel.show_queue("approved")
    qtbot.waitUntil(lambda: panel.model.row_of(q2.id) == 0)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_F)
    wait_count(qtbot, panel, "featured", 1)
    qtbot.waitUntil(lambda: "Second question" in panel.onair_text.text())
    assert panel.clear_btn.isEnabled()

    panel.show_queue("featured")
    qtbot.waitUntil(lambda: panel.model.row_of(q2.id) == 0 and panel.status == "featured")
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_D)
    wait_count(qtbot, panel, "answered", 1)
    assert qa.get(session.ef, q2.id).status == "answered"
    assert qa.featured(session.ef) is None
    qtbot.waitUntil(lambda: panel.onair_text.text() == "Nothing on air")
    assert not panel.clear_btn.isEnabled()


def test_arrow_keys_move_the_selection(qtbot, panel: ModeratorPanel, session) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        ask(session, f"Q{i}", f"d{i}")
    wait_count(qtbot, panel, "new", 3)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.list.currentIndex().row() == 1
    qtbot.keyClick(panel.list, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: qa.counts(session.ef)["approved"] == 1)
    assert [q.text for q in qa.queue(session.ef, "approved")] == [
        "Q1"
    ]  # ties in votes: oldest first, so row 1 was Q1


def test_hostile_text_is_plain_in_the_model_the_delegate_and_the_on_air_strip(
    qtbot,
    panel: ModeratorPanel,
    session,  # type: ignore[no-untyped-def]
) -> None:
    q = ask(session, HOSTILE, name="<i>Mallory</i>")
    wait_count(qtbot, panel, "new", 1)
    index = panel.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == HOSTILE  # the plain string, as stored
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    layout = text_layout(index.data(QUESTION_ROLE), panel.list.font(), 600)
    assert layout.text() == HOSTILE  # laid out as characters, not parsed
    # The list paints the row (through the delegate) without interpreting anything.
    assert not panel.list.grab().isNull()
    qa.feature(session.ef, session.bus, q.id)
    qtbot.waitUntil(lambda: HOSTILE in panel.onair_text.text())
    assert panel.onair_text.text() == f"{HOSTILE}  — <i>Mallory</i>"
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_held_words_are_marked_in_the_layout(qtbot, panel: ModeratorPanel, session) -> None:  # type: ignore[no-untyped-def]
    qa.set_words_text(session.ef, "spam\n垃圾")
    ask(session, "👩‍💻 this is spam and 垃圾 too")
    wait_count(qtbot, panel, "held", 1)
    q = panel.model.question(0)
    assert q.held and {m.word for m in q.matches} == {"spam", "垃圾"}
    layout = text_layout(q, panel.list.font(), 600)
    units = layout.text().encode("utf-16-le")  # Qt's ranges count UTF-16 units
    marked = [
        units[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le") for r in layout.formats()
    ]
    assert sorted(marked) == sorted(["spam", "垃圾"])  # emoji before them shift nothing


def test_questions_from_another_thread_refresh_the_panel(
    qtbot, panel: ModeratorPanel, session
) -> None:  # type: ignore[no-untyped-def]
    t = threading.Thread(
        target=lambda: [ask(session, f"from a phone {i}", f"p{i}") for i in range(20)]
    )
    t.start()
    t.join()
    wait_count(qtbot, panel, "new", 20)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 20)


def test_manual_entry_premoderation_export(
    qtbot, panel: ModeratorPanel, session, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel._call(lambda ef, bus: qa.add_manual(ef, bus, "From the chat", "chat", "Wang"))
    wait_count(qtbot, panel, "approved", 1)
    panel.premod.click()  # off
    qtbot.waitUntil(lambda: not qa.load_settings(session.ef).premoderation)
    assert ask(session, "goes straight through").status == "approved"
    panel.auto_clear.click()  # on: the next segment takes the question off air
    qtbot.waitUntil(lambda: qa.load_settings(session.ef).clear_on_segment_change)
    out = tmp_path / "questions.csv"
    panel.export_to(str(out))
    qtbot.waitUntil(out.exists)
    content = out.read_text(encoding="utf-8-sig")
    assert "From the chat" in content and "goes straight through" in content


def test_a_long_queue_is_read_and_shown_a_window_at_a_time(qtbot, panel, session) -> None:  # type: ignore[no-untyped-def]
    limits = SubmitLimits(per_device=10_000, per_address=10_000)
    for i in range(450):
        qa.submit(session.ef, session.bus, f"q{i}", device_id="bulk", address="a", limits=limits)
    wait_count(qtbot, panel, "new", 450)
    assert panel.queues.tabText(0).endswith("450")  # the count is the whole queue
    assert panel.model.total == 400  # one read window
    assert panel.model.rowCount() == 200  # handed to the view a page at a time
    # Scrolling down brings the rest of the window, then reads the next one from the file.
    for _ in range(20):
        panel.list.scrollToBottom()
        qtbot.wait(50)
        if panel.model.rowCount() == 450:
            break
    qtbot.waitUntil(lambda: panel.model.rowCount() == 450)


def test_merging_duplicates_adds_their_votes(qtbot, panel: ModeratorPanel, session) -> None:  # type: ignore[no-untyped-def]
    a = qa.add_manual(session.ef, session.bus, "Will the slides be shared?", "chat")
    b = qa.add_manual(session.ef, session.bus, "Can we get the PPT?", "paper")
    for dev in ("d1", "d2"):
        qa.vote(session.ef, session.bus, a.id, dev)
    for dev in ("d2", "d3"):
        qa.vote(session.ef, session.bus, b.id, dev)
    panel.show_queue("approved")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.merge_into(a.id, [b.id])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.question(0).votes == 3)
    assert panel.model.question(0).merged_count == 1


def test_the_panel_names_the_address_mode_switches_it_and_shows_crowded_addresses(
    qtbot, panel: ModeratorPanel, session: Session
) -> None:  # type: ignore[no-untyped-def]
    edge = panel.edge
    qtbot.waitUntil(lambda: edge.loads >= 1)
    assert edge.mode.text() == "Each phone has its own address"
    assert not edge.shared.isChecked() and edge.crowded.text() == ""

    edge.shared.click()  # the venue's Wi-Fi puts every phone behind one address
    qtbot.waitUntil(lambda: load_options(session.ef).shared_address)
    qtbot.waitUntil(lambda: edge.mode.text() == "Phones share one address (venue Wi-Fi)")
    assert edge.shared.isChecked()
    update_options(session.ef, shared_address=False, bus=session.bus)  # e.g. from /moderate
    qtbot.waitUntil(lambda: edge.mode.text() == "Each phone has its own address")
    assert not edge.shared.isChecked()

    q = ask(session, "Who votes?")
    qa.approve(session.ef, session.bus, q.id)
    for n in range(5):  # five devices voting from one address
        qa.vote(session.ef, session.bus, q.id, f"device-{n}", address="10.0.0.9")
    qa.vote(session.ef, session.bus, q.id, "device-x", address="10.0.0.7")
    qtbot.waitUntil(lambda: "10.0.0.9" in edge.crowded.text())
    assert "10.0.0.9 (5 devices)" in edge.crowded.text()
    assert "10.0.0.7" not in edge.crowded.text()


def test_a_chat_question_names_its_platform_not_a_device_key(  # type: ignore[no-untyped-def]
    qtbot, panel: ModeratorPanel, session
) -> None:
    from app.chat.messages import ChatMessage

    qa.update_settings(session.ef, premoderation=True)
    src = session.chat.create("ssn", filter="questions")
    session.chat.start(src.id)
    session.chat.ingest(
        session.ef, src, [ChatMessage("bilibili", "支持 MySQL 吗？", "数据库小白", "42", "1")]
    )
    room = ask(session, "From the room?", "phone-1234567890", name="Li")
    wait_count(qtbot, panel, "new", 2)
    chat_q = next(q for q in panel.snapshot.rows if q.platform)  # type: ignore[union-attr]
    select(qtbot, panel, chat_q.id)
    meta = panel.detail_meta.text()
    assert "数据库小白" in meta and "Bilibili" in meta
    assert "chat:" not in meta  # the internal key of a chat author is not shown
    select(qtbot, panel, room.id)
    assert "phone-12" in panel.detail_meta.text()  # a phone in the room: its device
