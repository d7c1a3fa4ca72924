"""The show panel's own translation file: complete, compiled, and used; plus screenshots of the
panel and the stage window in English and Chinese (saved under screenshots/show/)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.harness import screenshot_path
from tests.harness.screens import grab
from tests.ui.show.conftest import Rig

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "show_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "show").glob("*.py"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            out[(ctx.findtext("name") or "", m.findtext("source") or "")] = m.find("translation")
    return out


def test_every_show_string_is_translated_and_the_qm_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "show.ts"
    shutil.copy(TS, fresh)
    lupdate = [BIN / "pyside6-lupdate", "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*lupdate, *SOURCES, "-ts", fresh], cwd=ROOT, check=True)
    now, before = messages(fresh), messages(TS)
    assert set(now) == set(before), "run pyside6-lupdate on ui/show and translate"
    for (ctx, src), t in before.items():
        assert not t.get("type") and (t.text or "").strip(), (ctx, src)
        assert set(re.findall(r"\{\w+\}", src)) == set(re.findall(r"\{\w+\}", t.text or ""))
    qm = tmp_path / "check.qm"
    subprocess.run([BIN / "pyside6-lrelease", "-silent", TS, "-qm", qm], check=True)
    assert qm.read_bytes() == QM.read_bytes(), "show_zh_CN.qm is stale: run pyside6-lrelease"


@pytest.fixture
def chinese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translators = []
    for name in ("showday_zh_CN.qm", "show_zh_CN.qm"):
        t = QTranslator()
        if t.load(str(ROOT / "resources" / "i18n" / name)):
            QCoreApplication.installTranslator(t)
            translators.append(t)
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


def _stage_scene(rig: Rig) -> None:
    rig.control.start()
    rig.clock.at(310)
    rig.control.next()
    rig.clock.at(310 + 505)  # B: 1:35 left, warning
    rig.control.message("还有 2 分钟 Two minutes left", blink=False)
    rig.panel.refresh()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_of_the_panel_and_the_stage_window(qtbot, rig: Rig, lang: str, request) -> None:  # type: ignore[no-untyped-def]
    if lang == "zh":
        request.getfixturevalue("chinese")
        qtbot.waitUntil(lambda: rig.panel.buttons["next"].text() == "下一个 ▶")
    _stage_scene(rig)
    qtbot.waitUntil(lambda: "Two minutes" in rig.panel.messages.current.text())
    p = rig.panel
    expected = {
        "en": ("1:35", "Next ▶", "Message to the speaker"),
        "zh": ("1:35", "下一个 ▶", "给讲者的消息"),
    }
    assert (p.timer.time.text(), p.buttons["next"].text(), p.messages.title()) == expected[lang]
    grab(p, screenshot_path(f"show/panel-{lang}.png"))
    window = p.stage_menu.open_on(None)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    window.refresh()
    qtbot.wait(100)  # let the layout follow the new font sizes
    assert window.time.text() == "1:35"
    assert window.next.text() == (
        "下一个：Segment C · Speaker C" if lang == "zh" else "Next: Segment C · Speaker C"
    )
    grab(window, screenshot_path(f"show/stage-window-{lang}.png"))
