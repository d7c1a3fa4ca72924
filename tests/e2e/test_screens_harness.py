"""Screenshots for people: a widget's own picture, and a real window on Xvfb (Qt's xcb platform)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from tests.harness import screenshot_path
from tests.harness.screens import grab, xvfb_screenshot

# A real top-level window in its own process: the test process itself is on the offscreen platform.
WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication(sys.argv)
    label = QLabel("签到 · 欢迎 Check-in")
    label.setStyleSheet("background: #202830; color: #f0f0f0; font-size: 40px; padding: 30px;")
    label.setGeometry(0, 0, 640, 200)
    label.show()
    QTimer.singleShot(300, lambda: print("shown", flush=True))
    sys.exit(app.exec())
    """
)


def _share_of(image: QImage, rgb: tuple[int, int, int], region: tuple[int, int, int, int]) -> float:
    x0, y0, w, h = region
    want = QColor(*rgb)
    hits = sum(
        image.pixelColor(x, y) == want for x in range(x0, x0 + w, 4) for y in range(y0, y0 + h, 4)
    )
    return hits / ((w // 4) * (h // 4))


def test_grab_saves_what_the_widget_shows(qtbot) -> None:  # noqa: ANN001 - pytest-qt fixture
    label = QLabel("主持人 Moderator")
    label.setStyleSheet("background: #204060; color: white; font-size: 24px;")
    label.resize(320, 80)
    qtbot.addWidget(label)

    path = grab(label, screenshot_path("harness-grab.png"))

    image = QImage(str(path))
    dpr = label.devicePixelRatio()
    assert (image.width(), image.height()) == (round(320 * dpr), round(80 * dpr))
    assert _share_of(image, (0x20, 0x40, 0x60), (0, 0, 320, 80)) > 0.5  # the background
    assert _share_of(image, (0x20, 0x40, 0x60), (0, 0, 320, 80)) < 1.0  # ...and some text


def test_xvfb_screenshot_shows_a_real_window(xvfb_display: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    child = subprocess.Popen(
        [sys.executable, "-c", WINDOW],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "shown", (
            f"window did not come up: {child.stderr.read() if child.stderr else ''}"
        )
        path = xvfb_screenshot(xvfb_display, screenshot_path("harness-xvfb-window.png"))
    finally:
        child.terminate()
        child.wait(timeout=10)

    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    window = _share_of(image, (0x20, 0x28, 0x30), (0, 0, 640, 200))
    assert 0.5 < window < 1.0  # the window's background, with text drawn on it
    assert _share_of(image, (0x20, 0x28, 0x30), (700, 300, 500, 400)) == 0.0  # rest of the screen
