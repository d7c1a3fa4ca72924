"""resources/web/js/page.js, the pages' one DOM and time helper module, in real Chromium: hh:mm
has one rule for a missing or unreadable time, and elements carry user text as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.lan.fixtures import running_lan

pytestmark = pytest.mark.browser


def test_el_and_hhmm(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with running_lan(tmp_path) as lan:
        page.goto(lan.url + "/overlay/timer")
        got = page.evaluate(
            """async () => {
              const m = await import("/js/page.js");
              const e = m.el("b", "name", "<img src=x onerror=alert(1)>张三");
              return [m.hhmm(null), m.hhmm(""), m.hhmm("not a time"),
                      m.hhmm("2026-01-01T09:05:00"), e.outerHTML, e.children.length];
            }"""
        )
    assert got == [
        "",
        "",
        "",
        "09:05",
        '<b class="name">&lt;img src=x onerror=alert(1)&gt;张三</b>',
        0,
    ]
