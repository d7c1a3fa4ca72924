"""What every role view shares: the open session, loading data off the GUI thread, retranslation.

A view knows nothing about tabs or windows (the ViewHost places it) and nothing about SQLite (it
asks `app.queries` through the worker). It refreshes when the bridge reports a relevant event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from app.session import Session
from app.store import EventFile
from ui.bridge import QtBridge
from ui.worker import Worker


class RoleView(QWidget):
    """Base of the five role views. Subclasses set `view_id`, build widgets, and implement
    `title()`, `retranslate()` and `reload()`."""

    view_id: ClassVar[str] = ""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"view-{self.view_id}")
        self.worker = worker
        self.session: Session | None = None
        self.bridge: QtBridge | None = None
        self._generation = 0  # bumps on every session change: late results of the old one drop
        self.loads = 0  # finished loads, for tests and the screenshot helper

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text again (called on LanguageChange)."""

    def reload(self) -> None:
        """Read the view's data again (on the worker) and show it."""

    def connect_bridge(self, bridge: QtBridge) -> None:
        """Subscribe to the bridge signals this view refreshes on."""

    def set_session(self, session: Session | None, bridge: QtBridge | None) -> None:
        self._generation += 1
        self.session = session
        self.bridge = bridge
        if bridge is not None:
            self.connect_bridge(bridge)
        self.clear()
        if session is not None:
            self.reload()

    def clear(self) -> None:
        """Show nothing (no event open)."""

    def load(self, query: Callable[[EventFile], Any], show: Callable[[Any], None]) -> None:
        """Run `query(ef)` on the worker and `show(result)` here, unless the event changed since."""
        if self.session is None:
            return
        ef, generation = self.session.ef, self._generation

        def done(result: Any) -> None:
            if generation == self._generation:
                show(result)
                self.loads += 1

        self.worker.run(lambda: query(ef), on_done=done, context=self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def bridge_slot(view: RoleView, slot: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a bridge slot so it acts only while `view` still shows the bridge's session."""

    def relay(event: Any) -> None:
        if view.bridge is not None and view.session is not None:
            slot(event)

    return relay
