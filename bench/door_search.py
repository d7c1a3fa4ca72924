"""Door search and check-in speed with 50,000 guests.

    .venv/bin/python bench/door_search.py [--guests 50000] [--rounds 30] [--repeat 3]

Builds a real event file in a temporary folder, then, for realistic typing sequences ("zhang"
one key at a time, "zs", "1388", a ticket code, a company, ...), times every keystroke through
the in-memory SearchIndex and through a bare SQLite `LIKE '%q%'` over the same columns (the
baseline, same run, same limit), and prints p50/p95/max and the ratio. Each keystroke counts
its best of --repeat runs (both sides), so a busy machine does not pass for slow code. Then
times check-in: scanned code -> committed "ok" on the file (WAL, synchronous=FULL), and a
whole-list import. Target: search p95 < 5 ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import string
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.guests.checkin import check_in  # noqa: E402
from app.guests.codes import new_ticket_code  # noqa: E402
from app.guests.importer import import_file_cli  # noqa: E402
from app.guests.names import pinyin_keys  # noqa: E402
from app.guests.search import COLUMNS, SearchIndex  # noqa: E402
from app.store import EventFile  # noqa: E402
from app.timeutil import now_iso  # noqa: E402
from bench._load import pct  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国晨浩宇欣怡子轩雨涵思远嘉宁凯鑫斌彬琳雪婷倩博文"
EN_FIRST = "Alice Ben Carol David Emma Frank Grace Henry Ivy Jack Kate Leo Mia Noah Olivia Paul Ruby Sam Tom Zoe".split()
EN_LAST = "Smith Johnson Müller Garcia Brown Wang Chen Tanaka Kim Nguyen Rossi Novak Lee Park Silva".split()
COMPANIES = "阿里云 腾讯云 华为云 字节跳动 墨天轮 开源中国 PingCAP 云和恩墨 美团 小红书 京东科技 平安科技 招商银行 快手 Acme Initech Globex Hooli".split()
CHANNELS = "公众号 社群 视频号 合作伙伴 Eventbrite 官网".split()
LIMIT = 20

BASELINE_SQL = """
SELECT id, name, company, phone, ticket_code FROM guests
WHERE name LIKE :q OR name_pinyin LIKE :q OR name_initials LIKE :q OR company LIKE :q
   OR phone LIKE :q OR email LIKE :q OR ticket_code LIKE :q
