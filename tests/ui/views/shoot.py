"""Screenshots of the role tabs without their feature panels, for a person to look at: each tab
with no event open, and the message a tab shows when its panel failed (Door: the panel raised,
so Try Again; Report: its module is missing).

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.views.shoot zh screenshots/views
(writes fallback-<view>-noevent-zh.png, fallback-{door,report}-failed-zh.png and
fallback-door-failed-narrow-zh.png, the door's message popped out into a 640x420 window)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import types
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app import demo
from app.session import Session
from ui import theme
from ui.bridge import QtBridge
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.worker import Worker


def settle(app: QApplication, window: MainWindow, seconds: float = 0.6) -> None:
    """Let the worker finish and the window lay out and paint."""
    deadline = time.monotonic() + 15
    while window.worker.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def broken(session: Session, bridge: QtBridge, worker: Worker) -> None:
    raise RuntimeError("the door panel failed (screenshot)")


def main(lang: str, out_dir: str) -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["SHOWDAY_DATA_DIR"] = str(tmp / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "cfg"))
    import ui.main

    ui.main.setup_logging()  # the tab names this log file
    app = ui.main.make_app()
    theme.apply(app)
    translators = Translators()
    translators.switch("zh_CN" if lang == "zh" else "en")
    window = MainWindow(Settings(), translators)
    window.resize(1400, 860)
    window.show()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    # No event: the window shows the welcome screen; each tab's own content, shown in place.
    window.stack.setCurrentWidget(window.host)
    for view_id in ("operator", "door", "moderator", "report"):
        window.host.show_view(view_id)
        settle(app, window, 0.3)
        path = out / f"fallback-{view_id}-noevent-{lang}.png"
        window.grab().save(str(path))
        print(path)

    feature = types.ModuleType("showday_shoot_broken")
    feature.Broken = broken  # type: ignore[attr-defined]
    sys.modules["showday_shoot_broken"] = feature
    ui.main.PANELS = tuple(
        ("door", "showday_shoot_broken", "Broken")
        if view_id == "door"
        else ("report", "ui.no_such_report", "ReportPanel")
        if view_id == "report"
        else (view_id, module, cls)
        for view_id, module, cls in ui.main.PANELS
    )
    ui.main.install_features(window)
    window.set_session(window.files.open_path(demo.ensure_demo(tmp / "data" / "demo.showday")))
    for view_id in ("door", "report"):
        window.show_view(view_id)
        settle(app, window)
        path = out / f"fallback-{view_id}-failed-{lang}.png"
        window.grab().save(str(path))
        print(path)
    # Popped out into a small window: the sentence wraps, nothing is cut.
    popped = window.host.pop_out("door")
    assert popped is not None
    popped.resize(640, 420)
    settle(app, window)
    path = out / f"fallback-door-failed-narrow-{lang}.png"
    popped.grab().save(str(path))
    print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
