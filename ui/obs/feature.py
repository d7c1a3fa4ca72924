"""Wiring OBS control into the main window: one `ObsFeature` per window.

Per open event it starts the session's OBS services (`session.obs.start()`: the worker on the
session's bus, the sample recorder, the segment automation and the featured-question follower,
all composed by the core) and binds the link, chip, panel and alert fixes to that worker. The
panel sits in a dock the operator can float onto another screen;
the status-bar chip opens it (or the connection dialog when OBS was never set up).

Connects on its own when the event opens if "connect when Showday starts" is on, or when
`--obs HOST:PORT` was given (password from $SHOWDAY_OBS_PASSWORD, else the saved one).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMenu, QScrollArea

from app.alerts import Alerts
from app.obs.actions import CreateScene
from app.obs.setup import rundown_scenes
from app.obs.worker import ObsWorker
from app.session import Session
from ui import resume
from ui.obs.automation_box import AutomationBox
from ui.obs.connection import load_connection
from ui.obs.link import ObsChip, ObsLink
from ui.obs.panel import ObsPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ObsFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.worker: ObsWorker | None = None
        self.session: Session | None = None
        self.alerts: Alerts | None = None
        self.link = ObsLink(None, None, self)
        self.chip = ObsChip(self.link)
        self.panel = ObsPanel(self.link)
        self.dock = QDockWidget()
        self.dock.setObjectName("obsDock")
        scroll = QScrollArea()  # the panel's height must never push the window taller
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it reflows
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        self.scroll = scroll
        scroll.viewport().installEventFilter(self)  # the panel lays out for the visible width
        self.dock.setWidget(scroll)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._remember_visible)
        self.dock.topLevelChanged.connect(self._floated)
        self.panel.setup_finished.connect(self._setup_finished)
        self.chip.clicked.connect(self.open)
        window.status.use_chip("obs", self.chip)  # in place of the shell's plain chip
        self.menu = QMenu(window)
        self.show_panel = QAction(self.menu)
        self.show_panel.triggered.connect(self.open)
        self.connect_action = QAction(self.menu)
        self.connect_action.triggered.connect(self.panel.open_connection_dialog)
        self.setup_action = QAction(self.menu)
        self.setup_action.triggered.connect(self.run_setup)
        self.disconnect_action = QAction(self.menu)
        self.disconnect_action.triggered.connect(self.disconnect_obs)
        self.menu.addActions([self.show_panel, self.connect_action, self.setup_action])
        self.menu.addSeparator()
        self.menu.addAction(self.disconnect_action)
        window.actions_.insert_menu(self.menu)
        self.link.state_changed.connect(lambda _s: self._enable())
        self.link.state_changed.connect(self._remember)
        window.views["setup"].add_session_section(
            lambda: QCoreApplication.translate("ObsFeature", "OBS automation"), AutomationBox
        )
        self.launch = window.launch_obs
        if self.launch is not None:
            window.consumed_options.add("obs")
        window.session_changed.connect(self.set_session)
        window.installEventFilter(self)
        window.quit_notes.append(self._quit_note)
        # After "quit during the show?" was answered.
        window.closing.connect(lambda: self._teardown())
        self._retitle()

    def open(self) -> None:
        conn = load_connection(self.window.settings)
        if self.worker is not None and self.link.status == "disconnected" and not conn.password:
            self.panel.open_connection_dialog()
            return
        self._show_dock()
        self.dock.raise_()

    def set_session(self, session: Session | None) -> None:
        self._teardown()
        if session is None:
            self.dock.hide()
            return
        self.session = session
        self.worker = session.obs.start()
        asked = self.link.connect_pending  # the operator connected before opening the event
        self.link.rebind(self.worker, self.window.bridge)
        if self.window.bridge is not None:
            self.window.bridge.lan.connect(self.panel.on_lan)
        ef = session.ef
        self.alerts = session.alerts
        self.alerts.set_fixer("create_scene", lambda p: self.link.submit(CreateScene(p["scene"])))
        self.alerts.set_fixer("setup_obs", lambda _p: self.run_setup())
        self.panel.scenes_source = lambda done: self.window.worker.run(
            lambda: rundown_scenes(ef), on_done=done, context=self
        )

        if not asked:
            self._connect_on_start()
        if self.window.settings.obs_panel_visible():
            self._show_dock()
        self._enable()

    def run_setup(self) -> None:
        """ "Set up OBS for me" (menu, panel, an alert's fix): the panel lists the changes first."""
        self._show_dock()
        self.panel.run_setup()

    def _setup_finished(self, _report: dict[str, Any]) -> None:
        if self.alerts is not None:  # the sources the cues missed exist now
            self.alerts.resolve("source_missing", "sources_missing", "source_not_in_scene")

    def _show_dock(self) -> None:
        self.dock.show()
        if not self.dock.isFloating():  # room for two columns of scene buttons
            self.window.resizeDocks([self.dock], [440], Qt.Orientation.Horizontal)

    def _floated(self, floating: bool) -> None:
        """A floated dock keeps its docked width, often too narrow: give it room for two
        columns of scene buttons and the outputs side by side."""
        if floating:
            self.dock.resize(max(self.dock.width(), 460), max(self.dock.height(), 640))

    def _remember_visible(self, visible: bool) -> None:
        if self.worker is not None and not self.window.isHidden():  # not on close or event swap
            self.window.settings.set_obs_panel_visible(visible)

    def _connect_on_start(self) -> None:
        conn = load_connection(self.window.settings)
        was = resume.lan_address(resume.recall(self.window.settings, self._path(), "obs"))
        if self.launch is not None:
            host, port = self.launch
            password = os.environ.get("SHOWDAY_OBS_PASSWORD", conn.password)
            self.link.connect_to(host, port, password)
        elif conn.connect_on_start:
            self.link.connect_to(conn.host, conn.port, conn.password)
        elif was is not None:  # connected when this event was last closed, quit or crashed
            host, port = was
            password = os.environ.get("SHOWDAY_OBS_PASSWORD", conn.password)
            log.info("reconnecting to OBS at %s:%s, as it was", host, port)
            self.link.connect_to(host, port, password)

    def _quit_note(self) -> str:
        """What stops if Showday quits now (the main window's question)."""
        if self.link.status != "connected":
            return ""
        return QCoreApplication.translate(
            "ObsFeature",
            "Showday stops cueing OBS; OBS keeps its scene, stream and recording as they are.",
        )

    def _path(self) -> Any:
        session = self.window.session
        return session.path if session is not None else None

    def _remember(self, state: dict[str, Any]) -> None:
        """Connected: record where, so reopening this event connects again by itself."""
        if self.worker is not None and state.get("status") == "connected":
            where = f"{state.get('host')}:{state.get('port')}"
            if resume.recall(self.window.settings, self._path(), "obs") != where:
                resume.remember(self.window.settings, self._path(), "obs", where)

    def disconnect_obs(self) -> None:
        """The operator's Disconnect: this event no longer reconnects by itself."""
        resume.forget(self.window.settings, self._path(), "obs")
        self.link.disconnect_obs()

    def _teardown(self) -> None:
        if self.alerts is not None:
            self.alerts.set_fixer("create_scene", None)
            self.alerts.set_fixer("setup_obs", None)
            self.alerts = None
        self.panel.scenes_source = None
        if self.session is not None:
            self.session.obs.stop()  # quick; the session's close would do it too
        self.session = None
        self.worker = None
        self.link.rebind(None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.panel.fit_width(self.scroll.viewport().width())
        elif watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self._retitle()
        return False

    def _retitle(self) -> None:
        self.dock.setWindowTitle(QCoreApplication.translate("ObsFeature", "OBS"))
        self.menu.setTitle(QCoreApplication.translate("ObsFeature", "&OBS"))
        self.show_panel.setText(QCoreApplication.translate("ObsFeature", "OBS &Panel"))
        self.connect_action.setText(QCoreApplication.translate("ObsFeature", "&Connect to OBS…"))
        self.setup_action.setText(QCoreApplication.translate("ObsFeature", "&Set Up OBS for Me"))
        self.disconnect_action.setText(QCoreApplication.translate("ObsFeature", "&Disconnect"))
        self._enable()

    def _enable(self) -> None:
        has_event = self.worker is not None
        for action in (self.show_panel, self.connect_action):
            action.setEnabled(has_event)
        self.setup_action.setEnabled(self.link.status == "connected")
        self.disconnect_action.setEnabled(self.link.status not in ("disconnected", ""))


def install(window: Any) -> ObsFeature:
    """ui.main's feature hook: add the OBS chip, dock and per-event services to `window`."""
    feature = ObsFeature(window)
    window.obs_feature = feature
    return feature