LIMIT 20
"""


def make_guests(n: int, rng: random.Random) -> list[tuple[object, ...]]:
    now = now_iso()
    rows = []
    codes: set[str] = set()
    for i in range(n):
        if rng.random() < 0.8:
            name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
            email = f"guest{i}@example.cn"
        else:
            first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
            name = f"{first} {last}"
            email = f"{first.lower()}.{last.lower()}{i}@example.com"
        code = new_ticket_code()
        while code in codes:
            code = new_ticket_code()
        codes.add(code)
        full, initials = pinyin_keys(name)
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        rows.append(
            (name, full, initials, rng.choice(COMPANIES), phone, email, rng.choice(CHANNELS))
            + (code, now, now)
        )
    return rows


def create_event(path: Path, n: int, rng: random.Random) -> EventFile:
    ef = EventFile.create(path, "Bench")
    rows = make_guests(n, rng)
    with ef.write() as c:
        c.executemany(
            "INSERT INTO guests (name, name_pinyin, name_initials, company, phone, email,"
            " channel, ticket_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return ef


def time_import(ef: EventFile, folder: Path) -> float:
    """Seconds to read, plan and apply the whole list as a GBK CSV (what a form tool exports)."""
    rows = ef.rows("SELECT name, phone, email, company, channel, ticket_code FROM guests")
    path = folder / "guests-gbk.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "手机", "邮箱", "公司", "渠道", "票号"])
        writer.writerows([list(r.values()) for r in rows])
    target = EventFile.create(folder / "imported.showday", "Import bench")
    t0 = time.perf_counter()
    import_file_cli(target, path)
    seconds = time.perf_counter() - t0
    assert target.value("SELECT count(*) FROM guests") == len(rows)
    target.close()
    return seconds


def keystrokes(text: str) -> list[str]:
    """What the search box holds after each key: 'zh' -> ['z', 'zh']."""
    return [text[:i] for i in range(1, len(text) + 1)]


def query_sequences(ef: EventFile, rng: random.Random, rounds: int) -> dict[str, list[str]]:
    """Realistic typing, one list of box contents per kind of search."""
    sample = ef.rows("SELECT * FROM guests ORDER BY random() LIMIT ?", (rounds,))
    seqs: dict[str, list[str]] = {
        'pinyin "zhang"': keystrokes("zhang") * 4,
        'initials "zs"': keystrokes("zs") * 4,
        'phone "1388"': keystrokes("1388") * 4,
        'company "阿里云"': keystrokes("阿里云") * 4,
        'english "kate wang"': keystrokes("kate wang") * 2,
        "no match": keystrokes("xqzvk") * 4,
    }
    seqs["ticket code"] = [q for g in sample for q in keystrokes(g["ticket_code"].lower())]
    seqs["chinese name"] = [q for g in sample for q in keystrokes(g["name"])]
    seqs["full pinyin"] = [q for g in sample for q in keystrokes(g["name_pinyin"])]
    seqs["phone tail"] = [q for g in sample for q in keystrokes(g["phone"][-4:])]
    return seqs


def timed(fn: Callable[[str], object], queries: list[str], repeat: int = 1) -> list[float]:
    """Milliseconds per query; with repeat > 1 the best of that many runs of the whole sequence
    (as timeit does), so other busy processes on the machine are not counted as search time."""
    runs = []
    for _ in range(repeat):
        run = []
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            run.append((time.perf_counter() - t0) * 1000)
        runs.append(run)
    return [min(times) for times in zip(*runs, strict=True)]


def row(label: str, ours: list[float], base: list[float] | None) -> str:
    cells = (
        f"{label:<22} {len(ours):>5} {pct(ours, 50):>8.3f} {pct(ours, 95):>8.3f} {max(ours):>8.3f}"
    )
    if base:
        ratio = pct(base, 95) / max(pct(ours, 95), 1e-6)
        cells += f" {pct(base, 50):>9.2f} {pct(base, 95):>9.2f} {ratio:>8.0f}x"
    return cells


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=50_000)
    p.add_argument("--rounds", type=int, default=30, help="guests sampled per typed sequence")
    p.add_argument("--checkins", type=int, default=300)
    p.add_argument("--repeat", type=int, default=3, help="runs per sequence; the best counts")
    args = p.parse_args()
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ef = create_event(Path(tmp) / "bench.showday", args.guests, rng)
        print(f"{args.guests} guests written in {time.perf_counter() - t0:.1f} s")
        rows = ef.rows(f"SELECT {COLUMNS} FROM guests")
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        index = SearchIndex()
        index.load(rows)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
        print(
            f"index built in {(time.perf_counter() - t0) * 1000:.0f} ms, peak RSS +{grown:.0f} MB"
        )
        seqs = query_sequences(ef, rng, args.rounds)

        def like(q: str) -> object:
            return ef.rows(BASELINE_SQL, {"q": f"%{q}%"})

        def ours(q: str) -> object:
            return index.search(q, LIMIT)

        for q in ("zhang", "1388", "阿里云"):  # warm both (page cache, code paths)
            like(q), ours(q)
        print()
        print(
            f"{'per keystroke (ms)':<22} {'n':>5} {'p50':>8} {'p95':>8} {'max':>8}"
            f" {'LIKE p50':>9} {'LIKE p95':>9} {'ratio95':>9}"
        )
        all_ours: list[float] = []
        all_base: list[float] = []
        for label, queries in seqs.items():
            o, b = timed(ours, queries, args.repeat), timed(like, queries, args.repeat)
            all_ours += o
            all_base += b
            print(row(label, o, b))
        print(row("ALL", all_ours, all_base))
        # Not what hosts type, but what could make it slow: random strings of letters,
        # digits, '@', '.', spaces and common Chinese name characters.
        alphabet = string.ascii_lowercase + "0123456789@. " + SURNAMES[:20] + GIVEN[:20]
        noise = ["".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(2000)]
        print(row("random 1-6 chars", timed(ours, noise, args.repeat), None))
        verdict = "PASS" if pct(all_ours, 95) < 5 else "FAIL"
        print(f"\nsearch p95 {pct(all_ours, 95):.3f} ms (target < 5 ms): {verdict}")
        print(
            f"RESULT door_search_p95={pct(all_ours, 95):.3f} ms target=<5 ok={'yes' if verdict == 'PASS' else 'no'}"
        )
        print(f"RESULT door_search_like_p95={pct(all_base, 95):.3f} ms target=- ok=-")

        codes = [
            r["ticket_code"]
            for r in ef.rows(
                "SELECT ticket_code FROM guests ORDER BY random() LIMIT ?", (args.checkins,)
            )
        ]
        lat = timed(lambda c: check_in(ef, None, code=c, station="Bench"), codes)
        import_s = time_import(ef, Path(tmp))
        again = timed(lambda c: check_in(ef, None, code=c, station="Bench 2"), codes[:100])
        print()
        print(f"{'check-in (ms)':<22} {'n':>5} {'p50':>8} {'p95':>8} {'max':>8}")
        print(row("code -> committed ok", lat, None))
        print(row("code -> already", again, None))
        print(
            f"\nimport of the same {args.guests} guests as a GBK CSV into a new file: {import_s:.1f} s"
        )
        ef.close()
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
