"""The studio style shows which button has keyboard focus: an operator who tabs through the
desk (no mouse at the door, a keyboard-only show) sees where Space or Enter will land."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget


def edge(button: QPushButton) -> QColor:
    """The colour of the button's top edge, in the middle (its border)."""
    image = button.grab().toImage()
    return image.pixelColor(image.width() // 2, 0)


def test_the_focused_button_has_an_edge_the_others_do_not(qtbot, styled) -> None:  # type: ignore[no-untyped-def]
    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    start, nxt, plain = QPushButton("开始 Start"), QPushButton("下一段 Next"), QPushButton("Pause")
    start.setDefault(True)
    for b in (start, nxt, plain):
        row.addWidget(b)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    for focused in (nxt, start):  # a plain button, then the default (blue) one
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        ring = edge(focused)
        others = [edge(b) for b in (start, nxt, plain) if b is not focused]
        assert ring.red() > 200 and ring.green() > 150 and ring.blue() < 140, ring.name()
        assert all(c.name() != ring.name() for c in others), (
            ring.name(),
            [c.name() for c in others],
        )
