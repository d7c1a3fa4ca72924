"""Make the program icons from resources/icons/showday.svg with Qt's own image writers:
showday.ico (Windows, 16-256 px) and showday.icns (macOS). Run after changing the SVG:

    python scripts/icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    svg.render(p)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    svg = QSvgRenderer(str(ICONS / "showday.svg"))
    # Qt's ICO writer stores one image per file; the largest size Windows scales from is 256.
    # Its ICNS writer picks the sizes macOS wants from a 1024 px image.
    for name, size in (("showday.ico", 256), ("showday.icns", 1024)):
        writer = QImageWriter(str(ICONS / name))
        if not writer.write(render(svg, size)):
            print(f"{name}: {writer.errorString()}", file=sys.stderr)
            return 1
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
