"""Setup section "OBS automation": what happens in OBS when a segment starts, and when OBS
comes back after a crash, per event.

Each switch is saved at once (on the worker, through `session.settings`); `SegmentAutomation`
reads them afresh at the next segment change, the OBS worker at the next reconnect after a
crash. "Clear the featured question" is the Q&A option `clear_on_segment_change` itself (the
moderator view shows the same option): one option, one behaviour in OBS, on the overlay, on the
desk and in the file. The box follows changes made elsewhere (SettingsChanged).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QVBoxLayout

from app.bus import SettingsChanged
from app.obs.automation import AutomationSettings
from ui.views.base import SessionView
from ui.views.widgets import plain_label


class AutomationBox(SessionView):
    def build(self) -> None:
        self.setObjectName("obsAutomation")
        self.settings: AutomationSettings | None = None
        self.clear_on_segment: bool | None = None
        self.saves = 0  # finished saves, for tests
        self.intro = plain_label("", "hint")
        self.intro.setWordWrap(True)
        self.switch_scene = QCheckBox()
        self.lower_third = QCheckBox()
        self.clear_question = QCheckBox()
        self.seconds = QDoubleSpinBox()
        self.seconds.setRange(0, 600)
        self.seconds.setDecimals(0)
        self.seconds_label = plain_label("")
        self.restore = QCheckBox()
        form = QFormLayout()
        form.addRow(self.seconds_label, self.seconds)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for box in (self.switch_scene, self.lower_third, self.clear_question):
            layout.addWidget(box)
        layout.addLayout(form)
        layout.addSpacing(8)  # not about segments: set apart from the cue options
        layout.addWidget(self.restore)
        for box in self._boxes():
            box.setEnabled(False)  # until the settings are read
            box.toggled.connect(self._save)
        self.seconds.setEnabled(False)
        self.seconds.editingFinished.connect(self._save)

    def reload(self) -> None:
        settings = self.session.settings
        self.run(
            lambda: (settings.obs, settings.qa.clear_on_segment_change),
            on_done=lambda r: self._show(*r),
        )

    def on_event(self, event: object) -> None:
        if isinstance(event, SettingsChanged) and event.section in ("obs", "qa"):
            self.reload()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("When a segment starts, Showday can cue OBS:"))
        self.switch_scene.setText(self.tr("Switch to the segment's OBS scene"))
        self.lower_third.setText(self.tr("Write and show the lower third (name, title)"))
        self.clear_question.setText(self.tr("Clear the featured question"))
        self.seconds_label.setText(self.tr("Show the lower third for (seconds, 0 = leave it)"))
        self.restore.setText(
            self.tr(
                "When OBS comes back after a crash, restore its scene and restart the stream "
                "or recording"
            )
        )

    def _boxes(self) -> list[QCheckBox]:
        return [self.switch_scene, self.lower_third, self.clear_question, self.restore]

    def _show(self, s: AutomationSettings, clear_on_segment: bool) -> None:
        self.settings = s
        self.clear_on_segment = clear_on_segment
        widgets: list[Any] = self._boxes()
        for w in [*widgets, self.seconds]:
            w.blockSignals(True)
        self.switch_scene.setChecked(s.switch_scene)
        self.lower_third.setChecked(s.lower_third)
        self.clear_question.setChecked(clear_on_segment)
        self.restore.setChecked(s.restore_after_crash)
        self.seconds.setValue(s.show_seconds)
        for w in [*widgets, self.seconds]:
            w.blockSignals(False)
            w.setEnabled(True)

    def _save(self) -> None:
        if self.settings is None:
            return
        settings = self.session.settings
        values = {
            "switch_scene": self.switch_scene.isChecked(),
            "lower_third": self.lower_third.isChecked(),
            "show_seconds": self.seconds.value(),
            "restore_after_crash": self.restore.isChecked(),
        }
        clear = self.clear_question.isChecked()
        clear_changed = clear != self.clear_on_segment

        def save() -> AutomationSettings:
            if clear_changed:
                settings.update_qa(clear_on_segment_change=clear)
            return settings.update_obs(**values)

        def saved(s: AutomationSettings) -> None:
            self.settings = s
            self.clear_on_segment = clear
            self.saves += 1

        self.run(save, on_done=saved)
