"""Scanners and input methods at the door (a Chinese Windows PC has a pinyin IME switched on).

A USB scanner is a keyboard: with an input method active its letters land in the IME's
composition (preedit) and the digits pick candidates, so the scan is lost or mangled. Two
defences:

- `SearchBox` + `set_latin(box, True)`: the search box takes no input method (it answers
  Qt.ImEnabled false — a plain QLineEdit says true whatever its WA_InputMethodEnabled — with
  ImhLatinOnly hints), so Windows and macOS hand it plain keys. The desk's 中 toggle turns the
  IME back on to type a Chinese name (`set_latin(box, False)`).
- `ScanDetector`: whatever the IME does, a burst of keys (a scanner types a character every few
  milliseconds; nobody types six at under 50 ms apart) is collected from the key presses and
  from the IME's commits and composition, and Enter — or the burst's end, when the IME swallowed
  the Enter to commit its composition — puts what the scanner typed in the box and submits it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

BURST_GAP_S = 0.05  # scanners: 2-20 ms a character; people: 80 ms and more
MIN_BURST = 6  # characters: shorter bursts are typing (or a fast 'zs')
SETTLE_MS = 80  # quiet after a burst with no Enter: the scan is complete
LATIN_HINTS = (
    Qt.InputMethodHint.ImhLatinOnly
    | Qt.InputMethodHint.ImhPreferLatin
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchBox(QLineEdit):
    """A QLineEdit whose input method follows WA_InputMethodEnabled (see set_latin)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> object:
        if query == Qt.InputMethodQuery.ImEnabled:
            return self.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) and bool(
                super().inputMethodQuery(query)
            )
        return super().inputMethodQuery(query)


def set_latin(box: QLineEdit, latin: bool) -> None:
    """Switch the box's input method off (`latin`) or back on (to type Chinese names)."""
    box.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, not latin)
    box.setInputMethodHints(LATIN_HINTS if latin else Qt.InputMethodHint.ImhNone)
    if box.hasFocus():  # tell the platform now, not at the next focus change
        QGuiApplication.inputMethod().update(
            Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImHints
        )


def is_latin(box: QLineEdit) -> bool:
    return not box.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


class ScanDetector(QObject):
    """An event filter on the door's search box that recognises a scanner's burst.

    Signals:
        scanned: a burst ended without an Enter reaching the box: a scanner set up without
            one, or the IME swallowed it to commit its composition. args: what the scanner
            typed, and whether the IME was involved. The panel decides what it means.
    """

    scanned = Signal(str, bool)

    def __init__(self, box: QLineEdit, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(box)
        self.box = box
        self.clock = clock
        self.typed = ""  # the burst so far: key presses and IME commits
        self.preedit = ""  # the IME's composition now (not in box.text())
        self.count = 0  # inputs (key presses, IME events) in the burst
        self.last = -1.0
        self.via_ime = False  # the IME saw part of the burst
        self.scans = 0  # bursts recognised (tests)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        box.installEventFilter(self)

    def burst(self) -> str:
        """What the scanner typed so far, if the inputs so far are a burst; else ''."""
        text = self.typed + (self.preedit if self.preedit.isascii() else "")
        # A scanner types ASCII, one input per character: a long IME commit ("北京大学附属医院"
        # chosen in one go) is a person typing, never a scan.
        if len(text) >= MIN_BURST and self.count >= MIN_BURST and text.isascii():
            return text
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in ENTER:
                self._enter()
                return False  # the box goes on to returnPressed
            text = event.text()
            if text and text.isprintable() and not self._command(event):
                self._input(text, "")
        elif kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            self.via_ime = True
            self._input(event.commitString(), event.preeditString(), ime=True)
        return super().eventFilter(watched, event)

    @staticmethod
    def _command(event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        return bool(mods)

    def _input(self, commit: str, preedit: str, ime: bool = False) -> None:
        now = self.clock()
        fresh = not self.box.text() and not self.preedit  # cleared (a check-in): a new start
        if fresh or self.last < 0 or now - self.last > BURST_GAP_S:
            self.typed, self.preedit, self.count = "", "", 0
            self.via_ime = ime
        self.last = now
        self.typed += commit
        self.preedit = preedit
        self.count += 1
        if self.burst():
            self._settle.start()

    def _enter(self) -> None:
        """Enter ends a burst: the box gets what the scanner typed, whatever the IME kept."""
        self._settle.stop()
        text = self.burst() if self.clock() - self.last <= BURST_GAP_S else ""
        self._reset()
        if text:
            self.scans += 1
            if self.box.text() != text:
                self.box.setText(text)

    def _settled(self) -> None:
        text = self.burst()
        via_ime = self.via_ime
        self._reset()
        if text:
            self.scans += 1
            self.scanned.emit(text, via_ime)

    def _reset(self) -> None:
        self.typed, self.preedit, self.count, self.last, self.via_ime = "", "", 0, -1.0, False
