"""Screenshot of Setup > OBS automation in the real main window (demo event), scrolled into
view, for a person to look at: the whole window, and the section on its own.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb SHOWDAY_DATA_DIR=$(mktemp -d) \
        .venv/bin/python -m tests.ui.obs.shoot_setup zh_CN screenshots/obs
(writes obs-automation-zh_CN.png and obs-automation-section-zh_CN.png)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QWidget

from tests.harness.screens import save, settle, start_app
from ui.main import install_features
from ui.main_window import MainWindow
from ui.settings import Settings


def main(lang: str, out_dir: str) -> int:
    from app.demo import ensure_demo
    from app.paths import demo_event_path

    app, translators = start_app(lang)
    window = MainWindow(Settings(), translators)
    install_features(window)
    window.resize(1400, 900)
    window.show()
    path = demo_event_path()
    ensure_demo(path)
    window.open_event(path)
    window.show_view("setup")
    box: QWidget | None = None

    def found() -> bool:
        nonlocal box
        box = window.findChild(QWidget, "obsAutomation")
        return box is not None and box.isEnabled() and box.restore.isEnabled()  # type: ignore[attr-defined]

    settle(app, until=found, seconds=0)
    assert box is not None, "no OBS automation section"
    section = box.parentWidget()
    assert section is not None
    scroll = section
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(section, 0, 40)
    settle(app, seconds=1.0)
    out = Path(out_dir)
    save(window, out / f"obs-automation-{lang}.png")
    save(section, out / f"obs-automation-section-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
