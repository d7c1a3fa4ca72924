"""Commands for the OBS worker. Build one, hand it to `ObsWorker.submit()`, get a Future.

Each command's `run(ctx)` executes on the worker thread, which owns the connection; `ctx` gives
it requests to OBS, the mirror, the clock and a timer. Commands never block anyone else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.errors import CodedError
from app.obs.link import RequestFailed
from app.obs.mirror import ObsMirror

# Text input kinds, best first: Windows (GDI+) then Linux/macOS (FreeType). All use `text`.
TEXT_KINDS = (
    "text_gdiplus_v3",
    "text_gdiplus_v2",
    "text_ft2_source_v2",
    "text_gdiplus",
    "text_ft2_source",
)
BROWSER_KIND = "browser_source"
START_DEBOUNCE_S = 2.0  # OBS has crashed on a double StartStream
MIN_RECORD_DISK_MB = 200.0  # below this a recording cannot last a minute at 1080p


class ObsCommandError(CodedError):
    """A command that cannot do what was asked. The message is English, for the log; `code`
    and `params` say the same for the operator's screen, which words it in its own language
    (app.alerts lists the codes)."""

    def __init__(self, message: str, code: str = "", params: dict[str, Any] | None = None) -> None:
        super().__init__(message, code, **(params or {}))


def _scene_call(ctx: Context, request: str, scene: str) -> None:
    """A request on a scene; OBS's "not found" (600) becomes a `scene_missing` error."""
    try:
        ctx.call(request, {"sceneName": scene})
    except RequestFailed as err:
        if err.code == 600:
            raise ObsCommandError(
                f"OBS has no scene named {scene!r}.", "scene_missing", {"scene": scene}
            ) from None
        raise


class Context(Protocol):
    mirror: ObsMirror
    last_start: dict[str, float]

    def call(self, request: str, data: dict[str, Any] | None = None) -> dict[str, Any]: ...

    def now(self) -> float: ...

    def schedule(self, key: Hashable, delay: float, fn: Callable[[], None]) -> None: ...

    def cancel(self, key: Hashable) -> None: ...


class Command:
    """Base class. `run` returns the result the Future carries."""

    def run(self, ctx: Context) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class Request(Command):
    """Any obs-websocket request, for the control API and tools. Returns responseData."""

    request: str
    data: dict[str, Any] = field(default_factory=dict)

    def run(self, ctx: Context) -> dict[str, Any]:
        return ctx.call(self.request, self.data or None)

    def describe(self) -> str:
        return self.request


# -- scenes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetProgramScene(Command):
    """Cut the program output to `name` (also in studio mode). The mirror follows when OBS
    confirms with CurrentProgramSceneChanged (after the transition), not before."""

    name: str

    def run(self, ctx: Context) -> None:
        _scene_call(ctx, "SetCurrentProgramScene", self.name)

    def describe(self) -> str:
        return f"switch to scene {self.name!r}"


@dataclass(frozen=True)
class SetPreviewScene(Command):
    name: str

    def run(self, ctx: Context) -> None:
        if not ctx.mirror.studio_mode:
            raise ObsCommandError(
                "Studio mode is off in OBS: there is no preview to set.", "studio_mode_off"
            )
        _scene_call(ctx, "SetCurrentPreviewScene", self.name)  # OBS confirms by event

    def describe(self) -> str:
        return f"preview scene {self.name!r}"


@dataclass(frozen=True)
class SelectScene(Command):
    """What a scene button does: program in normal mode, preview in studio mode."""

    name: str

    def run(self, ctx: Context) -> None:
        if ctx.mirror.studio_mode:
            SetPreviewScene(self.name).run(ctx)
        else:
            SetProgramScene(self.name).run(ctx)

    def describe(self) -> str:
        return f"select scene {self.name!r}"


@dataclass(frozen=True)
class Transition(Command):
    """Studio mode: send the preview scene to program."""

    def run(self, ctx: Context) -> None:
        if not ctx.mirror.studio_mode:
            raise ObsCommandError(
                "Studio mode is off in OBS: nothing to transition.", "studio_mode_off"
            )
        ctx.call("TriggerStudioModeTransition")


