"""The report's charts, drawn with QPainter into a rectangle: the same code paints the panel (dark)
and the PDF (light). Every text passes through translate("ReportCharts", ...) and is drawn with a
CJK-capable font, so both languages read; user text (titles, names) is drawn as plain text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.report.model import Report, early_late
from app.report.sheets import clock
from ui.report.codes import channel_label, incident_label
from ui.theme import FONT_FAMILIES


@dataclass(frozen=True)
class Colours:
    bg: str
    fg: str
    muted: str
    grid: str
    planned: str
    accent: str
    good: str
    warn: str
    bad: str


DARK = Colours(
    "#14161b",
    "#eceff4",
    "#9aa3b2",
    "#2c313b",
    "#4b5563",
    "#4f8fe8",
    "#3fb97f",
    "#e0a030",
    "#e5534b",
)
LIGHT = Colours(
    "#ffffff",
    "#1f2328",
    "#59636e",
    "#d8dee4",
    "#b8c0cc",
    "#2f6fd0",
    "#1f9d60",
    "#c27c0e",
    "#cf3a32",
)


def font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    # Noto Sans CJK's "locl" swaps the digits after Latin letters ("T−60", "HTTP 500") for
    # glyphs outside its character map: they look the same, but a PDF then has no text for
    # them (search and copy lose the numbers). Off, Chinese glyphs keep their SC forms.
    f.setFeature(QFont.Tag("locl"), 0)
    f.setPixelSize(max(6, round(px)))
    f.setBold(bold)
    return f


def hhmm(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%H:%M")


def against_plan(seconds: float) -> str:
    """ "2:03 late" / "1:00:57 early" / "on time" (超时 / 提前 / 准时): never a negative overrun."""
    kind, s = early_late(seconds)
    if kind == "on_time":
        return QCoreApplication.translate("ReportCharts", "on time")
    text = (
        QCoreApplication.translate("ReportCharts", "{t} late")
        if kind == "late"
        else QCoreApplication.translate("ReportCharts", "{t} early")
    )
    return text.replace("{t}", clock(s))


class Chart:
    """Common frame: a title line, then the plot area below; `u` is the text unit in pixels."""

    def __init__(self, p: QPainter, rect: QRectF, title: str, c: Colours) -> None:
        self.p, self.c = p, c
        self.u = max(9.0, min(rect.height() / 18, rect.width() / 34))
        p.setFont(font(self.u * 1.25, bold=True))
        p.setPen(QColor(c.fg))
        head = QRectF(rect.left(), rect.top(), rect.width(), self.u * 2)
        p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        self.area = rect.adjusted(0, self.u * 2.4, 0, 0)

    def text(
        self,
        r: QRectF,
        s: str,
        align: Qt.AlignmentFlag,
        colour: str | None = None,
        size: float = 1.0,
        bold: bool = False,
    ) -> None:
        self.p.setFont(font(self.u * size, bold))
        self.p.setPen(QColor(colour or self.c.fg))
        fm = QFontMetricsF(self.p.font())
        # drawText never reads markup; user text (titles, channels) is put on one line and elided
        self.p.drawText(
            r,
            align | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(" ".join(s.split()), Qt.TextElideMode.ElideRight, r.width()),
        )

    def empty(self, message: str) -> None:
        self.text(self.area, message, Qt.AlignmentFlag.AlignHCenter, self.c.muted)

    def legend(self, items: list[tuple[str, str]]) -> None:
        x, y = self.area.left(), self.area.top()
        self.p.setFont(font(self.u * 0.9))
        fm = QFontMetricsF(self.p.font())
        for colour, label in items:
            self.p.fillRect(
                QRectF(x, y + self.u * 0.25, self.u * 0.8, self.u * 0.8), QColor(colour)
            )
            self.p.setPen(QColor(self.c.muted))
            self.p.drawText(QPointF(x + self.u * 1.1, y + self.u * 0.95), label)
            x += self.u * 1.1 + fm.horizontalAdvance(label) + self.u * 1.2
        self.area = self.area.adjusted(0, self.u * 1.6, 0, 0)


def draw_funnel(p: QPainter, rect: QRectF, report: Report, c: Colours) -> None:
    """Per channel: registered, checked in, asked (horizontal bars), walk-ins in the label."""
    ch = Chart(p, rect, QCoreApplication.translate("ReportCharts", "Attendance by channel"), c)
    channels = [x for x in report.channels if x.registered or x.walk_ins][:8]
    if not channels:
        return ch.empty(QCoreApplication.translate("ReportCharts", "No guests yet"))
    ch.legend(
        [
            (c.planned, QCoreApplication.translate("ReportCharts", "Registered")),
            (c.accent, QCoreApplication.translate("ReportCharts", "Checked in")),
            (c.good, QCoreApplication.translate("ReportCharts", "Asked a question")),
        ]
    )
    a, u = ch.area, ch.u
    label_w = min(a.width() * 0.28, u * 9)
    value_w = u * 8
    top = max(x.registered + x.walk_ins for x in channels) or 1
    row_h = min(a.height() / len(channels), u * 4.5)
    for i, x in enumerate(channels):
        y = a.top() + i * row_h
        ch.text(
            QRectF(a.left(), y, label_w - u * 0.4, row_h),
            channel_label(x.channel),
            Qt.AlignmentFlag.AlignLeft,
            size=0.95,
        )
        bw = a.width() - label_w - value_w
        bh = row_h * 0.62
        base = QRectF(a.left() + label_w, y + (row_h - bh) / 2, bw * x.registered / top, bh)
        p.fillRect(base, QColor(c.planned))
        p.fillRect(
            QRectF(base.left(), base.top(), bw * x.checked_in / top, bh * 0.66), QColor(c.accent)
        )
        p.fillRect(
            QRectF(base.left(), base.top() + bh * 0.7, bw * x.asked / top, bh * 0.3), QColor(c.good)
        )
        if x.walk_ins:  # walk-ins stack after the registered bar, hatched in the accent colour
            walk = QRectF(base.right(), base.top(), bw * x.walk_ins / top, bh * 0.66)
            p.fillRect(walk, QColor(c.accent).lighter(140))
        value = f"{x.checked_in:,}/{x.registered:,}"
        if x.walk_ins:
            value += f" +{x.walk_ins:,}"
        ch.text(
            QRectF(a.right() - value_w, y, value_w, row_h),
            value,
            Qt.AlignmentFlag.AlignRight,
            size=0.9,
        )


def draw_arrivals(p: QPainter, rect: QRectF, report: Report, c: Colours) -> None:
    arr = report.arrivals
    ch = Chart(
        p,
        rect,
        QCoreApplication.translate("ReportCharts", "Arrivals per {n} min").replace(
            "{n}", str(arr.bucket_min)
        ),
        c,
    )
    if not arr.buckets:
        return ch.empty(QCoreApplication.translate("ReportCharts", "No check-ins yet"))
    a, u = ch.area, ch.u
    plot = a.adjusted(u * 2.6, u * 0.4, 0, -u * 1.6)
    peak = _grid(ch, plot, nice_ticks(arr.peak))
    n = len(arr.buckets)
    w = min(plot.width() / n, u * 4)  # a few buckets stay bars, not walls
    step = max(1, round(n / max(1, plot.width() / (u * 3.5))))  # labels that do not overlap
    for i, (t, count) in enumerate(arr.buckets):
        h = plot.height() * count / peak
        p.fillRect(
            QRectF(plot.left() + i * w + w * 0.12, plot.bottom() - h, w * 0.76, h), QColor(c.accent)
        )
        if i % step == 0:
            ch.text(
                QRectF(plot.left() + i * w - u * 2, plot.bottom() + u * 0.2, u * 4 + w, u * 1.3),
                hhmm(t),
                Qt.AlignmentFlag.AlignHCenter,
                c.muted,
                0.85,
            )


def nice_ticks(value: float, most: int = 5) -> list[int]:
    """Evenly spaced whole-number axis ticks from 0 up to at or above `value`: the smallest step
    of 1, 2 or 5 x 10^k giving at most `most` intervals (7 -> 0, 2, 4, 6, 8; 5,900 -> 0, 2000,
    4000, 6000). A bar is drawn against the last tick, so its height reads on the grid."""
    value = max(float(value), 1.0)
    k = 1
    while True:
        for m in (1, 2, 5):
            step = m * k
            n = math.ceil(value / step - 1e-9)
            if n <= most:
                return [step * i for i in range(n + 1)]
        k *= 10


def _grid(ch: Chart, plot: QRectF, ticks: list[int]) -> float:
    """Grid lines and labels at `ticks`; returns the axis top (the last tick)."""
    p, c, u = ch.p, ch.c, ch.u
    top = float(ticks[-1])
    p.setPen(QPen(QColor(c.grid), 1))
    for t in ticks:
        y = plot.bottom() - plot.height() * t / top
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        ch.text(
            QRectF(plot.left() - u * 2.6, y - u * 0.7, u * 2.3, u * 1.4),
            f"{t:,}",
            Qt.AlignmentFlag.AlignRight,
            c.muted,
            0.8,
        )
    return top


def draw_timing(p: QPainter, rect: QRectF, report: Report, c: Colours) -> None:
    """Planned (grey) against actual (blue; the overrun part red, an underrun ends early)."""
    tm = report.timing
    title = QCoreApplication.translate("ReportCharts", "Timing: planned vs actual")
    if tm.segments and any(s.actual_s is not None for s in tm.segments):
        title += "  " + QCoreApplication.translate("ReportCharts", "total {over}").replace(
            "{over}", against_plan(tm.overrun_s)
        )
    ch = Chart(p, rect, title, c)
    segs = [s for s in tm.segments if s.status != "skipped"][:14]
    if not segs:
        return ch.empty(QCoreApplication.translate("ReportCharts", "No run-of-show"))
    ch.legend(
        [
            (c.planned, QCoreApplication.translate("ReportCharts", "Planned")),
            (c.accent, QCoreApplication.translate("ReportCharts", "Actual")),
            (c.bad, QCoreApplication.translate("ReportCharts", "Over")),
        ]
    )
    a, u = ch.area, ch.u
    label_w = min(a.width() * 0.34, u * 12)
    value_w = u * 4.5
    longest = max(max(s.planned_s, s.actual_s or 0) for s in segs) or 1
    row_h = min(a.height() / len(segs), u * 3.2)
    bw = a.width() - label_w - value_w
    for i, s in enumerate(segs):
        y = a.top() + i * row_h
        ch.text(
            QRectF(a.left(), y, label_w - u * 0.4, row_h),
            f"{s.position + 1}. {s.title}",
            Qt.AlignmentFlag.AlignLeft,
            size=0.85,
        )
        x0 = a.left() + label_w
        p.fillRect(
            QRectF(x0, y + row_h * 0.15, bw * s.planned_s / longest, row_h * 0.3), QColor(c.planned)
        )
        if s.actual_s is not None:
            inside = min(s.actual_s, s.planned_s)
            p.fillRect(
                QRectF(x0, y + row_h * 0.5, bw * inside / longest, row_h * 0.35), QColor(c.accent)
            )
            if s.actual_s > s.planned_s:
                p.fillRect(
                    QRectF(
                        x0 + bw * inside / longest,
                        y + row_h * 0.5,
                        bw * (s.actual_s - s.planned_s) / longest,
                        row_h * 0.35,
                    ),
                    QColor(c.bad),
                )
            over = s.over_s or 0.0
            colour = c.bad if over > 30 else c.good if over < -30 else c.muted
            ch.text(
                QRectF(a.right() - value_w, y, value_w, row_h),
                against_plan(over),
                Qt.AlignmentFlag.AlignRight,
                colour,
                0.85,
            )


def draw_stream(p: QPainter, rect: QRectF, report: Report, c: Colours) -> None:
    """Bitrate per minute as a line, incidents as red ticks on the same time axis."""
    st = report.stream
    ch = Chart(p, rect, QCoreApplication.translate("ReportCharts", "Stream"), c)
    if not st.samples:
        return ch.empty(
            QCoreApplication.translate("ReportCharts", "No stream data (OBS was not connected)")
        )
    a, u = ch.area, ch.u
    kbps = "–" if st.avg_kbps is None else f"{st.avg_kbps:,.0f}"
    dropped = "–" if st.max_dropped_pct is None else f"{st.max_dropped_pct:.1f}%"
    line = QCoreApplication.translate(
        "ReportCharts",
        "Streamed {dur} · average {kbps} kbps · dropped frames {drop} · incidents {n}",
    )
    line = (
        line.replace("{dur}", f"{st.streamed_s / 60:.0f} min")
        .replace("{kbps}", kbps)
        .replace("{drop}", dropped)
        .replace("{n}", str(len(st.incidents)))
    )
    ch.text(
        QRectF(a.left(), a.top(), a.width(), u * 1.4),
        line,
        Qt.AlignmentFlag.AlignLeft,
        c.muted,
        0.9,
    )
    plot = a.adjusted(u * 3.2, u * 2.2, 0, -u * 1.6)
    t0 = min([t for t, _ in st.bitrate] + [i.at for i in st.incidents])
    t1 = max([t + 60 for t, _ in st.bitrate] + [i.at for i in st.incidents])
    span = max(t1 - t0, 60.0)
    peak = _grid(ch, plot, nice_ticks(max([k for _, k in st.bitrate if k] or [1.0])))

    def x_of(t: float) -> float:
        return plot.left() + plot.width() * (t - t0) / span

    pen = QPen(QColor(c.accent), max(1.5, u * 0.18))
    p.setPen(pen)
    prev: QPointF | None = None
    for t, k in st.bitrate:
        if k is None:
            prev = None
            continue
        pt = QPointF(x_of(t + 30), plot.bottom() - plot.height() * k / peak)
        if prev is not None:
            p.drawLine(prev, pt)
        else:
            p.drawEllipse(pt, u * 0.12, u * 0.12)
        prev = pt
    for n, inc in enumerate(st.incidents):
        x = x_of(inc.at)
        p.setPen(QPen(QColor(c.bad), max(1.5, u * 0.2)))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        if len(st.incidents) <= 12:  # a label each, staggered so neighbours do not overlap
            y = plot.top() + (n % 3) * u * 1.3
            ch.text(
                QRectF(x + u * 0.3, y, u * 7, u * 1.2),
                incident_label(inc.kind),
                Qt.AlignmentFlag.AlignLeft,
                c.bad,
                0.8,
            )
    for t in (t0, t0 + span / 2, t1):
        x = min(max(x_of(t) - u * 2.5, plot.left() - u * 2.5), plot.right() - u * 5)
        ch.text(
            QRectF(x, plot.bottom() + u * 0.2, u * 5, u * 1.3),
            hhmm(t),
            Qt.AlignmentFlag.AlignHCenter,
            c.muted,
            0.85,
        )
