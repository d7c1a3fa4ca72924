"""Setup › Cue log: every fired cue action with its time and result, newest first; follows
CueFired from the bridge. A failed one is red (and raised as an operator alert). The result
is worded in the window's language from its code (ui.cues.texts.cue_result_text); the
technical detail as logged is the cell's tooltip."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.bus import CueFired
from app.cues import store
from ui.cues import texts
from ui.views.base import SessionView
from ui.views.widgets import info_table


class CueLogView(SessionView):
    def build(self) -> None:
        self.setObjectName("cueLog")
        self.table = info_table(QTableWidget(0, 6), stretch_column=5)
        self.table.setObjectName("cueLogTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._entries: list[dict[str, Any]] = []

    def reload(self) -> None:
        ef = self.session.ef
        self.run(lambda: store.cue_log(ef), on_done=self._show)

    def on_event(self, event: object) -> None:
        if isinstance(event, CueFired):
            self.reload()

    def _show(self, entries: list[dict[str, Any]]) -> None:
        self._entries = entries
        triggers, actions = texts.trigger_names(), texts.action_names()
        self.table.setRowCount(len(entries))
        for i, e in enumerate(entries):
            ok = bool(e["ok"])
            cells = [
                datetime.fromtimestamp(e["at"]).strftime("%H:%M:%S"),
                e["segment_title"],
                triggers.get(e["trigger"], e["trigger"]),
                actions.get(e["action"], e["action"]),
                texts.ok_text(ok),
                texts.cue_result_text(e.get("result"), e["detail"]),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                if col == 4:
                    item.setForeground(QColor("#5fd38d" if ok else "#ff7b7b"))
                if col == 5:  # the technical words as they were logged, for whoever needs them
                    item.setToolTip(str(e["detail"]))
                self.table.setItem(i, col, item)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Segment"),
                self.tr("Trigger"),
                self.tr("Action"),
                self.tr("Result"),
                self.tr("Detail"),
            ]
        )
        self._show(self._entries)
