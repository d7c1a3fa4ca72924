"""The codes the app stores, as the desktop report and the PDF name them: the Qt texts are the
exports' English, and their zh translations the exports' Chinese (one wording everywhere)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from app.report import codes as core
from ui.i18n import Translators
from ui.report import codes


@pytest.fixture
def zh(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translators = Translators()
    translators.switch("zh_CN")
    yield
    translators.switch("en")


@pytest.mark.parametrize(
    ("qt", "labels"),
    [(codes.CHANNELS, core.CHANNELS), (codes.INCIDENT_KINDS, core.INCIDENT_KINDS)],
    ids=["channels", "incidents"],
)
def test_qt_labels_match_the_exports_in_both_languages(qt, labels, zh) -> None:  # type: ignore[no-untyped-def]
    assert set(qt) == set(labels)
    for code, (zh_text, en_text) in labels.items():
        assert qt[code] == en_text, code
        assert QCoreApplication.translate(codes.CONTEXT, qt[code]) == zh_text, code


def test_labels_in_zh_and_en(qapp) -> None:  # type: ignore[no-untyped-def]
    assert codes.channel_label("walk-in") == "Walk-in"
    assert codes.incident_label("restore") == "OBS restored"
    translators = Translators()
    translators.switch("zh_CN")
    try:
        assert codes.channel_label("walk-in") == "现场登记"
        assert codes.channel_label("") == "（无渠道）"
        assert codes.channel_label("Walk-in Partners") == "Walk-in Partners"  # guest data
        assert codes.incident_label("restore") == "OBS 已恢复"
        assert codes.incident_label("reconnect") == "重连"
        assert codes.incident_label("from_a_newer_version") == "from_a_newer_version"
    finally:
        translators.switch("en")
