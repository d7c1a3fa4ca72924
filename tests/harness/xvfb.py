"""A private Xvfb server for tests that need a real X display.

``Xvfb`` picks a free display itself (``-displayfd``), so parallel servers never collide::

    with Xvfb() as x:          # or x = Xvfb(); x.start(); ...; x.stop()
        env = {"DISPLAY": x.display, ...}

Fixture ``xvfb_display`` (session): the ``":N"`` string of one shared server, 1280x800x24.
Use it for real windows that people look at (``tests.harness.screens.xvfb_screenshot``); ordinary
widget tests run on Qt's offscreen platform and need no X server at all.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import require


class XvfbError(RuntimeError):
    pass


class Xvfb:
    def __init__(self, size: str = "1280x800x24", log_path: Path | None = None) -> None:
        self.size = size
        self.log_path = log_path
        self.display: str = ""
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10.0) -> str:
        """Start the server and return its DISPLAY string once it accepts clients."""
        read_fd, write_fd = os.pipe()
        log_file = os.devnull if self.log_path is None else self.log_path
        try:
            with open(log_file, "ab") as log:
                self._proc = subprocess.Popen(
                    [
                        *die_with_parent("TERM"),
                        "Xvfb",
                        "-displayfd",
                        str(write_fd),
                        "-screen",
                        "0",
                        self.size,
                    ]
                    + ["-nolisten", "tcp"],
                    pass_fds=(write_fd,),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,  # Ctrl+C in the terminal goes to pytest, not Xvfb
                )
        finally:
            os.close(write_fd)
        try:
            number = self._read_display(read_fd, timeout)
        finally:
            os.close(read_fd)
        self.display = f":{number}"
        return self.display

    def _read_display(self, fd: int, timeout: float) -> str:
        # Xvfb writes "N\n" to the fd once it is ready to accept connections.
        deadline = time.monotonic() + timeout
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            if not ready:
                self.stop()
                raise XvfbError(f"Xvfb did not report a display within {timeout:.0f} s")
            chunk = os.read(fd, 64)
            if not chunk:  # the server died before saying anything
                code = self._proc.wait() if self._proc else None
                raise XvfbError(f"Xvfb exited with code {code} before starting")
            data += chunk
        return data.decode().strip()

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> Xvfb:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def die_with_parent(signal_name: str) -> list[str]:
    """Command prefix that sends the child ``signal_name`` when the thread that started it dies.

    So a pytest run that is killed outright (CI timeout, kill -9) leaves no Xvfb or OBS behind.
    Caveat of PR_SET_PDEATHSIG: the parent is the *thread* that spawned the child, so start these
    servers from the test's own (main) thread.
    """
    return ["setpriv", f"--pdeathsig={signal_name}"] if shutil.which("setpriv") else []


def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None


@pytest.fixture(scope="session")
def xvfb_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """DISPLAY (":N") of a session-wide Xvfb; the server stops at the end of the session."""
    require(xvfb_available(), "Xvfb is not installed (apt-get install xvfb)")
    server = Xvfb(log_path=tmp_path_factory.mktemp("xvfb") / "xvfb.log")
    server.start()
    try:
        yield server.display
    finally:
        server.stop()
