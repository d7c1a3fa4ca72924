"""The desktop moderator panel: queues with counts, the question list, keyboard moderation, what
is on air, manual entry, pre-moderation, the word filter, blocking a device, export.

Every core call runs on the Worker; the panel refreshes from the bridge's `qa` signal. Refreshes
coalesce: while one is running, further events only mark the panel dirty, so a hall of phones
asking at once costs one reload at a time, never one per question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app import qa
from app.qa import QaError, Question
from app.session import Session
from app.store import EventFile
from ui.bridge import QtBridge
from ui.qa.dialogs import ManualEntryDialog, edit_dialog, word_filter_dialog
from ui.qa.model import QuestionDelegate, QuestionsModel
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

QUEUES = {
    "new": QT_TRANSLATE_NOOP("ModeratorPanel", "New"),
    "approved": QT_TRANSLATE_NOOP("ModeratorPanel", "Approved"),
    "featured": QT_TRANSLATE_NOOP("ModeratorPanel", "On air"),
    "answered": QT_TRANSLATE_NOOP("ModeratorPanel", "Answered"),
    "rejected": QT_TRANSLATE_NOOP("ModeratorPanel", "Rejected"),
}


@dataclass(frozen=True)
class Snapshot:
    rows: list[Question]
    counts: dict[str, int]
    featured: Question | None
    premoderation: bool


def read_snapshot(ef: EventFile, status: str, sort: str) -> Snapshot:
    return Snapshot(
        qa.queue(ef, status, sort),
        qa.counts(ef),
        qa.featured(ef),
        qa.load_settings(ef).premoderation,
    )


class ModeratorPanel(QWidget):
    """`ModeratorPanel(session, bridge, worker)`. `refreshes` counts finished reloads (tests)."""

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moderatorPanel")
        self.session = session
        self.worker = worker
        self.status = "new"
        self.sort = "votes"
        self.snapshot: Snapshot | None = None
        self.refreshes = 0
        self._loading = False
        self._dirty = False
        self._keep_id: int | None = None

        # What's on air, with Clear.
        self.onair_strip = QFrame()
        self.onair_strip.setObjectName("card")
        self.onair_title = plain_label("", "sectionTitle")
        self.onair_text = plain_label("", "")
        self.onair_text.setWordWrap(True)
        self.clear_btn = QPushButton()
        self.clear_btn.clicked.connect(self.clear_featured)
        strip = QHBoxLayout(self.onair_strip)
        strip.setContentsMargins(14, 10, 14, 10)
        strip.addWidget(self.onair_title)
        strip.addWidget(self.onair_text, 1)
        strip.addWidget(self.clear_btn)

        self.queues = QTabBar()
        self.queues.setExpanding(False)
        self.queues.setDrawBase(False)
        for _ in QUEUES:
            self.queues.addTab("")
        self.queues.currentChanged.connect(self._queue_changed)
        self.sort_box = QComboBox()
        self.sort_box.addItem("", "votes")
        self.sort_box.addItem("", "time")
        self.sort_box.currentIndexChanged.connect(self._sort_changed)
        self.premod = QCheckBox()
        self.premod.clicked.connect(self._premod_clicked)
        top = QHBoxLayout()
        top.addWidget(self.queues, 1)
        top.addWidget(self.sort_box)
        top.addWidget(self.premod)

        self.model = QuestionsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(QuestionDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, fn in (
            ("approve", self.approve),
            ("reject", self.reject),
            ("feature", self.feature),
            ("answer", self.answer),
            ("star", self.toggle_star),
            ("edit", self.edit),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.buttons[key] = b
            actions.addWidget(b)
        self.buttons["feature"].setProperty("primary", True)
        actions.addStretch(1)
        for key, fn in (
            ("manual", self.add_manual),
            ("words", self.edit_words),
            ("block", self.block_device),
            ("export", self.export),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.buttons[key] = b
            actions.addWidget(b)
        self.error = plain_label("", "hint")
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.onair_strip)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(actions)

        # Single keys act on the selected question while focus is in the panel (not in a field).
        self.shortcuts: list[QShortcut] = []
        for key, fn in (
            ("A", self.approve),
            ("R", self.reject),
            ("F", self.feature),
            ("D", self.answer),
            ("S", self.toggle_star),
            ("E", self.edit),
        ):
            sc = QShortcut(QKeySequence(key), self.list)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(fn)
            self.shortcuts.append(sc)

        bridge.qa.connect(lambda _ev: self.refresh())
        self.retranslate()
        self.refresh()

    # -- text -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.onair_title.setText(self.tr("On air"))
        self.clear_btn.setText(self.tr("Clear"))
        self.sort_box.setItemText(0, self.tr("Most votes"))
        self.sort_box.setItemText(1, self.tr("Newest"))
        self.premod.setText(self.tr("Pre-moderation"))
        self.premod.setToolTip(
            self.tr("New questions wait for approval before the audience sees them")
        )
        labels = {
            "approve": self.tr("Approve (A)"),
            "reject": self.tr("Reject (R)"),
            "feature": self.tr("Feature (F)"),
            "answer": self.tr("Done (D)"),
            "star": self.tr("Star (S)"),
            "edit": self.tr("Edit (E)"),
            "manual": self.tr("Add question…"),
            "words": self.tr("Word filter…"),
            "block": self.tr("Block device"),
            "export": self.tr("Export…"),
        }
        for key, text in labels.items():
            self.buttons[key].setText(text)
        self._show_counts()
        self._show_onair()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self._dirty = False
        ef, status, sort = self.session.ef, self.status, self.sort
        self.worker.run(
            lambda: read_snapshot(ef, status, sort),
            on_done=self._loaded,
            on_error=self._load_failed,
            context=self,
        )

    def _load_failed(self, err: BaseException) -> None:
        self._loading = False
        self._show_error(describe_error(err))

    def _loaded(self, snap: Snapshot) -> None:
        self._loading = False
        self.refreshes += 1
        current = self.current()
        keep = self._keep_id if self._keep_id is not None else (current.id if current else None)
        old_row = self.list.currentIndex().row()
        self._keep_id = None
        self.snapshot = snap
        self.model.set_rows(snap.rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and snap.rows:
            # The selected question left this queue: select the one now in its place.
            row = min(max(old_row, 0), len(snap.rows) - 1)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.premod.setChecked(snap.premoderation)
        self._show_counts()
        self._show_onair()
        self._update_buttons()
        if self._dirty:
            self.refresh()

    def _show_counts(self) -> None:
        counts = self.snapshot.counts if self.snapshot else {}
        for i, (status, source) in enumerate(QUEUES.items()):
            name = QCoreApplication.translate("ModeratorPanel", source)
            self.queues.setTabText(i, f"{name}  {counts.get(status, 0)}")

    def _show_onair(self) -> None:
        q = self.snapshot.featured if self.snapshot else None
        if q is None:
            self.onair_text.setText(self.tr("Nothing on air"))
        else:
            self.onair_text.setText(f"{q.text}  — {q.name}" if q.name else q.text)
        self.clear_btn.setEnabled(q is not None)

    def _update_buttons(self) -> None:
        q = self.current()
        st = q.status if q else ""
        self.buttons["approve"].setEnabled(st in ("new", "rejected", "answered"))
        self.buttons["reject"].setEnabled(bool(q) and st != "rejected")
        self.buttons["feature"].setEnabled(bool(q) and st not in ("rejected", "featured"))
        self.buttons["answer"].setEnabled(bool(q) and st not in ("rejected", "answered"))
        self.buttons["star"].setEnabled(q is not None)
        self.buttons["edit"].setEnabled(q is not None)
        self.buttons["block"].setEnabled(bool(q and q.device_id))

    def _queue_changed(self, index: int) -> None:
        self.status = list(QUEUES)[max(index, 0)]
        self.refresh()

    def _sort_changed(self, _index: int) -> None:
        self.sort = str(self.sort_box.currentData())
        self.refresh()

    def current(self) -> Question | None:
        return self.model.question(self.list.currentIndex().row())

    def show_queue(self, status: str) -> None:
        self.queues.setCurrentIndex(list(QUEUES).index(status))

    # -- actions --------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _call(
        self, fn: Callable[[EventFile, Any], Any], then: Callable[[Any], None] | None = None
    ) -> None:
        """Run `fn(ef, bus)` on the worker; the bridge's qa signal brings the refresh."""
        ef, bus = self.session.ef, self.session.bus
        self._show_error("")

        def failed(err: BaseException) -> None:
            self._show_error(err.message if isinstance(err, QaError) else describe_error(err))
            self.refresh()

        self.worker.run(lambda: fn(ef, bus), on_done=then, on_error=failed, context=self)

    def _on_selected(self, fn: Callable[[EventFile, Any, Question], Any]) -> None:
        q = self.current()
        if q is not None:
            self._call(lambda ef, bus: fn(ef, bus, q))

    def approve(self) -> None:
        self._on_selected(lambda ef, bus, q: qa.approve(ef, bus, q.id))

    def reject(self) -> None:
        self._on_selected(lambda ef, bus, q: qa.reject(ef, bus, q.id))

    def feature(self) -> None:
        self._on_selected(lambda ef, bus, q: qa.feature(ef, bus, q.id))

    def answer(self) -> None:
        self._on_selected(lambda ef, bus, q: qa.answer(ef, bus, q.id))

    def toggle_star(self) -> None:
        q = self.current()
        if q is not None:
            self._keep_id = q.id
            self._call(lambda ef, bus: qa.star(ef, bus, q.id, not q.starred))

    def clear_featured(self) -> None:
        self._call(lambda ef, bus: qa.clear_featured(ef, bus))

    def _premod_clicked(self, checked: bool) -> None:
        self._call(lambda ef, _bus: qa.update_settings(ef, premoderation=checked))

    def edit(self) -> None:
        q = self.current()
        if q is None:
            return
        dlg = edit_dialog(q.text, self)
        if dlg.exec():
            text = dlg.value()
            self._keep_id = q.id
            self._call(lambda ef, bus: qa.edit(ef, bus, q.id, text))

    def add_manual(self) -> None:
        dlg = ManualEntryDialog(self)
        if dlg.exec():
            text, name, source = dlg.values()
            self._call(lambda ef, bus: qa.add_manual(ef, bus, text, source, name))

    def edit_words(self) -> None:
        ef = self.session.ef

        def ask(text: str) -> None:
            dlg = word_filter_dialog(text, self)
            if dlg.exec():
                words = dlg.value()
                self._call(
                    lambda ef2, _bus: qa.set_words_text(ef2, words), lambda _r: self.refresh()
                )

        self.worker.run(lambda: qa.words_text(ef), on_done=ask, context=self)

    def block_device(self) -> None:
        q = self.current()
        if q is None or not q.device_id:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Block device"),
            self.tr(
                "Refuse further questions and votes from the device that asked this question? "
                "Its questions still waiting are rejected."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(lambda ef, bus: qa.block_device(ef, bus, q.device_id))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export questions"),
            "questions.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        ef = self.session.ef

        def done(n: int) -> None:
            self._show_error(self.tr("Exported %n question(s).", "", n))

        def failed(err: BaseException) -> None:
            self._show_error(describe_error(err) if not isinstance(err, ValueError) else str(err))

        self.worker.run(
            lambda: qa.export_questions(ef, path), on_done=done, on_error=failed, context=self
        )
