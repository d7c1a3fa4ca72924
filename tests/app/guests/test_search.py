"""Door search: what a host types finds the right guest first, and edits show up at once."""

from __future__ import annotations

import string
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bus import Bus
from app.demo import populate
from app.guests.checkin import check_in
from app.guests.names import pinyin_keys
from app.guests.search import SearchIndex, normalise_query
from app.guests.walkin import add_walk_in
from app.store import EventFile
from app.timeutil import now_iso


def add(
    ef: EventFile, name: str, phone: str = "", email: str = "", company: str = "", code: str = ""
) -> int:
    full, initials = pinyin_keys(name)
    now = now_iso()
    with ef.write() as c:
        cur = c.execute(
            "INSERT INTO guests (name, name_pinyin, name_initials, phone, email, company,"
            " ticket_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                full,
                initials,
                phone,
                email,
                company,
                code or f"C{name.encode().hex()[:12]}",
                now,
                now,
            ),
        )
    return int(cur.lastrowid or 0)


@pytest.fixture
def ef() -> EventFile:
    ef = EventFile.memory()
    add(ef, "张三", "13800138000", "zs@example.cn", "阿里云", "ZS3KEY")
    add(ef, "张三丰", "13900008888", "wudang@example.cn", "武当", "WD9KEY")
    add(ef, "章珊", "+8613712341234", "zhang.shan@example.cn", "腾讯云", "ZHSHAN")
    add(ef, "Kate Wang", "+14155552967", "kate@acme.io", "Acme", "KATEWW")
    add(ef, "David Müller", "", "dm@example.de", "Globex", "DMGLBX")
    return ef


def names(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.name for h in hits]


