"""The event's cue services, owned by the Session (`session.cues`): the cue engine and OSC in.

session.cues.start()               # the desk/headless app: the ticker fires triggers
session.cues.engine                # CueEngine (made on first use; tests poll it)
session.cues.settings              # CueSettings: osc_in, osc_host, osc_port
session.cues.update(osc_in=True, osc_host="192.168.1.20", osc_port=8010)
session.cues.osc                   # the running OscIn, or None
session.cues.add_trigger(segment_id, "before_end", "http", {...}, offset_s=10)  # -> id
session.cues.update_trigger(trigger_id, trigger="end", params={...})
session.cues.delete_trigger(trigger_id)

The trigger edits commit (app.cues.store) and then publish CueTriggersChanged, in commit
order (`EventFile.publishing`). An edited trigger keeps its id, and the engine's claims are
per (segment run, trigger id): a trigger that already fired in the run on air does not fire
again there after an edit, whatever was changed (the next run of the segment fires the new
version); one not yet fired fires when its new moment comes (at once, like a new trigger,
when that moment has already passed).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from app.bus import CueTriggersChanged
from app.cues import store as cue_store
from app.store import settings as settings_store
from app.store.settings import Section

if TYPE_CHECKING:
    from app.cues.engine import CueEngine
    from app.cues.osc_in import OscIn

KEY = "cues"


@dataclass(frozen=True)
class CueSettings:
    osc_in: bool = False  # off until the operator enables it
    osc_host: str = "127.0.0.1"
    osc_port: int = 8010


_FIELDS = {f.name for f in fields(CueSettings)}


def _from_dict(raw: dict[str, Any]) -> CueSettings:
    s = CueSettings()
    values: dict[str, Any] = {}
    if "osc_in" in raw:
        values["osc_in"] = bool(raw["osc_in"])
    if str(raw.get("osc_host") or "").strip():
        values["osc_host"] = str(raw["osc_host"]).strip()
    try:
        port = int(raw.get("osc_port", s.osc_port))
        if 0 < port < 65536:
            values["osc_port"] = port
    except (TypeError, ValueError):
        pass
    return replace(s, **values)


def _check(changes: Any) -> None:
    unknown = set(changes) - _FIELDS
    if unknown:
        raise ValueError(f"unknown cue option(s): {', '.join(sorted(unknown))}")
    if "osc_port" in changes:
        try:
            ok = 0 < int(changes["osc_port"]) < 65536
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError("the OSC port must be a number from 1 to 65535")


SECTION = Section(KEY, _from_dict, _check, asdict)


class CueServices:
    def __init__(self, session: Any) -> None:  # app.session.Session (a layer above)
        self._session = session
        self._lock = threading.Lock()
        self._engine: CueEngine | None = None
        self.osc: OscIn | None = None

    @property
    def engine(self) -> CueEngine:
        with self._lock:
            if self._engine is None:
                from app.cues.actions import CueActions
                from app.cues.engine import CueEngine

                s = self._session
                polls = getattr(s, "polls", None)
                actions = CueActions(
                    s.show,
                    obs=lambda: s.obs.worker,
                    open_poll=polls.open if polls is not None else None,
                )
                self._engine = CueEngine(
                    s.core_ef,
                    s.show,
                    s.bus,
                    actions,
                    alert=s.alerts.raise_alert,
                    event_name=s.name,
                )
            return self._engine

    @property
    def settings(self) -> CueSettings:
        return SECTION.load(self._session.core_ef)

    def update(self, **changes: Any) -> CueSettings:
        """Save options (then SettingsChanged("cues")) and open or close OSC in to match.
        Raises ValueError for a bad option, OSError when the port cannot be bound (the
        setting is saved; the message says why it is not listening)."""
        s = self._session
        new = settings_store.update(s.core_ef, SECTION, changes, s.bus)
        self._apply_osc(new)
        return new

    # -- the triggers -------------------------------------------------------------------------

    def add_trigger(
        self,
        segment_id: int,
        trigger: str,
        action: str,
        params: dict[str, Any] | None = None,
        *,
        offset_s: float = 0.0,
        enabled: bool = True,
    ) -> int:
        """A new trigger at the end of the segment's list; CueError says why it is refused."""
        s = self._session
        with s.core_ef.publishing(s.bus):  # commit order (app.store)
            tid = cue_store.add_trigger(
                s.core_ef, segment_id, trigger, action, params, offset_s=offset_s, enabled=enabled
            )
            s.bus.publish(CueTriggersChanged(segment_id=segment_id, trigger_id=tid, change="added"))
        return tid

    def update_trigger(self, trigger_id: int, **changes: Any) -> dict[str, Any]:
        """Change some of trigger, offset_s, action, params, enabled (checked as a whole; a
        refused change saves nothing); returns the trigger as saved."""
        s = self._session
        with s.core_ef.publishing(s.bus):
            saved = cue_store.update_trigger(s.core_ef, trigger_id, **changes)
            s.bus.publish(
                CueTriggersChanged(
                    segment_id=saved["segment_id"], trigger_id=trigger_id, change="updated"
                )
            )
        return saved

    def delete_trigger(self, trigger_id: int) -> None:
        s = self._session
        with s.core_ef.publishing(s.bus):
            segment_id = cue_store.delete_trigger(s.core_ef, trigger_id)
            if segment_id is not None:
                s.bus.publish(
                    CueTriggersChanged(
                        segment_id=segment_id, trigger_id=trigger_id, change="deleted"
                    )
                )

    # -- running ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start firing triggers and the scheduled preflight runs, and OSC in when enabled
        (OSError: port taken)."""
        engine = self.engine
        preflight = getattr(self._session, "preflight", None)
        if preflight is not None and preflight.tick not in engine.tick_hooks:
            engine.tick_hooks.append(preflight.tick)
        engine.start()
        self._apply_osc(self.settings)

    def _apply_osc(self, cfg: CueSettings) -> None:
        from app.cues.osc_in import OscIn

        with self._lock:
            osc, self.osc = self.osc, None
        if osc is not None:
            osc.close()
        if cfg.osc_in:
            opened = OscIn(self._session.show, cfg.osc_host, cfg.osc_port)
            with self._lock:
                self.osc = opened

    def close(self) -> None:
        with self._lock:
            engine, osc = self._engine, self.osc
            self._engine = self.osc = None
        if osc is not None:
            osc.close()
        if engine is not None:
            engine.close()
