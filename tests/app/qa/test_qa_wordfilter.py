"""The word filter holds questions for review and says which characters to highlight."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app import qa
from app.paths import resources_dir
from app.qa.ratelimit import SubmitLimits
from app.qa.wordfilter import WordFilter, default_words, parse_list
from app.store import EventFile

from .conftest import RecordingBus


def highlighted(text: str, matches: tuple[qa.Match, ...] | list[qa.Match]) -> list[str]:
    return [text[m.start : m.end] for m in matches]


def test_the_default_lists_ship_chinese_and_english_words() -> None:
    folder = resources_dir() / "wordfilter"
    assert (folder / "zh.txt").exists() and (folder / "en.txt").exists()
    words = default_words()
    assert "傻逼" in words and "fuck*" in words
    assert not any(w.startswith("#") for w in words)


def test_a_chinese_hit_is_held_even_with_pre_moderation_off_and_highlighted(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    qa.update_settings(ef, premoderation=False)
    q = qa.submit(
        ef, bus, "讲得真好，这个傻逼问题我也想问", device_id="p", address="a", limits=roomy
    )
    assert q.status == "new" and q.held
    assert highlighted(q.text, q.matches) == ["傻逼"]
    assert qa.public_list(ef, "votes", "x") == []
    held = qa.queue(ef, "new", held=True)
    assert [h.id for h in held] == [q.id]
    assert highlighted(held[0].text, held[0].matches) == ["傻逼"]
    assert qa.counts(ef)["held"] == 1
    # The moderator reads it and lets it through.
    assert qa.approve(ef, bus, q.id).held is False


def test_english_matching_ignores_case_and_full_width_forms(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    text = "What the FUCKING hell, ＳＨＩＴ, this is Bullshit"
    q = qa.submit(ef, bus, text, device_id="p", address="a", limits=roomy)
    assert q.held
    assert highlighted(q.text, q.matches) == ["FUCKING", "ＳＨＩＴ", "Bullshit"]


def test_full_width_latin_in_a_chinese_entry_matches_half_width_text() -> None:
    wf = WordFilter(["傻Ｂ"])
    assert highlighted("你个傻b", wf.matches("你个傻b")) == ["傻b"]


def test_english_entries_match_whole_words_only() -> None:
    wf = WordFilter(["ass", "dick", "porn*"])
    text = "A class on Dickens and pornography, assess that, kick ass"
    assert highlighted(text, wf.matches(text)) == ["pornography", "ass"]


def test_zero_width_characters_cannot_smuggle_a_word_past_the_filter(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    q = qa.submit(ef, bus, "你是傻\u200b逼吗 f\u200cuck", device_id="p", address="a", limits=roomy)
    assert q.held
    assert highlighted(q.text, q.matches) == ["傻逼", "fuck"]


def test_the_name_is_checked_too(ef: EventFile, bus: RecordingBus, roomy: SubmitLimits) -> None:
    q = qa.submit(ef, bus, "Nice talk", name="Shit Head", device_id="p", address="a", limits=roomy)
    assert q.held
    assert [(m.field, q.name[m.start : m.end]) for m in q.matches] == [("name", "Shit")]


def test_an_event_can_edit_its_list_and_go_back_to_the_defaults(
    ef: EventFile, bus: RecordingBus, roomy: SubmitLimits
) -> None:
    qa.update_settings(ef, words=["competitor", "竞品"])
    assert qa.load_settings(ef).words == ("competitor", "竞品")
    a = qa.submit(ef, bus, "你们和竞品比怎么样", device_id="p", address="a", limits=roomy)
    b = qa.submit(ef, bus, "傻逼", device_id="p", address="a", limits=roomy)
    assert a.held and not b.held
    qa.update_settings(ef, words=None)
    assert qa.load_settings(ef).words is None
    assert qa.submit(ef, bus, "傻逼", device_id="p", address="a", limits=roomy).held
    qa.update_settings(ef, words=[])  # an empty list turns the filter off
    assert not qa.submit(ef, bus, "傻逼", device_id="p", address="a", limits=roomy).held


def test_list_files_skip_comments_blanks_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("# 注释\n\n 坏词 \n坏词\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\ufeffBad\nbad\nC#\n*\n", encoding="utf-8")
    assert default_words(tmp_path) == ["坏词", "Bad", "C#"]
    assert parse_list("a\n# b\nA\n") == ["a"]


def test_spans_point_into_the_original_text_when_folding_changes_lengths() -> None:
    # "ﬁ" folds to two letters; the span must still cover the right characters of the text.
    wf = WordFilter(["fish"])
    text = "ﬁsh and ﬁsh"
    assert highlighted(text, wf.matches(text)) == ["ﬁsh", "ﬁsh"]


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=40),
    after=st.text(max_size=40),
    word=st.sampled_from(["傻逼", "ＦＵＣＫ", "Shit", "bullshit", "滚蛋"]),
)
def test_a_listed_word_is_found_wherever_it_sits(before: str, after: str, word: str) -> None:
    wf = WordFilter(default_words())
    text = f"{before} {word} {after}"
    found = wf.matches(text)
    assert word in highlighted(text, found)
    # Spans lie inside the text, in order, without overlapping.
    ends = [0] + [m.end for m in found]
    assert all(
        m.start >= prev_end and m.end > m.start
        for m, prev_end in zip(found, ends[:-1], strict=True)
    )
    assert all(m.end <= len(text) for m in found)


def test_the_list_round_trips_through_an_editing_box(ef: EventFile) -> None:
    text = qa.words_text(ef)
    assert "傻逼" in text.splitlines() and "fuck*" in text.splitlines()
    qa.set_words_text(ef, "# ours\n竞品\n\nCompetitor\n竞品\n")
    assert qa.words_text(ef) == "竞品\nCompetitor"
