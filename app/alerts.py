"""The operator's alerts: what OBS refused (a cue's scene, a source, the stream), for the
Operator view and for a Stream Deck (`GET /api/v1/status` -> `alerts`).

The core keeps codes and parameters, never sentences: each screen words an alert in its own
language (ui/show/alerts.py for the desktop). An alert may carry a fix the screen can offer as a
button (`fix`, `fix_params`). The same refusal again does not stack a second alert; it bumps
`count` and moves the alert to the top. An alert goes by itself when what it named is fixed
(the scene now exists in OBS, the stream or recording is running), or when the operator
dismisses it.

    alerts = alerts_of(session.bus)   # one per bus (per open event), made on first ask
    alerts.items()                    # newest first, plain dicts
    alerts.dismiss(alert_id)
    alerts.set_fixer("create_scene", fn)   # fn(fix_params); alerts.fix(alert_id) runs it

It publishes `AlertsChanged` with the whole list after every change. Alerts live in memory: they
describe the running app and OBS, not the event, so the event file does not keep them.
"""

from __future__ import annotations

import itertools
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from app.bus import AlertsChanged, Bus, ObsCommandFailed, ObsStateChanged

# code -> (params it carries, the fix a screen may offer or "")
CODES: dict[str, tuple[tuple[str, ...], str]] = {
    "scene_missing": (("scene",), "create_scene"),  # fix_params: {"scene"}
    "source_missing": (("source",), "setup_obs"),
    "sources_missing": (("sources",), "setup_obs"),  # a cue's lower third / question sources
    "source_not_in_scene": (("source", "scene"), "setup_obs"),
    "not_text_source": (("source", "kind"), ""),
    "no_stream_server": ((), ""),  # only OBS's Settings > Stream can fix it
    "disk_full": (("free_mb",), ""),
    "studio_mode_off": ((), ""),
    "obs_refused": (("request", "detail"), ""),  # OBS's own words, untranslated
    "obs_failed": (("detail",), ""),
    "cue_failed": (("action", "segment", "detail"), ""),  # a cue trigger's action (app.cues)
    # Triggers whose moment passed while Showday was closed, logged and not fired late.
    "cues_missed": (("count",), ""),
    # Reopening the event could not open the station server where it was (HOST:PORT).
    "lan_not_reopened": (("address",), "open_lan"),
}
SOURCE_CODES = ("source_missing", "sources_missing", "source_not_in_scene")
MAX_ALERTS = 20  # older ones drop off: a screen shows a few, a Stream Deck one


