"""An open event: the composition root of the core. One Session per open event owns every
per-event service, so each fact has one owner and everything else is a view of it. The desktop
(ui.main_window), the CLI (app.__main__), the station server and the tests all wire through it.

Public surface (what other parts hook into):

    session = Session.open(path, origin="desk")   # or Session.create(path, name), Session(ef)
    session.ef          the caller's connection (the desk uses it on its worker thread)
    session.bus         the event's bus (app.bus): typed events, in commit order, with origin
    session.path, session.name
    session.show        the one ShowControl (app.show): one clock for the desk's Space, the
                        station server's control API and anything else that moves the show
    session.onair       the one on-air model (app.qa.onair.OnAirModel): featured(), and the
                        event option "clear the question on segment change" applied once, in
                        the file, from which the desk, /overlay/question, the featured API and
                        OBS's text source all follow
    session.guests      the one guest index (app.guests.index.GuestIndex): search, counts;
                        shared by the desk's door and the station server's /door
    session.settings    typed per-event settings (EventSettings below): .qa, .obs, .show and
                        update_qa / update_obs / set_messages, each publishing SettingsChanged
    session.obs         the OBS services (ObsServices below): start() makes the OBS worker,
                        the sample recorder, the segment automation and the featured-question
                        follower; .worker is the ObsWorker (None until started)
    session.polls       the polls (app.polls.Polls): prepared, opened (by hand or when their
                        segment starts, inside the show's transaction), answered, closed
    session.draws       the lucky draws (app.draw.Draws): commit a seed, draw, replace, reveal
    session.lan         the station server controller (app.lan.server.LanController), made on
                        first use, serving with session.show and session.guests
    session.alerts      the operator's alerts (app.alerts.Alerts): what OBS refused, as codes
                        the desk words in its language and /api/v1/status lists for a Stream
                        Deck; the OBS feature registers the fixes it can carry out
    session.cues        the cue automation (app.cues.service.CueServices): per-segment triggers
                        fired once per run by its engine, OSC in; start() on the desk
    session.preflight   preflight (app.preflight.service.PreflightService): run() the checks,
                        fix() what Showday can fix, tick(now) runs T-60/T-15 (the cue ticker)
    session.chat        the chat sources (app.chat.service.ChatService): SSN relay, Bilibili,
                        Twitch, webhook; start/stop, health, ingest into the Q&A queue;
                        resume() on the desk reconnects the sources left running
    session.channels    the promotion channels (app.channels.ChannelService): the form URL,
                        its tracking parameter, a tracked link and QR code per channel
    session.close()     stops all of it and closes the connections (blocks: not on the GUI
                        thread)

Threads: `ef` is the caller's. The services share a second connection (`core_ef`, a reopen
of the same file; an in-memory event shares `ef`), used from the station server's threads,
the bus executors (guest refresh, OBS automation) and quick reads. The on-air clear runs
inside the show action's own transaction (a ShowControl segment hook), so it is atomic with
"Next" and published right after it. EventFile
serialises calls on one connection and ShowControl has its own lock, so a station's `next`
and the desk's Space queue on one lock, read one log and stamp it from one clock. The station
server's routes otherwise use the server's own connection (app.lan.server).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.alerts import alerts_of
from app.bus import Bus
from app.channels import ChannelService
from app.chat.service import ChatService
from app.cues.service import CueServices
from app.draw import Draws
from app.guests.index import GuestIndex
from app.polls import Polls
from app.preflight.service import PreflightService
from app.qa import settings as qa_settings
from app.qa.models import on_air_name
from app.qa.onair import OnAirModel
from app.show import ShowControl
from app.show import control as show_control
from app.store import EventFile

if TYPE_CHECKING:
    from app.lan.server import LanController
    from app.obs.automation import AutomationSettings, SegmentAutomation
    from app.obs.question import ObsQuestion
    from app.obs.recorder import SampleRecorder
    from app.obs.worker import ObsWorker


class EventSettings:
    """The event's typed settings (app.store.settings sections), read fresh on each access;
    every update is one transaction followed by `SettingsChanged(section, values)`."""

    def __init__(self, ef: EventFile, bus: Bus) -> None:
        self.ef, self.bus = ef, bus

    @property
    def qa(self) -> qa_settings.QaSettings:
        return qa_settings.load(self.ef)

    @property
    def obs(self) -> AutomationSettings:
        from app.obs.automation import load_automation  # obsws-python loads with the OBS side

        return load_automation(self.ef)

    @property
    def messages(self) -> list[str]:
        return show_control.saved_messages(self.ef)

    def update_qa(self, **changes: Any) -> qa_settings.QaSettings:
        return qa_settings.update(self.ef, bus=self.bus, **changes)

    def update_obs(self, **changes: Any) -> AutomationSettings:
        from app.obs.automation import save_automation

        return save_automation(self.ef, self.bus, **changes)

    def set_messages(self, messages: list[str]) -> list[str]:
        return show_control.set_saved_messages(self.ef, messages, self.bus)


class ObsServices:
    """The event's OBS side. `start()` (quick; safe on the GUI thread) makes the worker, the
    recorder (when the event is a file), the segment automation and the featured-question
    follower, and registers the worker for the station server's /api/v1/obs. `stop()` undoes
    it. Connecting is the caller's: `session.obs.worker.connect(host, port, password)`."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.worker: ObsWorker | None = None
        self.recorder: SampleRecorder | None = None
        self.automation: SegmentAutomation | None = None
        self.question: ObsQuestion | None = None

    def start(self, **worker_options: Any) -> ObsWorker:
        """The OBS worker (made once). `worker_options` go to ObsWorker (tests: clock)."""
        if self.worker is not None:
            return self.worker
        from app.lan.routes_obs import register_worker
        from app.obs.automation import SegmentAutomation, load_automation
        from app.obs.question import ObsQuestion
        from app.obs.recorder import SampleRecorder
        from app.obs.worker import ObsWorker

        s = self._session
        if s.path is not None:
            self.recorder = SampleRecorder(s.path)
        rec = self.recorder

        def restore_enabled() -> bool:  # OBS worker thread, at a reconnect after a loss
            return s.settings.obs.restore_after_crash

        self.worker = ObsWorker(
            s.bus,
            on_sample=rec.on_sample if rec else None,
            on_incident=rec.on_incident if rec else None,
            restore_enabled=restore_enabled,
            **worker_options,
        )
        register_worker(s.bus, self.worker)
        state = s.show.state()
        running = state.status in ("running", "paused")
        self.automation = SegmentAutomation(
            s.bus,
            self.worker,
            lambda: load_automation(s.core_ef),
            lambda sid: s.core_ef.row("SELECT * FROM segments WHERE id = ?", (sid,)),
            current_segment=state.segment_id if running else None,
        )
        q = s.onair.featured()
        initial = (q.text, on_air_name(q.name, q.platform)) if q else ("", "")
        self.question = ObsQuestion(s.bus, self.worker, initial=initial)
        return self.worker

    def stop(self) -> None:
        for closer in (self.automation, self.question):
            if closer is not None:
                closer.close()
        self.automation = self.question = None
        if self.worker is not None:
            from app.lan.routes_obs import register_worker

            register_worker(self.worker.bus, None)
            self.worker.stop()
            self.worker = None
        if self.recorder is not None:
            self.recorder.close()
            self.recorder = None


