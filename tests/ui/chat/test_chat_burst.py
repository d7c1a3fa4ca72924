"""A chat burst on the desk: 500 messages arriving one commit each (a Bilibili or Twitch
client delivers each packet as it comes) while the chat feed and the moderator panel are open.
Both end up showing every message, and both reload a bounded number of times, never once per
message (ui.reload.Coalescer)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt

from app.chat.messages import ChatMessage
from tests.ui.conftest import open_event, setup_section
from ui.chat import ChatFeedView
from ui.chat.feed_view import MIN_INTERVAL_MS as FEED_GAP_MS
from ui.main_window import MainWindow
from ui.qa import ModeratorPanel
from ui.qa.panel import MIN_INTERVAL_MS as PANEL_GAP_MS

BURST = 500


def test_a_burst_of_500_chat_messages_costs_few_reloads(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    window.show_view("moderator")
    panel = window.findChild(ModeratorPanel)
    assert panel is not None
    feed = setup_section(window, "Chat feed", ChatFeedView)
    qtbot.waitUntil(lambda: panel.snapshot is not None and not panel.reloads.running)
    waiting_before = _waiting(panel)
    feed_runs, panel_runs = feed.reloads.runs, panel.reloads.runs

    src = session.chat.create("webhook", filter="all")
    session.chat.start(src.id)
    texts = [f"弹幕 {i}：能回放吗？" for i in range(BURST)]
    took: list[float] = []

    def client() -> None:  # one commit and one change per message, as a live client
        t = time.monotonic()
        for i, text in enumerate(texts):
            session.chat.deliver(src.id, [ChatMessage("bilibili", text, f"u{i}", msg_id=str(i))])
        took.append(time.monotonic() - t)

    thread = threading.Thread(target=client)
    thread.start()
    qtbot.waitUntil(lambda: bool(took), timeout=120_000)
    thread.join()
    # Every message is shown: the feed's last line is the last message, the panel counts all.
    qtbot.waitUntil(
        lambda: (
            feed.list.count()
            and feed.list.item(feed.list.count() - 1).text()
            == f"✓ [Bilibili] u{BURST - 1}: {texts[-1]}"  # ✓: in the queue
        ),
        timeout=30_000,
    )
    qtbot.waitUntil(
        lambda: _waiting(panel) == waiting_before + BURST,
        timeout=30_000,
    )
    # At most one reload per gap while the burst lasted, plus the one that shows the end:
    # far from one per message.
    feed_loads = feed.reloads.runs - feed_runs
    panel_loads = panel.reloads.runs - panel_runs
    assert feed_loads <= 2 + took[0] * 1000 / FEED_GAP_MS
    assert panel_loads <= 2 + took[0] * 1000 / PANEL_GAP_MS
    assert feed_loads < BURST / 5 and panel_loads < BURST / 5


def _waiting(panel: ModeratorPanel) -> int:
    """Questions the panel counts as new or approved (pre-moderation decides which)."""
    counts = panel.snapshot.counts if panel.snapshot else {}
    return counts.get("new", 0) + counts.get("approved", 0)


def test_arrivals_are_appended_and_the_moderators_selection_stays(
    qtbot, window: MainWindow, demo_path: Path
) -> None:
    session = open_event(qtbot, window, demo_path)
    feed = setup_section(window, "Chat feed", ChatFeedView)
    src = session.chat.create("webhook", filter="none")
    session.chat.start(src.id)

    def arrive(i: int) -> None:
        session.chat.deliver(
            src.id, [ChatMessage("twitch", f"msg {i}", f"viewer{i}", msg_id=str(i))]
        )

    for i in range(3):
        arrive(i)
    qtbot.waitUntil(lambda: feed.list.count() == 3)
    shown = [feed.list.item(i) for i in range(3)]
    feed.list.setCurrentRow(1)  # the moderator is reading the second message
    for i in range(3, 8):
        arrive(i)
    qtbot.waitUntil(lambda: feed.list.count() == 8)
    # The rows already shown were not rebuilt: the same items, the same selection.
    assert [feed.list.item(i) for i in range(3)] == shown
    assert feed.list.currentRow() == 1
    assert feed.list.item(7).text() == "[Twitch] viewer7: msg 7"
    qtbot.keyClick(feed.list, Qt.Key.Key_Return)  # and Enter still sends that one
    qtbot.waitUntil(lambda: feed.list.item(1).text() == "✓ [Twitch] viewer1: msg 1")
    assert feed.list.item(0).text() == "[Twitch] viewer0: msg 0"
