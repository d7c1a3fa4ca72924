"""The PDF's pages after the first: the funnel per channel, every preflight run with what failed
or warned, the manual checklist (who ticked each item, when) and the cues (fired, failed, each
failure). Rows flow onto as many A4 pages as they need; texts follow the installed translators,
and user text (channel names, checklist items, segment titles) is drawn as plain text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from app.qa import platform_label
from app.report.channels import ChannelReport
from app.report.checks import Appendix, ChecklistItem, Checks, CueSummary
from app.report.sheets import local
from ui.channels.funnel import money
from ui.cues import texts
from ui.report.charts import Colours
from ui.report.codes import channel_label
from ui.report.page import text_line, text_unit


@dataclass
class Cell:
    text: str
    share: float  # of the row's width
    colour: str = ""  # '' = the page's text colour
    bold: bool = False
    right: bool = False


class Flow:
    """Rows top to bottom; a row that does not fit starts a new page (`new_page()`)."""

    def __init__(self, p: QPainter, page: QRectF, c: Colours, new_page: Callable[[], None]) -> None:
        self.p, self.page, self.c, self._new_page = p, page, c, new_page
        self.u = u = text_unit(page)
        self.area = page.adjusted(u * 1.2, u * 1.2, -u * 1.2, -u * 1.2)
        self.y = self.area.top()
        self.pages = 1

    def room(self, h: float) -> None:
        if self.y + h > self.area.bottom():
            self._new_page()
            self.p.fillRect(self.page, QColor(self.c.bg))
            self.y = self.area.top()
            self.pages += 1

    def heading(self, text: str) -> None:
        u = self.u
        self.room(u * 5)  # a heading never ends a page: room for it and a row or two
        self.y += u * 0.6
        box = QRectF(self.area.left(), self.y, self.area.width(), u * 1.8)
        text_line(self.p, box, text, self.c.fg, u * 1.25, True)
        self.y += u * 1.9
        self.p.setPen(QPen(QColor(self.c.grid), 1))
        self.p.drawLine(self.area.left(), self.y, self.area.right(), self.y)
        self.y += u * 0.3

    def row(self, cells: list[Cell], indent: float = 0.0, size: float = 0.95) -> None:
        u = self.u
        h = u * size * 1.5
        self.room(h)
        x = self.area.left() + indent * u
        width = self.area.width() - indent * u
        for cell in cells:
            w = width * cell.share
            box = QRectF(x, self.y, w - u * 0.4, h)
            colour = cell.colour or self.c.fg
            text_line(self.p, box, cell.text, colour, u * size, cell.bold, cell.right)
            x += w
        self.y += h

    def note(self, text: str, indent: float = 0.0) -> None:
        self.row([Cell(text, 1.0, self.c.muted)], indent)


def paint_appendix(
    p: QPainter,
    page: QRectF,
    event_name: str,
    extra: Appendix,
    c: Colours,
    new_page: Callable[[], None],
) -> int:
    """Start a new page and draw the appendix from there; returns how many pages it took."""
    new_page()
    p.fillRect(page, QColor(c.bg))
    f = Flow(p, page, c, new_page)
    f.row([Cell(event_name, 1.0, bold=True)], size=1.6)
    f.note(QCoreApplication.translate("ReportPdf", "Channels, preflight and cues"))
    channels(f, extra.channels)
    preflight(f, extra.checks)
    checklist(f, extra.checks.checklist)
    cues(f, extra.checks.cues)
    return f.pages


SHARES = [0.20, 0.09, 0.09, 0.08, 0.07, 0.07, 0.08, 0.16, 0.16]


def channels(f: Flow, data: ChannelReport) -> None:
    f.heading(QCoreApplication.translate("ReportPdf", "Funnel per channel"))
    heads = [
        QCoreApplication.translate("ReportPdf", "Channel"),
        QCoreApplication.translate("ReportPdf", "Registered"),
        QCoreApplication.translate("ReportPdf", "Checked in"),
        QCoreApplication.translate("ReportPdf", "Walk-ins"),
        QCoreApplication.translate("ReportPdf", "Asked"),
        QCoreApplication.translate("ReportPdf", "Leads"),
        QCoreApplication.translate("ReportPdf", "Cost"),
        QCoreApplication.translate("ReportPdf", "Cost per attendee"),
        QCoreApplication.translate("ReportPdf", "Cost per lead"),
    ]
    f.row(
        [
            Cell(h, s, f.c.muted, True, i > 0)
            for i, (h, s) in enumerate(zip(heads, SHARES, strict=True))
        ]
    )
    if not data.rows and not data.online:
        f.note(QCoreApplication.translate("ReportPdf", "No guests yet."))
    for r in data.rows:
        n = r.funnel
        values = [n.registered, n.checked_in, n.walk_ins, n.asked, r.leads]
        texts_ = [channel_label(r.channel), *(f"{v:,}" for v in values)]
        texts_ += [money(r.cost), money(r.cost_per_attendee), money(r.cost_per_lead)]
        f.row(
            [Cell(t, s, right=i > 0) for i, (t, s) in enumerate(zip(texts_, SHARES, strict=True))]
        )
    for platform, askers in data.online.items():
        label = QCoreApplication.translate("ReportPdf", "Online askers · %1").replace(
            "%1", platform_label(platform)
        )
        f.row([Cell(label, sum(SHARES[:4])), Cell(f"{askers:,}", SHARES[4], right=True)])


def _status_colour(c: Colours, status: str) -> str:
    return c.bad if status == "fail" else c.warn if status == "warn" else c.good


def preflight(f: Flow, checks: Checks) -> None:
    f.heading(QCoreApplication.translate("ReportPdf", "Preflight"))
    if not checks.runs:
        f.note(QCoreApplication.translate("ReportPdf", "No preflight run was made."))
    for run in checks.runs:
        fails = sum(1 for r in run.problems if r.get("status") == "fail")
        warns = len(run.problems) - fails
        summary = (
            QCoreApplication.translate(
                "ReportPdf", "checks: {checks} · failed: {fails} · warnings: {warns}"
            )
            .replace("{checks}", str(run.checks))
            .replace("{fails}", str(fails))
            .replace("{warns}", str(warns))
        )
        f.row(
            [
                Cell(local(run.at, "%m-%d %H:%M"), 0.12),
                Cell(texts.kind_text(run.kind), 0.12),
                Cell(
                    QCoreApplication.translate("ReportPdf", "GO")
                    if run.go
                    else QCoreApplication.translate("ReportPdf", "NO-GO"),
                    0.12,
                    f.c.good if run.go else f.c.bad,
                    True,
                ),
                Cell(summary, 0.64, f.c.muted),
            ]
        )
        for r in run.problems:
            status = str(r.get("status"))
            f.row(
                [
                    Cell(texts.status_text(status), 0.10, _status_colour(f.c, status), True),
                    Cell(texts.check_name(str(r.get("id"))), 0.20),
                    Cell(texts.result_text(r), 0.70),
                ],
                indent=2.0,
                size=0.85,
            )


def checklist(f: Flow, items: list[ChecklistItem]) -> None:
    f.heading(QCoreApplication.translate("ReportPdf", "Manual checklist"))
    if not items:
        f.note(QCoreApplication.translate("ReportPdf", "Nobody ticked an item of the checklist."))
    for item in items:
        if item.ticked_at:
            who = (
                QCoreApplication.translate("ReportPdf", "ticked by {who} at {time}")
                .replace("{who}", item.ticked_by or "?")
                .replace("{time}", local(item.ticked_at, "%m-%d %H:%M"))
            )
            mark, colour = "✓", f.c.good
        else:
            who, mark, colour = QCoreApplication.translate("ReportPdf", "not ticked"), "✗", f.c.bad
        f.row([Cell(mark, 0.04, colour, True), Cell(item.text, 0.58), Cell(who, 0.38, colour)])


def cues(f: Flow, data: CueSummary) -> None:
    f.heading(QCoreApplication.translate("ReportPdf", "Cues"))
    f.row(
        [
            Cell(
                QCoreApplication.translate(
                    "ReportPdf", "Cue actions fired: {fired} · failed: {failed}"
                )
                .replace("{fired}", f"{data.fired:,}")
                .replace("{failed}", f"{data.failed:,}"),
                1.0,
                f.c.bad if data.failed else f.c.fg,
                True,
            )
        ]
    )
    if data.fired and not data.failed:
        f.note(QCoreApplication.translate("ReportPdf", "Every cue action worked."))
    triggers, actions = texts.trigger_names(), texts.action_names()
    for e in data.failures:
        f.row(
            [
                Cell(local(e["at"], "%H:%M:%S"), 0.11),
                Cell(str(e["segment_title"]), 0.21),
                Cell(triggers.get(e["trigger"], e["trigger"]), 0.15),
                Cell(actions.get(e["action"], e["action"]), 0.16),
                Cell(texts.cue_result_text(e.get("result"), str(e["detail"])), 0.37, f.c.bad),
            ],
            size=0.85,
        )
