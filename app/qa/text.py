"""Cleaning and measuring audience text before it can reach a screen or the stream.

Policy (neutralise by removal; the untouched submission is kept in `questions.original_text`):

- Line breaks: CR LF, CR, U+2028 and U+2029 become LF; tabs become spaces. Other control
  characters (Cc) are removed. Runs of blank lines collapse to one, trailing spaces go.
- Bidi controls that can reorder text on stream are removed: embeddings and overrides
  U+202A-U+202E, isolates U+2066-U+2069, and the marks U+200E, U+200F, U+061C.
- Invisible characters that can hide or smuggle text are removed: zero-width space and
  non-joiner, word joiner and invisible operators (U+2060-U+2064), BOM, soft hyphen, U+180E,
  U+034F, deprecated format characters U+206A-U+206F, interlinear annotation U+FFF9-U+FFFB,
  Hangul fillers, and Unicode tag characters (U+E0000-U+E007F, "ASCII smuggling") except inside
  an emoji tag sequence (the flags of England, Scotland, Wales).
- Zero-width joiner U+200D is kept only between two emoji (👩‍💻, 👨‍👩‍👧), where it forms one
  picture; anywhere else it is removed.
- Lone surrogates (cannot be stored as UTF-8) become U+FFFD.
- Stacks of combining marks ("Zalgo" text that paints over the lines above and below) are cut to
  MAX_MARKS marks per character.
- Then NFC. Length is counted in user-perceived characters (Unicode extended grapheme
  clusters: a family emoji, a flag or a letter with its accents count as one), and the stored
  length is capped too (STORED_PER_CHAR code points a character on average), so one endless
  ZWJ chain cannot pass as one character.

Angle brackets and other markup are *not* touched here: they are data, and every page escapes.
"""

from __future__ import annotations

import re
import unicodedata
import warnings

# regex asks locale.getpreferredencoding() as it compiles patterns (its own, at import, and ours);
# under -X warn_default_encoding (our test runs) that EncodingWarning is the library's, and it
# would lead every CLI command's stderr.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import regex

    _CLUSTER = regex.compile(r"\X")

from app.qa.errors import CONTACT_TOO_LONG, EMPTY, NAME_TOO_LONG, TOO_LONG, QaError

MAX_TEXT = 300  # user-perceived characters
MAX_NAME = 40
MAX_CONTACT = 100
# Refuse absurd input before doing any work on it; also bounds what `original_text` can hold.
MAX_RAW = 4000  # code points as submitted
MAX_MARKS = 4  # combining marks kept on one base character
# Stored length cap: code points per visible character allowed on average (a family emoji with
# skin tones is up to 11, a family of four 7; Chinese and Latin text is 1).
STORED_PER_CHAR = 8

ZWJ = "\u200d"
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
INVISIBLE = frozenset(
    "\u200b\u200c\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufff9\ufffa\ufffb"
    "\u115f\u1160\u3164\uffa0"
)
# Shown as blank although they are not whitespace: text made only of these is empty.
BLANK_LOOKING = frozenset("\u2800\u3000")
_TAG_FIRST, _TAG_LAST = 0xE0000, 0xE007F
_BLACK_FLAG = "\U0001f3f4"
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u3000]+\n")
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(raw: str) -> str:
    """`raw` as it can be stored: lone surrogates replaced by U+FFFD, nothing else changed."""
    return _SURROGATE.sub("\ufffd", raw)


def _is_pictographic(ch: str) -> bool:
    """Close enough to Unicode's Extended_Pictographic for deciding where a ZWJ may stay."""
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2300 <= cp <= 0x23FF
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D)
    )


def _is_emoji_modifier(ch: str) -> bool:
    cp = ord(ch)
    return cp in (0xFE0F, 0xFE0E, 0x20E3) or 0x1F3FB <= cp <= 0x1F3FF


