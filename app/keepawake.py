"""Keep the display and the computer awake while a show runs.

A stage display that blanks mid-talk, or a studio PC that sleeps during the break, stops the
show. Each system has its own well-kept way, used behind a platform check:

- Windows: SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED),
  the documented call for presentation apps; it holds until released or the process ends.
- macOS: `caffeinate -d -i -w PID` (display and idle sleep; ends with Showday). App Nap is
  switched off for the built app by NSAppSleepDisabled in its Info.plist (build.spec).
- Linux: `systemd-inhibit --what=idle:sleep` (logind; ends with Showday). A desktop's own
  screen blanking may still need its setting: where systemd-inhibit is missing this is a no-op,
  and says so in the log.

Qt-free; `KeepAwake.hold()` / `release()` are idempotent and never raise.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _windows_set_state() -> Callable[[int], int]:
    import ctypes

    return ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined,no-any-return]


class KeepAwake:
    """Hold the display and the system awake (see the module doc for each platform)."""

    def __init__(
        self,
        platform: str | None = None,
        set_state: Callable[[int], int] | None = None,
        spawn: Callable[..., Any] = subprocess.Popen,
        which: Callable[[str], str | None] = shutil.which,
    ) -> None:
        self.platform = platform or sys.platform
        self._set_state = set_state
        self._spawn = spawn
        self._which = which
        self._child: Any = None
        self.held = False
        self.how = ""  # what holds it (for the log and tests); "" when nothing could

    def command(self) -> list[str] | None:
        """The helper process that holds the system awake (macOS, Linux), if there is one."""
        pid = str(os.getpid())
        if self.platform == "darwin" and self._which("caffeinate"):
            return ["caffeinate", "-d", "-i", "-w", pid]
        if self.platform.startswith("linux") and self._which("systemd-inhibit"):
            # Ends by itself if Showday dies: it waits for Showday's pid (tail --pid).
            return [
                "systemd-inhibit", "--what=idle:sleep", "--who=Showday",
                "--why=A show is running", "--mode=block", "tail", f"--pid={pid}", "-f",
                os.devnull,
            ]  # fmt: skip
        return None

    def hold(self) -> None:
        if self.held:
            return
        self.held = True
        try:
            if self.platform == "win32":
                set_state = self._set_state or _windows_set_state()
                set_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)
                self.how = "SetThreadExecutionState"
            elif (cmd := self.command()) is not None:
                self._child = self._spawn(
                    cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )  # fmt: skip
                self.how = cmd[0]
            else:
                self.how = ""
                log.info("keep-awake: nothing on this system can hold the display awake")
        except Exception:  # keeping awake is a help, never a reason to fail the show
            log.exception("keep-awake could not start")
            self.how = ""
        if self.how:
            log.info("keep-awake on (%s)", self.how)

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        with contextlib.suppress(Exception):
            if self.platform == "win32":
                (self._set_state or _windows_set_state())(ES_CONTINUOUS)
            elif self._child is not None:
                self._child.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._child.wait(2)
        self._child = None
        if self.how:
            log.info("keep-awake off")
        self.how = ""
