"""'Set up OBS for me': one command that creates, or repairs, the sources Showday drives, and
the scenes the rundown names.

The lower-third, question and overlay sources live in one scene, "Showday overlays", which is
nested as a scene source (on top) in every scene the rundown uses: one copy of each source, on
screen whichever segment is on. `plan()` says beforehand what a run would create, for the
operator to confirm.

Idempotent: it looks before it creates, so running it twice leaves one of each. Input names are
unique in OBS, so an input that exists elsewhere is reused (added to the Showday scene if it is
missing there) rather than duplicated. OBS builds without the browser plugin (Debian's, for one)
cannot have browser sources: the result says so instead of failing the whole setup.

Text sources get a face with Chinese glyphs, chosen by the platform OBS runs on (GetVersion's
`platform`), not the one Showday runs on: OBS may be on another PC. Arial (GDI+'s usual face) and
"Sans Serif" have none. A Showday text source still on one of those faces is switched over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.obs.actions import BROWSER_KIND, TEXT_KINDS, Command, Context, ObsCommandError
from app.store import EventFile

SCENE = "Showday overlays"
LOWER_THIRD_NAME = "Showday Lower Third Name"
LOWER_THIRD_TITLE = "Showday Lower Third Title"
FEATURED_QUESTION = "Showday Featured Question"
TIMER_OVERLAY = "Showday Timer Overlay"
QUESTION_OVERLAY = "Showday Question Overlay"
LOWER_THIRD_OVERLAY = "Showday Lower Third Overlay"
POLL_OVERLAY = "Showday Poll Overlay"
DRAW_OVERLAY = "Showday Draw Overlay"

# (source name, font size, x share of the canvas, y share of the canvas)
TEXT_SOURCES = (
    (LOWER_THIRD_NAME, 56, 0.05, 0.76),
    (LOWER_THIRD_TITLE, 36, 0.05, 0.84),
    (FEATURED_QUESTION, 40, 0.05, 0.06),
)
# (source name, path on the station server)
BROWSER_SOURCES = (
    (TIMER_OVERLAY, "/overlay/timer"),
    (QUESTION_OVERLAY, "/overlay/question"),
    (LOWER_THIRD_OVERLAY, "/overlay/lower-third"),
    (POLL_OVERLAY, "/overlay/poll"),
    (DRAW_OVERLAY, "/overlay/draw"),
)
# Made hidden: nested in every scene they would be on stream at once. The timer is for the crew
# (shown in OBS where the audience should see it); a poll or a draw goes on air when the
# operator or a cue shows it.
HIDDEN_OVERLAYS = frozenset({TIMER_OVERLAY, POLL_OVERLAY, DRAW_OVERLAY})


@dataclass(frozen=True)
class SetUpObs(Command):
    """Create or repair the overlays scene, create the rundown's `scenes` OBS lacks and nest the
    overlays scene in each. `base_url` is the station server, e.g. "http://192.168.1.20:8765";
    without it the browser sources are left out.

    Returns {"scene", "created", "repaired", "ok", "skipped": [{"name", "reason"}],
    "scenes_created": [...], "nested": [scenes that got the overlays]}."""

    base_url: str = ""
    scenes: tuple[str, ...] = ()  # the scenes the rundown names, in order
    scene: str = SCENE
    text_kind: str = ""  # force a kind (tests); normally the best one OBS offers
    include_browser: bool = field(default=True)

    def describe(self) -> str:
        return "set up OBS"

    def run(self, ctx: Context) -> dict[str, Any]:
        report: dict[str, Any] = {
            "scene": self.scene,
            "created": [],
            "repaired": [],
            "ok": [],
            "skipped": [],
            "scenes_created": [],
            "nested": [],
        }
        kinds = set(ctx.call("GetInputKindList", {"unversioned": False}).get("inputKinds", []))
        text_kind = self.text_kind or next((k for k in TEXT_KINDS if k in kinds), "")
        if not text_kind:
            raise ObsCommandError("This OBS offers no text source kind, so setup cannot work.")
        version = ctx.call("GetVersion")
        face = cjk_face(
            str(version.get("platform") or ""),
            str(version.get("platformDescription") or ""),
            text_kind,
        )

        scenes = [s["sceneName"] for s in ctx.call("GetSceneList").get("scenes", [])]
        if self.scene not in scenes:
            ctx.call("CreateScene", {"sceneName": self.scene})
            report["created"].append(self.scene)
        else:
            report["ok"].append(self.scene)

        inputs = {i["inputName"]: i["inputKind"] for i in ctx.call("GetInputList")["inputs"]}
        items = {
            i["sourceName"]
            for i in ctx.call("GetSceneItemList", {"sceneName": self.scene})["sceneItems"]
        }
        video = ctx.mirror.video
        width = int(video.get("base_width") or 1920)
        height = int(video.get("base_height") or 1080)

        for name, size, x, y in TEXT_SOURCES:
            existing = inputs.get(name)
            if existing and not existing.startswith(("text_gdiplus", "text_ft2_source")):
                report["skipped"].append(
                    {"name": name, "reason": f"a {existing} source already has this name"}
                )
                continue
            box = (round(width * (1 - 2 * x)), round(height * 0.3))  # margins as on the left
            settings = {"text": "", "font": _font(face, size), **wrap_settings(text_kind, *box)}
            position = (round(width * x), round(height * y))
            self._place(ctx, report, name, text_kind, settings, existing, name in items, position)
            fixed = existing and self._fix_face(ctx, name, face, size)
            fixed = (existing and self._fix_wrap(ctx, name, existing, box)) or fixed
            if fixed and name in report["ok"]:
                report["ok"].remove(name)
                report["repaired"].append(name)

        if self.include_browser and self.base_url:
            if BROWSER_KIND not in kinds:
                reason = "this OBS has no browser source (install the obs-browser plugin)"
                for name, _ in BROWSER_SOURCES:
                    report["skipped"].append({"name": name, "reason": reason})
            else:
                for name, path in BROWSER_SOURCES:
                    self._browser(ctx, report, name, path, inputs, items, width, height)
        self._rundown_scenes(ctx, report, scenes)
        return report

    def _rundown_scenes(self, ctx: Context, report: dict[str, Any], existing: list[str]) -> None:
        for scene in dict.fromkeys(s for s in self.scenes if s and s != self.scene):
            if scene not in existing:
                ctx.call("CreateScene", {"sceneName": scene})
                report["scenes_created"].append(scene)
            listed = ctx.call("GetSceneItemList", {"sceneName": scene})["sceneItems"]
            if not any(i.get("sourceName") == self.scene for i in listed):
                ctx.call("CreateSceneItem", {"sceneName": scene, "sourceName": self.scene})
                report["nested"].append(scene)

    def _place(
        self,
        ctx: Context,
        report: dict[str, Any],
        name: str,
        kind: str,
        settings: dict[str, Any],
        existing: str | None,
        in_scene: bool,
        position: tuple[int, int] | None,
        enabled: bool = True,
    ) -> None:
        if existing is None:
            created = ctx.call(
                "CreateInput",
                {
                    "sceneName": self.scene,
                    "inputName": name,
                    "inputKind": kind,
                    "inputSettings": settings,
                    "sceneItemEnabled": enabled,
                },
            )
            if position is not None:
                transform = {"positionX": position[0], "positionY": position[1]}
                ctx.call(
                    "SetSceneItemTransform",
                    {
                        "sceneName": self.scene,
                        "sceneItemId": created["sceneItemId"],
                        "sceneItemTransform": transform,
                    },
                )
            report["created"].append(name)
        elif not in_scene:
            ctx.call("CreateSceneItem", {"sceneName": self.scene, "sourceName": name})
            report["repaired"].append(name)
        else:
            report["ok"].append(name)

    def _fix_face(self, ctx: Context, name: str, face: str, size: int) -> bool:
        """An existing text source on a face without Chinese (OBS's default, or ours before)
        gets the CJK face; a face the operator chose is theirs. True when changed."""
        current = ctx.call("GetInputSettings", {"inputName": name})["inputSettings"]
        font = dict(current.get("font") or _font("", size))  # none stored: OBS's default face
        if font.get("face") not in LATIN_ONLY_FACES:
            return False
        font["face"] = face
        ctx.call(
            "SetInputSettings",
            {"inputName": name, "inputSettings": {"font": font}, "overlay": True},
        )
        return True

    def _fix_wrap(self, ctx: Context, name: str, kind: str, box: tuple[int, int]) -> bool:
        """An existing text source without a wrap width gets one (a long question ran off the
        screen); a width the operator set is theirs. True when changed."""
        current = ctx.call("GetInputSettings", {"inputName": name})["inputSettings"]
        if current.get("custom_width") or current.get("extents"):
            return False
        ctx.call(
            "SetInputSettings",
            {
                "inputName": name,
                "inputSettings": wrap_settings(kind, *box),
                "overlay": True,
            },
        )
        return True

    def _browser(
        self,
        ctx: Context,
        report: dict[str, Any],
        name: str,
        path: str,
        inputs: dict[str, str],
        items: set[str],
        width: int,
        height: int,
    ) -> None:
        url = self.base_url.rstrip("/") + path
        existing = inputs.get(name)
        if existing and existing != BROWSER_KIND:
            report["skipped"].append({"name": name, "reason": f"a {existing} source has this name"})
            return
        settings = {"url": url, "width": width, "height": height}
        if not existing:
            shown = name not in HIDDEN_OVERLAYS
            self._place(ctx, report, name, BROWSER_KIND, settings, None, False, None, shown)
            return
        current = ctx.call("GetInputSettings", {"inputName": name})["inputSettings"]
        fixed = current.get("url") != url
        if fixed:  # the station server moved (another IP or port)
            ctx.call(
                "SetInputSettings", {"inputName": name, "inputSettings": settings, "overlay": True}
            )
        if name not in items:
            ctx.call("CreateSceneItem", {"sceneName": self.scene, "sourceName": name})
        report["repaired" if fixed or name not in items else "ok"].append(name)


# Faces with Chinese glyphs, per OBS platform. FreeType on Windows (text_ft2_source) finds
# Microsoft YaHei too, so the platform decides, not the source kind.
WINDOWS_FACE = "Microsoft YaHei"
MACOS_FACE = "PingFang SC"
LINUX_FACE = "Noto Sans CJK SC"
# Defaults of OBS's text sources (and Showday's before 2026-11): no Chinese glyphs.
LATIN_ONLY_FACES = (None, "", "Arial", "Sans Serif", "Helvetica")


def cjk_face(platform: str, description: str = "", kind: str = "") -> str:
    """The face for OBS on `platform` (obs-websocket's GetVersion: Qt's product type, e.g.
    "windows", "macos" or "osx", "debian", "ubuntu"; `description` is its pretty name)."""
    p, d = platform.lower(), description.lower()
    if p == "windows" or d.startswith("windows"):
        return WINDOWS_FACE
    if p in ("macos", "osx", "darwin") or d.startswith(("macos", "mac os")):
        return MACOS_FACE
    if not p and not d and kind.startswith("text_gdiplus"):  # GDI+ exists only on Windows
        return WINDOWS_FACE
    return LINUX_FACE


def wrap_settings(kind: str, width: int, height: int) -> dict[str, Any]:
    """A wrap width for a text source, so a long question or title wraps instead of running
    off the screen. The settings differ by kind: FreeType (Linux, macOS, and Windows' FreeType
    source) has word_wrap + custom_width; GDI+ (Windows) has a text box (extents)."""
    if kind.startswith("text_gdiplus"):
        return {"extents": True, "extents_cx": width, "extents_cy": height, "extents_wrap": True}
    return {"word_wrap": True, "custom_width": width}


def _font(face: str, size: int) -> dict[str, Any]:
    return {"face": face, "size": size, "style": "", "flags": 0}


@dataclass(frozen=True)
class SetupPlan:
    """What "Set up OBS for me" will do, for the operator to confirm first."""

    overlay_scene: str
    create_overlay_scene: bool
    create_scenes: tuple[str, ...]  # rundown scenes OBS lacks
    nest_in: tuple[str, ...]  # every rundown scene (the overlays go on top where missing)

    @property
    def empty(self) -> bool:
        return not (self.create_overlay_scene or self.create_scenes or self.nest_in)


def plan(rundown_scenes: list[str], obs_scenes: list[str], scene: str = SCENE) -> SetupPlan:
    """From the rundown's scene names and OBS's scene list (the worker's mirror)."""
    wanted = tuple(dict.fromkeys(s for s in rundown_scenes if s and s != scene))
    return SetupPlan(
        overlay_scene=scene,
        create_overlay_scene=scene not in obs_scenes,
        create_scenes=tuple(s for s in wanted if s not in obs_scenes),
        nest_in=wanted,
    )


def rundown_scenes(ef: EventFile) -> list[str]:
    """The OBS scenes the rundown names, in rundown order, each once (skipped segments too:
    the operator may un-skip one during the show)."""
    rows = ef.tuples("SELECT obs_scene FROM segments WHERE obs_scene != '' ORDER BY position")
    return list(dict.fromkeys(str(r[0]).strip() for r in rows if str(r[0]).strip()))
