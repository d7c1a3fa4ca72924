"""The core's English refusals of import rows, as the user reads them (ui.reasons), in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.guests.importer import import_file_cli
from app.show.rundown import parse_rundown
from app.store import EventFile
from ui.door.import_texts import reason_text as guest_reason
from ui.i18n import Translators
from ui.rundown.texts import reason_text as rundown_reason


def test_a_rundown_row_with_two_problems_reads_both_in_chinese(
    translators: Translators, tmp_path: Path
) -> None:
    translators.switch("zh_CN")
    bad = tmp_path / "流程.csv"
    bad.write_text("环节,时长,警告\n茶歇,半小时,-1\n", encoding="utf-8")
    ((line, reason),) = parse_rundown(bad).errors
    assert line == 2 and "; " in reason  # the core joins a row's problems
    assert rundown_reason(reason) == (
        "时长 '半小时' 不是时长（分钟、分:秒 或 时:分:秒，如 25 或 2:30）；警告 '-1' 不能为负数"
    )


def test_a_guest_row_keeps_its_value_as_written(translators: Translators, tmp_path: Path) -> None:
    translators.switch("zh_CN")
    bad = tmp_path / "guests.csv"
    bad.write_text("姓名,邮箱\n张三,a%2b; c@\n", encoding="utf-8")
    ef = EventFile.create(tmp_path / "e.showday", "沙龙")
    with pytest.raises(ValueError) as refused:
        import_file_cli(ef, bad)
    ef.close()
    reason = str(refused.value).splitlines()[-1].split(": ", 1)[1]
    assert reason == "invalid email 'a%2b; c@'"
    assert guest_reason(reason) == "邮箱格式不正确：'a%2b; c@'"  # the value as written
