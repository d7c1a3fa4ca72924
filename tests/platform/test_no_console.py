"""A windowed build (PyInstaller's console=False .exe, a macOS .app) starts with no console:
sys.stdout and sys.stderr are None. The app must still open the LAN and serve its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.harness import REPO_ROOT, free_port, wait_for

# What a windowed executable looks like to Python: no console streams at all.
NO_CONSOLE = (
    "import sys; sys.stdout = sys.stderr = None; "
    "from app.__main__ import main; raise SystemExit(main(sys.argv[1:]))"
)


def test_the_app_without_stdout_or_stderr_serves_the_lan(tmp_path: Path) -> None:
    event = tmp_path / "沙龙 ✓.showday"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SHOWDAY_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    made = subprocess.run(
        [sys.executable, "-m", "app", "new", str(event), "--name", "Salon 沙龙"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            NO_CONSOLE,
            str(event),
            "--lang",
            "en",
            "--lan",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def me() -> dict[str, object] | None:
            assert proc.poll() is None, f"the app ended with {proc.returncode}"
            r = httpx.get(f"http://127.0.0.1:{port}/api/v1/me", timeout=2)
            return r.json() if r.status_code == 200 else None

        body = wait_for(me, 60, "/api/v1/me to answer", retry_on=(httpx.TransportError,))
        assert body["event"] == "Salon 沙龙"
    finally:
        proc.terminate()
        proc.wait(30)
    log = (tmp_path / "data" / "logs" / "showday.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log
