#!/usr/bin/env bash
# Regenerate the translations: scan ui/ for tr()/translate() strings into the .ts file (keeping
# the translations already made), then compile the .qm the app loads.
#   bash scripts/i18n.sh            update .ts and .qm
# Translate new entries in resources/i18n/showday_zh_CN.ts (Qt Linguist: .venv/bin/pyside6-linguist),
# then run this again. tests/ui/test_i18n.py fails while any entry is unfinished or the .qm is stale.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bin="$here/.venv/bin"
mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
for lang in zh_CN; do
    ts="resources/i18n/showday_${lang}.ts"
    # Strings that left the code stay in the file as "vanished" (translations are never lost
    # while someone is mid-edit); Linguist offers them again if the string comes back.
    "$bin/pyside6-lupdate" -silent -locations none -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    "$bin/pyside6-lrelease" -silent "$ts" -qm "resources/i18n/showday_${lang}.qm"
done
