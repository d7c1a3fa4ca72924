"""Badges: the Qt-free layout (eight cells an A4 page, cut marks only in the margins, pinyin
order, the tickets' QR) and the PDF the guest table's "Print badges (PDF)…" writes through the
worker for the demo's 200 guests, read back with poppler (pdfinfo, pdftotext, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bus import Bus
from app.demo import ensure_demo
from app.guests.badges import PAGE_MM, PER_PAGE, badges, cell, cut_marks, page_count
from app.guests.tickets import qr_matrix
from app.session import Session
from tests.harness import require, screenshot_path
from tests.ui.door.conftest import add_guests
from ui.bridge import QtBridge
from ui.door.badges import print_badges
from ui.door.guest_table import GuestTable
from ui.worker import Worker

HAN = re.compile(r"[\u4e00-\u9fff]")


def poppler(*args: str) -> str:
    require(
        shutil.which(args[0]) is not None, f"{args[0]} is missing (apt-get install poppler-utils)"
    )
    return subprocess.run(
        args, check=True, capture_output=True, text=True, timeout=60, encoding="utf-8"
    ).stdout


def test_layout_eight_cells_inside_a4_and_cut_marks_off_the_badges() -> None:
    cells = [cell(i) for i in range(PER_PAGE)]
    for i, a in enumerate(cells):
        assert 0 < a.x and a.x + a.w < PAGE_MM[0] and 0 < a.y and a.y + a.h < PAGE_MM[1]
        for b in cells[i + 1 :]:
            overlap_x = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
            overlap_y = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
            assert overlap_x <= 1e-9 or overlap_y <= 1e-9, (a, b)
    assert (cells[0].x, cells[0].y) < (cells[1].x, cells[1].y) and cells[2].y > cells[0].y
    with pytest.raises(ValueError):
        cell(PER_PAGE)
    for x1, y1, x2, y2 in cut_marks():
        for x, y in ((x1, y1), (x2, y2)):
            assert 0 <= x <= PAGE_MM[0] and 0 <= y <= PAGE_MM[1]
            assert not any(c.x < x < c.x + c.w and c.y < y < c.y + c.h for c in cells)
    assert [page_count(n) for n in (0, 1, 8, 9, 200)] == [0, 1, 1, 2, 25]


def test_badge_data_in_pinyin_order_with_the_ticket_qr(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "b.showday", "PG 沙龙", Bus())
    try:
        add_guests(session.ef)
        items = badges(session.ef)
        assert [b.name for b in items] == [
            "Kate Wang",
            "李四",
            "张三",
        ]  # by pinyin: katewang, lisi, zhangsan
        zhang = items[2]
        assert (zhang.company, zhang.title, zhang.role, zhang.ticket_code) == (
            "阿里云",
            "数据库架构师",
            "speaker",
            "TICKET01",
        )
        assert [list(r) for r in zhang.qr] == qr_matrix("TICKET01")
        assert [b.name for b in badges(session.ef, role="vip")] == ["Kate Wang"]
    finally:
        session.close()


@pytest.fixture
def demo_table(qtbot, tmp_path: Path) -> Iterator[GuestTable]:  # type: ignore[no-untyped-def]
    session = Session.open(ensure_demo(tmp_path / "demo.showday"), Bus())
    bridge = QtBridge(session.bus)
    worker = Worker()
    t = GuestTable(session, bridge, worker)
    qtbot.addWidget(t)
    t.show()  # the table loads its rows when shown
    qtbot.waitUntil(lambda: t.loads > 0, timeout=10000)
    yield t
    bridge.close()
    worker.stop()
    session.close()


def test_print_badges_for_the_demos_200_guests(
    qtbot, demo_table: GuestTable, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    t = demo_table
    assert t.badges_button.text() == "Print badges (PDF)…"
    t.print_badges_to(tmp_path / "badges")  # no suffix: .pdf is added
    qtbot.waitUntil(lambda: t.last_message.startswith("Wrote 200 badges"), timeout=30000)
    pdf = tmp_path / "badges.pdf"
    info = poppler("pdfinfo", str(pdf))
    assert re.search(r"^Pages:\s+25$", info, re.M), info
    assert "595 x 842 pts (A4)" in info
    items = badges(t.session.ef)
    # Qt's PDF maps a few shared CJK glyphs back to radical code points; NFKC folds most back.
    text = unicodedata.normalize("NFKC", poppler("pdftotext", str(pdf), "-"))
    chinese = [b.name for b in items if HAN.search(b.name)]
    found = [n for n in chinese if n in text]
    assert len(chinese) > 100 and len(found) >= 0.9 * len(chinese), set(chinese) - set(found)
    assert all(b.ticket_code in text for b in items)
    # Page 2 holds the first Chinese names in pinyin order; render it and page 1 to look at.
    first_zh = next(i for i, b in enumerate(items) if HAN.search(b.name))
    zh_page = first_zh // PER_PAGE + 1
    page_text = poppler("pdftotext", "-f", str(zh_page), "-l", str(zh_page), str(pdf), "-")
    assert items[first_zh].name in unicodedata.normalize("NFKC", page_text)
    for page in sorted({1, zh_page}):
        out = screenshot_path(f"door/badges-page{page}")
        out.parent.mkdir(parents=True, exist_ok=True)
        poppler(
            "pdftoppm",
            "-r",
            "110",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-png",
            str(pdf),
            str(out),
        )
        assert out.with_suffix(".png").stat().st_size > 20_000


def test_long_names_shrink_or_wrap_instead_of_running_into_the_qr(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = Session.create(tmp_path / "long.showday", "PG 沙龙", Bus())
    try:
        long = "Maximilian Alexander von Hohenzollern-Sigmaringen"
        company = "International Business Machines Corporation (China) Co., Ltd. 北京分公司"
        add_guests(
            session.ef,
            [(long, company, "Engineer", "", "", "LONG0001", "guest", "")]
            + [(n, "阿里云", "", "", "", c, "guest", "") for n, c in (("欧阳娜娜", "ZH0001"),)],
        )
        pdf = tmp_path / "long.pdf"
        assert print_badges(session.ef, pdf) == 2
        xml = poppler("pdftotext", "-bbox", str(pdf), "-")
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', xml
        )
        # The text column ends 3 mm before the QR: 15 mm + 52 mm from the page edge.
        limit = (cell(0).x + 5 + 52) * 72 / 25.4 + 0.5
        name_words = [(float(x2), w) for _, x2, w in words if w in long or w.endswith("…")]
        assert name_words and all(x2 <= limit for x2, _ in name_words), name_words
        # The long name wraps rather than losing its end.
        assert "".join(w for _, w in name_words).replace("-", "").endswith("Sigmaringen")
        assert "欧阳娜娜" in unicodedata.normalize("NFKC", xml)
        assert "LONG0001" in {w for _, _, w in words}
    finally:
        session.close()
