"""Writing files for people: the one place that exports CSV and XLSX and names files.

    write_table(path, headers, rows, title)   .csv or .xlsx by suffix (ValueError otherwise)
    write_csv(path, headers, rows)            UTF-8 with a BOM, formula-guarded, atomic
    write_workbook(path, [Sheet(...), ...])   XLSX, every text cell stored as text, atomic
    atomic_write(path) / write_bytes(path, data)  temp file + replace, the usual permissions;
                                              FileInUseError when Windows says another program
                                              (Excel) holds the target open
    safe_file_name(text, fallback), UniqueNames()  names from user text, safe on every OS
    formula_guard(value), formula_unguard(text)    the one CSV formula rule (app.export.guard)

Rules, each applied in one place:
- CSV is UTF-8 with a BOM so Excel (also the Chinese edition) opens it without mojibake.
- CSV cells *and headers* that a spreadsheet would run as a formula get a leading apostrophe
  (OWASP's CSV-injection advice); a plain number such as the phone "+86 138 0013 8000" stays as
  it is (see app.export.guard for why that is safe).
- XLSX text is always an inline string: never a formula, never an error value, whatever it
  starts with, so XLSX cells keep their text unchanged (no apostrophe).
- Every file is written beside its target and renamed over it at the end: a failed export
  leaves the earlier file as it was, and no half-written file is ever seen.
"""

from app.export.files import (
    FileInUseError,
    UniqueNames,
    atomic_write,
    safe_file_name,
    write_bytes,
)
from app.export.guard import formula_guard, formula_unguard, guard_row
from app.export.tables import SUFFIXES, check_suffix, write_csv, write_table, write_xlsx
from app.export.xlsx import Sheet, column_widths, write_workbook

__all__ = [
    "SUFFIXES",
    "FileInUseError",
    "Sheet",
    "UniqueNames",
    "atomic_write",
    "check_suffix",
    "column_widths",
    "formula_guard",
    "formula_unguard",
    "guard_row",
    "safe_file_name",
    "write_bytes",
    "write_csv",
    "write_table",
    "write_workbook",
    "write_xlsx",
]
