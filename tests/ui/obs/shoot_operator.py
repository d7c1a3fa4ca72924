"""Screenshots of the operator's OBS pieces in the real main window, on the demo event and a real
OBS, for a person to look at: an alert in the Operator view (a segment names a scene OBS lacks),
the OBS dock at its default width and floated, the connection dialog and "Set up OBS for me"'s
list of changes.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python -m tests.ui.obs.shoot_operator zh screenshots/operator
(writes alert-zh.png, obs-dock-zh.png, obs-floating-zh.png, obs-connection-zh.png,
obs-setup-plan-zh.png; OBS itself runs on its own Xvfb.)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(lang: str, out_dir: str) -> int:
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["SHOWDAY_DATA_DIR"] = str(work / "data")
    from app import demo
    from app.show import ShowControl
    from tests.harness.obs import ObsServer
    from tests.harness.screens import save, settle, start_app
    from ui.main import install_features
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app, translators = start_app(lang)
    out = Path(out_dir)
    (work / "obs").mkdir()
    obs = ObsServer(work / "obs")
    obs.start()
    try:
        obs.reset()
        os.environ["SHOWDAY_OBS_PASSWORD"] = obs.password
        window = MainWindow(Settings(), translators)
        window.launch_obs = (obs.host, obs.port)
        install_features(window)
        window.show()
        window.open_event(demo.ensure_demo(work / "data" / "demo.showday"))
        feature = window.obs_feature
        settle(app, until=lambda: feature.link.status == "connected")
        window.show_view("operator")
        session = window.session
        assert session is not None
        control = ShowControl(session.ef, session.bus)
        control.start()
        control.goto(session.ef.value("SELECT id FROM segments WHERE obs_scene = 'Panel'"))
        bar = window.views["operator"].body.alerts  # type: ignore[union-attr]
        settle(app, until=lambda: bar.rows and "Panel" in bar.rows[0][1].text())
        save(window, out / f"alert-{lang}.png")

        feature.open()
        settle(app, until=lambda: feature.dock.isVisible())
        save(window, out / f"obs-dock-{lang}.png")
        feature.dock.setFloating(True)
        settle(app, until=lambda: feature.dock.isFloating())
        save(feature.dock, out / f"obs-floating-{lang}.png")
        feature.dock.setFloating(False)

        dialog = feature.panel.open_connection_dialog()
        settle(app, until=dialog.isVisible)
        save(dialog, out / f"obs-connection-{lang}.png")
        dialog.reject()

        feature.run_setup()
        settle(app, until=lambda: feature.panel.plan_dialog is not None)
        plan = feature.panel.plan_dialog
        settle(app, until=plan.isVisible)  # type: ignore[union-attr]
        save(plan, out / f"obs-setup-plan-{lang}.png")
        plan.reject()  # type: ignore[union-attr]
        window.close()
    finally:
        obs.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
