"""Polls in a real event file: one answer per device, results per kind, word clouds segmented
with jieba and filtered, opening with a segment, reset, import/export."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bus import Bus, PollChanged
from app.polls import store
from app.polls.transfer import export_json, export_results, import_json, result_rows
from app.qa.errors import QaError
from app.session import Session
from app.store import EventFile


@pytest.fixture
def ef(tmp_path: Path):
    f = EventFile.create(tmp_path / "e.showday", "Polls")
    yield f
    f.close()


def test_one_answer_per_device(ef: EventFile) -> None:
    bus = Bus()
    seen: list[PollChanged] = []
    bus.subscribe(PollChanged, seen.append)
    p = store.create(ef, bus, "single", "Tea or coffee?", ["Tea", "Coffee"])
    with pytest.raises(QaError) as e:
        store.answer(ef, bus, p.id, "dev-1", option=0)
    assert e.value.code == "not_open"  # a draft takes no answers
    store.set_status(ef, bus, p.id, "open")
    for i in range(20):
        store.answer(ef, bus, p.id, f"dev-{i}", option=i % 2)
    with pytest.raises(QaError) as e:
        store.answer(ef, bus, p.id, "dev-3", option=0)
    assert e.value.code == "already_answered"
    assert store.results(ef, p.id).counts == [10, 10]
    assert seen[-1].answers == 20


def test_multiple_choice_up_to_n_and_rating(ef: EventFile) -> None:
    bus = Bus()
    p = store.create(ef, bus, "multiple", "Which?", ["A", "B", "C"], max_choices=2)
    store.set_status(ef, bus, p.id, "open")
    store.answer(ef, bus, p.id, "d1", options=[0, 2])
    with pytest.raises(QaError, match="at most 2"):
        store.answer(ef, bus, p.id, "d2", options=[0, 1, 2])
    with pytest.raises(QaError):
        store.answer(ef, bus, p.id, "d2", options=[7])
    assert store.results(ef, p.id).counts == [1, 0, 1]
    r = store.create(ef, bus, "rating", "How was it?")
    store.set_status(ef, bus, r.id, "open")
    for dev, stars in (("a", 5), ("b", 4), ("c", 4)):
        store.answer(ef, bus, r.id, dev, option=stars)
    res = store.results(ef, r.id)
    assert res.counts == [0, 0, 0, 2, 1] and res.average == pytest.approx(4.33)
    with pytest.raises(ValueError):
        store.create(ef, bus, "single", "One option only", ["A"])


def test_word_cloud_counts_chinese_words_not_characters(ef: EventFile) -> None:
    bus = Bus()
    p = store.create(ef, bus, "words", "用一个词形容今天")
    store.set_status(ef, bus, p.id, "open")
    store.answer(ef, bus, p.id, "d1", text="数据库")
    store.answer(ef, bus, p.id, "d2", text="我喜欢数据库！")
    store.answer(ef, bus, p.id, "d3", text="Database, DATABASE and fun")
    words = dict(store.results(ef, p.id).words)
    assert words["数据库"] == 2
    assert "数" not in words and "库" not in words
    assert words["database"] == 1  # case folded, counted once per answer
    store.remove_word(ef, bus, p.id, "Database")
    assert "database" not in dict(store.results(ef, p.id).words)


def test_word_filter_applies_to_the_cloud(ef: EventFile) -> None:
    bus = Bus()
    from app.qa import settings as qa_settings

    qa_settings.update(ef, bus=bus, words=["傻逼", "damn"])
    p = store.create(ef, bus, "words", "?")
    store.set_status(ef, bus, p.id, "open")
    store.answer(ef, bus, p.id, "d1", text="damn 数据库")
    assert dict(store.results(ef, p.id).words) == {"数据库": 1}


def test_reset_clears_answers_and_segment_start_opens(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "s.showday", "Show")
    try:
        with s.ef.write() as c:
            c.execute("INSERT INTO segments (position, title, duration_s) VALUES (1, 'A', 60)")
            c.execute("INSERT INTO segments (position, title, duration_s) VALUES (2, 'B', 60)")
        seg_b = s.ef.value("SELECT id FROM segments WHERE title = 'B'")
        p = s.polls.create("single", "Q?", ["x", "y"], segment_id=seg_b)
        s.show.start()
        assert s.polls.get(p.id).status == "draft"
        s.show.next()
        assert s.polls.get(p.id).status == "open"
        store.answer(s.core_ef, s.bus, p.id, "d", option=1)
        assert s.polls.reset(p.id).answers == 0
        assert s.polls.get(p.id).status == "draft"
    finally:
        s.close()


def test_import_export_round_trip(ef: EventFile, tmp_path: Path) -> None:
    bus = Bus()
    store.create(ef, bus, "multiple", "Pick", ["a", "b", "c"], max_choices=2, hide_results=True)
    store.create(ef, bus, "words", "一个词")
    assert export_json(ef, tmp_path / "polls.json") == 2
    other = EventFile.create(tmp_path / "other.showday", "Other")
    try:
        assert import_json(other, bus, tmp_path / "polls.json") == 2
        polls = store.list_polls(other)
        assert [(p.kind, p.max_choices, p.hide_results) for p in polls] == [
            ("multiple", 2, True),
            ("words", 1, False),
        ]
        bad = tmp_path / "bad.json"
        bad.write_text(
            '{"polls": [{"kind": "words", "question": "ok"}, {"kind": "x"}]}', encoding="utf-8"
        )
        with pytest.raises(ValueError, match="Poll 2"):
            import_json(other, bus, bad)
        assert len(store.list_polls(other)) == 2  # nothing of the bad file was added
    finally:
        other.close()


def test_results_export(ef: EventFile, tmp_path: Path) -> None:
    bus = Bus()
    p = store.create(ef, bus, "single", "=cmd|calc", ["Yes", "No"])
    store.set_status(ef, bus, p.id, "open")
    store.answer(ef, bus, p.id, "d", option=1)
    assert result_rows(ef) == [
        ["=cmd|calc", "single", "open", 1, "Yes", 0],
        ["=cmd|calc", "single", "open", 1, "No", 1],
    ]
    export_results(ef, tmp_path / "polls.csv")
    text = (tmp_path / "polls.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd|calc" in text  # through app.export's formula guard
