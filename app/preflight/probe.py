"""What preflight asks OBS, as one command on the OBS worker (never obsws from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.obs.actions import Command, Context, stream_server_missing
from app.obs.link import RequestFailed

BROWSER_KIND = "browser_source"


@dataclass(frozen=True)
class ObsProbe(Command):
    """Returns {"scenes": [...], "inputs": {name: kind}, "browser_urls": {name: url},
    "stream_configured": bool, "stream_type": str, "record_dir": str}. The stream key is never
    read out of the answer."""

    def describe(self) -> str:
        return "preflight OBS probe"

    def run(self, ctx: Context) -> dict[str, Any]:
        scenes = [str(s["sceneName"]) for s in ctx.call("GetSceneList").get("scenes", [])]
        inputs = {
            str(i["inputName"]): str(i.get("inputKind") or "")
            for i in ctx.call("GetInputList").get("inputs", [])
        }
        urls: dict[str, str] = {}
        for name, kind in inputs.items():
            if kind.startswith(BROWSER_KIND):
                settings = ctx.call("GetInputSettings", {"inputName": name})["inputSettings"]
                if not settings.get("is_local_file"):
                    urls[name] = str(settings.get("url") or "")
        service = ctx.call("GetStreamServiceSettings")
        try:
            record_dir = str(ctx.call("GetRecordDirectory").get("recordDirectory") or "")
        except RequestFailed:
            record_dir = ""
        return {
            "scenes": scenes,
            "inputs": inputs,
            "browser_urls": urls,
            "stream_configured": not stream_server_missing(service),
            "stream_type": str(service.get("streamServiceType") or ""),
            "record_dir": record_dir,
        }
