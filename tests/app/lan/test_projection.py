"""One projection of the show per role, on the real server: the audience and the overlays never
receive the message to the speaker, the speaker or operator notes or scene names. Every public
route comes from the registry and every socket message type from the bus's event classes (not a
hand list), so a route or event added later is checked too. Staff (a stage station, the control
API) still get them."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import app.bus as bus_module
from app.bus import Event, ObsStateChanged
from app.lan.projection import PRIVATE_KEYS
from app.lan.registry import PUBLIC, api
from app.show import Segments, ShowControl
from tests.app.lan.fixtures import Lan, recv_events

MSG = "PRIV-MSG 太无聊了，请立刻收尾"
MARKERS = {
    "message": MSG,
    "speaker_note": "PRIV-SPEAKER-NOTE",
    "notes": "PRIV-OPERATOR-NOTES",
    "obs_scene": "PRIV-SCENE",
    "scenes": "PRIV-OBS-SCENE-LIST",
}


def _event_classes() -> list[type[Event]]:
    found: list[type[Event]] = []
    todo = list(Event.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return [c for c in found if c.__module__ == bus_module.__name__]


def _sample(cls: type[Event]) -> Event:
    """An instance of `cls` with a marker in every text field and every private key in its
    dicts (a ShowStateChanged's `state`, an ObsStateChanged's mirror)."""
    hints = typing.get_type_hints(cls)
    args: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        kind = str(hints.get(f.name, ""))
        if "str" in kind and "dict" not in kind and "tuple" not in kind:
            args[f.name] = f"PRIV-{cls.__name__}-{f.name}"
        elif "dict" in kind:
            args[f.name] = {k: f"PRIV-{cls.__name__}-{k}" for k in PRIVATE_KEYS}
        elif "bool" in kind:
            args[f.name] = False
        elif "int" in kind or "float" in kind:
            args[f.name] = 987_654  # no real row: a StationsChanged must not revoke ours
        elif "tuple" in kind:
            args[f.name] = ()
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            args[f.name] = None
    return cls(**args)


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _stage_the_show(lan: Lan) -> ShowControl:
    segs = Segments(lan.ef, lan.bus)
    segs.add(
        title="Keynote",
        speaker="张伟",
        duration_s=600,
        speaker_note=MARKERS["speaker_note"],
        notes=MARKERS["notes"],
        obs_scene=MARKERS["obs_scene"],
    )
    segs.add(title="Panel", speaker="", duration_s=600, obs_scene=MARKERS["obs_scene"])
    return ShowControl(lan.ef, lan.bus)


def test_no_private_field_on_any_public_route(lan: Lan) -> None:
    control = _stage_the_show(lan)
    control.start()
    control.message(MSG, blink=True)
    lan.bus.publish(ObsStateChanged({"status": "connected", "scenes": [MARKERS["scenes"]]}))
    public = [r for r in api.routes if r.access == PUBLIC]
    assert any(r.path == "/api/v1/show" for r in public)
    with lan.client() as phone:
        for route in public:
            path = route.path
            for name in route.path_params:
                path = path.replace(f"{{{name}}}", "1").replace(f"{{{name}:int}}", "1")
            r = phone.request(route.method, path, json={} if route.method != "GET" else None)
            for field, marker in MARKERS.items():
                assert marker not in r.text, f"{route.method} {route.path} leaks {field}"
            if route.path == "/api/v1/show":
                assert r.status_code == 200 and r.json()["title"] == "Keynote"
                assert not _keys(r.json()) & PRIVATE_KEYS
    # A paired stage screen (staff) gets the message, the note and the scene.
    _, stage = lan.pair("stage", "Stage")
    with lan.client(cookies={"showday_station": stage}) as screen:
        state = screen.get("/api/v1/show").json()
    assert (state["message"], state["speaker_note"], state["obs_scene"]) == (
        MSG,
        MARKERS["speaker_note"],
        MARKERS["obs_scene"],
    )


def test_no_private_field_in_any_socket_message(lan: Lan) -> None:
    control = _stage_the_show(lan)
    audience = lan.live()
    staff = lan.live(lan.tokens["control"])
    control.start()
    control.message(MSG, blink=True)
    control.next()
    classes = _event_classes()
    assert {"ShowStateChanged", "SpeakerMessage", "ObsStateChanged"} <= {
        c.__name__ for c in classes
    }
    for cls in classes:
        lan.bus.publish(_sample(cls))
    heard = recv_events(audience)
    assert {e["type"] for e in heard} >= {"ShowStateChanged", "EventRenamed"}
    text = json.dumps(heard, ensure_ascii=False)
    for field, marker in MARKERS.items():
        assert marker not in text, f"the audience socket heard {field}"
    assert "PRIV-SpeakerMessage" not in text
    for e in heard:
        assert not _keys(e) & PRIVATE_KEYS, e
    # The control API's socket hears all of it.
    staff_text = json.dumps(recv_events(staff), ensure_ascii=False)
    assert MSG in staff_text and MARKERS["speaker_note"] in staff_text
