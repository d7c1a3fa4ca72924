"""Screenshots of Setup › Channels and the printed QR sheet for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.channels.shoot zh screenshots/channels
(writes channels-zh.png: the section with six channels, their links and costs;
sheet-zh.png: the team's A4 sheet of every channel's code as written by "Write QR codes…";
report-channels-zh.png: the Report view's funnel per channel with costs)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app import demo
from app.channels import Channel, ChannelSettings
from ui import theme
from ui.channels import ChannelsSetup
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.settings import Settings

CHANNELS = (
    Channel("公众号", "gzh", 1200),
    Channel("视频号", "sph", 800),
    Channel("社群", "sq", 300),
    Channel("合作伙伴 PingCAP", "partner-pingcap"),
    Channel("官网", "web", 0),
    Channel("Eventbrite", "eventbrite", 450),
)


def until(app: QApplication, predicate, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshot state not reached")
        app.processEvents()
        time.sleep(0.05)


def main(lang: str, out_dir: str) -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["SHOWDAY_DATA_DIR"] = str(tmp / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "cfg"))
    import ui.main

    app = ui.main.make_app()
    theme.apply(app)
    translators = Translators()
    translators.switch("zh_CN" if lang == "zh" else "en")
    window = MainWindow(Settings(), translators)
    ui.main.install_features(window)
    window.resize(1500, 900)
    window.show()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = demo.ensure_demo(tmp / "demo.showday")
    with_channels = ChannelSettings("https://www.wjx.cn/vm/tUvWx12.aspx", "", CHANNELS)
    window.open_event(path)
    until(app, lambda: window.session is not None and not window.worker.busy)
    assert window.session is not None
    window.session.channels.save(with_channels)
    window.show_view("setup")
    window.views["setup"].show_section("渠道" if lang == "zh" else "Channels")
    view = window.findChild(ChannelsSetup)
    assert view is not None
    view.setProperty("open_folder", False)
    view.load()
    until(app, lambda: view.table.rowCount() == len(CHANNELS) and not window.worker.busy)
    view.write_to(tmp / "qr")
    until(app, lambda: view.written is not None)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out / f"channels-{lang}.png"))
    shutil.copy(tmp / "qr" / "channels-sheet-1.png", out / f"sheet-{lang}.png")
    from ui.report.panel import ReportPanel

    window.show_view("report")
    panel = window.findChild(ReportPanel)
    assert panel is not None
    # the panel refreshes on showing (the channels were saved while it was hidden)
    until(
        app, lambda: panel.channels.rowCount() > 0 and panel.channels.item(0, 0).text() == "公众号"
    )
    panel.channels.grab().save(str(out / f"report-channels-{lang}.png"))
    print(out / f"channels-{lang}.png", out / f"sheet-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
