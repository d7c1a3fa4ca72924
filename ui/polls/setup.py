"""Setup › Polls: the polls prepared before the show (add, delete, import and export a JSON
file to reuse them at the next event). A poll may be attached to a segment: it opens when that
segment starts. All reads and writes run on the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.bus import PollChanged
from app.polls import store
from app.polls.transfer import export_json, import_json
from ui.event_files import start_path
from ui.views.base import SessionView
from ui.views.widgets import plain_label
from ui.worker import describe_error


class PollDialog(QDialog):
    """A new poll: kind, question, options (one a line), up to N, results hidden until closed,
    the segment that opens it."""

    def __init__(self, segments: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New poll"))
        self.kind = QComboBox()
        for kind, text in (
            ("single", self.tr("Single choice")),
            ("multiple", self.tr("Multiple choice")),
            ("rating", self.tr("Rating (1–5)")),
            ("words", self.tr("Word cloud")),
        ):
            self.kind.addItem(text, kind)
        self.question = QLineEdit()
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(self.tr("One option a line"))
        self.max_choices = QSpinBox(minimum=1, maximum=store.MAX_OPTIONS, value=2)
        self.hide = QCheckBox(self.tr("Hide results from the audience until closed"))
        self.segment = QComboBox()
        self.segment.addItem(self.tr("Opened by hand"), None)
        for sid, title in segments:
            self.segment.addItem(self.tr("Opens with: %1").replace("%1", title), sid)
        self.error = plain_label("", "hint")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Options"), self.options)
        form.addRow(self.tr("Up to"), self.max_choices)
        form.addRow("", self.hide)
        form.addRow(self.tr("Segment"), self.segment)
        form.addRow(self.error)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(480, 380)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.options.setEnabled(kind in ("single", "multiple"))
        self.max_choices.setEnabled(kind == "multiple")

    def values(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        return {
            "kind": kind,
            "question": self.question.text(),
            "options": [o for o in self.options.toPlainText().splitlines() if o.strip()],
            "max_choices": self.max_choices.value() if kind == "multiple" else None,
            "hide_results": self.hide.isChecked(),
            "segment_id": self.segment.currentData(),
        }

    def _check(self) -> None:
        v = self.values()
        try:
            store.checked(v["kind"], v["question"], v["options"], v["max_choices"])
        except ValueError as e:
            self.error.setText(str(e))
            return
        self.accept()


class PollsSetup(SessionView):
    """The Setup section. No signals of its own."""

    def build(self) -> None:
        self.setObjectName("pollsSetup")
        self.polls: list[store.Poll] = []
        self.list = QListWidget()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, fn in (
            ("add", self.add),
            ("delete", self.delete),
            ("import", self.import_file),
            ("export", self.export_file),
        ):
            b = QPushButton()
            b.clicked.connect(fn)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        self.note = plain_label("", "hint")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def on_event(self, event: object) -> None:
        if isinstance(event, PollChanged):
            self.refresh()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        ef = self.session.core_ef
        self.run(lambda: store.list_polls(ef), self._show, self._failed)

    def _show(self, polls: list[store.Poll]) -> None:
        self.polls = polls
        self.list.clear()
        for p in polls:
            extra = f" — {', '.join(p.options)}" if p.options else ""
            item = QListWidgetItem(f"{p.question} ({self._kind(p.kind)}){extra}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)

    def _failed(self, err: BaseException) -> None:
        self.note.setText(str(err) if isinstance(err, ValueError) else describe_error(err))

    def _run(self, fn: Any, message: str = "") -> None:
        def done(n: Any) -> None:
            self.note.setText(message.replace("%1", str(n)) if message else "")
            self.refresh()

        self.worker.run(fn, on_done=done, on_error=self._failed, context=self)

    def add(self) -> None:
        ef = self.session.core_ef
        segments = [
            (r[0], r[1]) for r in ef.tuples("SELECT id, title FROM segments ORDER BY position")
        ]
        dlg = PollDialog(segments, self)
        if dlg.exec():
            v, s = dlg.values(), self.session
            self._run(
                lambda: store.create(
                    s.core_ef,
                    s.bus,
                    v["kind"],
                    v["question"],
                    v["options"],
                    max_choices=v["max_choices"],
                    segment_id=v["segment_id"],
                    hide_results=v["hide_results"],
                )
            )

    def delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            s, pid = self.session, item.data(Qt.ItemDataRole.UserRole)
            self._run(lambda: store.delete(s.core_ef, s.bus, pid))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import polls"), start_path(), self.tr("Polls (*.json)")
        )
        if path:
            s = self.session
            self._run(lambda: import_json(s.core_ef, s.bus, path), self.tr("Polls imported: %1"))

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export polls"), start_path("polls.json"), self.tr("Polls (*.json)")
        )
        if path:
            ef = self.session.core_ef
            self._run(lambda: export_json(ef, path), self.tr("Polls exported: %1"))

    def _kind(self, kind: str) -> str:
        return {
            "single": self.tr("single choice"),
            "multiple": self.tr("multiple choice"),
            "rating": self.tr("rating"),
            "words": self.tr("word cloud"),
        }[kind]

    def retranslate(self) -> None:
        for key, text in (
            ("add", self.tr("Add poll…")),
            ("delete", self.tr("Delete")),
            ("import", self.tr("Import…")),
            ("export", self.tr("Export…")),
        ):
            self.buttons[key].setText(text)
        self._show(self.polls)  # the kinds, in the new language
