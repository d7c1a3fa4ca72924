"""The operator's show panel: the big timer, the controls, the run-of-show and speaker messages.

Every action runs on the Worker (the GUI thread never writes SQLite); the display follows
`ShowStateChanged` from the bridge, whoever caused it (this panel, a Stream Deck through the
station server, another window). Between changes the texts are extrapolated from the last state
and the clock (`ui.show.live`), repainted on whole-second boundaries by a single-shot timer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.bus import CheckInUndone, GuestCheckedIn, SegmentsChanged, ShowStateChanged
from app.session import Session
from app.show import Segment, ShowControl, ShowError, saved_messages
from app.show.arrival import arrived_speaker_ids
from app.show.control import set_saved_messages
from ui.bridge import QtBridge
from ui.obs.alerts import AlertsBar
from ui.show.chime import Chime
from ui.show.controls import ShowControls
from ui.show.display import ShowDisplay
from ui.show.keys import engine_message
from ui.show.messages import SpeakerMessages
from ui.show.rundown_list import RundownList
from ui.show.widgets import SHOW_QSS, SecondTicker
from ui.views.base import SessionView
from ui.worker import Worker, describe_error


class ShowPanel(ShowControls, ShowDisplay, SessionView):
    """The show panel for one open event. Wiring: `ShowPanel(session, bridge, worker)`; it
    follows the bridge's show and door signals (`on_event`)."""

    follows = ("show", "door")

    def __init__(
        self,
        session: Session,
        bridge: QtBridge | None,
        worker: Worker,
        parent: QWidget | None = None,
        control: ShowControl | None = None,
    ) -> None:
        self.control = control or session.show  # build() and reload() use it
        super().__init__(session, bridge, worker, parent)

    def build(self) -> None:
        self.setObjectName("showPanel")
        # A click on the panel's background gives it focus, so its keys (Space = Next) work.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(SHOW_QSS)
        self.clock: Callable[[], float] = self.control.now
        self.state: dict[str, Any] = {}
        self.segments: list[dict[str, Any]] = []
        self.segment_objs: list[Segment] = []
        self.arrived: set[int] = set()  # speakers (guest ids) checked in at the door
        self.loads = 0  # finished loads, for tests
        self.chime = Chime(self)
        self.ticker = SecondTicker(self.clock, self.refresh, self)
        info = self._build_display()
        row = self._build_controls()

        self.rundown = RundownList()
        self.rundown.jump_requested.connect(self.jump_to)
        self.messages = SpeakerMessages()
        self.messages.send.connect(self.send_message)
        self.messages.clear.connect(lambda: self._act(lambda c: c.clear_message()))
        self.messages.saved_edited.connect(self._save_messages)

        top = QHBoxLayout()
        top.addWidget(self.timer, 3)
        top.addLayout(info, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.rundown)
        split.addWidget(self.messages)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.alerts = AlertsBar(self.session.alerts, self.bridge)  # what OBS refused, and fixes
        layout.addWidget(self.alerts)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        self._connect_controls()

    def _save_messages(self, messages: list[str]) -> None:
        ef = self.session.ef
        self.run(lambda: set_saved_messages(ef, messages), self.messages.set_saved, self._failed)

    def _done(self, state: Any) -> None:
        self.error.setText("")
        if state is not None and hasattr(state, "to_dict"):
            self.apply(state.to_dict())

    def _failed(self, err: BaseException) -> None:
        self.error.setText(
            engine_message(err) if isinstance(err, ShowError) else describe_error(err)
        )

    # -- data -----------------------------------------------------------------------------------

    def reload(self) -> None:
        control, ef = self.control, self.session.ef

        def load() -> tuple[dict[str, Any], list[Segment], list[str], set[int]]:
            segs = control.segments()
            return control.state().to_dict(), segs, saved_messages(ef), arrived_speaker_ids(ef)

        def show(result: tuple[dict[str, Any], list[Segment], list[str], set[int]]) -> None:
            state, self.segment_objs, saved, self.arrived = result
            self.segments = [s.to_dict() for s in self.segment_objs]
            self.messages.set_saved(saved)
            self.apply(state)  # unless an event brought a newer state meanwhile
            self.loads += 1

        self.run(load, show, self._failed)

    def on_event(self, event: object) -> None:
        if isinstance(event, ShowStateChanged):
            self.apply(event.state)
        elif isinstance(event, SegmentsChanged):
            self.reload()
        elif getattr(event, "topic", "") == "door":
            self._on_door(event)

    def _on_door(self, event: object) -> None:
        """A door event: re-read arrivals only if it can change them. During the door rush a
        check-in or undo is almost never a speaker's; any other door change (an import, an
        edit) re-reads."""
        if isinstance(event, GuestCheckedIn | CheckInUndone) and self.segment_objs:
            if event.guest_id not in {s.speaker_guest_id for s in self.segment_objs}:
                return
        self._load_arrivals()

    def _load_arrivals(self) -> None:
        ef = self.session.ef

        def show(arrived: set[int]) -> None:
            self.arrived = arrived
            self.refresh()

        self.run(lambda: arrived_speaker_ids(ef), show)

    def apply(self, state: dict[str, Any], force: bool = False) -> None:
        """Show `state` unless it is older than the one shown (events may cross a reload)."""
        if not force and int(state.get("last_log_id") or 0) < int(
            self.state.get("last_log_id") or 0
        ):
            return
        self.state = dict(state)
        s = self.state
        on_air = s.get("status") in ("running", "paused")
        self._runnable(on_air)
        self.buttons["end"].setEnabled(on_air)
        for name in ("pause", "plus", "minus", "add"):
            self.buttons[name].setEnabled(on_air)
        self._pause_text()
        self._texts()
        self.rundown.show_rows(self.segments, s)
        self.messages.show_current(
            str(s.get("message") or ""),
            bool(s.get("message_blink")),
            bool(s.get("message_blackout")),
        )
        self.stage_menu.follow(s)
        self.refresh()
        self.ticker.follow(s)

    def has_segments(self) -> bool:
        """Something to run: a segment not marked skip."""
        return any(not seg.skip for seg in self.segment_objs)

    def retranslate(self) -> None:
        names = {
            "start": self.tr("Start"),
            "previous": self.tr("◀ Previous"),
            "next": self.tr("Next ▶"),
            "pause": self.tr("Pause"),
            "minus": self.tr("−1 min"),
            "plus": self.tr("+1 min"),
            "add": self.tr("Add"),
            "end": self.tr("End show"),
        }
        for name, text in names.items():
            self.buttons[name].setText(text)
        for name, action in self.actions_by_name.items():
            action.setText(names[name])
        self._pause_text()
        self._runnable(self.state.get("status") in ("running", "paused"))
        self.buttons["previous"].setToolTip(self.tr("Previous segment (Shift+Space)"))
        self.buttons["pause"].setToolTip(self.tr("Pause or resume (P)"))
        self.buttons["end"].setToolTip(self.tr("End the show (Ctrl+End)"))
        self.amount.setSuffix(self.tr(" s"))
        self.amount.setToolTip(self.tr("Seconds to add (negative: take off)"))
        self.labels["offset"].setText(self.tr("Schedule"))
        self.labels["projected"].setText(self.tr("Projected end of the show"))
        self.labels["next"].setText(self.tr("Next"))
        self.rundown.retranslate()
        self.messages.retranslate()
        self.stage_menu.retranslate()
        if self.state:
            self._texts()
            self.refresh()

    def shutdown(self) -> None:
        """Stop the timers and close the stage window (the event is being closed)."""
        self.ticker.stop()
        self.stage_menu.close_stage()
