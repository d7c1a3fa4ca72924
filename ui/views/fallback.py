"""The Operator, Door, Moderator and Report tabs before their feature panels take over.

Each of these tabs shows a feature's panel (ui.show, ui.door, ui.qa, ui.report), built per event
through `set_body_factory` (ui.main installs them). This view is what the tab shows when there
is no panel to show: no event is open (a hint and the welcome screen's buttons), or the panel
failed to import or build (a plain sentence naming the view and pointing at the log, never a
traceback and never a blank tab).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.views.base import RoleView
from ui.views.widgets import plain_label
from ui.worker import Worker

TITLES = {
    "operator": QT_TRANSLATE_NOOP("FallbackView", "Operator"),
    "door": QT_TRANSLATE_NOOP("FallbackView", "Door"),
    "moderator": QT_TRANSLATE_NOOP("FallbackView", "Moderator"),
    "report": QT_TRANSLATE_NOOP("FallbackView", "Report"),
}


def log_file() -> str | None:
    """The file the root logger writes to (ui.main.setup_logging), if it has one."""
    for handler in reversed(logging.getLogger().handlers):  # the newest first
        if isinstance(handler, logging.FileHandler) and handler.baseFilename != os.devnull:
            return handler.baseFilename
    return None


class FallbackView(RoleView):
    """`FallbackView(view_id, worker)` for a view id in TITLES.

    Signals (the welcome screen's, shown while no event is open):
        new_requested: The user wants to create an event.
        open_requested: The user wants to choose an event file.
        demo_requested: The user wants the demo event.
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, view_id: str, worker: Worker, parent: QWidget | None = None) -> None:
        self.view_id = view_id  # before RoleView names the widget after it
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")
        self.message = plain_label()
        self.message.setObjectName("fallbackMessage")
        self.message.setWordWrap(True)
        self.detail = plain_label("", "hint")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton()
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        self.retry_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.retry_button.clicked.connect(lambda: self._build_body())  # e.g. a busy file

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        for b in (self.new_button, self.open_button, self.demo_button, self.retry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.message)
        column.addWidget(self.detail)
        column.addSpacing(8)
        column.addLayout(buttons)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(760)
        # Centred by stretches, not an alignment flag: an aligned box is held to its size hint,
        # and a wrapped sentence would lose its second line.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 6)
        row.addStretch(1)
        outer = QVBoxLayout(self.default_body)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addLayout(row)
        outer.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("FallbackView", TITLES[self.view_id])

    def failed(self) -> bool:
        """An event is open but its panel is missing (not installed, or it raised)."""
        return self.session is not None and self.body is None

    def body_changed(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        failed = self.failed()
        self.heading.setText(self.title())
        if failed:
            self.message.setText(
                self.tr(
                    "The {view} view could not be loaded. The other views keep working, and"
                    " everything confirmed so far is saved in the event file."
                ).format(view=self.title())
            )
            path = log_file()
            self.detail.setText(
                self.tr("Details are in the log: {path}").format(path=path)
                if path
                else self.tr("Details are in the log.")
            )
        else:
            self.message.setText(self.tr("No event is open. Create or open an event to start."))
            self.detail.setText("")
        self.detail.setVisible(failed)
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setVisible(not failed)
        self.retry_button.setVisible(failed and self.body_failed)  # a missing module stays so
        # The welcome screen's own words (and translations) for the same buttons.
        welcome = "WelcomeScreen"
        self.new_button.setText(QCoreApplication.translate(welcome, "New event…"))
        self.open_button.setText(QCoreApplication.translate(welcome, "Open event…"))
        self.demo_button.setText(QCoreApplication.translate(welcome, "Open the demo event"))
        self.retry_button.setText(self.tr("Try Again"))
