"""Screenshots of Setup › Rundown and Setup › Event for a person to look at: the editor empty,
with the demo's 10 segments (one skipped, one typed into), a bad import's line-numbered errors,
and the event details.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.rundown.shoot zh screenshots/rundown
(writes rundown-empty-zh.png, rundown-10-zh.png, rundown-import-errors-zh.png, event-zh.png)

The scene marks: OBS's scene list is published on the bus as the OBS worker does (an
ObsStateChanged without a real OBS), so the editor marks the scenes OBS lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import demo
from app.bus import ObsStateChanged
from app.event import update_event
from app.show.segments import Segments
from app.store import EventFile
from tests.harness.screens import save, settle, start_window
from ui.rundown.editor import RundownEditor


def main(lang: str, out_dir: str) -> int:
    app, window, tmp = start_window(lang)
    out = Path(out_dir)
    rundown_title = "流程" if lang == "zh" else "Rundown"

    # An empty new event: the editor says how to start.
    empty = tmp / "new.showday"
    EventFile.create(empty, "PostgreSQL 技术沙龙").close()
    window.open_event(empty)
    window.show_view("setup")
    setup = window.views["setup"]
    setup.show_section(rundown_title)
    settle(app, window.worker)
    save(window, out / f"rundown-empty-{lang}.png")

    # The demo's 10 segments, one skipped; OBS connected with some of the scenes.
    path = demo.ensure_demo(tmp / "demo.showday")
    ef = EventFile.open(path)
    segs = Segments(ef)
    rows = segs.list()
    segs.set_skip(rows[7].id, True)
    segs.update(rows[2].id, hard_start="15:10", colour="blue")
    update_event(ef, None, co_hosts=["PostgreSQL 中文社区", "云和恩墨 Enmotech"])
    ef.close()
    window.open_event(path)
    window.show_view("setup")
    setup.show_section(rundown_title)
    settle(app, window.worker)
    assert window.session is not None
    window.session.bus.publish(
        ObsStateChanged({"status": "connected", "scenes": ["Showday", "Intro", "Speaker", "QA"]})
    )
    editor = window.findChild(RundownEditor)
    assert isinstance(editor, RundownEditor)
    editor.select(3, "title")
    settle(app, window.worker)
    save(window, out / f"rundown-10-{lang}.png")

    # A broken rundown file: every bad row by its line, nothing imported.
    bad = tmp / ("流程-有错.csv" if lang == "zh" else "rundown-broken.csv")
    bad.write_text(
        "环节,嘉宾,时长,开始时间,颜色\n"
        "开场,主持人,5,14:00,红色\n"
        "主题分享,张伟,半小时,,\n"
        "茶歇,,10,25:61,\n"
        ",李娜,30,,\n"
        "问答,主持人,15,,magenta\n",
        encoding="utf-8",
    )
    dialog = editor.open_import(bad)
    settle(app, window.worker, seconds=1.0)
    save(dialog, out / f"rundown-import-errors-{lang}.png")
    dialog.close()

    # Setup › Event with venue, start and co-hosts.
    setup.show_section("活动" if lang == "zh" else "Event")
    settle(app, window.worker)
    save(window, out / f"event-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
