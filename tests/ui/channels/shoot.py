"""Screenshots of Setup › Channels and the printed QR sheet for a person to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.channels.shoot zh screenshots/channels
(writes channels-zh.png: the section with six channels, their links and costs;
sheet-zh.png: the team's A4 sheet of every channel's code as written by "Write QR codes…";
report-channels-zh.png: the Report view's funnel per channel with costs)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from app import demo
from app.channels import Channel, ChannelSettings
from tests.harness.screens import save, settle, start_window
from ui.channels import ChannelsSetup

CHANNELS = (
    Channel("公众号", "gzh", 1200),
    Channel("视频号", "sph", 800),
    Channel("社群", "sq", 300),
    Channel("合作伙伴 PingCAP", "partner-pingcap"),
    Channel("官网", "web", 0),
    Channel("Eventbrite", "eventbrite", 450),
)


def main(lang: str, out_dir: str) -> int:
    app, window, tmp = start_window(lang)
    out = Path(out_dir)
    path = demo.ensure_demo(tmp / "demo.showday")
    with_channels = ChannelSettings("https://www.wjx.cn/vm/tUvWx12.aspx", "", CHANNELS)
    window.open_event(path)
    settle(app, window.worker, lambda: window.session is not None, seconds=0)
    assert window.session is not None
    window.session.channels.save(with_channels)
    window.show_view("setup")
    window.views["setup"].show_section("渠道" if lang == "zh" else "Channels")
    view = window.findChild(ChannelsSetup)
    assert view is not None
    view.setProperty("open_folder", False)
    view.load()
    settle(app, window.worker, lambda: view.table.rowCount() == len(CHANNELS), seconds=0)
    view.write_to(tmp / "qr")
    settle(app, until=lambda: view.written is not None, seconds=0.4)
    save(window, out / f"channels-{lang}.png")
    shutil.copy(tmp / "qr" / "channels-sheet-1.png", out / f"sheet-{lang}.png")
    print(out / f"sheet-{lang}.png")
    from ui.report.panel import ReportPanel

    window.show_view("report")
    panel = window.findChild(ReportPanel)
    assert panel is not None
    # the panel refreshes on showing (the channels were saved while it was hidden)
    settle(
        app,
        until=lambda: (
            panel.channels.rowCount() > 0 and panel.channels.item(0, 0).text() == "公众号"
        ),
    )
    save(panel.channels, out / f"report-channels-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
