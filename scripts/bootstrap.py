"""Set up .venv and run Showday or its tests, on any system, without bash:

    python scripts/bootstrap.py run [ARGS]     start Showday (`./showday` on Linux/macOS)
    python scripts/bootstrap.py test [ARGS]    the whole test suite (`./run-tests`)
    python scripts/bootstrap.py venv [test]    only make .venv hold what pyproject.toml asks for

On Windows: `py -3.11 scripts\\bootstrap.py run --demo` and `py -3.11 scripts\\bootstrap.py test`.
The bash scripts (./showday, ./run-tests, scripts/venv.sh) call this file, so there is one way
to set up .venv: it is made with the Python that runs this script (or $PYTHON), and reinstalled
only when pyproject.toml changed (a stamp holds its hash). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_tool(name: str) -> Path:
    return (
        VENV
        / ("Scripts" if os.name == "nt" else "bin")
        / (name + (".exe" if os.name == "nt" else ""))
    )


def ensure_venv(extra: str = "") -> Path:
    """Make .venv (once) and install the app (with `extra`) when pyproject.toml changed."""
    py = venv_python()
    if not py.exists():
        base = os.environ.get("PYTHON")
        if base:  # another interpreter asked for: let it make the venv
            subprocess.run([base, "-m", "venv", str(VENV)], check=True)
        else:
            venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra}"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    if not stamp.exists() or stamp.read_text(encoding="utf-8").strip() != want:
        spec = f"{ROOT}[{extra}]" if extra else str(ROOT)
        log = VENV / "pip.log"
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [str(py), "-m", "pip", "install", "-q", "-e", spec], stdout=out, stderr=out
            )
        if done.returncode != 0:  # pip's chatter is shown only when the install fails
            sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
            raise SystemExit(1)
        stamp.write_text(want + "\n", encoding="utf-8")
    return py


def run(args: list[str]) -> int:
    py = ensure_venv()
    return subprocess.run([str(py), "-m", "app", *args], cwd=ROOT).returncode


def test(args: list[str]) -> int:
    py = ensure_venv("test")
    ruff = str(venv_tool("ruff"))
    areas = ["app", "ui", "tests", "bench"]
    for check in ([ruff, "check", *areas], [ruff, "format", "--check", *areas]):
        if (rc := subprocess.run(check, cwd=ROOT).returncode) != 0:
            return rc
    # Python warns about text files opened without an encoding; pyproject.toml makes that an
    # error in Showday's own code (the default would be GBK on a Chinese Windows PC).
    env = {**os.environ, "PYTHONWARNDEFAULTENCODING": "1"}
    return subprocess.run([str(py), "-m", "pytest", *args], cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        sys.stderr.write(f"Showday needs Python {'.'.join(map(str, MIN_PYTHON))} or newer.\n")
        return 2
    if not argv or argv[0] not in ("run", "test", "venv"):
        sys.stderr.write(__doc__ or "")
        return 2
    command, rest = argv[0], argv[1:]
    if command == "venv":
        ensure_venv(rest[0] if rest else "")
        return 0
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
