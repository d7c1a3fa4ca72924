"""The one-page PDF report (A4 portrait, light colours), drawn with the panel's painter code."""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from app.report.model import Report
from ui.report.charts import LIGHT
from ui.report.page import paint_report

DPI = 150


def write_pdf(report: Report, path: str | os.PathLike[str]) -> None:
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
        w, h = writer.width(), writer.height()
        paint_report(p, QRectF(0, 0, w, h), report, LIGHT)
    finally:
        p.end()
