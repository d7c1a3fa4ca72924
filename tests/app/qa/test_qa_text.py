"""Hostile and unusual question text: refused with a clear code, or stored so that it cannot
flip, hide or smuggle text on stream, while the submission itself is kept unchanged."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import qa
from app.bus import Bus
from app.qa.ratelimit import SubmitLimits
from app.qa.text import BIDI, INVISIBLE, MAX_MARKS, clean, perceived_len
from app.store import EventFile

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "\"'><svg/onload=alert(1)>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    '=HYPERLINK("http://evil", "click")',
    "'; DROP TABLE questions; --",
]


def ask(ef: EventFile, text: str, **kw: object) -> qa.Question:
    kw.setdefault("device_id", "phone-1")
    kw.setdefault("address", "10.0.0.1")
    kw.setdefault("limits", SubmitLimits(10**6, 10**6))
    return qa.submit(ef, Bus(), text, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_is_stored_as_plain_data_and_comes_back_unchanged(
    event_path: Path, text: str
) -> None:
    ef = EventFile.open(event_path)
    q = ask(ef, text)
    ef.close()
    # Read back through a fresh connection to the real file: byte for byte the same text.
    ef2 = EventFile.open(event_path)
    stored = qa.get(ef2, q.id)
    assert stored is not None
    assert stored.text == text
    assert stored.original_text == text
    ef2.close()


@pytest.mark.parametrize("name", ["<b>Boss</b>", "<img src=x onerror=alert(1)>"])
def test_markup_in_the_name_is_kept_as_data(ef: EventFile, name: str) -> None:
    assert ask(ef, "Hi", name=name).name == name


def test_bidi_overrides_and_isolates_are_removed_from_the_shown_text(ef: EventFile) -> None:
    # "evil" written backwards behind a right-to-left override would read "live" on stream.
    raw = "Good \u202elive\u202c talk \u2066x\u2069 \u202ay\u202c\u202bz\u202c\u202d!\u202c"
    q = ask(ef, raw)
    assert q.text == "Good live talk x yz!"
    assert not set(q.text) & BIDI
    assert q.original_text == raw  # nothing lost


def test_zero_width_characters_cannot_hide_text(ef: EventFile) -> None:
    raw = "pass\u200bword \u200cis\u2060 \ufeffhidden\u00ad here\U000e0041\U000e0042"
    q = ask(ef, raw)
    assert q.text == "password is hidden here"
    assert not set(q.text) & INVISIBLE
    assert q.original_text == raw


def test_emoji_sequences_survive_and_count_as_one(ef: EventFile) -> None:
    raw = (
        f"{FAMILY} 👩🏽\u200d💻 🇨🇳 1️⃣ 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    )
    q = ask(ef, raw)
    assert q.text == raw  # joiners between emoji and flag tags are kept
    assert perceived_len(q.text) == 9  # five pictures and four spaces


def test_a_joiner_outside_an_emoji_is_removed() -> None:
    assert clean("a\u200db") == "ab"
    assert clean("👍\u200d") == "👍"


def test_three_hundred_emoji_are_accepted_and_one_more_is_refused(ef: EventFile) -> None:
    ok = ask(ef, FAMILY * 300)
    assert perceived_len(ok.text) == 300
    with pytest.raises(qa.QaError) as err:
        ask(ef, FAMILY * 301)
    assert err.value.code == "too_long"
    assert err.value.details["limit"] == 300


def test_ten_thousand_characters_are_refused_and_nothing_is_stored(ef: EventFile) -> None:
    with pytest.raises(qa.QaError) as err:
        ask(ef, "a" * 10_000)
    assert err.value.code == "too_long"
    assert "300" in str(err.value)
    assert qa.counts(ef)["new"] == 0


def test_exactly_three_hundred_characters_of_chinese_fit(ef: EventFile) -> None:
    assert perceived_len(ask(ef, "问" * 300).text) == 300
    with pytest.raises(qa.QaError):
        ask(ef, "问" * 301)


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n\t", "\u200b\u200b", "\u202e\u202c", "\u3000\u2800", "\x00\x07"]
)
def test_text_with_nothing_visible_is_refused_as_empty(ef: EventFile, text: str) -> None:
    with pytest.raises(qa.QaError) as err:
        ask(ef, text)
    assert err.value.code == "empty"
    assert qa.counts(ef)["new"] == 0


def test_control_characters_go_but_line_breaks_stay(ef: EventFile) -> None:
    q = ask(ef, "line one\r\nline\x00 two\x1b[31m\x07\n\n\n\n\nline three\u2028four\tfive")
    assert q.text == "line one\nline two[31m\n\nline three\nfour five"


def test_stacked_combining_marks_are_cut() -> None:
    zalgo = "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308" * 20 + "algo"
    shown = unicodedata.normalize("NFD", clean(zalgo))  # NFC folds the first mark into Ź
    assert shown.startswith("Z")
    assert shown.endswith("algo")
    marks = [ch for ch in shown if unicodedata.category(ch) == "Mn"]
    assert len(marks) == MAX_MARKS


def test_text_is_nfc_normalised(ef: EventFile) -> None:
    q = ask(ef, "Cafe\u0301?")
    assert q.text == "Café?"
    assert len(q.text) == 5


def test_lone_surrogates_are_stored_as_replacement_characters(ef: EventFile) -> None:
    q = ask(ef, "bad \ud800 half")
    assert q.text == "bad \ufffd half"
    assert q.original_text == "bad \ufffd half"


def test_name_is_one_line_and_at_most_40_characters(ef: EventFile) -> None:
    q = ask(ef, "Hi", name="  Li\nLei\u202e  ")
    assert q.name == "Li Lei"
    assert ask(ef, "Hi", name="王" * 40).name == "王" * 40
    with pytest.raises(qa.QaError) as err:
        ask(ef, "Hi", name="王" * 41)
    assert err.value.code == "name_too_long"


def test_contact_is_kept_only_with_consent(ef: EventFile) -> None:
    without = ask(ef, "Q1", contact="li@example.com", consent=False)
    assert without.contact == "" and not without.consent
    kept = ask(ef, "Q2", contact=" li@example.com ", consent=True)
    assert kept.contact == "li@example.com" and kept.consent
    with pytest.raises(qa.QaError) as err:
        ask(ef, "Q3", contact="x" * 101, consent=True)
    assert err.value.code == "contact_too_long"


def test_every_error_has_a_code_and_a_sentence(ef: EventFile) -> None:
    with pytest.raises(qa.QaError) as err:
        ask(ef, " ")
    d = err.value.to_dict()
    assert d["error"] == "empty" and d["message"].endswith(".")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_cleaning_is_idempotent_and_leaves_no_flipping_or_hidden_characters(raw: str) -> None:
    shown = clean(raw)
    assert clean(shown) == shown
    assert not set(shown) & BIDI
    assert not set(shown) & INVISIBLE
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in shown)
    assert unicodedata.is_normalized("NFC", shown)


def test_a_two_thousand_emoji_zwj_chain_is_one_cluster_but_too_long_to_store(
    ef: EventFile,
) -> None:
    chain = "\u200d".join(["👩"] * 2000)
    assert perceived_len(chain) == 1  # one grapheme cluster, as Unicode defines it
    with pytest.raises(qa.QaError) as err:
        ask(ef, chain)
    assert err.value.code == "too_long"
    with pytest.raises(qa.QaError) as err:
        ask(ef, "ok?", name="\u200d".join(["👩"] * 200))
    assert err.value.code == "name_too_long"
    assert qa.counts(ef)["new"] == 0
