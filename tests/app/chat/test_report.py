"""The report counts questions and askers by source (the room, each platform) and names online
askers with their platform in the follow-up sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app import qa
from app.chat.messages import ChatMessage
from app.report.exports import export_all
from app.session import Session


def test_questions_by_source_and_online_askers_in_the_followup(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "r.showday", "Salon")
    try:
        qa.update_settings(s.ef, premoderation=False)
        qa.submit(s.ef, s.bus, "Room question?", name="Li", device_id="d1", address="10.0.0.2")
        qa.submit(s.ef, s.bus, "Another?", name="Li", device_id="d1", address="10.0.0.2")
        src = s.chat.create("ssn", filter="questions")
        s.chat.start(src.id)
        msgs = [
            ChatMessage("bilibili", "支持 MySQL 吗？", "数据库小白", "", "1"),
            ChatMessage("bilibili", "价格？", "阿伟", "7", "2"),
            ChatMessage("bilibili", "666", "阿伟", "7", "3"),  # chat, not a question
            ChatMessage("youtube", "Is it open source?", "Ada", "UCada", "4"),
        ]
        s.chat.ingest(s.ef, src, msgs)
        paths = export_all(s.ef, tmp_path / "out")
        wb = load_workbook(paths["xlsx"])
        rows = list(wb["Questions by source"].iter_rows(values_only=True))
        assert rows == [
            ("来源 Source", "提问 Questions", "提问人 Askers", "聊天消息 Chat messages"),
            ("现场 Room", 2, 1, None),
            ("Bilibili", 2, 2, 3),
            ("YouTube", 1, 1, 1),
        ]
        follow = list(wb["Follow-up"].iter_rows(values_only=True))
        names = {r[3] for r in follow[1:]}
        assert {"数据库小白 · Bilibili", "阿伟 · Bilibili", "Ada · YouTube", "Li"} <= names
    finally:
        s.close()
