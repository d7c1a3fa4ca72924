"""Test harness shared by every Showday test: real OBS, real Chromium, Xvfb, screenshots.

Fixtures (registered for the whole suite by ``tests/conftest.py``):

- ``xvfb_display`` (session): ``":N"`` of a private Xvfb server (see ``tests.harness.xvfb``).
- ``obs_server`` (session) / ``obs`` (function): a real headless OBS Studio with obs-websocket on a
  free port and a random password; ``obs`` resets its scenes first (see ``tests.harness.obs``).
- ``chromium`` (session), ``page``, ``phone``, ``new_context`` (function): Playwright on Debian's
  chromium (see ``tests.harness.browser``).

Helpers: ``require(ok, reason)`` below, ``wait_for(predicate, timeout, what)``, ``free_port()``,
``screenshot_path(name)`` and the functions in ``tests.harness.screens``.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots meant for people to look at (gitignored).
SCREENSHOTS_DIR = REPO_ROOT / "screenshots"


def in_ci() -> bool:
    """True when the CI environment variable says so (CI=true, as set by GitHub/GitLab/.ci/run)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require(tool_ok: bool, reason: str) -> None:
    """Stop the current test when a real tool it needs is missing.

    Under CI=true a missing tool is a failure (CI installs everything, so absence is a bug);
    on a developer machine the test is skipped with the reason.
    """
    if tool_ok:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this tool must be installed)", pytrace=False)
    pytest.skip(reason)


def wait_for(
    predicate: Callable[[], Any],
    timeout: float = 5.0,
    what: str | Callable[[], str] = "",
    *,
    retry_on: tuple[type[BaseException], ...] = (),
    interval: float = 0.02,
) -> Any:
    """Poll until `predicate()` is truthy; return its value, or fail after `timeout` seconds
    naming `what` and the last value. Exceptions in `retry_on` count as "not yet" (a server
    that is restarting). A callable `what` is called only then: it may describe what did
    happen meanwhile."""
    deadline = time.monotonic() + timeout
    value: Any = None
    while True:
        try:
            value = predicate()
        except retry_on as err:
            value = err
        else:
            if value:
                return value
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            pytest.fail(
                f"timed out after {timeout:g} s waiting for {said or predicate} (last: {value!r})"
            )
        time.sleep(interval)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def port_open(host: str, port: int, timeout: float = 0.2) -> bool:
    """True if something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def screenshot_path(name: str) -> Path:
    """``screenshots/<name>`` at the repo root (name may hold a subfolder), creating folders."""
    path = SCREENSHOTS_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
