#!/usr/bin/env bash
# Make .venv hold exactly what pyproject.toml asks for; reinstall only when it changed.
# Usage: bash scripts/venv.sh [extra]   (extra: "test" for the test dependencies)
# The work is done by scripts/bootstrap.py (the same on Windows, without bash).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "${PYTHON:-python3}" "$here/scripts/bootstrap.py" venv "${1:-}"
