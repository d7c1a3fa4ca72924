"""Setup › Preflight: run the checks, see each result with its fix, tick the manual checklist.

The checks run on a thread of their own (they wait on OBS and on overlay URLs), never on the GUI
thread or the desk's worker; the result arrives as PreflightRan through the bridge (the T-60
and T-15 runs too). Fixes Showday carries out (create scenes, set up OBS) go to the OBS worker,
then the checks run again; the others open the dialog that fixes them (`ui_fixers`).

Signals:
    ran: A preflight run was shown. arg: the run dict (app.preflight.service).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bus import PreflightRan
from app.preflight import store
from ui.cues import texts
from ui.views.base import SessionView
from ui.views.widgets import info_table, plain_label


class WholeCell(QStyledItemDelegate):
    """A cell's widget takes the whole cell: the default fits it into the text's rectangle,
    inside the style's margins, which cut a fix button as wide as its column at both ends."""

    def updateEditorGeometry(  # noqa: N802 (Qt's name)
        self, editor: QWidget, option: QStyleOptionViewItem, index: Any
    ) -> None:
        editor.setGeometry(option.rect)


COLOURS = {"pass": "#5fd38d", "warn": "#f2c94c", "fail": "#ff7b7b"}
CORE_FIXES = ("create_scenes", "setup_obs")


