""" "Open to LAN": choose the interface and port, open or close the station server.

Detecting addresses and starting the server both run off the GUI thread; the result comes back
as LanStateChanged through the bridge. The venue network is chosen by default once detected
(virtual adapters are never offered); "this computer only" carries a plain warning. A busy or
reserved port shows the server's message and a button to use the free port it found. Once open,
a ReachBox checks that phones can reach the server and offers the fix (the Windows Firewall
rule). A standing note tells the operator that staff traffic crosses the venue network
unencrypted."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.bus import LanStateChanged
from app.lan.server import DEFAULT_PORT, LanController, detect_lan_addresses, url_host
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.lan.reach_box import Checker, Fixer, ReachBox
from ui.theme import set_state
from ui.views.widgets import plain_label

# The message's colour by state (the shared style sheet only colours status-bar chips).
MESSAGE_STYLES = {
    "ok": "color: #7ef0ad; font-weight: 600;",
    "warn": "color: #ffd66b;",
    "bad": "color: #ff9c9c; font-weight: 600;",
    "off": "",
}
LOOPBACK = "127.0.0.1"
ALL = "0.0.0.0"


class _Detector(QObject):
    """Finds this computer's LAN addresses on a helper thread (a hostname lookup can be slow)."""

    found = Signal(list)

    def run(self) -> None:  # helper thread
        try:
            addresses = detect_lan_addresses()
        except OSError:
            addresses = []
        self.found.emit(addresses)


