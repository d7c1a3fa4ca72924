"""Screenshots that people look at.

- ``grab(widget, path)``: a QWidget's own rendering (``QWidget.grab``); works on the offscreen
  platform, so any pytest-qt test can save what a widget shows.
- ``xvfb_screenshot(display, path)``: the whole screen of an X display (ImageMagick's
  ``import -window root``), for real top-level windows under Xvfb (``xvfb_display`` fixture).

Put screenshots under ``screenshots/`` at the repo root (gitignored): ``screenshot_path(name)``
in ``tests.harness`` gives that path. Both functions create parent folders and return the path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.harness import require


def grab(widget: Any, path: str | os.PathLike[str]) -> Path:
    """Save ``widget.grab()`` (a QWidget, including its children) as a PNG at ``path``."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    pixmap = widget.grab()
    if pixmap.isNull() or not pixmap.save(str(out)):
        raise RuntimeError(f"could not save a screenshot of {widget!r} to {out}")
    return out


def xvfb_screenshot(display: str, path: str | os.PathLike[str], timeout: float = 20.0) -> Path:
    """Save the whole X screen of ``display`` (e.g. ":99") as a PNG at ``path``."""
    require(shutil.which("import") is not None, "ImageMagick is not installed (import)")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DISPLAY=display)
    result = subprocess.run(
        ["import", "-display", display, "-window", "root", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        encoding="utf-8",
    )
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"import -window root on {display} failed: {result.stderr.strip()}")
    return out
