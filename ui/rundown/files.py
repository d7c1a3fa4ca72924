"""Rundown files from the editor: export to CSV/XLSX (the import's own headers, in the UI's
language), and import through the shared mapping dialog (ui.door.import_dialog)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog

from app.show.rundown import export_rundown

if TYPE_CHECKING:
    from ui.rundown.editor import RundownEditor


def export_to(editor: RundownEditor, path: Path) -> None:
    """Write the rundown to `path` (.xlsx, else CSV) on the worker; say so in the editor."""
    ef, lang = editor.session.ef, "zh" if QLocale().name().startswith("zh") else "en"

    def done(count: int) -> None:
        editor.notice(
            QCoreApplication.translate("RundownEditor", "Exported %1 segments to %2")
            .replace("%1", str(count))
            .replace("%2", path.name)
        )

    editor.worker.run(lambda: export_rundown(ef, path, lang), done, editor.show_error, editor)


def ask_export(editor: RundownEditor) -> None:
    name, chosen = QFileDialog.getSaveFileName(
        editor,
        QCoreApplication.translate("RundownEditor", "Export the rundown"),
        "rundown.xlsx",
        QCoreApplication.translate("RundownEditor", "Excel workbook (*.xlsx);;CSV (*.csv)"),
    )
    if name:
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        export_to(editor, path)
