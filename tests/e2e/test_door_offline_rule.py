"""The offline door reads what is typed by the server's rule (app/guests/resolve.py): a ticket
code or one clear match is checked in, several matches answer "choose", a text that looks like a
ticket code and matches nobody exactly is nobody. Real Chromium, a paired /door phone, a real
station server; the inputs are the ones where the phone's old rule and the server disagreed (an
exact name beside a longer one, a code-like number that only ends like a guest's phone, a
scanned URL with `ticket_code=`), plus two exact namesakes and plain codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.test_door_offline import Venue, open_venue

pytestmark = [pytest.mark.browser]

GUESTS = [
    (name, company, "", f"1380013{n:04d}", "", f"RULE{n:04d}", "guest", "官网")
    for n, (name, company) in enumerate(
        [
            ("王芳", "腾讯云"),
            ("王芳菲", "字节跳动"),
            ("张伟", "阿里云"),
            ("张伟", "华为云"),
            ("李娜", "京东"),
            ("Kate Wang", "Acme"),
        ],
        start=1,
    )
]
# input -> the server's answer (kind, the guest's name for "code"/"one")
CASES: dict[str, tuple[str, str | None]] = {
    "王芳": ("one", "王芳"),  # exact name + a longer one: the old phone rule said "choose"
    "wangfang": ("one", "王芳"),  # full pinyin, the same
    "张伟": ("choose", None),  # two exact namesakes
    "0130005": ("none", None),  # looks like a code, only ends like 李娜's phone: nobody
    "RULE0006": ("code", "Kate Wang"),
    "rule0003": ("code", "张伟"),
    "https://t.example.com/x?ticket_code=RULE0005": ("code", "李娜"),  # old phone: nobody
    "NOPE4242": ("none", None),
}
SAME_RULE_JS = """async (queries) => {
  const m = await import("/js/door-offline.js");
  const roster = await (await fetch("/api/v1/door/roster?list=1")).json();
  const out = {};
  for (const q of queries) {
    const scored = m.searchRoster(roster.guests, q);
    const kind = m.resolveKind(q, scored);
    out[q] = [kind, kind === "code" || kind === "one" ? scored[0][1].name : null];
  }
  return out;
}"""


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[Venue]:
    with open_venue(tmp_path / "rule.showday", GUESTS) as v:
        yield v


def server_answer(ph: Page, query: str) -> tuple[str, str | None]:
    """The server's resolution of `query` (what Enter does there), asked as the phone."""
    r: dict[str, Any] = ph.evaluate(
        "async (q) => (await (await fetch('/api/v1/guests?q=' + encodeURIComponent(q))).json())",
        query,
    )
    res = r["resolution"]
    names = {g["guest_id"]: g["name"] for g in r["guests"]}
    return res["kind"], names.get(res["guest_id"]) if res["guest_id"] else None


def test_the_phone_and_the_server_read_each_input_the_same(venue: Venue, new_context) -> None:  # noqa: ANN001
    ctx: BrowserContext = new_context(phone=True)
    ph = ctx.new_page()
    venue.pair_phone(ph, "Door A")
    server = {q: server_answer(ph, q) for q in CASES}
    assert server == CASES  # the inputs do exercise each kind
    phone = {q: tuple(a) for q, a in ph.evaluate(SAME_RULE_JS, list(CASES)).items()}
    assert phone == server


def test_without_a_link_enter_lets_in_what_the_server_would_and_nobody_else(
    venue: Venue, new_context
) -> None:  # noqa: ANN001
    ctx: BrowserContext = new_context(phone=True)
    ph = ctx.new_page()
    venue.pair_phone(ph, "Door A")
    ctx.set_offline(True)
    url = "https://t.example.com/x?ticket_code=RULE0005"
    typed = [  # (field, text, the list's kind while typed, what Enter shows)
        ("#q", "0130005", "none", "unknown"),  # the old phone let 李娜 in here
        ("#q", "王芳", "one", "saved"),
        ("#code", url, None, "saved"),  # the old phone did not read ticket_code=
        ("#code", "NOPE4242", None, "unknown"),
    ]
    for field, text, kind, shown in typed:
        ph.locator(field).fill(text)
        if kind is not None:
            expect(ph.locator("#hits")).to_have_attribute("data-kind", kind)
        ph.locator(field).press("Enter")
        expect(ph.locator("#result")).to_have_attribute("data-state", shown)
    ph.locator("#q").fill("张伟")  # two namesakes: the phone offers the choice
    expect(ph.locator("#hits")).to_have_attribute("data-kind", "choose")
    expect(ph.locator("#hits .hit")).to_have_count(2)
    saved = ph.locator('.q-item[data-state="saved"] .q-name').all_inner_texts()
    assert sorted(saved) == sorted(["王芳", "李娜"])
    ctx.close()  # the phone's queue never reaches the server: it answers the same inputs fresh

    door = venue.door_b()
    try:
        answers = [
            door.post("/api/v1/checkins", json={"query" if f == "#q" else "code": text}).json()
            for f, text, _kind, _shown in typed
        ]
    finally:
        door.close()
    assert [(a["result"], a.get("name") or None) for a in answers] == [
        ("unknown", None),
        ("ok", "王芳"),
        ("ok", "李娜"),
        ("unknown", None),
    ]
