"""`python -m app report EVENT.showday --out DIR [--lang zh_CN|en]`: the PDF, the XLSX workbook
and one CSV per sheet. Qt is needed for the PDF's painter and for the report's language (the PDF,
and the worded cells of the sheets: the cue log's results): a QGuiApplication on the system's
own platform plugin (Windows, macOS) or offscreen (Linux, no display needed); either way with
the system's fonts (see qt_platform)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import console
from app.report.checks import appendix
from app.report.exports import export_all
from app.report.model import build_report, event_language
from app.store import EventFile, EventFileError

if TYPE_CHECKING:
    from app.report.checks import CueWords


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="showday report",
        description="Write the event's report: PDF (a page of charts, then the funnel per "
        "channel, preflight and cues), XLSX and CSVs (summary, attendance, channels, arrivals, "
        "questions, timing, leads, follow-up by speaker, preflight, cue log).",
    )
    p.add_argument("event", type=Path, help="the event file (*.showday)")
    p.add_argument("--out", type=Path, required=True, help="the folder to write into (created)")
    p.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        help="language of the PDF and of the cue log's results in the sheets (default: the "
        "event's — Chinese for an event written in Chinese — else the app's chosen language, "
        "else the system's)",
    )
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        ef = EventFile.open(args.event)
    except EventFileError as err:
        console.say(f"showday: {err}", error=True)
        return 2
    try:
        report = build_report(ef)
        with report_language(args.lang or event_language(report)) as words:
            try:
                paths = export_all(ef, args.out, report, cue_words=words)
            except OSError as err:
                console.say(f"showday: cannot write to {args.out}: {err}", error=True)
                return 2
            from ui.report.pdf import write_pdf  # Qt's painter, now that its platform is set

            pdf = Path(args.out) / "report.pdf"
            write_pdf(report, pdf, appendix(ef, report))
    finally:
        ef.close()
    for p in [pdf, *paths.values()]:
        console.say(str(p))
    return 0


def qt_platform(platform: str | None = None, env: Mapping[str, str] | None = None) -> str | None:
    """The Qt platform plugin for drawing the PDF, or None for the system's own.

    Windows and macOS: their own plugin ("windows", "cocoa"), which draws without showing a
    window and finds the system's fonts. "offscreen" there looks for fonts only in PySide6's
    folder, and the PDF came out without any text. Linux: "offscreen" (no display needed),
    which finds the system's fonts through fontconfig."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if env.get("QT_QPA_PLATFORM") or platform in ("win32", "darwin"):
        return None
    return "offscreen"


@contextmanager
def report_language(lang: str | None) -> Iterator[CueWords]:
    """Qt's translators in the report's language while the report is written; yields the cue
    log's words for the sheets (ui.cues.texts, the window's and the PDF's)."""
    if (plugin := qt_platform()) is not None:
        os.environ["QT_QPA_PLATFORM"] = plugin
    from PySide6.QtGui import QGuiApplication

    from ui.cues.texts import cue_words
    from ui.i18n import Translators, choose_language
    from ui.settings import Settings

    app = QGuiApplication.instance() or QGuiApplication(["showday-report"])
    translators = Translators()
    translators.switch(choose_language(lang, Settings().language()))
    try:
        yield cue_words()
    finally:
        translators.switch("en")
        del app
