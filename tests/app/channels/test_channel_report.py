"""The funnel per channel in the report: a 问卷星 export imported onto six channels with a cost
each, some check-ins, questions from guests and from two chat platforms; the Channels sheet of
the exported report matches what the file and the day say."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.channels import Channel, ChannelSettings
from app.channels.importing import channel_of, propose_mapping
from app.guests.checkin import check_in
from app.guests.importer import apply_import, guess_mapping, plan_import, read_table
from app.qa.questions import submit
from app.report.exports import export_all
from app.session import Session

EXPORT = Path(__file__).parent / "data" / "wjx-export.csv"
CHANNELS = (
    Channel("公众号", "gzh", 1200.0),
    Channel("视频号", "sph"),  # no cost given: no cost per person
    Channel("社群", "sq", 300.0),
    Channel("Partner X", "partner-x", 500.0),
    Channel("官网", "web", 90.0),
    Channel("CON", "con", 0.0),
    Channel("海报", "poster", 200.0),  # nobody came by it: listed, nothing to divide by
)


@pytest.fixture
def s(tmp_path: Path) -> Iterator[Session]:
    session = Session.create(tmp_path / "e.showday", "Salon")
    yield session
    session.close()


def guest(s: Session, name: str) -> dict:  # type: ignore[type-arg]
    row = s.ef.row("SELECT id, phone FROM guests WHERE name = ?", (name,))
    assert row is not None
    return row


def test_the_channels_sheet_matches_the_file(s: Session, tmp_path: Path) -> None:
    s.channels.save(ChannelSettings("https://www.wjx.cn/vm/abc.aspx", "", CHANNELS))
    table = read_table(EXPORT)
    mapping = propose_mapping(table.headers, s.channels.settings, guess_mapping(table.headers))
    apply_import(
        s.ef, s.bus, plan_import(s.ef, table, mapping, channel_of=channel_of(s.channels.settings))
    )
    # 公众号: 张伟 王芳 李娜 刘洋 · 视频号: 陈静 杨帆 赵磊 · 社群: 黄敏 周杰 吴婷
    # Partner X: 徐明 孙丽 · 官网: 马超 朱琳 胡斌 · CON: 郭峰 · douyin: 何雪 · none: 高翔
    for name in ("张伟", "王芳", "李娜", "黄敏", "徐明", "孙丽", "何雪"):
        check_in(s.ef, s.bus, guest_id=guest(s, name)["id"], station="Door A")
    for i, name in enumerate(("张伟", "王芳", "黄敏")):  # linked to the guest by phone
        submit(s.ef, s.bus, f"问题 {i}", name=name, contact=guest(s, name)["phone"],
               consent=True, device_id=f"phone-{i}", address="10.0.0.9")  # fmt: skip
    for author, platform in (
        ("a", "bilibili"),
        ("b", "bilibili"),
        ("a", "bilibili"),
        ("x", "twitch"),
    ):
        q = submit(s.ef, s.bus, f"chat from {author}", name=author, device_id=f"chat:{platform}:{author}",
                   address="", source="chat")  # fmt: skip
        with s.ef.write() as c:
            c.execute("UPDATE questions SET platform = ? WHERE id = ?", (platform, q.id))
    paths = export_all(s.ef, tmp_path / "report")
    with open(paths["channels"], encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert header[0] == "渠道 Channel" and header[-1] == "每条线索成本 Cost per lead"
    got = {r[0]: r[1:] for r in rows}
    # registered, checked in, walk-ins, asked, leads, cost, per attendee, per lead
    assert got["公众号"] == ["4", "3", "0", "2", "4", "1200.0", "400.0", "300.0"]
    assert got["视频号"] == ["3", "0", "0", "0", "3", "", "", ""]
    assert got["社群"] == ["3", "1", "0", "1", "3", "300.0", "300.0", "100.0"]
    assert got["Partner X"] == ["2", "2", "0", "0", "2", "500.0", "250.0", "250.0"]
    assert got["官网"] == ["3", "0", "0", "0", "3", "90.0", "", "30.0"]
    assert got["CON"] == ["1", "0", "0", "0", "1", "0.0", "", "0.0"]
    assert got["海报"] == ["0", "0", "0", "0", "0", "200.0", "", ""]
    assert got["douyin"][:5] == ["1", "1", "0", "0", "1"]  # unknown on import: still counted
    assert [r[0] for r in rows][:7] == [c.name for c in CHANNELS]  # the set-up order first
    # the platform as the stream names it; two authors, three questions
    assert got["线上提问 Online askers · Bilibili"][3] == "2"
    assert got["线上提问 Online askers · Twitch"][3] == "1"
