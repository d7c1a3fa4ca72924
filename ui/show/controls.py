"""The show panel's controls: the button row (Start, Previous, Next, Pause, ∓1 min, Add, End
show), their actions and keys, and which of them is enabled and highlighted. A mixin of
ShowPanel (ui.show.panel), which owns the state; texts keep the context "ShowPanel"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QSpinBox, QWidget

from app.show import ShowControl
from app.show.clock import previous_segment_id
from ui.show.keys import make_actions
from ui.show.stage_menu import StageMenu
from ui.theme import set_prop


class ShowControls:
    """Buttons and actions of the show panel (see ShowPanel for the attributes they use)."""

    buttons: dict[str, QPushButton]
    actions_by_name: dict[str, QAction]
    amount: QSpinBox
    stage_menu: StageMenu
    state: dict[str, Any]
    control: ShowControl

    def _build_controls(self) -> QHBoxLayout:
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
        return row

    def _connect_controls(self) -> None:
        self.actions_by_name = self._make_actions()
        self.buttons["start"].clicked.connect(self.actions_by_name["start"].trigger)
        self.buttons["next"].clicked.connect(self.actions_by_name["next"].trigger)
        self.buttons["previous"].clicked.connect(self.actions_by_name["previous"].trigger)
        self.buttons["pause"].clicked.connect(self.actions_by_name["pause"].trigger)
        self.buttons["plus"].clicked.connect(self.actions_by_name["plus"].trigger)
        self.buttons["minus"].clicked.connect(self.actions_by_name["minus"].trigger)
        self.buttons["add"].clicked.connect(lambda: self.add_time(self.amount.value()))
        self.buttons["end"].clicked.connect(self.actions_by_name["end"].trigger)

    # -- actions ------------------------------------------------------------------------------

    def add_tool(self, widget: QWidget) -> None:
        """A feature's button in the operator's button row (before the stage menu), e.g. the
        Polls and lucky draw window: the operator reaches it without leaving this view."""
        self._button_row.insertWidget(self._button_row.indexOf(self.stage_menu.button), widget)

    def _make_actions(self) -> dict[str, QAction]:
        return make_actions(
            self,
            {
                "next": lambda: self._if_on("next", lambda c: c.next()),
                "previous": lambda: self._if_on("previous", lambda c: c.previous()),
                "start": lambda: self._if_on("start", lambda c: c.start()),
                "pause": lambda: self._act(lambda c: c.toggle_pause()),
                "plus": lambda: self.add_time(60),
                "minus": lambda: self.add_time(-60),
                "end": self.end_show,  # asks first; nothing before or after the show
            },
        )

    def _if_on(self, name: str, fn: Callable[[ShowControl], Any]) -> None:
        """Its key while its button is off does nothing (the button's tooltip says why)."""
        if self.buttons[name].isEnabled():
            self._act(fn)

    def _act(self, fn: Callable[[ShowControl], Any]) -> None:
        control = self.control
        self.run(lambda: fn(control), self._done, self._failed)

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
                QCoreApplication.translate("ShowPanel", "Jump to another segment"),
                QCoreApplication.translate(
                    "ShowPanel", "The show is running. Jump to “{title}” now?"
                ).format(title=title),
            ):
                return
        self._act(lambda c: c.goto(segment_id))

    def end_show(self) -> None:
        if self.state.get("status") not in ("running", "paused"):
            return
        if self.confirm(
            QCoreApplication.translate("ShowPanel", "End the show"),
            QCoreApplication.translate("ShowPanel", "End the show now? The clock stops."),
        ):
            self._act(lambda c: c.end())

    def confirm(self, title: str, text: str) -> bool:
        """Ask the operator (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

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
            # The action (its key) stays on and checks the button: a disabled one would pass
            # Space on to the button focus moved to (Pause, -1 min...) and press that instead.
            self.buttons[name].setEnabled(enabled)
        default = "end" if last else "next" if on_air else "start" if not empty else ""
        if status == "ended":
            default = ""
        for name in ("start", "next", "end"):
            set_prop(self.buttons[name], "primary", "true" if name == default else "false")
        hint = QCoreApplication.translate(
            "ShowPanel", "Nothing to run: add segments in Setup › Rundown"
        )
        self.buttons["start"].setToolTip(
            hint
            if empty
            else QCoreApplication.translate("ShowPanel", "Start the show (Ctrl+Return)")
        )
        if empty:
            self.buttons["next"].setToolTip(hint)
        elif last:
            self.buttons["next"].setToolTip(
                QCoreApplication.translate(
                    "ShowPanel", "The last segment: “End show” ends the show"
                )
            )
        else:
            self.buttons["next"].setToolTip(
                QCoreApplication.translate("ShowPanel", "Next segment (Space)")
            )

    def _pause_text(self) -> None:
        paused = self.state.get("status") == "paused"
        self.buttons["pause"].setText(
            QCoreApplication.translate("ShowPanel", "Resume")
            if paused
            else QCoreApplication.translate("ShowPanel", "Pause")
        )
