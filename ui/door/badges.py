"""The badge sheet PDF: A4, eight badges a page (2 x 4) with cut marks, name / company / title,
a role tag and the ticket QR, drawn with QPdfWriter + QPainter (vector QR, embedded CJK fonts).

`print_badges(ef, path)` loads the badges and writes the PDF; it paints no widget, so the Worker
runs it (QPdfWriter and QPainter work off the GUI thread). `write_badges_pdf` returns the pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from app.guests.badges import Badge, Rect, badges, cell, cut_marks, pages
from app.guests.tickets import event_info
from app.store import EventFile
from ui.door.results import role_text

DPI = 300
SANS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"]
MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Mono CJK SC", "monospace"]
ROLE_COLOURS = {"speaker": "#d9480f", "vip": "#b8860b", "staff": "#1864ab"}
PAD_MM = 5.0
QR_MM = 30.0


def px(mm: float) -> float:
    return mm * DPI / 25.4


def font(families: list[str], size_mm: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(families)
    f.setPixelSize(max(1, round(px(size_mm))))
    f.setBold(bold)
    return f


def fitted(
    p: QPainter,
    families: list[str],
    text: str,
    width: float,
    big: float,
    small: float,
    bold: bool = False,
) -> tuple[QFont, str]:
    """The largest size from `big` down to `small` mm at which `text` fits `width` px; at the
    smallest size a text still too wide is elided (…) rather than cut off at the badge edge."""
    size = big
    while True:
        f = font(families, size, bold)
        metrics = QFontMetricsF(f, p.device())
        if metrics.horizontalAdvance(text) <= width or size <= small:
            return f, metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        size = max(small, size - 0.5)


def name_block(p: QPainter, text: str, x: float, y: float, width: float) -> float:
    """The name, as big as it fits on one line (10 down to 6.5 mm); a longer one wraps onto two
    or three lines (down to 4.5 mm) before, as a last resort, it is elided. Returns the y below it."""
    f, t = fitted(p, SANS, text, width, 10.0, 6.5, bold=True)
    if t == text:
        return text_line(p, f, t, x, y, width, "#000")
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    size = 6.5
    while size >= 4.5:
        f = font(SANS, size, bold=True)
        metrics = QFontMetricsF(f, p.device())
        box = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        # Qt breaks lines at spaces, after hyphens and between CJK characters.
        parts = [w for w in re.split(r"\s+|(?<=-)", text) if w] or [text]
        widest = max(metrics.horizontalAdvance(w) for w in parts)
        if box.height() <= 3.05 * metrics.lineSpacing() and widest <= width:
            p.setFont(f)
            p.setPen(QColor("#000"))
            p.drawText(QRectF(x, y, width, box.height()), flags, text)
            return y + box.height()
        size -= 0.5
    f, t = fitted(p, SANS, text, width, 4.5, 4.5, bold=True)
    return text_line(p, f, t, x, y, width, "#000")


def text_line(p: QPainter, f: QFont, text: str, x: float, y: float, w: float, colour: str) -> float:
    """Draw one line with its top at y; returns the y below it."""
    p.setFont(f)
    p.setPen(QColor(colour))
    h = QFontMetricsF(f, p.device()).height()
    p.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    return y + h


def draw_qr(p: QPainter, matrix: Sequence[Sequence[bool]], x: float, y: float, size: float) -> None:
    """Dark modules as one vector path (runs of a row merged), so the QR stays crisp at any zoom."""
    n = len(matrix)
    m = size / n
    path = QPainterPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.addRect(QRectF(x + start * m, y + r * m, (c - start) * m, m))
            else:
                c += 1
    p.fillRect(QRectF(x, y, size, size), QColor("white"))
    p.fillPath(path, QColor("black"))


def draw_badge(p: QPainter, b: Badge, r: Rect, event_name: str) -> None:
    x, y, w, h = px(r.x), px(r.y), px(r.w), px(r.h)
    p.setPen(QPen(QColor("#d0d0d0"), px(0.2)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x, y, w, h))
    pad, qr = px(PAD_MM), px(QR_MM)
    left, top = x + pad, y + pad
    text_w = w - 2 * pad - qr - px(3)
    # The QR on the right, the ticket code under it.
    qr_x, qr_y = x + w - pad - qr + px(2), y + (h - qr) / 2 - px(2)  # quiet zone eats the pad
    draw_qr(p, b.qr, qr_x, qr_y, qr)
    code_f = font(MONO, 3.0)
    p.setFont(code_f)
    p.setPen(QColor("#333"))
    p.drawText(
        QRectF(qr_x, qr_y + qr - px(1.5), qr, px(4.5)), Qt.AlignmentFlag.AlignCenter, b.ticket_code
    )
    # Event name and role tag on top, then the name, company and title.
    if event_name:
        f, t = fitted(p, SANS, event_name, text_w, 3.2, 2.6)
        text_line(p, f, t, left, top, text_w, "#666")
    line = top + px(8)
    line = name_block(p, b.name, left, line, text_w) + px(1.5)
    for text, big in ((b.company, 4.6), (b.title, 4.0)):
        if text:
            f, t = fitted(p, SANS, text, text_w, big, 3.4)
            line = text_line(p, f, t, left, line, text_w, "#222")
    if b.role in ROLE_COLOURS:
        label = role_text(b.role)
        tag_f = font(SANS, 3.6, bold=True)
        tw = QFontMetricsF(tag_f, p.device()).horizontalAdvance(label) + px(4)
        tag = QRectF(left, y + h - pad - px(6), tw, px(6))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(ROLE_COLOURS[b.role]))
        p.drawRoundedRect(tag, px(1.2), px(1.2))
        p.setFont(tag_f)
        p.setPen(QColor("white"))
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)


def write_badges_pdf(items: list[Badge], path: str | Path, event_name: str = "") -> int:
    """Write the badge sheet; returns the number of pages (0 guests: one empty page)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(
        QCoreApplication.translate("Badges", "Badges") + (f" · {event_name}" if event_name else "")
    )
    writer.setCreator("Showday")
    p = QPainter()
    if not p.begin(writer):
        raise OSError(
            QCoreApplication.translate("Badges", "Cannot write %1.").replace("%1", str(path))
        )
    count = 0
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp QR module edges
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for n, page in enumerate(pages(items)):
            if n:
                writer.newPage()
            count += 1
            p.setPen(QPen(QColor("#000"), px(0.2)))
            for x1, y1, x2, y2 in cut_marks():
                p.drawLine(QPointF(px(x1), px(y1)), QPointF(px(x2), px(y2)))
            for slot, badge in enumerate(page):
                draw_badge(p, badge, cell(slot), event_name)
    finally:
        p.end()
    return max(count, 1)


def print_badges(ef: EventFile, path: str | Path) -> int:
    """Load every guest's badge and write the sheet (for the Worker: reads SQLite, writes a file).
    Returns the number of badges."""
    items = badges(ef)
    write_badges_pdf(items, path, str(event_info(ef).get("name") or ""))
    return len(items)
