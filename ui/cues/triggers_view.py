"""Setup › Cues: the per-segment trigger editor, and OSC in.

Pick a segment, see its triggers (when, what, details), add one with the form under the list
(ui.cues.trigger_form: when, what and the action's fields), edit one in place (Edit…, a
double-click or Enter on its row: the same form in a dialog, pre-filled), switch one off, delete
one. Every edit runs on the worker through session.cues (committed, then CueTriggersChanged);
a refused trigger says why and nothing is saved.

Signals:
    committed: A trigger was added, edited, switched or deleted (after the commit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.bus import CueTriggersChanged
from app.cues import store
from app.show.segments import list_segments
from ui.cues import texts
from ui.cues.trigger_form import TriggerDialog, TriggerForm
from ui.reload import Coalescer
from ui.views.base import SessionView
from ui.views.widgets import info_table, plain_label


class TriggersView(SessionView):
    committed = Signal()
    follows = ("event",)  # the segment list follows the run of show; the triggers their edits

    def build(self) -> None:
        self.setObjectName("cueTriggers")
        self.segment = QComboBox()
        self.segment.setObjectName("cueSegment")
        self.segment.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = info_table(QTableWidget(0, 4), stretch_column=2)  # 2: the details
        self.table.setObjectName("cueTable")
        self.table.itemChanged.connect(self._toggled)
        self.table.activated.connect(self._activated)  # a double-click, or Enter on a row
        self.table.itemSelectionChanged.connect(self._selection)
        self._filling = False
        self.form = TriggerForm()
        f = self.form  # its fields, by the names tests and the screenshots use
        self.when, self.seconds, self.action, self.method = f.when, f.seconds, f.action, f.method
        self.target, self.value, self.dest = f.target, f.value, f.dest
        self.editor: TriggerDialog | None = None  # the open edit dialog
        self.add_button = QPushButton()
        self.add_button.setObjectName("cueAdd")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("cueEdit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("cueDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.error = plain_label()
        self.error.setObjectName("cueError")
        self.error.setStyleSheet("color: #ff9c9c; font-weight: 600;")
        self.error.setWordWrap(True)

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

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.segment_label = plain_label()
        top = QHBoxLayout()
        top.addWidget(self.segment_label)
        top.addWidget(self.segment, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.osc_box)
        self._triggers: list[dict[str, Any]] = []
        self._osc_cfg: Any = None
        # One read at a time. Every read asked for and every edit sent outdates the read on the
        # worker: a read asked for before an edit (a bus event's refresh still on the worker
        # when the operator clicks the On box) answers with the state before it, and would put
        # the tick the operator just took away back until the edit's own refresh came.
        self.reads = Coalescer(self._read, self, worker=self.worker)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.load_segments()
        cues = self.session.cues
        self.run(lambda: cues.settings, on_done=self._show_osc)

    def on_event(self, event: object) -> None:
        if isinstance(event, CueTriggersChanged):
            if event.segment_id == self.segment.currentData():
                self.refresh()
        elif getattr(event, "topic", "") == "show":
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
        self.reads.outdate()  # e.g. the read of the segment picked before
        self.reads.request()

    def _read(self) -> None:
        sid = self.segment.currentData()
        if sid is None:
            self.reads.done()
            self._show([])
            return
        ef = self.session.ef
        self.reads.run(lambda: store.triggers(ef, sid), self._show)

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
        self._selection()

    def _selection(self) -> None:
        """Edit and Delete act on the selected trigger: off while none is."""
        picked = bool(self.table.selectedItems()) and 0 <= self.table.currentRow() < len(
            self._triggers
        )
        self.edit_button.setEnabled(picked)
        self.delete_button.setEnabled(picked)

    def _toggled(self, item: QTableWidgetItem) -> None:
        """The On box of a trigger: off keeps it but it does not fire (saved at once)."""
        if self._filling or item.column() != 3 or not 0 <= item.row() < len(self._triggers):
            return
        trigger_id = self._triggers[item.row()]["id"]
        enabled = item.checkState() == Qt.CheckState.Checked
        cues = self.session.cues
        self.reads.outdate()  # what a read already asked for says is older than this click
        self.worker.run(
            lambda: cues.update_trigger(trigger_id, enabled=enabled),
            on_done=lambda _r: self._done(),
            on_error=self._failed,
            context=self,
        )

    # -- editing ------------------------------------------------------------------------------

    def add(self) -> None:
        sid = self.segment.currentData()
        if sid is None:
            return
        trigger, offset, action, params = self.form.values()
        cues = self.session.cues
        self.reads.outdate()
        self.worker.run(
            lambda: cues.add_trigger(sid, trigger, action, params, offset_s=offset),
            on_done=lambda _id: self._done(),
            on_error=self._failed,
            context=self,
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.column() != 3:  # the On box toggles; the rest of the row opens the editor
            self.edit_selected()

    def edit_selected(self) -> None:
        """The selected trigger in the editor dialog, pre-filled (window-modal, not blocking)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self._triggers):
            return
        self.editor = TriggerDialog(self.session, self.worker, self._triggers[row], self)
        self.editor.saved.connect(lambda _t: self._edited())
        self.editor.finished.connect(lambda _r: self.table.setFocus())
        self.editor.open()

    def _edited(self) -> None:
        self.refresh()
        self.committed.emit()

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._triggers):
            return
        trigger_id, cues = self._triggers[row]["id"], self.session.cues
        self.reads.outdate()
        self.worker.run(
            lambda: cues.delete_trigger(trigger_id),
            on_done=lambda _r: self._done(),
            context=self,
        )

    def _done(self) -> None:
        self.error.setText("")
        self.form.clear_inputs()
        self.refresh()
        self.committed.emit()

    def _failed(self, err: BaseException) -> None:
        self.error.setText(texts.trigger_error_text(err))
        self.refresh()  # a refused switch shows the stored state again

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

    def retranslate(self) -> None:
        self.segment_label.setText(self.tr("Segment:"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Action"), self.tr("Details"), self.tr("Active")]
        )
        self.add_button.setText(self.tr("Add trigger"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete selected"))
        self.osc_box.setTitle(self.tr("OSC in (Ontime, Companion)"))
        self.osc_on.setText(self.tr("Listen on"))
        self.osc_apply.setText(self.tr("Apply"))
        self._show(self._triggers)
        if self._osc_cfg is not None:
            self._show_osc(self._osc_cfg)
