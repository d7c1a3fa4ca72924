"""One line in the moderator panel about the audience edge (issue 17): which per-address mode the
event is in ("each phone has its own address" or "phones share one address"), a switch to change
it, and the addresses from which many devices vote. The same core reads as GET /api/v1/audience
(app.lan.audience options, app.qa.crowded_addresses), run on the Worker; it follows
SettingsChanged("lan") (the switch on /moderate) and Q&A commits (new votes).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from app import qa
from app.bus import OpChanges, SettingsChanged
from app.lan.audience import load_options, update_options
from app.lan.routes_audience import CROWDED_AT
from app.session import Session
from ui.bridge import QtBridge
from ui.i18n import Retranslating
from ui.reload import Coalescer
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error


def read_edge(session: Session) -> tuple[bool, list[dict[str, Any]]]:
    """(shared_address, crowded addresses), as /api/v1/audience reports them."""
    return load_options(session.ef).shared_address, qa.crowded_addresses(session.ef, CROWDED_AT)


class AudienceEdge(Retranslating, QWidget):
    """The mode line, its switch (`shared`) and the crowded addresses (`crowded`).
    No signals; `loads` counts finished reloads (tests)."""

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.loads = 0
        self.shared_address = False
        self.crowd: list[dict[str, Any]] = []
        self.mode = plain_label("", "hint")
        self.shared = QCheckBox()
        self.shared.clicked.connect(self._switch)
        self.crowded = plain_label("", "hint")
        self.crowded.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode)
        row.addWidget(self.shared)
        row.addSpacing(16)
        row.addWidget(self.crowded, 1)  # empty until some address is crowded; keeps the row left
        self.reloads = Coalescer(self._start_load, self, min_gap_ms=500, worker=worker)
        bridge.settings.connect(self._on_settings)
        bridge.changes.connect(self._on_changes)
        self.retranslate()
        self.reloads.request()

    def retranslate(self) -> None:
        self.mode.setText(
            self.tr("Phones share one address (venue Wi-Fi)")
            if self.shared_address
            else self.tr("Each phone has its own address")
        )
        self.shared.setText(self.tr("Phones share one address"))
        self.shared.setToolTip(
            self.tr(
                "For a venue whose Wi-Fi puts every phone behind one address: relaxes the "
                "per-address limits and blocking"
            )
        )
        self.shared.setChecked(self.shared_address)
        self.crowded.setText(
            self.tr("Many devices vote from: %1").replace(
                "%1",
                ", ".join(
                    self.tr("%1 (%2 devices)")
                    .replace("%1", str(c["address"]))
                    .replace("%2", str(c["devices"]))
                    for c in self.crowd
                ),
            )
            if self.crowd
            else ""
        )

    def _start_load(self) -> None:
        session = self.session
        self.reloads.run(lambda: read_edge(session), self._loaded, self._failed)

    def _loaded(self, result: tuple[bool, list[dict[str, Any]]]) -> None:
        self.loads += 1
        self.shared_address, self.crowd = result
        self.retranslate()

    def _failed(self, err: BaseException) -> None:
        self.crowded.setText(describe_error(err))

    def _switch(self, on: bool) -> None:
        ef, bus = self.session.ef, self.session.bus
        self.shared.setChecked(self.shared_address)  # shown once committed (SettingsChanged)
        self.worker.run(
            lambda: update_options(ef, shared_address=on, bus=bus),
            None,
            self._failed,
            context=self,
        )

    def _on_settings(self, event: object) -> None:
        if isinstance(event, SettingsChanged) and event.section == "lan":
            self.shared_address = bool(event.values.get("shared_address"))
            self.retranslate()

    def _on_changes(self, changes: object) -> None:
        if isinstance(changes, OpChanges) and changes.touches("qa"):
            self.reloads.request()
