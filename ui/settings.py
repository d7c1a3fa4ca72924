"""Per-machine settings (QSettings): recent files, language, window layout.

These belong to the studio PC, not to an event, so they never go into the event file. Tests point
QSettings' IniFormat user path at a temporary folder (see tests/ui/conftest.py).
"""

from __future__ import annotations

import json
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

    def add_recent(self, path: Path, name: str = "") -> list[Path]:
        path = path.resolve()
        files = [path] + [p for p in self.recent_files() if p != path]
        self.qs.setValue("recent/files", [str(p) for p in files[:MAX_RECENT]])
        names = self._names()
        if name:
            names[str(path)] = name
        self._set_names({str(p): names[str(p)] for p in files[:MAX_RECENT] if str(p) in names})
        return files[:MAX_RECENT]

    def recent_name(self, path: Path) -> str:
        """The event's name when it was last opened ('' if unknown)."""
        return self._names().get(str(path), "")

    def remove_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != path.resolve() and p != path]
        self.qs.setValue("recent/files", [str(p) for p in files])

    def _names(self) -> dict[str, str]:
        value = self.qs.value("recent/names", "")
        try:
            names = json.loads(str(value)) if value else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {}

    def _set_names(self, names: dict[str, str]) -> None:
        self.qs.setValue("recent/names", json.dumps(names, ensure_ascii=False))

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
