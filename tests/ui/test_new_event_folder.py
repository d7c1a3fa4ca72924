"""File › New when the folder does not exist: it is made; when it cannot be, the dialog comes
back with the typed name (nothing typed is lost)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.dialogs.new_event import NewEventDialog


def when_open(window, act: Callable[[NewEventDialog], None]) -> None:  # type: ignore[no-untyped-def]
    def poll() -> None:
        dialog = window.files.new_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def test_a_missing_folder_is_made(qtbot, window, tmp_path: Path):  # type: ignore[no-untyped-def]
    target = tmp_path / "no" / "such" / "Documents" / "salon.showday"

    def fill(dialog: NewEventDialog) -> None:
        dialog.name_edit.setText("PG 沙龙")
        dialog.path_edit.setText(str(target))
        dialog.accept()

    when_open(window, fill)
    window.actions_.new.trigger()
    assert window.session is not None and window.session.name == "PG 沙龙"
    assert target.is_file()


def test_when_the_folder_cannot_be_made_the_dialog_comes_back_with_the_name(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    seen: list[tuple[str, str]] = []

    def first(dialog: NewEventDialog) -> None:
        dialog.name_edit.setText("PG 沙龙")
        dialog.path_edit.setText(str(blocker / "salon.showday"))
        when_open(window, second)
        dialog.accept()

    def second(dialog: NewEventDialog) -> None:
        seen.append((dialog.name_edit.text(), dialog.path_edit.text()))
        dialog.reject()

    when_open(window, first)
    window.actions_.new.trigger()
    assert seen == [("PG 沙龙", str(blocker / "salon.showday"))]  # back, as typed
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("cannot be made" in b.text() for b in boxes)
    assert window.session is None
