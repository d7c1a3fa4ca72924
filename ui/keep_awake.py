"""Keeps the display awake while the open event's show runs (app.keepawake does the holding).

Follows the window's session and its show events: held from Start until the show ends or the
event closes, also when an event is reopened with its show still running."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.bus import ShowStateChanged
from app.keepawake import KeepAwake
from app.session import Session

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RUNNING = ("running", "paused")


class KeepAwakeWatcher(QObject):
    def __init__(self, window: MainWindow, keeper: KeepAwake | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.keeper = keeper or KeepAwake()
        window.session_changed.connect(self.set_session)
        window.destroyed.connect(lambda *_: self.keeper.release())

    def set_session(self, session: Session | None) -> None:
        if session is None:
            self.keeper.release()
            return
        if self.window.bridge is not None:
            self.window.bridge.show.connect(self._on_show)
        self._follow(session.show.state().status)  # a quick read of the show log

    def _on_show(self, event: Any) -> None:
        if isinstance(event, ShowStateChanged):
            self._follow(str(event.state.get("status", "")))

    def _follow(self, status: str) -> None:
        if status in RUNNING:
            self.keeper.hold()
        else:
            self.keeper.release()


def install(window: MainWindow) -> KeepAwakeWatcher:
    watcher = KeepAwakeWatcher(window)
    window.keep_awake = watcher  # type: ignore[attr-defined]
    return watcher