class LanDialog(Retranslating, QDialog):
    def __init__(
        self,
        controller: LanController,
        parent: QWidget | None = None,
        bridge: QtBridge | None = None,
        host: str | None = None,
        port: int | None = None,
        reach_check: Checker | None = None,
        firewall_fix: Fixer | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.addresses: list[str] = []
        self.busy = False
        self.wanted_host = host
        self.detected = False

        self.heading = plain_label("", "viewTitle")
        self.intro = plain_label()
        self.intro.setWordWrap(True)
        self.interface = QComboBox()
        self.interface.setMinimumWidth(360)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(port or DEFAULT_PORT)
        self.port_label = plain_label()
        self.iface_label = plain_label()
        # Said plainly under the choice: phones cannot open a loopback address.
        self.loopback_warning = plain_label("", "lanWarning")
        self.loopback_warning.setWordWrap(True)
        self.loopback_warning.setStyleSheet(MESSAGE_STYLES["warn"])
        self.interface.currentIndexChanged.connect(self._interface_changed)
        self.interface.activated.connect(self._picked)  # the operator's own choice only
        form = QFormLayout()
        form.addRow(self.iface_label, self.interface)
        form.addRow("", self.loopback_warning)
        form.addRow(self.port_label, self.port)

        self.message = plain_label("", "lanMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_port = QPushButton()
        self.use_port.hide()
        self.use_port.clicked.connect(self._use_suggested)
        self.reach = ReachBox(self, checker=reach_check, fixer=firewall_fix)
        self.reach.changed.connect(self._fit, Qt.ConnectionType.QueuedConnection)
        self.security = plain_label("", "hint")
        self.security.setWordWrap(True)

        self.open_button = QPushButton()
        self.open_button.setProperty("primary", True)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_server)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop_server)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_port)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.reach)
        layout.addStretch(1)
        layout.addWidget(self.security)
        layout.addLayout(buttons)
        self.resize(620, 480)

        self._own_bridge = bridge is None
        self.bridge = bridge or QtBridge(controller.bus, self)
        self.bridge.lan.connect(self._on_lan)
        self.retranslate()
        self._fill_interfaces([])
        # The helper thread reports through its own QObject (not the dialog's signal): if the
        # dialog is closed and deleted first, the queued connection simply goes away.
        self._detector = _Detector()
        self._detector.found.connect(self._found)
        threading.Thread(target=self._detector.run, name="lan-detect", daemon=True).start()
        if controller.running and controller.server is not None:
            self.port.setValue(controller.server.port)
            self.wanted_host = controller.server.host
            self._fill_interfaces([])
            self._show_running(controller.url)
            self._check_reach()

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open to LAN"))
        self.heading.setText(self.tr("Station server"))
        self.intro.setText(
            self.tr(
                "Phones and tablets at the door, the moderator and the audience reach Showday "
                "over the venue network. Choose the network to open it on."
            )
        )
        self.iface_label.setText(self.tr("Network"))
        self.loopback_warning.setText(
            self.tr(
                "Only this computer can open these pages: phones cannot, and a QR code with "
                "this address does not work for the audience. Choose the venue network for "
                "the door, the moderator and the audience."
            )
        )
        self.security.setText(
            self.tr(
                "Not encrypted: the pages travel over the venue network as plain HTTP, staff "
                "traffic included (door check-ins, moderation, control tokens), so anyone on "
                "the same Wi-Fi could read it. If the venue has a separate staff Wi-Fi, put "
                "this computer and the staff devices on it."
            )
        )
        self.port_label.setText(self.tr("Port"))
        self.open_button.setText(self.tr("Open"))
        self.stop_button.setText(self.tr("Close server"))
        self.close_button.setText(self.tr("Done"))
        self._fill_interfaces(self.addresses)
        self.reach.retranslate()
        self._update_buttons()
        err = self.controller.last_error
        if err is not None and err.suggested_port:
            self.use_port.setText(self.tr("Use port %1").replace("%1", str(err.suggested_port)))

    def _label(self, host: str) -> str:
        if host == LOOPBACK:
            return self.tr("%1 — this computer only (OBS browser sources)").replace("%1", host)
        if host == ALL:
            return self.tr("%1 — every network of this computer").replace("%1", host)
        return self.tr("%1 — venue network (phones can connect)").replace("%1", host)

    # -- interfaces ------------------------------------------------------------------------

    def _fill_interfaces(self, addresses: list[str], detected: bool = False) -> None:
        """List the venue addresses, then this computer only, then every network. Until the
        operator picks one, the venue network is chosen (loopback only when there is none)."""
        hosts = [*addresses, LOOPBACK, ALL]
        if self.wanted_host:
            current = self.wanted_host
        elif detected and not self.detected:
            current = hosts[0]  # first detection: the venue network, when there is one
        else:
            current = self.interface.currentData()
        self.addresses = list(addresses)
        self.detected = self.detected or detected
        if current not in hosts:
            current = hosts[0]
        self.interface.blockSignals(True)
        self.interface.clear()
        for host in hosts:
            self.interface.addItem(self._label(host), host)
        self.interface.setCurrentIndex(hosts.index(current))
        self.interface.blockSignals(False)
        self._interface_changed()

    def _found(self, addresses: list[str]) -> None:
        self._fill_interfaces(addresses, detected=True)

    def _picked(self, _index: int) -> None:
        self.wanted_host = self.selected_host()  # sticks when the addresses are listed again

    def _interface_changed(self, _index: int = -1) -> None:
        self.loopback_warning.setVisible(self.selected_host() == LOOPBACK)

    def selected_host(self) -> str:
        return str(self.interface.currentData() or LOOPBACK)

    # -- actions ---------------------------------------------------------------------------

    def open_server(self) -> None:
        self.wanted_host = self.selected_host()
        self.busy = True
        self.reach.clear()
        self.use_port.hide()
        self._say(self.tr("Opening…"), "warn")
        self._update_buttons()
        self.controller.start(self.selected_host(), self.port.value())

    def stop_server(self) -> None:
        self.reach.clear()
        self.busy = True
        self._say(self.tr("Closing…"), "warn")
        self._update_buttons()
        self.controller.stop()

    def _use_suggested(self) -> None:
        err = self.controller.last_error
        if err is not None and err.suggested_port:
            self.port.setValue(err.suggested_port)
        self.use_port.hide()

    def _on_lan(self, event: Any) -> None:
        if not isinstance(event, LanStateChanged):
            return
        self.busy = False
        if event.error:
            self._say(self.error_text(event.error), "bad")
            err = self.controller.last_error
            if err is not None and err.suggested_port:
                self.use_port.setText(self.tr("Use port %1").replace("%1", str(err.suggested_port)))
                self.use_port.show()
        elif event.running:
            self._show_running(event.url)
            self._check_reach()
        else:
            self.reach.clear()
            self._say(self.tr("The station server is closed."), "off")
        self._update_buttons()

    def error_text(self, fallback: str) -> str:
        """The controller's last error in the window's language (the core's text otherwise)."""
        err = self.controller.last_error
        if err is None:
            return fallback
        hint = bool(err.suggested_port)
        if err.kind == "busy" and hint:
            text = self.tr("Port %1 on %2 is already in use by another program. Try port %3.")
        elif err.kind == "busy":
            text = self.tr("Port %1 on %2 is already in use by another program.")
        elif err.kind == "reserved" and hint:
            text = self.tr(
                "Windows does not let Showday use port %1: another program holds it, or "
                "Windows reserves it (Hyper-V, WSL and Docker reserve port ranges). Try port %3."
            )
        elif err.kind == "reserved":
            text = self.tr(
                "Windows does not let Showday use port %1: another program holds it, or "
                "Windows reserves it (Hyper-V, WSL and Docker reserve port ranges)."
            )
        elif err.kind == "bad_address":
            text = self.tr("%2 is not an address of this computer (is the network connected?).")
        elif err.kind == "denied" and hint:
            text = self.tr(
                "Showday may not use port %1 (ports below 1024 need admin rights). Try port %3."
            )
        elif err.kind == "denied":
            text = self.tr("Showday may not use port %1 (ports below 1024 need admin rights).")
        else:
            return fallback
        return (
            text.replace("%1", str(err.port))
            .replace("%2", err.host)
            .replace("%3", str(err.suggested_port or ""))
        )

    def _show_running(self, url: str) -> None:
        self._say(self.tr("Open at %1").replace("%1", url), "ok")

    def _check_reach(self) -> None:
        server = self.controller.server
        if server is not None and self.controller.running:
            self.reach.check(url_host(server.host).strip("[]"), server.port)

    def _fit(self) -> None:
        """Grow to show every line of the wrapped texts (a box layout's minimum size counts
        one line per wrapped label; its height-for-width counts them all)."""
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
            if need > self.height():
                self.resize(self.width(), need)

    def _say(self, text: str, state: str) -> None:
        self.message.setText(text)
        set_state(self.message, state)
        self.message.setStyleSheet(MESSAGE_STYLES.get(state, ""))

    def _update_buttons(self) -> None:
        running = self.controller.running
        self.open_button.setEnabled(not self.busy)
        self.open_button.setText(self.tr("Reopen") if running else self.tr("Open"))
        self.stop_button.setEnabled(running and not self.busy)
        self.interface.setEnabled(not self.busy)
        self.port.setEnabled(not self.busy)

    def done(self, result: int) -> None:  # noqa: D102 (Qt API)
        if self._own_bridge:
            self.bridge.close()
        super().done(result)
