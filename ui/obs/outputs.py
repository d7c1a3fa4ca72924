"""Stream and record: start/stop buttons, ON AIR / REC with timecode, and stream health.

Start and stop go through the OBS worker like every command. A button is disabled from the
click until OBS reports the new state (or the command fails), so a second click cannot send a
second StartStream (OBS has crashed on that); stopping asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.obs import actions as a
from ui.i18n import Retranslating
from ui.obs.alerts import error_text
from ui.obs.link import ObsLink
from ui.theme import set_state
from ui.views.widgets import plain_label

# Health figure -> the warning kinds (app.obs.health) that colour it.
WARN_KINDS = {
    "kbps": ("no_data", "reconnecting"),
    "dropped": ("dropped",),
    "skipped": ("skipped",),
    "congestion": ("congestion",),
    "cpu": ("cpu",),
    "fps": ("fps",),
    "disk": ("disk",),
}


def _num(value: Any, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{float(value):,.{digits}f}"


class OutputsBox(Retranslating, QWidget):
    """The stream/record row and the health grid. `confirm(question) -> bool` asks before a
    stop (tests replace it)."""

    def __init__(self, link: ObsLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.pending: dict[str, bool] = {"stream": False, "record": False}
        self.confirm: Callable[[str], bool] = self._ask
        self._clicked_in: dict[str, str] = {}  # output -> its state when the button was clicked
        self._accepted: set[str] = set()  # accepted, waiting for OBS to report the new state

        self.stream_button = QPushButton()
        self.stream_button.setObjectName("streamButton")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordButton")
        self.on_air = plain_label("", "onAir")
        self.rec = plain_label("", "recIndicator")
        for w in (self.on_air, self.rec):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setMinimumWidth(100)  # two of them and their buttons fit a 300 px dock
        self.stream_button.clicked.connect(lambda: self._toggle("stream"))
        self.record_button.clicked.connect(lambda: self._toggle("record"))

        # Both grids reflow with the width (a narrow dock, a wide pop-out window): see _reflow.
        self.row = QGridLayout()
        self.row.setHorizontalSpacing(8)
        self.captions: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        for key in WARN_KINDS:
            self.captions[key] = plain_label("", "healthCaption")
            self.values[key] = plain_label("–", "healthValue")
        self._columns = 0
        self._reflow(2)  # the narrowest: a first layout must never set a wide minimum
        self.warnings = plain_label("", "healthWarnings")
        self.warnings.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addLayout(self.grid)
        layout.addWidget(self.warnings)
        link.state_changed.connect(lambda _s: self.refresh())
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_width(event.size().width())

    def fit_width(self, width: int) -> None:
        """7 columns wide, 4, 2, or (under 330 px) 2 with each output stacked on its own rows:
        "Start recording" beside "Not recording" does not fit a narrow dock."""
        self._reflow(7 if width >= 760 else 4 if width >= 380 else 2 if width >= 330 else 1)

    def _reflow(self, columns: int) -> None:
        """Lay the health figures out in `columns` columns; outputs on one row or two."""
        if columns == self._columns:
            return
        self._columns = columns
        for w in (self.stream_button, self.on_air, self.record_button, self.rec):
            self.row.removeWidget(w)
        one_row = columns == 7
        if columns == 1:  # button over indicator, stream then record
            for i, w in enumerate((self.stream_button, self.on_air, self.record_button, self.rec)):
                self.row.addWidget(w, i, 0)
        else:
            self.row.addWidget(self.stream_button, 0, 0)
            self.row.addWidget(self.on_air, 0, 1)
            self.row.addWidget(self.record_button, 0 if one_row else 1, 2 if one_row else 0)
            self.row.addWidget(self.rec, 0 if one_row else 1, 3 if one_row else 1)
        self.row.setColumnStretch(4 if one_row else 2, 1)
        self.row.setColumnStretch(2 if one_row else 4, 0)
        columns = max(2, columns)  # the health figures: two columns at the least
        for i, key in enumerate(WARN_KINDS):
            self.grid.removeWidget(self.captions[key])
            self.grid.removeWidget(self.values[key])
            r, c = divmod(i, columns)
            self.grid.addWidget(self.captions[key], 2 * r, c)
            self.grid.addWidget(self.values[key], 2 * r + 1, c)

    # -- actions ---------------------------------------------------------------------------------

    def _toggle(self, output: str) -> None:
        s = self.link.state
        if self.pending[output] or s.get("status") != "connected":
            return
        active = s.get("stream_state" if output == "stream" else "record_state") != "stopped"
        if active:
            question = (
                self.tr("Stop the stream? Viewers will see the stream end.")
                if output == "stream"
                else self.tr("Stop the recording?")
            )
            if not self.confirm(question):
                return
            command: a.Command = a.StopStream() if output == "stream" else a.StopRecord()
        else:
            command = a.StartStream() if output == "stream" else a.StartRecord()
        self.pending[output] = True
        self._clicked_in[output] = self._state_of(output)
        self.refresh()
        self.link.submit(
            command,
            on_done=lambda _r: self._settled(output),
            on_error=lambda err: self._failed(output, command, err),
        )

    def _settled(self, output: str) -> None:
        # Accepted. The state event saying "starting"/"stopping" may still be on its way (it is
        # queued behind this answer): stay disabled until the state moves, 3 s at most.
        if self._state_of(output) != self._clicked_in.get(output):
            self.pending[output] = False
        else:
            self._accepted.add(output)
            QTimer.singleShot(3000, lambda: self._release(output))
        self.refresh()

    def _release(self, output: str) -> None:
        if output in self._accepted:
            self._accepted.discard(output)
            self.pending[output] = False
            self.refresh()

    def _state_of(self, output: str) -> str:
        return str(self.link.state.get(f"{output}_state", "stopped"))

    def _failed(self, output: str, command: a.Command, err: BaseException) -> None:
        self.pending[output] = False
        self.refresh()
        self.link.command_failed.emit(error_text(err))

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Confirm"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- showing ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        captions = {
            "kbps": self.tr("Bitrate"),
            "dropped": self.tr("Dropped"),
            "skipped": self.tr("Skipped"),
            "congestion": self.tr("Congestion"),
            "cpu": self.tr("OBS CPU"),
            "fps": self.tr("FPS"),
            "disk": self.tr("Free disk"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.refresh()

    def refresh(self) -> None:
        s = self.link.state
        for output in list(self._accepted):
            if self._state_of(output) != self._clicked_in.get(output):
                self._accepted.discard(output)
                self.pending[output] = False
        connected = s.get("status") == "connected"
        for output, button in (("stream", self.stream_button), ("record", self.record_button)):
            state = str(s.get(f"{output}_state", "stopped"))
            busy = self.pending[output] or state in ("starting", "stopping")
            button.setEnabled(connected and not busy)
            if state == "starting":
                text = self.tr("Starting…")
            elif state == "stopping":
                text = self.tr("Stopping…")
            elif state != "stopped":
                text = self.tr("Stop stream") if output == "stream" else self.tr("Stop recording")
            else:
                text = self.tr("Start stream") if output == "stream" else self.tr("Start recording")
            button.setText(text)
            set_state(button, "live" if connected and state not in ("stopped",) else "")

        streaming, recording = connected and s.get("streaming"), connected and s.get("recording")
        self.on_air.setText(
            self.tr("ON AIR {tc}").format(tc=_tc(s.get("stream_timecode")))
            if streaming
            else self.tr("Off air")
        )
        set_state(self.on_air, "live" if streaming else "off")
        paused = s.get("record_state") == "paused"
        self.rec.setText(
            (self.tr("REC paused {tc}") if paused else self.tr("REC {tc}")).format(
                tc=_tc(s.get("record_timecode"))
            )
            if recording
            else self.tr("Not recording")
        )
        set_state(self.rec, "live" if recording else "off")
        self._show_health(s.get("health") or {} if connected else {})

    def _show_health(self, h: dict[str, Any]) -> None:
        kinds = {w.get("kind") for w in h.get("warnings", [])}
        cong = h.get("congestion")
        disk = h.get("disk_mb")
        texts = {
            "kbps": self.tr("{n} kb/s").format(n=_num(h.get("kbps"))) if h.get("kbps") else "–",
            "dropped": f"{_num(h.get('dropped_pct'), 1)} %"
            if h.get("dropped_pct") is not None
            else "–",
            "skipped": f"{_num(h.get('skipped_pct'), 1)} %" if h else "–",
            "congestion": f"{_num(100 * cong)} %" if cong is not None else "–",
            "cpu": f"{_num(h.get('cpu'), 1)} %" if h else "–",
            "fps": _num(h.get("fps"), 1) if h else "–",
            "disk": self.tr("{n} GB").format(n=_num(disk / 1024, 1)) if disk else "–",
        }
        for key, value in self.values.items():
            value.setText(texts[key])
            set_state(value, "warn" if kinds & set(WARN_KINDS[key]) else "")
        lines = [self._warning_text(w) for w in h.get("warnings", [])]
        self.warnings.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings.setVisible(bool(lines))

    def _warning_text(self, w: dict[str, Any]) -> str:
        texts = {
            "dropped": self.tr("Frames are being dropped: the network cannot keep up."),
            "skipped": self.tr("Frames are being skipped: the computer cannot keep up."),
            "congestion": self.tr("The network is congested."),
            "reconnecting": self.tr("The stream is reconnecting."),
            "no_data": self.tr("Streaming, but no data is leaving OBS."),
            "cpu": self.tr("OBS is using a lot of CPU."),
            "fps": self.tr("OBS renders fewer frames than it should."),
            "disk": self.tr("The disk is almost full for the recording."),
        }
        return texts.get(str(w.get("kind")), str(w.get("message", "")))


def _tc(timecode: Any) -> str:
    """OBS's "01:02:03.456" without the milliseconds."""
    return str(timecode or "00:00:00").split(".")[0]
