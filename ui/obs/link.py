"""The desktop's handle on the OBS worker: Qt signals for its state, and non-blocking commands.

`ObsLink` owns nothing: it calls `ObsWorker.connect/disconnect/submit` (which never block) and
turns `ObsStateChanged` from the bridge into Qt signals and a status text.
A command's Future completes on the worker thread; `submit(cmd, on_done, on_error)` hops back
to the GUI thread with a queued signal, so no widget ever waits on `future.result()`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.bus import ObsStateChanged
from app.obs.actions import Command
from app.obs.worker import ObsNotConnected, ObsWorker
from ui.bridge import QtBridge
from ui.obs.alerts import error_text
from ui.status_bar import obs_status_text as status_text
from ui.status_bar import show_obs_chip


class ObsLink(QObject):
    """Signals:
    state_changed: The OBS mirror changed.
        arg: the state dict (see app.obs.mirror).
    status_changed: The status text changed (also once a second while counting down).
        arg: the text, e.g. "Disconnected — retrying in 3 s".
    command_failed: OBS refused a command sent through `submit`, or it could not be sent.
        arg: what happened, in the operator's language (ui.obs.alerts.error_text).
        (Refusals of commands sent by the core, e.g. a segment's cue, are app.alerts alerts.)
    """

    state_changed = Signal(dict)
    status_changed = Signal(str)
    command_failed = Signal(str)

    # worker thread -> GUI thread: (callback, value)
    _deliver = Signal(object, object)

    def __init__(
        self,
        worker: ObsWorker | None,
        bridge: QtBridge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.bridge: QtBridge | None = None
        self.state: dict[str, Any] = worker.state() if worker is not None else {}
        self.text = ""
        self._pending_connect: tuple[str, int, str] | None = None
        self._retry_deadline: float | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_status)
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        if bridge is not None:
            self.attach(bridge)
        self._show_status()

    # -- wiring ----------------------------------------------------------------------------------

    def attach(self, bridge: QtBridge) -> None:
        """Follow this bridge's OBS events (the worker publishes on the bridge's bus)."""
        if self.bridge is not None:
            self.detach()
        self.bridge = bridge
        bridge.obs.connect(self._on_obs_event)
        self.apply_state(self.worker.state() if self.worker is not None else {})

    def rebind(self, worker: ObsWorker | None, bridge: QtBridge | None) -> None:
        """Follow another worker (an event was opened or closed); None shows "Disconnected"."""
        self.detach()
        self.worker = worker
        if bridge is not None:
            self.attach(bridge)
        else:
            self.apply_state(worker.state() if worker is not None else {})
        if worker is not None and self._pending_connect is not None:
            self.connect_to(*self._pending_connect)

    def detach(self) -> None:
        if self.bridge is not None:
            try:
                self.bridge.obs.disconnect(self._on_obs_event)
            except (RuntimeError, TypeError):  # the bridge is already gone
                pass
            self.bridge = None

    # -- commands (never block) ------------------------------------------------------------------

    def connect_to(self, host: str, port: int, password: str) -> None:
        """Connect now, or as soon as there is a worker (no event open yet)."""
        if self.worker is not None:
            self.worker.connect(host, port, password)
            self._pending_connect = None
        else:
            self._pending_connect = (host, port, password)

    @property
    def connect_pending(self) -> bool:
        """A connection was asked for before there was a worker to make it."""
        return self._pending_connect is not None

    def disconnect_obs(self) -> None:
        if self.worker is not None:
            self.worker.disconnect()

    def submit(
        self,
        command: Command,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Send `command`; `on_done(result)` / `on_error(exc)` run later on the GUI thread.
        Without `on_error`, a failure is reported through `command_failed`."""
        if self.worker is not None:
            future = self.worker.submit(command)
        else:
            future = Future()
            future.set_exception(ObsNotConnected(self.tr("Open an event to control OBS.")))

        def finished(f: Future[Any]) -> None:  # worker thread (or here, if it failed at once)
            err = f.exception()
            try:
                if err is None:
                    if on_done is not None:
                        self._deliver.emit(on_done, f.result())
                elif on_error is not None:
                    self._deliver.emit(on_error, err)
                else:
                    self._deliver.emit(lambda e: self.command_failed.emit(error_text(e)), err)
            except RuntimeError:  # the link was deleted meanwhile: nobody to tell
                pass

        future.add_done_callback(finished)
        return future

    @Slot(object, object)
    def _on_deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)

    # -- state -----------------------------------------------------------------------------------

    @Slot(object)
    def _on_obs_event(self, event: object) -> None:
        if isinstance(event, ObsStateChanged):
            self.apply_state(event.state)

    def apply_state(self, state: dict[str, Any]) -> None:
        retry_before = self.state.get("retry_in"), self.state.get("status")
        self.state = dict(state)
        status = str(state.get("status", "disconnected"))
        retry_in = state.get("retry_in")
        if status == "retrying" and retry_in is not None:
            if (retry_in, status) != retry_before or self._retry_deadline is None:
                self._retry_deadline = time.monotonic() + float(retry_in)
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._retry_deadline = None
            self._countdown.stop()
        self.state_changed.emit(self.state)
        self._show_status()

    @property
    def status(self) -> str:
        return str(self.state.get("status", "disconnected"))

    @property
    def message(self) -> str:
        return str(self.state.get("message") or "")

    def seconds_left(self) -> int | None:
        if self._retry_deadline is None:
            return None
        return max(0, math.ceil(self._retry_deadline - time.monotonic() - 0.05))

    def _show_status(self) -> None:
        text = status_text(self.status, self.seconds_left())
        if text != self.text:
            self.text = text
            self.status_changed.emit(text)

    def retranslate(self) -> None:
        self.text = ""
        self._show_status()


class ObsChip(QLabel):
    """A status-bar chip: "OBS: Connected" etc., coloured by state; a click emits `clicked`
    (the shell opens the connection dialog or the panel)."""

    clicked = Signal()

    def __init__(self, link: ObsLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chip")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.link = link
        link.status_changed.connect(lambda _t: self.refresh())
        link.state_changed.connect(lambda _s: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        tip = self.link.message or self.tr("Click to set up the connection to OBS")
        show_obs_chip(self, self.link.state, self.link.seconds_left(), tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.link.retranslate()
            self.refresh()
        super().changeEvent(event)