@dataclass(frozen=True)
class SetStudioMode(Command):
    """Turn studio mode on or off; `enabled=None` toggles it."""

    enabled: bool | None = None

    def run(self, ctx: Context) -> bool:
        target = (not ctx.mirror.studio_mode) if self.enabled is None else self.enabled
        ctx.call("SetStudioModeEnabled", {"studioModeEnabled": target})
        ctx.mirror.studio_mode = target
        ctx.mirror.preview = ""
        if target:
            ctx.mirror.preview = str(
                ctx.call("GetCurrentPreviewScene").get("currentPreviewSceneName") or ""
            )
        return target


# -- stream and record ------------------------------------------------------------------------


def _start(ctx: Context, output: str, request: str) -> dict[str, Any]:
    state = ctx.mirror.stream_state if output == "stream" else ctx.mirror.record_state
    now = ctx.now()
    if state not in ("stopped", ""):
        return {"ignored": True, "reason": f"the {output} is already {state}"}
    last = ctx.last_start.get(output)
    if last is not None and now - last < START_DEBOUNCE_S:
        return {"ignored": True, "reason": f"{request} was sent {now - last:.1f} s ago"}
    ctx.last_start[output] = now
    ctx.call(request)
    # Pending until OBS's state event arrives: a second click meanwhile is ignored above.
    if output == "stream":
        ctx.mirror.stream_state = "starting"
    else:
        ctx.mirror.record_state = "starting"
    return {"ignored": False}


def stream_server_missing(service: dict[str, Any]) -> bool:
    """GetStreamServiceSettings says OBS has nowhere to stream to. OBS then answers StartStream
    with success and does nothing (29.x): Showday must look first."""
    kind = str(service.get("streamServiceType") or "")
    settings = service.get("streamServiceSettings") or {}
    if kind == "rtmp_common":  # a platform from OBS's list: needs the service and its key
        return not (settings.get("service") and settings.get("key"))
    return not settings.get("server")  # rtmp_custom, whip_custom, ...


@dataclass(frozen=True)
class StartStream(Command):
    def run(self, ctx: Context) -> dict[str, Any]:
        if ctx.mirror.stream_state in ("stopped", "") and stream_server_missing(
            ctx.call("GetStreamServiceSettings")
        ):
            raise ObsCommandError(
                "OBS has no stream server set (Settings > Stream).", "no_stream_server"
            )
        return _start(ctx, "stream", "StartStream")

    def describe(self) -> str:
        return "start the stream"


@dataclass(frozen=True)
class CreateScene(Command):
    """Create an empty scene (an alert's fix for a cue naming a scene OBS lacks). A scene that
    exists meanwhile is fine: returns False then."""

    name: str

    def run(self, ctx: Context) -> bool:
        scenes = {str(s["sceneName"]) for s in ctx.call("GetSceneList").get("scenes", [])}
        if self.name in scenes:
            return False
        ctx.call("CreateScene", {"sceneName": self.name})
        return True

    def describe(self) -> str:
        return f"create scene {self.name!r}"


@dataclass(frozen=True)
class StopStream(Command):
    def run(self, ctx: Context) -> None:
        ctx.call("StopStream")


@dataclass(frozen=True)
class StartRecord(Command):
    def run(self, ctx: Context) -> dict[str, Any]:
        if ctx.mirror.record_state in ("stopped", ""):
            free_mb = float(ctx.call("GetStats").get("availableDiskSpace") or 0.0)
            if free_mb < MIN_RECORD_DISK_MB:  # OBS would start and fail at once, or fill it
                raise ObsCommandError(
                    f"The recording disk is full ({free_mb:.0f} MB free).",
                    "disk_full",
                    {"free_mb": round(free_mb)},
                )
        return _start(ctx, "record", "StartRecord")

    def describe(self) -> str:
        return "start recording"


