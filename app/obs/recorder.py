"""Stream-health samples and incidents into the event file, for the report.

The OBS worker calls `on_sample` once a second while streaming or recording, and `on_incident`
on disconnects, reconnects and warnings, on its own thread. Writing there would let a busy event
file (another program holding a write lock) delay the pings that watch OBS, so the recorder only
queues; a thread of its own, with its own connection, appends them in batches (one transaction
for up to a few seconds of samples; incidents are written at once).

    recorder = SampleRecorder(session.path)
    worker = ObsWorker(bus, on_sample=recorder.on_sample, on_incident=recorder.on_incident)
    ...
    recorder.close()   # writes what is still queued
"""

from __future__ import annotations

import logging
import os
import queue
import sqlite3
import threading
import time
from typing import Any

from app.obs.samples import SAMPLE_COLUMNS
from app.store import EventFile, EventFileError
from app.timeutil import now_iso

log = logging.getLogger(__name__)

FLUSH_EVERY_S = 5.0  # a kill -9 loses at most this much of the health graph, never an incident
_STOP = ("stop",)


class SampleRecorder:
    def __init__(self, ef_path: str | os.PathLike[str], flush_every: float = FLUSH_EVERY_S) -> None:
        self.path = ef_path
        self.flush_every = flush_every
        self.written_samples = 0
        self.written_incidents = 0
        self._queue: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="obs-samples", daemon=True)
        self._thread.start()

    # -- the worker's callbacks (OBS worker thread; never block) ------------------------------

    def on_sample(self, sample: dict[str, Any]) -> None:
        self._queue.put(("sample", dict(sample)))

    def on_incident(self, kind: str, detail: str) -> None:
        self._queue.put(("incident", kind, detail, now_iso()))

    def flush(self, timeout: float = 5.0) -> bool:
        """Write everything queued so far; True once done (tests, and before a report)."""
        done = threading.Event()
        self._queue.put(("flush", done))
        return done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    # -- the writer thread --------------------------------------------------------------------

    def _run(self) -> None:
        try:
            ef = EventFile.open(self.path)
        except EventFileError as err:
            log.warning("OBS samples will not be stored: %s", err)
            ef = None
        samples: list[tuple[Any, ...]] = []
        incidents: list[tuple[str, str, str]] = []
        last_flush = time.monotonic()
        while True:
            wait = max(0.0, last_flush + self.flush_every - time.monotonic()) if samples else None
            try:
                item = self._queue.get(timeout=wait)
            except queue.Empty:
                item = ("tick",)
            stop = item is _STOP or item[0] == "stop"
            if item[0] == "sample":
                samples.append(_sample_row(item[1]))
            elif item[0] == "incident":
                incidents.append((item[3], item[1], item[2]))
            due = time.monotonic() - last_flush >= self.flush_every
            if stop or incidents or item[0] == "flush" or (samples and due):
                if ef is not None:
                    self._write(ef, samples, incidents)
                samples, incidents = [], []
                last_flush = time.monotonic()
            if item[0] == "flush":
                item[1].set()
            if stop:
                break
        if ef is not None:
            ef.close()

    def _write(
        self, ef: EventFile, samples: list[tuple[Any, ...]], incidents: list[tuple[str, str, str]]
    ) -> None:
        if not samples and not incidents:
            return
        cols = ", ".join(SAMPLE_COLUMNS)
        marks = ", ".join("?" for _ in SAMPLE_COLUMNS)
        try:
            with ef.write() as conn:
                conn.executemany(f"INSERT INTO obs_samples ({cols}) VALUES ({marks})", samples)
                conn.executemany(
                    "INSERT INTO incidents (at, kind, detail) VALUES (?, ?, ?)", incidents
                )
        except sqlite3.Error as err:  # the report misses a few seconds; the show goes on
            log.warning("storing OBS samples failed: %s", err)
            return
        self.written_samples += len(samples)
        self.written_incidents += len(incidents)


def _sample_row(sample: dict[str, Any]) -> tuple[Any, ...]:
    row = {c: sample.get(c) for c in SAMPLE_COLUMNS}
    row["at"] = row["at"] or now_iso()
    row["streaming"] = int(bool(row["streaming"]))
    row["recording"] = int(bool(row["recording"]))
    return tuple(row.values())
