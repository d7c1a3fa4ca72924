"""The welcome screen, shown while no event is open: new, open, demo, and recent events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslating
from ui.views.widgets import plain_label


class WelcomeScreen(Retranslating, QWidget):
    """Signals:
    new_requested: The user wants to create an event.
    open_requested: The user wants to choose an event file.
    demo_requested: The user wants the demo event.
    recent_requested: The user picked a recent event.
        arg: its path.
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.app_title = plain_label("Showday", "appTitle")
        self.tagline = plain_label("", "tagline")
        self.tagline.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QVBoxLayout()
        buttons.setSpacing(10)
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumWidth(300)
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.recent_title = plain_label("", "sectionTitle")
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)
        self.no_recent = plain_label("", "hint")
        recent = QVBoxLayout()
        recent.setSpacing(8)
        recent.addWidget(self.recent_title)
        recent.addWidget(self.no_recent)
        recent.addWidget(self.recent, 1)
        recent.addStretch(0)  # takes the space while the list is hidden

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(buttons)
        columns.addLayout(recent, 1)

        inner = QVBoxLayout()
        inner.addWidget(self.app_title)
        inner.addWidget(self.tagline)
        inner.addSpacing(24)
        inner.addLayout(columns, 1)
        box = QWidget()
        box.setLayout(inner)
        box.setMaximumWidth(1000)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        outer.addWidget(box, 6)
        outer.addStretch(1)
        self._paths: list[Path] = []
        self.retranslate()

    def set_recent(self, paths: list[Path], names: dict[Path, str] | None = None) -> None:
        """List recent events: the event's name (or the file's) over the file's path."""
        self._paths = list(paths)
        self.recent.clear()
        for p in paths:
            name = (names or {}).get(p) or p.stem
            item = QListWidgetItem(f"{name}\n{p}")
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def retranslate(self) -> None:
        self.tagline.setText(
            self.tr("Run of show, OBS, door check-in and live Q&A for your livestreamed event.")
        )
        self.new_button.setText(self.tr("New event…"))
        self.open_button.setText(self.tr("Open event…"))
        self.demo_button.setText(self.tr("Open the demo event"))
        self.recent_title.setText(self.tr("Recent events"))
        self.no_recent.setText(self.tr("Events you open will be listed here."))

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
