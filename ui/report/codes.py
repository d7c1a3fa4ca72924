"""The report's names for the codes the app stores (app.report.codes), translated through Qt for
the desktop view and the PDF. The English texts here are the `en` of app.report.codes (lupdate
needs them as literals; tests/ui/report/test_codes.py keeps both in step, zh included)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.guests.walkin import WALK_IN_CHANNEL

CONTEXT = "ReportCharts"

CHANNELS = {WALK_IN_CHANNEL: QT_TRANSLATE_NOOP("ReportCharts", "Walk-in")}

INCIDENT_KINDS = {
    "disconnect": QT_TRANSLATE_NOOP("ReportCharts", "disconnect"),
    "reconnect": QT_TRANSLATE_NOOP("ReportCharts", "reconnect"),
    "warning": QT_TRANSLATE_NOOP("ReportCharts", "warning"),
    "restore": QT_TRANSLATE_NOOP("ReportCharts", "OBS restored"),
    "wrong_password": QT_TRANSLATE_NOOP("ReportCharts", "wrong password"),
    "kicked": QT_TRANSLATE_NOOP("ReportCharts", "kicked"),
    "too_old": QT_TRANSLATE_NOOP("ReportCharts", "OBS too old"),
}


def channel_label(code: str) -> str:
    """The walk-in channel in the current language; a guest list's channel as it is."""
    if not code:
        return QCoreApplication.translate("ReportCharts", "(none)")
    known = CHANNELS.get(code)
    return QCoreApplication.translate(CONTEXT, known) if known else code


def incident_label(kind: str) -> str:
    known = INCIDENT_KINDS.get(kind)
    return QCoreApplication.translate(CONTEXT, known) if known else kind
