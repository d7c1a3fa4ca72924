#!/usr/bin/env bash
# Make .venv hold exactly what pyproject.toml asks for; reinstall only when it changed.
# Usage: source scripts/venv.sh [extra]   (extra: "test" for the test dependencies)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extra="${1:-}"
py="${PYTHON:-python3}"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
stamp="$venv/.installed-$extra"
want="$(sha256sum "$here/pyproject.toml" | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    spec="$here"
    [ -n "$extra" ] && spec="$here[$extra]"
    # pip's chatter goes to a log; shown only when the install fails.
    if ! "$venv/bin/python" -m pip install -q -e "$spec" >"$venv/pip.log" 2>&1; then
        cat "$venv/pip.log" >&2
        exit 1
    fi
    echo "$want" > "$stamp"
fi
