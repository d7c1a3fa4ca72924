"""Importing a guest list: choose a CSV/XLSX, check the column mapping, preview, import.

Reading the file, planning (every row checked against the file's guests) and applying all run
on the Worker: a 50,000-row list never freezes the window. The mapping is prefilled from the
headers (guess_mapping) and every change re-plans, so the preview always shows what Import will
do: new / updated / unchanged / merged rows, and every bad row with its line number and reason.
Import stays disabled while there are errors: the import is all or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.guests.importer import (
    ImportFileError,
    ImportPlan,
    ImportResult,
    apply_import,
    guess_channel,
    guess_mapping,
    plan_import,
    read_table,
)
from app.guests.mapping import FIELDS
from app.guests.table import Table
from app.session import Session
from ui.door.import_texts import (
    ERROR_COLUMNS,
    FIELD_LABELS,
    PREVIEW_COLUMNS,
    reason_text,
    tr,
)
from ui.reload import Coalescer
from ui.table_model import RowsModel
from ui.views.widgets import plain_label, table_view
from ui.worker import Worker, describe_error


class GuestImportDialog(QDialog):
    """`GuestImportDialog(session, worker, path=None)`; `open()` it. With `path`, the file is
    read at once (the Setup button and drag-and-drop pass it).

    Signals:
        imported: The import was committed.
            arg: the ImportResult.
    """

    imported = Signal(object)

    def __init__(
        self,
        session: Session,
        worker: Worker,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guestImportDialog")
        self.setWindowTitle(QCoreApplication.translate("GuestImportDialog", "Import guests"))
        self.resize(1100, 720)
        self.session = session
        self.worker = worker
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.plans = 0  # finished plans (tests)

        # Step 1: the file.
        self.choose = QPushButton(
            QCoreApplication.translate("GuestImportDialog", "Choose a CSV or Excel file…")
        )
        self.choose.clicked.connect(self.choose_file)
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

        # Step 2: the mapping, one combo per field.
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, f in enumerate(FIELDS):
            combo = QComboBox()
            combo.setMinimumWidth(170)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f] = combo
            r, c = divmod(i, 3)
            grid.addWidget(plain_label(tr(FIELD_LABELS[f])), r, 2 * c)
            grid.addWidget(combo, r, 2 * c + 1)
        self.unmapped = plain_label("", "hint")
        self.unmapped.setWordWrap(True)
        # One channel for the rows that have none (an Eventbrite export has no channel column).
        self.channel = QLineEdit()
        self.channel.setObjectName("importChannel")
        self.channel.setMaxLength(100)
        self.channel.setPlaceholderText(
            QCoreApplication.translate("GuestImportDialog", "e.g. 公众号, Eventbrite, 官网")
        )
        self.channel.textChanged.connect(self._mapping_changed)
        channel_row = QHBoxLayout()
        channel_row.addWidget(
            plain_label(
                QCoreApplication.translate("GuestImportDialog", "Channel for rows without one:")
            )
        )
        channel_row.addWidget(self.channel)
        channel_row.addStretch(1)

        # Step 3: the preview.
        self.summary = plain_label("", "sectionTitle")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.preview_model = RowsModel(PREVIEW_COLUMNS, self, key="line")
        self.error_model = RowsModel(ERROR_COLUMNS, self, key="line")
        self.tabs = QTabWidget()
        self.tabs.addTab(
            table_view(self.preview_model, stretch_column=2),
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
        m.addLayout(channel_row)
        m.addWidget(self.unmapped)
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
        self.import_button.setProperty("primary", True)
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
        self.planner = Coalescer(self._plan, self, min_gap_ms=120)
        if path is not None:
            self.load(Path(path))

    # -- step 1 -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("GuestImportDialog", "Import guests"),
            "",
            QCoreApplication.translate(
                "GuestImportDialog", "Guest lists (*.csv *.xlsx *.txt);;All files (*)"
            ),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.file_info.setText(
            QCoreApplication.translate("GuestImportDialog", "Reading %1…").replace("%1", path.name)
        )
        self.file_error.hide()
        self.import_button.setEnabled(False)
        self.worker.run(lambda: read_table(path), self._loaded, self._load_failed, self)

    def _load_failed(self, err: BaseException) -> None:
        self.table = None
        self.pages.setCurrentIndex(0)
        self.file_info.setText("")
        if isinstance(err, ImportFileError):
            text = str(err)
            if err.line and f"line {err.line}" not in text.lower():  # some readers name it
                text = (
                    QCoreApplication.translate("GuestImportDialog", "Line %1: %2")
                    .replace("%1", str(err.line))
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
        guess = guess_mapping(table.headers)
        for f, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("GuestImportDialog", "(not in the file)"), -1)
            for i, h in enumerate(table.headers):
                combo.addItem(h, i)
            combo.setCurrentIndex(guess[f] + 1 if f in guess else 0)
            combo.blockSignals(False)
        self.channel.blockSignals(True)
        self.channel.setText(guess_channel(table.headers))  # "Eventbrite", "pretix" or ''
        self.channel.blockSignals(False)
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
        ef, table, mapping, channel = (
            self.session.ef,
            self.table,
            self.mapping(),
            self.channel.text(),
        )
        self.worker.run(
            lambda: plan_import(ef, table, mapping, channel),
            self._planned,
            self._plan_failed,
            self,
        )

    def _plan_failed(self, err: BaseException) -> None:
        self.planner.done()
        self.summary.setText(describe_error(err))

    def _planned(self, plan: ImportPlan) -> None:
        self.planner.done()
        if self.planner.running or self.planner.pending:
            return  # the mapping changed meanwhile: only the last mapping's plan is shown
        self.plan = plan
        self.plans += 1
        extra = plan.unmapped_headers
        self.unmapped.setText(
            QCoreApplication.translate(
                "GuestImportDialog", "Columns kept as extra information: %1"
            ).replace("%1", ", ".join(extra))
            if extra
            else QCoreApplication.translate("GuestImportDialog", "Every column is mapped.")
        )
        merged = sum(len(g.merged_lines) for g in plan.merged)
        self.summary.setText(
            QCoreApplication.translate(
                "GuestImportDialog",
                "%1 new · %2 updated · %3 unchanged · %4 duplicate rows merged · %5 errors",
            )
            .replace("%1", str(len(plan.new)))
            .replace("%2", str(len(plan.updated)))
            .replace("%3", str(len(plan.unchanged)))
            .replace("%4", str(merged))
            .replace("%5", str(len(plan.errors)))
        )
        self.summary.setProperty("errors", bool(plan.errors))
        self.summary.setStyleSheet("color: #ff9c9c;" if plan.errors else "")
        self.preview_model.set_rows(plan.preview(200))
        self.error_model.set_rows(
            [{"line": e.line, "reason": reason_text(e.reason)} for e in plan.errors]
        )
        self.tabs.setTabText(
            1,
            QCoreApplication.translate("GuestImportDialog", "Errors (%1)").replace(
                "%1", str(len(plan.errors))
            ),
        )
        if plan.errors:
            self.tabs.setCurrentIndex(1)
        self.import_button.setEnabled(plan.ok and bool(plan.new or plan.updated))

    # -- step 4 -------------------------------------------------------------------------------

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        self.import_button.setEnabled(False)
        self.choose.setEnabled(False)
        ef, bus = self.session.ef, self.session.bus
        self.worker.run(
            lambda: apply_import(ef, bus, plan), self._applied, self._apply_failed, self
        )

    def _apply_failed(self, err: BaseException) -> None:
        self.choose.setEnabled(True)
        self.summary.setText(str(err) if isinstance(err, ValueError) else describe_error(err))
        self.replan()  # the file changed meanwhile: show the fresh plan

    def _applied(self, result: ImportResult) -> None:
        self.result = result
        merged = QCoreApplication.translate(
            "GuestImportDialog", ", %1 duplicate rows merged"
        ).replace("%1", str(result.merged))
        self.done_text.setText(
            QCoreApplication.translate(
                "GuestImportDialog", "Imported: %1 new, %2 updated, %3 unchanged"
            )
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            + (merged if result.merged else "")
        )
        self.pages.setCurrentIndex(2)
        self.import_button.hide()
        self.close_button.setText(QCoreApplication.translate("GuestImportDialog", "Close"))
        self.imported.emit(result)
