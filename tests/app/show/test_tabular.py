"""app.tabular.read_table: encodings, delimiters, line numbers, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.tabular import TableError, read_table

ROWS = '姓名,公司\n张三,阿里云\n\n李四,"腾讯\n云"\n王五,华为\n'


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("utf-16", b"", "utf-16"),
    ],
)
def test_encodings_are_detected(
    tmp_path: Path, encoding: str, prefix: bytes, expected: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(prefix + ROWS.encode(encoding))
    headers, rows, enc = read_table(path)
    assert (headers, enc) == (["姓名", "公司"], expected)
    # Line numbers as an editor shows them: the blank line 3 is skipped, the quoted newline
    # makes 李四's row span lines 4-5.
    assert rows == [(2, ["张三", "阿里云"]), (4, ["李四", "腾讯\n云"]), (6, ["王五", "华为"])]


def test_tab_separated_and_trimmed_headers(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(" Name \t Phone\nAnn\t123\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Name", "Phone"] and table.rows == [(2, ["Ann", "123"])]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "old Excel .xls"),
        ("empty.csv", b"\n\n", "is empty"),
        ("bad.xlsx", b"PK\x03\x04junk", "could not be read as an XLSX"),
    ],
)
def test_refusals_are_clear(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path)
