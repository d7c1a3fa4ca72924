"""Blocking work (SQLite) of the station server in worker threads, by lane.

Staff requests (the door, the moderator, the control API) have threads of their own
(`LanSettings.staff_threads`) and the audience's are limited to `audience_threads`, so a flood
of audience reads queues up without taking the threads a check-in needs. The lane is a context
variable set by the endpoint for a staff caller; the thread pool copies it into the worker, where
`LanContext.ef` then picks the staff connection.

Pushed platform chat (SSN relay, webhook) uses neither lane: its routes hand each message to
the chat intake's own writer thread and connection (app.chat.intake), so a chat flood and the
room's questions never wait for each other's threads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread

from app.lan.context import STAFF_LANE, LanContext


async def in_thread(ctx: LanContext, fn: Callable[[], Any]) -> Any:
    limiters = ctx.thread_limiters
    if limiters is None:  # made on the server's loop, on first use
        limiters = ctx.thread_limiters = (
            anyio.CapacityLimiter(ctx.settings.staff_threads),
            anyio.CapacityLimiter(ctx.settings.audience_threads),
        )
    limiter = limiters[0] if STAFF_LANE.get() else limiters[1]
    return await anyio.to_thread.run_sync(fn, limiter=limiter)
