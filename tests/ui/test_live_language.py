"""A live language switch words every view anew: after English -> Chinese, no English text is
left in the window that a window opened in Chinese would not show too."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit

from ui.main import install_features
from ui.qa import ModeratorPanel
from ui.show.panel import ShowPanel


def english_texts(window) -> set[str]:  # type: ignore[no-untyped-def]
    texts: set[str] = set()
    texts |= {w.text() for w in window.findChildren(QLabel)}
    texts |= {w.text() for w in window.findChildren(QAbstractButton)}
    texts |= {w.placeholderText() for w in window.findChildren(QLineEdit)}
    texts |= {w.title() for w in window.findChildren(QGroupBox)}
    for combo in window.findChildren(QComboBox):
        texts |= {combo.itemText(i) for i in range(combo.count())}
    return {
        t
        for t in texts
        if re.search(r"[A-Za-z]{3,}", t)
        and not re.search(r"[\u4e00-\u9fff]", t)
        and not t.endswith(".showday")  # the event's path
    }


def open_all_views(qtbot, window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_features(window)
    window.open_event(demo_path)
    for view in ("operator", "door", "moderator", "setup", "report"):
        window.show_view(view)
    moderator = window.views["moderator"].body
    assert isinstance(moderator, ModeratorPanel)
    qtbot.waitUntil(lambda: moderator.current() is not None, timeout=5000)
    show = window.views["operator"].body
    assert isinstance(show, ShowPanel)
    qtbot.waitUntil(lambda: bool(show.messages.current.text()), timeout=5000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10000)


def test_switching_to_chinese_leaves_no_english_behind(  # type: ignore[no-untyped-def]
    qtbot, make_window, translators, demo_path: Path
):
    translators.switch("zh_CN")
    fresh = make_window()
    open_all_views(qtbot, fresh, demo_path)
    expected = english_texts(fresh)  # names, codes and data in the demo stay as they are
    fresh.close()

    translators.switch("en")
    window = make_window()
    open_all_views(qtbot, window, demo_path)
    assert "No message on stage" in english_texts(window)  # the check below can fail
    window.switch_language("zh_CN")
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10000)
    left = english_texts(window) - expected
    assert not left, sorted(left)
