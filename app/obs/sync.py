"""Keeping the mirror in step with OBS: a full read after each (re)connect, then OBS's events.

Both run on the worker thread; `call` is the worker's request function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.obs.mirror import OUTPUT_STATES, ObsMirror

Call = Callable[..., dict[str, Any]]

# The OBS events the mirror follows (the event client subscribes to these).
EVENT_NAMES = [
    "CurrentProgramSceneChanged",
    "CurrentPreviewSceneChanged",
    "SceneListChanged",
    "SceneNameChanged",
    "SceneCreated",
    "SceneRemoved",
    "StudioModeStateChanged",
    "StreamStateChanged",
    "RecordStateChanged",
    "ExitStarted",
]


def rebuild(mir: ObsMirror, call: Call) -> None:
    """Read everything the panel shows afresh: after a reconnect nothing is trusted."""
    version = call("GetVersion")
    mir.obs_version = str(version.get("obsVersion", ""))
    mir.websocket_version = str(version.get("obsWebSocketVersion", ""))
    scenes = call("GetSceneList")
    mir.set_scene_list(scenes.get("scenes", []))
    mir.program = str(scenes.get("currentProgramSceneName") or "")
    mir.studio_mode = bool(call("GetStudioModeEnabled").get("studioModeEnabled"))
    mir.preview = str(scenes.get("currentPreviewSceneName") or "") if mir.studio_mode else ""
    stream = call("GetStreamStatus")
    mir.stream_state = "started" if stream.get("outputActive") else "stopped"
    if stream.get("outputReconnecting"):
        mir.stream_state = "reconnecting"
    mir.stream_timecode = str(stream.get("outputTimecode", "")) if mir.streaming else ""
    record = call("GetRecordStatus")
    mir.record_state = "stopped"
    if record.get("outputActive"):
        mir.record_state = "paused" if record.get("outputPaused") else "started"
    mir.record_timecode = str(record.get("outputTimecode", "")) if mir.recording else ""
    video = call("GetVideoSettings")
    fps = video.get("fpsNumerator", 0) / max(1, video.get("fpsDenominator", 1))
    mir.video = {
        "base_width": video.get("baseWidth"),
        "base_height": video.get("baseHeight"),
        "output_width": video.get("outputWidth"),
        "output_height": video.get("outputHeight"),
        "fps": round(fps, 3),
    }
    mir.health = {}


def apply_event(mir: ObsMirror, kind: str, data: dict[str, Any], call: Call) -> None:
    """Apply one OBS event (`data` keys in snake_case, as obsws-python delivers them)."""
    if kind == "CurrentProgramSceneChanged":
        mir.program = str(data.get("scene_name", ""))
    elif kind == "CurrentPreviewSceneChanged":
        mir.preview = str(data.get("scene_name", "")) if mir.studio_mode else ""
    elif kind == "SceneListChanged":
        mir.set_scene_list(list(data.get("scenes", [])))
    elif kind == "SceneNameChanged":
        mir.rename_scene(str(data.get("old_scene_name", "")), str(data.get("scene_name", "")))
    elif kind == "SceneCreated" and not data.get("is_group"):
        mir.add_scene(str(data.get("scene_name", "")))
    elif kind == "SceneRemoved" and not data.get("is_group"):
        mir.remove_scene(str(data.get("scene_name", "")))
    elif kind == "StudioModeStateChanged":
        mir.studio_mode = bool(data.get("studio_mode_enabled"))
        mir.preview = ""
        if mir.studio_mode:
            preview = call("GetCurrentPreviewScene")
            mir.preview = str(preview.get("currentPreviewSceneName") or "")
    elif kind == "StreamStateChanged":
        mir.stream_state = OUTPUT_STATES.get(str(data.get("output_state")), "stopped")
        if mir.stream_state == "stopped":
            mir.stream_timecode = ""
    elif kind == "RecordStateChanged":
        mir.record_state = OUTPUT_STATES.get(str(data.get("output_state")), "stopped")
        if mir.record_state == "stopped":
            mir.record_timecode = ""
            mir.record_path = str(data.get("output_path") or mir.record_path)


def poll(
    mir: ObsMirror, call: Call, timeout: float
) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]:
    """The once-a-second ping: GetStats, plus the status of outputs that are not stopped
    (their timecodes go into the mirror). Returns (stats, stream status, record status)."""
    stats = call("GetStats", timeout=timeout)
    # OBS does not always announce a program change: after studio mode is switched off, OBS
    # 29 switches scenes without CurrentProgramSceneChanged. Reading it each tick heals the
    # mirror within a second instead of showing the wrong scene on air until the next event.
    program = call("GetCurrentProgramScene", timeout=timeout).get("currentProgramSceneName")
    if program:
        mir.program = str(program)
    if mir.studio_mode:
        preview = call("GetCurrentPreviewScene", timeout=timeout).get("currentPreviewSceneName")
        mir.preview = str(preview or "")
    stream = record = None
    if mir.stream_state != "stopped":
        stream = call("GetStreamStatus", timeout=timeout)
        mir.stream_timecode = str(stream.get("outputTimecode", "")) if mir.streaming else ""
    if mir.record_state != "stopped":
        record = call("GetRecordStatus", timeout=timeout)
        mir.record_timecode = str(record.get("outputTimecode", "")) if mir.recording else ""
    return stats, stream, record
