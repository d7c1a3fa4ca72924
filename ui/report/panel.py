"""The Report panel: live during the show, final after it, with Export.

`ReportPanel(session, bridge, worker)`. The report is built on the worker (`build_report`, one
aggregate query per section) and painted by `ui.report.page` (the same drawing as the PDF).
Bus events (door, show, Q&A, OBS) ask for a refresh; refreshes go through the desk's one
coalescer (ui.reload): at most one per MIN_INTERVAL_MS and one at a time, and a slow timer
keeps the on-air segment's time current.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any

from PySide6.QtCore import QDateTime, QRectF, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.bus import SettingsChanged
from app.report.channels import ChannelReport, channel_report
from app.report.chapters import chapter_lists
from app.report.checks import Appendix, appendix
from app.report.exports import export_all
from app.report.model import Report, build_report
from app.session import Session
from ui.bridge import QtBridge
from ui.channels.funnel import ChannelFunnelTable
from ui.cues import texts as cue_texts
from ui.event_files import start_path
from ui.i18n import Retranslating
from ui.reload import Coalescer
from ui.report.charts import DARK
from ui.report.page import paint_report
from ui.report.pdf import write_pdf
from ui.views.widgets import plain_label
from ui.worker import Worker, describe_error

MIN_INTERVAL_MS = 2000
TICK_MS = 15000  # the on-air segment's actual time grows without events


class ReportCanvas(QWidget):
    """Paints a Report; shows a short line until the first one arrives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCanvas")
        self.report: Report | None = None
        self.setMinimumSize(760, 900)

    def set_report(self, report: Report) -> None:
        self.report = report
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        try:
            rect = QRectF(self.rect())
            if self.report is None:
                p.fillRect(rect, DARK.bg)
                return
            columns = 2 if rect.width() >= 900 else 1
            paint_report(p, rect, self.report, DARK, columns)
        finally:
            p.end()

    def sizeHint(self) -> Any:  # noqa: N802
        return self.minimumSize()


