"""Importing a rundown (CSV/XLSX) into the open event through the shared mapping dialog
(ui.door.mapping_dialog): the columns guessed from Chinese or English headers, a preview of the
segments, every bad row with its line number, all or nothing, append or replace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.bus import Bus
from app.show.rundown import (
    HEADERS,
    ImportResult,
    ParsedRundown,
    apply_rundown,
    guess_mapping,
    plan_rundown,
)
from app.store import EventFile
from app.tabular import Table, read_table
from ui.door.mapping_dialog import PlanView
from ui.rundown.model import COLUMNS, duration_text
from ui.rundown.texts import error_text, reason_text
from ui.table_model import Column

CTX = "RundownEditor"
LABELS = {c.field: c.title for c in COLUMNS}
PREVIEW_COLUMNS = [
    Column("GuestImportDialog", QT_TRANSLATE_NOOP("GuestImportDialog", "Line"), "line"),
    Column(CTX, LABELS["title"], "title"),
    Column(CTX, LABELS["speaker"], "speaker"),
    Column(CTX, LABELS["duration_s"], "duration_s", duration_text),
    Column(CTX, LABELS["hard_start"], "hard_start", lambda v: v or ""),
    Column(CTX, LABELS["obs_scene"], "obs_scene"),
    Column(CTX, LABELS["notes"], "notes"),
]


class RundownImporter:
    """The rundown's part of the mapping dialog (see ui.door.mapping_dialog.Importer)."""

    object_name = "rundownImportDialog"
    fields = tuple(HEADERS)
    preview_columns = PREVIEW_COLUMNS
    preview_stretch = 1

    def __init__(self) -> None:
        self.modes = [
            (
                "append",
                QCoreApplication.translate("RundownEditor", "Add after the segments already here"),
            ),
            ("replace", QCoreApplication.translate("RundownEditor", "Replace the whole rundown")),
        ]

    def extra_row(self, changed: Callable[[], None]) -> None:
        return None

    def loaded(self, table: Table) -> None:
        pass

    def options(self) -> dict[str, Any]:
        return {}

    def window_title(self) -> str:
        return QCoreApplication.translate("RundownEditor", "Import a rundown")

    def choose_text(self) -> str:
        return QCoreApplication.translate("RundownEditor", "Choose a CSV or Excel file…")

    def file_filter(self) -> str:
        return QCoreApplication.translate(
            "RundownEditor", "Rundowns (*.csv *.xlsx *.txt);;All files (*)"
        )

    def label(self, field: str) -> str:
        return QCoreApplication.translate("RundownEditor", LABELS[field])

    def read(self, path: Path) -> Table:
        return read_table(path)

    def guess(self, headers: list[str]) -> dict[str, int]:
        return guess_mapping(headers)

    def plan(self, ef: EventFile, table: Table, mapping: dict[str, int]) -> ParsedRundown:
        return plan_rundown(table, mapping)

    def view(self, plan: ParsedRundown) -> PlanView:
        total = sum(int(s.get("duration_s", 0)) for s in plan.segments)
        summary = (
            QCoreApplication.translate("RundownEditor", "%1 segments · %2 planned · %3 errors")
            .replace("%1", str(len(plan.segments)))
            .replace("%2", duration_text(total))
            .replace("%3", str(len(plan.errors)))
        )
        preview = [{"line": n, **s} for n, s in zip(plan.lines, plan.segments, strict=True)]
        return PlanView(
            summary=summary,
            preview=preview[:200],
            errors=[{"line": n, "reason": reason_text(why)} for n, why in plan.errors],
            unmapped=plan.ignored,
            can_apply=bool(plan.segments),
        )

    def apply(self, ef: EventFile, bus: Bus, plan: ParsedRundown, mode: str) -> ImportResult:
        return apply_rundown(ef, bus, plan, mode or "append")

    def error_text(self, err: BaseException) -> str:
        return error_text(err)

    def done_text(self, result: ImportResult) -> str:
        return (
            QCoreApplication.translate("RundownEditor", "Imported %1 segments (%2 planned)")
            .replace("%1", str(result.count))
            .replace("%2", duration_text(result.planned_s))
        )
