#!/usr/bin/env bash
# Build the one-folder app into dist/Showday/ with PyInstaller (build.spec).
# Usage: scripts/build.sh [--out DIR]   (DIR defaults to ./dist; work files go to ./build)
# Needs .venv with the test extras (scripts/venv.sh test), which include PyInstaller.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/dist"
work="$here/build"
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; work="$2/.work"; shift 2 ;;
        *) echo "usage: scripts/build.sh [--out DIR]" >&2; exit 2 ;;
    esac
done
# SHOWDAY_PYTHON: another interpreter with the app's dependencies and PyInstaller (the tests
# pass their own); by default the checkout's .venv.
py="${SHOWDAY_PYTHON:-$here/.venv/bin/python}"
[ -x "$py" ] || { echo "scripts/build.sh: no $py; run scripts/venv.sh test first" >&2; exit 2; }
# The app loads the compiled translations (*.qm); say so if one is older than its .ts (the
# owner of that file recompiles it with pyside6-lrelease; a build does not rewrite sources).
for ts in "$here"/resources/i18n/*.ts; do
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
        echo "scripts/build.sh: warning: $qm is missing or older than its .ts" >&2
    fi
done
cd "$here"
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$work" build.spec
echo "built: $out/Showday/"
