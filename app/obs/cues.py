"""What OBS does when a segment starts, as one command: switch the scene, write the lower
third, show it for a while. Each step can be switched off; a step that fails (a renamed scene, a deleted source) does not stop the others and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.obs.actions import (
    Command,
    Context,
    ObsCommandError,
    SelectScene,
    SetText,
    ShowSceneItem,
)
from app.obs.link import RequestFailed
from app.obs.setup import LOWER_THIRD_NAME, LOWER_THIRD_TITLE


@dataclass(frozen=True)
class SegmentCue(Command):
    """Returns {"done": [step, ...], "failed": [{"step", "error", "code", "params"}, ...]}
    (code and params as in ObsCommandError; "obs_refused" for a request OBS refused).

    Empty `scene` skips the switch; `show_seconds` 0 leaves the lower third as it is. The
    featured question is left alone: it follows the on-air model (app.qa.onair)."""

    scene: str = ""
    name: str = ""
    title: str = ""
    name_source: str = LOWER_THIRD_NAME
    title_source: str = LOWER_THIRD_TITLE
    show_seconds: float = 8.0
    write_texts: bool = True

    def describe(self) -> str:
        return f"segment cue {self.scene!r}" if self.scene else "segment cue"

    def run(self, ctx: Context) -> dict[str, Any]:
        steps: list[tuple[str, Command]] = []
        if self.scene:
            steps.append(("scene", SelectScene(self.scene)))
        if self.write_texts:
            steps.append(("name", SetText(self.name_source, self.name)))
            steps.append(("title", SetText(self.title_source, self.title)))
        if self.show_seconds > 0:
            steps.append(("show name", ShowSceneItem(self.name_source, self.show_seconds)))
            steps.append(("show title", ShowSceneItem(self.title_source, self.show_seconds)))
        done: list[str] = []
        failed: list[dict[str, str]] = []
        for step, command in steps:
            try:  # a broken link (LinkError) still ends the whole cue: OBS is gone
                command.run(ctx)
            except ObsCommandError as err:
                failed.append(
                    {"step": step, "error": str(err), "code": err.code, "params": err.params}
                )
            except RequestFailed as err:
                params = {"request": err.request, "detail": err.comment or f"error {err.code}"}
                failed.append(
                    {"step": step, "error": str(err), "code": "obs_refused", "params": params}
                )
            else:
                done.append(step)
        return {"done": done, "failed": failed}
