"""A QR code drawn with QPainter (qrcode gives the matrix; no image library needed), and the
dialog that shows a pairing code until the phone has used it."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.bus import StationsChanged
from app.lan.netinfo import is_loopback_url
from app.lan.server import LanController
from app.lan.stations import Pairing, PairingError, get_station
from app.timeutil import hhmm, parse_iso
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error


def qr_matrix(text: str) -> list[list[bool]]:
    qr = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(text)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


class QrWidget(QWidget):
    """Black modules on white, square, scaled to the widget; the quiet zone is part of it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.matrix: list[list[bool]] = []
        self.setMinimumSize(QSize(240, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.setAccessibleName(text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(320, 320)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        side = min(self.width(), self.height())
        n = len(self.matrix)
        x0 = (self.width() - side) / 2
        y0 = (self.height() - side) / 2
        p.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        if n:
            cell = side / n
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("black"))
            for r, row in enumerate(self.matrix):
                for c, dark in enumerate(row):
                    if dark:
                        # +0.5 px overlap: no hairline gaps between modules when scaled.
                        p.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell + 0.5, cell + 0.5))
        p.end()


class LoopbackWarning(Retranslating, QLabel):
    """Shown under a QR code or an address that only this computer can open (127.0.0.1):
    said plainly, since a phone that scans it gets nothing. Hidden for any other address."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lanWarning")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #ffd66b; font-weight: 600;")
        self.set_url(url)

    def set_url(self, url: str) -> None:
        self.setVisible(is_loopback_url(url))
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            self.tr(
                "Warning: this address works on this computer only. Phones that scan this "
                "code cannot reach Showday. Open the LAN on the venue network first "
                "(LAN › Open to LAN…)."
            )
        )


class PairingDialog(Retranslating, QDialog):
    """Shows the QR code for one pairing, its expiry (clock time and countdown) and says when it
    was used. "New code" (objectName "pairingRenew") gives the same station a fresh code in one
    click, on `worker` (never on the GUI thread); the old code stops working. `renewed` fires with the new URL.
    """

    renewed = Signal(str)

    def __init__(
        self,
        controller: LanController,
        pairing: Pairing,
        url: str,
        bridge: QtBridge | None = None,
        parent: QWidget | None = None,
        *,
        worker: Worker,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pairing = pairing
        self.url = url
        self.worker = worker
        self.paired = False
        self.qr = QrWidget(url)
        self.heading = plain_label("", "viewTitle")
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.link = plain_label(url)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link.setWordWrap(True)
        self.countdown = plain_label()
        self.loopback = LoopbackWarning(url)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.renew_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.renew_button.setObjectName("pairingRenew")
        self.renew_button.setAutoDefault(False)  # Enter must not void a code about to be scanned
        self.renew_button.clicked.connect(self.renew)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.link)
        layout.addWidget(self.loopback)
        layout.addWidget(self.countdown)
        layout.addWidget(self.buttons)
        self._own_bridge = bridge is None
        self.bridge = bridge or QtBridge(controller.bus, self)
        self.bridge.lan.connect(self._on_lan)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        self.resize(420, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pair a station"))
        self.renew_button.setText(self.tr("New code"))
        self.renew_button.setToolTip(
            self.tr("A fresh code for this station, valid 15 minutes; the old one stops working")
        )
        self.heading.setText(self.tr("Scan to pair: %1").replace("%1", self.pairing.name))
        if self.pairing.role == "stage":  # LAN › Pair a stage screen: the URL is on the clipboard
            hint = self.tr(
                "The address below is copied: open it once in the stage screen's browser (or "
                "scan this code). It pairs that screen, so it shows your messages to the "
                "speaker. The code works once."
            )
        else:
            hint = self.tr(
                "Open the phone's camera and scan this code. The phone must be on the same "
                "network as this computer. The code works once."
            )
        self.hint.setText(hint)
        self._tick()

    def seconds_left(self) -> int:
        left = parse_iso(self.pairing.expires_at) - datetime.now().astimezone()
        return max(0, int(left.total_seconds()))

    def _tick(self) -> None:
        self.renew_button.setEnabled(not self.paired)
        if self.paired:
            self.countdown.setText(self.tr("Paired. This window closes by itself."))
            return
        left = self.seconds_left()
        if left <= 0:
            self.countdown.setText(self.tr("This code has expired: “New code” makes another."))
            self.qr.setEnabled(False)
            self.qr.set_text("")
            self.timer.stop()
        else:
            at = hhmm(self.pairing.expires_at)
            self.countdown.setText(
                self.tr("Valid until %1 (%2 left)")
                .replace("%1", at)
                .replace("%2", f"{left // 60}:{left % 60:02d}")
            )

    def renew(self) -> None:
        """A fresh code for the same station (it was not paired yet)."""
        controller, station_id = self.controller, self.pairing.station_id
        self.renew_button.setEnabled(False)
        self.worker.run(
            lambda: controller.renew_station(station_id),
            self._renewed,
            self._renew_failed,
            context=self,
        )

    def _renewed(self, result: tuple[Pairing, str]) -> None:
        self.pairing, self.url = result
        if self.pairing.role == "stage":  # the hint says the address is on the clipboard
            QGuiApplication.clipboard().setText(self.url)
        self.qr.set_text(self.url)
        self.qr.setEnabled(True)
        self.link.setText(self.url)
        self.timer.start(1000)
        self._tick()
        self.renewed.emit(self.url)

    def _renew_failed(self, err: BaseException) -> None:
        if isinstance(err, PairingError):  # paired or revoked meanwhile
            text = self.tr("This station is already paired or was revoked: add a new one.")
        else:
            text = describe_error(err)
        self.countdown.setText(text)
        self.renew_button.setEnabled(not self.paired)

    def _on_lan(self, event: Any) -> None:
        if not isinstance(event, StationsChanged) or self.paired:
            return
        st = get_station(self.controller.ef, self.pairing.station_id)
        if st is not None and st.paired:
            self.paired = True
            self._tick()
            QTimer.singleShot(1500, self.accept)

    def done(self, result: int) -> None:  # noqa: D102 (Qt API)
        self.timer.stop()
        if self._own_bridge:
            self.bridge.close()
        else:
            # The shared bridge outlives this dialog: stop listening once it is closed.
            with contextlib.suppress(RuntimeError, TypeError):
                self.bridge.lan.disconnect(self._on_lan)
        super().done(result)
