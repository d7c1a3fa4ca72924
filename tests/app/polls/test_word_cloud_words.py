"""Word-cloud segmentation as the audience sees it on the screen: a Chinese answer keeps its
words whole (云原生, not 原生 with the 云 lost), stop-words are dropped, nothing is cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bus import Bus
from app.polls import store
from app.polls.words import split_words
from app.store import EventFile


@pytest.fixture
def ef(tmp_path: Path):
    f = EventFile.create(tmp_path / "e.showday", "Cloud")
    yield f
    f.close()


def test_cloud_keeps_chinese_terms_whole(ef: EventFile) -> None:
    bus = Bus()
    p = store.create(ef, bus, "words", "今天最想听的话题？")
    store.set_status(ef, bus, p.id, "open")
    for dev, text in (
        ("d1", "云原生"),
        ("d2", "我们用云原生和数据库"),
        ("d3", "大模型、微服务架构"),
        ("d4", "区块链吗？"),
    ):
        store.answer(ef, bus, p.id, dev, text=text)
    words = dict(store.results(ef, p.id).words)
    assert words["云原生"] == 2 and words["数据库"] == 1
    assert {"大模型", "微服务", "架构", "区块链"} <= set(words)
    # No fragment of a term and no particle reaches the cloud.
    for fragment in ("云", "原生", "用云", "模型", "链", "我们", "和", "吗"):
        assert fragment not in words, fragment


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("数据库", ["数据库"]),
        ("吃饭了吗", ["吃饭"]),
        ("人工智能的未来", ["人工智能", "未来"]),
        ("我喜欢猫", ["喜欢", "猫"]),  # a lone meaningful character stays a word
        ("云计算很好", ["云计算", "好"]),
        ("低代码", ["低代码"]),
        ("用 云 原生", ["云", "原生"]),  # the answerer's own spaces are respected
        ("Cloud Native, cloud", ["cloud", "native"]),
    ],
)
def test_no_character_of_an_answer_is_lost(answer: str, expected: list[str]) -> None:
    assert split_words(answer) == expected
