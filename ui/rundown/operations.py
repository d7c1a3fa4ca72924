"""The rundown editor's operations: each edit, insert, delete, move and skip is a core
operation run on the worker (then the table shows fresh rows) and pushed on the undo stack
(ui.rundown.commands); a refusal is shown and the file's rows read again. A mixin of
RundownEditor (ui.rundown.editor); texts keep the context "RundownEditor"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

from app.show.editing import edit_cell
from app.show.plan import rundown_rows
from ui.rundown.commands import DeleteCommand, EditCommand, InsertCommand, MoveCommand, Op
from ui.rundown.model import COLUMNS, FIELDS, RundownModel, tr
from ui.rundown.texts import error_text
from ui.worker import describe_error

DEFAULT_MINUTES = 10


class EditorOperations:
    """What the editor does to the rundown (see RundownEditor for the widgets it uses)."""

    model: RundownModel
    table: QTableView
    undo_stack: QUndoStack
    error: QLabel
    note: QLabel
    _select_after: int | None
    _edit_after: str | None

    # -- running core operations -----------------------------------------------------------

    def run(self, op: Op, on_done: Callable[[Any], None] | None = None) -> None:
        """`op(segments)` on the worker, then fresh rows; `on_done(op's result)` here."""
        segs, ef = self.segments, self.session.ef

        def job() -> tuple[Any, list[dict[str, Any]]]:
            result = op(segs)
            return result, rundown_rows(ef)

        def done(out: tuple[Any, list[dict[str, Any]]]) -> None:
            result, rows = out
            self.error.hide()
            if on_done is not None:
                on_done(result)
            self._show_rows(rows)
            self.jobs += 1
            self.committed.emit()

        self.worker.run(job, done, self._refused, self)

    def _refused(self, err: BaseException) -> None:
        self.show_error(err)
        self.reload()  # show what the file holds

    def show_error(self, err: BaseException) -> None:
        text = error_text(err) if isinstance(err, ValueError) else describe_error(err)
        self.note.hide()
        self.error.setText(text)
        self.error.show()
        self.failed.emit(text)

    def notice(self, text: str) -> None:
        """A line that says what was done (an export, an import)."""
        self.error.hide()
        self.note.setText(text)
        self.note.show()

    # -- the operations --------------------------------------------------------------------

    def edit(self, segment_id: int, field: str, value: Any) -> None:
        def pushed(result: tuple[dict[str, Any], dict[str, Any]]) -> None:
            before, after = result
            if before:
                label = QCoreApplication.translate("RundownEditor", "Edit %1").replace(
                    "%1", tr(COLUMNS[FIELDS.index(field)].title)
                )
                self.undo_stack.push(EditCommand(self, label, segment_id, before, after))

        self.run(lambda s: edit_cell(s, segment_id, field, value), pushed)

    def add_segment(self, **values: Any) -> None:
        """Add a segment after the current one (at the end when none is), then edit its title."""
        sid = self.current_segment_id()
        row = self.model.row_of(sid) if sid is not None else None
        position = row + 1 if row is not None else None
        data = {
            "title": QCoreApplication.translate("RundownEditor", "New segment"),
            "duration_s": DEFAULT_MINUTES * 60,
            **values,
        }
        self._insert(
            lambda s: s.add(position, **data),
            QCoreApplication.translate("RundownEditor", "Add segment"),
        )

    def duplicate_selected(self) -> None:
        if (sid := self.current_segment_id()) is not None:
            self._insert(
                lambda s: s.duplicate(sid),
                QCoreApplication.translate("RundownEditor", "Duplicate segment"),
                edit=False,
            )

    def _insert(self, op: Op, label: str, edit: bool = True) -> None:
        def pushed(segment: Any) -> None:
            self.undo_stack.push(InsertCommand(self, label, segment))
            self._select_after = segment.id
            self._edit_after = "title" if edit else None

        self.run(op, pushed)

    def delete_selected(self) -> None:
        if (sid := self.current_segment_id()) is None:
            return
        row = self.model.row_of(sid) or 0

        def pushed(segment: Any) -> None:
            self.undo_stack.push(
                DeleteCommand(
                    self, QCoreApplication.translate("RundownEditor", "Delete segment"), segment
                )
            )
            neighbour = min(row, len(self.model.rows) - 2)
            self._select_after = self.model.segment_id(neighbour) if neighbour >= 0 else None

        self.run(lambda s: s.delete(sid), pushed)

    def move_selected(self, delta: int) -> None:
        sid = self.current_segment_id()
        row = self.model.row_of(sid) if sid is not None else None
        if sid is None or row is None or not 0 <= row + delta < len(self.model.rows):
            return
        self.move(sid, row, row + delta)

    def move(self, segment_id: int, old: int, new: int) -> None:
        def pushed(_rows: Any) -> None:
            self.undo_stack.push(
                MoveCommand(
                    self,
                    QCoreApplication.translate("RundownEditor", "Move segment"),
                    segment_id,
                    old,
                    new,
                )
            )
            self._select_after = segment_id

        self.run(lambda s: s.move(segment_id, new), pushed)

    def toggle_skip(self) -> None:
        if (sid := self.current_segment_id()) is None:
            return
        row = self.model.rows[self.model.row_of(sid) or 0]
        self.edit(sid, "skip", not row.get("skip"))

    def _activated(self, index: Any) -> None:
        if self.table.state() != QAbstractItemView.State.EditingState:
            self.table.edit(index)

    def _dragged(self, _logical: int, old_visual: int, new_visual: int) -> None:
        header = self.table.verticalHeader()
        header.blockSignals(True)
        header.moveSection(new_visual, old_visual)  # the model moves the row, not the header
        header.blockSignals(False)
        if (sid := self.model.segment_id(old_visual)) is not None:
            self.move(sid, old_visual, new_visual)
