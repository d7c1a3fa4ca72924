"""Setup view: the event's own details, and sections that other parts of Showday add.

Sections (the station server, OBS connection, importers, ...) plug in with `add_section`, so this
view never has to know about them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import queries
from app.bus import EventRenamed
from app.session import Session
from ui.bridge import QtBridge
from ui.views.base import BodyFactory, RoleView, bridge_slot
from ui.views.widgets import plain_label
from ui.worker import Worker

log = logging.getLogger(__name__)

Title = str | Callable[[], str]


class SetupView(RoleView):
    """Signals:
    renamed: The event's new name was committed to the file.
        arg: the new name.
    """

    view_id = "setup"
    renamed = Signal(str)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.returnPressed.connect(self.commit_name)
        self.name_edit.textChanged.connect(lambda _t: self._update_save())
        self.save_name = QPushButton()
        self.save_name.setProperty("primary", True)
        self.save_name.clicked.connect(self.commit_name)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name)
        self.venue = plain_label()
        self.starts = plain_label()
        self.path = plain_label()
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setWordWrap(True)
        self.version = plain_label()

        self.event_box = QGroupBox()
        self.form = QFormLayout(self.event_box)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.labels = [plain_label() for _ in range(5)]
        self.form.addRow(self.labels[0], name_row)
        self.form.addRow(self.labels[1], self.venue)
        self.form.addRow(self.labels[2], self.starts)
        self.form.addRow(self.labels[3], self.path)
        self.form.addRow(self.labels[4], self.version)

        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(12)
        self._sections: list[tuple[QGroupBox, Title]] = []
        self._session_sections: list[tuple[QGroupBox, BodyFactory]] = []

        content = QWidget()
        self._inner = inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addWidget(self.event_box)
        inner.addLayout(self.sections_layout)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.info: dict[str, Any] = {}
        self.retranslate()

    def title(self) -> str:
        return self.tr("Setup")

    # -- for other parts of Showday --------------------------------------------------------

    def add_section(self, title: Title, widget: QWidget) -> QGroupBox:
        """Add a titled section under the event details and return its box.

        `title` is a string, or a function returning the translated title: a function is called
        again whenever the language changes (pass e.g. `lambda: widget.tr("Station server")`)."""
        box = QGroupBox(title() if callable(title) else title)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(widget)
        self.sections_layout.addWidget(box)
        self._sections.append((box, title))
        return box

    def add_session_section(
        self, title: Title, factory: BodyFactory, expand: bool = False
    ) -> QGroupBox:
        """Add a section whose widget is made per open event: `factory(session, bridge, worker)`
        (e.g. the guest table). Built when an event opens, deleted when it closes. `expand`:
        the section takes the spare height (for a table)."""
        box = self.add_section(title, QWidget())
        box.hide()
        if expand:
            self.sections_layout.setStretchFactor(box, 1)
            self._inner.setStretch(1, 1)  # the sections grow instead of the space below them
            self._inner.setStretch(2, 0)
            box.setMinimumHeight(360)
        self._session_sections.append((box, factory))
        self._build_session_sections()
        return box

    def _build_session_sections(self) -> None:
        for box, factory in self._session_sections:
            layout = box.layout()
            assert layout is not None
            while (item := layout.takeAt(0)) is not None:
                if (old := item.widget()) is not None:
                    old.deleteLater()
            widget = None
            if self.session is not None and self.bridge is not None:
                try:
                    widget = factory(self.session, self.bridge, self.worker)
                except Exception:  # one broken section must not take Setup down
                    log.exception("a Setup section failed to build")
            if widget is not None:
                layout.addWidget(widget)
            box.setVisible(widget is not None)

    def set_session(self, session: Session | None, bridge: QtBridge | None) -> None:
        super().set_session(session, bridge)
        self._build_session_sections()

    # -- the view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Setup"))
        self.event_box.setTitle(self.tr("Event"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Name"),
                self.tr("Venue"),
                self.tr("Starts"),
                self.tr("File"),
                self.tr("File format"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.save_name.setText(self.tr("Rename"))
        self.name_edit.setPlaceholderText(self.tr("Event name"))
        for box, title in self._sections:
            if callable(title):
                box.setTitle(title())
        self._show_info()

    def connect_bridge(self, bridge: QtBridge) -> None:
        bridge.file_changed.connect(bridge_slot(self, lambda _ev: self.reload()))

    def clear(self) -> None:
        self.info = {}
        self._show_info()

    def reload(self) -> None:
        self.load(queries.event_info, self._show)

    def _show(self, info: dict[str, Any]) -> None:
        self.info = info
        self._show_info()

    def _show_info(self) -> None:
        info = self.info
        if not self.name_edit.isModified():
            self.name_edit.setText(info.get("name", ""))
        self.venue.setText(info.get("venue") or "–")
        self.starts.setText((info.get("starts_at") or "–").replace("T", " "))
        self.path.setText(info.get("path") or self.tr("(in memory)") if info else "–")
        self.version.setText(str(info["schema_version"]) if info else "–")
        self.name_edit.setEnabled(bool(info))
        self._update_save()

    def _update_save(self) -> None:
        name = self.name_edit.text().strip()
        self.save_name.setEnabled(bool(self.info) and bool(name) and name != self.info.get("name"))

    def commit_name(self) -> None:
        """Rename the event in the file, then tell everyone (EventRenamed, after the commit)."""
        name = self.name_edit.text().strip()
        session = self.session
        if session is None or not name or name == self.info.get("name"):
            return
        ef, bus = session.ef, session.bus

        def rename() -> None:
            ef.rename(name)
            bus.publish(EventRenamed(name))

        def done(_result: object) -> None:
            self.name_edit.setModified(False)
            self.renamed.emit(name)

        self.worker.run(rename, on_done=done, context=self)
