"""The status bar: the open event's name, and chips for the OBS link and the station server.

Chips are text plus colour (style sheet `QLabel#chip[state=...]`): off (grey), ok (green),
warn (amber), bad (red), live (red, streaming). They follow ObsStateChanged / LanStateChanged.
`show_obs_chip` is the one wording of the OBS chip: the built-in chip here and the clickable
one of ui.obs (which takes its place when the OBS feature is installed) both use it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.bus import LanStateChanged, ObsStateChanged
from ui.i18n import Retranslating
from ui.theme import OBS_CHIP_STATES, set_state
from ui.views.widgets import plain_label


def obs_status_text(status: str, seconds_left: int | None = None) -> str:
    """The OBS link's status in words ("Connected", "Disconnected — retrying in 3 s")."""
    if status == "retrying":
        if seconds_left is None or seconds_left <= 0:
            return QCoreApplication.translate("ObsLink", "Disconnected — retrying now")
        return QCoreApplication.translate(
            "ObsLink", "Disconnected — retrying in %n s", "", seconds_left
        )
    texts = {
        "connected": QCoreApplication.translate("ObsLink", "Connected"),
        "connecting": QCoreApplication.translate("ObsLink", "Connecting…"),
        "wrong_password": QCoreApplication.translate("ObsLink", "Wrong password"),
        "too_old": QCoreApplication.translate("ObsLink", "OBS too old"),
        "kicked": QCoreApplication.translate("ObsLink", "Kicked by OBS"),
    }
    return texts.get(status, QCoreApplication.translate("ObsLink", "Disconnected"))


def show_obs_chip(
    chip: QLabel, state: dict[str, Any], seconds_left: int | None = None, tooltip: str = ""
) -> None:
    """Word and colour `chip` for the OBS mirror `state` (app.obs.mirror): "OBS: Connected",
    "OBS: ● ON AIR" while streaming, "OBS: ● REC" while recording. `seconds_left`: the retry
    countdown (else the state's own `retry_in`)."""
    status = str(state.get("status", "disconnected"))
    if seconds_left is None and state.get("retry_in") is not None:
        seconds_left = int(state["retry_in"])
    colour = OBS_CHIP_STATES.get(status, "warn")
    text = QCoreApplication.translate("ObsChip", "OBS: {status}").format(
        status=obs_status_text(status, seconds_left)
    )
    if status == "connected" and state.get("streaming"):
        text, colour = QCoreApplication.translate("ObsChip", "OBS: ● ON AIR"), "live"
    elif status == "connected" and state.get("recording"):
        text = QCoreApplication.translate("ObsChip", "OBS: ● REC")
    chip.setText(text)
    chip.setToolTip(tooltip or str(state.get("error") or state.get("message") or ""))
    set_state(chip, colour)


class StatusBar(Retranslating, QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.event_name = plain_label("", "eventName")
        self.obs_chip = plain_label("", "chip")
        self.lan_chip = plain_label("", "chip")
        self.addWidget(self.event_name, 1)
        self.addPermanentWidget(self.obs_chip)
        self.addPermanentWidget(self.lan_chip)
        self._chips: dict[str, QWidget] = {"obs": self.obs_chip, "lan": self.lan_chip}
        self.obs_state: dict[str, Any] = {}
        self.lan_event: LanStateChanged | None = None
        self.retranslate()

    def add_chip(self, widget: QWidget) -> None:
        """Add a permanent widget to the right, before the OBS and LAN chips."""
        # Indexes count the normal widgets too: 1 is just after the event name.
        self.insertPermanentWidget(1, widget)

    def use_chip(self, kind: str, widget: QWidget) -> None:
        """Show a feature's own "obs" or "lan" chip (e.g. a clickable one from ui.obs) in place
        of the built-in one, which is hidden. Give it objectName "chip" to share the style."""
        old = {"obs": self.obs_chip, "lan": self.lan_chip}[kind]
        self._chips[kind] = widget
        self.removeWidget(old)
        old.hide()
        for chip in self._chips.values():  # re-add in order: OBS, then LAN, at the right end
            self.removeWidget(chip)
        for chip in self._chips.values():
            self.addPermanentWidget(chip)
            chip.show()

    def chip(self, kind: str) -> QWidget:
        """The chip shown for "obs" or "lan"."""
        return self._chips[kind]

    def set_event_name(self, name: str) -> None:
        self.event_name.setText(name)

    def on_obs(self, event: Any) -> None:
        if isinstance(event, ObsStateChanged):
            self.obs_state = dict(event.state)
            self._show_obs()

    def on_lan(self, event: Any) -> None:
        if isinstance(event, LanStateChanged):
            self.lan_event = event
            self._show_lan()

    def reset(self) -> None:
        """Back to 'not connected' / 'off' (the event was closed)."""
        self.obs_state = {}
        self.lan_event = None
        self._show_obs()
        self._show_lan()

    def retranslate(self) -> None:
        self._show_obs()
        self._show_lan()

    def _show_obs(self) -> None:
        show_obs_chip(self.obs_chip, self.obs_state)

    def _show_lan(self) -> None:
        ev = self.lan_event
        if ev is not None and ev.error:
            text, state = self.tr("LAN: error"), "bad"
        elif ev is not None and ev.running:
            text, state = self.tr("LAN: on"), "ok"
        else:
            text, state = self.tr("LAN: off"), "off"
        self.lan_chip.setText(text)
        self.lan_chip.setToolTip(ev.error or ev.url if ev is not None else "")
        set_state(self.lan_chip, state)
