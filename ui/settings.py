"""Per-machine settings (QSettings): recent files, language, window layout.

These belong to the studio PC, not to an event, so they never go into the event file. Tests point
QSettings' IniFormat user path at a temporary folder (see tests/ui/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    """Typed access to the few settings the shell keeps."""

    def __init__(self) -> None:
        self.qs = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Showday", "Showday"
        )

    # -- recent events ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        value = self.qs.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [Path(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: Path) -> list[Path]:
        path = path.resolve()
        files = [path] + [p for p in self.recent_files() if p != path]
        self.qs.setValue("recent/files", [str(p) for p in files[:MAX_RECENT]])
        return files[:MAX_RECENT]

    def remove_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != path.resolve() and p != path]
        self.qs.setValue("recent/files", [str(p) for p in files])

    def clear_recent(self) -> None:
        self.qs.setValue("recent/files", [])

    def last_event(self) -> Path | None:
        value = self.qs.value("recent/last", "")
        return Path(str(value)) if value else None

    def set_last_event(self, path: Path | None) -> None:
        self.qs.setValue("recent/last", str(path.resolve()) if path else "")

    # -- language -------------------------------------------------------------------------------

    def language(self) -> str | None:
        value = self.qs.value("ui/language", "")
        return str(value) if value else None

    def set_language(self, lang: str) -> None:
        self.qs.setValue("ui/language", lang)

    # -- window ---------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self.qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self.qs.setValue("window/geometry", value)

    def current_view(self) -> str | None:
        value = self.qs.value("window/view", "")
        return str(value) if value else None

    def set_current_view(self, view_id: str) -> None:
        self.qs.setValue("window/view", view_id)

    def sync(self) -> None:
        self.qs.sync()
