"""Platform chat in the window: Setup › Chat sources (ui.chat.sources_view), Setup › Chat feed
(ui.chat.feed_view: promote a message to the queue) and a chip in the
status bar that every desk sees: how many sources run, messages per minute, and any source in
trouble in the UI's language (its tooltip lists each source). Sources left running reconnect
when the event opens (session.chat.resume on the worker).

Driving it from a test:

    setup = window.views["setup"]; setup.show_section(<"Chat sources" as shown>)
    view = window.findChild(ChatSourcesView)     # "chatSources"; see its docstring
    window.chat_feature.chip                     # the status-bar QLabel "chatChip"
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from app.bus import ChatHealthChanged, ChatMessagesArrived, ChatSourcesChanged
from app.session import Session
from ui.chat import texts
from ui.chat.feed_view import ChatFeedView
from ui.chat.sources_view import REFRESH_MS, ChatSourcesView, source_rows

__all__ = ["ChatFeature", "ChatFeedView", "ChatSourcesView", "install"]


def chip_text(rows: list[dict[str, Any]]) -> tuple[str, str, bool]:
    """(chip text, tooltip, all well) for the running sources."""
    running = [r for r in rows if r["enabled"]]
    per_minute = sum(r["health"].per_minute for r in running)
    bad = [r for r in running if r["health"].state not in texts.GOOD]
    text = QCoreApplication.translate("ChatFeature", "Chat: %1 · %2/min")
    text = text.replace("%1", str(len(running)))
    text = text.replace("%2", str(per_minute))
    if bad:
        text += " ⚠"
    lines = []
    for r in running:
        h = r["health"]
        line = f"{r['name']}: {texts.word(texts.STATES, h.state)}, {h.per_minute}/min"
        if h.error:
            line += " — " + texts.word(texts.ERRORS, h.error)
        lines.append(line)
    return text, "\n".join(lines), not bad


class ChatFeature(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        window.views["setup"].add_session_section(
            lambda: QCoreApplication.translate("ChatFeature", "Chat sources"),
            ChatSourcesView,
            expand=True,
        )
        window.views["setup"].add_session_section(
            lambda: QCoreApplication.translate("ChatFeature", "Chat feed"),
            ChatFeedView,
            expand=True,
        )
        self.chip = QLabel()
        self.chip.setObjectName("chatChip")
        self.chip.hide()
        window.status.add_chip(self.chip)
        self.session: Session | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        window.session_changed.connect(self.set_session)

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.chip.hide()
        if session is None:
            self.timer.stop()
            return
        if (bridge := self.window.bridge) is not None:
            bridge.event.connect(self._on_event)
        self.window.worker.run(session.chat.resume, on_done=lambda _r: self.refresh(), context=self)
        self.timer.start()

    def _on_event(self, event: object) -> None:
        if isinstance(event, ChatSourcesChanged | ChatHealthChanged | ChatMessagesArrived):
            self.refresh()

    def refresh(self) -> None:
        s = self.session
        if s is None or self.window.worker.stopped:  # the window is closing
            self.timer.stop()
            return
        self.window.worker.run(lambda: source_rows(s), on_done=self._show, context=self)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        if not any(r["enabled"] for r in rows):
            self.chip.hide()
            return
        text, tip, ok = chip_text(rows)
        self.chip.setText(text)
        self.chip.setToolTip(tip)
        self.chip.setStyleSheet("" if ok else "color: #f2b632;")
        self.chip.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        return False


def install(window: Any) -> ChatFeature:
    feature = ChatFeature(window)
    window.installEventFilter(feature)
    window.chat_feature = feature
    return feature