def _is_tag(ch: str) -> bool:
    return _TAG_FIRST <= ord(ch) <= _TAG_LAST


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def clean(raw: str, *, multiline: bool = True) -> str:
    """The text as it may be shown: see the module docstring. Idempotent."""
    s = storable(raw)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = s.replace("\t", " ")
    if not multiline:
        s = s.replace("\n", " ")
    out: list[str] = []
    in_tag_sequence = False
    marks = 0
    for i, ch in enumerate(s):
        if ch in BIDI or ch in INVISIBLE:
            continue
        if ch != "\n" and unicodedata.category(ch) == "Cc":
            continue
        if _is_tag(ch):
            # Tags are only kept right after a black flag (subdivision flags), never elsewhere.
            if in_tag_sequence or (out and out[-1] == _BLACK_FLAG):
                in_tag_sequence = ch != "\U000e007f"  # CANCEL TAG ends the sequence
                out.append(ch)
            continue
        in_tag_sequence = False
        if ch == ZWJ:
            prev = _last_base(out)
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if prev and nxt and _is_pictographic(prev) and _is_pictographic(nxt):
                out.append(ch)
            continue
        if _is_mark(ch):
            marks += 1
            if marks > MAX_MARKS:
                continue
        else:
            marks = 0
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out))
    if multiline:
        s = _TRAILING_SPACE.sub("\n", s)
        s = _BLANK_LINES.sub("\n\n", s)
    return s.strip()


def _last_base(out: list[str]) -> str:
    """The last character before any emoji modifiers, e.g. 👩 in 👩🏽 (for the ZWJ rule)."""
    for ch in reversed(out):
        if not _is_emoji_modifier(ch):
            return ch
    return ""


def perceived_len(s: str) -> int:
    """How many characters a person sees: extended grapheme clusters (Unicode UAX #29, the
    `regex` module's \\X): a letter with its accents, a flag, a family emoji count as one."""
    return len(_CLUSTER.findall(s))


def too_long(text: str, limit: int) -> int | None:
    """The visible length if `text` is over `limit` characters, or its stored length is over
    STORED_PER_CHAR code points a character (a 2,000-emoji ZWJ chain is one grapheme cluster
    but thousands of code points); None if it fits."""
    n = perceived_len(text)
    if n > limit or len(text) > STORED_PER_CHAR * limit:
        return max(n, limit + 1)
    return None


def is_blank(s: str) -> bool:
    return all(ch.isspace() or ch in BLANK_LOOKING for ch in s)


def _check_raw(raw: str, limit: int, code: str, what: str) -> None:
    if len(raw) > MAX_RAW:
        raise QaError(code, f"{what} is far too long (at most {limit} characters).", limit=limit)


def question_text(raw: str) -> str:
    """Cleaned question text, or QaError(empty | too_long)."""
    if not isinstance(raw, str):
        raise QaError(EMPTY, "Please type a question.")
    _check_raw(raw, MAX_TEXT, TOO_LONG, "The question")
    text = clean(raw)
    if is_blank(text):
        raise QaError(EMPTY, "Please type a question.")
    n = too_long(text, MAX_TEXT)
    if n is not None:
        raise QaError(
            TOO_LONG,
            f"The question is {n} characters long; please keep it to {MAX_TEXT}.",
            limit=MAX_TEXT,
            length=n,
        )
    return text


def asker_name(raw: str | None) -> str:
    """Cleaned one-line name ('' for anonymous), or QaError(name_too_long)."""
    if not raw or not isinstance(raw, str):
        return ""
    _check_raw(raw, MAX_NAME, NAME_TOO_LONG, "The name")
    name = clean(raw, multiline=False)
    if is_blank(name):
        return ""
    if too_long(name, MAX_NAME) is not None:
        raise QaError(
            NAME_TOO_LONG, f"Please keep the name to {MAX_NAME} characters.", limit=MAX_NAME
        )
    return name


def contact_info(raw: str | None) -> str:
    """Cleaned one-line contact ('' if none), or QaError(contact_too_long)."""
    if not raw or not isinstance(raw, str):
        return ""
    _check_raw(raw, MAX_CONTACT, CONTACT_TOO_LONG, "The contact")
    contact = clean(raw, multiline=False)
    if too_long(contact, MAX_CONTACT) is not None:
        raise QaError(
            CONTACT_TOO_LONG,
            f"Please keep the contact to {MAX_CONTACT} characters.",
            limit=MAX_CONTACT,
        )
    return "" if is_blank(contact) else contact
