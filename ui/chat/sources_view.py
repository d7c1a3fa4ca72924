"""Setup › Chat sources: the event's chat sources (SSN relay, Bilibili room, Twitch channel,
webhook) with their filter, ingest URL (copy button) and health; add, start, stop, delete.

Every change goes through session.chat on the worker; the table follows ChatSourcesChanged,
ChatHealthChanged and ChatMessagesArrived from the bridge, and a timer refreshes "per minute".
The SESSDATA cookie (Bilibili real names) is a login: it is handed to the running client, kept
in memory only, never written to the event file.

Object names for tests: "chatSources" (this view), "chatSourceTable", "chatKind", "chatName",
"chatTarget", "chatFilter", "chatSessdata", "chatAdd", "chatStart", "chatStop", "chatDelete",
"chatCopyUrl".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.bus import ChatHealthChanged, ChatMessagesArrived, ChatSourcesChanged
from app.chat.sources import SourceError
from app.session import Session
from ui.chat import texts
from ui.reload import Coalescer
from ui.views.base import SessionView
from ui.views.widgets import info_table

REFRESH_MS = 5000  # "per minute" decays even when nothing happens


def source_rows(session: Session) -> list[dict[str, Any]]:
    """On the worker: each source with its health and ingest URL (when the server runs)."""
    base = session.lan.url if session.has_lan else ""
    chat = session.chat
    return [{**s.to_dict(base), "health": chat.state(s)} for s in chat.sources()]


class ChatSourcesView(SessionView):
    def build(self) -> None:
        self.setObjectName("chatSources")
        self.rows: list[dict[str, Any]] = []

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = info_table(QTableWidget(0, 6), stretch_column=5)
        self.table.setObjectName("chatSourceTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection)

        buttons = QHBoxLayout()
        self.start_btn = self._button("chatStart", self._start)
        self.stop_btn = self._button("chatStop", self._stop)
        self.copy_btn = self._button("chatCopyUrl", self._copy)
        self.delete_btn = self._button("chatDelete", self._delete)
        for b in (self.start_btn, self.stop_btn, self.copy_btn, self.delete_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.url_label = QLabel()
        self.url_label.setObjectName("chatUrl")
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(self.url_label.textInteractionFlags())

        self.kind = QComboBox()
        self.kind.setObjectName("chatKind")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = QLineEdit()
        self.name.setObjectName("chatName")
        self.target = QLineEdit()
        self.target.setObjectName("chatTarget")
        self.filter = QComboBox()
        self.filter.setObjectName("chatFilter")
        self.sessdata = QLineEdit()
        self.sessdata.setObjectName("chatSessdata")
        self.sessdata.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_btn = self._button("chatAdd", self._add)
        self.message = QLabel()
        self.message.setObjectName("chatMessage")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(5)]
        fields = (self.kind, self.name, self.target, self.filter, self.sessdata)
        for label, field in zip(self.form_labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.url_label)
        self.add_title = QLabel()
        self.add_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout.addWidget(self.add_title)
        layout.addLayout(self.form)
        layout.addWidget(self.add_btn)
        layout.addWidget(self.message)

        # Every batch of chat messages changes a rate: one read at a time, one per 300 ms at most
        # (as the chat feed), not a table rebuilt on the GUI thread per batch in a flood.
        self.reloads = Coalescer(self._load, self, min_gap_ms=300, factor=3, worker=self.worker)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self._selection()

    def _button(self, name: str, slot: Any) -> QPushButton:
        b = QPushButton()
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Online viewers' chat in the same moderation queue. Each source is started and "
                "stopped here; its filter decides which messages become questions."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Filter"),
                self.tr("State"),
                self.tr("Per minute"),
                self.tr("Last error"),
            ]
        )
        self.start_btn.setText(self.tr("Start"))
        self.stop_btn.setText(self.tr("Stop"))
        self.copy_btn.setText(self.tr("Copy URL"))
        self.delete_btn.setText(self.tr("Delete"))
        self.add_title.setText(self.tr("Add a source"))
        self.add_btn.setText(self.tr("Add"))
        labels = [
            self.tr("Kind"),
            self.tr("Name"),
            self.tr("Room id or channel"),
            self.tr("Filter"),
            self.tr("SESSDATA (optional)"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.sessdata.setPlaceholderText(
            self.tr("Real viewer names on Bilibili; kept in memory only")
        )
        kind, flt = self.kind.currentData(), self.filter.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key in texts.KINDS:
            self.kind.addItem(texts.word(texts.KINDS, key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self.filter.clear()
        for key in texts.FILTERS:
            self.filter.addItem(texts.word(texts.FILTERS, key), key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(flt)))
        self._kind_changed()
        self._show(self.rows)

    def _kind_changed(self) -> None:
        """Only the rows the kind uses are shown (a greyed-out field with its hint read as one
        to fill in); the room hint is the kind's own."""
        kind = self.kind.currentData()
        self.target.setEnabled(kind in ("bilibili", "twitch"))
        self.sessdata.setEnabled(kind == "bilibili")
        self.form.setRowVisible(self.target, self.target.isEnabled())
        self.form.setRowVisible(self.sessdata, self.sessdata.isEnabled())
        if kind == "twitch":
            self.target.setPlaceholderText(self.tr("Channel name, e.g. twitchdev"))
        else:
            self.target.setPlaceholderText(
                self.tr("21452505 or https://live.bilibili.com/21452505")
            )

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the table again soon: a chat flood's arrivals fold into a few reads a second."""
        if self.worker.stopped:
            self.timer.stop()  # the window is closing: nothing to read with
            return
        self.reloads.request()

    def _load(self) -> None:
        s = self.session
        self.reloads.run(lambda: source_rows(s), self._show)

    def on_event(self, event: object) -> None:
        if isinstance(event, ChatSourcesChanged | ChatHealthChanged | ChatMessagesArrived):
            self.reload()

    def _show(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected_id()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            h = r["health"]
            cells = [
                r["name"],
                texts.word(texts.KINDS, r["kind"]),
                texts.word(texts.FILTERS, r["filter"]),
                texts.word(texts.STATES, h.state),
                str(h.per_minute),
                texts.word(texts.ERRORS, h.error) if h.error else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setForeground(QColor("#5fd38d" if h.state in texts.GOOD else "#f2b632"))
                if col == 5 and h.error:
                    item.setForeground(QColor("#ff7b7b"))
                    item.setToolTip(text)  # the column elides a long reason
                self.table.setItem(i, col, item)
            if r["id"] == selected:
                self.table.selectRow(i)
        self._selection()

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection():
            return int(self.rows[row]["id"])
        return None

    def _selected(self) -> dict[str, Any] | None:
        sid = self.selected_id()
        return next((r for r in self.rows if r["id"] == sid), None)

    def _selection(self) -> None:
        r = self._selected()
        for b in (self.start_btn, self.stop_btn, self.delete_btn):
            b.setEnabled(r is not None)
        if r is not None:
            self.start_btn.setEnabled(not r["enabled"])
            self.stop_btn.setEnabled(r["enabled"])
        pushed = r is not None and r["kind"] in ("ssn", "webhook")
        self.copy_btn.setEnabled(pushed and bool(r and r["ingest_url"]))
        if not pushed:
            # A connecting source's last error in full (the table elides it).
            h = r["health"] if r is not None else None
            self.url_label.setText(texts.word(texts.ERRORS, h.error) if h and h.error else "")
        elif r and r["ingest_url"]:
            self.url_label.setText(
                self.tr("Paste into SSN › POST server: %1").replace("%1", r["ingest_url"])
            )
        else:
            self.url_label.setText(
                self.tr("Open the station server to the LAN to get this source's address.")
            )

    # -- actions ---------------------------------------------------------------------------

    def _after(self, _result: object = None) -> None:
        self.message.setText("")
        self.reload()

    def _failed(self, err: BaseException) -> None:
        self.message.setText(err.message if isinstance(err, SourceError) else str(err))

    def _add(self) -> None:
        chat = self.session.chat
        kind, flt = str(self.kind.currentData()), str(self.filter.currentData())
        name, target = self.name.text(), self.target.text()
        sessdata = self.sessdata.text().strip() if kind == "bilibili" else ""

        def add() -> object:
            s = chat.create(kind, name=name, target=target, filter=flt)
            return chat.start(s.id, **({"sessdata": sessdata} if sessdata else {}))

        self.run(add, self._added, self._failed)

    def _added(self, _result: object) -> None:
        self.name.clear()
        self.target.clear()
        self._after()

    def _start(self) -> None:
        if (sid := self.selected_id()) is not None:
            chat = self.session.chat
            self.run(lambda: chat.start(sid), self._after, self._failed)

    def _stop(self) -> None:
        if (sid := self.selected_id()) is not None:
            chat = self.session.chat
            self.run(lambda: chat.stop(sid), self._after, self._failed)

    def _delete(self) -> None:
        if (sid := self.selected_id()) is not None:
            chat = self.session.chat
            self.run(lambda: chat.delete(sid), self._after, self._failed)

    def _copy(self) -> None:
        r = self._selected()
        if r and r["ingest_url"]:
            QGuiApplication.clipboard().setText(r["ingest_url"])
            self.message.setText(self.tr("Copied."))