def stamp(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S")


class PreflightView(SessionView):
    ran = Signal(object)
    # fix -> what opens its dialog (filled by ui.cues.install from the other features)
    ui_fixers: dict[str, Callable[[], Any]] = {}

    def build(self) -> None:
        self.setObjectName("preflightView")
        # The default checklist's language: the window's (ui.i18n sets QLocale's default).
        self.lang = "zh_CN" if QLocale().name().startswith("zh") else "en"
        self.run_button = QPushButton()
        self.run_button.setObjectName("preflightRun")
        self.run_button.setProperty("primary", True)
        self.run_button.clicked.connect(self.run_checks)
        self.verdict = QLabel()
        self.verdict.setObjectName("preflightVerdict")
        self.table = info_table(QTableWidget(0, 4), stretch_column=2)
        self.table.setObjectName("preflightTable")
        # The fix column fits its buttons (show_run).
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setItemDelegateForColumn(3, WholeCell(self.table))
        self.checklist_title = plain_label()
        self.checklist = QListWidget()
        self.checklist.setObjectName("preflightChecklist")
        self.checklist.itemChanged.connect(self._ticked)
        self.checklist.setMaximumHeight(170)
        self.who_label = plain_label()
        self.who = QLineEdit()
        self.who.setObjectName("preflightWho")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("preflightEditList")
        self.edit_button.clicked.connect(self._toggle_edit)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("preflightListEditor")
        self.editor.hide()
        self._items: list[dict[str, Any]] = []
        self._loading = False
        self.last_run: dict[str, Any] | None = None

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.verdict, 1)
        who_row = QHBoxLayout()
        who_row.addWidget(self.checklist_title, 1)
        who_row.addWidget(self.who_label)
        who_row.addWidget(self.who)
        who_row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(who_row)
        layout.addWidget(self.checklist)
        layout.addWidget(self.editor)

    def reload(self) -> None:
        ef = self.session.ef
        self.run(lambda: store.runs(ef, 1), on_done=self._last)
        self._load_checklist()

    # -- runs ---------------------------------------------------------------------------------

    def run_checks(self) -> None:
        self.run_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking…"))
        threading.Thread(
            target=self.session.preflight.run, args=("manual",), name="preflight", daemon=True
        ).start()

    def _last(self, runs: list[dict[str, Any]]) -> None:
        if runs:
            self.show_run(runs[0])

    def on_event(self, event: object) -> None:
        if isinstance(event, PreflightRan):
            self.show_run(event.run)

    def show_run(self, run: dict[str, Any]) -> None:
        self.run_button.setEnabled(True)
        self.last_run = run
        results = run["results"]
        fails = sum(r["status"] == "fail" for r in results)
        verdict = (
            self.tr("GO") if run["go"] else self.tr("NO-GO: {count} failed").format(count=fails)
        )
        self.verdict.setText(
            self.tr("{verdict} — checked at {time} ({kind})").format(
                verdict=verdict, time=stamp(run["at"]), kind=texts.kind_text(run["kind"])
            )
        )
        self.verdict.setStyleSheet(
            f"font-weight: 700; color: {COLOURS['pass' if run['go'] else 'fail']};"
        )
        order = {"fail": 0, "warn": 1, "pass": 2}
        rows = sorted(results, key=lambda r: order.get(r["status"], 3))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = QTableWidgetItem(texts.status_text(r["status"]))
            status.setForeground(QColor(COLOURS.get(r["status"], "#ddd")))
            self.table.setItem(i, 0, status)
            self.table.setItem(i, 1, QTableWidgetItem(texts.check_name(r["id"])))
            self.table.setItem(i, 2, QTableWidgetItem(texts.result_text(r)))
            self.table.setCellWidget(i, 3, self._fix_button(r))
        self.table.resizeRowsToContents()  # room for the fix buttons
        buttons = [b for i in range(len(rows)) if (b := self.table.cellWidget(i, 3)) is not None]
        for b in buttons:  # the studio style's padding and font count only once polished
            b.ensurePolished()
        widths = [b.sizeHint().width() for b in buttons]
        self.table.setColumnWidth(3, max([self.table.columnWidth(3), *widths]) + 8)
        self.ran.emit(run)

    def _fix_button(self, r: dict[str, Any]) -> QWidget | None:
        fix = r.get("fix") or ""
        if r["status"] == "pass" or not fix:
            return None
        if fix not in CORE_FIXES and fix not in self.ui_fixers:
            return None
        button = QPushButton(texts.fix_text(fix))
        button.setObjectName(f"preflightFix-{r['id']}")
        button.clicked.connect(lambda: self.fix(r))
        return button

    def fix(self, r: dict[str, Any]) -> None:
        if r["fix"] in self.ui_fixers:
            self.ui_fixers[r["fix"]]()
            return
        try:
            futures = self.session.preflight.fix(r)  # queued on the OBS worker: returns at once
        except ValueError as err:
            self.verdict.setText(str(err))
            return
        remaining = [len(futures)]

        def done(_f: Any) -> None:  # OBS worker thread: the re-check runs on its own thread
            remaining[0] -= 1
            if remaining[0] == 0:
                self.session.preflight.run("manual")

        self.run_button.setEnabled(False)
        self.verdict.setText(self.tr("Fixing…"))
        for f in futures:
            f.add_done_callback(lambda f: threading.Thread(target=done, args=(f,)).start())

    # -- the checklist ----------------------------------------------------------------------

    def _load_checklist(self) -> None:
        ef, lang = self.session.ef, self.lang
        self.worker.run(lambda: store.checklist(ef, lang), on_done=self._show_items, context=self)

    def _show_items(self, items: list[dict[str, Any]]) -> None:
        self._loading = True
        self._items = items
        self.checklist.clear()
        for item in items:
            text = item["text"]
            if item["ticked_by"]:
                at = item["ticked_at"][11:16]
                text += "   " + self.tr("✓ {who} at {time}").format(who=item["ticked_by"], time=at)
            row = QListWidgetItem(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if item["ticked_by"] else Qt.CheckState.Unchecked
            )
            row.setData(Qt.ItemDataRole.UserRole, item["id"])
            self.checklist.addItem(row)
        self.editor.setPlainText("\n".join(i["text"] for i in items))
        self._loading = False

    def _ticked(self, row: QListWidgetItem) -> None:
        if self._loading:
            return
        item_id = row.data(Qt.ItemDataRole.UserRole)
        ticked = row.checkState() == Qt.CheckState.Checked
        who = self.who.text().strip() or self.tr("Operator")
        ef, bus, lang = self.session.ef, self.session.bus, self.lang
        self.worker.run(
            lambda: store.tick(ef, item_id, who, ticked, lang, bus),
            on_done=self._show_items,
            context=self,
        )

    def _toggle_edit(self) -> None:
        if self.editor.isVisible():
            lines = self.editor.toPlainText().splitlines()
            ef, bus, lang = self.session.ef, self.session.bus, self.lang
            self.worker.run(
                lambda: store.set_checklist(ef, lines, lang, bus),
                on_done=self._show_items,
                context=self,
            )
        self.editor.setVisible(not self.editor.isVisible())
        self._set_texts()

    def retranslate(self) -> None:
        self._set_texts()
        self._show_items(self._items)  # the "✓ who at time" marks

    def _set_texts(self) -> None:
        self.run_button.setText(self.tr("Run the checks now"))
        if self.last_run is not None:
            self.show_run(self.last_run)
        else:
            self.verdict.setText(
                self.tr("Not checked yet. Showday also checks at T−60 and T−15 min.")
            )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("Check"), self.tr("Result"), self.tr("Fix")]
        )
        self.checklist_title.setText(self.tr("Manual checklist"))
        self.who_label.setText(self.tr("Ticked by:"))
        self.who.setPlaceholderText(self.tr("your name"))
        self.edit_button.setText(
            self.tr("Save the list") if self.editor.isVisible() else self.tr("Edit the list…")
        )
