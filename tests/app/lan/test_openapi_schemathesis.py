"""The OpenAPI document matches the server: schemathesis (`run --checks all`) against the real
station server on loopback, with a control token, a bounded number of examples and a fixed seed
(a run that passes passes again). Every route declared in app/lan/registry.py is covered as it
is added: the document comes from the registry. The live WebSocket is left out (not HTTP)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.demo import ensure_demo
from tests.app.lan.fixtures import running_lan

CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_no_failure_against_the_live_server(tmp_path: Path) -> None:
    ensure_demo(tmp_path / "event.showday")
    with running_lan(tmp_path) as lan:
        token = lan.tokens["control"]
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
                "--config-file",
                str(CONFIG),
                "run",
                f"{lan.url}/api/v1/openapi.json",
                "--checks",
                "all",
                "--header",
                f"Authorization: Bearer {token}",
                "--exclude-path",
                "/api/v1/live",
                "--max-examples",
                "5",
                "--seed",
                "20261206",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        # The token is still good: the run could not revoke itself (409), nor lock itself out.
        assert lan.ef.value("SELECT revoked_at FROM stations WHERE name = 'Companion'") is None
        report = run.stdout[run.stdout.find("FAILURES") :] if "FAILURES" in run.stdout else ""
        # Long generated bodies make long lines: cut each so the report stays readable.
        short = "\n".join(line[:300] for line in (report or run.stdout).splitlines())
        assert run.returncode == 0, short[:15000] + run.stderr[-3000:]