@dataclass
class Alert:
    id: int
    code: str
    params: dict[str, Any]
    fix: str = ""
    fix_params: dict[str, Any] = field(default_factory=dict)
    at: float = 0.0  # Unix seconds of the latest occurrence
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Alerts:
    """Open alerts of one event's app. Thread-safe; publishes AlertsChanged after each change."""

    def __init__(self, bus: Bus, clock: Callable[[], float] = time.time) -> None:
        self._bus = weakref.ref(bus)  # weak: the registry below is keyed by the bus
        self.clock = clock
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._alerts: list[Alert] = []  # newest first
        self._fixers: dict[str, Callable[[dict[str, Any]], None]] = {}
        self._unsubs = [
            bus.subscribe(ObsCommandFailed, self._on_failed),
            bus.subscribe(ObsStateChanged, self._on_obs),
        ]

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []

    def items(self) -> list[dict[str, Any]]:
        with self._lock:
            return [a.to_dict() for a in self._alerts]

    def raise_alert(self, code: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add an alert (or bump the same one); returns it as a dict."""
        params = dict(params or {})
        if code in SOURCE_CODES and not params.get("scene") and _showday_sources(params):
            # One alert for Showday's missing sources, whoever noticed which (a cue, the
            # featured question): they share one cause and one fix.
            code = "sources_missing"
            params = {"sources": sorted(set(params.get("sources") or [params.get("source")]))}
        fix = CODES.get(code, ((), ""))[1]
        with self._lock:
            same = next((a for a in self._alerts if (a.code, a.params) == (code, params)), None)
            if code == "sources_missing" and same is None:
                same = next((a for a in self._alerts if a.code == code), None)
                if same is not None:
                    merged = set(same.params["sources"]) | set(params["sources"])
                    same.params = {"sources": sorted(merged)}
            if same is not None:
                self._alerts.remove(same)
                same.count += 1
                same.at = self.clock()
                alert = same
            else:
                fix_params = {"scene": params.get("scene", "")} if fix == "create_scene" else {}
                alert = Alert(next(self._ids), code, params, fix, fix_params, self.clock())
            self._alerts.insert(0, alert)
            del self._alerts[MAX_ALERTS:]
            result = alert.to_dict()
        self._publish()
        return result

    def set_fixer(self, fix: str, fn: Callable[[dict[str, Any]], None] | None) -> None:
        """Whoever can carry out a fix registers it (the OBS feature: create_scene, setup_obs);
        a screen offers the fix only while it is registered. `fn(fix_params)` must not block."""
        with self._lock:
            if fn is None:
                self._fixers.pop(fix, None)
            else:
                self._fixers[fix] = fn
        self._publish()

    def can_fix(self, alert: dict[str, Any]) -> bool:
        with self._lock:
            return bool(alert.get("fix")) and alert["fix"] in self._fixers

    def fix(self, alert_id: int) -> bool:
        """Start the fix of an alert (it goes when OBS shows the cause fixed). False when it
        has no fix, or nobody can carry it out now."""
        with self._lock:
            alert = next((a for a in self._alerts if a.id == alert_id), None)
            fn = self._fixers.get(alert.fix) if alert is not None else None
        if alert is None or fn is None:
            return False
        fn(dict(alert.fix_params))
        return True

    def dismiss(self, alert_id: int) -> bool:
        return self._drop(lambda a: a.id == alert_id)

    def resolve(self, *codes: str, **params: Any) -> bool:
        """Drop the alerts with one of `codes` whose params include `params`."""
        return self._drop(
            lambda a: a.code in codes and all(a.params.get(k) == v for k, v in params.items())
        )

    def _drop(self, match: Callable[[Alert], bool]) -> bool:
        with self._lock:
            kept = [a for a in self._alerts if not match(a)]
            changed = len(kept) != len(self._alerts)
            self._alerts = kept
        if changed:
            self._publish()
        return changed

    def _publish(self) -> None:
        if (bus := self._bus()) is not None:
            bus.publish(AlertsChanged(alerts=tuple(self.items())))

    def _on_failed(self, event: ObsCommandFailed) -> None:
        code = event.code or "obs_failed"
        params = event.params if event.code else {"detail": event.error}
        self.raise_alert(code, params)

    def _on_obs(self, event: ObsStateChanged) -> None:
        state = event.state
        scenes = set(state.get("scenes") or [])
        with self._lock:
            gone = [
                a.id
                for a in self._alerts
                if (a.code == "scene_missing" and a.params.get("scene") in scenes)
                or (a.code == "no_stream_server" and state.get("streaming"))
                or (a.code == "disk_full" and state.get("recording"))
            ]
        if gone:
            self._drop(lambda a: a.id in gone)


def _showday_sources(params: dict[str, Any]) -> bool:
    """The sources "Set up OBS for me" makes (app.obs.setup names them "Showday ...")."""
    names = params.get("sources") or [params.get("source")]
    return all(str(n or "").startswith("Showday ") for n in names)


_registry: weakref.WeakKeyDictionary[Bus, Alerts] = weakref.WeakKeyDictionary()
_registry_lock = threading.Lock()


def alerts_of(bus: Bus) -> Alerts:
    """The Alerts of `bus` (one per open event), made on first ask, so the OBS feature, the
    Operator view and the station server share it whoever asks first."""
    with _registry_lock:
        alerts = _registry.get(bus)
        if alerts is None:
            alerts = _registry[bus] = Alerts(bus)
        return alerts
