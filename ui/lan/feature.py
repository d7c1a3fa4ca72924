"""Wiring the station server into the main window: one `LanFeature` per window.

Per open event it drives the session's `LanController` (`session.lan`: the server runs on its
own thread, serving with the session's show control and guest index; the session stops it when
the event closes). The status bar's LAN chip and the LAN menu open the dialog; Setup
gets the stations list; `--lan HOST:PORT` opens the server when the event opens. The audience QR
code (the `/ask` page) is a window the operator can put on the projector.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout, QWidget

from app.bus import LanStateChanged
from app.lan.reach import Reachability
from app.lan.reach import check as check_reach
from app.lan.server import LanController, url_host
from app.lan.stations import Pairing
from app.session import Session
from ui import resume
from ui.bridge import QtBridge
from ui.dialogs.messages import show_error
from ui.i18n import Retranslating
from ui.lan.dialog import LanDialog
from ui.lan.qr import LoopbackWarning, PairingDialog, QrWidget
from ui.lan.stations import StationsWidget
from ui.theme import set_state
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class AudienceQrDialog(Retranslating, QDialog):
    """A big QR code for the audience page, to show on the projector or a printed card."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.heading = plain_label("", "viewTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrWidget(url)
        self.qr.setMinimumSize(360, 360)
        self.address = plain_label(url, "hint")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loopback = LoopbackWarning(url)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.loopback)
        self.retranslate()
        self.resize(520, 600)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audience questions"))
        self.heading.setText(self.tr("Scan to ask a question · 扫码提问"))


class _Probe(QObject):
    """Carries a background reachability check's result to the GUI thread."""

    checked = Signal(object)  # app.lan.reach.Reachability


class LanFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._probe = _Probe(self)
        self._probe.checked.connect(self._reach_checked)
        self.window = window
        self.controller: LanController | None = None
        self.dialog: LanDialog | None = None
        self._bridge: QtBridge | None = None  # the bridge whose lan signal we listen to
        self._tearing_down = False  # a stop we cause by closing is not the operator's "off"
        self._reopening = ""  # "HOST:PORT" while reopening the server where it was
        self.launch = window.launch_lan
        if self.launch is not None:
            window.consumed_options.add("lan")

        self.menu = QMenu(window)
        self.open_action = QAction(self.menu)
        self.open_action.triggered.connect(self.open_dialog)
        self.qr_action = QAction(self.menu)
        self.qr_action.triggered.connect(self.show_audience_qr)
        self.copy_stage = QAction(self.menu)
        # The stage page shows the operator's messages only to a paired stage station, so the
        # menu pairs a screen (QR + copied one-time URL) rather than handing out a bare /stage.
        self.copy_stage.triggered.connect(self.pair_stage)
        self.stage_pairing: PairingDialog | None = None
        self.copy_overlays = QAction(self.menu)
        self.copy_overlays.triggered.connect(self._copy_overlays)
        self.menu.addActions([self.open_action, self.qr_action])
        self.menu.addSeparator()
        self.menu.addActions([self.copy_stage, self.copy_overlays])
        window.actions_.insert_menu(self.menu)

        chip = window.status.chip("lan")
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.installEventFilter(self)
        window.views["setup"].add_session_section(
            lambda: QCoreApplication.translate("LanFeature", "Stations"), self._stations
        )
        window.session_changed.connect(self.set_session)
        window.installEventFilter(self)
        window.quit_notes.append(self._quit_note)
        # After "quit during the show?" was answered.
        window.closing.connect(lambda: self._teardown(wait=True))
        self._retitle()

    # -- per event ------------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if session is None:
            self._teardown(wait=False)
        else:
            self._controller_for(session)

    def _controller_for(self, session: Session) -> LanController:
        """The controller of `session`, made on first ask (Setup may ask before we hear of it)."""
        if self.controller is session.lan:
            return self.controller
        self._teardown(wait=False)
        self.controller = session.lan
        bridge = self.window.bridge
        if bridge is not None and bridge is not self._bridge:
            bridge.lan.connect(self._on_lan)
            self._bridge = bridge
        if self.launch is not None:
            self.controller.start(*self.launch)  # reports through the bus; never blocks here
        elif address := resume.lan_address(self._recall()):
            # It was open when the event was last closed, quit or crashed: same address, port.
            log.info("reopening the station server on %s:%s, as it was", *address)
            self._reopening = f"{address[0]}:{address[1]}"
            self.controller.start(*address)
        session.alerts.set_fixer("open_lan", lambda _p: self.open_dialog())
        self._enable()
        return self.controller

    def _quit_note(self) -> str:
        """What stops if Showday quits now (the main window's question)."""
        if self.controller is None or not self.controller.running:
            return ""
        return QCoreApplication.translate(
            "LanFeature",
            "The station server ({url}) closes: phones, stations and the Stream Deck lose it "
            "until the event is open again.",
        ).format(url=self.controller.url)

    def _recall(self) -> str:
        session = self.window.session
        return resume.recall(self.window.settings, session.path if session else None, "lan")

    def _stations(self, session: Session, bridge: QtBridge, worker: Worker) -> QWidget:
        return StationsWidget(self._controller_for(session), bridge=bridge, worker=worker)

    def _teardown(self, wait: bool) -> None:
        self._tearing_down = True
        try:
            self._teardown_now(wait)
        finally:
            self._tearing_down = False

    def _teardown_now(self, wait: bool) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        if self.controller is not None:
            if wait:
                self.controller.shutdown()
            elif self.controller.running:
                self.controller.stop()  # on its own thread: switching events never waits
            self.controller = None
        self._enable()

    # -- actions -------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        if self.controller is None:
            return
        if self.dialog is None:
            self.dialog = LanDialog(self.controller, parent=self.window, bridge=self.window.bridge)
        self.dialog.show()
        self.dialog.raise_()

    def show_audience_qr(self) -> None:
        if self.controller is None or not self.controller.running:
            self.open_dialog()
            return
        AudienceQrDialog(self.controller.url.rstrip("/") + "/ask", self.window).show()

    def pair_stage(self) -> None:
        """A new stage station: its one-time pairing URL goes to the clipboard and shows as a QR."""
        controller = self.controller
        if controller is None or not controller.running:
            return
        name = QCoreApplication.translate("LanFeature", "Stage screen %1")

        def add() -> tuple[Pairing, str]:  # on the worker: numbered like Setup's "Door 2"
            n = 1 + sum(1 for s in controller.list_stations() if s.role == "stage")
            return controller.add_station("stage", name.replace("%1", str(n)))

        self.window.worker.run(
            add,
            lambda result: self._show_stage_pairing(controller, *result),
            lambda err: show_error(
                self.window,
                QCoreApplication.translate("LanFeature", "Cannot pair a stage screen"),
                describe_error(err),
            ),
            context=self,
        )

    def _show_stage_pairing(self, controller: LanController, pairing: Pairing, url: str) -> None:
        QGuiApplication.clipboard().setText(url)
        if self.stage_pairing is not None:
            self.stage_pairing.close()
        self.stage_pairing = PairingDialog(
            controller, pairing, url, self.window.bridge, self.window, worker=self.window.worker
        )
        self.stage_pairing.show()

    def _copy_overlays(self) -> None:
        if self.controller is not None and self.controller.running:
            base = self.controller.url.rstrip("/")
            pages = (
                "/overlay/timer",
                "/overlay/question",
                "/overlay/lower-third",
                "/overlay/ask-qr",
                "/overlay/poll",
                "/overlay/draw",
            )
            QGuiApplication.clipboard().setText("\n".join(base + p for p in pages))

    def _on_lan(self, event: Any) -> None:
        if isinstance(event, LanStateChanged):
            self._alert(event)
            self._remember(event)
            self._enable()
            if event.running and not event.error:
                self._probe_reach()

    def _probe_reach(self) -> None:
        """The server opened (from the dialog, --lan or a reopened event): check in the
        background that phones can reach it; if not, the LAN chip turns amber and says where
        to look (the dialog explains and fixes). The chip's text stays "LAN: on"."""
        server = self.controller.server if self.controller is not None else None
        if server is None:
            return
        host, port = url_host(server.host).strip("[]"), server.port
        probe = self._probe
        threading.Thread(
            target=lambda: probe.checked.emit(check_reach(host, port)),
            name="lan-reach-chip",
            daemon=True,
        ).start()

    def _reach_checked(self, result: Reachability) -> None:
        if self.controller is None or not self.controller.running or result.ok:
            return
        if result.url != self.controller.url:
            return  # an older check, for a server since reopened elsewhere
        chip = self.window.status.chip("lan")
        set_state(chip, "warn")
        chip.setToolTip(
            QCoreApplication.translate(
                "LanFeature",
                "Phones may not reach Showday at %1. Open LAN › Open to LAN… for why and the fix.",
            ).replace("%1", result.url)
        )

    def _alert(self, event: LanStateChanged) -> None:
        """Reopening the event could not open the server where it was (the venue network
        changed, the port is taken): the audience lost /ask, so the Operator view says so."""
        session, reopening, self._reopening = self.window.session, self._reopening, ""
        if session is None:
            return
        if event.running:
            session.alerts.resolve("lan_not_reopened")
        elif event.error and reopening:
            session.alerts.raise_alert("lan_not_reopened", {"address": reopening})

    def _remember(self, event: LanStateChanged) -> None:
        """Open: record where (for the next time this event opens). Closed by the operator:
        forget it. Closed because the event closes or Showday quits: keep it."""
        session, controller = self.window.session, self.controller

        if session is None or controller is None or self._tearing_down:
            return
        server = controller.server
        if event.running and server is not None:
            resume.remember(
                self.window.settings, session.path, "lan", f"{server.host}:{server.port}"
            )
        elif not event.running and not event.error:
            resume.forget(self.window.settings, session.path, "lan")

    # -- Qt plumbing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self._retitle()
        elif event.type() == QEvent.Type.MouseButtonRelease:  # the status-bar chip
            self.open_dialog()
            return True
        return False

    def _retitle(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("LanFeature", "LA&N"))
        self.open_action.setText(QCoreApplication.translate("LanFeature", "&Open to LAN…"))
        self.qr_action.setText(QCoreApplication.translate("LanFeature", "Audience &QR Code…"))
        self.copy_stage.setText(
            QCoreApplication.translate("LanFeature", "Pair a &Stage Screen (Copy Its Address)…")
        )
        self.copy_overlays.setText(
            QCoreApplication.translate("LanFeature", "Copy OBS &Overlay Addresses")
        )
        self._enable()

    def _enable(self) -> None:
        running = self.controller is not None and self.controller.running
        self.open_action.setEnabled(self.controller is not None)
        for action in (self.qr_action, self.copy_stage, self.copy_overlays):
            action.setEnabled(running)


def install(window: Any) -> LanFeature:
    """ui.main's feature hook: the LAN chip, menu, Setup stations and per-event server."""
    feature = LanFeature(window)
    window.lan_feature = feature
    return feature
