"""Translations: complete, compiled, and switched live; the language choice is remembered."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import wait_loaded
from ui.i18n import choose_language
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The live entries of a .ts file (not those kept as vanished/obsolete), by (context, source)."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            translation = m.find("translation")
            assert translation is not None
            if translation.get("type") not in ("vanished", "obsolete"):
                out[(name, m.findtext("source") or "")] = translation
    return out


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def test_every_ui_string_is_in_the_ts_file_and_translated(tmp_path: Path) -> None:
    committed = I18N / "showday_zh_CN.ts"
    fresh = tmp_path / "showday_zh_CN.ts"
    shutil.copy(committed, fresh)
    subprocess.run(
        [
            BIN / "pyside6-lupdate",
            "-silent",
            "-locations",
            "none",
            *_sources(),
            "-ts",
            fresh,
        ],
        cwd=ROOT,
        check=True,
    )
    now, before = _messages(fresh), _messages(committed)
    missing = sorted(set(now) - set(before))
    assert not missing, f"run `bash scripts/i18n.sh` and translate: {missing}"
    stale = sorted(set(before) - set(now))
    assert not stale, f"strings no longer in the code; run `bash scripts/i18n.sh`: {stale}"
    unfinished = [k for k, t in before.items() if t.get("type") or not (t.text or "").strip()]
    assert not unfinished, f"unfinished translations: {unfinished}"
    # A context lupdate got wrong (e.g. "QCoreApplication.self") would never match at run time.
    bad = sorted({ctx for ctx, _ in before if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ctx)})
    assert not bad, f"contexts that are not class names: {bad}"
    # Placeholders survive translation.
    for (ctx, src), t in before.items():
        assert set(re.findall(r"\{\w+\}|%1", src)) == set(
            re.findall(r"\{\w+\}|%1", t.text or "")
        ), (ctx, src)


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run(
        [BIN / "pyside6-lrelease", "-silent", I18N / "showday_zh_CN.ts", "-qm", out], check=True
    )
    assert out.read_bytes() == (I18N / "showday_zh_CN.qm").read_bytes(), (
        "showday_zh_CN.qm is stale: run `bash scripts/i18n.sh`"
    )


@pytest.mark.parametrize(
    ("cli", "saved", "expected"),
    [("en", "zh_CN", "en"), (None, "zh_CN", "zh_CN"), ("zh_CN", None, "zh_CN"), (None, "xx", None)],
)
def test_choose_language(cli, saved, expected, monkeypatch) -> None:
    monkeypatch.setattr("ui.i18n.system_language", lambda: "system")
    assert choose_language(cli, saved) == (expected or "system")


def test_switch_to_chinese_and_back_live(qtbot, window, demo_path: Path) -> None:
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    a = window.actions_
    window.show_view("door")
    door = window.views["door"]

    def visible() -> list[str]:
        return [
            a.file_menu.title(),
            a.new.text(),
            window.host.tabText(1),
            door.expected.caption.text(),
            door.model.headerData(0, Qt.Orientation.Horizontal),
            door.model.data(door.model.index(0, 3)),  # a role
            window.status.obs_chip.text(),
            window.status.lan_chip.text(),
            window.views["moderator"].queues.tabText(0),
        ]

    english = visible()
    assert english == [
        "&File",
        "&New Event…",
        "Door",
        "Expected",
        "Name",
        english[5],
        "OBS: not connected",
        "LAN: off",
        "New  2",
    ]
    assert english[5] in {"Guest", "Speaker", "VIP", "Staff"}
    a.languages["zh_CN"].trigger()
    chinese = visible()
    assert chinese[:5] == ["文件(&F)", "新建活动(&N)…", "签到", "应到", "姓名"]
    assert chinese[5] in {"嘉宾", "讲者", "VIP", "工作人员"}
    assert chinese[6:] == ["OBS：未连接", "局域网：未开启", "待审核  2"]
    assert a.languages["zh_CN"].isChecked()
    assert Settings().language() == "zh_CN"
    # Qt's own buttons follow too (qtbase translations).
    dialog = window.show_shortcuts()
    assert dialog.windowTitle() == "键盘快捷键"
    assert ("文件", "新建活动", "Ctrl+N") in dialog.rows()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
    dialog.close()

    a.languages["en"].trigger()
    assert visible() == english
    assert Settings().language() == "en"


def test_popped_out_window_retranslates(qtbot, window, demo_path: Path) -> None:
    window.open_event(demo_path)
    popped = window.host.pop_out("report")
    window.switch_language("zh_CN")
    assert popped.windowTitle() == "报告 — Showday"
    assert window.windowTitle().endswith(" — Showday")
    popped.close()
    assert window.host.tabText(window.host.indexOf(window.views["report"])) == "报告"
