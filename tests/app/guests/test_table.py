"""Reading guest list files: encodings, dialects, XLSX, and files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.guests.mapping import guess_mapping, header_key
from app.guests.table import ImportFileError, read_table
from tests.app.guests.conftest import sample, write_csv

ZH_ROWS = "姓名,手机,邮箱\n张三,13800138000,zs@example.cn\n李四,13900139000,ls@example.cn\n"


def test_utf8_bom_chinese_sample() -> None:
    table = read_table(sample("guests-zh.csv"))
    assert table.encoding == "utf-8-sig"
    assert table.headers[:3] == ["姓名", "手机", "邮箱"]  # the BOM is not part of the header
    assert len(table.rows) == 60
    assert table.rows[0].line == 2 and table.rows[0].cells[0] == "杜磊秀"


def test_gbk_sample_is_detected_and_decoded() -> None:
    table = read_table(sample("guests-zh-gbk.csv"))
    assert table.encoding == "gb18030"
    assert table.headers == ["姓名", "手机号码", "电子邮箱", "单位名称", "职务", "来源"]
    assert table.rows[0].cells[:2] == ["杜磊秀", "13881836553"]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_encodings_round_trip(tmp_path: Path, encoding: str) -> None:
    table = read_table(write_csv(tmp_path / "g.csv", ZH_ROWS, encoding))
    assert [r.cells[0] for r in table.rows] == ["张三", "李四"]


@pytest.mark.parametrize(("delim", "name"), [(";", "semicolon"), ("\t", "tab"), (",", "comma")])
def test_dialects(tmp_path: Path, delim: str, name: str) -> None:
    text = ZH_ROWS.replace(",", delim)
    table = read_table(write_csv(tmp_path / f"{name}.csv", text))
    assert table.delimiter == delim
    assert table.rows[1].cells == ["李四", "13900139000", "ls@example.cn"]


def test_invalid_bytes_mid_utf8_file_name_the_line(tmp_path: Path) -> None:
    lines = [f"张{i},1380013{i:04d},u{i}@example.cn" for i in range(20)]
    data = ("姓名,手机,邮箱\n" + "\n".join(lines) + "\n").encode("utf-8")
    broken = data.replace("张7,".encode(), b"\xff\xfe\x80,")  # line 9: header is line 1
    path = tmp_path / "broken.csv"
    path.write_bytes(broken)
    with pytest.raises(ImportFileError) as err:
        read_table(path)
    assert err.value.line == 9
    assert "line 9" in str(err.value) and "UTF-8" in str(err.value)


def test_invalid_bytes_in_gbk_file_name_the_line(tmp_path: Path) -> None:
    lines = [f"王{i},1380013{i:04d},u{i}@example.cn" for i in range(10)]
    data = ("姓名,手机,邮箱\n" + "\n".join(lines) + "\n").encode("gbk")
    # 0x80 0x20 is not GB18030; line 6 holds 王4
    path = tmp_path / "broken-gbk.csv"
    path.write_bytes(data.replace("王4,".encode("gbk"), b"\x80 ,"))
    with pytest.raises(ImportFileError) as err:
        read_table(path)
    assert err.value.line == 6, str(err.value)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for content in (b"", b"\n\n  \n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(content)
        with pytest.raises(ImportFileError, match="empty"):
            read_table(path)


def test_blank_lines_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    text = "\n姓名,手机\n\n张三,13800138000\n\n\n李四,13900139000\n\n"
    table = read_table(write_csv(tmp_path / "blank.csv", text))
    assert table.header_line == 2
    assert [(r.line, r.cells[0]) for r in table.rows] == [(4, "张三"), (7, "李四")]


def test_quoted_commas_and_newlines_inside_cells(tmp_path: Path) -> None:
    text = '姓名,公司,备注\n张三,"Acme, Inc.","第一行\n第二行"\n"李 ""小李"" 四",腾讯,\n'
    table = read_table(write_csv(tmp_path / "quoted.csv", text))
    assert table.rows[0].cells == ["张三", "Acme, Inc.", "第一行\n第二行"]
    assert table.rows[1].line == 4  # the row after a two-line cell starts on line 4
    assert table.rows[1].cells[0] == '李 "小李" 四'


def test_xlsx_with_chinese_headers_and_numeric_cells(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", " 手机号 ", "邮箱", "公司", "票号"])
    ws.append(["张三", 13800138000, "zs@example.cn", "阿里云", 818040140841871])
    ws.append([None, None, None, None, None])  # an empty row in the middle
    ws.append(["李四", "139 0013 9000", None])  # trailing cells left out
    path = tmp_path / "guests.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.encoding == "xlsx"
    assert table.headers[1] == "手机号"  # header spaces trimmed
    assert table.rows[0].cells == [
        "张三",
        "13800138000",
        "zs@example.cn",
        "阿里云",
        "818040140841871",
    ]
    assert table.rows[1].line == 4 and table.rows[1].cells == ["李四", "139 0013 9000", "", "", ""]


def test_not_a_workbook_and_old_xls(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04not really a zip")
    with pytest.raises(ImportFileError, match="not a readable XLSX"):
        read_table(fake)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportFileError, match="old Excel"):
        read_table(xls)


def test_header_keys_and_guesses() -> None:
    assert header_key("  Barcode # ") == "barcode#"
    assert header_key("手机号码：") == "手机号码"
    assert header_key("Ｅ－ｍａｉｌ") == "email"  # full-width from a Chinese IME
    headers = ["Prefix", "First Name", "Last Name", "Cell Phone", "Ticket Type", "Barcode #"]
    assert guess_mapping(headers) == {
        "first_name": 1,
        "last_name": 2,
        "phone": 3,
        "ticket_type": 4,
        "ticket_code": 5,
    }
    zh = ["姓名", "手机号", "电子邮箱", "单位", "职务", "来源", "票号", "角色", "备注", "同意"]
    assert set(guess_mapping(zh)) == {
        "name",
        "phone",
        "email",
        "company",
        "title",
        "channel",
        "ticket_code",
        "role",
        "notes",
        "consent",
    }


def test_unclosed_quote_is_reported_not_swallowed(tmp_path: Path) -> None:
    text = '姓名,备注\n张三,"oops\n李四,ok\n王五,fine\n'
    with pytest.raises(ImportFileError) as err:
        read_table(write_csv(tmp_path / "q.csv", text))
    assert err.value.line == 2 and "never closed" in str(err.value)
    fine = '姓名,备注\n张三,"two\nlines"\n'  # a closed multi-line cell at the end is fine
    assert read_table(write_csv(tmp_path / "ok.csv", fine)).rows[0].cells[1] == "two\nlines"


def test_long_form_questions_are_guessed_by_their_words() -> None:
    headers = [
        "提交时间",
        "您的姓名",
        "您的手机号码（用于接收通知）",
        "是否同意接收活动信息",
        "Work Email",
    ]
    assert guess_mapping(headers) == {"name": 1, "phone": 2, "consent": 3, "email": 4}


def test_western_excel_export_is_not_read_as_chinese(tmp_path: Path) -> None:
    text = "Name,Email\nDavid Müller,d@x.io\nKate Müller,k@x.io\nLeo Müller,l@x.io\n"
    table = read_table(write_csv(tmp_path / "w.csv", text, "cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows[0].cells[0] == "David Müller"
    mixed = "姓名,公司\nKate王,Acme科技\n张三,阿里云\n"  # Chinese next to Latin stays GBK
    assert read_table(write_csv(tmp_path / "m.csv", mixed, "gbk")).rows[0].cells == [
        "Kate王",
        "Acme科技",
    ]


def test_western_export_that_gbk_cannot_decode(tmp_path: Path) -> None:
    text = "Name,Email\nRenée Dupont,r@x.io\nJosé,j@x.io\n"  # 'é,' is not GB18030 at all
    table = read_table(write_csv(tmp_path / "w2.csv", text, "cp1252"))
    assert (table.encoding, table.rows[1].cells[0]) == ("cp1252", "José")
