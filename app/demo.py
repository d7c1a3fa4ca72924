"""The demo event: about 200 guests, a 10-segment run-of-show and some questions.

Deterministic (fixed seed) so screenshots and tests see the same day every time."""

from __future__ import annotations

import os
import random
from pathlib import Path

from app.guests.codes import ALPHABET, LENGTH
from app.guests.names import pinyin_keys
from app.store import EventFile
from app.store import settings as settings_store
from app.timeutil import now_iso

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国晨浩宇欣怡子轩雨涵思远嘉宁"
EN_FIRST = (
    "Alice Ben Carol David Emma Frank Grace Henry Ivy Jack Kate Leo Mia Noah Olivia Paul".split()
)
EN_LAST = "Smith Johnson Müller Garcia Brown Wang Chen Tanaka Kim Nguyen Rossi Novak".split()
COMPANIES_ZH = [
    "阿里云",
    "腾讯云",
    "华为云",
    "字节跳动",
    "墨天轮",
    "开源中国",
    "PingCAP",
    "云和恩墨",
]
COMPANIES_EN = ["Acme", "Initech", "Globex", "Umbrella Labs", "Stark Data", "Hooli"]
TITLES_ZH = ["架构师", "DBA", "数据工程师", "运维工程师", "技术总监", "产品经理", "CTO"]
TITLES_EN = ["Engineer", "CTO", "Product Manager", "Data Scientist", "Marketing Lead"]
CHANNELS = ["公众号", "社群", "视频号", "合作伙伴", "Eventbrite", "官网"]

SEGMENTS = [
    # title, speaker, minutes, scene, lower-third title
    ("开场暖场 Opening", "主持人 Host", 5, "Intro", "欢迎来到 PostgreSQL 技术沙龙"),
    ("主题分享：PolarDB 实践", "张伟", 30, "Speaker", "阿里云 数据库架构师"),
    ("主题分享：DuckDB 在分析场景", "李娜", 30, "Speaker", "云和恩墨 DBA"),
    ("茶歇 Break", "", 10, "Break", "茶歇 10 分钟"),
    ("Keynote: Postgres at scale", "Kate Wang", 25, "Speaker", "Acme, CTO"),
    ("圆桌讨论 Panel", "王芳 / David Müller", 30, "Panel", "数据库的下一个十年"),
    ("闪电演讲 Lightning talks", "", 15, "Speaker", "每人 5 分钟"),
    ("现场问答 Q&A", "主持人 Host", 15, "Q&A", "扫码提问"),
    ("抽奖 Lucky draw", "主持人 Host", 5, "Intro", ""),
    ("合影与结束 Photo & close", "", 5, "Outro", "感谢参与"),
]

QUESTIONS = [
    ("PolarDB 和自建 PostgreSQL 的成本怎么比较？", "小李", "approved", 12),
    ("DuckDB 能替代 ClickHouse 吗？", "", "approved", 8),
    ("How do you handle schema migrations with zero downtime?", "Ben", "new", 0),
    ("会后能拿到 PPT 吗？", "", "new", 0),
    ("What is the roadmap for logical replication?", "Emma", "answered", 5),
    ("扩展插件在云上的支持情况？", "王工", "approved", 3),
]


def _guest_rows(rng: random.Random, n: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(n):
        chinese = rng.random() < 0.75
        if chinese:
            name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
            company, title = rng.choice(COMPANIES_ZH), rng.choice(TITLES_ZH)
            email = f"guest{i}@example.cn"
        else:
            first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
            name = f"{first} {last}"
            company, title = rng.choice(COMPANIES_EN), rng.choice(TITLES_EN)
            email = f"{first.lower()}.{i}@example.com"
        role = "guest"
        if i < 6:
            role = "speaker"
        elif i < 14:
            role = "vip"
        elif i < 18:
            role = "staff"
        full, initials = pinyin_keys(name)
        rows.append(
            {
                "name": name,
                "name_pinyin": full,
                "name_initials": initials,
                "company": company,
                "title": title,
                "phone": f"13{rng.randrange(10**9):09d}",
                "email": email,
                "channel": rng.choice(CHANNELS),
                "role": role,
                "consent": int(rng.random() < 0.7),
                # From the seeded generator: the demo's codes are the same on every machine.
                "ticket_code": "".join(rng.choice(ALPHABET) for _ in range(LENGTH)),
            }
        )
    return rows


def populate(ef: EventFile, guests: int = 200, seed: int = 2026) -> None:
    """Fill an empty event with the demo day, in one transaction."""
    rng = random.Random(seed)
    now = now_iso()
    with ef.write() as c:
        c.execute(
            "UPDATE event SET venue = ?, starts_at = ? WHERE id = 1",
            ("上海 · 张江 Zhangjiang, Shanghai", "2026-11-28T14:00"),
        )
        for g in _guest_rows(rng, guests):
            cols = ", ".join(g)
            marks = ", ".join("?" for _ in g)
            c.execute(
                f"INSERT INTO guests ({cols}, created_at, updated_at) VALUES ({marks}, ?, ?)",
                (*g.values(), now, now),
            )
        for pos, (title, speaker, minutes, scene, lt_title) in enumerate(SEGMENTS):
            c.execute(
                "INSERT INTO segments (position, title, speaker, duration_s, obs_scene,"
                " lt_name, lt_title, hard_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    pos,
                    title,
                    speaker,
                    minutes * 60,
                    scene,
                    speaker,
                    lt_title,
                    "14:00" if pos == 0 else None,
                ),
            )
        for text, name, status, votes in QUESTIONS:
            cur = c.execute(
                "INSERT INTO questions (text, original_text, name, status, device_id,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (text, text, name, status, f"demo-{rng.randrange(10**6)}", now, now),
            )
            for v in range(votes):
                c.execute(
                    "INSERT INTO votes (question_id, device_id, at) VALUES (?, ?, ?)",
                    (cur.lastrowid, f"demo-voter-{v}", now),
                )
        settings_store.set_key_in(c, "demo", True)


def ensure_demo(path: str | os.PathLike[str]) -> Path:
    """Create the demo event at `path` unless it is already there. Returns the path."""
    p = Path(path)
    if not p.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + ".tmp")
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
        ef = EventFile.create(tmp, "PostgreSQL 技术沙龙 · 上海站 (Demo)")
        populate(ef)
        ef.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ef.close()
        tmp.replace(p)  # appears whole or not at all
    return p
