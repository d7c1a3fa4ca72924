"""The OBS side of "Feature": the featured question in the OBS text source, shown or hidden.

`ObsQuestion` subscribes to the bus. On `QuestionFeatured` it sends one command to the OBS worker that
sets the text of the source "Set up OBS for me" creates (`app.obs.setup.FEATURED_QUESTION`) and
shows its scene item; on a clear it empties the text and hides the item. It never waits: the
worker's `submit` returns a Future at once. It remembers what should be on air and applies it
again whenever OBS (re)connects, so a restarted OBS shows the right question.

It follows `QuestionFeatured` only: whether a segment change takes the question off air is
decided once, by the on-air model (`app.qa.onair.OnAirModel`), which then publishes the clear.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from app.bus import Bus, ObsStateChanged, QuestionFeatured
from app.obs.actions import Command, Context, HideSceneItem, SetText, ShowSceneItem
from app.obs.setup import FEATURED_QUESTION

log = logging.getLogger(__name__)


class Submitter(Protocol):
    """What ObsQuestion needs of `app.obs.worker.ObsWorker`."""

    def submit(self, command: Command) -> Future[Any]: ...


def on_air_text(text: str, name: str) -> str:
    """What the text source shows: the question, and the asker's name on its own line."""
    return f"{text}\n— {name}" if name else text


@dataclass(frozen=True)
class ShowQuestion(Command):
    """Set the text source, then show its scene item (one worker job, so never the other way
    round: the item is never shown with the previous question's text)."""

    text: str
    source: str = FEATURED_QUESTION
    scene: str | None = None

    def run(self, ctx: Context) -> tuple[str, int]:
        SetText(self.source, self.text).run(ctx)
        return ShowSceneItem(self.source, scene=self.scene).run(ctx)

    def describe(self) -> str:
        return "show the featured question"


@dataclass(frozen=True)
class HideQuestion(Command):
    """Hide the scene item first, then empty the text."""

    source: str = FEATURED_QUESTION
    scene: str | None = None

    def run(self, ctx: Context) -> tuple[str, int]:
        where = HideSceneItem(self.source, scene=self.scene).run(ctx)
        SetText(self.source, "").run(ctx)
        return where

    def describe(self) -> str:
        return "hide the featured question"


class ObsQuestion:
    """Keeps the OBS featured-question source in step with the Q&A core.

    `current` is the text that should be on air ('' for nothing). `last` is the Future of the
    last command sent (tests wait on it)."""

    def __init__(
        self,
        bus: Bus,
        worker: Submitter,
        *,
        source: str = FEATURED_QUESTION,
        scene: str | None = None,
        initial: tuple[str, str] | None = None,
    ) -> None:
        """`initial` (text, name) is what should be on air now; ("", "") for nothing."""
        self.worker = worker
        self.source = source
        self.scene = scene
        self._lock = threading.Lock()
        self.current = on_air_text(*initial) if initial and initial[0] else ""
        # False: nothing known yet, so a (re)connect leaves OBS as it is rather than hide blindly.
        self._known = initial is not None
        self._connected = getattr(worker, "status", "") == "connected"
        self.last: Future[Any] | None = None
        self._unsubs = [
            bus.subscribe(QuestionFeatured, self._on_featured),
            bus.subscribe(ObsStateChanged, self._on_obs),
        ]

    def close(self) -> None:
        for unsub in self._unsubs:
            unsub()
        self._unsubs = []

    def _command(self, text: str) -> Command:
        if text:
            return ShowQuestion(text, self.source, self.scene)
        return HideQuestion(self.source, self.scene)

    def _send(self, text: str) -> Future[Any]:
        future = self.worker.submit(self._command(text))
        future.add_done_callback(self._log_failure)
        self.last = future
        return future

    @staticmethod
    def _log_failure(future: Future[Any]) -> None:
        err = future.exception()
        if err is not None:
            # The worker already told the operator (ObsCommandFailed) when OBS refused it.
            log.info("featured question not applied in OBS: %s", err)

    def _on_featured(self, ev: QuestionFeatured) -> None:  # any thread; never blocks
        text = on_air_text(ev.text, ev.name) if ev.question_id is not None else ""
        with self._lock:
            self.current = text
            self._known = True
        # Sent even if OBS seems down: the worker refuses at once then, and the state is
        # applied again when OBS connects.
        self._send(text)

    def _on_obs(self, ev: ObsStateChanged) -> None:
        connected = ev.state.get("status") == "connected"
        with self._lock:
            came_up = connected and not self._connected
            self._connected = connected
            text, known = self.current, self._known
        if came_up and known:
            self._send(text)  # OBS restarted or we reconnected: put the right state back
