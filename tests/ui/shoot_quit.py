"""Screenshot of "Quit during the show?" (Ctrl+Q while the show runs with the station server
open), for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.shoot_quit zh screenshots/operator
(writes quit-zh.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer


def main(lang: str, out_dir: str) -> int:
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["SHOWDAY_DATA_DIR"] = str(work / "data")
    from app import demo
    from tests.harness import free_port
    from tests.harness.screens import grab
    from ui import theme
    from ui.i18n import Translators
    from ui.main import install_features, make_app
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = make_app()
    theme.apply(app)
    translators = Translators()
    translators.switch("zh_CN" if lang == "zh" else "en")
    window = MainWindow(Settings(), translators)
    install_features(window)
    window.show()
    window.open_event(demo.ensure_demo(work / "data" / "demo.showday"))
    lan = window.lan_feature
    lan.controller.start("127.0.0.1", free_port())
    deadline = time.monotonic() + 15
    while not lan.controller.running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    assert window.session is not None
    window.session.show.start()
    out = Path(out_dir) / f"quit-{lang}.png"

    def shoot() -> None:
        box = window.quit_box
        if box is None or not box.isVisible():
            QTimer.singleShot(50, shoot)
            return
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        print(grab(box, out))
        box.defaultButton().click()  # Keep Running

    QTimer.singleShot(300, shoot)
    window.actions_.quit.trigger()
    assert window.isVisible() and lan.controller is not None  # kept running
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
