"""Per-machine settings (QSettings): recent files, language, window layout, where OBS is, the
door station's name, the stage display's options. The one way the desk reads and writes them:
nothing else opens QSettings, so every key has one name, one type and one default.

These belong to the studio PC, not to an event, so they never go into the event file. Tests point
QSettings' IniFormat user path at a temporary folder (see tests/ui/conftest.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
OBS_HOST = "127.0.0.1"
OBS_PORT = 4455  # obs-websocket 5's default


@dataclass(frozen=True)
class ObsConnection:
    """Where OBS is. The password is only handed to the OBS worker: never logged or shown."""

    host: str = OBS_HOST
    port: int = OBS_PORT
    password: str = ""
    connect_on_start: bool = False

    def __repr__(self) -> str:  # a repr in a log or traceback must not carry the password
        return (
            f"ObsConnection(host={self.host!r}, port={self.port}, password='***', "
            f"connect_on_start={self.connect_on_start})"
        )

    __str__ = __repr__


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

    # -- sound --------------------------------------------------------------------------------

    def sound_output(self) -> str:
        """The audio output for chimes and door beeps (a QAudioDevice id, hex); '' = default.
        Not the default when OBS's Desktop Audio streams the default output."""
        return str(self.qs.value("sound/output", "") or "")

    def set_sound_output(self, device_id: str) -> None:
        self.qs.setValue("sound/output", device_id)

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

    def _flag(self, key: str, default: bool = False) -> bool:
        value = self.qs.value(key, default)
        return value if isinstance(value, bool) else str(value).lower() == "true"

    def _set_flag(self, key: str, on: bool) -> None:
        self.qs.setValue(key, "true" if on else "false")

    # -- OBS ------------------------------------------------------------------------------------

    def obs_connection(self) -> ObsConnection:
        try:
            port = int(str(self.qs.value("obs/port", OBS_PORT)))
        except ValueError:
            port = OBS_PORT
        return ObsConnection(
            host=str(self.qs.value("obs/host", OBS_HOST) or OBS_HOST),
            port=port if 0 < port < 65536 else OBS_PORT,
            password=str(self.qs.value("obs/password", "") or ""),
            connect_on_start=self._flag("obs/connect_on_start"),
        )

    def set_obs_connection(self, conn: ObsConnection) -> None:
        self.qs.setValue("obs/host", conn.host)
        self.qs.setValue("obs/port", conn.port)
        self.qs.setValue("obs/password", conn.password)
        self._set_flag("obs/connect_on_start", conn.connect_on_start)
        self.qs.sync()

    def obs_panel_visible(self) -> bool:
        return self._flag("obs/panel_visible")

    def set_obs_panel_visible(self, visible: bool) -> None:
        self._set_flag("obs/panel_visible", visible)

    # -- door and stage -------------------------------------------------------------------------

    def door_station(self) -> str:
        """The name this computer checks guests in under ("" until one is chosen)."""
        return str(self.qs.value("door/station", "") or "")

    def set_door_station(self, name: str) -> None:
        self.qs.setValue("door/station", name)

    def stage_hide_negative(self) -> bool:
        return self._flag("show/hide_negative")

    def set_stage_hide_negative(self, on: bool) -> None:
        self._set_flag("show/hide_negative", on)

    def stage_chime(self) -> bool:
        return self._flag("show/chime")

    def set_stage_chime(self, on: bool) -> None:
        self._set_flag("show/chime", on)

    # -- what was on per event (ui.resume) ------------------------------------------------------

    def resume_value(self, key: str) -> str:
        return str(self.qs.value(key, "") or "")

    def set_resume_value(self, key: str, value: str | None) -> None:
        """Written through at once (`None` removes it): a crash right after must not lose it."""
        if value is None:
            self.qs.remove(key)
        else:
            self.qs.setValue(key, value)
        self.qs.sync()
