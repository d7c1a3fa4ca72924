"""The PDF report (A4 portrait, light colours): page one is the panel's drawing (key figures,
charts, top questions); the pages after it (ui.report.pdf_pages) the funnel per channel, the
preflight runs and checklist and the cues, when `extra` (app.report.checks.appendix) is given."""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from app.report.checks import Appendix
from app.report.model import Report
from ui.report.charts import LIGHT
from ui.report.page import paint_report
from ui.report.pdf_pages import paint_appendix

DPI = 150


def write_pdf(report: Report, path: str | os.PathLike[str], extra: Appendix | None = None) -> None:
    """Needs a QGuiApplication (offscreen is fine). Texts follow the installed translators."""
    writer = QPdfWriter(os.fspath(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(report.event_name)
    writer.setCreator("Showday")
    p = QPainter()
    if not p.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        page = QRectF(0, 0, writer.width(), writer.height())
        paint_report(p, page, report, LIGHT)
        if extra is not None:
            paint_appendix(p, page, report.event_name, extra, LIGHT, writer.newPage)
    finally:
        p.end()
