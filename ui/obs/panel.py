"""The operator's OBS panel: scene buttons, studio mode, stream/record, health, "Set up OBS".

It only renders the worker's mirror: a scene created, renamed or removed in OBS shows up here
because the mirror follows it. A click sends a command through `ObsLink.submit` (never waits);
the highlight moves when OBS confirms, not before, so the panel never shows a wish as a fact.

    link = ObsLink(obs_worker, bridge)
    panel = ObsPanel(link, bridge)          # bridge: for the station server's address
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.bus import LanStateChanged
from app.lan.server import DEFAULT_PORT
from app.obs import actions as a
from app.obs.setup import SetUpObs, plan
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.obs.alerts import error_text
from ui.obs.connection import ObsConnectionDialog, load_connection, save_connection
from ui.obs.link import ObsLink
from ui.obs.outputs import OutputsBox
from ui.obs.setup_dialog import SetupPlanDialog
from ui.theme import set_state
from ui.views.widgets import plain_label

MAX_COLUMNS = 4  # scene buttons per row in a wide panel; fewer when narrow
PANEL_QSS = """
QPushButton#sceneButton { min-height: 64px; font-size: 15pt; font-weight: 600;
    border: 2px solid #3a404c; border-radius: 8px; background: #262a33; padding: 6px 10px; }
QPushButton#sceneButton:hover { border-color: #6b7894; }
QPushButton#sceneButton[state="program"] { background: #7a1414; border-color: #ff3b3b;
    color: #ffffff; }
QPushButton#sceneButton[state="preview"] { background: #11472a; border-color: #2fbf71;
    color: #ffffff; }
