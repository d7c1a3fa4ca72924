"""The whole report on one surface: a header, key figures, four charts and the top questions.
`paint_report` lays it out in any rectangle: the panel's canvas (dark) and an A4 PDF page (light)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from app.report.model import Report
from ui.report.charts import (
    Colours,
    against_plan,
    draw_arrivals,
    draw_funnel,
    draw_stream,
    draw_timing,
    font,
    hhmm,
)


def figures(r: Report) -> list[tuple[str, str, str]]:
    """The key figures, (label, value, note), in the order the panel and the PDF show them."""
    t, q = r.total, r.questions
    ran = any(s.actual_s is not None for s in r.timing.segments)
    return [
        (QCoreApplication.translate("ReportPage", "Registered"), f"{t.registered:,}", ""),
        (
            QCoreApplication.translate("ReportPage", "Checked in"),
            f"{t.checked_in:,}",
            f"{t.rate:.0%}",
        ),
        (QCoreApplication.translate("ReportPage", "Walk-ins"), f"{t.walk_ins:,}", ""),
        # nobody is a no-show before the end: live, they are "not checked in yet"
        (
            QCoreApplication.translate("ReportPage", "No-shows")
            if r.final
            else QCoreApplication.translate("ReportPage", "Not checked in yet"),
            f"{t.no_shows:,}",
            "" if r.final else QCoreApplication.translate("ReportPage", "live"),
        ),
        (QCoreApplication.translate("ReportPage", "Questions"), f"{q.asked:,}", ""),
        (QCoreApplication.translate("ReportPage", "Answered on air"), f"{q.answered_on_air:,}", ""),
        (QCoreApplication.translate("ReportPage", "Unanswered"), f"{q.unanswered:,}", ""),
        (
            QCoreApplication.translate("ReportPage", "Against plan"),
            against_plan(r.timing.overrun_s) if ran else "–",
            "",
        ),
    ]


def header_lines(r: Report) -> tuple[str, str]:
    sub = [r.venue] if r.venue else []
    if r.timing.show_start:
        span = hhmm(r.timing.show_start)
        if r.timing.show_end:
            span += f"–{hhmm(r.timing.show_end)}"
        sub.append(span)
    if r.co_hosts:  # how many guests each co-host gets (their own leads file)
        shared = " · ".join(f"{host} {n:,}" for host, n in r.co_hosts.items())
        sub.append(
            QCoreApplication.translate("ReportPage", "Shared with co-hosts: %1").replace(
                "%1", shared
            )
        )
    sub.append(
        QCoreApplication.translate("ReportPage", "Final report")
        if r.final
        else QCoreApplication.translate("ReportPage", "Live report (show not ended)")
    )
    return r.event_name, " · ".join(sub)


def text_unit(rect: QRectF) -> float:
    """One text unit, in pixels, for a surface of this size (the PDF's pages share it)."""
    return max(10.0, min(rect.width() / 70, rect.height() / 62))


def paint_report(p: QPainter, rect: QRectF, r: Report, c: Colours, columns: int = 2) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, QColor(c.bg))
    u = text_unit(rect)
    pad = u * 1.2
    area = rect.adjusted(pad, pad, -pad, -pad)
    title, sub = header_lines(r)
    text_line(p, QRectF(area.left(), area.top(), area.width(), u * 2.4), title, c.fg, u * 1.9, True)
    text_line(
        p, QRectF(area.left(), area.top() + u * 2.5, area.width(), u * 1.6), sub, c.muted, u * 1.05
    )
    y = area.top() + u * 4.6

    figs = figures(r)
    per_row = 8 if area.width() > u * 60 else 4
    fw = area.width() / per_row
    for i, (label, value, note) in enumerate(figs):
        col, row = i % per_row, i // per_row
        box = QRectF(area.left() + col * fw, y + row * u * 4.4, fw - u * 0.5, u * 4)
        p.fillRect(box, QColor(c.grid))
        text_line(p, box.adjusted(u * 0.5, u * 0.3, -u * 0.3, -u * 2.2), label, c.muted, u * 0.9)
        value_box = box.adjusted(u * 0.5, u * 1.6, -u * 0.3, -u * 0.2)
        px = fitting_px(value, value_box.width(), u * 1.5, True)  # a figure is never cut
        text_line(p, value_box, value, c.fg, px, True)
        if note:  # e.g. the check-in rate: small, right-aligned on the label's line
            p.setFont(font(u * 0.9, True))
            p.setPen(QColor(c.fg))
            p.drawText(
                box.adjusted(0, u * 0.3, -u * 0.4, -u * 2.2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                note,
            )
    y += ((len(figs) + per_row - 1) // per_row) * u * 4.4 + u

    top_h = u * 9.5  # the questions list at the bottom
    charts = [draw_funnel, draw_arrivals, draw_timing, draw_stream]
    rows = (len(charts) + columns - 1) // columns
    ch_h = (area.bottom() - y - top_h - u) / rows
    cw = area.width() / columns
    for i, draw in enumerate(charts):
        box = QRectF(area.left() + (i % columns) * cw, y + (i // columns) * ch_h, cw, ch_h)
        p.save()
        p.setClipRect(box)
        draw(p, box.adjusted(u * 0.4, u * 0.4, -u * 0.8, -u * 0.8), r, c)
        p.restore()
    y += rows * ch_h + u * 0.5
    p.setPen(QPen(QColor(c.grid), 1))
    p.drawLine(area.left(), y, area.right(), y)
    _top_questions(p, QRectF(area.left(), y + u * 0.4, area.width(), area.bottom() - y), r, c, u)


def _top_questions(p: QPainter, box: QRectF, r: Report, c: Colours, u: float) -> None:
    q = r.questions
    head = (
        QCoreApplication.translate("ReportPage", "Top questions")
        + "  "
        + (
            QCoreApplication.translate(
                "ReportPage",
                "{asked} asked · {approved} approved · {aired} answered on air · {open} unanswered",
            )
            .replace("{asked}", f"{q.asked:,}")
            .replace("{approved}", f"{q.approved:,}")
            .replace("{aired}", f"{q.answered_on_air:,}")
            .replace("{open}", f"{q.unanswered:,}")
        )
    )
    text_line(p, QRectF(box.left(), box.top(), box.width(), u * 1.6), head, c.fg, u * 1.1, True)
    y = box.top() + u * 1.9
    if not q.top:
        text_line(
            p,
            QRectF(box.left(), y, box.width(), u * 1.4),
            QCoreApplication.translate("ReportPage", "No votes yet"),
            c.muted,
            u * 0.95,
        )
    for t in q.top[:5]:
        votes = QRectF(box.left(), y, u * 3.5, u * 1.4)
        text_line(p, votes, f"▲ {t.votes}", c.accent, u * 0.95, True)
        who = f" — {t.name}" if t.name else ""
        text_line(
            p,
            QRectF(votes.right(), y, box.width() - votes.width(), u * 1.4),
            t.text + who,
            c.fg,
            u * 0.95,
        )
        y += u * 1.5


def fitting_px(s: str, width: float, px: float, bold: bool = False) -> float:
    """`px`, or smaller so that `s` fits in `width` (down to 60 %, then text_line cuts it)."""
    advance = QFontMetricsF(font(px, bold)).horizontalAdvance(s)
    if advance <= width or advance <= 0:
        return px
    return max(px * 0.6, px * width / advance * 0.98)


def text_line(
    p: QPainter,
    r: QRectF,
    s: str,
    colour: str,
    px: float,
    bold: bool = False,
    right: bool = False,
) -> None:
    """One line of plain text in `r`, cut with … when too long (user text never wraps)."""
    p.setFont(font(px, bold))
    p.setPen(QColor(colour))
    fm = QFontMetricsF(p.font())
    flat = " ".join(s.split())  # user text on one line: newlines and tabs as spaces
    p.drawText(
        r,
        (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
        | Qt.AlignmentFlag.AlignVCenter,
        fm.elidedText(flat, Qt.TextElideMode.ElideRight, r.width()),
    )
