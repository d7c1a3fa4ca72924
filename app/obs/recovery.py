"""When OBS comes back after a crash: put it back the way the show needs it.

A freshly started OBS comes up in whatever scene its scene collection last saved (often a stale
one), with the stream and the recording stopped. The worker tells a `Recovery` when a live link
breaks (`lost`), and asks it right after the reconnect which commands put OBS back (`back`):
the program scene the show intends, and the outputs that were running at the loss.

- The intended scene is the program scene at the loss, or the newest scene someone asked for
  while OBS was away (`want`: a refused SetProgramScene, SelectScene or SegmentCue).
- A deliberate close (OBS announced ExitStarted: a person closed it, and OBS asked them first
  while streaming) restores the scene but never restarts a stream or recording.
- Studio mode: only the program scene is restored (it is what is on air); the preview is left
  as OBS has it. While away in studio mode, SelectScene and SegmentCue would only have set the
  preview, so they do not change the intended program scene; SetProgramScene does.
- Nothing is pending on a worker's first connect, or after a person's connect()/disconnect()
  (`clear`): when Showday restarts while OBS kept running, OBS is the truth.

Thread-safety: `want` may be called from any thread (the worker's `submit`); everything else
runs on the worker thread. One lock guards the state.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from app.obs.actions import (
    Command,
    Context,
    SelectScene,
    SetProgramScene,
    StartRecord,
    StartStream,
)
from app.obs.cues import SegmentCue
from app.obs.mirror import ObsMirror

log = logging.getLogger(__name__)

# Output states worth restarting. Not "stopping" (someone chose to end it), nor "starting"
# (never confirmed: it may be what brought OBS down, and a thawed OBS may still be on it).
_RUNNING = ("started", "reconnecting", "paused")


@dataclass(frozen=True)
class RestartOutput(Command):
    """Start the stream or recording that was live when OBS went away. StartStream's guard
    against a second start within 2 s is for a nervous double click on the same OBS; this OBS
    came back with the output stopped, however soon after the last start that was."""

    output: str  # "stream" or "record"

    def run(self, ctx: Context) -> Any:
        ctx.last_start.pop(self.output, None)
        return (StartStream() if self.output == "stream" else StartRecord()).run(ctx)

    def describe(self) -> str:
        return f"restart the {self.output}"


@dataclass
class _Loss:
    scene: str  # program scene when the link broke
    stream: bool  # restart the stream when back
    record: bool
    studio_mode: bool
    wanted: str = ""  # newest scene asked for while away (wins over `scene`)
    wants: int = 0  # how many intents were recorded: notices one that arrives mid-restore


def wanted_scene(command: Command, studio_mode: bool) -> str:
    """The program scene `command` asks for ('' if none, or if it only sets the preview)."""
    if isinstance(command, SetProgramScene):
        return command.name
    if studio_mode:
        return ""
    if isinstance(command, SelectScene):
        return command.name
    if isinstance(command, SegmentCue):
        return command.scene
    return ""


class Recovery:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loss: _Loss | None = None
        self._seen = 0  # `wants` when back() planned
        self.skipped: list[str] = []  # why a part of the last plan was left out, for the incident

    @property
    def pending(self) -> bool:
        with self._lock:
            return self._loss is not None

    def lost(self, mirror: ObsMirror, *, deliberate: bool) -> None:
        """A live link broke. If a loss is already pending (the link broke again while OBS was
        being restored), its picture stays: the mirror now shows the stale OBS."""
        with self._lock:
            if self._loss is not None:
                if deliberate:
                    self._loss.stream = self._loss.record = False
                return
            self._loss = _Loss(
                scene=mirror.program,
                stream=mirror.stream_state in _RUNNING and not deliberate,
                record=mirror.record_state in _RUNNING and not deliberate,
                studio_mode=mirror.studio_mode,
            )

    def want(self, command: Command) -> bool:
        """Any thread: `command` was refused while OBS is away; remember the scene it asked
        for. True if recorded (a loss is pending and the command names a program scene)."""
        with self._lock:
            loss = self._loss
            if loss is None:
                return False
            scene = wanted_scene(command, loss.studio_mode)
            if not scene:
                return False
            loss.wanted = scene
            loss.wants += 1
            return True

    def back(self, mirror: ObsMirror) -> list[Command]:
        """Right after a reconnect and rebuild: the commands that put OBS back. The loss stays
        pending until `finish()` (a link that breaks again while restoring keeps it)."""
        self.skipped = []
        with self._lock:
            loss = self._loss
            if loss is None:
                return []
            self._seen = loss.wants
            scene = loss.wanted or loss.scene
            stream, record = loss.stream, loss.record
        commands: list[Command] = []
        if scene and scene != mirror.program:
            if scene in mirror.scenes:
                commands.append(SetProgramScene(scene))
            else:  # renamed or removed meanwhile: switching would only fail
                self.skipped.append(f"scene {scene!r} is not in OBS any more")
        if stream and not mirror.streaming:
            commands.append(RestartOutput("stream"))
        if record and not mirror.recording:
            commands.append(RestartOutput("record"))
        return commands

    def finish(self) -> Command | None:
        """The worker is connected again: forget the loss. Returns a SetProgramScene for a
        scene wanted after `back()` planned (submitted while the restore ran), else None."""
        with self._lock:
            loss, self._loss = self._loss, None
        if loss is None or loss.wants == self._seen or not loss.wanted:
            return None
        return SetProgramScene(loss.wanted)

    def clear(self) -> None:
        """Forget any pending loss (a person connected or disconnected, or OBS refused us)."""
        with self._lock:
            self._loss = None

    def restore(
        self,
        mirror: ObsMirror,
        run: Callable[[Command], Future[Any]],
        linked: Callable[[], bool],
        enabled: Callable[[], bool] = lambda: True,
    ) -> str:
        """If a loss is pending and `enabled()`: plan with `back()` and run each command through
        `run` (the worker's command path, which reports failures). A failing step does not stop
        the others; a lost link (`linked()` false) does. Returns what was done, for the incident
        log ('' if nothing). Disabled: the loss is forgotten and OBS left as it came back."""
        if not self.pending:
            return ""
        try:
            on = bool(enabled())
        except Exception:  # the option is unreadable: its default (on) is what the show wants
            log.exception("reading the restore option failed")
            on = True
        if not on:
            self.clear()
            return ""
        parts: list[str] = []
        for command in self.back(mirror):
            future = run(command)
            err = future.exception() if future.done() else None
            parts.append(_describe(command, future.result() if err is None else None, err))
            if not linked():
                break
        done = ", ".join(parts + self.skipped)
        if done:
            log.info("OBS restored after a loss: %s", done)
        return done


def _describe(command: Command, result: Any, err: BaseException | None) -> str:
    if isinstance(command, SetProgramScene):
        what = f"scene {command.name}"
    else:
        what = "stream" if getattr(command, "output", "") == "stream" else "recording"
        if err is None and isinstance(result, dict) and result.get("ignored"):
            return f"{what} not restarted ({result.get('reason', '')})"
        what += " restarted"
    return f"{what} failed ({err})" if err is not None else what
