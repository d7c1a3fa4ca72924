"""OBS automation per segment: when the run-of-show moves to another segment, cue OBS.

`SegmentAutomation` listens to `ShowStateChanged` and, only when the *current segment* changes
(start, next, previous, goto; not ticks, pauses, added time or messages), submits one
`SegmentCue` to the OBS worker: the segment's scene and its lower-third lines for N seconds.
Each part can be switched off per event; the options live under the "obs" key of
`event.settings` (app.store.settings), next to other features' keys:

    {"obs": {"switch_scene": true, "lower_third": true, "show_seconds": 8,
             "name_source": "...", "title_source": "...", "restore_after_crash": true}}

The featured question is not the cue's business: whether a segment change takes it off air is
the Q&A option `clear_on_segment_change`, applied once by `app.qa.onair.OnAirModel`; OBS's
text source follows the result (`app.obs.question`). (An older file's "clear_question" key is
ignored.)

It runs on its own executor thread (`EXECUTOR`), never on the thread that published the show
event: it reads the segment and the settings there, and the worker's `submit` returns a Future
at once.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Protocol

from app.bus import Bus, ObsCommandFailed, ShowStateChanged
from app.obs.actions import Command
from app.obs.cues import SegmentCue
from app.obs.setup import LOWER_THIRD_NAME, LOWER_THIRD_TITLE
from app.show import ShowControl
from app.store import EventFile
from app.store import settings as settings_store
from app.store.settings import Section

log = logging.getLogger(__name__)

KEY = "obs"
EXECUTOR = "obs-automation"


@dataclass(frozen=True)
class AutomationSettings:
    switch_scene: bool = True  # switch OBS to the segment's scene (if it names one)
    lower_third: bool = True  # write the lower-third lines and show them for show_seconds
    show_seconds: float = 8.0  # 0 writes the texts but leaves the items as they are
    name_source: str = LOWER_THIRD_NAME
    title_source: str = LOWER_THIRD_TITLE
    # When OBS comes back after a crash: restore its program scene and restart the stream or
    # recording that was running (app.obs.recovery; read by the OBS worker at the reconnect).
    restore_after_crash: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_DEFAULTS = AutomationSettings()
_FIELDS = {f.name: f for f in fields(AutomationSettings)}


def _coerce(name: str, value: Any) -> Any:
    default = getattr(_DEFAULTS, name)
    if isinstance(default, bool):
        return bool(value)
    if isinstance(default, float):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return default
        return min(600.0, max(0.0, number))  # a lower third for more than 10 min is a typo
    text = str(value or "").strip()
    return text or default  # an empty source name would silently do nothing


def _from_dict(section: dict[str, Any]) -> AutomationSettings:
    values = {k: _coerce(k, v) for k, v in section.items() if k in _FIELDS}
    return replace(_DEFAULTS, **values)


def _check(changes: Mapping[str, Any]) -> None:
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown OBS automation option(s): {', '.join(sorted(unknown))}")


SECTION = Section(KEY, _from_dict, _check, AutomationSettings.to_dict)


def load_automation(ef: EventFile) -> AutomationSettings:
    return SECTION.load(ef)


def save_automation(ef: EventFile, bus: Bus | None = None, **changes: Any) -> AutomationSettings:
    """Change some options in one transaction (then SettingsChanged("obs") on `bus`); other
    keys of `event.settings` stay as they are. Unknown option names raise ValueError (a typo
    must not be saved as a no-op)."""
    _check(changes)
    coerced = {name: _coerce(name, value) for name, value in changes.items()}
    return settings_store.update(ef, SECTION, coerced, bus)


def cue_for(segment: dict[str, Any], settings: AutomationSettings) -> SegmentCue | None:
    """The cue for a segment that just started, or None when every automation is off."""
    if not (settings.switch_scene or settings.lower_third):
        return None
    name = str(segment.get("lt_name") or segment.get("speaker") or "")
    title = str(segment.get("lt_title") or "")
    has_lines = bool(name or title)
    return SegmentCue(
        scene=str(segment.get("obs_scene") or "") if settings.switch_scene else "",
        name=name,
        title=title,
        name_source=settings.name_source,
        title_source=settings.title_source,
        write_texts=settings.lower_third,
        # Nothing to say: do not flash an empty box.
        show_seconds=settings.show_seconds if settings.lower_third and has_lines else 0.0,
    )


class Submitter(Protocol):
    """What the automation needs of `app.obs.worker.ObsWorker`."""

    def submit(self, command: Command) -> Future[Any]: ...


SettingsProvider = Callable[[], AutomationSettings]
SegmentProvider = Callable[[int], "dict[str, Any] | None"]


class SegmentAutomation:
    """Cues OBS when the current segment changes. `last` is the Future of the last cue (tests
    wait on it); `cues` counts the cues sent.

    `settings_provider()` is read at each change, so switching an automation off takes effect
    at the next segment without telling anyone. `segment_provider(id)` returns the segment's row
    (obs_scene, lt_name, lt_title, speaker) or None. `current_segment` is the segment already on
    when the automation starts: reopening a running show does not re-cue it."""

    def __init__(
        self,
        bus: Bus,
        obs_worker: Submitter,
        settings_provider: SettingsProvider,
        segment_provider: SegmentProvider,
        *,
        current_segment: int | None = None,
    ) -> None:
        self.bus = bus
        self.worker = obs_worker
        self.settings_provider = settings_provider
        self.segment_provider = segment_provider
        self._lock = threading.Lock()
        self._current = current_segment
        self.last: Future[Any] | None = None
        self.cues = 0
        self._closers: list[Callable[[], None]] = [
            bus.subscribe(ShowStateChanged, self._on_show, executor=EXECUTOR)
        ]

    @classmethod
    def for_event(cls, bus: Bus, obs_worker: Submitter, ef: EventFile) -> SegmentAutomation:
        """A standalone set-up (tests, tools): settings and segments read on a connection of
        its own. In the app, `app.session.ObsServices.start()` composes it on the session's
        connection."""
        own = ef.reopen()
        lock = threading.Lock()

        def settings() -> AutomationSettings:
            with lock:
                return load_automation(own)

        def segment(segment_id: int) -> dict[str, Any] | None:
            with lock:
                return own.row("SELECT * FROM segments WHERE id = ?", (segment_id,))

        with lock:
            state = ShowControl(own).state()
        running = state.status in ("running", "paused")
        current = state.segment_id if running else None
        auto = cls(bus, obs_worker, settings, segment, current_segment=current)
        auto._closers.append(own.close)
        return auto

    def close(self) -> None:
        for closer in self._closers:
            closer()
        self._closers = []

    def _on_show(self, ev: ShowStateChanged) -> None:  # EXECUTOR thread; never waits on OBS
        state = ev.state
        running = state.get("status") in ("running", "paused")
        segment_id = state.get("segment_id") if running else None
        with self._lock:
            changed = segment_id != self._current
            self._current = segment_id
        if not changed or segment_id is None:
            return
        try:
            segment = self.segment_provider(int(segment_id))
            settings = self.settings_provider()
        except sqlite3.Error as err:  # a busy file must not break the show control
            log.warning("OBS automation skipped: %s", err)
            return
        if segment is None:
            return
        cue = cue_for(segment, settings)
        if cue is None:
            return
        future = self.worker.submit(cue)
        future.add_done_callback(lambda f: _report(f, self.bus, cue))
        self.last = future
        self.cues += 1


def _report(future: Future[Any], bus: Bus, cue: SegmentCue) -> None:
    """The refused steps of a cue become ObsCommandFailed events (the operator's alerts): the
    missing Showday sources as one `sources_missing`, then each other refusal, the scene last
    so that it is the newest alert."""
    err = future.exception()
    if err is not None:  # not connected: the chip already says so
        log.info("segment cue not sent to OBS: %s", err)
        return
    result = future.result()
    failed = result.get("failed", []) if isinstance(result, dict) else []
    for f in failed:
        log.warning("segment cue step %s failed: %s", f["step"], f["error"])
    missing = [f for f in failed if f.get("code") in ("source_missing", "source_not_in_scene")]
    if missing:
        sources = sorted({str(f["params"].get("source", "")) for f in missing})
        errors = "; ".join(f["error"] for f in missing)
        bus.publish(
            ObsCommandFailed(cue.describe(), errors, "sources_missing", {"sources": sources})
        )
    others = [f for f in failed if f not in missing]
    for f in sorted(others, key=lambda f: f["step"] == "scene"):
        code = str(f.get("code") or "obs_failed")
        params = dict(f.get("params") or {"detail": f["error"]})
        bus.publish(ObsCommandFailed(cue.describe(), f["error"], code, params))
