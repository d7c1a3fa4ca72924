"""Regenerate the translation files: `python scripts/i18n.py [DOMAIN ...]` (default: all).

Each domain is one .ts file in resources/i18n (see ui.i18n.translation_domains): `showday` for
the shell and everything under ui/ without its own file, `<pkg>` for ui/<pkg>/ when
resources/i18n/<pkg>_zh_CN.ts exists. lupdate keeps the translations already made and adds new
strings as unfinished; lrelease then compiles the .qm the app loads. Translate with
.venv/bin/pyside6-linguist, then run this again. tests/ui/test_i18n.py checks the result.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.i18n import translation_domains  # noqa: E402

BIN = Path(sys.executable).parent
LANGS = ["zh_CN"]


def main(wanted: list[str]) -> int:
    for lang in LANGS:
        domains = translation_domains(ROOT, lang)
        unknown = set(wanted) - set(domains)
        if unknown:
            print(f"unknown domain(s) {sorted(unknown)}; known: {sorted(domains)}", file=sys.stderr)
            return 2
        for domain, sources in domains.items():
            if wanted and domain not in wanted:
                continue
            ts = ROOT / "resources" / "i18n" / f"{domain}_{lang}.ts"
            lupdate = [BIN / "pyside6-lupdate", "-silent", "-no-obsolete", "-locations", "none"]
            subprocess.run(
                [*lupdate, "-target-language", lang, *sources, "-ts", ts], cwd=ROOT, check=True
            )
            qm = ts.with_suffix(".qm")
            subprocess.run([BIN / "pyside6-lrelease", "-silent", ts, "-qm", qm], check=True)
            print(f"{ts.relative_to(ROOT)}: {len(sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
