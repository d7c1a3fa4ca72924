"""A supervisor's override at the desk: a ticket the door refused (unpaid, refunded, cancelled,
not attending) is let in only by a deliberate action — a button that appears with the red
answer, then the supervisor's name, which is logged with the station (app.guests.checkin.admit)
before the guest is checked in as usual."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLineEdit, QPushButton, QWidget

from app.guests.admission import admit
from app.guests.checkin import CheckInResult, check_in
from app.session import Session
from ui.door.results import reason_text
from ui.worker import Worker


class ReAdmitter(QObject):
    """`button` (hidden until `offer(result)` gets a "not_admitted"); `ask()` opens the dialog
    and returns it; the outcome goes to `on_done(CheckInResult)` or `on_error(exception)`."""

    def __init__(
        self,
        parent: QWidget,
        session: Session,
        worker: Worker,
        station: Callable[[], str],
        on_done: Callable[[CheckInResult], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self.session, self.worker, self.station = session, worker, station
        self.on_done, self.on_error = on_done, on_error
        self.refused: CheckInResult | None = None
        self.button = QPushButton(parent)
        self.button.setObjectName("doorReadmit")
        self.button.clicked.connect(self.ask)
        self.button.hide()
        # The keyboard's way to the button (which never takes focus: the search box keeps it).
        self.shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), parent)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.ask)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Re-admit (supervisor)…"))
        self.button.setToolTip(
            self.tr("Let this ticket in after all; your name is logged (Ctrl+Shift+A)")
        )
        self.shortcut.setWhatsThis(self.tr("Re-admit a refused ticket (supervisor)"))

    def offer(self, r: CheckInResult | None) -> None:
        """Show the button for a refused ticket; hide it for any other answer."""
        self.refused = r if r is not None and r.result == "not_admitted" else None
        self.button.setVisible(self.refused is not None)

    def ask(self) -> QInputDialog | None:
        r = self.refused
        if r is None or r.guest_id is None:
            return None
        parent = self.parent()
        assert isinstance(parent, QWidget)
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(self.tr("Re-admit a ticket"))
        dialog.setLabelText(
            self.tr("%1's ticket is not valid (%2). Supervisor's name, to log who let it in:")
            .replace("%1", r.name)
            .replace("%2", reason_text(r.ticket_status))
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Re-admit and check in"))
        guest_id = r.guest_id
        dialog.textValueSelected.connect(lambda name: self._run(guest_id, name))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _run(self, guest_id: int, supervisor: str) -> None:
        if not supervisor.strip():
            self.ask()  # a name is what makes the override deliberate: ask again
            return
        ef, bus, station = self.session.ef, self.session.bus, self.station()

        def work() -> CheckInResult:
            admit(ef, bus, guest_id, supervisor=supervisor, station=station)
            return check_in(ef, bus, guest_id=guest_id, station=station)

        self.offer(None)
        self.worker.run(work, on_done=self.on_done, on_error=self.on_error, context=self)
