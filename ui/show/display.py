"""The show panel's display: the info column (schedule offset, projected end, next segment,
speakers not yet arrived, the last refusal) and the big timer's texts, repainted each second.
A mixin of ShowPanel (ui.show.panel); texts keep the context "ShowPanel"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QGridLayout

from app.show.arrival import due_speakers
from ui.show.live import live
from ui.show.widgets import BigTimer, clock_hhmm, offset_text, span
from ui.theme import set_prop
from ui.views.widgets import plain_label as plain


class ShowDisplay:
    """What the show panel shows (see ShowPanel for the state it reads)."""

    timer: BigTimer
    state: dict[str, Any]

    def _build_display(self) -> QGridLayout:
        self.timer = BigTimer()
        self.timer.setMinimumHeight(230)
        self.offset = plain("", "offset")
        self.projected = plain("", "infoValue")
        self.next = plain("", "infoValue")
        self.next.setWordWrap(True)
        self.labels = {k: plain("", "infoLabel") for k in ("offset", "projected", "next")}
        self.arrival = plain("", "arrival")
        self.arrival.setWordWrap(True)
        self.error = plain("", "showError")
        self.error.setWordWrap(True)
        info = QGridLayout()
        info.setVerticalSpacing(4)
        for row, (key, value) in enumerate(
            (("offset", self.offset), ("projected", self.projected), ("next", self.next))
        ):
            info.addWidget(self.labels[key], row * 2, 0)
            info.addWidget(value, row * 2 + 1, 0)
        info.addWidget(self.arrival, 6, 0)
        info.setRowStretch(7, 1)
        info.addWidget(self.error, 8, 0)
        return info

    def _show_arrivals(self, now: float) -> None:
        due = due_speakers(self.segment_objs, self.state, self.arrived, now)
        lines = [
            QCoreApplication.translate(
                "ShowPanel", "⚠ {speaker} has not checked in ({title}, in {minutes} min)"
            ).format(
                speaker=d.speaker or "?",
                title=d.title,
                minutes=max(0, round(d.starts_in(now) / 60)),
            )
            for d in due
        ]
        self.arrival.setText("\n".join(lines))
        self.arrival.setVisible(bool(lines))

    def refresh(self) -> None:
        """Repaint what moves with the clock (called on each second boundary)."""
        s = self.state
        now = live(s, self.clock())
        self.timer.time.setText(now.text or "–:––")
        self.timer.set_phase(now.phase)
        if now.status in ("running", "paused"):
            left, elapsed = span(now.remaining_s), span(now.elapsed_s)
            if now.remaining_s < 0:  # not "Remaining 0:05 over" (剩余 超时 0:05)
                caption = QCoreApplication.translate(
                    "ShowPanel", "Elapsed {elapsed} · {time} over"
                ).format(elapsed=elapsed, time=left)
            else:
                caption = QCoreApplication.translate(
                    "ShowPanel", "Elapsed {elapsed} · Remaining {remaining}"
                ).format(elapsed=elapsed, remaining=left)
            if now.status == "paused":
                caption = QCoreApplication.translate("ShowPanel", "Paused") + " · " + caption
            self.timer.caption.setText(caption)
        elif now.status == "ended":
            self.timer.caption.setText(
                QCoreApplication.translate("ShowPanel", "The show has ended")
            )
        elif not self.has_segments():
            self.timer.caption.setText(
                QCoreApplication.translate(
                    "ShowPanel", "Nothing to run: add segments in Setup › Rundown"
                )
            )
        else:
            self.timer.caption.setText(
                QCoreApplication.translate("ShowPanel", "The show has not started")
            )
        first_at = self.clock() - now.offset_s if now.offset_s is not None else None
        if now.status == "not_started" and first_at and not _same_day(first_at, self.clock()):
            # A hard start on another day: the hours to or since it are no schedule offset.
            when = QDateTime.fromSecsSinceEpoch(int(first_at))
            shown = self.locale().toString(when, QLocale.FormatType.ShortFormat)
            text, kind = (
                QCoreApplication.translate("ShowPanel", "Planned start: {when}").format(when=shown),
                "ontime",
            )
        elif now.status == "not_started" and now.offset_s is not None and now.offset_s <= -1:
            # Before the start a negative offset is the wait until the planned start, not a lead.
            text = QCoreApplication.translate("ShowPanel", "Starts in {time}").format(
                time=span(now.offset_s)
            )
            kind = "ontime"
        else:
            text, kind = offset_text(now.offset_s)
        self.offset.setText(text or "–")
        set_prop(self.offset, "state", kind)
        self.projected.setText(clock_hhmm(now.projected_end) or "–")
        self.rundown.show_elapsed(now.elapsed_s)
        self._show_arrivals(self.clock())
        self.chime.observe(s.get("segment_id"), now.phase, now.status == "running")

    def _texts(self) -> None:
        s = self.state
        if s.get("status") in ("running", "paused"):
            index = int(s.get("segment_index") or 0) + 1
            title = f"{index}/{s.get('segment_count')} · {s.get('title')}"
            if s.get("speaker"):
                title += f" — {s['speaker']}"
            self.timer.title.setText(title)
        else:
            self.timer.title.setText(QCoreApplication.translate("ShowPanel", "Run of show"))
        nxt = str(s.get("next_title") or "")
        if nxt and s.get("next_speaker"):
            nxt += f" — {s['next_speaker']}"
        self.next.setText(nxt or QCoreApplication.translate("ShowPanel", "(none)"))


def _same_day(a: float, b: float) -> bool:
    """Whether two Unix times fall on the same local date."""
    return (
        QDateTime.fromSecsSinceEpoch(int(a)).date() == QDateTime.fromSecsSinceEpoch(int(b)).date()
    )
