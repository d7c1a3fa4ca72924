"""Translations: complete, compiled, and switched live; the language choice is remembered."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import wait_loaded
from ui.i18n import choose_language, translation_domains
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


DOMAINS = translation_domains(ROOT)


@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_every_ui_string_is_in_the_ts_file_and_translated(domain: str, tmp_path: Path) -> None:
    committed = I18N / f"{domain}_zh_CN.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    lupdate = [BIN / "pyside6-lupdate", "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*lupdate, *DOMAINS[domain], "-ts", fresh], cwd=ROOT, check=True)
    now, before = _messages(fresh), _messages(committed)
    missing = sorted(set(now) - set(before))
    assert not missing, f"run `bash scripts/i18n.sh {domain}` and translate: {missing}"
    stale = sorted(set(before) - set(now))
    assert not stale, f"strings no longer in the code; run `bash scripts/i18n.sh {domain}`: {stale}"
    unfinished = [k for k, t in before.items() if t.get("type") or not (t.text or "").strip()]
    assert not unfinished, f"unfinished translations: {unfinished}"
    # A context lupdate got wrong (e.g. "QCoreApplication.self") would never match at run time.
    bad = sorted({ctx for ctx, _ in before if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ctx)})
    assert not bad, f"contexts that are not class names: {bad}"
    for (ctx, src), t in before.items():  # placeholders survive translation
        assert set(re.findall(r"\{\w+\}|%\d", src)) == set(
            re.findall(r"\{\w+\}|%\d", t.text or "")
        ), (
            ctx,
            src,
        )


@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_qm_is_compiled_from_the_current_ts(domain: str, tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    ts = I18N / f"{domain}_zh_CN.ts"
    subprocess.run([BIN / "pyside6-lrelease", "-silent", ts, "-qm", out], check=True)
    assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is stale: run `bash scripts/i18n.sh {domain}`"
    )


@pytest.mark.parametrize(
    ("cli", "saved", "expected"),
    [("en", "zh_CN", "en"), (None, "zh_CN", "zh_CN"), ("zh_CN", None, "zh_CN"), (None, "xx", None)],
)
def test_choose_language(cli, saved, expected, monkeypatch) -> None:
    monkeypatch.setattr("ui.i18n.system_language", lambda: "system")
    assert choose_language(cli, saved) == (expected or "system")


def test_switch_to_chinese_and_back_live(qtbot, window, demo_path: Path) -> None:
    from ui.door import DoorPanel

    window.views["door"].set_body_factory(DoorPanel)  # a feature's panel, in its own domain
    window.open_event(demo_path)
    wait_loaded(qtbot, window)
    a = window.actions_
    window.show_view("door")
    door = window.views["door"].body
    assert isinstance(door, DoorPanel)
    moderator = window.views["moderator"]  # no panel installed: the tab says so

    def visible() -> list[str]:
        return [
            a.file_menu.title(),
            a.new.text(),
            window.host.tabText(1),
            door.counters.arrived.caption.text(),
            window.status.obs_chip.text(),
            window.status.lan_chip.text(),
            window.views["setup"].labels[0].text(),
            moderator.message.text(),
        ]

    english = visible()
    assert english == [
        "&File",
        "&New Event…",
        "Door",
        "Arrived / expected",
        "OBS: Disconnected",
        "LAN: off",
        "Name",
        "The Moderator view could not be loaded. The other views keep working, and everything"
        " confirmed so far is saved in the event file.",
    ]
    a.languages["zh_CN"].trigger()
    chinese = visible()
    assert chinese[:4] == ["文件(&F)", "新建活动(&N)…", "签到", "已到 / 应到"]
    assert chinese[4:7] == ["OBS：未连接", "局域网：未开启", "名称"]
    assert chinese[7].startswith("“提问管理”视图无法加载。")
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


def test_domains_split_ui_sources_by_translation_file(tmp_path: Path) -> None:
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    for rel in ["ui/main.py", "ui/views/fallback.py", "ui/lan/dialog.py", "ui/show/panel.py"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("", encoding="utf-8")
    for name in ["showday_zh_CN.ts", "show_zh_CN.ts"]:
        (tmp_path / "resources" / "i18n" / name).write_text("", encoding="utf-8")
    domains = {d: [str(p) for p in s] for d, s in translation_domains(tmp_path).items()}
    assert domains == {
        "showday": ["ui/lan/dialog.py", "ui/main.py", "ui/views/fallback.py"],
        "show": ["ui/show/panel.py"],
    }


def test_chinese_loads_every_domain_and_qt_own_strings(translators) -> None:
    translators.switch("zh_CN")
    ours = sorted(I18N.glob("*_zh_CN.qm"))
    assert len(translators._installed) == len(ours) + 1  # + qtbase


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_TW.UTF-8", "zh_CN"),
        ("en_US.UTF-8", "en"),
        ("de_DE.UTF-8", "en"),
    ],
)
def test_system_language_follows_the_locale(locale: str, expected: str) -> None:
    code = "from PySide6.QtWidgets import QApplication; app = QApplication([]); from ui.i18n import system_language; print(system_language())"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=locale, LC_ALL=locale, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        encoding="utf-8",
    )
    assert out.stdout.strip() == expected
