"""Check-in lists on the desktop: the desk's list picker with each list's counts, and the words
for a list, its rule and why a guest is not on it (ui.door.lists_setup makes and edits lists).

Reads run on the Worker (app.guests.lists)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QWidget,
)

from app.bus import Event, ListCheckIn
from app.guests.lists import MAIN_LIST, list_counts, list_state
from app.guests.search import Hit
from app.session import Session
from app.timeutil import hhmm
from ui import resume
from ui.bridge import QtBridge
from ui.door.results import role_text
from ui.i18n import Retranslating
from ui.reload import Coalescer
from ui.settings import Settings
from ui.views.widgets import plain_label
from ui.worker import Worker

CTX = "CheckInLists"
DEFAULT_NAME = "All guests"  # the name every event's first list is made with (schema v2)


def list_name(lst: dict[str, Any]) -> str:
    """A list's name as shown: the first list's made-up English name in the window's language."""
    if lst.get("main") and lst.get("name") == DEFAULT_NAME:
        return QCoreApplication.translate("CheckInLists", "All guests")
    return str(lst.get("name") or "")


def values_text(rule: str, values: list[str]) -> str:
    shown = [role_text(v) for v in values] if rule == "role" else list(values)
    return QCoreApplication.translate("CheckInLists", ", ").join(shown)


def rule_text(lst: dict[str, Any]) -> str:
    rule, values = lst.get("rule", "all"), list(lst.get("allowed") or [])
    if rule == "all":
        return QCoreApplication.translate("CheckInLists", "Everyone")
    what = {
        "role": QCoreApplication.translate("CheckInLists", "Role"),
        "ticket_type": QCoreApplication.translate("CheckInLists", "Ticket type"),
    }.get(rule, lst.get("field", ""))
    return (
        QCoreApplication.translate("CheckInLists", "%1: %2")
        .replace("%1", str(what))
        .replace("%2", values_text(rule, values))
    )


def refusal_text(reason: dict[str, Any] | None) -> str:
    """Why a guest is not on a list, in the window's words (CheckinList.refusal)."""
    if not reason:
        return ""
    rule = reason.get("rule", "")
    value = reason.get("value") or ""
    shown = (role_text(value) if rule == "role" else value) or QCoreApplication.translate(
        "CheckInLists", "(empty)"
    )
    what = {
        "role": QCoreApplication.translate("CheckInLists", "Role"),
        "ticket_type": QCoreApplication.translate("CheckInLists", "Ticket type"),
    }.get(rule, reason.get("field"))
    return (
        QCoreApplication.translate("CheckInLists", "%1: %2. This list takes %3.")
        .replace("%1", str(what))
        .replace("%2", shown)
        .replace("%3", values_text(rule, list(reason.get("allowed") or [])))
    )


def exit_banner(r: Any) -> tuple[str, str, str]:
    """(banner state, title, detail) for a check-out (app.guests.checkin.check_out)."""
    if r.result == "ok":
        return (
            "info",
            QCoreApplication.translate("CheckInLists", "Goodbye, %1").replace("%1", r.name),
            "",
        )
    if r.result == "unknown":
        return "unknown", QCoreApplication.translate("CheckInLists", "Unknown code"), r.code
    if r.at:
        title = (
            QCoreApplication.translate("CheckInLists", "Already left at %1 (%2)")
            .replace("%1", hhmm(r.at))
            .replace("%2", r.station or "?")
        )
    else:
        title = QCoreApplication.translate(
            "CheckInLists", "Not inside: never checked in on this list"
        )
    return "already", title, r.name


def follows(event: Event) -> bool:
    """Door events that change what lists hold (every door event does, but a list edit also
    changes their names): all of them."""
    return event.topic == "door"


# -- the desk's picker ------------------------------------------------------------------------


