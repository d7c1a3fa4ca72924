"""Screenshot of the whole main window with the OBS dock open and the chip, connected to a
real OBS, through the real command line (`python -m app --demo --obs HOST:PORT`).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.ui.obs.shoot_window \
        zh_CN screenshots/obs/obs-window-zh.png
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.harness.obs import ObsServer


def main(lang: str, out: str) -> int:
    work = Path(tempfile.mkdtemp())
    obs = ObsServer(work / "obs")
    (work / "obs").mkdir()
    obs.start()
    try:
        obs.reset()
        config = work / "config"
        (config / "Showday").mkdir(parents=True)
        (config / "Showday" / "Showday.ini").write_text(
            "[obs]\npanel_visible=true\n", encoding="utf-8"
        )
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(config),
            SHOWDAY_DATA_DIR=str(work / "data"),
            SHOWDAY_OBS_PASSWORD=obs.password,
        )
        cmd = [sys.executable, "-m", "app", "--demo", "--lang", lang]
        cmd += ["--obs", f"{obs.host}:{obs.port}", "--screenshot", str(Path(out).resolve())]
        return subprocess.run(cmd, env=env, timeout=60, check=False).returncode
    finally:
        obs.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
