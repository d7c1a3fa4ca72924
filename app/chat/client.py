"""What the connecting chat clients (Bilibili, Twitch) share: a thread with its own asyncio
loop, a session loop that reconnects with exponential backoff, and health reports.

A subclass writes `session()`: connect, say `self.connected()`, read until the link drops
(return or raise `ChatLinkError(code)`; a `fatal` one stops retrying). The backoff waits through
`sleep` (an async callable, injectable: tests pass one that records the delays and returns at
once) and starts over after a connection that worked.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections.abc import Awaitable, Callable
from typing import Any

from app.chat.messages import ChatMessage
from app.chat.sources import ChatSource

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Deliver = Callable[[list[ChatMessage]], Any]
Report = Callable[..., None]  # (state, error="", attempts=0)

BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 60.0


class ChatLinkError(Exception):
    """A link failure with an error code of app.chat.health.ERRORS."""

    def __init__(self, code: str, detail: str = "", *, fatal: bool = False) -> None:
        super().__init__(detail or code)
        self.code, self.fatal = code, fatal


def backoff_delay(attempt: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds before reconnect attempt `attempt` (1, 2, ...): 1, 2, 4 ... 60, with up to 20 %
    jitter so many clients do not come back in step."""
    base = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(0, attempt - 1))
    return base * (1.0 + 0.2 * rand())


class ReconnectingClient:
    name = "chat"

    def __init__(
        self,
        source: ChatSource,
        deliver: Deliver,
        report: Report,
        *,
        sleep: Sleep | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.source, self.deliver, self.report = source, deliver, report
        self.sleep: Sleep = sleep or asyncio.sleep
        self.rand = rand
        self.attempts = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- for subclasses ---------------------------------------------------------------------

    async def session(self) -> None:
        raise NotImplementedError

    def connected(self) -> None:
        self.attempts = 0
        self.report("connected")

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name=f"chat-{self.name}-{self.source.id}", daemon=True
        )
        self._thread.start()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._task = loop.create_task(self._main())
            loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        finally:
            loop.close()

    async def _main(self) -> None:
        self.report("connecting")
        while not self._stopping.is_set():
            code, fatal = "dropped", False
            try:
                await self.session()
            except asyncio.CancelledError:
                raise
            except ChatLinkError as err:
                code, fatal = err.code, err.fatal
                log.info("chat %s %s: %s", self.name, self.source.id, err)
            except OSError as err:
                code = "refused" if isinstance(err, ConnectionRefusedError) else "unreachable"
                log.info("chat %s %s: %s", self.name, self.source.id, err)
            except Exception as err:  # a protocol surprise: reconnect rather than die
                code = "bad_reply"
                log.warning("chat %s %s: %r", self.name, self.source.id, err)
            if self._stopping.is_set():
                break
            if fatal:
                self.report("failed", code, self.attempts)
                return
            self.attempts += 1
            self.report("reconnecting", code, self.attempts)
            await self.sleep(backoff_delay(self.attempts, self.rand))

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            loop.call_soon_threadsafe(task.cancel)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