class ListPicker(Retranslating, QWidget):
    """The list this desk checks in on, and every list's arrived / expected. Hidden while the
    event has one list. The pick is this PC's, per event (ui.resume, key "door_list"): the
    desk opens the event again on the list it had, back on the main one if that was deleted.

    Signals:
        changed: The desk picked another list. arg: its id.
    """

    changed = Signal(int)
    state_changed = Signal()

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.worker = session, worker
        self.lists: list[dict[str, Any]] = []
        self._settings = Settings()
        saved = resume.recall(self._settings, session.ef.path, "door_list")
        self.list_id = int(saved) if saved.isdigit() else MAIN_LIST
        # Who is checked in on the picked list (not the main one): guest id -> (at, by).
        self.state: dict[int, tuple[str, str]] = {}
        self.label = plain_label("", "hint")
        self.combo = QComboBox()
        self.combo.setObjectName("doorListPicker")
        self.combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the search box keeps the keys
        self.combo.setMinimumWidth(200)
        self.combo.activated.connect(self._picked)
        # On a list with exits this desk can be the exit: Enter and scans check guests out.
        self.exit = QCheckBox()
        self.exit.setObjectName("doorExitStation")
        self.exit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.counts = plain_label("", "hint")
        self.counts.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addWidget(self.exit)
        row.addWidget(self.counts, 1)
        self._loads = Coalescer(self._load, self, min_gap_ms=200, worker=self.worker)
        self._bridge = bridge
        bridge.door.connect(self._on_event)
        self.retranslate()
        self.setVisible(False)
        self.reload()
        if self.list_id != MAIN_LIST:
            self._load_state()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("CheckInLists", "Check-in list:"))
        self.exit.setText(QCoreApplication.translate("CheckInLists", "Exit station"))
        self.exit.setToolTip(
            QCoreApplication.translate("CheckInLists", "Scans and Enter check guests out")
        )
        self._show(self.lists)

    def reload(self) -> None:
        self._loads.request()

    def _load(self) -> None:
        ef = self.session.ef
        self._loads.run(lambda: list_counts(ef), self._show)

    def _on_event(self, event: object) -> None:
        if isinstance(event, ListCheckIn) and event.list_id == self.list_id:
            if event.action == "in":
                self.state.setdefault(event.guest_id, (event.at, event.station))
            elif event.action == "undo":
                self.state.pop(event.guest_id, None)
            self.state_changed.emit()
        if isinstance(event, Event) and follows(event):
            self.reload()

    def _load_state(self) -> None:
        ef, list_id = self.session.ef, self.list_id
        self.state = {}
        if list_id == MAIN_LIST:
            self.state_changed.emit()
            return

        def done(state: dict[int, tuple[str, str]]) -> None:
            if list_id == self.list_id:
                self.state = state
                self.state_changed.emit()

        self.worker.run(lambda: list_state(ef, list_id), done, context=self)

    def overlay(self, hits: list[Hit]) -> list[Hit]:
        """Search hits with their check-in state on the picked list (the index knows the main
        list's only)."""
        if self.list_id == MAIN_LIST:
            return hits
        out = []
        for h in hits:
            at, by = self.state.get(h.guest_id, (None, None))
            out.append(replace(h, checked_in_at=at, checked_in_by=by))
        return out

    def stop(self) -> None:
        """The panel is going away: no more loads."""
        self._loads.stop()
        try:
            self._bridge.door.disconnect(self._on_event)
        except (RuntimeError, TypeError):
            pass

    def _show(self, lists: list[dict[str, Any]]) -> None:
        self.lists = lists
        self.combo.blockSignals(True)
        self.combo.clear()
        for lst in lists:
            self.combo.addItem(list_name(lst), lst["id"])
        if lists and not any(lst["id"] == self.list_id for lst in lists):
            self.list_id = MAIN_LIST  # the list was deleted: back to the main one
            self._remember()
            self._load_state()
            self.changed.emit(self.list_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.list_id)))
        self.combo.blockSignals(False)
        parts = []
        for lst in lists:
            part = f"{list_name(lst)} {lst['arrived']}/{lst['expected']}"
            if lst.get("exits"):
                part += " " + QCoreApplication.translate("CheckInLists", "(inside %1)").replace(
                    "%1", str(lst.get("inside", 0))
                )
            parts.append(part)
        self.counts.setText("  ·  ".join(parts))
        current = self.current
        self.exit.setVisible(bool(current and current.get("exits")))
        self.setVisible(len(lists) > 1 or bool(current and current.get("exits")))

    def _picked(self, row: int) -> None:
        list_id = self.combo.itemData(row)
        if isinstance(list_id, int) and list_id != self.list_id:
            self.list_id = list_id
            self._remember()
            self._show(self.lists)
            self._load_state()
            self.changed.emit(list_id)

    def _remember(self) -> None:
        path = self.session.ef.path
        if self.list_id == MAIN_LIST:
            resume.forget(self._settings, path, "door_list")
        else:
            resume.remember(self._settings, path, "door_list", str(self.list_id))

    @property
    def exiting(self) -> bool:
        """This desk checks guests out (an exit station on a list with exits)."""
        current = self.current
        return bool(current and current.get("exits") and self.exit.isChecked())

    @property
    def current(self) -> dict[str, Any] | None:
        return next((lst for lst in self.lists if lst["id"] == self.list_id), None)
