"""Screenshots of Setup › Preflight, Setup › Cues and Setup › Cue log for a person to look at,
against a real OBS (the harness's, on its own Xvfb) that lacks some of the demo's scenes.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.cues.shoot zh screenshots/cues
(writes preflight-zh.png: no-go with its failures and fix buttons; triggers-zh.png: the
trigger editor with HTTP, OSC and scene triggers; cue-log-zh.png: cues fired when the show
started, one OK, one failed)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app import demo
from app.cues import store
from app.show.segments import list_segments
from tests.harness.obs import ObsServer
from ui import theme
from ui.cues import PreflightView, TriggersView
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.settings import Settings


def settle(app: QApplication, window: MainWindow, seconds: float = 0.5) -> None:
    deadline = time.monotonic() + 15
    while window.worker.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def until(app: QApplication, predicate, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screenshot state not reached")
        app.processEvents()
        time.sleep(0.05)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def main(lang: str, out_dir: str) -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["SHOWDAY_DATA_DIR"] = str(tmp / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "cfg"))
    (tmp / "obs").mkdir()
    obs = ObsServer(tmp / "obs")
    obs.start()
    obs.reset()  # scenes Intro, Speaker, Break, Q&A
    try:
        return shoot(lang, Path(out_dir), tmp, obs)
    finally:
        obs.shutdown()


def shoot(lang: str, out: Path, tmp: Path, obs: ObsServer) -> int:
    import ui.main

    app = ui.main.make_app()
    theme.apply(app)
    translators = Translators()
    translators.switch("zh_CN" if lang == "zh" else "en")
    window = MainWindow(Settings(), translators)
    ui.main.install_features(window)
    window.resize(1500, 900)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    path = demo.ensure_demo(tmp / "demo.showday")
    window.open_event(path)
    settle(app, window)
    session = window.session
    assert session is not None
    worker = session.obs.start()
    worker.connect(obs.host, obs.port, obs.password)
    until(app, lambda: worker.status == "connected")
    segs = list_segments(session.ef)
    first, second = segs[0].id, segs[1].id
    store.add_trigger(session.ef, first, "start", "chime")
    store.add_trigger(session.ef, first, "start", "http", {"url": "http://127.0.0.1:9/ontime"})
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
    settle(app, window)
    view = window.findChild(PreflightView)
    assert view is not None
    view.who.setText("王芳" if lang == "zh" else "Wang Fang")
    view.run_checks()
    until(app, lambda: view.last_run is not None)
    from PySide6.QtCore import Qt

    view.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    settle(app, window, 1.0)
    save(window, out / f"preflight-{lang}.png")

    setup.show_section(cues)
    settle(app, window)
    triggers = window.findChild(TriggersView)
    assert triggers is not None
    triggers.segment.setCurrentIndex(1)
    triggers.action.setCurrentIndex(triggers.action.findData("osc"))
    settle(app, window)
    save(window, out / f"triggers-{lang}.png")

    window.worker.run(session.show.start)
    setup.show_section(log)
    until(app, lambda: len(store.cue_log(session.core_ef)) >= 2)
    settle(app, window, 1.0)
    save(window, out / f"cue-log-{lang}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
