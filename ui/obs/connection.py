"""Where OBS is: host, port, password, "connect on start" — per-user settings, never the event.

The values are read and written through `ui.settings.Settings` (keys `obs/...`). The password is only handed to the OBS worker; it is never logged, never shown in a
status text and never written to the event file.
"""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslating
from ui.settings import OBS_PORT, ObsConnection, Settings
from ui.views.widgets import plain_label


def load_connection(settings: Settings | None = None) -> ObsConnection:
    return (settings or Settings()).obs_connection()


def save_connection(conn: ObsConnection, settings: Settings | None = None) -> None:
    (settings or Settings()).set_obs_connection(conn)


class ObsConnectionDialog(Retranslating, QDialog):
    """Edit where OBS is. `accepted` means: save and (re)connect; the caller does both."""

    def __init__(self, conn: ObsConnection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("obsConnectionDialog")
        self.intro = plain_label("", "hint")
        self.intro.setWordWrap(True)
        self.host = QLineEdit(conn.host)
        self.host.setObjectName("obsHost")
        # A line edit, not a spin box: typed, never spun by a stray wheel, and a button-less
        # QSpinBox under the studio style sheet drew its text field 1 px wide.
        self.port = QLineEdit(str(conn.port))
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.port.setObjectName("obsPort")
        self.port.setMaxLength(5)
        self.password = QLineEdit(conn.password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("obsPassword")
        self.show_password = QCheckBox()
        self.show_password.toggled.connect(
            lambda on: self.password.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.connect_on_start = QCheckBox()
        self.connect_on_start.setChecked(conn.connect_on_start)
        self.error = plain_label("", "error")
        self.error.setWordWrap(True)

        self.form = QFormLayout()
        self.labels = [plain_label() for _ in range(3)]  # texts set in retranslate()
        for label, field in zip(self.labels, (self.host, self.port, self.password), strict=True):
            self.form.addRow(label, field)
        self.form.addRow("", self.show_password)
        self.form.addRow("", self.connect_on_start)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to OBS"))
        self.intro.setText(
            self.tr(
                "In OBS, open Tools > WebSocket Server Settings, enable the server and copy "
                "its port and password here. The password stays on this computer."
            )
        )
        for label, text in zip(
            self.labels, (self.tr("Host"), self.tr("Port"), self.tr("Password")), strict=True
        ):
            label.setText(text)
        self.show_password.setText(self.tr("Show password"))
        self.connect_on_start.setText(self.tr("Connect when Showday starts"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Connect"))

    def value(self) -> ObsConnection:
        return ObsConnection(
            host=self.host.text().strip(),
            port=self.port_value() or OBS_PORT,
            password=self.password.text(),
            connect_on_start=self.connect_on_start.isChecked(),
        )

    def port_value(self) -> int | None:
        text = self.port.text().strip()
        return int(text) if text.isdigit() and 0 < int(text) < 65536 else None

    def _accept(self) -> None:
        host = self.host.text().strip()
        if not host or any(c.isspace() for c in host) or "/" in host:
            self.error.setText(self.tr("Enter the computer OBS runs on, e.g. 127.0.0.1."))
            self.host.setFocus()
            return
        if self.port_value() is None:
            self.error.setText(
                self.tr("Enter OBS's WebSocket port, 1–65535 (4455 unless changed in OBS).")
            )
            self.port.setFocus()
            return
        self.accept()
