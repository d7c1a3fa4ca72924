"""Setup › Cues: the per-segment trigger editor, and OSC in.

Pick a segment, see its triggers (when, what, details), add one (when: on start, N seconds
before the end, at zero, at end; what: an OBS scene/source/text/lower third, a stage message,
a chime, an HTTP request, an OSC message, Next), delete one. Every edit runs on the worker
through app.cues.store; a refused trigger says why under the form and nothing is saved.

Signals:
    committed: A trigger was added or deleted (after the commit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.cues import ACTIONS, TRIGGERS, store
from app.show.segments import list_segments
from ui.cues import texts
from ui.views.base import SessionView
from ui.views.widgets import plain_label

HIDE_WORDS = ("hide", "off", "0", "隐藏", "关")


def _number(word: str) -> Any:
    for kind in (int, float):
        try:
            return kind(word)
        except ValueError:
            pass
    return word


def params_for(action: str, target: str, value: str, method: str, dest: str) -> dict[str, Any]:
    """The form's fields as the action's parameters (app.cues.store.ACTIONS)."""
    if action == "scene":
        return {"scene": target}
    if action == "source":
        return {"source": target, "visible": value.strip().lower() not in HIDE_WORDS}
    if action == "text":
        return {"source": target, "text": value}
    if action == "lower_third":
        return {"name": target, "title": value}
    if action == "message":
        return {"text": value or target, "blink": True}
    if action == "poll":
        return {"poll": _number(target) if target else 0}
    if action == "http":
        return {"method": method, "url": target, "body": value}
    if action == "osc":
        host, _sep, port = dest.rpartition(":")
        return {
            "host": host or "127.0.0.1",
            "port": _number(port) if port else 0,
            "address": target,
            "args": [_number(w) for w in value.split()],
        }
    return {}


class TriggersView(SessionView):
    committed = Signal()
    follows = ("show",)  # the segment list follows the run of show

    def build(self) -> None:
        self.setObjectName("cueTriggers")
        self.segment = QComboBox()
        self.segment.setObjectName("cueSegment")
        self.segment.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cueTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._toggled)
        self._filling = False
        self.when = QComboBox()
        self.when.setObjectName("cueWhen")
        self.seconds = QDoubleSpinBox()
        self.seconds.setObjectName("cueSeconds")
        self.seconds.setRange(0, 3600)
        self.seconds.setValue(10)
        self.action = QComboBox()
        self.action.setObjectName("cueAction")
        self.method = QComboBox()
        self.method.addItems(["POST", "GET", "PUT"])
        self.target = QLineEdit()
        self.target.setObjectName("cueTarget")
        self.value = QLineEdit()
        self.value.setObjectName("cueValue")
        self.dest = QLineEdit("127.0.0.1:8000")
        self.dest.setObjectName("cueDest")
        self.add_button = QPushButton()
        self.add_button.setObjectName("cueAdd")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("cueDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.error = plain_label()
        self.error.setObjectName("cueError")
        self.error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.error.setWordWrap(True)
        self.when.currentIndexChanged.connect(lambda _i: self._fields())
        self.action.currentIndexChanged.connect(lambda _i: self._fields())

        self.osc_box = QGroupBox()
        self.osc_on = QCheckBox()
        self.osc_on.setObjectName("oscInEnabled")
        self.osc_host = QLineEdit()
        self.osc_port = QSpinBox()
        self.osc_port.setRange(1, 65535)
        self.osc_apply = QPushButton()
        self.osc_apply.setObjectName("oscInApply")
        self.osc_apply.clicked.connect(self.apply_osc)
        self.osc_note = plain_label()
        self.osc_note.setWordWrap(True)
        osc_row = QHBoxLayout(self.osc_box)
        for w in (self.osc_on, self.osc_host, self.osc_port, self.osc_apply):
            osc_row.addWidget(w)
        osc_row.addWidget(self.osc_note, 1)

        self.form = QFormLayout()
        self.labels = [plain_label() for _ in range(5)]
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(self.seconds)
        when_row.addStretch(1)
        what_row = QHBoxLayout()
        what_row.addWidget(self.action)
        what_row.addWidget(self.method)
        what_row.addStretch(1)
        self.form.addRow(self.labels[0], when_row)
        self.form.addRow(self.labels[1], what_row)
        self.form.addRow(self.labels[2], self.target)
        self.form.addRow(self.labels[3], self.value)
        self.form.addRow(self.labels[4], self.dest)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.segment_label = plain_label()
        top = QHBoxLayout()
        top.addWidget(self.segment_label)
        top.addWidget(self.segment, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.osc_box)
        self._triggers: list[dict[str, Any]] = []
        self._osc_cfg: Any = None

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.load_segments()
        cues = self.session.cues
        self.run(lambda: cues.settings, on_done=self._show_osc)

    def on_event(self, event: object) -> None:
        self.load_segments()

    def load_segments(self) -> None:
        ef = self.session.ef
        self.worker.run(lambda: list_segments(ef), on_done=self._segments, context=self)

    def _segments(self, segments: list[Any]) -> None:
        current = self.segment.currentData()
        entries = [(s.id, f"{s.position + 1}. {s.title}") for s in segments]
        if [
            (self.segment.itemData(i), self.segment.itemText(i))
            for i in range(self.segment.count())
        ] == entries:
            return
        self.segment.blockSignals(True)
        self.segment.clear()
        for sid, text in entries:
            self.segment.addItem(text, sid)
        index = self.segment.findData(current)
        self.segment.setCurrentIndex(max(index, 0))
        self.segment.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        sid = self.segment.currentData()
        if sid is None:
            self._show([])
            return
        ef = self.session.ef
        self.worker.run(lambda: store.triggers(ef, sid), on_done=self._show, context=self)

    def _show(self, triggers: list[dict[str, Any]]) -> None:
        self._filling = True
        self._triggers = triggers
        actions = texts.action_names()
        self.table.setRowCount(len(triggers))
        for i, t in enumerate(triggers):
            self.table.setItem(i, 0, QTableWidgetItem(texts.when_text(t)))
            self.table.setItem(i, 1, QTableWidgetItem(actions.get(t["action"], t["action"])))
            self.table.setItem(i, 2, QTableWidgetItem(texts.action_detail(t)))
            on = QTableWidgetItem(self.tr("On"))
            on.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            on.setCheckState(Qt.CheckState.Checked if t["enabled"] else Qt.CheckState.Unchecked)
            self.table.setItem(i, 3, on)
        self._filling = False

    def _toggled(self, item: QTableWidgetItem) -> None:
        """The On box of a trigger: off keeps it but it does not fire (saved at once)."""
        if self._filling or item.column() != 3 or not 0 <= item.row() < len(self._triggers):
            return
        trigger_id, ef = self._triggers[item.row()]["id"], self.session.ef
        enabled = item.checkState() == Qt.CheckState.Checked
        self.worker.run(
            lambda: store.update_trigger(ef, trigger_id, enabled=enabled),
            on_done=lambda _r: self._done(),
            on_error=self._failed,
            context=self,
        )

    # -- editing ------------------------------------------------------------------------------

    def add(self) -> None:
        sid = self.segment.currentData()
        if sid is None:
            return
        trigger, action = self.when.currentData(), self.action.currentData()
        params = params_for(
            action,
            self.target.text().strip(),
            self.value.text(),
            self.method.currentText(),
            self.dest.text().strip(),
        )
        offset = self.seconds.value() if trigger == "before_end" else 0.0
        ef = self.session.ef
        self.worker.run(
            lambda: store.add_trigger(ef, sid, trigger, action, params, offset_s=offset),
            on_done=lambda _id: self._done(),
            on_error=self._failed,
            context=self,
        )

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._triggers):
            return
        trigger_id, ef = self._triggers[row]["id"], self.session.ef
        self.worker.run(
            lambda: store.delete_trigger(ef, trigger_id),
            on_done=lambda _r: self._done(),
            context=self,
        )

    def _done(self) -> None:
        self.error.setText("")
        self.target.clear()
        self.value.clear()
        self.refresh()
        self.committed.emit()

    def _failed(self, err: BaseException) -> None:
        self.error.setText(str(err))

    def apply_osc(self) -> None:
        changes = {
            "osc_in": self.osc_on.isChecked(),
            "osc_host": self.osc_host.text().strip(),
            "osc_port": self.osc_port.value(),
        }
        cues = self.session.cues
        self.worker.run(
            lambda: cues.update(**changes),
            on_done=self._show_osc,
            on_error=lambda e: self.osc_note.setText(str(e)),
            context=self,
        )

    def _show_osc(self, cfg: Any) -> None:
        self._osc_cfg = cfg
        self.osc_on.setChecked(cfg.osc_in)
        self.osc_host.setText(cfg.osc_host)
        self.osc_port.setValue(cfg.osc_port)
        self.osc_note.setText(
            self.tr("Listening: /showday/next, /previous, /pause, /resume, /addtime <s>")
            if cfg.osc_in
            else self.tr("Off")
        )

    def _fields(self) -> None:
        action = self.action.currentData()
        self.seconds.setVisible(self.when.currentData() == "before_end")
        self.method.setVisible(action == "http")
        self.dest.setEnabled(action == "osc")
        self.target.setEnabled(action not in ("chime", "advance", "message"))
        self.value.setEnabled(action not in ("chime", "advance", "scene", "poll"))
        hints = {
            "scene": (self.tr("scene name in OBS"), ""),
            "source": (self.tr("source name in OBS"), self.tr("show or hide")),
            "text": (self.tr("text source in OBS"), "{{segment.title}}"),
            "lower_third": ("{{segment.speaker}}", "{{segment.title}}"),
            "message": ("", self.tr("message to the speaker")),
            "http": ("http://127.0.0.1:4001/api/…", '{"title": "{{segment.title}}"}'),
            "osc": ("/ontime/start", self.tr("arguments, space separated")),
            "poll": (self.tr("poll number"), ""),
        }
        target, value = hints.get(action, ("", ""))
        self.target.setPlaceholderText(target)
        self.value.setPlaceholderText(value)

    def retranslate(self) -> None:
        self.segment_label.setText(self.tr("Segment:"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Action"), self.tr("Details"), self.tr("Active")]
        )
        for combo, names, keys in (
            (self.when, texts.trigger_names(), TRIGGERS),
            (self.action, texts.action_names(), ACTIONS),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key in keys:
                combo.addItem(names[key], key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.seconds.setSuffix(self.tr(" s"))
        for label, text in zip(
            self.labels,
            (
                self.tr("When:"),
                self.tr("Do:"),
                self.tr("Target:"),
                self.tr("Value:"),
                self.tr("OSC to (host:port):"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_button.setText(self.tr("Add trigger"))
        self.delete_button.setText(self.tr("Delete selected"))
        self.osc_box.setTitle(self.tr("OSC in (Ontime, Companion)"))
        self.osc_on.setText(self.tr("Listen on"))
        self.osc_apply.setText(self.tr("Apply"))
        self._fields()
        self._show(self._triggers)
        if self._osc_cfg is not None:
            self._show_osc(self._osc_cfg)
