"""Opening a bad file through the window shows a clear, translated message, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import EventFile
from tests.ui.conftest import message_boxes


def _not_sqlite(tmp: Path) -> Path:
    p = tmp / "guests.showday"
    p.write_text("name,company\n张三,阿里云\n", encoding="utf-8")
    return p


def _other_database(tmp: Path) -> Path:
    p = tmp / "notes.showday"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    return p


def _newer(tmp: Path) -> Path:
    p = tmp / "future.showday"
    EventFile.create(p, "From the future").close()
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return p


@pytest.fixture
def read_only_file(tmp_path: Path) -> Iterator[Path]:
    """An event file this process cannot write, even as root (chattr +i where chmod is not enough)."""
    p = tmp_path / "locked.showday"
    EventFile.create(p, "Locked").close()
    p.chmod(stat.S_IRUSR | stat.S_IRGRP)
    immutable = False
    if os.access(p, os.W_OK) and shutil.which("chattr"):  # root ignores file modes
        immutable = subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode == 0
    if os.access(p, os.W_OK):
        reason = "cannot make a file read-only here (root without chattr +i)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield p
    if immutable:
        subprocess.run(["chattr", "-i", str(p)], check=False)
    p.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_not_sqlite, "“guests.showday” is not a Showday event file."),
        (_other_database, "“notes.showday” is not a Showday event file."),
        (_newer, "“future.showday” was saved by a newer version of Showday."),
        (lambda tmp: tmp / "gone.showday", "“gone.showday” is no longer there."),
    ],
    ids=["not-sqlite", "other-database", "newer", "missing"],
)
def test_bad_file_shows_message(qtbot, window, tmp_path: Path, make, expected: str) -> None:
    path = make(tmp_path)
    before = path.read_bytes() if path.exists() else None
    assert not window.open_event(path)
    boxes = message_boxes()
    assert len(boxes) == 1
    assert boxes[0].text().startswith(expected)
    assert boxes[0].windowTitle() == "Cannot open the event"
    assert "Traceback" not in boxes[0].text() + boxes[0].informativeText()
    assert window.session is None and window.stack.currentWidget() is window.welcome
    if before is not None:
        assert path.read_bytes() == before  # nothing was changed or lost
    boxes[0].close()


def test_read_only_file_shows_message(qtbot, window, read_only_file: Path) -> None:
    assert not window.open_event(read_only_file)
    (box,) = message_boxes()
    assert box.text().startswith("“locked.showday” is read-only.")
    assert "Copy it somewhere writable" in box.text()
    box.close()


def test_message_is_translated(qtbot, window, tmp_path: Path) -> None:
    window.switch_language("zh_CN")
    assert not window.open_event(_not_sqlite(tmp_path))
    (box,) = message_boxes()
    assert box.text() == "“guests.showday”不是 Showday 活动文件。"
    assert box.windowTitle() == "无法打开活动"
    box.close()


def test_missing_recent_file_leaves_the_recent_list(qtbot, window, tmp_path: Path) -> None:
    p = tmp_path / "moved.showday"
    EventFile.create(p, "Moved").close()
    assert window.open_event(p)
    window.close_event()
    p.unlink()
    window.recent_actions()[0].trigger()
    (box,) = message_boxes()
    assert "no longer there" in box.text()
    box.close()
    assert window.recent_actions() == []
