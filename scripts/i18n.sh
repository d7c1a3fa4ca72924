#!/usr/bin/env bash
# Regenerate the translations (.ts from the ui/ sources, then the .qm the app loads):
#   bash scripts/i18n.sh [DOMAIN ...]     e.g. `bash scripts/i18n.sh showday`; default: all
# Domains and their sources: see scripts/i18n.py. Translate new entries with
# .venv/bin/pyside6-linguist resources/i18n/<domain>_zh_CN.ts, then run this again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$here/.venv/bin/python" "$here/scripts/i18n.py" "$@"
