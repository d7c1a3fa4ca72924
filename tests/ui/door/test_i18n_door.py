"""The door in Chinese: the banner's three answers and the importer's row errors are translated
(door_zh_CN.qm), and switching back to English retranslates the panel live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir
from tests.ui.door.conftest import Door, make_door
from tests.ui.door.test_panel import scan
from ui.door.import_dialog import GuestImportDialog

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudio", "[Mm]ultimedia", "audio")


@pytest.fixture
def zh(qapp: QApplication) -> Iterator[QTranslator]:
    t = QTranslator()
    assert t.load(str(resources_dir() / "i18n" / "door_zh_CN.qm"))
    qapp.installTranslator(t)
    yield t
    qapp.removeTranslator(t)


@pytest.fixture
def door_zh(qtbot, tmp_path: Path, zh: QTranslator) -> Iterator[Door]:  # type: ignore[no-untyped-def]
    yield from make_door(qtbot, tmp_path, station="前台")


def test_three_answers_in_chinese_then_back_to_english(
    qtbot,
    door_zh: Door,
    zh: QTranslator,  # type: ignore[no-untyped-def]
) -> None:
    p = door_zh.panel
    assert p.heading.text() == "签到"
    assert scan(qtbot, door_zh, "TICKET01") == "ok"
    assert p.banner.title.text() == "欢迎，张三"
    assert p.banner.detail.text().startswith("演讲嘉宾")
    assert scan(qtbot, door_zh, "TICKET01") == "already"
    assert p.banner.title.text().endswith("由「前台」签到")
    assert scan(qtbot, door_zh, "NOPE4242") == "unknown"
    assert p.banner.title.text() == "无效票号"
    assert p.counters.arrived.caption.text() == "已到 / 应到"
    QApplication.instance().removeTranslator(zh)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: p.heading.text() == "Door", timeout=2000)
    assert p.counters.arrived.caption.text() == "Arrived / expected"


def test_import_errors_in_chinese(qtbot, door_zh: Door, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "姓名,邮箱,票号\n张三,,AAA111\n,a@example.com,CCC333\n李四,x,BBB222\n王五,,AAA111\n",
        "utf-8",
    )
    d = GuestImportDialog(door_zh.session, door_zh.worker, path=bad)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.plans > 0 and not d.worker.busy, timeout=5000)
    reasons = [d.error_model.row_at(i)["reason"] for i in range(d.error_model.rowCount())]
    assert reasons == ["缺少姓名", "邮箱格式不正确：'x'", "票号 AAA111 重复（第 2 行也有）"]


def test_the_default_station_is_named_in_chinese(qtbot, tmp_path: Path, zh: QTranslator) -> None:  # type: ignore[no-untyped-def]
    """A fresh install's door said '入口：Desk' and stored 'Desk' with each check-in."""
    for door in make_door(qtbot, tmp_path, station=""):  # no station chosen yet
        assert door.panel.station == "前台"
        assert door.panel.station_button.text() == "入口：前台"
        assert scan(qtbot, door, "TICKET01") == "ok"
        assert door.checked_in_by("TICKET01") == "前台"
