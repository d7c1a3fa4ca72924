"""Small dialogs of the moderator panel: a question typed in by staff, the word list, an edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.qa import MANUAL_SOURCES
from ui.qa.model import source_name
from ui.views.widgets import plain_label


class ManualEntryDialog(QDialog):
    """A question that came by chat, phone or paper. `values()` -> (text, name, source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a question"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("The question, as it was asked"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Optional"))
        self.source = QComboBox()
        for s in MANUAL_SOURCES:
            self.source.addItem(source_name(s), s)
        self.source.setCurrentIndex(MANUAL_SOURCES.index("paper"))
        self.error = plain_label("", "hint")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Asked by"), self.name)
        form.addRow(self.tr("Came by"), self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.show_error(self.tr("Type the question first."))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def values(self) -> tuple[str, str, str]:
        return self.text.toPlainText(), self.name.text(), str(self.source.currentData())


class TextDialog(QDialog):
    """A multi-line plain-text editor (the word filter list, or a question's text)."""

    def __init__(self, title: str, hint: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = plain_label(hint, "hint")
        label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def value(self) -> str:
        return self.editor.toPlainText()


def word_filter_dialog(text: str, parent: QWidget | None = None) -> TextDialog:
    hint = QCoreApplication.translate(
        "TextDialog",
        "Questions containing one of these words or phrases are held for review and the words "
        "are highlighted. One entry a line; a * at either end also matches longer words; lines "
        "starting with # are comments.",
    )
    return TextDialog(QCoreApplication.translate("TextDialog", "Word filter"), hint, text, parent)


def edit_dialog(text: str, parent: QWidget | None = None) -> TextDialog:
    hint = QCoreApplication.translate(
        "TextDialog", "Fix typos. The asker's original text is kept in the event file."
    )
    return TextDialog(QCoreApplication.translate("TextDialog", "Edit question"), hint, text, parent)


class MergeDialog(QDialog):
    """Pick the duplicates of a question; their votes add up on it. `chosen()` -> ids."""

    def __init__(
        self, target: str, candidates: list[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge duplicates"))
        head = plain_label(self.tr("Merge into: %1").replace("%1", target), "sectionTitle")
        head.setWordWrap(True)
        hint = plain_label(
            self.tr(
                "Tick the questions that ask the same thing. They leave the queues and their votes count for this one."
            ),
            "hint",
        )
        hint.setWordWrap(True)
        self.list = QListWidget()
        for qid, text in candidates:
            item = QListWidgetItem(text)  # plain text: list items never parse markup
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, qid)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def chosen(self) -> list[int]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out
