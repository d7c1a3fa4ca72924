"""The studio style's check boxes (a QCheckBox, a checkable row of a list such as Preflight's
manual checklist): the empty box has a border an operator can see on the dark field, and a
ticked box is filled with a light tick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyleOptionButton,
    QWidget,
)


def lightness(widget: QWidget, r: QRect) -> list[int]:
    image = widget.grab().toImage()
    return [
        image.pixelColor(x, y).lightness()
        for x in range(max(r.left(), 0), min(r.right() + 1, image.width()))
        for y in range(max(r.top(), 0), min(r.bottom() + 1, image.height()))
    ]


@pytest.mark.parametrize("ticked", [False, True])
def test_a_check_box_is_visible_ticked_or_not(qtbot, styled, ticked: bool) -> None:  # type: ignore[no-untyped-def]
    box = QCheckBox("监听于 Listen on")
    qtbot.addWidget(box)
    box.setChecked(ticked)
    box.show()
    qtbot.waitExposed(box)
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    r = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    assert r.width() >= 14 and r.height() >= 14, r  # big enough to hit
    light = lightness(box, r)
    # a light border (unticked) or tick (ticked) against the dark window
    assert max(light) > 120 and min(light) < 60, (max(light), min(light))


@pytest.mark.parametrize("ticked", [False, True])
def test_a_checkable_list_row_shows_its_box(qtbot, styled, ticked: bool) -> None:  # type: ignore[no-untyped-def]
    view = QListWidget()
    qtbot.addWidget(view)
    row = QListWidgetItem("无线麦克风换新电池 Microphone batteries")
    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    view.addItem(row)
    view.resize(400, 80)
    view.show()
    qtbot.waitExposed(view)
    rect = view.visualItemRect(row)
    text_x = rect.left() + 24  # the box sits left of the text
    box = QRect(rect.left(), rect.top(), text_x - rect.left(), rect.height())
    light = lightness(view.viewport(), box)
    assert max(light) > 120, max(light)
