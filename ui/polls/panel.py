"""The desk's poll and draw controls (issue 19): open, close and reset the prepared polls and
watch their results; commit a draw's seed, draw, mark an absent winner (a replacement is drawn),
reveal. Every action runs on the worker; the lists refresh after the commit (PollChanged /
DrawChanged on the bridge), at most about three times a second while a hall answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import draw
from app.bus import DrawChanged, PollChanged
from app.draw.export import export_winners
from app.polls import store
from app.session import Session
from ui.bridge import QtBridge
from ui.event_files import ask_table_path
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

REFRESH_MS = 300


def poll_line(p: Any, results: Any) -> str:
    """One poll's results as plain text lines for the desk."""
    if p.kind == "words":
        return "  ".join(f"{w} {n}" for w, n in results.words[:30])
    labels = [f"{i + 1}★" for i in range(5)] if p.kind == "rating" else p.options
    text = "\n".join(f"{label}: {n}" for label, n in zip(labels, results.counts, strict=False))
    if results.average is not None:
        text += f"\n⌀ {results.average}"
    return text


class InteractionPanel(QWidget):
    """Polls on the left, the lucky draw on the right. No signals of its own."""

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionPanel")
        self.session, self.worker = session, worker
        self.draw_id: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.polls_box = QGroupBox()
        self.polls = QListWidget()
        self.polls.setObjectName("pollList")
        self.polls.currentRowChanged.connect(lambda _r: self.refresh())
        self.results = plain_label("", "")
        self.results.setObjectName("pollResults")
        self.results.setWordWrap(True)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.poll_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, fn in (
            ("open", lambda: self._poll_status("open")),
            ("close", lambda: self._poll_status("closed")),
            ("reset", lambda: self._poll_status("draft")),
            ("word", self.remove_word),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.poll_buttons[key] = b
            row.addWidget(b)
        self.poll_buttons["open"].setProperty("primary", True)
        pl = QVBoxLayout(self.polls_box)
        pl.addWidget(self.polls, 1)
        pl.addWidget(self.results)
        pl.addLayout(row)

        self.draw_box = QGroupBox()
        self.pool = QComboBox()
        for pool in ("checked_in", "participants", "list"):
            self.pool.addItem("", pool)
        self.count = QSpinBox(minimum=1, maximum=draw.store.MAX_COUNT, value=3)
        self.excludes: dict[str, QCheckBox] = {}
        ex_row = QHBoxLayout()
        for key in draw.EXCLUDES:
            cb = QCheckBox()
            cb.setChecked(key in draw.DEFAULT_EXCLUDE)
            self.excludes[key] = cb
            ex_row.addWidget(cb)
        ex_row.addStretch(1)
        self.hash = plain_label("", "hint")
        self.hash.setObjectName("drawHash")
        self.hash.setWordWrap(True)
        self.hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.winners = QListWidget()
        self.winners.setObjectName("drawWinners")
        self.draw_buttons: dict[str, QPushButton] = {}
        brow = QHBoxLayout()
        for key, fn in (
            ("commit", self.commit),
            ("draw", self.run_draw),
            ("absent", self.mark_absent),
            ("reveal", self.reveal),
            ("export", self.export),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.draw_buttons[key] = b
            brow.addWidget(b)
        self.draw_buttons["draw"].setProperty("primary", True)
        top = QHBoxLayout()
        self.pool_label, self.count_label = plain_label(), plain_label()
        top.addWidget(self.pool_label)
        top.addWidget(self.pool, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.count)
        dl = QVBoxLayout(self.draw_box)
        dl.addLayout(top)
        dl.addLayout(ex_row)
        dl.addWidget(self.hash)
        dl.addWidget(self.winners, 1)
        dl.addLayout(brow)

        self.error = plain_label("", "hint")
        self.error.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.polls_box, 1)
        body.addWidget(self.draw_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        bridge.event.connect(self._on_event)
        self.retranslate()
        self.refresh()

    # -- reading -----------------------------------------------------------------------------

    def _on_event(self, ev: object) -> None:
        if isinstance(ev, (PollChanged, DrawChanged)) and not self._timer.isActive():
            self._timer.start()

    def _current_poll(self) -> int | None:
        item = self.polls.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def refresh(self) -> None:
        if self.worker.stopped:  # the window is closing: nothing more to read
            return
        ef, pid, did = self.session.core_ef, self._current_poll(), self.draw_id

        def read() -> dict[str, Any]:
            polls = store.list_polls(ef)
            chosen = next((p for p in polls if p.id == pid), polls[0] if polls else None)
            ids = draw.draw_ids(ef)
            d = did if did in ids else (ids[-1] if ids else None)
            return {
                "polls": polls,
                "chosen": chosen,
                "results": store.results(ef, chosen.id) if chosen else None,
                "draw": draw.state(ef, d) if d is not None else None,
            }

        self.worker.run(read, on_done=self._show, on_error=self._failed, context=self)

    def _show(self, snap: dict[str, Any]) -> None:
        chosen = snap["chosen"]
        self.polls.blockSignals(True)
        self.polls.clear()
        for p in snap["polls"]:
            item = QListWidgetItem(f"[{self._status(p.status)}] {p.question} · {p.answers}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.polls.addItem(item)
            if chosen is not None and p.id == chosen.id:
                self.polls.setCurrentItem(item)
        self.polls.blockSignals(False)
        self.results.setText(
            poll_line(chosen, snap["results"])
            if chosen
            else self.tr("No polls yet: prepare them in Setup › Polls.")
        )
        for key, b in self.poll_buttons.items():
            b.setEnabled(chosen is not None and (key != "word" or chosen.kind == "words"))
        d = snap["draw"]
        self.draw_id = d["id"] if d else None
        self.winners.clear()
        if d is None:
            self.hash.setText(self.tr("No draw yet."))
        else:
            text = self.tr("Seed SHA-256 (fixed before the draw): %1").replace("%1", d["seed_hash"])
            if d["seed"]:
                text += "\n" + self.tr("Seed (revealed): %1").replace("%1", d["seed"])
            self.hash.setText(text)
            absent = self.tr("absent")
            for w in d["winners"]:
                label = w["name"] + (f" ({absent})" if w["absent"] else "")
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, w["entrant"])
                if w["absent"]:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.winners.addItem(item)
        open_draw = d is not None and not d["seed"]
        self.draw_buttons["draw"].setEnabled(open_draw)
        self.draw_buttons["absent"].setEnabled(open_draw)
        self.draw_buttons["reveal"].setEnabled(open_draw)

    def _failed(self, err: BaseException) -> None:
        self.error.setText(str(err) if isinstance(err, ValueError) else describe_error(err))

    # -- actions -------------------------------------------------------------------------------

    def _do(self, fn: Any, done: Any = None) -> None:
        self.error.setText("")

        def finished(result: Any) -> None:
            if done is not None:
                done(result)
            self.refresh()

        self.worker.run(fn, on_done=finished, on_error=self._failed, context=self)

    def _poll_status(self, status: str) -> None:
        pid = self._current_poll()
        if pid is not None:
            s = self.session
            self._do(lambda: store.set_status(s.core_ef, s.bus, pid, status))

    def remove_word(self) -> None:
        pid = self._current_poll()
        if pid is None:
            return
        word, ok = QInputDialog.getText(
            self, self.tr("Remove a word"), self.tr("Word to take out of the cloud:")
        )
        if ok and word.strip():
            s = self.session
            self._do(lambda: store.remove_word(s.core_ef, s.bus, pid, word.strip()))

    def commit(self) -> None:
        s, pool, count = self.session, self.pool.currentData(), self.count.value()
        exclude = [k for k, cb in self.excludes.items() if cb.isChecked()]
        entries: list[str] | None = None
        if pool == "list":
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Draw from a list"), self.tr("One name a line:")
            )
            if not ok:
                return
            entries = [line for line in text.splitlines() if line.strip()]

        def set_id(did: int) -> None:
            self.draw_id = did

        self._do(lambda: s.draws.commit(pool, count, exclude=exclude, entries=entries), set_id)

    def run_draw(self) -> None:
        if self.draw_id is not None:
            s, did = self.session, self.draw_id
            self._do(lambda: s.draws.run(did))

    def mark_absent(self) -> None:
        item = self.winners.currentItem()
        if self.draw_id is not None and item is not None:
            s, did, entrant = self.session, self.draw_id, item.data(Qt.ItemDataRole.UserRole)
            self._do(lambda: s.draws.absent(did, entrant))

    def reveal(self) -> None:
        if self.draw_id is not None:
            s, did = self.session, self.draw_id
            self._do(lambda: s.draws.reveal(did))

    def export(self) -> None:
        path = ask_table_path(self, self.tr("Export winners"), "winners.xlsx")
        if path is not None:
            ef = self.session.core_ef
            self._do(
                lambda: export_winners(ef, path),
                lambda n: self.error.setText(self.tr("Winners exported: %1").replace("%1", str(n))),
            )

    # -- language ------------------------------------------------------------------------------

    def _status(self, status: str) -> str:
        return {"draft": self.tr("prepared"), "open": self.tr("open"), "closed": self.tr("closed")}[
            status
        ]

    def retranslate(self) -> None:
        self.polls_box.setTitle(self.tr("Polls"))
        self.draw_box.setTitle(self.tr("Lucky draw"))
        for key, text in (
            ("open", self.tr("Open")),
            ("close", self.tr("Close")),
            ("reset", self.tr("Reset")),
            ("word", self.tr("Remove word…")),
        ):
            self.poll_buttons[key].setText(text)
        for key, text in (
            ("commit", self.tr("1. Commit seed")),
            ("draw", self.tr("2. Draw")),
            ("absent", self.tr("Absent: replace")),
            ("reveal", self.tr("3. Reveal seed")),
            ("export", self.tr("Export winners…")),
        ):
            self.draw_buttons[key].setText(text)
        self.pool_label.setText(self.tr("Pool:"))
        self.count_label.setText(self.tr("Winners:"))
        self.pool.setItemText(0, self.tr("Checked-in guests"))
        self.pool.setItemText(1, self.tr("Everyone who asked or answered"))
        self.pool.setItemText(2, self.tr("A list of names…"))
        names = {
            "staff": self.tr("No staff"),
            "speaker": self.tr("No speakers"),
            "vip": self.tr("No VIPs"),
            "winners": self.tr("No earlier winners"),
            "absent": self.tr("No one marked absent"),
        }
        for key, cb in self.excludes.items():
            cb.setText(names[key])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)
