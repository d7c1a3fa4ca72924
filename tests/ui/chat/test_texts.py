"""Every error a chat source can report (app.chat.health.ERRORS) reaches the desk in words, in
English and in Chinese, not as its code."""

from __future__ import annotations

import re

from app.chat import health
from ui.chat import texts
from ui.i18n import Translators


def test_every_source_error_has_words_in_english_and_chinese(translators: Translators) -> None:
    assert set(texts.ERRORS) == set(health.ERRORS)
    english = {code: texts.word(texts.ERRORS, code) for code in health.ERRORS}
    translators.switch("zh_CN")
    try:
        chinese = {code: texts.word(texts.ERRORS, code) for code in health.ERRORS}
    finally:
        translators.switch("en")
    for code in health.ERRORS:
        assert english[code] != code and english[code].endswith(".")
        assert re.search(r"[\u4e00-\u9fff]", chinese[code]), (code, chinese[code])
