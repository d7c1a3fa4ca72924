"""Setup › Chat feed: the latest chat messages from every source, newest at the bottom, for
the moderator to promote one to the queue (a source whose filter is "none" sends nothing to the
queue by itself). Follows ChatMessagesArrived and ChatMessagePromoted (a promotion made on
/moderate or elsewhere); reads and promotes on the worker. A chat flood (50 messages a second)
costs a few reloads a second at most: reloads go through the desk's coalescer
(ui.reload.Coalescer), never one per message.

Object names for tests: "chatFeed" (this view), "chatFeedList", "chatPromote".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.bus import ChatMessagePromoted, ChatMessagesArrived
from app.chat import messages
from app.qa import platform_label
from app.qa.errors import QaError
from ui.reload import Coalescer
from ui.views.base import SessionView

SHOWN = 200
MIN_INTERVAL_MS = 300  # as the moderator panel: a live feed a third of a second late is live


class ChatFeedView(SessionView):
    def build(self) -> None:
        self.setObjectName("chatFeed")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("chatFeedList")
        self.list.itemActivated.connect(lambda _item: self.promote())
        self.list.currentRowChanged.connect(lambda _row: self._selection())
        self.promote_btn = QPushButton()
        self.promote_btn.setObjectName("chatPromote")
        self.promote_btn.clicked.connect(self.promote)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.promote_btn)
        layout.addWidget(self.message)
        self.rows: list[dict[str, Any]] = []
        self._full = True  # the next load reads every shown row (else only what is new)
        self.reloads = Coalescer(
            self._start_load, self, min_gap_ms=MIN_INTERVAL_MS, factor=3, worker=self.worker
        )

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Every chat message the sources delivered, newest at the bottom. Select one and "
                "press Enter (or the button) to put it in the moderation queue."
            )
        )
        self.promote_btn.setText(self.tr("Send to the queue"))
        self._show(self.rows)

    def reload(self, *, full: bool = False) -> None:
        """Read the feed again soon (a burst of arrivals folds into one more read). Arrivals
        are read and appended as new rows only; `full` reads every shown row again (a
        promotion changed one)."""
        self._full = self._full or full
        self.reloads.request()

    def _start_load(self) -> None:
        ef = self.session.core_ef
        after = 0 if self._full or not self.rows else int(self.rows[-1]["id"])
        self._full = False
        self.reloads.run(
            lambda: messages.feed(ef, after=after, limit=SHOWN),
            self._show if after == 0 else self._append,
            self._failed,
        )

    def on_event(self, event: object) -> None:
        if isinstance(event, ChatMessagePromoted):
            self.reload(full=True)
        elif isinstance(event, ChatMessagesArrived):
            self.reload()

    def _item(self, r: dict[str, Any]) -> QListWidgetItem:
        mark = "✓ " if r["question_id"] else ""
        author = r["author"] or self.tr("Anonymous")
        # Plain text items: QListWidget never parses markup in them.
        item = QListWidgetItem(f"{mark}[{platform_label(r['platform'])}] {author}: {r['text']}")
        item.setData(Qt.ItemDataRole.UserRole, r["id"])
        return item

    def _show(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected_id()
        at_bottom = self.list.currentRow() in (-1, self.list.count() - 1)
        self.rows = rows
        self.list.clear()
        for r in rows:
            item = self._item(r)
            self.list.addItem(item)
            if r["id"] == selected:
                self.list.setCurrentItem(item)
        if at_bottom and rows and selected is None:
            self.list.scrollToBottom()
        self._selection()

    def _append(self, rows: list[dict[str, Any]]) -> None:
        """New messages at the bottom, the oldest beyond SHOWN off the top: the rows already
        shown (and the moderator's selection and scroll position) stay as they are."""
        if len(rows) >= SHOWN:  # more arrived than are shown: the window moved past the old
            self._show(rows)
            return
        if not rows:
            return
        at_bottom = self.list.currentRow() in (-1, self.list.count() - 1)
        selected = self.selected_id()
        for r in rows:
            self.list.addItem(self._item(r))
        for _ in range(max(0, self.list.count() - SHOWN)):
            self.list.takeItem(0)  # the item is no longer the list's: Python frees it
        self.rows = (self.rows + rows)[-SHOWN:]
        if at_bottom and selected is None:
            self.list.scrollToBottom()
        self._selection()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selection(self) -> None:
        sid = self.selected_id()
        row = next((r for r in self.rows if r["id"] == sid), None)
        self.promote_btn.setEnabled(row is not None and not row["question_id"])

    def promote(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        ef, bus = self.session.core_ef, self.session.bus
        self.run(lambda: messages.promote(ef, bus, sid), self._promoted, self._failed)

    def _promoted(self, _qid: object) -> None:
        self.message.setText(self.tr("In the queue."))
        self.reload(full=True)

    def _failed(self, err: BaseException) -> None:
        self.message.setText(err.message if isinstance(err, QaError) else str(err))
