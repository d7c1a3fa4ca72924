"""The operator's alerts in the window's language, and the bar that lists them in the Operator
view (app.alerts keeps them; this only words and shows them).

    text = alert_text(code, params)          # "OBS has no scene “Break”."
    bar = AlertsBar(alerts_of(session.bus), bridge)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.alerts import Alerts
from app.bus import AlertsChanged
from app.obs.actions import ObsCommandError
from app.obs.link import RequestFailed
from app.obs.worker import ObsNotConnected
from ui.bridge import QtBridge
from ui.theme import set_state
from ui.views.widgets import plain_label

ALERTS_QSS = """
QFrame#alert { background: #4a1d1d; border: 1px solid #ff6b6b; border-radius: 6px; }
QLabel#alertText { color: #ffffff; font-weight: 600; }
QPushButton#alertDismiss { min-width: 28px; max-width: 28px; }
"""
SHOWN = 3  # the newest few; a long list would push the clock off screen


def alert_text(code: str, params: dict[str, Any]) -> str:
    """An alert, or an error code from app.obs.actions, worded for the operator."""
    p = {k: str(v) for k, v in params.items()}
    if code == "cue_failed" and isinstance(params.get("error"), dict):
        from ui.cues import texts as cue_texts  # the cue's failure in this language

        p["detail"] = cue_texts.cue_result_text(params["error"], p.get("detail", ""))
        p["action"] = cue_texts.action_names().get(p.get("action", ""), p.get("action", ""))
    if code == "sources_missing":  # a list, joined the way the language does
        p["sources"] = QCoreApplication.translate("Alerts", ", ").join(
            str(s) for s in params.get("sources") or []
        )
    texts = {
        "scene_missing": QCoreApplication.translate(
            "Alerts", "OBS has no scene “{scene}”: the segment could not switch to it."
        ),
        "source_missing": QCoreApplication.translate("Alerts", "OBS has no source “{source}”."),
        "sources_missing": QCoreApplication.translate(
            "Alerts",
            "OBS lacks Showday's sources ({sources}): no lower third or question on stream.",
        ),
        "source_not_in_scene": QCoreApplication.translate(
            "Alerts", "“{source}” is in no OBS scene."
        ),
        "not_text_source": QCoreApplication.translate(
            "Alerts", "“{source}” in OBS is not a text source."
        ),
        "no_stream_server": QCoreApplication.translate(
            "Alerts",
            "OBS has no stream server set: the stream cannot start. "
            "In OBS, open Settings › Stream and enter the server and stream key.",
        ),
        "disk_full": QCoreApplication.translate(
            "Alerts", "The recording disk is full ({free_mb} MB free): OBS cannot record."
        ),
        "studio_mode_off": QCoreApplication.translate("Alerts", "Studio mode is off in OBS."),
        "obs_refused": QCoreApplication.translate("Alerts", "OBS refused {request}: {detail}"),
        "obs_failed": QCoreApplication.translate("Alerts", "OBS could not do it: {detail}"),
        "not_connected": QCoreApplication.translate("Alerts", "OBS is not connected."),
        "lan_not_reopened": QCoreApplication.translate(
            "Alerts",
            "The station server could not open again at {address}: phones cannot reach "
            "/ask or /door until it is open.",
        ),
        "cue_failed": QCoreApplication.translate(
            "Alerts", "A cue of “{segment}” failed ({action}): {detail}"
        ),
        "cues_missed": QCoreApplication.translate(
            "Alerts",
            "{count} cues were due while Showday was closed and were not fired late: "
            "see Setup › Cue log.",
        ),
    }
    template = texts.get(code, texts["obs_failed"])
    try:
        return template.format(**p)
    except (KeyError, IndexError):  # params missing: still say something useful
        return template.split("{")[0].rstrip(" (:") + "."


# The codes above that an OBS command's failure carries (a cue's result may be one of them).
OBS_CODES = frozenset(
    {
        "scene_missing",
        "source_missing",
        "sources_missing",
        "source_not_in_scene",
        "not_text_source",
        "no_stream_server",
        "disk_full",
        "studio_mode_off",
        "obs_refused",
        "obs_failed",
        "not_connected",
    }
)


def fix_text(fix: str, params: dict[str, Any]) -> str:
    if fix == "create_scene":
        return QCoreApplication.translate("Alerts", "Create scene “{scene}”").format(
            scene=params.get("scene", "")
        )
    if fix == "setup_obs":
        return QCoreApplication.translate("Alerts", "Set up OBS for me")
    if fix == "open_lan":
        return QCoreApplication.translate("Alerts", "Open to LAN…")
    return ""


def error_text(err: BaseException) -> str:
    """A command's failure (from its Future) in the operator's language."""
    if isinstance(err, ObsCommandError) and err.code:
        return alert_text(err.code, err.params)
    if isinstance(err, ObsNotConnected):
        return alert_text("not_connected", {})
    if isinstance(err, RequestFailed):
        return alert_text("obs_refused", {"request": err.request, "detail": err.comment})
    return alert_text("obs_failed", {"detail": str(err)})


class AlertsBar(QWidget):
    """The newest open alerts, each with its fix (when one can be carried out now) and a
    dismiss button. Hidden while there are none. No signals: it acts through `Alerts`."""

    def __init__(
        self, alerts: Alerts, bridge: QtBridge | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertsBar")
        self.setStyleSheet(ALERTS_QSS)
        self.alerts = alerts
        self.items: list[dict[str, Any]] = []
        self.rows: list[tuple[QFrame, Any, QPushButton, QPushButton]] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 6)
        self.box.setSpacing(4)
        if bridge is not None:
            bridge.event.connect(self._on_event)
        self.refresh(alerts.items())

    def _on_event(self, event: object) -> None:
        if isinstance(event, AlertsChanged):
            self.refresh(list(event.alerts))

    def refresh(self, items: list[dict[str, Any]] | None = None) -> None:
        if items is not None:
            self.items = items[:SHOWN]
        while len(self.rows) < len(self.items):
            self._add_row()
        for i, (frame, label, fix, dismiss) in enumerate(self.rows):
            frame.setVisible(i < len(self.items))
            if i >= len(self.items):
                continue
            alert = self.items[i]
            text = alert_text(alert["code"], alert.get("params") or {})
            if alert.get("count", 1) > 1:
                text += " " + QCoreApplication.translate("Alerts", "(×{n})").format(
                    n=alert["count"]
                )
            label.setText(text)
            fix.setText(fix_text(alert.get("fix", ""), alert.get("fix_params") or {}))
            fix.setVisible(self.alerts.can_fix(alert))
            fix.setProperty("alert_id", alert["id"])
            dismiss.setProperty("alert_id", alert["id"])
            dismiss.setToolTip(QCoreApplication.translate("Alerts", "Dismiss"))
        self.setVisible(bool(self.items))

    def _add_row(self) -> None:
        frame = QFrame()
        frame.setObjectName("alert")
        set_state(frame, "bad")
        label = plain_label("", "alertText")
        label.setWordWrap(True)
        fix = QPushButton()
        fix.setObjectName("alertFix")
        dismiss = QPushButton("×")
        dismiss.setObjectName("alertDismiss")
        fix.clicked.connect(lambda: self.alerts.fix(int(fix.property("alert_id"))))
        dismiss.clicked.connect(lambda: self.alerts.dismiss(int(dismiss.property("alert_id"))))
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(label, 1)
        row.addWidget(fix, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        self.box.addWidget(frame)
        self.rows.append((frame, label, fix, dismiss))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
