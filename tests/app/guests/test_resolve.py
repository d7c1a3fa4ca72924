"""The door's one reading of an input: a ticket code, one clear match, a choice, or nobody."""

from __future__ import annotations

import pytest

from app.guests.resolve import looks_like_code, resolve
from app.guests.search import SearchIndex


def guest(gid: int, name: str, code: str, phone: str = "", email: str = "") -> dict[str, object]:
    return {
        "id": gid,
        "name": name,
        "name_pinyin": None,
        "name_initials": None,
        "company": "",
        "title": "",
        "role": "guest",
        "phone": phone,
        "email": email,
        "ticket_code": code,
        "channel": "",
        "walk_in": 0,
        "checked_in_at": None,
        "checked_in_by": None,
    }


@pytest.fixture
def index() -> SearchIndex:
    ix = SearchIndex()
    ix.load(
        [
            guest(1, "张三", "ABC123XYZ", "13800138000", "zhang@example.com"),
            guest(2, "张珊", "QWE456RTY", "13900139000"),
            guest(3, "Kate Wang", "KATE000001", "+14155550101", "kate@example.org"),
        ]
    )
    return ix


@pytest.mark.parametrize(
    ("text", "code_like"),
    [
        ("ABC123XYZ", True),
        ("abc123xyz", True),
        ("ＡＢＣ１２３ＸＹＺ", True),  # a Chinese IME's full-width letters
        ("https://t.example/t?code=ABC", True),
        ("13800138000", True),  # a whole phone looks like a code; an exact phone still wins
        ("abcdef", False),  # no digit: a name
        ("ab12", False),  # too short
        ("张三123456", False),
        ("kate@example.org", False),
    ],
)
def test_one_rule_for_what_looks_like_a_ticket(text: str, code_like: bool) -> None:
    assert looks_like_code(text) is code_like


def test_kinds(index: SearchIndex) -> None:
    r = resolve(index, " abc123xyz ")
    assert (r.kind, r.code, r.guest and r.guest.name) == ("code", "ABC123XYZ", "张三")
    r = resolve(index, "zs")
    assert r.kind == "choose" and r.guest is None
    assert [h.name for h in r.hits] == ["张三", "张珊"]
    assert resolve(index, "张三").guest.name == "张三"  # type: ignore[union-attr]
    assert resolve(index, "zhangshan").kind == "one"  # full pinyin, one guest
    assert resolve(index, "8000").guest.name == "张三"  # type: ignore[union-attr]
    assert resolve(index, "13800138000").kind == "one"  # exact phone, code-like or not
    loose = resolve(index, "1380013")  # a code nobody has, starting like a phone
    assert (loose.kind, loose.code, loose.guest) == ("none", "1380013", None)
    assert [h.name for h in loose.hits] == ["张三"]  # listed, never picked
    assert resolve(index, "").kind == "none"
    assert resolve(index, "nobody").hits == []


def test_the_order_does_not_depend_on_how_many_are_shown(index: SearchIndex) -> None:
    full = [h.guest_id for h in resolve(index, "z").hits]
    assert [h.guest_id for h in resolve(index, "z", 1).hits] == full[:1]
    assert resolve(index, "z", 1).kind == resolve(index, "z").kind
