"""The trigger editor: when (on start, N seconds before the end, at zero, at end) and what (an
OBS scene/source/text/lower third, a stage message, a chime, an HTTP request, an OSC message,
Next, a poll) with the action's fields. One form for both uses: under the trigger list of
Setup › Cues to add one, and in `TriggerDialog` to edit one in place, pre-filled.

    form.values()          # (trigger, offset_s, action, params), as app.cues.store takes them
    form.set_trigger(t)    # fill the fields from a stored trigger
    TriggerDialog(session, worker, trigger).open()   # Save commits on the worker

TriggerDialog signals:
    saved: The edited trigger was committed. arg: the trigger as saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.cues import ACTIONS, TRIGGERS
from app.session import Session
from ui.cues import texts
from ui.i18n import Retranslating
from ui.views.base import TranslatedWidget
from ui.views.widgets import plain_label
from ui.worker import Worker

HIDE_WORDS = ("hide", "off", "0", "隐藏", "关")
METHODS = ("POST", "GET", "PUT")
DEFAULT_DEST = "127.0.0.1:8000"


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


def fields_for(action: str, p: dict[str, Any]) -> tuple[str, str, str, str]:
    """A stored trigger's parameters as the form's (target, value, method, dest): the inverse
    of params_for, so an edit that changes nothing saves the same trigger."""
    method = str(p.get("method") or "POST")
    if action == "scene":
        return str(p.get("scene", "")), "", method, DEFAULT_DEST
    if action == "source":
        shown = "show" if p.get("visible", True) else "hide"
        return str(p.get("source", "")), shown, method, DEFAULT_DEST
    if action == "text":
        return str(p.get("source", "")), str(p.get("text", "")), method, DEFAULT_DEST
    if action == "lower_third":
        return str(p.get("name", "")), str(p.get("title", "")), method, DEFAULT_DEST
    if action == "message":
        return "", str(p.get("text", "")), method, DEFAULT_DEST
    if action == "poll":
        return str(p.get("poll", "")), "", method, DEFAULT_DEST
    if action == "http":
        return str(p.get("url", "")), str(p.get("body", "")), method, DEFAULT_DEST
    if action == "osc":
        args = " ".join(str(a) for a in p.get("args") or [])
        dest = f"{p.get('host') or '127.0.0.1'}:{p.get('port', '')}"
        return str(p.get("address", "")), args, method, dest
    return "", "", method, DEFAULT_DEST


class TriggerForm(TranslatedWidget):
    """The fields of one trigger. No signals: its owner reads `values()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.when = QComboBox()
        self.when.setObjectName("cueWhen")
        self.seconds = QDoubleSpinBox()
        self.seconds.setObjectName("cueSeconds")
        self.seconds.setRange(0, 3600)
        self.seconds.setValue(10)
        self.action = QComboBox()
        self.action.setObjectName("cueAction")
        self.method = QComboBox()
        self.method.addItems(list(METHODS))
        self.target = QLineEdit()
        self.target.setObjectName("cueTarget")
        self.value = QLineEdit()
        self.value.setObjectName("cueValue")
        self.dest = QLineEdit(DEFAULT_DEST)
        self.dest.setObjectName("cueDest")
        self.when.currentIndexChanged.connect(lambda _i: self._fields())
        self.action.currentIndexChanged.connect(lambda _i: self._fields())
        self.labels = [plain_label() for _ in range(5)]
        for label, field in zip(
            self.labels,
            (self.when, self.action, self.target, self.value, self.dest),
            strict=True,
        ):
            label.setBuddy(field)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(self.seconds)
        when_row.addStretch(1)
        what_row = QHBoxLayout()
        what_row.addWidget(self.action)
        what_row.addWidget(self.method)
        what_row.addStretch(1)
        self.rows = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.labels[0], when_row)
        form.addRow(self.labels[1], what_row)
        form.addRow(self.labels[2], self.target)
        form.addRow(self.labels[3], self.value)
        form.addRow(self.labels[4], self.dest)
        self.retranslate()

    def values(self) -> tuple[str, float, str, dict[str, Any]]:
        trigger, action = self.when.currentData(), self.action.currentData()
        params = params_for(
            action,
            self.target.text().strip(),
            self.value.text(),
            self.method.currentText(),
            self.dest.text().strip(),
        )
        offset = self.seconds.value() if trigger == "before_end" else 0.0
        return trigger, offset, action, params

    def set_trigger(self, t: dict[str, Any]) -> None:
        self.when.setCurrentIndex(max(self.when.findData(t["trigger"]), 0))
        if t["trigger"] == "before_end":
            self.seconds.setValue(float(t["offset_s"]))
        self.action.setCurrentIndex(max(self.action.findData(t["action"]), 0))
        target, value, method, dest = fields_for(t["action"], t.get("params") or {})
        self.target.setText(target)
        self.value.setText(value)
        self.method.setCurrentIndex(max(self.method.findText(method), 0))
        self.dest.setText(dest)
        for field in (self.target, self.value, self.dest):
            field.setCursorPosition(0)  # a long URL or body shows from its start

    def clear_inputs(self) -> None:
        self.target.clear()
        self.value.clear()

    def _fields(self) -> None:
        action = self.action.currentData()
        self.seconds.setVisible(self.when.currentData() == "before_end")
        self.method.setVisible(action == "http")
        self.rows.setRowVisible(self.dest, action == "osc")  # only OSC has a destination
        self.target.setEnabled(action not in ("chime", "advance", "message"))
        self.value.setEnabled(action not in ("chime", "advance", "scene", "poll"))
        # a field the action does not use is hidden, not greyed (it read as one to fill in)
        self.rows.setRowVisible(self.target, self.target.isEnabled())
        self.rows.setRowVisible(self.value, self.value.isEnabled())
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
        self._fields()


class TriggerDialog(Retranslating, QDialog):
    """Edit one stored trigger in place: the form pre-filled; Save commits it on the worker
    (session.cues.update_trigger: same id, so what it fired in the run on air stays fired) and
    closes; a refused change says why and keeps everything typed. Signals: see the module."""

    saved = Signal(dict)

    def __init__(
        self,
        session: Session,
        worker: Worker,
        trigger: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cueTriggerDialog")
        self.setMinimumWidth(640)
        self.session, self.worker, self.trigger = session, worker, trigger
        self.form = TriggerForm()
        self.form.set_trigger(trigger)
        self.error = plain_label()
        self.error.setObjectName("cueDialogError")
        self.error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)  # Enter in a field saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.form.when.setFocus()

    def save(self) -> None:
        trigger, offset, action, params = self.form.values()
        tid, cues = int(self.trigger["id"]), self.session.cues
        self.save_button.setEnabled(False)  # until the worker answers
        self.worker.run(
            lambda: cues.update_trigger(
                tid, trigger=trigger, offset_s=offset, action=action, params=params
            ),
            on_done=self._saved,
            on_error=self._failed,
            context=self,
        )

    def _saved(self, saved: dict[str, Any]) -> None:
        self.accept()
        self.saved.emit(saved)

    def _failed(self, err: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(texts.trigger_error_text(err))
        self.form.target.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit trigger"))
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
