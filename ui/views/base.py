"""What every view shares: the open session, loading data off the GUI thread, retranslation,
and a feature's panel in place of the view's own content.

`RoleView` is a role's view (Setup, Fallback): it lives as long as the window and follows the
session that opens and closes. `SessionView` is a widget built for one open event (a Setup
section, a feature's panel) and deleted when it closes.

A view knows nothing about tabs or windows (the ViewHost places it) and nothing about SQLite (it
asks `app.queries` through the worker). It refreshes when the bridge reports a relevant event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStackedLayout, QWidget

from app.session import Session
from app.store import EventFile
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.worker import Worker

log = logging.getLogger(__name__)

BodyFactory = Callable[[Session, QtBridge, Worker], QWidget]


class TranslatedWidget(Retranslating, QWidget):
    """A widget that sets its texts again when the language changes (`retranslate()`)."""


class SessionView(TranslatedWidget):
    """Base of a widget built for one open event by a `BodyFactory` — a Setup section
    (`SetupView.add_session_section`) or a feature's panel — with `(session, bridge, worker)`.

    It keeps the three, sets its texts again on LanguageChange, and hands what the bridge signals
    named in `follows` emit to `on_event` for as long as it lives: the slot is a bound method of
    this QObject, so Qt drops the connection when the widget is deleted (a session section is
    deleted when its event closes), and a worker answer for a deleted view is dropped too.

    Construction: `build()` (the subclass makes its widgets), subscribe, `retranslate()`,
    `reload()`. A subclass runs its reads and commits with `run()`.

    Signals: none of its own (a subclass documents its own in its docstring).
    """

    follows: ClassVar[tuple[str, ...]] = ("event",)  # the QtBridge signals that reach on_event

    def __init__(
        self,
        session: Session,
        bridge: QtBridge | None,
        worker: Worker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.bridge, self.worker = session, bridge, worker
        self.build()
        if bridge is not None:
            for name in self.follows:
                getattr(self.bridge, name).connect(self.on_event)
        self.retranslate()
        self.reload()

    def build(self) -> None:
        """Make the widgets (the subclass's constructor: `session`, `bridge`, `worker` are set)."""

    def on_event(self, event: object) -> None:
        """An event arrived on one of the `follows` signals (on the GUI thread)."""

    def reload(self) -> None:
        """Read the view's data again (on the worker) and show it."""

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run `job` on the worker, its answer to `on_done`/`on_error` here while this view
        lives. False (and nothing runs) once the worker stopped: the window is closing."""
        if self.worker.stopped:
            return False
        self.worker.run(job, on_done=on_done, on_error=on_error, context=self)
        return True


class RoleView(TranslatedWidget):
    """Base of the role views (SetupView, FallbackView). Subclasses set `view_id`, build their
    widgets on `self.default_body`, and implement `title()`, `retranslate()` and `reload()`.

    A feature can take over a view's content with `set_body_factory` (e.g. the show panel in the
    Operator view): the view then shows the widget the factory builds for each open event. If
    the factory raises, `body_failed` is set and `default_body` shows instead (`body_changed()`
    lets a subclass say so).
    """

    view_id: str = ""  # a class attribute, or set per instance before RoleView.__init__

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"view-{self.view_id}")
        self.worker = worker
        self.session: Session | None = None
        self.bridge: QtBridge | None = None
        self._generation = 0  # bumps on every session change: late results of the old one drop
        self.loads = 0  # finished loads, for tests and the screenshot helper
        self._stack = QStackedLayout(self)
        self.default_body = QWidget()
        self._stack.addWidget(self.default_body)
        self._factory: BodyFactory | None = None
        self.body: QWidget | None = None  # the factory's widget for the open event
        self.body_failed = False  # the factory raised for the open event

    def title(self) -> str:
        raise NotImplementedError

    def focus_body(self) -> None:
        """Put the keyboard in the view when it is brought forward (Ctrl+1..5, a tab click), so
        its single keys (Space, A/R/F/D, typing at the door) work without a click first. A panel
        says where with setFocusProxy; focus already inside the view stays where it is."""
        target = self.body if self.body is not None else self
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Read the view's data again (on the worker) and show it."""

    def connect_bridge(self, bridge: QtBridge) -> None:
        """Subscribe to the bridge signals this view refreshes on."""

    def body_changed(self) -> None:
        """Called after the body was built or removed (`body`, `body_failed` are current)."""

    def set_body_factory(self, factory: BodyFactory | None) -> None:
        """Show `factory(session, bridge, worker)` instead of the default content while an event
        is open (built now if one is open, rebuilt per event, deleted when it closes). None
        goes back to the default content."""
        self._factory = factory
        self._build_body()
        if factory is None and self.session is not None:
            self.reload()

    def set_session(self, session: Session | None, bridge: QtBridge | None) -> None:
        self._generation += 1
        self.session = session
        self.bridge = bridge
        if bridge is not None:
            self.connect_bridge(bridge)
        self.clear()
        self._build_body()
        if session is not None and self._factory is None:
            self.reload()

    def _build_body(self) -> None:
        if self.body is not None:
            self._stack.removeWidget(self.body)
            self.body.deleteLater()
            self.body = None
        self.body_failed = False
        if self._factory is not None and self.session is not None and self.bridge is not None:
            try:
                self.body = self._factory(self.session, self.bridge, self.worker)
            except Exception:  # a broken feature must not stop the event from opening
                log.exception("%s: the feature's panel failed to build", self.view_id)
                self.body = None
                self.body_failed = True
        if self.body is not None:
            self._stack.addWidget(self.body)
            self._stack.setCurrentWidget(self.body)
        else:
            self._stack.setCurrentWidget(self.default_body)
            if self._factory is not None and self.session is not None:
                self.reload()
        self.body_changed()

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


def bridge_slot(view: RoleView, slot: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a bridge slot so it acts only while `view` still shows the bridge's session."""

    def relay(event: Any) -> None:
        if view.bridge is not None and view.session is not None:
            slot(event)

    return relay