class Session:
    def __init__(
        self,
        ef: EventFile,
        bus: Bus | None = None,
        *,
        clock: Callable[[], float] | None = None,
        origin: str = "desk",
    ) -> None:
        """`clock`: the show clock (tests inject one); `origin`: what events published
        without another origin say caused them ("desk", "cli", ...)."""
        self.ef = ef
        self.bus = bus or Bus(default_origin=origin)
        if bus is not None and bus.default_origin == "core":
            bus.default_origin = origin
        self.core_ef = ef.reopen() if ef.path is not None else ef
        self.settings = EventSettings(self.core_ef, self.bus)
        self.show = ShowControl(self.core_ef, self.bus, clock=clock)
        self.onair = OnAirModel(self.core_ef, self.bus, self.show)
        self.guests = GuestIndex(self.core_ef, self.bus)
        self.polls = Polls(self.core_ef, self.bus, self.show)
        self.draws = Draws(self.core_ef, self.bus)
        self.channels = ChannelService(self.core_ef, self.bus)
        self.obs = ObsServices(self)
        self.alerts = alerts_of(self.bus)  # the bus's one Alerts: the station server's too
        self.cues = CueServices(self)
        self.preflight = PreflightService(self)
        self.chat = ChatService(self.core_ef, self.bus)
        self._lan: LanController | None = None
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: str | os.PathLike[str], bus: Bus | None = None, **kw: Any) -> Session:
        ef = EventFile.open(path)
        try:
            return cls(ef, bus, **kw)
        except BaseException:
            ef.close()
            raise

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], name: str, bus: Bus | None = None, **kw: Any
    ) -> Session:
        ef = EventFile.create(path, name)
        try:
            return cls(ef, bus, **kw)
        except BaseException:
            ef.close()
            raise

    @property
    def path(self) -> Path | None:
        return self.ef.path

    @property
    def name(self) -> str:
        return self.ef.name

    @property
    def lan(self) -> LanController:
        with self._lock:
            if self._lan is None:
                from app.lan.server import LanController  # Starlette loads when used

                self._lan = LanController(self.ef, self.bus, show=self.show, guests=self.guests)
            return self._lan

    @property
    def has_lan(self) -> bool:
        return self._lan is not None

    def close(self) -> None:
        """Stop the services, then close the connections. Blocks (station server shutdown)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            lan = self._lan
        if lan is not None:
            with contextlib.suppress(Exception):
                lan.shutdown()
        self.cues.close()
        self.chat.close()
        self.obs.stop()
        self.alerts.close()
        self.onair.close()
        self.polls.close()
        self.guests.close()
        self.bus.close()
        if self.core_ef is not self.ef:
            self.core_ef.close()
        self.ef.close()
