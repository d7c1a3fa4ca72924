"""The README's two commands without bash (Windows): scripts/bootstrap.py sets up .venv and runs
Showday or the tests; ./showday and ./run-tests are thin wrappers around it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__
from tests.harness import REPO_ROOT


def bootstrap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "bootstrap.py"), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def test_run_starts_showday_from_the_checkouts_venv() -> None:
    done = bootstrap("run", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Showday {__version__}"


CHILD_TEST = """
import sys

import pytest


def test_text_files_without_an_encoding_are_reported(tmp_path):
    assert sys.flags.warn_default_encoding == 1
    with pytest.warns(EncodingWarning):
        open(tmp_path / "x.txt", "w").close()
"""


def test_test_lints_then_runs_pytest_with_encoding_warnings(tmp_path: Path) -> None:
    child = tmp_path / "test_child.py"
    child.write_text(CHILD_TEST, encoding="utf-8")
    done = bootstrap("test", "-q", "-p", "no:cacheprovider", "-c", "pyproject.toml", str(child))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 passed" in done.stdout


def test_without_a_command_it_explains_itself() -> None:
    done = bootstrap()
    assert done.returncode == 2
    assert "bootstrap.py run" in done.stderr and "bootstrap.py test" in done.stderr
