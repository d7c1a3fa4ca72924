"""Every file dialog starts in an absolute folder (ui.event_files.start_path: Documents): an app
started from Finder or Explorer has "/" or its own folder as the working directory, where a
dialog given "" or a bare "attendance.xlsx" would start (and a hurried Save would land)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = {"getSaveFileName", "getOpenFileName", "getExistingDirectory", "getOpenFileNames"}


def test_no_file_dialog_starts_in_the_working_directory() -> None:
    bad = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in DIALOGS:
                continue
            start = node.args[2] if len(node.args) > 2 else None
            start = next((k.value for k in node.keywords if k.arg == "dir"), start)
            if start is None or isinstance(start, ast.Constant):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []
