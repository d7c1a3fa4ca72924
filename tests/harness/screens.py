"""Screenshots that people look at.

- ``grab(widget, path)``: a QWidget's own rendering (``QWidget.grab``); works on the offscreen
  platform, so any pytest-qt test can save what a widget shows.
- ``xvfb_screenshot(display, path)``: the whole screen of an X display (ImageMagick's
  ``import -window root``), for real top-level windows under Xvfb (``xvfb_display`` fixture).

Put screenshots under ``screenshots/`` at the repo root (gitignored): ``screenshot_path(name)``
in ``tests.harness`` gives that path. Both functions create parent folders and return the path.

The screenshot scripts (``tests/ui/*/shoot*.py``, run under xvfb-run) share the rest, so each
says only what to show:

- ``start_window(lang, size)``: the real main window with its features, in ``lang``, on private
  data and settings folders (nothing of the user's is read or written); ``start_app(lang)`` is
  the themed application alone, for a script that shows a panel by itself.
- ``settle(app, worker, until)``: turn the event loop until the worker is idle and ``until()``
  holds (TimeoutError if it never does), then a moment more to lay out and paint.
- ``save(widget, path)``: ``grab`` and print the path, for the person running the script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.harness import require
from ui import theme
from ui.i18n import Translators
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.worker import Worker


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


def private_folders() -> Path:
    """A new temporary folder holding the data folder and the settings of this process, so a
    script neither reads nor changes the user's events, recent files or window state."""
    tmp = Path(tempfile.mkdtemp())
    os.environ["SHOWDAY_DATA_DIR"] = str(tmp / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "cfg"))
    return tmp


def start_app(lang: str) -> tuple[QApplication, Translators]:
    """The themed application in ``lang`` ("zh", "zh_CN" or "en") as Showday starts it: every
    domain's translations and Qt's own."""
    import ui.main

    app = ui.main.make_app()
    theme.apply(app)
    translators = Translators()
    translators.switch("zh_CN" if lang.startswith("zh") else "en")
    return app, translators


def start_window(
    lang: str, size: tuple[int, int] = (1500, 900), features: bool = True
) -> tuple[QApplication, MainWindow, Path]:
    """The main window shown at ``size`` in ``lang`` on ``private_folders()`` (returned as the
    third item), with every feature installed unless ``features`` is False."""
    import ui.main

    tmp = private_folders()
    app, translators = start_app(lang)
    window = MainWindow(Settings(), translators)
    if features:
        ui.main.install_features(window)
    window.resize(*size)
    window.show()
    return app, window, tmp


def settle(
    app: QApplication,
    worker: Worker | None = None,
    until: Callable[[], object] | None = None,
    seconds: float = 0.3,
    timeout: float = 30.0,
) -> None:
    """Turn the event loop until ``worker`` (if any) is idle and ``until()`` (if any) holds, then
    ``seconds`` more so the widgets lay out and paint. TimeoutError after ``timeout`` seconds:
    a screenshot of the wrong state would mislead the person looking at it."""
    deadline = time.monotonic() + timeout
    while (worker is not None and worker.busy) or (until is not None and not until()):
        if time.monotonic() > deadline:
            raise TimeoutError("the state to shoot was not reached")
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget: Any, path: str | os.PathLike[str]) -> Path:
    """``grab(widget, path)`` and print the path (the scripts list what they wrote)."""
    out = grab(widget, path)
    print(out)
    return out
