"""The import dialog every table import shares (guest lists, rundowns): choose a CSV/XLSX, check
which column holds what, preview, import.

Reading the file, planning (every row checked) and applying run on the Worker, so a 50,000-row
file never freezes the window. The mapping is prefilled from the headers and every change
re-plans, so the preview always shows what Import will do, and every bad row with its line
number and reason. Import stays disabled while there are errors: the import is all or nothing.

What differs per kind of file is an `Importer` (ui.door.import_dialog.GuestImporter,
ui.rundown.importer.RundownImporter): its fields, how it reads, guesses, plans, applies and
words the outcome; and, where it has any, the modes the user picks from (replace or append).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bus import Bus
from app.session import Session
from app.store import EventFile
from app.tabular import Table, TableError
from ui.door.import_texts import ERROR_COLUMNS
from ui.event_files import start_path
from ui.reload import Coalescer
from ui.table_model import Column, RowsModel
from ui.views.widgets import plain_label, table_view
from ui.worker import Worker, describe_error

# The shared strings keep the context "GuestImportDialog": their translations are in door_zh_CN.


@dataclass
class PlanView:
    """What the dialog shows of a plan: all texts already in the user's language."""

    summary: str
    preview: list[dict[str, Any]]
    errors: list[dict[str, Any]]  # {"line": n, "reason": text}
    unmapped: list[str] = field(default_factory=list)
    can_apply: bool = False


class Importer(Protocol):
    object_name: str
    fields: tuple[str, ...]
    preview_columns: list[Column]
    preview_stretch: int
    modes: list[tuple[str, str]]  # (key, label); empty: no choice

    def extra_row(self, changed: Callable[[], None]) -> QBoxLayout | None: ...
    def loaded(self, table: Table) -> None: ...
    def options(self) -> dict[str, Any]: ...
    def window_title(self) -> str: ...
    def choose_text(self) -> str: ...
    def file_filter(self) -> str: ...
    def label(self, field: str) -> str: ...
    def read(self, path: Path) -> Table: ...
    def guess(self, headers: list[str]) -> dict[str, int]: ...
    def plan(self, ef: EventFile, table: Table, mapping: dict[str, int], **options: Any) -> Any: ...
    def view(self, plan: Any) -> PlanView: ...
    def apply(self, ef: EventFile, bus: Bus, plan: Any, mode: str) -> Any: ...
    def error_text(self, err: BaseException) -> str: ...
    def done_text(self, result: Any) -> str: ...


