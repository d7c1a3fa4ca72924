"""The report's CSVs open in LibreOffice (headless convert) with Chinese intact."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from app.report.exports import export_all
from tests.harness import require

from .scripted import run_show


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_csv_converts_in_libreoffice_with_chinese_intact(tmp_path: Path) -> None:
    exe = soffice()
    require(exe is not None, "LibreOffice (soffice) is not installed")
    assert exe is not None
    ef, facts = run_show(tmp_path / "demo.showday")
    try:
        paths = export_all(ef, tmp_path / "out")
    finally:
        ef.close()
    out = tmp_path / "lo"
    # 44 = comma, 34 = double quote, 76 = UTF-8: the choices LibreOffice's CSV dialog offers.
    subprocess.run(
        [
            exe,
            "--headless",
            "--infilter=CSV:44,34,76",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(paths["followup"]),
            str(paths["attendance"]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path / "home")},  # its own profile, no lock clashes
    )
    wb = load_workbook(out / "report_followup.xlsx", read_only=True)
    rows = [tuple(r) for r in wb.active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    wb.close()
    assert rows[0][0] == "讲者 Speaker"  # the BOM is not glued to the first header
    assert (facts.unanswered_speaker, facts.unanswered_text) in {(r[0], r[2]) for r in rows}
    wb = load_workbook(out / "report_attendance.xlsx", read_only=True)
    rows = [tuple(r) for r in wb.active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    wb.close()
    assert rows[-1][:3] == ("合计 Total", 200, 119)
    assert {"公众号", "社群", "视频号"} <= {r[0] for r in rows}
