"""The desk side of polls and the lucky draw: Setup › Polls and the Polls & draw window
(Interaction menu, Ctrl+Shift+L, and a button in the Operator view), with the poll and draw
controls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QVBoxLayout

from app.session import Session
from ui.polls.panel import InteractionPanel
from ui.polls.setup import PollsSetup

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["InteractionPanel", "PollsSetup", "install"]


class PollsFeature(QObject):
    """Per window: the Setup section, the menu and the desk window (made per open event)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        window.views["setup"].add_session_section(
            lambda: QCoreApplication.translate("PollsFeature", "Polls"), PollsSetup, expand=True
        )
        self.menu = QMenu(window)
        self.action = QAction(self.menu)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.action.triggered.connect(self.open_desk)
        self.menu.addAction(self.action)
        window.actions_.insert_menu(self.menu)
        window.session_changed.connect(self._session_changed)
        window.installEventFilter(self)  # a live language switch re-words the menu and button
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("PollsFeature", "&Interaction"))
        self.action.setText(QCoreApplication.translate("PollsFeature", "Polls and lucky draw…"))
        if self.dialog is not None:
            self.dialog.setWindowTitle(
                QCoreApplication.translate("PollsFeature", "Polls and lucky draw")
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _session_changed(self, session: Session | None) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.action.setEnabled(session is not None)
        # The operator's panel (built per event) gets a button for the same action.
        body = self.window.views["operator"].body
        if session is not None and hasattr(body, "add_tool"):
            button = QToolButton()
            button.setObjectName("pollsDeskButton")
            button.setDefaultAction(self.action)
            body.add_tool(button)

    def open_desk(self) -> None:
        w = self.window
        if w.session is None or w.bridge is None:
            return
        if self.dialog is None:
            self.dialog = QDialog(w)
            self.dialog.setWindowTitle(
                QCoreApplication.translate("PollsFeature", "Polls and lucky draw")
            )
            layout = QVBoxLayout(self.dialog)
            layout.addWidget(InteractionPanel(w.session, w.bridge, w.worker))
            self.dialog.resize(1000, 620)
        self.dialog.show()
        self.dialog.raise_()


def install(window: MainWindow) -> None:
    window.polls_feature = PollsFeature(window)  # type: ignore[attr-defined]
