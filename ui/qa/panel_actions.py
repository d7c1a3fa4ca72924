"""What the moderator panel's buttons and keys do: each is one core call on the Worker; the
bridge's `qa` signal then brings the refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from app import qa
from app.qa import QaError, Question
from app.session import Session
from app.show import list_segments
from app.store import EventFile
from ui.event_files import ask_table_path
from ui.qa.dialogs import ManualEntryDialog, MergeDialog, edit_dialog, word_filter_dialog
from ui.worker import Worker, describe_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListView

    from ui.qa.model import QuestionsModel


class PanelActions:
    """Mixed into ModeratorPanel (a QWidget): needs session, worker, error, model, list."""

    session: Session
    worker: Worker
    error: QLabel
    model: QuestionsModel
    list: QListView
    _keep_id: int | None

    if TYPE_CHECKING:

        def refresh(self) -> None: ...

    def current(self) -> Question | None:
        return self.model.question(self.list.currentIndex().row())

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
        self._call(lambda ef, bus: qa.update_settings(ef, premoderation=checked, bus=bus))

    def _auto_clear_clicked(self, checked: bool) -> None:
        self._call(lambda ef, bus: qa.update_settings(ef, clear_on_segment_change=checked, bus=bus))

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
                    lambda ef2, bus: qa.set_words_text(ef2, words, bus), lambda _r: self.refresh()
                )

        self.worker.run(lambda: qa.words_text(ef), on_done=ask, context=self)

    def block_device(self) -> None:
        q = self.current()
        if q is None or not q.device_id:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ModeratorPanel", "Block device"),
            QCoreApplication.translate(
                "ModeratorPanel",
                "Refuse further questions and votes from the device that asked this question? "
                "Its questions still waiting are rejected.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(lambda ef, bus: qa.block_device(ef, bus, q.device_id))

    def export(self) -> None:
        title = QCoreApplication.translate("ModeratorPanel", "Export questions")
        path = ask_table_path(self, title, "questions.xlsx")
        if path is not None:
            self.export_to(str(path))

    def export_to(self, path: str) -> None:
        ef = self.session.ef

        def done(n: int) -> None:
            self._show_error(
                QCoreApplication.translate("ModeratorPanel", "Questions exported: %1").replace(
                    "%1", str(n)
                )
            )

        def failed(err: BaseException) -> None:
            self._show_error(describe_error(err) if not isinstance(err, ValueError) else str(err))

        self.worker.run(
            lambda: qa.export_questions(ef, path), on_done=done, on_error=failed, context=self
        )

    def merge(self) -> None:
        """Fold duplicates (ticked in a dialog) into the selected question."""
        q = self.current()
        if q is None:
            return
        rows = (self.model.question(r) for r in range(self.model.rowCount()))
        candidates = [(c.id, c.text) for c in rows if c is not None and c.id != q.id]
        dlg = MergeDialog(q.text, candidates, self)  # type: ignore[arg-type]
        if dlg.exec() and dlg.chosen():
            self.merge_into(q.id, dlg.chosen())

    def merge_into(self, target: int, ids: list[int]) -> None:
        self._keep_id = target
        self._call(lambda ef, bus: qa.merge(ef, bus, ids, target))

    def assign_segment(self) -> None:
        """Tie the selected question to a segment of the run-of-show (or to none)."""
        q = self.current()
        if q is None:
            return
        ef = self.session.ef

        def ask(segments: list[Any]) -> None:
            none = QCoreApplication.translate("ModeratorPanel", "(no segment)")
            names = [none] + [s.title for s in segments]
            current = next((i + 1 for i, s in enumerate(segments) if s.id == q.segment_id), 0)
            name, ok = QInputDialog.getItem(
                self,  # type: ignore[arg-type]
                QCoreApplication.translate("ModeratorPanel", "Segment"),
                QCoreApplication.translate("ModeratorPanel", "Which segment is this question for?"),
                names,
                current,
                False,
            )
            if ok:
                index = names.index(name)
                seg = segments[index - 1].id if index > 0 else None
                self._keep_id = q.id
                self._call(lambda ef2, bus: qa.assign_segment(ef2, bus, q.id, seg))

        self.worker.run(lambda: list_segments(ef), on_done=ask, context=self)  # type: ignore[arg-type]
