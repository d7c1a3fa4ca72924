#!/usr/bin/env bash
# Screenshots of the desktop app for people to look at: every view and the welcome screen, in
# Chinese and English, under Xvfb. Writes screenshots/*.png (gitignored).
#   bash scripts/screenshots.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="$here/screenshots"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SHOWDAY_DATA_DIR="$tmp/data" QT_QPA_PLATFORM=xcb
shot() {  # shot NAME ARGS...
    local name="$1"
    shift
    # Fresh settings per shot: no last event, no remembered view.
    XDG_CONFIG_HOME="$tmp/config-$name" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$here/.venv/bin/python" -m app "$@" \
        --screenshot "$out/$name.png"
    echo "$out/$name.png"
}
for lang in zh en; do
    flag=$([ "$lang" = zh ] && echo zh_CN || echo en)
    shot "welcome-$lang" --lang "$flag"
    shot "main-$lang" --demo --lang "$flag"
    for view in operator door moderator setup report; do
        SHOWDAY_VIEW=$view shot "$view-$lang" --demo --lang "$flag"
    done
done
