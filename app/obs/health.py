"""Stream health from the once-a-second GetStats (+ GetStreamStatus / GetRecordStatus).

OBS reports running totals; the operator needs rates: bitrate from output bytes over time,
skipped frames over the last few seconds. Warnings fire when a figure crosses a threshold.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from app.timeutil import now_iso


@dataclass(frozen=True)
class Thresholds:
    dropped_pct: float = 1.0  # network drops for this stream, % of frames
    skipped_pct: float = 5.0  # render or encoder lag over the last few seconds, %
    congestion: float = 0.5  # OBS's 0..1 output congestion
    cpu: float = 85.0  # OBS process CPU, %
    fps_ratio: float = 0.9  # active FPS below this share of the configured FPS
    disk_mb: float = 2048.0  # free space while recording
    no_data_s: int = 3  # streaming but nothing sent for this many samples


WINDOW = 5  # samples (about seconds) for the skipped-frame rates


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole > 0 else 0.0


class HealthTracker:
    def __init__(self, thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        self._last: dict[str, tuple[float, int]] = {}  # output -> (t, bytes)
        self._frames: deque[tuple[int, int, int, int]] = deque(maxlen=WINDOW + 1)
        self._zero_kbps = 0
        self._active: set[str] = set()

    def reset(self) -> None:
        """After a reconnect the totals start over from OBS's point of view."""
        self._last.clear()
        self._frames.clear()
        self._zero_kbps = 0

    def _kbps(self, output: str, now: float, status: dict[str, Any] | None) -> float | None:
        if not status or not status.get("outputActive"):
            self._last.pop(output, None)
            return None
        sent = int(status.get("outputBytes", 0))
        prev = self._last.get(output)
        self._last[output] = (now, sent)
        if prev is None or now <= prev[0] or sent < prev[1]:
            return None  # first sample of this output, or a restarted counter
        return round((sent - prev[1]) * 8 / 1000 / (now - prev[0]), 1)

    def update(
        self,
        now: float,
        stats: dict[str, Any],
        stream: dict[str, Any] | None,
        record: dict[str, Any] | None,
        target_fps: float | None,
    ) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, str]]]:
        """Return (health for the mirror, sample for obs_samples, warnings that just began)."""
        t = self.thresholds
        streaming = bool(stream and stream.get("outputActive"))
        recording = bool(record and record.get("outputActive"))
        stream_kbps = self._kbps("stream", now, stream)
        record_kbps = self._kbps("record", now, record)

        self._frames.append(
            (
                int(stats.get("renderSkippedFrames", 0)),
                int(stats.get("renderTotalFrames", 0)),
                int(stats.get("outputSkippedFrames", 0)),
                int(stats.get("outputTotalFrames", 0)),
            )
        )
        first, last = self._frames[0], self._frames[-1]
        render_pct = _pct(max(0, last[0] - first[0]), max(0, last[1] - first[1]))
        encoder_pct = _pct(max(0, last[2] - first[2]), max(0, last[3] - first[3]))
        dropped = (
            _pct(stream.get("outputSkippedFrames", 0), stream.get("outputTotalFrames", 0))
            if streaming and stream
            else None
        )
        congestion = float(stream.get("outputCongestion") or 0.0) if streaming and stream else None
        reconnecting = bool(stream and stream.get("outputReconnecting"))
        cpu = round(float(stats.get("cpuUsage", 0.0)), 1)
        fps = round(float(stats.get("activeFps", 0.0)), 1)
        disk = round(float(stats.get("availableDiskSpace", 0.0)), 0)
        kbps = stream_kbps if streaming else record_kbps

        if streaming and stream_kbps is not None and stream_kbps <= 0 and not reconnecting:
            self._zero_kbps += 1
        else:
            self._zero_kbps = 0

        warnings: list[dict[str, str]] = []

        def warn(kind: str, message: str) -> None:
            warnings.append({"kind": kind, "message": message})

        if dropped is not None and dropped >= t.dropped_pct:
            warn("dropped", f"{dropped:.1f}% of frames dropped (network)")
        skipped = max(render_pct, encoder_pct)
        if skipped >= t.skipped_pct:
            what = "rendering" if render_pct >= encoder_pct else "encoding"
            warn("skipped", f"{skipped:.1f}% of frames skipped ({what} lag)")
        if congestion is not None and congestion >= t.congestion:
            warn("congestion", f"network congestion {congestion:.0%}")
        if reconnecting:
            warn("reconnecting", "the stream is reconnecting")
        if self._zero_kbps >= t.no_data_s:
            warn("no_data", "streaming, but no data is leaving OBS")
        if cpu >= t.cpu:
            warn("cpu", f"OBS uses {cpu:.0f}% CPU")
        if target_fps and fps < target_fps * t.fps_ratio:
            warn("fps", f"OBS renders {fps:.0f} of {target_fps:.0f} FPS")
        if recording and disk < t.disk_mb:
            warn("disk", f"only {disk / 1024:.1f} GB free for the recording")

        kinds = {w["kind"] for w in warnings}
        new = [w for w in warnings if w["kind"] not in self._active]
        self._active = kinds

        health = {
            "kbps": kbps,
            "stream_kbps": stream_kbps,
            "record_kbps": record_kbps,
            "dropped_pct": dropped,
            "render_skipped_pct": render_pct,
            "encoder_skipped_pct": encoder_pct,
            "skipped_pct": skipped,
            "congestion": congestion,
            "cpu": cpu,
            "fps": fps,
            "disk_mb": disk,
            "memory_mb": round(float(stats.get("memoryUsage", 0.0)), 0),
            "warnings": warnings,
        }
        sample = {
            "at": now_iso(),
            "streaming": int(streaming),
            "recording": int(recording),
            "kbps": kbps,
            "dropped_pct": dropped,
            "skipped_pct": skipped,
            "congestion": congestion,
            "cpu": cpu,
            "fps": fps,
            "disk_mb": disk,
        }
        return health, sample, new
