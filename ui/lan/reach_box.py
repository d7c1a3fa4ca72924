"""The part of "Open to LAN" that says whether phones can reach the open server, and how to fix
it when they cannot (app.lan.reach does the checking; this explains it in the UI's language).

The check and the firewall fix run on helper threads (PowerShell takes seconds; the fix waits
for Windows' administrator prompt); their results come back through a QObject's signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.lan import reach
from ui.i18n import Retranslating
from ui.theme import set_state
from ui.views.widgets import plain_label

log = logging.getLogger(__name__)

Checker = Callable[[str, int], reach.Reachability]
Fixer = Callable[[int], str]

STYLES = {
    "ok": "color: #7ef0ad;",
    "warn": "color: #ffd66b;",
    "bad": "color: #ff9c9c;",
    "off": "",
}


class _Relay(QObject):
    """Carries a helper thread's result to the GUI thread. Owned by nobody: if the box is
    deleted first, the queued call simply goes away."""

    checked = Signal(object)  # reach.Reachability
    fixed = Signal(str)  # '' or what went wrong


class ReachBox(Retranslating, QFrame):
    """Reachability of the open server: a line per finding and, on Windows, "Allow in firewall".

    check(host, port) starts a check; clear() hides the box (server closed).

    Signals:
        changed: the text or buttons changed (the dialog grows to fit them).
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        checker: Checker | None = None,
        fixer: Fixer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reachBox")
        self._checker = checker or (lambda host, port: reach.check(host, port))
        self._fixer = fixer or (lambda port: reach.allow_in_firewall(port))
        self.result: reach.Reachability | None = None
        self.fix_error = ""
        self.busy = False
        self._target: tuple[str, int] | None = None
        self._relay = _Relay()
        self._relay.checked.connect(self._show)
        self._relay.fixed.connect(self._fixed)

        self.text = plain_label("", "reachText")
        self.text.setWordWrap(True)
        self.allow = QPushButton()
        self.allow.clicked.connect(self.fix)
        self.again = QPushButton()
        self.again.clicked.connect(self.recheck)
        buttons = QHBoxLayout()
        buttons.addWidget(self.allow)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.retranslate()
        self.clear()

    # -- driving ---------------------------------------------------------------------------

    def check(self, host: str, port: int) -> None:
        self._target = (host, port)
        self.result = None
        self.busy = True
        self.show()
        self._render()
        relay, checker = self._relay, self._checker

        def run() -> None:  # helper thread; a failing check is a finding, never silence
            try:
                result = checker(host, port)
            except Exception as err:
                log.exception("reachability check failed")
                result = reach.Reachability(
                    f"http://{host}:{port}", [reach.Finding("unreachable", str(err))]
                )
            relay.checked.emit(result)

        threading.Thread(target=run, name="lan-reach", daemon=True).start()

    def recheck(self) -> None:
        if self._target is not None:
            self.check(*self._target)

    def clear(self) -> None:
        self._target = None
        self.result = None
        self.busy = False
        self.hide()

    def fix(self) -> None:
        if self._target is None:
            return
        self.busy = True
        self.fix_error = ""
        self._render()
        relay, fixer, port = self._relay, self._fixer, self._target[1]
        threading.Thread(
            target=lambda: relay.fixed.emit(fixer(port)), name="lan-firewall", daemon=True
        ).start()

    def _show(self, result: reach.Reachability) -> None:
        if self._target is None:
            return  # closed meanwhile
        self.busy = False
        self.result = result
        self._render()

    def _fixed(self, error: str) -> None:
        self.fix_error = error
        if error:
            self.busy = False
            self._render()
        else:
            self.recheck()

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.allow.setText(self.tr("Allow in Windows Firewall"))
        self.again.setText(self.tr("Check again"))
        self._render()

    def explain(self, finding: reach.Finding) -> str:
        url = self.result.url if self.result else ""
        texts = {
            "loopback": self.tr(
                "This address is this computer only: phones cannot open it. Choose the venue "
                "network above and open again."
            ),
            "unreachable": self.tr(
                "Showday does not answer at %1, even from this computer. Check that this "
                "computer is still connected to the venue network, then open again."
            ),
            "public_network": self.tr(
                "Windows treats the venue network as a Public network, where its firewall "
                "turns phones away unless a rule lets them in."
            ),
            "firewall_blocks": self.tr(
                "Windows Firewall blocks Showday on this network, so phones cannot connect. "
                'Click "Allow in Windows Firewall" (Windows asks for administrator rights).'
            ),
            "firewall_no_rule": self.tr(
                "Windows Firewall has no rule that lets phones reach Showday on this network. "
                'Click "Allow in Windows Firewall" (Windows asks for administrator rights).'
            ),
            "firewall_unknown": self.tr(
                "Showday could not read the Windows Firewall settings. If phones cannot open "
                'the address, click "Allow in Windows Firewall".'
            ),
        }
        return texts.get(finding.kind, finding.detail).replace("%1", url)

    def _render(self) -> None:
        if self.busy:
            text = self.tr("Checking that phones can reach Showday…")
            state = "warn"
        elif self.result is None:
            text, state = "", "off"
        elif self.result.ok:
            text = self.tr(
                "Showday answers at %1. Phones on the same Wi-Fi can open it: try one now."
            ).replace("%1", self.result.url)
            if self.result.platform == "win32":
                text += " " + self.tr("Windows Firewall lets them in.")
            state = "ok"
        else:
            text = "\n".join(self.explain(f) for f in self.result.findings)
            state = "bad"
        if self.fix_error and not self.busy:
            text += "\n" + self.tr("The firewall rule was not added: %1").replace(
                "%1", self.fix_error
            )
        self.text.setText(text)
        set_state(self.text, state)
        self.text.setStyleSheet(STYLES.get(state, ""))
        fixable = bool(self.result and self.result.fixable)
        self.allow.setVisible(fixable)
        self.allow.setEnabled(fixable and not self.busy)
        self.again.setVisible(self.result is not None and not self.busy)
        self.changed.emit()