class ReportPanel(Retranslating, QWidget):
    """`loads` counts finished reloads (tests); `exported` fires with the folder after an export."""

    exported = Signal(str)

    def __init__(
        self, session: Session, bridge: QtBridge, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportPanel")
        self.session, self.worker = session, worker
        self.report: Report | None = None
        self._export_worker: Worker | None = None
        self.loads = 0
        self._stale = False  # a change came while the tab was hidden: read again when shown
        # after a slow build (a huge day) it waits 5x as long as the build took, so live
        # refreshes never take more than a sixth of the shared worker's time
        self.reloads = Coalescer(
            self._load, self, min_gap_ms=MIN_INTERVAL_MS, factor=5, worker=self.worker
        )
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.refresh)

        self.title = plain_label("", "sectionTitle")
        self.status = plain_label("", "hint")
        self.refresh_btn = QPushButton()
        self.refresh_btn.clicked.connect(self.refresh)
        self.export_btn = QPushButton()
        self.export_btn.clicked.connect(self._choose_folder)
        # Replay chapters to paste into the Bilibili / YouTube description: one per recording
        # file and one for the livestream, picked from the button's menu
        self.chapters_btn = QPushButton()
        self.chapters_btn.setObjectName("copyChapters")
        self.chapters_menu = QMenu(self.chapters_btn)
        self.chapters_btn.setMenu(self.chapters_menu)
        self.chapters_btn.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.refresh_btn)
        bar.addWidget(self.chapters_btn)
        bar.addWidget(self.export_btn)
        self.canvas = ReportCanvas()
        self.channels = ChannelFunnelTable()  # the funnel per channel, with costs
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.canvas)
        column.addWidget(self.channels)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        for signal in (bridge.door, bridge.show, bridge.qa, bridge.obs):
            signal.connect(lambda _event: self.refresh())
        bridge.event.connect(self._on_event)  # Setup › Channels saved: new costs and order
        self.retranslate()
        self._tick.start()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Report"))
        self.refresh_btn.setText(self.tr("Refresh"))
        self.export_btn.setText(self.tr("Export…"))
        self.chapters_btn.setText(self.tr("Copy chapters"))
        self.chapters_btn.setToolTip(
            self.tr("Replay chapters for the video description, from the recordings' starts")
        )
        self._fill_chapters()
        self.export_btn.setToolTip(
            self.tr("PDF, Excel workbook and CSV files: attendance, questions, timing, leads")
        )
        self._show_status()
        self.canvas.update()

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.loads and not self.isVisible():  # a hidden tab: catch up when shown
            self._stale = True
            return
        self._stale = False
        self.reloads.request()

    def _on_event(self, event: object) -> None:
        if isinstance(event, SettingsChanged) and event.section == "channels":
            self.refresh()

    def _load(self) -> None:
        ef = self.session.ef

        def work() -> tuple[Report, ChannelReport]:
            report = build_report(ef)
            return report, channel_report(ef, report)

        self.reloads.run(work, self._loaded, self._failed)

    def _loaded(self, result: tuple[Report, ChannelReport]) -> None:
        report, funnel = result
        self.channels.show_data(funnel)
        self.report = report
        self.loads += 1
        self.canvas.set_report(report)
        self._fill_chapters()
        self._show_status()
        if report.final:
            self._tick.stop()  # nothing moves after the show
        elif not self._tick.isActive():
            self._tick.start()

    def _failed(self, err: BaseException) -> None:
        self.status.setText(describe_error(err))

    def _show_status(self) -> None:
        if self.report is None:
            self.status.setText(self.tr("Loading…"))
            return
        at = QDateTime.currentDateTime().toString("HH:mm:ss")
        text = self.tr("Final (show ended)") if self.report.final else self.tr("Live")
        self.status.setText(self.tr("%1 · updated %2").replace("%1", text).replace("%2", at))

    # -- chapters -----------------------------------------------------------------------------

    def _fill_chapters(self) -> None:
        """One menu entry per chapter list of the loaded report (no query: it is all in it)."""
        self.chapters_menu.clear()
        lists = chapter_lists(self.report) if self.report is not None else []
        n = 0
        for cl in lists:
            if cl.kind == "record":
                n += 1
                label = self.tr("Recording %1").replace("%1", str(n))
                if cl.file:
                    label += f" · {PureWindowsPath(cl.file).name}"
            else:
                label = self.tr("Livestream")
            action = self.chapters_menu.addAction(label)
            text = cl.text()
            action.triggered.connect(lambda _c=False, t=text: self.copy_chapters(t))
        self.chapters_btn.setEnabled(bool(lists))

    def copy_chapters(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("Chapters copied"))

    # -- export -------------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export the report to"), start_path()
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Data files on a worker, then the PDF (a painter, on this thread) from the same report.

        Exports get their own worker and connection: the XLSX of a 50,000-guest day takes
        ~20 s (openpyxl), and the shared worker must stay free for the door meanwhile."""
        ef = self.session.ef
        self.export_btn.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        if self._export_worker is None:
            self._export_worker = Worker(self, name="showday-report-export")

        # the cue log's words in the window's language, as the PDF's (QCoreApplication's
        # translate is thread-safe: they are looked up on the export worker)
        words = cue_texts.cue_words()

        def work() -> tuple[Report, dict[str, Path], Appendix]:
            own = ef.reopen() if ef.path is not None else ef  # in-memory events (tests): shared
            try:
                report = build_report(own)
                paths = export_all(own, folder, report, cue_words=words)
                return report, paths, appendix(own, report)
            finally:
                if own is not ef:
                    own.close()

        self._export_worker.run(
            work, on_done=self._write_pdf, on_error=self._export_failed, context=self
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._export_worker is not None:
            self._export_worker.stop()
            self._export_worker = None
        super().closeEvent(event)

    def _write_pdf(self, result: tuple[Report, dict[str, Path], Appendix]) -> None:
        report, paths, extra = result
        folder = paths["xlsx"].parent
        try:
            write_pdf(report, folder / "report.pdf", extra)
        except OSError as err:
            return self._export_failed(err)
        self.export_btn.setEnabled(True)
        self.status.setText(self.tr("Exported to %1").replace("%1", str(folder)))
        self.exported.emit(str(folder))

    def _export_failed(self, err: BaseException) -> None:
        self.export_btn.setEnabled(True)
        self.status.setText(self.tr("Export failed: %1").replace("%1", describe_error(err)))