@dataclass(frozen=True)
class StopRecord(Command):
    """Returns the path of the file OBS wrote."""

    def run(self, ctx: Context) -> str:
        path = str(ctx.call("StopRecord").get("outputPath") or "")
        if path:
            ctx.mirror.record_path = path
        return path


# -- text and scene items ------------------------------------------------------------------


@dataclass(frozen=True)
class SetText(Command):
    """Set the text of a text source, whatever its kind (FreeType or GDI+)."""

    source: str
    text: str

    def run(self, ctx: Context) -> str:
        try:
            kind = str(ctx.call("GetInputSettings", {"inputName": self.source})["inputKind"])
        except RequestFailed:
            raise ObsCommandError(
                f"OBS has no source named {self.source!r}.",
                "source_missing",
                {"source": self.source},
            ) from None
        if not kind.startswith(("text_gdiplus", "text_ft2_source")):
            raise ObsCommandError(
                f"{self.source!r} is a {kind} source, not a text source.",
                "not_text_source",
                {"source": self.source, "kind": kind},
            )
        ctx.call(
            "SetInputSettings",
            {"inputName": self.source, "inputSettings": {"text": self.text}, "overlay": True},
        )
        return kind

    def describe(self) -> str:
        return f"set text of {self.source!r}"


def find_scene_item(ctx: Context, source: str, scene: str | None) -> tuple[str, int]:
    """(scene, sceneItemId) of `source`: in `scene` if given, else the program scene first,
    then every other scene."""
    if scene:
        order = [scene]
    else:
        order = [ctx.mirror.program] + [s for s in ctx.mirror.scenes if s != ctx.mirror.program]
    tried: set[str] = set()
    for attempt in range(2):
        if attempt == 1:
            if scene:
                break
            # A scene created just now (e.g. by SetUpObs, queued right before this command)
            # is not in the mirror until OBS's SceneCreated event is handled: ask OBS itself.
            listed = ctx.call("GetSceneList").get("scenes", [])
            order = [str(s["sceneName"]) for s in listed if str(s["sceneName"]) not in tried]
        for name in order:
            if not name:
                continue
            tried.add(name)
            try:
                items = ctx.call("GetSceneItemList", {"sceneName": name}).get("sceneItems", [])
            except RequestFailed:
                continue  # removed meanwhile
            for item in items:
                if item.get("sourceName") == source:
                    return name, int(item["sceneItemId"])
    where = f"scene {scene!r}" if scene else "any scene"
    raise ObsCommandError(
        f"{source!r} is not in {where}.", "source_not_in_scene", {"source": source, "scene": scene}
    )


def _set_enabled(ctx: Context, scene: str, item_id: int, enabled: bool) -> None:
    ctx.call(
        "SetSceneItemEnabled",
        {"sceneName": scene, "sceneItemId": item_id, "sceneItemEnabled": enabled},
    )


@dataclass(frozen=True)
class ShowSceneItem(Command):
    """Show a source's scene item; with `seconds`, hide it again after that long. Showing it
    again restarts the countdown; hiding it cancels it."""

    source: str
    seconds: float | None = None
    scene: str | None = None

    def run(self, ctx: Context) -> tuple[str, int]:
        scene, item_id = find_scene_item(ctx, self.source, self.scene)
        key = ("hide", scene, item_id)
        ctx.cancel(key)
        _set_enabled(ctx, scene, item_id, True)
        if self.seconds is not None and self.seconds > 0:
            ctx.schedule(key, self.seconds, lambda: _set_enabled(ctx, scene, item_id, False))
        return scene, item_id

    def describe(self) -> str:
        return f"show {self.source!r}"


@dataclass(frozen=True)
class HideSceneItem(Command):
    source: str
    scene: str | None = None

    def run(self, ctx: Context) -> tuple[str, int]:
        scene, item_id = find_scene_item(ctx, self.source, self.scene)
        ctx.cancel(("hide", scene, item_id))
        _set_enabled(ctx, scene, item_id, False)
        return scene, item_id

    def describe(self) -> str:
        return f"hide {self.source!r}"
