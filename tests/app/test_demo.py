"""The demo event that `python -m app --demo` opens."""

from __future__ import annotations

import re
from pathlib import Path

from app.demo import ensure_demo
from app.store import EventFile


def test_demo_event_has_a_full_day(tmp_path: Path) -> None:
    path = ensure_demo(tmp_path / "demo.showday")
    ef = EventFile.open(path)
    assert ef.value("SELECT count(*) FROM guests") == 200
    names = [r["name"] for r in ef.rows("SELECT name FROM guests")]
    assert any(re.search(r"[\u4e00-\u9fff]", n) for n in names)
    assert any(re.fullmatch(r"[A-Za-zü ]+", n) for n in names)
    assert ef.value("SELECT count(DISTINCT channel) FROM guests") >= 4
    assert ef.value("SELECT count(*) FROM segments") == 10
    assert ef.value("SELECT count(*) FROM questions") >= 5
    roles = {r["role"] for r in ef.rows("SELECT DISTINCT role FROM guests")}
    assert {"guest", "speaker", "vip", "staff"} <= roles
    # Every Chinese name is findable by pinyin at the door.
    assert ef.value("SELECT count(*) FROM guests WHERE name_pinyin = '' OR name_initials = ''") == 0


def test_demo_is_created_once_and_then_reused(tmp_path: Path) -> None:
    path = ensure_demo(tmp_path / "sub" / "demo.showday")
    ef = EventFile.open(path)
    ef.rename("Edited by the operator")
    ef.close()
    assert ensure_demo(path) == path
    assert EventFile.open(path).name == "Edited by the operator"
    assert not list(path.parent.glob("*.tmp"))


def test_demo_is_the_same_day_on_every_machine(tmp_path: Path) -> None:
    a = EventFile.open(ensure_demo(tmp_path / "a.showday"))
    b = EventFile.open(ensure_demo(tmp_path / "b.showday"))
    sql = "SELECT name, ticket_code FROM guests ORDER BY id"
    assert a.rows(sql) == b.rows(sql)
