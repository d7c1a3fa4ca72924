"""The panel's "Stage display" button: send the stage window full-screen to any screen, and the
display options (hide negative time, chime), remembered per computer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QToolButton

from ui.settings import Settings
from ui.show.stage_window import StageWindow

if TYPE_CHECKING:
    from ui.show.panel import ShowPanel


class StageMenu(QObject):
    def __init__(self, panel: ShowPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.window: StageWindow | None = None
        self.button = QToolButton(panel)
        self.button.setObjectName("stageButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(panel)
        self.menu.aboutToShow.connect(self._fill)
        self.button.setMenu(self.menu)
        self.settings = Settings()
        self.hide_negative = QAction(panel)
        self.hide_negative.setCheckable(True)
        self.hide_negative.setChecked(self.settings.stage_hide_negative())
        self.hide_negative.toggled.connect(self._set_hide_negative)
        self.chime = QAction(panel)
        self.chime.setCheckable(True)
        self.chime.toggled.connect(self._set_chime)
        self.chime.setChecked(self.settings.stage_chime())
        panel.chime.set_enabled(self.chime.isChecked())
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Stage display"))
        self.hide_negative.setText(self.tr("Hide negative time on stage"))
        self.chime.setText(self.tr("Chime at warning and at zero"))

    def _fill(self) -> None:
        """The screens are read when the menu opens: a projector plugged in a minute ago is there."""
        self.menu.clear()
        for i, screen in enumerate(QGuiApplication.screens(), start=1):
            g = screen.geometry()
            text = self.tr("Full screen on screen {n}: {name} ({w}×{h})").format(
                n=i, name=screen.name() or "?", w=g.width(), h=g.height()
            )
            self.menu.addAction(text, lambda s=screen: self.open_on(s))
        self.menu.addAction(self.tr("In a window"), lambda: self.open_on(None))
        close = self.menu.addAction(self.tr("Close the stage display"), self.close_stage)
        close.setEnabled(self.window is not None and self.window.isVisible())
        self.menu.addSeparator()
        self.menu.addAction(self.hide_negative)
        self.menu.addAction(self.chime)

    def open_on(self, screen: QScreen | None) -> StageWindow:
        if self.window is None:
            self.window = StageWindow(
                self.panel.bridge, self.panel.clock, self.panel.state, parent=self.panel
            )
            self.window.set_hide_negative(self.hide_negative.isChecked())
        else:
            self.window.show_state(self.panel.state)
        self.window.show_on(screen)
        return self.window

    def close_stage(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def follow(self, state: dict[str, Any]) -> None:
        """The panel's state, for a stage window opened without a bridge (tests, previews)."""
        if self.window is not None and self.panel.bridge is None:
            self.window.show_state(state)

    def _set_hide_negative(self, on: bool) -> None:
        self.settings.set_stage_hide_negative(on)
        if self.window is not None:
            self.window.set_hide_negative(on)

    def _set_chime(self, on: bool) -> None:
        self.settings.set_stage_chime(on)
        self.panel.chime.set_enabled(on)