QPushButton#sceneButton:disabled { color: #6b7280; }
QPushButton#transitionButton { min-height: 44px; font-weight: 700; }
QPushButton[state="live"] { background: #7a1414; border: 1px solid #ff3b3b; color: #ffffff; }
QLabel#onAir, QLabel#recIndicator { border-radius: 6px; padding: 6px 12px; font-weight: 700;
    background: #262a33; color: #7b8494; }
QLabel#onAir[state="live"], QLabel#recIndicator[state="live"] { background: #c41414;
    color: #ffffff; }
QLabel#healthCaption { color: #9aa3b2; }
QLabel#healthValue { font-size: 14pt; font-weight: 600; }
QLabel#healthValue[state="warn"] { color: #ffd66b; }
QLabel#healthWarnings { color: #ffd66b; }
QLabel#obsStatus { font-size: 13pt; font-weight: 600; }
QLabel#obsStatus[state="ok"] { color: #7ef0ad; }
QLabel#obsStatus[state="warn"] { color: #ffd66b; }
QLabel#obsStatus[state="bad"] { color: #ff9c9c; }
QFrame#obsSection { border-top: 1px solid #2c313b; }
"""


ScenesSource = Callable[[Callable[[list[str]], None]], None]


class ObsPanel(Retranslating, QWidget):
    """Besides the link's signals:
    setup_finished: "Set up OBS for me" finished.
        arg: its report (app.obs.setup.SetUpObs).

    `scenes_source(callback)` (set by the OBS feature) reads the rundown's scene names off the
    GUI thread and calls `callback(names)`; without it the setup makes only the overlays.
    """

    setup_finished = Signal(dict)

    def __init__(
        self, link: ObsLink, bridge: QtBridge | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("obsPanel")
        self.setStyleSheet(PANEL_QSS)
        self.link = link
        self.lan_url = ""  # the station server's address while it runs
        self.scene_buttons: list[QPushButton] = []
        self.columns = MAX_COLUMNS
        self.setup_report: dict[str, Any] | None = None
        self.last_error = ""
        self._setup_pending = False
        self.scenes_source: ScenesSource | None = None
        self.plan_dialog: SetupPlanDialog | None = None

        self.title = plain_label("", "sectionTitle")
        self.status = plain_label("", "obsStatus")
        self.message = plain_label("", "hint")
        self.message.setWordWrap(True)
        self.connection_button = QPushButton()
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("setupObsButton")
        self.studio = QCheckBox()
        self.studio.setObjectName("studioMode")
        self.transition = QPushButton()
        self.transition.setObjectName("transitionButton")
        self.error = plain_label("", "error")
        self.error.setWordWrap(True)
        self.report = plain_label("", "hint")
        self.report.setWordWrap(True)

        top = QHBoxLayout()  # two rows, so a narrow dock still shows everything
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        self.tools = QGridLayout()  # side by side, or stacked in a narrow dock (fit_width)
        self.tools.setColumnStretch(2, 1)
        self.narrow: bool | None = None

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.empty = plain_label("", "hint")

        studio_row = QHBoxLayout()
        studio_row.addWidget(self.studio)
        studio_row.addStretch(1)
        studio_row.addWidget(self.transition)

        self.outputs = OutputsBox(link)
        line = QFrame()
        line.setObjectName("obsSection")
        line.setFixedHeight(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(self.tools)
        layout.addWidget(self.message)
        layout.addWidget(self.grid_host)
        layout.addWidget(self.empty)
        layout.addLayout(studio_row)
        layout.addWidget(line)
        layout.addWidget(self.outputs)
        layout.addWidget(self.error)
        layout.addWidget(self.report)
        layout.addStretch(1)

        # 1-9 switch scenes while the panel (or a child) has focus.
        self.scene_keys: list[QAction] = []
        for n in range(1, 10):
            act = QAction(self)
            act.setShortcut(QKeySequence(str(n)))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _c=False, i=n - 1: self.select_index(i))
            self.addAction(act)
            self.scene_keys.append(act)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.studio.clicked.connect(self._toggle_studio)
        self.transition.clicked.connect(self._transition)
        self.setup_button.clicked.connect(self.run_setup)
        self.connection_button.clicked.connect(self.open_connection_dialog)
        link.state_changed.connect(lambda _s: self.refresh())
        link.status_changed.connect(lambda _t: self._show_status())
        link.command_failed.connect(self._on_failed)
        if bridge is not None:
            bridge.lan.connect(self.on_lan)
        self.fit_width(self.width())
        self.retranslate()

    # -- actions ---------------------------------------------------------------------------------

    def select_index(self, index: int) -> None:
        scenes = self.link.state.get("scenes") or []
        if 0 <= index < len(scenes):
            self.select_scene(str(scenes[index]))

    def select_scene(self, name: str) -> None:
        """Program in normal mode; preview in studio mode (then Transition)."""
        self.error.clear()
        self.link.submit(
            a.SelectScene(name),
            on_error=lambda err: self._on_failed(
                self.tr("Could not switch to “{scene}”: {why}").format(
                    scene=name, why=error_text(err)
                )
            ),
        )

    def _toggle_studio(self) -> None:
        self.error.clear()
        self.link.submit(a.SetStudioMode(self.studio.isChecked()))
        self.studio.setChecked(bool(self.link.state.get("studio_mode")))  # OBS decides

    def _transition(self) -> None:
        self.error.clear()
        self.link.submit(a.Transition())

    def open_connection_dialog(self) -> ObsConnectionDialog:
        """Edit host/port/password (per-user settings); OK saves and connects."""
        dialog = ObsConnectionDialog(load_connection(), self)

        def accepted() -> None:
            conn = dialog.value()
            save_connection(conn)
            self.link.connect_to(conn.host, conn.port, conn.password)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def base_url(self) -> tuple[str, bool]:
        """(station server address, whether it is running)."""
        if self.lan_url:
            return self.lan_url, True
        return f"http://127.0.0.1:{DEFAULT_PORT}", False

    def run_setup(self) -> None:
        """Show what the setup will create for this rundown; run it when the operator agrees."""
        if self.scenes_source is None:
            self._confirm_setup([])
        else:
            self.scenes_source(self._confirm_setup)

    def _confirm_setup(self, scenes: list[str]) -> None:
        dialog = SetupPlanDialog(plan(scenes, list(self.link.state.get("scenes") or [])), self)
        dialog.accepted.connect(lambda: self._start_setup(tuple(scenes)))
        self.plan_dialog = dialog
        dialog.open()

    def _start_setup(self, scenes: tuple[str, ...]) -> None:
        url, running = self.base_url()
        self._setup_pending = True
        self.setup_button.setEnabled(False)
        self.report.setText(self.tr("Setting up OBS…"))
        self.link.submit(
            SetUpObs(base_url=url, scenes=scenes),
            on_done=lambda r: self._setup_done(r, running),
            on_error=self._setup_failed,
        )

    def _setup_done(self, report: dict[str, Any], lan_running: bool) -> None:
        self.setup_report = report
        self._setup_pending = False
        self.refresh()
        lines = [self.tr('OBS is set up: scene "{scene}".').format(scene=report["scene"])]
        for key, label in (
            ("created", self.tr("Created: {names}")),
            ("repaired", self.tr("Repaired: {names}")),
            ("ok", self.tr("Already fine: {names}")),
            ("scenes_created", self.tr("Scenes created: {names}")),
            ("nested", self.tr("Overlays added to: {names}")),
        ):
            if report.get(key):
                lines.append(label.format(names=", ".join(report[key])))
        for skipped in report.get("skipped", []):
            lines.append(
                self.tr("Skipped {name}: {reason}").format(
                    name=skipped["name"], reason=self._reason(str(skipped["reason"]))
                )
            )
        if not lan_running:
            lines.append(
                self.tr(
                    "The overlays need the station server: open Showday to the LAN, then run "
                    "this again so OBS gets its address."
                )
            )
        self.report.setText("\n".join(lines))
        self.setup_finished.emit(report)

    def _reason(self, reason: str) -> str:
        """The core's reasons (app.obs.setup) in the operator's language."""
        if "no browser source" in reason:
            return self.tr("this OBS has no browser source (install the obs-browser plugin)")
        if match := re.match(r"a (\S+) source (already )?has this name", reason):
            return self.tr("a {kind} source already has this name").format(kind=match[1])
        return reason

    def _setup_failed(self, err: BaseException) -> None:
        self._setup_pending = False
        self.refresh()
        self.report.clear()
        self._on_failed(error_text(err))

    def _on_failed(self, text: str) -> None:
        """A command from this panel failed; `text` is already in the operator's language.
        (Refusals of the show's own cues are alerts in the Operator view, not shown here.)"""
        self.last_error = text
        self.error.setText(text)

    def on_lan(self, event: object) -> None:
        if isinstance(event, LanStateChanged):
            self.lan_url = event.url if event.running else ""

    # -- showing ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("OBS"))
        self.connection_button.setText(self.tr("Connection…"))
        self.setup_button.setText(self.tr("Set up OBS for me"))
        self.setup_button.setToolTip(
            self.tr(
                "Creates the scenes your rundown names and a “Showday overlays” scene (lower "
                "third, question, overlays) shown on top of each; it lists the changes first."
            )
        )
        self.studio.setText(self.tr("Studio mode"))
        self.transition.setText(self.tr("Transition ▶"))
        self.empty.setText(self.tr("No scenes: connect to OBS to see its scenes here."))
        for i, act in enumerate(self.scene_keys, start=1):
            act.setText(self.tr("Scene {n}").format(n=i))
        self.link.retranslate()
        self.refresh()

    def _show_status(self) -> None:
        self.status.setText(self.link.text)
        state = {"connected": "ok", "disconnected": "off"}.get(self.link.status, "warn")
        if self.link.status in ("wrong_password", "kicked", "too_old"):
            state = "bad"
        set_state(self.status, state)
        message = self.link.message if self.link.status != "connected" else ""
        if self.link.worker is None:
            message = self.tr("Open an event to control OBS; the connection starts then.")
        self.message.setText(message)
        self.message.setVisible(bool(self.message.text()))

    def refresh(self) -> None:
        s = self.link.state
        connected = s.get("status") == "connected"
        # While OBS is away the last known scenes stay, greyed and unlit: the operator keeps
        # the layout, and nothing claims to know what is on air.
        scenes = [str(x) for x in s.get("scenes") or []]
        self._build_buttons(scenes)
        program, preview = s.get("program"), s.get("preview")
        studio = bool(s.get("studio_mode")) and connected
        for i, (button, name) in enumerate(zip(self.scene_buttons, scenes, strict=True)):
            label = name.replace("&", "&&")  # a scene "Q&A" must not become a mnemonic
            button.setText(f"{i + 1}  {label}" if i < 9 else label)
            button.setToolTip(name)
            button.setProperty("scene", name)
            state = "program" if connected and name == program else ""
            if studio and name == preview and name != program:
                state = "preview"
            set_state(button, state)
            button.setEnabled(connected)
        self.empty.setVisible(not scenes)
        self.studio.setEnabled(connected)
        self.studio.setChecked(studio)
        self.transition.setVisible(studio)
        self.transition.setEnabled(studio and bool(preview))
        self.setup_button.setEnabled(connected and not self._setup_pending)
        self._show_status()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_width(event.size().width())

    def fit_width(self, width: int) -> None:
        """Lay out for `width` pixels: scene columns, the tool buttons side by side or stacked.
        The OBS dock calls it with its visible width: the panel's own width cannot shrink
        below its minimum, which the layout for a wider panel had set (it was clipped)."""
        columns = max(1, min(MAX_COLUMNS, (width - 32) // 120))
        if columns != self.columns:
            self.columns = columns
            for i, button in enumerate(self.scene_buttons):
                self.grid.removeWidget(button)
                self.grid.addWidget(button, i // columns, i % columns)
        self.outputs.fit_width(width - 32)  # the panel's margins
        narrow = width < 400
        if narrow != self.narrow:
            self.narrow = narrow
            self.tools.removeWidget(self.connection_button)
            self.tools.removeWidget(self.setup_button)
            self.tools.addWidget(self.connection_button, 0, 0)
            self.tools.addWidget(self.setup_button, 1 if narrow else 0, 0 if narrow else 1)

    def _build_buttons(self, scenes: list[str]) -> None:
        """Reuse buttons; add or remove only what the scene count needs."""
        while len(self.scene_buttons) > len(scenes):
            button = self.scene_buttons.pop()
            self.grid.removeWidget(button)
            button.deleteLater()
        while len(self.scene_buttons) < len(scenes):
            i = len(self.scene_buttons)
            button = QPushButton()
            button.setObjectName("sceneButton")
            # Ignored: a long scene name never makes the panel wider than its dock (it elides
            # under the button; the tooltip has it whole).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(90)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys 1-9 stay with the panel
            button.clicked.connect(
                lambda _c=False, b=button: self.select_scene(str(b.property("scene")))
            )
            self.grid.addWidget(button, i // self.columns, i % self.columns)
            self.scene_buttons.append(button)