def test_pinyin_full_and_initials(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    assert names(ix.search("zhangsan")) == ["张三", "张三丰"]  # exact pinyin, then prefix
    assert names(ix.search("zhangshan")) == ["章珊"]
    assert names(ix.search("zs")) == ["张三", "章珊", "张三丰"]  # shorter initials first
    assert "张三丰" in names(ix.search("zsf"))
    assert names(ix.search("张三"))[0] == "张三"  # exact name before the prefix 张三丰
    assert names(ix.search("张三")) == ["张三", "张三丰"]


def test_phone_tail_any_digits_and_email_company_code(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    assert names(ix.search("8888")) == ["张三丰"]  # tail
    assert names(ix.search("1234")) == ["章珊"]
    assert names(ix.search("0013")) == ["张三"]  # any 4+ digits inside
    assert ix.search("138") == [] or all(h.matched != "phone" for h in ix.search("138"))
    assert names(ix.search("415 555 2967")) == ["Kate Wang"]
    assert names(ix.search("+86 138 0013 8000")) == ["张三"]  # stored without +86
    assert names(ix.search("13712341234")) == ["章珊"]  # stored as +8613712341234
    assert names(ix.search("kate@")) == ["Kate Wang"]
    assert names(ix.search("腾讯")) == ["章珊"]
    assert names(ix.search("acme")) == ["Kate Wang"]
    assert names(ix.search("wang")) == ["Kate Wang"]  # a later word of the name
    assert names(ix.search("muller")) == ["David Müller"]  # accents folded
    assert names(ix.search("ＫＡＴＥ")) == ["Kate Wang"]  # full-width IME input


def test_exact_code_first_even_when_others_contain_it(ef: EventFile) -> None:
    add(ef, "Someone", code="ZS3KEYXX")  # codes match from their start
    ix = SearchIndex.build(ef)
    hits = ix.search("zs3key")
    assert (hits[0].name, hits[0].matched, hits[0].rank) == ("张三", "code", 0)
    assert names(hits) == ["张三", "Someone"]
    assert names(ix.search("https://x.local/t?code=ZS3KEY")) == ["张三"]


def test_checked_in_guests_are_found_but_marked_and_later(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    zs = ix.search("zhangsan")[0]
    r = check_in(ef, None, guest_id=zs.guest_id, station="Door 1")
    ix.set_checked_in(zs.guest_id, r.at, r.station)
    assert names(ix.search("zhangsan")) == ["张三", "张三丰"]  # a better tier still wins
    hits = ix.search("zs")  # one tier: those still outside come first
    assert names(hits) == ["章珊", "张三丰", "张三"]
    assert hits[2].checked_in and hits[2].checked_in_by == "Door 1"
    assert not hits[0].checked_in


def test_update_add_edit_remove(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    walk = add_walk_in(ef, Bus(), name="林黛玉", phone="13566667777", station="Door 1")
    ix.refresh(ef, (walk["id"],))
    assert names(ix.search("ldy")) == ["林黛玉"]
    assert names(ix.search("6777")) == ["林黛玉"]
    assert names(ix.search("黛")) == ["林黛玉"]  # substring, from the overlay
    with ef.write() as c:
        c.execute(
            "UPDATE guests SET name = '林妹妹', name_pinyin = 'linmeimei', name_initials = 'lmm' WHERE id = ?",
            (walk["id"],),
        )
    ix.refresh(ef, (walk["id"],))
    assert ix.search("ldy") == [] and ix.search("黛") == []
    assert names(ix.search("linmei")) == ["林妹妹"]
    ix.remove(walk["id"])
    assert ix.search("linmei") == [] and ix.search("6777") == []
    assert len(ix) == 5


def test_limit_and_empty_queries(ef: EventFile) -> None:
    populate(ef, guests=200)
    ix = SearchIndex.build(ef)
    assert len(ix.search("a", limit=7)) == 7
    assert ix.search("   ") == [] and ix.search("", limit=5) == []
    assert ix.search("zzzzqqqq") == []


def test_rebuild_after_many_updates_keeps_results(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    for i in range(600):  # more than REBUILD_AFTER: the haystacks are rebuilt on the way
        ix.update(
            {
                "id": 10_000 + i,
                "name": f"Guest {i:03d}",
                "name_pinyin": None,
                "name_initials": None,
                "company": "Bulk",
                "title": "",
                "role": "guest",
                "phone": f"1300000{i:04d}",
                "email": "",
                "ticket_code": f"BULK{i:04d}",
                "channel": "",
                "walk_in": 0,
                "checked_in_at": None,
                "checked_in_by": None,
            }
        )
    assert names(ix.search("bulk0599")) == ["Guest 599"]
    assert names(ix.search("guest 123")) == ["Guest 123"]
    assert len(ix.search("bulk", limit=1000)) == 600


# -- properties ---------------------------------------------------------------------------------

CJK = st.sampled_from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗伟芳娜敏静丽强磊军洋勇艳杰")
LATIN = st.text(string.ascii_letters, min_size=1, max_size=8)
NAMES = st.one_of(
    st.text(CJK, min_size=2, max_size=4),
    st.builds(lambda a, b: f"{a} {b}", LATIN, LATIN),
)


@st.composite
def guests(draw: st.DrawFn) -> list[dict[str, object]]:
    n = draw(st.integers(1, 40))
    phones = draw(
        st.lists(
            st.text("0123456789", min_size=11, max_size=11), min_size=n, max_size=n, unique=True
        )
    )
    out = []
    for i in range(n):
        name = draw(NAMES)
        full, initials = pinyin_keys(name)
        out.append(
            {
                "id": i + 1,
                "name": name,
                "name_pinyin": full,
                "name_initials": initials,
                "company": draw(st.sampled_from(["", "阿里云", "Acme"])),
                "title": "",
                "role": "guest",
                "phone": phones[i],
                "email": f"g{i}@example.cn",
                "ticket_code": f"T{i:05d}X",
                "channel": "",
                "walk_in": 0,
                "checked_in_at": None,
                "checked_in_by": None,
            }
        )
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(guests(), st.data())
def test_always_found_by_code_name_and_phone_tail(
    gs: list[dict[str, object]], data: st.DataObject
) -> None:
    ix = SearchIndex()
    ix.load(gs)
    g = data.draw(st.sampled_from(gs))
    gid = g["id"]
    assert ix.search(str(g["ticket_code"]).lower())[0].guest_id == gid  # exact code is first
    # the full name: exact-name tier, among at most the guests with the very same name
    same = [
        o["id"] for o in gs if normalise_query(str(o["name"])) == normalise_query(str(g["name"]))
    ]
    assert gid in [h.guest_id for h in ix.search(str(g["name"]), limit=len(same))]
    tail = str(g["phone"])[-4:]
    sharing = sum(1 for o in gs if str(o["phone"])[-4:] == tail or tail in str(o["phone"]))
    assert gid in [h.guest_id for h in ix.search(tail, limit=sharing + 1)]


def test_searching_while_another_thread_updates_and_reloads(ef: EventFile) -> None:
    ix = SearchIndex.build(ef)
    errors: list[BaseException] = []
    done = threading.Event()

    def row(i: int) -> dict[str, object]:
        return {
            "id": 500 + i,
            "name": f"Walk {i}",
            "name_pinyin": None,
            "name_initials": None,
            "company": "",
            "title": "",
            "role": "guest",
            "phone": f"1390000{i:04d}",
            "email": "",
            "ticket_code": f"W{i:05d}",
            "channel": "walk-in",
            "walk_in": 1,
            "checked_in_at": None,
            "checked_in_by": None,
        }

    def writer() -> None:
        try:
            for i in range(300):
                ix.update(row(i))
                if i == 150:
                    ix.refresh(ef)  # a full reload from the file, mid-stream
        except BaseException as err:
            errors.append(err)
        finally:
            done.set()

    def reader() -> None:
        try:
            while not done.is_set():
                for q in ("walk", "w0", "zs", "1390", "张"):
                    ix.search(q)
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert names(ix.search("W00299")) == ["Walk 299"]
    assert ix.search("W00100") == []  # dropped by the reload (it was never in the file)
    assert len(ix) == 5 + 149
