"""Rundown files from the editor: export to CSV/XLSX (the import's own headers, in the UI's
language), and import through the shared mapping dialog (ui.door.mapping_dialog)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from app.show.rundown import ImportResult, export_rundown
from ui.door.mapping_dialog import MappingImportDialog
from ui.event_files import ask_table_path
from ui.rundown.importer import RundownImporter

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
    title = QCoreApplication.translate("RundownEditor", "Export the rundown")
    path = ask_table_path(editor, title, "rundown.xlsx")
    if path is not None:
        export_to(editor, path)


def open_import(editor: RundownEditor, path: Path | None = None) -> MappingImportDialog:
    """Open the mapping dialog (reading `path` at once when given). After an import the undo
    history is cleared: its steps name segments an import may have replaced."""
    dialog = MappingImportDialog(
        editor.session, editor.worker, RundownImporter(), editor, path=path
    )

    def imported(result: ImportResult) -> None:
        editor.undo_stack.clear()
        editor.notice(
            QCoreApplication.translate("RundownEditor", "Imported %1 segments from %2")
            .replace("%1", str(result.count))
            .replace("%2", dialog.table.path.name if dialog.table and dialog.table.path else "")
        )
        editor.reload()

    dialog.imported.connect(imported)
    dialog.open()
    return dialog
