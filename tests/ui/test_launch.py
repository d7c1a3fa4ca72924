"""The real entry point: `python -m app` starts, shows the demo event, saves a screenshot, quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SHOWDAY_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        encoding="utf-8",
    )


def test_demo_screenshot_and_quit(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = _run(
        ["--demo", "--lang", "en", "--screenshot", str(shot)], tmp_path, SHOWDAY_VIEW="door"
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "demo.showday").exists()
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 900)
    assert "Traceback" not in result.stderr
    log = (tmp_path / "data" / "logs" / "showday.log").read_text(encoding="utf-8")
    assert "screenshot" in log and "saved" in log


def test_opens_an_event_then_quits_after(tmp_path: Path) -> None:
    event = tmp_path / "salon.showday"
    assert _run(["new", str(event), "--name", "Salon"], tmp_path).returncode == 0
    result = _run([str(event), "--quit-after", "0.5", "--lan", "0.0.0.0:8765"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
