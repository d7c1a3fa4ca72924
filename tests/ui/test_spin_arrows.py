"""The studio style's spin boxes (numbers, times, seconds): their up/down arrows are light on
the dark field, so an operator sees where to click; the arrow images resolve wherever the
app was started from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QTimeEdit,
)

from ui import theme


def test_every_image_of_the_style_sheet_exists() -> None:
    sheet = theme.style_sheet()
    urls = re.findall(r"url\(([^)]+)\)", sheet)
    assert urls and "@styles/" not in sheet
    for url in urls:
        assert Path(url).is_absolute() and Path(url).is_file(), url


@pytest.mark.parametrize("kind", [QSpinBox, QDoubleSpinBox, QTimeEdit])
def test_spin_box_arrows_are_light_on_the_dark_field(qtbot, styled, kind) -> None:  # type: ignore[no-untyped-def]
    box: QAbstractSpinBox = kind()
    qtbot.addWidget(box)
    box.resize(160, 36)
    box.show()
    qtbot.waitExposed(box)
    # mid-range, so both arrows can step (an arrow that cannot is drawn dimmer)
    if isinstance(box, QTimeEdit):
        box.setTime(QTime(12, 30))
        box.setCurrentSection(QTimeEdit.Section.MinuteSection)
    else:
        box.setValue(5)  # type: ignore[attr-defined]
    image = box.grab().toImage()
    opt = QStyleOptionSpinBox()
    box.initStyleOption(opt)  # type: ignore[attr-defined]
    for sub in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        r = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, sub, box)
        assert r.width() >= 16 and r.height() >= 8, r  # big enough to hit
        light = [
            image.pixelColor(x, y).lightness()
            for x in range(r.left(), r.right() + 1)
            for y in range(r.top(), r.bottom() + 1)
        ]
        # the arrow is near-white (the text colour) and the button around it dark
        assert max(light) > 200 and min(light) < 80, (sub, max(light), min(light))
