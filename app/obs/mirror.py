"""The worker's picture of OBS: what the operator's panel shows.

Only the OBS worker thread changes a mirror; everyone else sees `to_dict()` copies, carried by
`ObsStateChanged` events or `ObsWorker.state()`.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any

# Connection status values (the UI's status chip).
DISCONNECTED = "disconnected"  # not asked to connect, or asked to disconnect
CONNECTING = "connecting"  # first attempt after connect()
CONNECTED = "connected"
RETRYING = "retrying"  # lost or never reached; `retry_in` says when the next try is
WRONG_PASSWORD = "wrong_password"  # close code 4009: no more retries
KICKED = "kicked"  # close code 4011: no more retries
TOO_OLD = "too_old"  # obs-websocket < 5 (OBS < 28) or unsupported RPC: no more retries

STATUSES = (DISCONNECTED, CONNECTING, CONNECTED, RETRYING, WRONG_PASSWORD, KICKED, TOO_OLD)

# Output states as OBS reports them in StreamStateChanged / RecordStateChanged, shortened.
OUTPUT_STATES = {
    "OBS_WEBSOCKET_OUTPUT_STARTING": "starting",
    "OBS_WEBSOCKET_OUTPUT_STARTED": "started",
    "OBS_WEBSOCKET_OUTPUT_STOPPING": "stopping",
    "OBS_WEBSOCKET_OUTPUT_STOPPED": "stopped",
    "OBS_WEBSOCKET_OUTPUT_PAUSED": "paused",
    "OBS_WEBSOCKET_OUTPUT_RESUMED": "started",
    "OBS_WEBSOCKET_OUTPUT_RECONNECTING": "reconnecting",
    "OBS_WEBSOCKET_OUTPUT_RECONNECTED": "started",
}


@dataclass
class ObsMirror:
    status: str = DISCONNECTED
    message: str = ""  # for a person: why we are not connected, what to do
    retry_in: float | None = None  # seconds until the next attempt while status == "retrying"
    host: str = ""
    port: int = 0
    obs_version: str = ""
    websocket_version: str = ""
    scenes: list[str] = field(default_factory=list)  # in OBS's order, top of its list first
    program: str = ""
    preview: str = ""  # empty unless studio mode is on
    studio_mode: bool = False
    stream_state: str = "stopped"  # starting, started, stopping, stopped, reconnecting
    record_state: str = "stopped"  # starting, started, paused, stopping, stopped
    stream_timecode: str = ""
    record_timecode: str = ""
    record_path: str = ""  # the last file OBS reported when a recording stopped
    video: dict[str, Any] = field(default_factory=dict)  # base/output size, fps
    health: dict[str, Any] = field(default_factory=dict)  # see app.obs.health.HealthTracker

    @property
    def connected(self) -> bool:
        return self.status == CONNECTED

    @property
    def streaming(self) -> bool:
        return self.stream_state in ("started", "reconnecting", "stopping")

    @property
    def recording(self) -> bool:
        return self.record_state in ("started", "paused", "stopping")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)  # deep copies the lists and dicts
        d["streaming"] = self.streaming
        d["recording"] = self.recording
        return d

    def copy(self) -> ObsMirror:
        return copy.deepcopy(self)

    # -- applying OBS data (worker thread only) ---------------------------------------------

    def set_scene_list(self, scenes: list[dict[str, Any]]) -> None:
        """`scenes` as GetSceneList/SceneListChanged give them: sceneIndex counts from the
        bottom of OBS's list, so the highest index is the top scene the operator sees."""
        ordered = sorted(scenes, key=lambda s: -int(s.get("sceneIndex", 0)))
        self.scenes = [str(s["sceneName"]) for s in ordered if not s.get("isGroup")]

    def rename_scene(self, old: str, new: str) -> None:
        self.scenes = [new if s == old else s for s in self.scenes]
        if self.program == old:
            self.program = new
        if self.preview == old:
            self.preview = new

    def add_scene(self, name: str) -> None:
        if name not in self.scenes:
            self.scenes.append(name)  # OBS adds a new scene at the bottom of its list

    def remove_scene(self, name: str) -> None:
        self.scenes = [s for s in self.scenes if s != name]


def not_connected_message(status: str, message: str) -> str:
    """Why a command cannot run now, for the operator."""
    text = {
        CONNECTING: "Still connecting to OBS.",
        RETRYING: "OBS is not connected; Showday is retrying.",
        WRONG_PASSWORD: "OBS refused the password.",
        KICKED: "OBS disconnected Showday.",
        TOO_OLD: "This OBS is too old for Showday.",
    }.get(status, "OBS is not connected.")
    return message or text
