"""Setup view: a section list on the left (like a preferences window), one page per section.

The first section is the event's own details (name, venue, planned start, co-hosts), saved
through app.event on the worker. Other parts of Showday plug in their sections with
`add_section` / `add_session_section` (the rundown, guests, OBS automation, stations, ...), so
this view never has to know about them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import queries
from app.event import MAX_CO_HOSTS, EventDetailsError, update_event
from app.session import Session
from ui.bridge import QtBridge
from ui.views.base import BodyFactory, RoleView, bridge_slot
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

log = logging.getLogger(__name__)

Title = str | Callable[[], str]
NO_START = QDateTime(QDate(2000, 1, 1), QTime(0, 0))  # the date edit's "not set" value
CO_HOST_SEPARATORS = (",", "，", "、", ";", "；")


def split_names(text: str) -> list[str]:
    for sep in CO_HOST_SEPARATORS[1:]:
        text = text.replace(sep, ",")
    return [n.strip() for n in text.split(",") if n.strip()]


class _StartsEdit(QDateTimeEdit):
    """The event's start. Its calendar opens on this month when no start is set ("not set" is
    2000-01-01, where it opened before). The calendar is only made when it pops up: made
    earlier it kept the month names of the language it was made in."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)  # pops the calendar up (on the arrow)
        if self.calendarPopup() and self.dateTime() <= NO_START:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class SetupView(RoleView):
    """Signals:
    renamed: The event's new name was committed to the file.
        arg: the new name.
    saved: The event's details were committed (after Save).
    """

    view_id = "setup"
    renamed = Signal(str)
    saved = Signal()

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.heading = plain_label("", "viewTitle")

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("eventName")
        self.name_edit.setMaxLength(200)
        self.venue_edit = QLineEdit()
        self.venue_edit.setObjectName("eventVenue")
        self.venue_edit.setMaxLength(200)
        self.starts_edit = _StartsEdit()
        self.starts_edit.setObjectName("eventStarts")
        self.starts_edit.setCalendarPopup(True)
        self.starts_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.starts_edit.setMinimumDateTime(NO_START)
        self.starts_edit.setDateTime(NO_START)
        self.starts_edit.setMinimumWidth(180)
        self.clear_start = QToolButton()
        self.clear_start.setObjectName("eventStartsClear")
        self.clear_start.clicked.connect(lambda: self.starts_edit.setDateTime(NO_START))
        self.co_hosts_edit = QLineEdit()
        self.co_hosts_edit.setObjectName("eventCoHosts")
        for edit in (self.name_edit, self.venue_edit, self.co_hosts_edit):
            edit.returnPressed.connect(self.commit_details)
            edit.textChanged.connect(lambda _t: self._update_save())
        self.starts_edit.dateTimeChanged.connect(lambda _d: self._update_save())
        # Return saves here too, as in the other fields (the spin box passes it to its line edit)
        starts_line = self.starts_edit.findChild(QLineEdit)
        assert starts_line is not None
        starts_line.returnPressed.connect(self.commit_details)
        self.save_name = QPushButton()  # saves every detail; the name is kept for old callers
        self.save_name.setObjectName("eventSave")
        self.save_name.setProperty("primary", True)
        self.save_name.clicked.connect(self.commit_details)
        self.save_details = self.save_name
        starts_row = QHBoxLayout()
        starts_row.addWidget(self.starts_edit)
        starts_row.addWidget(self.clear_start)
        starts_row.addStretch(1)
        self.details_error = plain_label("")
        self.details_error.setObjectName("eventError")
        self.details_error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.details_error.setWordWrap(True)
        self.details_error.hide()
        self.path = plain_label()
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setWordWrap(True)
        self.version = plain_label()

        self.event_box = QGroupBox()
        self.form = QFormLayout(self.event_box)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        # labels: name, venue, starts, file, file format, co-hosts (index kept for old callers)
        self.labels = [plain_label() for _ in range(6)]
        self.form.addRow(self.labels[0], self.name_edit)
        self.form.addRow(self.labels[1], self.venue_edit)
        self.form.addRow(self.labels[2], starts_row)
        self.form.addRow(self.labels[5], self.co_hosts_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_name)
        save_row.addWidget(self.details_error, 1)
        save_row.addStretch(1)
        self.form.addRow("", save_row)
        self.form.addRow(self.labels[3], self.path)
        self.form.addRow(self.labels[4], self.version)
        event_page = QWidget()
        event_layout = QVBoxLayout(event_page)
        event_layout.setContentsMargins(0, 0, 0, 0)
        event_layout.addWidget(self.event_box)
        event_layout.addStretch(1)

        self.section_list = QListWidget()
        self.section_list.setObjectName("setupSections")
        self.section_list.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.pages.setObjectName("setupPages")
        self.section_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._sections: list[tuple[QGroupBox, Title]] = []
        self._session_sections: list[tuple[QGroupBox, BodyFactory]] = []
        self._add_page(event_page, expand=False)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.section_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self.default_body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self.info: dict[str, Any] = {}
        self.section_list.setCurrentRow(0)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Setup")

    def _add_page(self, widget: QWidget, expand: bool) -> None:
        if expand:
            self.pages.addWidget(widget)
        else:  # a short section scrolls if the window is small, and sits at the top
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(widget)
            self.pages.addWidget(scroll)
        self.section_list.addItem("")

    def show_section(self, title: str) -> bool:
        """Show the section titled `title` (as now shown); False if there is none."""
        for i in range(self.section_list.count()):
            item = self.section_list.item(i)
            if item.text() == title and not item.isHidden():
                self.section_list.setCurrentRow(i)
                return True
        return False

    def section_titles(self) -> list[str]:
        """The titles in the section list, as shown (hidden sections left out)."""
        items = [self.section_list.item(i) for i in range(self.section_list.count())]
        return [i.text() for i in items if not i.isHidden()]

    # -- for other parts of Showday --------------------------------------------------------

    def add_section(self, title: Title, widget: QWidget, expand: bool = False) -> QGroupBox:
        """Add a section (an entry in the section list, a page of its own); returns its box.

        `title` is a string, or a function returning the translated title: a function is called
        again whenever the language changes (pass e.g. `lambda: widget.tr("Station server")`).
        `expand`: the box takes the page's height (for a table)."""
        box = QGroupBox(title() if callable(title) else title)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(widget)
        page = QWidget()  # the stack shows and hides the page; the box is shown per event
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(box, 1 if expand else 0)
        if not expand:
            page_layout.addStretch(1)
        self._add_page(page, expand=expand)
        self._sections.append((box, title))
        self._retitle()
        return box

    def add_session_section(
        self, title: Title, factory: BodyFactory, expand: bool = False
    ) -> QGroupBox:
        """Add a section whose widget is made per open event: `factory(session, bridge, worker)`
        (e.g. the guest table). Built when an event opens, deleted when it closes. `expand`:
        the section takes the spare height (for a table)."""
        box = self.add_section(title, QWidget(), expand=expand)
        box.hide()
        self._session_sections.append((box, factory))
        self._build_session_sections()
        return box

    def _build_session_sections(self) -> None:
        for box, factory in self._session_sections:
            layout = box.layout()
            assert layout is not None
            while (item := layout.takeAt(0)) is not None:
                if (old := item.widget()) is not None:
                    old.hide()  # gone from the screen now, not only when the loop deletes it
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
            self.section_list.item(self._page_of(box)).setHidden(widget is None)
        if (item := self.section_list.currentItem()) is not None and item.isHidden():
            self.section_list.setCurrentRow(0)

    def _page_of(self, box: QGroupBox) -> int:
        return 1 + [b for b, _t in self._sections].index(box)

    def _retitle(self) -> None:
        self.section_list.item(0).setText(self.tr("Event"))
        for i, (box, title) in enumerate(self._sections, start=1):
            text = title() if callable(title) else title
            box.setTitle(text)
            self.section_list.item(i).setText(text)

    def set_session(self, session: Session | None, bridge: QtBridge | None) -> None:
        super().set_session(session, bridge)
        self._build_session_sections()

    # -- the view ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Setup"))
        self.event_box.setTitle(self.tr("Event"))
        texts = (
            self.tr("Name"),
            self.tr("Venue"),
            self.tr("Starts"),
            self.tr("File"),
            self.tr("File format"),
            self.tr("Co-hosts"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.save_name.setText(self.tr("Save"))
        self.name_edit.setPlaceholderText(self.tr("Event name"))
        self.venue_edit.setPlaceholderText(self.tr("e.g. 上海 · 张江, Room 3"))
        self.co_hosts_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.starts_edit.setSpecialValueText(self.tr("not set"))
        self.clear_start.setText(self.tr("Clear"))
        self._retitle()
        self._show_info()

    def connect_bridge(self, bridge: QtBridge) -> None:
        bridge.file_changed.connect(bridge_slot(self, lambda _ev: self.reload()))

    def clear(self) -> None:
        self.info = {}
        self._show_info()

    def reload(self) -> None:
        self.load(queries.event_info, self._show)

    def _show(self, info: dict[str, Any]) -> None:
        old, self.info = self.info, info
        self._show_info(old)

    def _show_info(self, old: dict[str, Any] | None = None) -> None:
        """Fill the fields from `self.info`, except those the operator has changed since `old`
        (what they showed before) and not saved yet."""
        info, old = self.info, old if old is not None else {}
        shown = self.values()
        for key, set_value in (
            ("name", self.name_edit.setText),
            ("venue", self.venue_edit.setText),
            ("starts_at", self._set_starts),
            ("co_hosts", lambda v: self.co_hosts_edit.setText(", ".join(v or []))),
        ):
            if not old or shown.get(key) == _stored(old, key):
                set_value(info.get(key) or ("" if key != "co_hosts" else []))
        self.path.setText(info.get("path") or self.tr("(in memory)") if info else "–")
        self.version.setText(str(info["schema_version"]) if info else "–")
        for widget in (self.name_edit, self.venue_edit, self.starts_edit, self.co_hosts_edit):
            widget.setEnabled(bool(info))
        self.clear_start.setEnabled(bool(info))
        self._update_save()

    def _set_starts(self, value: str | None) -> None:
        at = QDateTime.fromString(value or "", "yyyy-MM-ddTHH:mm")
        self.starts_edit.setDateTime(at if at.isValid() else NO_START)

    def values(self) -> dict[str, Any]:
        """What the event fields show now, as app.event.update_event takes them."""
        at = self.starts_edit.dateTime()
        return {
            "name": self.name_edit.text().strip(),
            "venue": self.venue_edit.text().strip(),
            "starts_at": None if at <= NO_START else at.toString("yyyy-MM-ddTHH:mm"),
            "co_hosts": split_names(self.co_hosts_edit.text()),
        }

    def changed(self) -> dict[str, Any]:
        if not self.info:
            return {}
        return {k: v for k, v in self.values().items() if v != _stored(self.info, k)}

    def _update_save(self) -> None:
        self.save_name.setEnabled(bool(self.changed()) and bool(self.name_edit.text().strip()))

    def commit_details(self) -> None:
        """Save what changed (one transaction; EventRenamed and EventDetailsChanged after)."""
        changes, session = self.changed(), self.session
        if session is None or not changes or not changes.get("name", "x"):
            return
        ef, bus = session.ef, session.bus

        def done(details: dict[str, Any]) -> None:
            self.details_error.hide()
            self.name_edit.setModified(False)
            old, self.info = self.info, {**self.info, **details}
            self._show_info()
            if details["name"] != old.get("name"):
                self.renamed.emit(details["name"])
            self.saved.emit()

        def failed(err: BaseException) -> None:
            self.details_error.setText(self._refusal(err))
            self.details_error.show()

        self.worker.run(lambda: update_event(ef, bus, **changes), done, failed, self)

    commit_name = commit_details  # older callers

    def _refusal(self, err: BaseException) -> str:
        """app.event's refusals (English, for logs) in the UI's language."""
        text = str(err)
        if not isinstance(err, EventDetailsError):
            return describe_error(err)
        if "name is empty" in text:
            return self.tr("The event name is empty.")
        if "co-hosts" in text:
            return self.tr("At most %1 co-hosts.").replace("%1", str(MAX_CO_HOSTS))
        if "not a date and time" in text:
            return self.tr("The start is not a date and time like 2026-12-06 14:00.")
        return text


def _stored(info: dict[str, Any], key: str) -> Any:
    value = info.get(key)
    if key == "co_hosts":
        return list(value or [])
    return value if key == "starts_at" else (value or "")
