"""Messages to the speaker: a text box with Send, Blink, Blackout and Clear, and the saved
messages a click away. The box only says what to do; the panel sends it through the worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.show.control import MAX_MESSAGE
from ui.views.widgets import plain_label as plain


class SpeakerMessages(QGroupBox):
    """Signals:
    send(text, blink, blackout): show this on the stage.
    clear(): remove the message (and any blackout).
    saved_edited(list of str): the operator changed the saved messages.
    """

    send = Signal(str, bool, bool)
    clear = Signal()
    saved_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerMessages")
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_MESSAGE)
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(lambda: self._send(blink=False))
        self.send_button = QPushButton()
        self.send_button.clicked.connect(lambda: self._send(blink=False))
        self.blink_button = QPushButton()
        self.blink_button.clicked.connect(lambda: self._send(blink=True))
        self.blackout_button = QPushButton()
        self.blackout_button.clicked.connect(lambda: self.send.emit(self.text.text(), False, True))
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear.emit)
        self.current = plain("", "hint")
        self.current.setWordWrap(True)
        self.saved_row = QGridLayout()  # two per row: long Chinese + English texts stay whole
        self.saved_row.setSpacing(6)
        self.edit_saved = QPushButton()
        self.edit_saved.clicked.connect(self._edit_saved)
        self.saved: list[str] = []
        self.saved_buttons: list[QPushButton] = []

        buttons = QHBoxLayout()
        for b in (self.send_button, self.blink_button, self.blackout_button, self.clear_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.saved_title = plain("", "infoLabel")
        layout.addWidget(self.saved_title)
        layout.addLayout(self.saved_row)
        layout.addWidget(self.current)
        layout.addStretch(1)
        self._current: tuple[str, bool, bool] | None = None  # what show_current last showed
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Message to the speaker"))
        self.text.setPlaceholderText(self.tr("Type a message for the stage display"))
        self.send_button.setText(self.tr("Send"))
        self.blink_button.setText(self.tr("Blink"))
        self.blackout_button.setText(self.tr("Blackout"))
        self.clear_button.setText(self.tr("Clear"))
        self.edit_saved.setText(self.tr("Edit…"))
        self.saved_title.setText(self.tr("Saved messages"))
        if self._current is not None:  # a live language switch words it anew
            self.show_current(*self._current)

    def set_saved(self, messages: list[str]) -> None:
        self.saved = list(messages)
        for b in self.saved_buttons:
            self.saved_row.removeWidget(b)
            b.deleteLater()
        self.saved_buttons = []
        self.saved_row.removeWidget(self.edit_saved)
        for i, text in enumerate(self.saved):
            button = QPushButton(text)
            button.setToolTip(self.tr("Send this message now"))
            button.clicked.connect(self._sender_for(text))
            self.saved_row.addWidget(button, i // 2, i % 2)
            self.saved_buttons.append(button)
        n = len(self.saved)
        self.saved_row.addWidget(self.edit_saved, n // 2, n % 2)

    def _sender_for(self, text: str) -> Callable[[], None]:
        def send() -> None:
            self.text.setText(text)
            self.send.emit(text, False, False)

        return send

    def show_current(self, text: str, blink: bool, blackout: bool) -> None:
        self._current = (text, blink, blackout)
        if blackout:
            self.current.setText(self.tr("On stage: blackout"))
        elif text:
            shown = self.tr("On stage (blinking): {text}") if blink else self.tr("On stage: {text}")
            self.current.setText(shown.format(text=text))
        else:
            self.current.setText(self.tr("No message on stage"))

    def _send(self, blink: bool) -> None:
        text = self.text.text().strip()
        if text:
            self.send.emit(text, blink, False)

    def _edit_saved(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Saved messages"),
            self.tr("One message per line:"),
            "\n".join(self.saved),
        )
        if ok:
            self.saved_edited.emit([line for line in text.splitlines() if line.strip()])