class MappingImportDialog(QDialog):
    """`MappingImportDialog(session, worker, importer, parent=None, path=None)`; `open()` it.
    With `path`, the file is read at once.

    Signals:
        imported: The import was committed.
            arg: the importer's result.
    """

    imported = Signal(object)

    def __init__(
        self,
        session: Session,
        worker: Worker,
        importer: Importer,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.importer = importer
        self.setObjectName(importer.object_name)
        self.setWindowTitle(importer.window_title())
        self.resize(1100, 720)
        self.session = session
        self.worker = worker
        self.table: Table | None = None
        self.plan: Any = None
        self.result: Any = None
        self.plans = 0  # finished plans (tests)

        # Step 1: the file.
        self.choose = QPushButton(importer.choose_text())
        self.choose.clicked.connect(self.choose_file)
        # Return after the picker closes (focus back here) imports, not the picker again
        self.choose.setAutoDefault(False)
        self.file_info = plain_label("", "hint")
        self.file_info.setWordWrap(True)
        self.file_error = plain_label("")
        self.file_error.setObjectName("importFileError")
        self.file_error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.file_error.setWordWrap(True)
        self.file_error.hide()
        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.file_info, 1)

        # Step 2: the mapping, one combo per field (and the mode, when there is a choice).
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, f in enumerate(importer.fields):
            combo = QComboBox()
            combo.setObjectName(f"importColumn-{f}")
            combo.setMinimumWidth(170)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f] = combo
            r, c = divmod(i, 3)
            grid.addWidget(plain_label(importer.label(f)), r, 2 * c)
            grid.addWidget(combo, r, 2 * c + 1)
        self.unmapped = plain_label("", "hint")
        self.unmapped.setWordWrap(True)
        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        for i, (key, label) in enumerate(importer.modes):
            radio = QRadioButton(label)
            radio.setObjectName(f"importMode-{key}")
            radio.setChecked(i == 0)
            self.mode_buttons.addButton(radio, i)
            modes.addWidget(radio)
        modes.addStretch(1)

        # Step 3: the preview.
        self.summary = plain_label("", "sectionTitle")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.preview_model = RowsModel(importer.preview_columns, self, key="line")
        self.error_model = RowsModel(ERROR_COLUMNS, self, key="line")
        self.tabs = QTabWidget()
        self.tabs.addTab(
            table_view(self.preview_model, stretch_column=importer.preview_stretch),
            QCoreApplication.translate("GuestImportDialog", "Preview"),
        )
        self.tabs.addTab(
            table_view(self.error_model, stretch_column=1),
            QCoreApplication.translate("GuestImportDialog", "Errors"),
        )

        self.mapping_page = QWidget()
        m = QVBoxLayout(self.mapping_page)
        m.setContentsMargins(0, 0, 0, 0)
        m.addWidget(
            plain_label(
                QCoreApplication.translate("GuestImportDialog", "Which column holds what"),
                "sectionTitle",
            )
        )
        m.addLayout(grid)
        if (extra := importer.extra_row(self._mapping_changed)) is not None:
            m.addLayout(extra)  # e.g. the guests' channel for rows without one
        m.addWidget(self.unmapped)
        m.addLayout(modes)
        m.addWidget(self.summary)
        m.addWidget(self.tabs, 1)

        # Step 4: the outcome.
        self.done_text = plain_label("", "viewTitle")
        self.done_text.setObjectName("importDone")
        self.done_text.setWordWrap(True)
        done_page = QWidget()
        d = QVBoxLayout(done_page)
        d.addWidget(self.done_text)
        d.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())  # nothing chosen yet
        self.pages.addWidget(self.mapping_page)
        self.pages.addWidget(done_page)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("GuestImportDialog", "Import"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setProperty("primary", True)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        self.close_button = self.buttons.addButton(
            QCoreApplication.translate("GuestImportDialog", "Cancel"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_error)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        # one plan at a time, at most one per 120 ms while the mapping is being changed; the
        # last mapping always gets its plan
        self.planner = Coalescer(self._plan, self, min_gap_ms=120, worker=self.worker)
        if path is not None:
            self.load(Path(path))

    # -- step 1 -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.importer.window_title(), start_path(), self.importer.file_filter()
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file_info.setText(
            QCoreApplication.translate("GuestImportDialog", "Reading %1…").replace("%1", path.name)
        )
        self.file_error.hide()
        self.import_button.setEnabled(False)
        importer = self.importer
        self.worker.run(lambda: importer.read(path), self._loaded, self._load_failed, self)

    def _load_failed(self, err: BaseException) -> None:
        self.table = None
        self.pages.setCurrentIndex(0)
        self.file_info.setText("")
        if isinstance(err, TableError):
            text = str(err)
            line = getattr(err, "line", 0)
            if line and f"line {line}" not in text.lower():  # some readers name it
                text = (
                    QCoreApplication.translate("GuestImportDialog", "Line %1: %2")
                    .replace("%1", str(line))
                    .replace("%2", text)
                )
        else:
            text = describe_error(err)
        self.file_error.setText(
            QCoreApplication.translate(
                "GuestImportDialog", "This file cannot be imported: %1"
            ).replace("%1", text)
        )
        self.file_error.show()

    def _loaded(self, table: Table) -> None:
        self.table = table
        name = table.path.name if table.path else ""
        self.file_info.setText(
            QCoreApplication.translate("GuestImportDialog", "%1 · encoding %2 · %3 rows")
            .replace("%1", name)
            .replace("%2", table.encoding)
            .replace("%3", str(len(table.rows)))
        )
        guess = self.importer.guess(table.headers)
        for f, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("GuestImportDialog", "(not in the file)"), -1)
            for i, h in enumerate(table.headers):
                combo.addItem(str(h), i)
            combo.setCurrentIndex(guess[f] + 1 if f in guess else 0)
            combo.blockSignals(False)
        self.importer.loaded(table)
        self.pages.setCurrentIndex(1)
        self.replan()

    # -- step 2 and 3 -------------------------------------------------------------------------

    def mapping(self) -> dict[str, int]:
        out = {}
        for f, combo in self.combos.items():
            col = combo.currentData()
            if isinstance(col, int) and col >= 0:
                out[f] = col
        return out

    def set_mapping(self, field: str, header: str | None) -> None:
        """Map `field` to the column named `header` (None: not in the file). For tests too."""
        combo = self.combos[field]
        combo.setCurrentIndex(0 if header is None else max(0, combo.findText(header)))

    def mode(self) -> str:
        modes = self.importer.modes
        return modes[max(0, self.mode_buttons.checkedId())][0] if modes else ""

    def set_mode(self, key: str) -> None:
        keys = [k for k, _label in self.importer.modes]
        self.mode_buttons.button(keys.index(key)).setChecked(True)

    def _mapping_changed(self) -> None:
        self.import_button.setEnabled(False)
        self.replan()

    def replan(self) -> None:
        if self.table is not None:
            self.planner.request()

    def _plan(self) -> None:
        if self.table is None:
            self.planner.done()
            return
        self.summary.setText(QCoreApplication.translate("GuestImportDialog", "Checking every row…"))
        ef, table, mapping, importer = self.session.ef, self.table, self.mapping(), self.importer
        options = importer.options()  # read here: widgets belong to the GUI thread
        self.worker.run(
            lambda: importer.plan(ef, table, mapping, **options),
            self._planned,
            self._plan_failed,
            self,
        )

    def _plan_failed(self, err: BaseException) -> None:
        self.planner.done()
        self.summary.setText(describe_error(err))

    def _planned(self, plan: Any) -> None:
        self.planner.done()
        if self.planner.running or self.planner.pending:
            return  # the mapping changed meanwhile: only the last mapping's plan is shown
        self.plan = plan
        self.plans += 1
        view = self.importer.view(plan)
        self.unmapped.setText(
            QCoreApplication.translate(
                "GuestImportDialog", "Columns kept as extra information: %1"
            ).replace("%1", ", ".join(view.unmapped))
            if view.unmapped
            else QCoreApplication.translate("GuestImportDialog", "Every column is mapped.")
        )
        self.summary.setText(view.summary)
        self.summary.setProperty("errors", bool(view.errors))
        self.summary.setStyleSheet("color: #ff9c9c;" if view.errors else "")
        self.preview_model.set_rows(view.preview)
        self.error_model.set_rows(view.errors)
        self.tabs.setTabText(
            1,
            QCoreApplication.translate("GuestImportDialog", "Errors (%1)").replace(
                "%1", str(len(view.errors))
            ),
        )
        if view.errors:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(view.can_apply and not view.errors)

    # -- step 4 -------------------------------------------------------------------------------

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        self.choose.setEnabled(False)
        ef, bus, mode, importer = self.session.ef, self.session.bus, self.mode(), self.importer
        self.worker.run(
            lambda: importer.apply(ef, bus, plan, mode), self._applied, self._apply_failed, self
        )

    def _apply_failed(self, err: BaseException) -> None:
        self.choose.setEnabled(True)
        self.summary.setText(self.importer.error_text(err))
        self.replan()  # the file changed meanwhile: show the fresh plan

    def _applied(self, result: Any) -> None:
        self.result = result
        self.done_text.setText(self.importer.done_text(result))
        self.pages.setCurrentIndex(2)
        self.import_button.hide()
        self.close_button.setText(QCoreApplication.translate("GuestImportDialog", "Close"))
        self.imported.emit(result)
