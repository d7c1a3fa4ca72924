"""Opening a bad file through the window shows a clear, translated message, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from app.store import EventFile
from tests.ui.conftest import message_boxes

ROOT = Path(__file__).resolve().parents[2]


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


READ_ONLY_PROBE = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.settings import Settings
window = MainWindow(Settings(), Translators())
window.show()
opened = window.open_event(Path(sys.argv[1]))
boxes = [b for b in app.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
print(opened, len(boxes))
print(boxes[0].text() if boxes else "")
window.close()
"""


def test_read_only_file_shows_message(qtbot, window, tmp_path: Path) -> None:
    """A file this user cannot write. Root can write anything, so as root the same UI code runs
    in a child process as `nobody` (setpriv), on a file root owns."""
    if os.geteuid() != 0:
        p = tmp_path / "locked.showday"
        EventFile.create(p, "Locked").close()
        p.chmod(stat.S_IRUSR | stat.S_IRGRP)
        assert not window.open_event(p)
        (box,) = message_boxes()
        text = box.text()
        box.close()
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)
    else:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test read-only files as root"
        base = Path(tempfile.mkdtemp(prefix="showday-ro-"))
        try:
            base.chmod(0o755)  # nobody may read here, not write
            p = base / "locked.showday"
            EventFile.create(p, "Locked").close()
            p.chmod(0o444)
            home = base / "home"
            home.mkdir(mode=0o777)
            home.chmod(0o777)
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
            env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_RUNTIME_DIR=str(home))
            out = subprocess.run(
                [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
                + ["-c", READ_ONLY_PROBE, str(p)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
                encoding="utf-8",
            )
            opened, text = out.stdout.split("\n", 1)
            assert opened == "False 1", out.stderr
        finally:
            shutil.rmtree(base)
    assert text.startswith("“locked.showday” is read-only.")
    assert "Copy it somewhere writable" in text


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
