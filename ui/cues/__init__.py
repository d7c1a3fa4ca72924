"""Preflight and cue automation in the window: Setup sections Preflight (ui.cues.preflight_view),
Cues (the per-segment trigger editor and OSC in, ui.cues.triggers_view) and Cue log
(ui.cues.cue_log); the session's cue engine started per open event; a banner when the
scheduled T-60 / T-15 preflight finds failures.

Driving it from a test:

    setup = window.views["setup"]; setup.show_section(<"Preflight" as shown>)
    view = window.findChild(PreflightView)      # "preflightView": run_checks(), show_run(run),
                                                # table "preflightTable", fix buttons
                                                # "preflightFix-<check id>", checklist
    triggers = window.findChild(TriggersView)   # "cueTriggers": segment, when, action, target,
                                                # value, dest, add(), delete_selected()
    window.findChild(CueLogView)                # "cueLog"
    window.cues_feature.banner                  # the QToolBar "preflightBanner"
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QToolBar

from app.bus import CueFired, PreflightRan
from app.session import Session
from ui.cues import texts
from ui.cues.cue_log import CueLogView
from ui.cues.preflight_view import PreflightView
from ui.cues.triggers_view import TriggersView
from ui.show.chime import Chime

log = logging.getLogger(__name__)

__all__ = ["CueLogView", "CuesFeature", "PreflightView", "TriggersView", "install"]


class CuesFeature(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        setup = window.views["setup"]
        setup.add_session_section(
            lambda: QCoreApplication.translate("CuesFeature", "Preflight"),
            PreflightView,
            expand=True,
        )
        setup.add_session_section(
            lambda: QCoreApplication.translate("CuesFeature", "Cues"), TriggersView, expand=True
        )
        setup.add_session_section(
            lambda: QCoreApplication.translate("CuesFeature", "Cue log"), CueLogView, expand=True
        )
        self.banner = QToolBar(window)
        self.banner.setObjectName("preflightBanner")
        self.banner.setMovable(False)
        self.banner_text = QLabel()
        self.banner_text.setStyleSheet("color: #ff9c9c; font-weight: 700; padding: 4px;")
        self.banner.addWidget(self.banner_text)
        self.open_action = self.banner.addAction("", self.open_preflight)
        self.dismiss_action = self.banner.addAction("", self.banner.hide)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self.chime: Chime | None = None  # made at the first chime cue (loads Qt Multimedia)
        fixers = {}
        if (obs := getattr(window, "obs_feature", None)) is not None:
            fixers["connect_obs"] = obs.panel.open_connection_dialog
        if (lan := getattr(window, "lan_feature", None)) is not None:
            fixers["open_lan"] = lan.open_dialog
        fixers["import_guests"] = self.import_guests
        PreflightView.ui_fixers = fixers
        window.session_changed.connect(self.set_session)
        window.installEventFilter(self)
        self._retitle()

    def import_guests(self) -> None:
        """Preflight's fix for "no guest list imported": Setup › Guests and its import dialog."""
        from ui.door import GuestTable

        self.window.show_view("setup")
        self.window.views["setup"].show_section(QCoreApplication.translate("Main", "Guests"))
        table = self.window.findChild(GuestTable)
        if table is not None:
            table.open_import()

    def set_session(self, session: Session | None) -> None:
        self.banner.hide()
        if session is None:
            return
        bridge = self.window.bridge
        if bridge is not None:
            bridge.event.connect(self._on_event)

        def start() -> None:  # logs interrupted cues, binds OSC in: not on the GUI thread
            try:
                session.cues.start()
            except OSError as err:  # OSC in's port taken: cues still fire
                log.warning("OSC in not listening: %s", err)

        self.window.worker.run(start, context=self)

    def _on_event(self, event: object) -> None:
        if isinstance(event, CueFired) and event.entry.get("action") == "chime":
            if self.chime is None:
                self.chime = Chime(self)
                self.chime.set_enabled(True)
            self.chime.ring("warning")  # the cue's own chime, whatever the timer option
            return
        if not isinstance(event, PreflightRan) or not event.run["kind"].startswith("T-"):
            return
        fails = [r for r in event.run["results"] if r["status"] == "fail"]
        if not fails:
            self.banner.hide()
            return
        names = QCoreApplication.translate("CuesFeature", ", ").join(
            texts.check_name(r["id"]) for r in fails
        )
        self.banner_text.setText(
            QCoreApplication.translate(
                "CuesFeature", "Preflight {kind}: {count} failed — {names}"
            ).format(kind=event.run["kind"].replace("-", "−"), count=len(fails), names=names)
        )
        self.banner.show()

    def open_preflight(self) -> None:
        self.window.show_view("setup")
        self.window.views["setup"].show_section(
            QCoreApplication.translate("CuesFeature", "Preflight")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retitle()
        return False

    def _retitle(self) -> None:
        self.open_action.setText(QCoreApplication.translate("CuesFeature", "Open preflight"))
        self.dismiss_action.setText(QCoreApplication.translate("CuesFeature", "Dismiss"))


def install(window: Any) -> CuesFeature:
    feature = CuesFeature(window)
    window.cues_feature = feature
    return feature
