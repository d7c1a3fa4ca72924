"""The rundown editor (Setup › Rundown): a table of segments to type, reorder, skip and undo.

Every change is a core operation (app.show.segments / app.show.editing, one transaction,
SegmentsChanged) run on the worker (ui.rundown.operations); the table shows it once committed
(the job hands back fresh rows). Undo/redo through a QUndoStack (ui.rundown.commands). Keys
(while the editor has focus; listed in Help › Keyboard Shortcuts): Ctrl+Return add, Ctrl+D
duplicate, Delete delete, Alt+↑/↓ move, Ctrl+K skip/un-skip, Ctrl+Z/Ctrl+Shift+Z undo/redo.
Drag a row by its number to move it. Typing starts editing a cell; Tab moves on and commits.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bus import GuestsChanged, ObsStateChanged, SegmentsChanged, ShowStateChanged
from app.lan.routes_obs import obs_state
from app.session import Session
from app.show.editing import speaker_names
from app.show.plan import rundown_rows
from app.show.segments import Segments
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.reload import Coalescer
from ui.rundown import toolbar
from ui.rundown.delegates import RundownDelegate
from ui.rundown.model import COLUMNS, FIELDS, RundownModel
from ui.rundown.operations import EditorOperations
from ui.views.widgets import plain_label
from ui.worker import Worker

log = logging.getLogger(__name__)


class RundownEditor(Retranslating, EditorOperations, QWidget):
    """`RundownEditor(session, bridge, worker)`: built per open event by Setup.

    Signals:
        committed: An edit (or undo/redo step) was committed and the table shows it.
        failed: An edit was refused; nothing changed. arg: the message shown.
    """

    committed = Signal()
    failed = Signal(str)

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rundownEditor")
        self.session, self.bridge, self.worker = session, bridge, worker
        self.segments = Segments(session.ef, session.bus)
        self.model = RundownModel(self)
        self.model.edit_requested.connect(self.edit)
        self.undo_stack = QUndoStack(self)
        self._ids: dict[int, int] = {}  # segment ids given a new id by an undo (see commands)
        self._select_after: int | None = None
        self._edit_after: str | None = None
        self.jobs = 0  # committed jobs, for tests

        self.table = QTableView()
        self.table.setObjectName("rundownTable")
        self.table.setModel(self.model)
        self.delegate = RundownDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows = self.table.verticalHeader()
        rows.setObjectName("rundownHandles")
        rows.setSectionsMovable(True)  # the row number is the drag handle
        rows.setDefaultSectionSize(32)
        rows.sectionMoved.connect(self._dragged)

        self.actions_, bar = toolbar.build(
            self,
            self.table,
            {
                "add": self.add_segment,
                "duplicate": self.duplicate_selected,
                "delete": self.delete_selected,
                "up": lambda: self.move_selected(-1),
                "down": lambda: self.move_selected(1),
                "skip": self.toggle_skip,
                "undo": self.undo_stack.undo,
                "redo": self.undo_stack.redo,
                "import": self.open_import,
                "export": self.open_export,
            },
        )
        self.table.activated.connect(self._activated)  # Return on a cell starts editing it
        self.undo_stack.canUndoChanged.connect(self.actions_["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions_["redo"].setEnabled)
        self.actions_["undo"].setEnabled(False)
        self.actions_["redo"].setEnabled(False)

        self.summary = plain_label("", "hint")
        self.summary.setObjectName("rundownSummary")
        self.scene_hint = plain_label("", "hint")
        self.scene_hint.setObjectName("rundownSceneHint")
        self.error = plain_label("")
        self.error.setObjectName("rundownError")
        self.error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = plain_label("", "hint")
        self.note.setObjectName("rundownNote")
        self.note.hide()
        self.empty = plain_label("", "hint")
        self.empty.setObjectName("rundownEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.summary, 1)
        footer.addWidget(self.scene_hint)
        layout.addLayout(footer)

        # a burst of show and rundown events (or edits): one read at a time, one more after
        self.reloads = Coalescer(self._read_rows, self, worker=self.worker)
        bridge.show.connect(self._on_show)
        bridge.obs.connect(self._on_obs)
        bridge.door.connect(self._on_door)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self._on_obs(ObsStateChanged(obs_state(session.bus)))
        self.retranslate()
        self.reload()
        self._load_speakers()

    # -- for tests and other parts of Showday ----------------------------------------------

    def current_segment_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.segment_id(index.row()) if index.isValid() else None

    def select(self, row: int, field: str = "title") -> None:
        """Make `row` (0-based) current, on the column of `field`."""
        index = self.model.index(row, FIELDS.index(field))
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def titles(self) -> list[str]:
        return [str(r["title"]) for r in self.model.rows]

    def resolve(self, segment_id: int) -> int:
        return self._ids.get(segment_id, segment_id)

    def alias(self, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            for k, v in list(self._ids.items()):
                if v == old_id:
                    self._ids[k] = new_id
            self._ids[old_id] = new_id

    def reload(self) -> None:
        self.reloads.request()

    def _read_rows(self) -> None:
        ef = self.session.ef
        self.reloads.run(lambda: rundown_rows(ef), self._show_rows, self.show_error)

    def _show_rows(self, rows: list[dict[str, Any]]) -> None:
        current = self.table.currentIndex()
        keep_id = self._select_after or self.current_segment_id()
        column = FIELDS.index(self._edit_after) if self._edit_after else max(current.column(), 1)
        self.model.set_rows(rows)
        if keep_id is not None and (row := self.model.row_of(keep_id)) is not None:
            if self._select_after is not None or self.table.currentIndex().row() != row:
                self.select(row, FIELDS[column])
            if self._edit_after is not None:
                self.table.setFocus()
                self.table.edit(self.model.index(row, column))
        self._select_after, self._edit_after = None, None
        self._summarise()
        self._scene_hint()
        self._enable()

    # -- import / export (ui.rundown.files) ----------------------------------------------

    def open_import(self, path: str | Path | None = None) -> QDialog:
        """The import dialog (ui.door.mapping_dialog), opened; with `path` it reads it at once."""
        from ui.rundown.files import open_import

        return open_import(self, Path(path) if path is not None else None)

    def open_export(self) -> None:
        from ui.rundown.files import ask_export

        ask_export(self)

    # -- what other parts say ----------------------------------------------------------------

    def _on_show(self, event: Any) -> None:
        if isinstance(event, SegmentsChanged | ShowStateChanged):
            self.reload()

    def _on_door(self, event: Any) -> None:
        if isinstance(event, GuestsChanged):
            self._load_speakers()

    def _on_obs(self, event: Any) -> None:
        if not isinstance(event, ObsStateChanged):
            return
        state = event.state or {}
        scenes = list(state.get("scenes") or []) if state.get("status") == "connected" else None
        self.delegate.scenes = scenes
        self.model.set_scenes(scenes)
        self._scene_hint()

    def _load_speakers(self) -> None:
        ef = self.session.ef

        def show(names: list[str]) -> None:
            self.delegate.speakers = names

        self.worker.run(lambda: speaker_names(ef), show, context=self)

    # -- looks -----------------------------------------------------------------------------

    def _enable(self) -> None:
        has = self.current_segment_id() is not None
        for name in ("duplicate", "delete", "up", "down", "skip"):
            self.actions_[name].setEnabled(has)
        self.empty.setVisible(not self.model.rows)

    def _summarise(self) -> None:
        rows = self.model.rows
        active = [r for r in rows if not r.get("skip")]
        total = sum(int(r["duration_s"]) for r in active)
        h, m = divmod(total // 60, 60)
        text = (
            self.tr("%1 segments · %2 planned")
            .replace("%1", str(len(rows)))
            .replace("%2", f"{h}:{m:02d}")
        )
        if skipped := len(rows) - len(active):
            text += " · " + self.tr("%1 skipped").replace("%1", str(skipped))
        self.summary.setText(text)

    def _scene_hint(self) -> None:
        if self.delegate.scenes is None:
            self.scene_hint.setText(self.tr("OBS is not connected: scene names are typed freely."))
        else:
            missing = sorted(
                {r["obs_scene"] for r in self.model.rows if self.model.missing_scene(r)}
            )
            self.scene_hint.setText(
                self.tr("⚠ OBS lacks: %1").replace("%1", ", ".join(missing)) if missing else ""
            )

    def retranslate(self) -> None:
        toolbar.retranslate(self.actions_)
        self.empty.setText(
            self.tr(
                "No segments yet. Add one (Ctrl+Return) and type its title, or import a rundown."
            )
        )
        self.model.retranslate()
        header = self.table.horizontalHeader()
        for i, col in enumerate(COLUMNS):  # wide enough for the header in either language
            text = str(self.model.headerData(i, Qt.Orientation.Horizontal, 0))
            self.table.setColumnWidth(
                i, max(col.width, header.fontMetrics().horizontalAdvance(text) + 32)
            )
        self._summarise()
        self._scene_hint()
