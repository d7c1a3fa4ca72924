"""Screenshots of Setup › Preflight, Setup › Cues and Setup › Cue log for a person to look at,
against a real OBS (the harness's, on its own Xvfb) that lacks some of the demo's scenes.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.cues.shoot zh screenshots/cues
(writes preflight-zh.png: no-go with its failures and fix buttons; triggers-zh.png: the
trigger editor with HTTP, OSC and scene triggers; trigger-edit-zh.png: the
Edit dialog opened on the T−15 s HTTP trigger, pre-filled; cue-log-zh.png: cues fired when the
show started, one OK, two failed: a scene OBS lacks, an HTTP receiver that is down)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import demo
from app.cues import store
from app.show.segments import list_segments
from tests.harness.obs import ObsServer
from tests.harness.screens import save, settle, start_window
from ui.cues import PreflightView, TriggersView
from ui.main_window import MainWindow


def main(lang: str, out_dir: str) -> int:
    obs_dir = Path(tempfile.mkdtemp())
    obs = ObsServer(obs_dir)
    obs.start()
    obs.reset()  # scenes Intro, Speaker, Break, Q&A
    try:
        app, window, tmp = start_window(lang)
        return shoot(app, window, lang, Path(out_dir), tmp, obs)
    finally:
        obs.shutdown()


def shoot(
    app: QApplication, window: MainWindow, lang: str, out: Path, tmp: Path, obs: ObsServer
) -> int:
    path = demo.ensure_demo(tmp / "demo.showday")
    window.open_event(path)
    settle(app, window.worker)
    session = window.session
    assert session is not None
    worker = session.obs.start()
    worker.connect(obs.host, obs.port, obs.password)
    settle(app, until=lambda: worker.status == "connected", seconds=0)
    segs = list_segments(session.ef)
    first, second = segs[0].id, segs[1].id
    store.add_trigger(session.ef, first, "start", "chime")
    store.add_trigger(session.ef, first, "start", "http", {"url": "http://127.0.0.1:9/ontime"})
    store.add_trigger(session.ef, first, "start", "scene", {"scene": "Sponsor wall"})
    store.add_trigger(session.ef, second, "start", "scene", {"scene": "Speaker"})
    store.add_trigger(
        session.ef,
        second,
        "before_end",
        "http",
        {
            "method": "POST",
            "url": "http://127.0.0.1:4001/api/wrap",
            "body": '{"title": "{{segment.title}}", "offset": "{{show.offset}}"}',
        },
        offset_s=15,
    )
    store.add_trigger(
        session.ef,
        second,
        "overtime",
        "osc",
        {"host": "127.0.0.1", "port": 8000, "address": "/companion/overtime", "args": [1]},
    )
    store.add_trigger(session.ef, second, "overtime", "advance")

    setup = window.views["setup"]
    window.show_view("setup")
    title = {"zh": ("开播前检查", "自动提示", "提示日志"), "en": ("Preflight", "Cues", "Cue log")}
    pre, cues, log = title["zh" if lang == "zh" else "en"]
    setup.show_section(pre)
    settle(app, window.worker)
    view = window.findChild(PreflightView)
    assert view is not None
    view.who.setText("王芳" if lang == "zh" else "Wang Fang")
    view.run_checks()
    settle(app, until=lambda: view.last_run is not None, seconds=0)
    view.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    settle(app, window.worker, seconds=1.0)
    save(window, out / f"preflight-{lang}.png")

    setup.show_section(cues)
    settle(app, window.worker)
    triggers = window.findChild(TriggersView)
    assert triggers is not None
    triggers.segment.setCurrentIndex(1)
    triggers.action.setCurrentIndex(triggers.action.findData("osc"))
    settle(app, window.worker)
    save(window, out / f"triggers-{lang}.png")

    triggers.table.setCurrentCell(1, 1)  # the T−15 s HTTP trigger, edited in place
    triggers.edit_selected()
    editor = triggers.editor
    assert editor is not None
    settle(app, until=editor.isVisible, seconds=0.5)
    save(editor, out / f"trigger-edit-{lang}.png")
    editor.reject()

    window.worker.run(session.show.start)
    setup.show_section(log)
    settle(app, until=lambda: len(store.cue_log(session.core_ef)) >= 3, seconds=0)
    settle(app, window.worker, seconds=1.0)
    save(window, out / f"cue-log-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
