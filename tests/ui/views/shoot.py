"""Screenshots of the role tabs without their feature panels, for a person to look at: each tab
with no event open, and the message a tab shows when its panel failed (Door: the panel raised,
so Try Again; Report: its module is missing).

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.views.shoot zh screenshots/views
(writes fallback-<view>-noevent-zh.png, fallback-{door,report}-failed-zh.png and
fallback-door-failed-narrow-zh.png, the door's message popped out into a 640x420 window)
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

from app import demo
from app.session import Session
from tests.harness.screens import save, settle, start_window
from ui.bridge import QtBridge
from ui.worker import Worker


def broken(session: Session, bridge: QtBridge, worker: Worker) -> None:
    raise RuntimeError("the door panel failed (screenshot)")


def main(lang: str, out_dir: str) -> int:
    import ui.main

    app, window, tmp = start_window(lang, (1400, 860), features=False)
    ui.main.setup_logging()  # the tab names this log file
    out = Path(out_dir)

    # No event: the window shows the welcome screen; each tab's own content, shown in place.
    window.stack.setCurrentWidget(window.host)
    for view_id in ("operator", "door", "moderator", "report"):
        window.host.show_view(view_id)
        settle(app, window.worker)
        save(window, out / f"fallback-{view_id}-noevent-{lang}.png")

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
        settle(app, window.worker, seconds=0.6)
        save(window, out / f"fallback-{view_id}-failed-{lang}.png")
    # Popped out into a small window: the sentence wraps, nothing is cut.
    popped = window.host.pop_out("door")
    assert popped is not None
    popped.resize(640, 420)
    settle(app, window.worker, seconds=0.6)
    save(popped, out / f"fallback-door-failed-narrow-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
