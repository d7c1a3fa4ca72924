"""The desktop moderator panel: queues with counts, the question list, keyboard moderation, what
is on air, manual entry, pre-moderation, the word filter, blocking a device, export.

Every core call runs on the Worker; the panel refreshes from the bridge's `qa` signal. Refreshes
coalesce (ui.reload.Coalescer, the desk's one): while one is running, further events are folded
into one more, so a hall of phones asking at once costs one reload at a time, never one per
question.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app import qa
from app.bus import OpChanges, SettingsChanged
from app.qa import Question
from app.session import Session
from app.store import EventFile
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.qa.edge import AudienceEdge
from ui.qa.model import QuestionDelegate, QuestionsModel
from ui.qa.panel_actions import PanelActions
from ui.reload import Coalescer
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

QUEUES = {
    "new": QT_TRANSLATE_NOOP("ModeratorPanel", "New"),
    "approved": QT_TRANSLATE_NOOP("ModeratorPanel", "Approved"),
    "featured": QT_TRANSLATE_NOOP("ModeratorPanel", "On air"),
    "answered": QT_TRANSLATE_NOOP("ModeratorPanel", "Answered"),
    "rejected": QT_TRANSLATE_NOOP("ModeratorPanel", "Rejected"),
}
MIN_INTERVAL_MS = 300
READ_WINDOW = 400


@dataclass(frozen=True)
class Snapshot:
    rows: list[Question]
    counts: dict[str, int]
    featured: Question | None
    premoderation: bool
    clear_on_segment_change: bool


def read_snapshot(ef: EventFile, status: str, sort: str, limit: int | None = None) -> Snapshot:
    settings = qa.load_settings(ef)
    return Snapshot(
        qa.queue(ef, status, sort, limit=limit),
        qa.counts(ef),
        qa.featured(ef),
        settings.premoderation,
        settings.clear_on_segment_change,
    )


class ModeratorPanel(Retranslating, PanelActions, QWidget):
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
        self._keep_id: int | None = None
        # Rows read per reload: a long queue is read a window at a time (reading 2,000 questions
        # on every change would keep the worker, and so the GIL, busy during a burst).
        self._limit = READ_WINDOW
        # One reload at a time, at most one per MIN_INTERVAL_MS: while a hall of phones asks,
        # the worker (and the GIL) stay free for the station server; after a slow reload
        # (thousands of questions) it waits 3x as long as that took.
        self.reloads = Coalescer(
            self._start_load, self, min_gap_ms=MIN_INTERVAL_MS, factor=3, worker=self.worker
        )

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
        self.auto_clear = QCheckBox()
        self.auto_clear.clicked.connect(self._auto_clear_clicked)
        top = QHBoxLayout()
        top.addWidget(self.queues, 1)
        top.addWidget(self.sort_box)
        top.addWidget(self.premod)
        top.addWidget(self.auto_clear)
        self.edge = AudienceEdge(session, bridge, worker)  # per-address mode, crowded addresses

        self.model = QuestionsModel(self)
        self.model.need_more = self._read_more
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(QuestionDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        # The whole selected question (the list shows two lines of each), and who asked it.
        self.detail = plain_label("", "")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_meta = plain_label("", "hint")
        self.detail_meta.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, fn in (
            ("approve", self.approve),
            ("reject", self.reject),
            ("feature", self.feature),
            ("answer", self.answer),
            ("star", self.toggle_star),
            ("edit", self.edit),
            ("merge", self.merge),
            ("segment", self.assign_segment),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.buttons[key] = b
            actions.addWidget(b)
        self.buttons["feature"].setProperty("primary", True)
        actions.addStretch(1)
        tools = QHBoxLayout()  # a second row: everything fits a 1,000 px wide window
        tools.addStretch(1)
        for key, fn in (
            ("manual", self.add_manual),
            ("words", self.edit_words),
            ("block", self.block_device),
            ("export", self.export),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.buttons[key] = b
            tools.addWidget(b)
        self.error = plain_label("", "hint")
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.onair_strip)
        layout.addLayout(top)
        layout.addWidget(self.edge)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.detail_meta)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addLayout(tools)

        # Single keys act on the selected question while focus is in the panel (not in a field).
        self.shortcuts: list[QShortcut] = []
        for key, fn in (
            ("A", self.approve),
            ("R", self.reject),
            ("F", self.feature),
            ("D", self.answer),
            ("S", self.toggle_star),
            ("E", self.edit),
            ("M", self.merge),
            ("G", self.assign_segment),
        ):
            sc = QShortcut(QKeySequence(key), self.list)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(fn)
            self.shortcuts.append(sc)

        self.setFocusProxy(self.list)  # shown (Ctrl+3, its tab): A/R/F/D work at once
        # Once per commit that touches Q&A (featuring one question changes three facts).
        bridge.changes.connect(self._on_changes)
        bridge.settings.connect(self._on_settings)  # the options follow /moderate and Setup
        self.retranslate()
        self.refresh()

    def _on_changes(self, changes: object) -> None:
        if isinstance(changes, OpChanges) and changes.touches("qa"):
            self.refresh()

    def _on_settings(self, event: object) -> None:
        if isinstance(event, SettingsChanged) and event.section == "qa":
            self.premod.setChecked(bool(event.values.get("premoderation")))
            self.auto_clear.setChecked(bool(event.values.get("clear_on_segment_change")))

    # -- text -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        # What each key does, for Help › Keyboard Shortcuts (F1).
        for sc, text in zip(
            self.shortcuts,
            (
                self.tr("Approve the selected question"),
                self.tr("Reject the selected question"),
                self.tr("Feature the selected question (on air)"),
                self.tr("Mark the selected question answered"),
                self.tr("Star or unstar the selected question"),
                self.tr("Edit the selected question"),
                self.tr("Merge the selected question into another"),
                self.tr("Assign the selected question to a segment"),
            ),
            strict=True,
        ):
            sc.setWhatsThis(text)
        self.onair_title.setText(self.tr("On air"))
        self.clear_btn.setText(self.tr("Clear"))
        self.sort_box.setItemText(0, self.tr("Most votes"))
        self.sort_box.setItemText(1, self.tr("Newest"))
        self.premod.setText(self.tr("Pre-moderation"))
        self.auto_clear.setText(self.tr("Clear on next segment"))
        self.auto_clear.setToolTip(
            self.tr(
                "Take the question off air (as answered) when the show moves to the next segment"
            )
        )
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
            "merge": self.tr("Merge (M)"),
            "segment": self.tr("Segment (G)"),
            "manual": self.tr("Add question…"),
            "words": self.tr("Word filter…"),
            "block": self.tr("Block device"),
            "export": self.tr("Export…"),
        }
        for key, text in labels.items():
            self.buttons[key].setText(text)
        self._show_counts()
        self._show_onair()
        if hasattr(self, "detail_meta"):  # the selected question's line, in the new language
            self.detail_meta.setText(self._who(q) if (q := self.current()) else "")

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload soon (ui.reload.Coalescer folds a burst of events into few reloads)."""
        self.reloads.request()

    def _start_load(self) -> None:
        ef, status, sort, limit = self.session.ef, self.status, self.sort, self._limit
        self.reloads.run(
            lambda: read_snapshot(ef, status, sort, limit),
            self._loaded,
            lambda err: self._show_error(describe_error(err)),
        )

    def _loaded(self, snap: Snapshot) -> None:
        self.refreshes += 1
        current = self.current()
        keep = self._keep_id if self._keep_id is not None else (current.id if current else None)
        old_row = self.list.currentIndex().row()
        self._keep_id = None
        self.snapshot = snap
        self.model.set_rows(
            snap.rows, keep, more_in_file=snap.counts.get(self.status, 0) > len(snap.rows)
        )
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and snap.rows:
            # The selected question left this queue: select the one now in its place.
            row = min(max(old_row, 0), len(snap.rows) - 1)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.premod.setChecked(snap.premoderation)
        self.auto_clear.setChecked(snap.clear_on_segment_change)
        self._show_counts()
        self._show_onair()
        self._selection_changed()

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

    def _selection_changed(self) -> None:
        q = self.current()
        self.detail.setText(q.text if q else "")
        self.detail_meta.setText(self._who(q) if q else "")
        self._update_buttons()

    def _who(self, q: Question) -> str:
        parts = [q.name or self.tr("Anonymous")]
        if q.platform:  # a chat author: its platform, not the internal "chat:..." device key
            parts.append(qa.platform_label(q.platform))
        if q.contact:
            parts.append(self.tr("contact: %1").replace("%1", q.contact))
        if q.segment_title:
            parts.append(self.tr("segment: %1").replace("%1", q.segment_title))
        if q.edited:
            parts.append(self.tr("edited; asked as: %1").replace("%1", q.original_text))
        if q.device_id and not q.platform:
            parts.append(self.tr("device %1").replace("%1", q.device_id[:8]))
        return "  ·  ".join(parts)

    def _update_buttons(self) -> None:
        q = self.current()
        st = q.status if q else ""
        self.buttons["approve"].setEnabled(st in ("new", "rejected", "answered"))
        self.buttons["reject"].setEnabled(bool(q) and st != "rejected")
        self.buttons["feature"].setEnabled(bool(q) and st not in ("rejected", "featured"))
        self.buttons["answer"].setEnabled(bool(q) and st not in ("rejected", "answered"))
        self.buttons["star"].setEnabled(q is not None)
        self.buttons["edit"].setEnabled(q is not None)
        self.buttons["merge"].setEnabled(q is not None and self.model.rowCount() > 1)
        self.buttons["segment"].setEnabled(q is not None)
        self.buttons["block"].setEnabled(bool(q and q.device_id))

    def _read_more(self) -> None:
        """The list was scrolled past the rows read so far: read a bigger window."""
        if self._limit <= self.model.total:
            self._limit = self.model.total + READ_WINDOW
            self.refresh()

    def _queue_changed(self, index: int) -> None:
        self.status = list(QUEUES)[max(index, 0)]
        self._limit = READ_WINDOW
        self.refresh()

    def _sort_changed(self, _index: int) -> None:
        self.sort = str(self.sort_box.currentData())
        self.refresh()

    def show_queue(self, status: str) -> None:
        self.queues.setCurrentIndex(list(QUEUES).index(status))
