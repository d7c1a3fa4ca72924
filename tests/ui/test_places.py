"""The window's side of risky places: New Event warns about a synced folder and moves the file
to a local one in one click; an export over a file Excel holds says so in the UI's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import places
from app.export import FileInUseError
from tests.harness import screenshot_path
from tests.harness.screens import grab
from ui import theme
from ui.dialogs.new_event import NewEventDialog
from ui.i18n import Translators
from ui.worker import describe_error


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_new_event_in_onedrive_warns_and_offers_a_local_folder(
    qtbot,  # noqa: ANN001
    qapp: QApplication,
    translators: Translators,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    theme.apply(qapp)
    translators.switch(lang)
    monkeypatch.setattr(places, "local_folder", lambda: tmp_path / "Showday Events")
    dlg = NewEventDialog(tmp_path / "OneDrive" / "Documents")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name_edit.setText("PostgreSQL 沙龙")
    assert dlg.folder_warning.isVisible() and "OneDrive" in dlg.folder_warning.text()
    grab(dlg, screenshot_path(f"new-event-onedrive-{lang}.png"))
    dlg.use_local.click()
    assert dlg.path() == tmp_path / "Showday Events" / "PostgreSQL 沙龙.showday"
    assert (tmp_path / "Showday Events").is_dir()
    assert not dlg.folder_warning.isVisible()


@pytest.mark.parametrize(("lang", "words"), [("en", "open in another program"), ("zh_CN", "Excel")])
def test_a_file_in_use_is_explained(translators: Translators, lang: str, words: str) -> None:
    translators.switch(lang)
    text = describe_error(FileInUseError(Path("/x/attendance.xlsx")))
    assert "attendance.xlsx" in text and words in text
    if lang == "zh_CN":
        assert "另一个程序" in text
