"""The operator's show panel: the big timer, the controls, the run-of-show and speaker messages.

Every action runs on the Worker (the GUI thread never writes SQLite); the display follows
`ShowStateChanged` from the bridge, whoever caused it (this panel, a Stream Deck through the
station server, another window). Between changes the texts are extrapolated from the last state
and the clock (`ui.show.live`), repainted on whole-second boundaries by a single-shot timer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.bus import CheckInUndone, GuestCheckedIn, SegmentsChanged, ShowStateChanged
from app.session import Session
from app.show import Segment, ShowControl, ShowError, saved_messages
from app.show.arrival import arrived_speaker_ids, due_speakers
from app.show.clock import previous_segment_id
from app.show.control import set_saved_messages
from ui.bridge import QtBridge
from ui.obs.alerts import AlertsBar
from ui.show.chime import Chime
from ui.show.keys import engine_message, make_actions
from ui.show.live import live
from ui.show.messages import SpeakerMessages
from ui.show.rundown_list import RundownList
from ui.show.stage_menu import StageMenu
from ui.show.widgets import (
    SHOW_QSS,
    BigTimer,
    SecondTicker,
    clock_hhmm,
    offset_text,
    span,
)
from ui.theme import set_prop
from ui.views.widgets import plain_label as plain
from ui.worker import Worker, describe_error


class ShowPanel(QWidget):
    """The show panel for one open event. Wiring: `ShowPanel(session, bridge, worker)`."""

    def __init__(
        self,
        session: Session,
        bridge: QtBridge | None,
        worker: Worker,
        parent: QWidget | None = None,
        control: ShowControl | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("showPanel")
        # A click on the panel's background gives it focus, so its keys (Space = Next) work.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(SHOW_QSS)
        self.session, self.bridge, self.worker = session, bridge, worker
        self.control = control or session.show
        self.clock: Callable[[], float] = self.control.now
        self.state: dict[str, Any] = {}
        self.segments: list[dict[str, Any]] = []
        self.segment_objs: list[Segment] = []
        self.arrived: set[int] = set()  # speakers (guest ids) checked in at the door
        self.loads = 0  # finished loads, for tests
        self.chime = Chime(self)
        self.ticker = SecondTicker(self.clock, self.refresh, self)

        self.timer = BigTimer()
        self.timer.setMinimumHeight(230)
        self.offset = plain("", "offset")
        self.projected = plain("", "infoValue")
        self.next = plain("", "infoValue")
        self.next.setWordWrap(True)
        self.labels = {k: plain("", "infoLabel") for k in ("offset", "projected", "next")}
        self.arrival = plain("", "arrival")
        self.arrival.setWordWrap(True)
        self.error = plain("", "showError")
        self.error.setWordWrap(True)
        info = QGridLayout()
        info.setVerticalSpacing(4)
        for row, (key, value) in enumerate(
            (("offset", self.offset), ("projected", self.projected), ("next", self.next))
        ):
            info.addWidget(self.labels[key], row * 2, 0)
            info.addWidget(value, row * 2 + 1, 0)
        info.addWidget(self.arrival, 6, 0)
        info.setRowStretch(7, 1)
        info.addWidget(self.error, 8, 0)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name in ("start", "previous", "next", "pause", "minus", "plus"):
            b = QPushButton()
            b.setProperty("big", "true")
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.buttons[name] = b
            row.addWidget(b)
        self.amount = QSpinBox()
        self.amount.setRange(-3600, 3600)
        self.amount.setSingleStep(15)
        self.amount.setValue(30)
        self.buttons["add"] = QPushButton()
        self.buttons["end"] = QPushButton()
        row.addSpacing(12)
        row.addWidget(self.amount)
        row.addWidget(self.buttons["add"])
        row.addStretch(1)
        self.stage_menu = StageMenu(self)
        row.addWidget(self.stage_menu.button)
        row.addWidget(self.buttons["end"])
        self._button_row = row

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
        self.alerts = AlertsBar(session.alerts, bridge)  # what OBS refused, and fixes
        layout.addWidget(self.alerts)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(split, 1)

        self.actions_by_name = self._make_actions()
        self.buttons["start"].clicked.connect(self.actions_by_name["start"].trigger)
        self.buttons["next"].clicked.connect(self.actions_by_name["next"].trigger)
        self.buttons["previous"].clicked.connect(self.actions_by_name["previous"].trigger)
        self.buttons["pause"].clicked.connect(self.actions_by_name["pause"].trigger)
        self.buttons["plus"].clicked.connect(self.actions_by_name["plus"].trigger)
        self.buttons["minus"].clicked.connect(self.actions_by_name["minus"].trigger)
        self.buttons["add"].clicked.connect(lambda: self.add_time(self.amount.value()))
        self.buttons["end"].clicked.connect(self.end_show)
        if bridge is not None:
            bridge.show.connect(self._on_show_event)
            bridge.door.connect(self._on_door)
        self.retranslate()
        self.reload()

    # -- actions ------------------------------------------------------------------------------

    def add_tool(self, widget: QWidget) -> None:
        """A feature's button in the operator's button row (before the stage menu), e.g. the
        Polls and lucky draw window: the operator reaches it without leaving this view."""
        self._button_row.insertWidget(self._button_row.indexOf(self.stage_menu.button), widget)

    def _make_actions(self) -> dict[str, QAction]:
        return make_actions(
            self,
            {
                "next": lambda: self._act(lambda c: c.next()),
                "previous": lambda: self._act(lambda c: c.previous()),
                "start": lambda: self._act(lambda c: c.start()),
                "pause": lambda: self._act(lambda c: c.toggle_pause()),
                "plus": lambda: self.add_time(60),
                "minus": lambda: self.add_time(-60),
            },
        )

    def _act(self, fn: Callable[[ShowControl], Any]) -> None:
        control = self.control
        self.worker.run(
            lambda: fn(control), on_done=self._done, on_error=self._failed, context=self
        )

    def add_time(self, seconds: int) -> None:
        if seconds:
            self._act(lambda c: c.add_time(seconds))

    def send_message(self, text: str, blink: bool, blackout: bool) -> None:
        self._act(lambda c: c.message(text, blink=blink, blackout=blackout))

    def jump_to(self, segment_id: int) -> None:
        if self.state.get("status") in ("running", "paused"):
            title = next((s["title"] for s in self.segments if s["id"] == segment_id), "")
            if segment_id == self.state.get("segment_id"):
                return
            if not self.confirm(
                self.tr("Jump to another segment"),
                self.tr("The show is running. Jump to “{title}” now?").format(title=title),
            ):
                return
        self._act(lambda c: c.goto(segment_id))

    def end_show(self) -> None:
        if self.state.get("status") not in ("running", "paused"):
            return
        if self.confirm(self.tr("End the show"), self.tr("End the show now? The clock stops.")):
            self._act(lambda c: c.end())

    def confirm(self, title: str, text: str) -> bool:
        """Ask the operator (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _save_messages(self, messages: list[str]) -> None:
        ef = self.session.ef
        self.worker.run(
            lambda: set_saved_messages(ef, messages),
            on_done=self.messages.set_saved,
            on_error=self._failed,
            context=self,
        )

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

        self.worker.run(load, on_done=show, on_error=self._failed, context=self)

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

        self.worker.run(lambda: arrived_speaker_ids(ef), on_done=show, context=self)

    def _show_arrivals(self, now: float) -> None:
        due = due_speakers(self.segment_objs, self.state, self.arrived, now)
        lines = [
            self.tr("⚠ {speaker} has not checked in ({title}, in {minutes} min)").format(
                speaker=d.speaker or "?",
                title=d.title,
                minutes=max(0, round(d.starts_in(now) / 60)),
            )
            for d in due
        ]
        self.arrival.setText("\n".join(lines))
        self.arrival.setVisible(bool(lines))

    def _on_show_event(self, event: Any) -> None:
        if isinstance(event, ShowStateChanged):
            self.apply(event.state)
        elif isinstance(event, SegmentsChanged):
            self.reload()

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

    def _runnable(self, on_air: bool) -> None:
        """Start, Next, Previous (buttons and keys) only where they do something, and the one
        the operator most likely wants next highlighted: Start before the show, Next during
        it, End show on the last segment. Previous has nothing before the first segment (after
        the end it reopens the last one); Next nothing after the last (End show ends, and
        asks first). With nothing to run the tooltip says where to add segments."""
        status = self.state.get("status") or "not_started"
        empty = not self.has_segments()
        current = self.state.get("segment_id")
        last = on_air and self.state.get("next_id") is None
        first = on_air and previous_segment_id(self.segment_objs, current) is None
        enable = {
            "start": not on_air and not empty,
            "next": (on_air and not last) or (status == "not_started" and not empty),
            "previous": (on_air and not first) or status == "ended",
        }
        for name, enabled in enable.items():
            self.buttons[name].setEnabled(enabled)
            self.actions_by_name[name].setEnabled(enabled)
        default = "end" if last else "next" if on_air else "start" if not empty else ""
        if status == "ended":
            default = ""
        for name in ("start", "next", "end"):
            set_prop(self.buttons[name], "primary", "true" if name == default else "false")
        hint = self.tr("Nothing to run: add segments in Setup › Rundown")
        self.buttons["start"].setToolTip(hint if empty else self.tr("Start the show (Ctrl+Return)"))
        if empty:
            self.buttons["next"].setToolTip(hint)
        elif last:
            self.buttons["next"].setToolTip(self.tr("The last segment: “End show” ends the show"))
        else:
            self.buttons["next"].setToolTip(self.tr("Next segment (Space)"))

    def refresh(self) -> None:
        """Repaint what moves with the clock (called on each second boundary)."""
        s = self.state
        now = live(s, self.clock())
        self.timer.time.setText(now.text or "–:––")
        self.timer.set_phase(now.phase)
        if now.status in ("running", "paused"):
            left = span(now.remaining_s)
            remaining = self.tr("{time} over").format(time=left) if now.remaining_s < 0 else left
            caption = self.tr("Elapsed {elapsed} · Remaining {remaining}").format(
                elapsed=span(now.elapsed_s), remaining=remaining
            )
            if now.status == "paused":
                caption = self.tr("Paused") + " · " + caption
            self.timer.caption.setText(caption)
        elif now.status == "ended":
            self.timer.caption.setText(self.tr("The show has ended"))
        elif not self.has_segments():
            self.timer.caption.setText(self.tr("Nothing to run: add segments in Setup › Rundown"))
        else:
            self.timer.caption.setText(self.tr("The show has not started"))
        first_at = self.clock() - now.offset_s if now.offset_s is not None else None
        if now.status == "not_started" and first_at and not _same_day(first_at, self.clock()):
            # A hard start on another day: the hours to or since it are no schedule offset.
            when = QDateTime.fromSecsSinceEpoch(int(first_at))
            shown = self.locale().toString(when, QLocale.FormatType.ShortFormat)
            text, kind = self.tr("Planned start: {when}").format(when=shown), "ontime"
        elif now.status == "not_started" and now.offset_s is not None and now.offset_s <= -1:
            # Before the start a negative offset is the wait until the planned start, not a lead.
            text = self.tr("Starts in {time}").format(time=span(now.offset_s))
            kind = "ontime"
        else:
            text, kind = offset_text(now.offset_s)
        self.offset.setText(text or "–")
        set_prop(self.offset, "state", kind)
        self.projected.setText(clock_hhmm(now.projected_end) or "–")
        self.rundown.show_elapsed(now.elapsed_s)
        self._show_arrivals(self.clock())
        self.chime.observe(s.get("segment_id"), now.phase, now.status == "running")

    def _texts(self) -> None:
        s = self.state
        if s.get("status") in ("running", "paused"):
            index = int(s.get("segment_index") or 0) + 1
            title = f"{index}/{s.get('segment_count')} · {s.get('title')}"
            if s.get("speaker"):
                title += f" — {s['speaker']}"
            self.timer.title.setText(title)
        else:
            self.timer.title.setText(self.tr("Run of show"))
        nxt = str(s.get("next_title") or "")
        if nxt and s.get("next_speaker"):
            nxt += f" — {s['next_speaker']}"
        self.next.setText(nxt or self.tr("(none)"))

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

    def _pause_text(self) -> None:
        paused = self.state.get("status") == "paused"
        self.buttons["pause"].setText(self.tr("Resume") if paused else self.tr("Pause"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop the timers and close the stage window (the event is being closed)."""
        self.ticker.stop()
        self.stage_menu.close_stage()


def _same_day(a: float, b: float) -> bool:
    """Whether two Unix times fall on the same local date."""
    return (
        QDateTime.fromSecsSinceEpoch(int(a)).date() == QDateTime.fromSecsSinceEpoch(int(b)).date()
    )
