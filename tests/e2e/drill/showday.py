"""The drill's Showday: the real program (`python -m app EVENT --obs … --lan …`) in its own process,
offscreen, with its own HOME and data folder, so that it can be killed with SIGKILL like a crash
and started again on the same event file, the same OBS and the same station-server port.

`ControlApi` is a Stream Deck's view of it: the control API with a token made by
`python -m app token`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.harness import REPO_ROOT, free_port, port_open, wait_for

START_TIMEOUT = 40.0  # a loaded 2-core CI machine opens the window in 2-5 s; OBS adds a little


class DrillError(AssertionError):
    pass


def cli(*args: str, env: dict[str, str] | None = None) -> str:
    """Run a Showday subcommand (`new`, `token`) the way an organiser would; its stdout."""
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    if proc.returncode != 0:
        raise DrillError(f"showday {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return proc.stdout


class Showday:
    """One Showday program on `event`, connected to OBS and serving the LAN on a fixed port."""

    def __init__(self, event: Path, workdir: Path, obs: tuple[str, int, str]) -> None:
        self.event = event
        self.workdir = workdir
        self.obs_host, self.obs_port, obs_password = obs
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "showday-stderr.log"
        home = workdir / "home"
        home.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOWDAY_", "QT_"))}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            SHOWDAY_DATA_DIR=str(workdir / "data"),
            SHOWDAY_OBS_PASSWORD=obs_password,
            QT_QPA_PLATFORM="offscreen",
        )
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        assert not self.running
        cmd = [sys.executable, "-m", "app", str(self.event), "--lang", "en"]
        cmd += ["--obs", f"{self.obs_host}:{self.obs_port}", "--lan", f"127.0.0.1:{self.port}"]
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== start {self.starts + 1} =====\n".encode())
            log.flush()
            self.proc = subprocess.Popen(
                cmd,
                cwd=REPO_ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1

    def wait_serving(self, timeout: float = START_TIMEOUT) -> float:
        """Until the station server answers; returns the seconds it took."""
        started = time.monotonic()
        deadline = started + timeout
        while True:
            if not self.running:
                raise DrillError(f"Showday exited while starting.\n{self.log_tail()}")
            if port_open("127.0.0.1", self.port):
                try:
                    if httpx.get(f"{self.url}/api/v1/show", timeout=2).status_code == 200:
                        return time.monotonic() - started
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                raise DrillError(
                    f"Showday did not serve within {timeout:.0f} s.\n{self.log_tail()}"
                )
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: no clean-up, no flush, no goodbye, like a crash or a pulled power cord."""
        assert self.proc is not None and self.running
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(15)

    def stop(self) -> None:
        """End of the drill: ask politely (SIGTERM), then SIGKILL."""
        if self.proc is None or not self.running:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def log_tail(self, lines: int = 80) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "--- Showday's output ---\n" + "\n".join(text.splitlines()[-lines:])


class ControlApi:
    """The control API as a Stream Deck (Bitfocus Companion) uses it."""

    def __init__(self, showday: Showday, token: str) -> None:
        self.showday = showday
        self.headers = {"Authorization": f"Bearer {token}"}

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        r = httpx.request(
            method, self.showday.url + path, json=body, headers=self.headers, timeout=15
        )
        if r.status_code != 200:
            raise DrillError(f"{method} {path} -> {r.status_code}: {r.text[:500]}")
        return r.json()

    def show(self) -> dict[str, Any]:
        return self._call("GET", "/api/v1/show")

    def show_action(self, action: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._call("POST", f"/api/v1/show/{action}", body or {})

    def obs(self) -> dict[str, Any]:
        return self._call("GET", "/api/v1/obs")

    def stream(self, action: str) -> dict[str, Any]:
        return self._call("POST", "/api/v1/obs/stream", {"action": action})

    def wait_obs(self, what: str, pred: Any, timeout: float = 30.0) -> dict[str, Any]:
        """Until Showday's own view of OBS satisfies `pred`; fails showing that view."""
        try:
            return wait_for(
                lambda: state if pred(state := self.obs()) else None,
                timeout,
                f"Showday's OBS state to become {what}",
                interval=0.2,
            )
        except pytest.fail.Exception as err:
            raise DrillError(f"{err}\nShowday's OBS state now: {self.obs()}") from None
