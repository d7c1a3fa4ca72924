"""The desktop door: one search box, always focused; results as you type; Enter checks in.

Every keystroke asks the core's resolver (app.guests.resolve, the same one /door and the API
use) what the text means. The list shows its candidates with one row highlighted: the top one,
or none when the text is a ticket code nobody has (a loose match is never picked for a scan).
↑/↓ and PgUp/PgDn move the highlight; Enter checks in the highlighted row and only that one;
with no row highlighted Enter asks the file for the ticket code (red when nobody has it). A USB
scanner is a keyboard that types a ticket code (or a URL carrying one) and Enter, so a scan
resolves to its guest, highlighted, and is checked in at once. Keys typed while something else in
the panel has focus go to the search box, so a scan works from anywhere in the panel.

The session's guest index (shared with /door) is built on the worker when the panel opens and
follows the bus itself;
a search runs here on the GUI thread (well under 1 ms at 50,000 guests). Every write (check-in,
undo, walk-in) runs on the Worker; the banner shows the outcome once it is committed, until the
host starts typing the next search.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bus import GuestsChanged
from app.guests.checkin import (
    CheckInResult,
    check_in,
    check_out,
    result_for,
    undo_check_in,
)
from app.guests.resolve import Resolution, resolve
from app.guests.search import Hit, SearchIndex
from app.session import Session
from app.timeutil import hhmm
from ui.bridge import QtBridge
from ui.door.admit import ReAdmitter
from ui.door.feedback import DoorSounds, FeedbackBanner
from ui.door.keys import KeyRouter
from ui.door.lists import ListPicker, exit_banner, list_name, refusal_text
from ui.door.result_list import ResultList
from ui.door.results import (
    Counters,
    ResultsModel,
    reason_text,
    role_text,
)
from ui.door.scan import ScanDetector, SearchBox, set_latin
from ui.door.walkin_dialog import WalkInDialog
from ui.i18n import Retranslating
from ui.reload import Coalescer
from ui.settings import Settings
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

RESULT_LIMIT = 50


class DoorPanel(Retranslating, QWidget):
    """`DoorPanel(session, bridge, worker, station=None)`.

    Signals:
        outcome: A check-in, walk-in or undo finished (tests, the operator's feed).
            arg: the banner state ("ok", "already", "unknown", "refused", "info", "error").
    """

    outcome = Signal(str)

    def __init__(
        self,
        session: Session,
        bridge: QtBridge,
        worker: Worker,
        parent: QWidget | None = None,
        station: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("doorPanel")
        self.session = session
        self.worker = worker
        self.index: SearchIndex | None = None
        self.resolution: Resolution | None = None  # what the search box's text means now
        # the default name is stored with each check-in, so it is in the UI's language
        self.station = station or Settings().door_station() or self.tr("Desk")
        self.undo_stack: list[tuple[int, str, int]] = []  # (guest id, name, list) checked in here
        self.loads = 0  # finished index builds (tests)

        self.heading = plain_label("", "viewTitle")
        self.station_button = QPushButton()
        self.station_button.clicked.connect(self.ask_station)
        self.walkin_button = QPushButton()
        self.walkin_button.clicked.connect(self.open_walk_in)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.setEnabled(False)
        self.readmit = ReAdmitter(
            self, session, worker, lambda: self.station, self.show_result, self._write_failed
        )
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.readmit.button)
        top.addWidget(self.station_button)
        top.addWidget(self.walkin_button)
        top.addWidget(self.undo_button)

        self.search = SearchBox()
        self.search.setObjectName("doorSearch")
        self.search.setMaxLength(500)
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("QLineEdit#doorSearch { font-size: 22pt; padding: 10px 14px; }")
        self.search.textChanged.connect(self._search_now)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.enter)
        set_latin(self.search, True)  # a scanner's keys must not land in a Chinese IME
        self.scanner = ScanDetector(self.search)
        self.scanner.scanned.connect(self._scanned)
        self.ime_button = QPushButton("中")
        self.ime_button.setObjectName("doorIme")
        self.ime_button.setCheckable(True)
        self.ime_button.toggled.connect(self.set_chinese_input)
        self.ime_key = QShortcut(QKeySequence("Ctrl+Shift+Space"), self)
        self.ime_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ime_key.activated.connect(self.ime_button.toggle)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.ime_button)

        # The check-in list this desk works on (hidden while the event has only one).
        self.lists = ListPicker(session, bridge, worker, self)
        self.lists.changed.connect(lambda _id: self.search.setFocus())
        self.lists.state_changed.connect(self._refresh_rows)
        self.banner = FeedbackBanner()
        self.sounds = DoorSounds(self)
        self.counters = Counters()

        self.model = ResultsModel(self)
        self.results = ResultList(self.model)
        self.results.picked.connect(self._row_activated)
        self.hint = plain_label("", "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.lists)
        layout.addLayout(search_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.counters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)

        # The search box keeps the keyboard: buttons and the list take clicks, never focus.
        self.keys = KeyRouter(
            self,
            self.search,
            (
                self.station_button,
                self.walkin_button,
                self.undo_button,
                self.readmit.button,
                self.ime_button,
                self.results,
            ),
            self.undo_last,
            self.move_highlight,
        )

        self._bridge = bridge
        bridge.door.connect(self._on_door_event)
        # a burst of phone check-ins: one count at a time, at most one per 150 ms
        self._counts = Coalescer(self._count, self, min_gap_ms=150, worker=self.worker)
        self.retranslate()
        self._load_index()
        self.reload_counts()

    # -- texts ------------------------------------------------------------------------------

    def key_rows(self) -> list[tuple[str, str]]:
        """Keys without a QShortcut, for Help › Keyboard Shortcuts (F1)."""
        return self.keys.key_rows()

    def retranslate(self) -> None:
        self.keys.retranslate()
        self.heading.setText(self.tr("Door"))
        self.station_button.setText(self.tr("Station: %1").replace("%1", self.station))
        self.walkin_button.setText(self.tr("Walk-in…"))
        self.undo_button.setText(self.tr("Undo last check-in"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        self.ime_button.setToolTip(
            self.tr(
                "Chinese input on/off (off: a scanner's keys never go to the input method)"
                " · Ctrl+Shift+Space"
            )
        )
        self.ime_key.setWhatsThis(self.tr("Chinese input in the search box on/off"))
        self.search.setPlaceholderText(
            self.tr("Scan a ticket, or type a name, pinyin, phone, email or company")
        )
        self.hint.setText(
            self.tr(
                "Enter checks in the highlighted guest; ↑ ↓ PgUp PgDn move the highlight. "
                "Double-click a row to check that guest in."
            )
        )
        self.banner.set_idle_text(
            self.tr("Ready: scan or search") if self.index is not None else self.tr("Loading…")
        )
        self.model.retranslate()
        self.readmit.retranslate()
        self.counters.show_counts(self.counters.counts)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.search.setFocus()

    # -- loading ----------------------------------------------------------------------------

    def _load_index(self) -> None:
        guests = self.session.guests  # the event's one index, shared with the station server

        def built(index: SearchIndex) -> None:
            self.index = index
            self.loads += 1
            self.retranslate()
            self._search_now()

        self.worker.run(guests.index, on_done=built, context=self)

    def reload_counts(self) -> None:
        self._counts.request()

    def _count(self) -> None:
        guests = self.session.guests  # the event's one index: the station server counts it too
        self._counts.run(guests.counts, self.counters.show_counts)

    def _on_door_event(self, event: object) -> None:
        # The session's index follows the bus itself; check-ins are in it before we hear them.
        if isinstance(event, GuestsChanged) and self.index is not None:
            guests = self.session.guests
            # Searched again once the index has the change: not now, from the stale index.
            self.worker.run(guests.wait_current, lambda _r: self._search_now(), None, self)
            self.reload_counts()
            return
        self._refresh_rows()
        self.reload_counts()

    # -- searching --------------------------------------------------------------------------

    def _search_now(self, _text: str = "") -> None:
        text = self.search.text()
        r = resolve(self.index, text, RESULT_LIMIT) if self.index is not None else None
        if r is not None and r.hits:  # each guest's state on the desk's list
            r = replace(r, hits=self.lists.overlay(r.hits))
        self.resolution = r
        self.results.show_resolution(r)

    def _typed(self, text: str) -> None:
        """A new search: the last answer (red for someone else) must not read as this one's.
        Door scanning apps do the same; the box's own clear after Enter keeps the answer."""
        if text and self.banner.state() != "idle":
            self.banner.clear()

    def highlighted(self) -> int:
        """The highlighted row, or -1."""
        return self.results.highlighted()

    def move_highlight(self, delta: int) -> None:
        self.results.move(delta)

    def _refresh_rows(self) -> None:
        """Re-read the shown rows' check-in state (another door checked someone in)."""
        if self.search.text().strip():
            self._search_now()

    # -- checking in ------------------------------------------------------------------------

    def enter(self) -> None:
        """Enter in the search box: the highlighted row, and only that one; with none
        highlighted, the text as a ticket code (the file decides: red when nobody has it)."""
        text = self.search.text().strip()
        if not text:
            return
        hit = self.results.highlighted_hit()
        r = self.resolution
        self.search.clear()
        if hit is not None:
            self.check_in(guest_id=hit.guest_id)
        elif r is not None and not r.code:  # a search that found nobody: said as typed
            self.show_result(CheckInResult("unknown", code=text))
        else:  # a ticket code: the file decides (the index may not have an import's guests yet)
            self.check_in(code=r.code if r is not None else text)

    def set_chinese_input(self, on: bool) -> None:
        """The 中 toggle: the input method on to type a Chinese name, off again after."""
        set_latin(self.search, not on)
        if self.ime_button.isChecked() != on:
            self.ime_button.setChecked(on)
        self.search.setFocus()

    def _scanned(self, text: str, via_ime: bool) -> None:
        """A burst with no Enter: a ticket code checks in at once; after an IME swallowed the
        Enter, whatever was scanned is submitted (an unknown ticket turns the banner red)."""
        r = resolve(self.index, text) if self.index is not None else None
        if via_ime or (r is not None and r.kind == "code"):
            self.search.setText(text)
            self.enter()

    def check_in(self, *, code: str | None = None, guest_id: int | None = None) -> None:
        ef, bus, station, lst = self.session.ef, self.session.bus, self.station, self.lists.list_id
        if self.lists.exiting:  # an exit station: the guest leaves the list
            self.worker.run(
                lambda: check_out(ef, bus, guest_id, station, lst, code=code),
                on_done=lambda r: self._show(*exit_banner(r)),
                on_error=self._write_failed,
                context=self,
            )
            return
        self.worker.run(
            lambda: check_in(ef, bus, code=code, guest_id=guest_id, station=station, list_id=lst),
            on_done=self.show_result,
            on_error=self._write_failed,
            context=self,
        )

    def _row_activated(self, hit: Hit) -> None:
        """A double-click: that guest, whatever is highlighted."""
        self.search.clear()
        self.check_in(guest_id=hit.guest_id)
        self.search.setFocus()

    def show_result(self, r: CheckInResult) -> None:
        detail = " · ".join(p for p in (role_text(r.role), r.company, r.title) if p)
        if r.result == "ok":
            if r.guest_id is not None:
                self.undo_stack.append((r.guest_id, r.name, r.list_id))
            self._show("ok", self.tr("Welcome, %1").replace("%1", r.name), detail)
        elif r.result == "already":
            title = (
                self.tr("Already checked in at %1 by %2")
                .replace("%1", hhmm(r.at))
                .replace("%2", r.station or "?")
            )
            self._show("already", title, f"{r.name} · {detail}" if detail else r.name)
        elif r.result == "not_admitted":
            title = self.tr("Not admitted: %1").replace("%1", reason_text(r.ticket_status))
            shown = " · ".join(p for p in (r.name, r.ticket_type, r.company) if p)
            self._show("refused", title, shown)
        elif r.result == "not_on_list":
            lst = self.lists.current or {"name": (r.reason or {}).get("list", "")}
            title = self.tr("Not on the list %1: %2").replace("%1", list_name(lst))
            self._show("unknown", title.replace("%2", r.name), refusal_text(r.reason))
        else:
            shown = r.code or self.tr("(empty)")
            self._show(
                "unknown",
                self.tr("Unknown code"),
                self.tr("No guest has the ticket or name “%1”.").replace("%1", shown),
            )
        self.undo_button.setEnabled(bool(self.undo_stack))
        self.readmit.offer(r)

    def _show(self, state: str, title: str, detail: str) -> None:
        self.banner.show_result(state, title, detail)
        self.sounds.play(state)
        self.outcome.emit(state)

    def _write_failed(self, err: BaseException) -> None:
        self._show("error", self.tr("Not saved"), describe_error(err))

    def undo_last(self) -> None:
        if not self.undo_stack:
            return
        guest_id, name, list_id = self.undo_stack.pop()
        self.undo_button.setEnabled(bool(self.undo_stack))
        ef, bus, station = self.session.ef, self.session.bus, self.station

        def done(outcome: str) -> None:
            if outcome == "undone":
                self._show("info", self.tr("Check-in undone"), name)
            else:
                self._show("info", self.tr("Nothing to undo"), name)

        self.worker.run(
            lambda: undo_check_in(ef, bus, guest_id, station, list_id=list_id),
            on_done=done,
            on_error=self._write_failed,
            context=self,
        )

    # -- walk-ins ---------------------------------------------------------------------------

    def open_walk_in(self) -> WalkInDialog:
        dialog = WalkInDialog(self.session, self.worker, self.station, self)
        dialog.saved.connect(self._walked_in)
        dialog.finished.connect(lambda _r: self.search.setFocus())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _walked_in(self, g: dict[str, Any]) -> None:
        # A walk-in is checked in by add_walk_in itself: show it like any other "ok".
        self.show_result(result_for("ok", g, g["checked_in_at"], g["checked_in_by"]))

    # -- station name -----------------------------------------------------------------------

    def set_station(self, name: str) -> None:
        name = name.strip()
        if name:
            self.station = name
            Settings().set_door_station(name)
            self.retranslate()

    def ask_station(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Station name"),
            self.tr("Name of this door (shown as “checked in by …”):"),
            text=self.station,
        )
        if ok:
            self.set_station(name)
        self.search.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.forward(event):  # keys typed with the panel itself focused
            super().keyPressEvent(event)

    def shutdown(self) -> None:
        self._counts.stop()
        self.lists.stop()
        try:
            self._bridge.door.disconnect(self._on_door_event)
        except (RuntimeError, TypeError):
            pass
