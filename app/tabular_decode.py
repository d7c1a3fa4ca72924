"""Decoding a CSV file's bytes: the encodings people's spreadsheets arrive in (see decode())."""

from __future__ import annotations

import re

_TRUSTED_GUESSES = {"big5", "cp950", "big5hkscs", "utf_16_le", "utf_16_be", "shift_jis", "cp932"}


class TableError(ValueError):
    """A file that cannot be read as a table; `str(err)` is written for a person. `line` is 0
    when no line is to blame."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-16 with a BOM (Excel's 'Unicode text'); UTF-8 (with or without BOM),
    strictly; then GB18030 (a superset of GBK and GB2312, what Excel and form tools in China
    save); Windows-1252 when the text reads like Western names (a Western Excel export);
    charset-normalizer only as a last opinion, for Big5/UTF-16 without BOM. A file that is
    UTF-8 except for a few bad bytes is reported as such, with the line, instead of being read
    as GB18030 garbage."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode(encoding), encoding
    except UnicodeDecodeError as err:
        utf8_err = err
    if _mostly_utf8(data):
        raise _decode_error(data, utf8_err, "UTF-8")
    try:
        gb_text: str | None = data.decode("gb18030")
    except UnicodeDecodeError as err:
        gb_text, gb_err = None, err
    if gb_text is not None and not _looks_western(gb_text):
        return gb_text, "gb18030"
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    if gb_text is not None:
        return gb_text, "gb18030"
    guess = _charset_guess(data)
    if guess is not None:
        return guess
    raise _decode_error(data, gb_err, "UTF-8 or GBK/GB18030")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise _decode_error(data, err, encoding.upper()) from None


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes decode as UTF-8 with only a few bad spots: far more valid non-ASCII
    characters than broken ones. GBK text read as UTF-8 is almost all broken."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 4 * bad


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_SANDWICHED = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]+(?=[A-Za-z])")


def _looks_western(text: str) -> bool:
    """GB18030 pairs up almost any two high bytes, so a Western Excel export ('Müller' in
    Windows-1252) decodes as 'M黮ler'. Real Chinese seldom sits between two Latin letters;
    misread accents nearly always do."""
    runs = len(_NON_ASCII_RUN.findall(text))
    return runs > 0 and 2 * len(_SANDWICHED.findall(text)) > runs


def _as_western(data: bytes) -> str | None:
    """The text as Windows-1252 if it reads like Western names: every non-ASCII piece is one or
    two letters next to a Latin letter ('José', 'Müller'). GBK read this way gives runs of
    accented capitals ('ÕÅÈý') that fail the test."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for m in _NON_ASCII_RUN.finditer(text):
        piece, start, end = m.group(), m.start(), m.end()
        near = text[start - 1 : start] + text[end : end + 1]
        if (
            len(piece) > 2
            or not piece.isalpha()
            or not any(c.isascii() and c.isalpha() for c in near)
        ):
            return None
    return text


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Only multi-byte encodings a table may really come in: any single-byte code page
    # "decodes" every file, so trusting one would import garbage instead of reporting the line.
    if best is None or best.encoding not in _TRUSTED_GUESSES:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_error(data: bytes, err: UnicodeDecodeError, expected: str) -> TableError:
    line = data[: err.start].count(b"\n") + 1
    bad = data[err.start : err.start + 4].hex(" ")
    return TableError(
        f"line {line}: bytes that are not valid {expected} text ({bad}). Save the file again "
        "as 'CSV UTF-8' (or fix that line) and import it again",
        line,
    )
