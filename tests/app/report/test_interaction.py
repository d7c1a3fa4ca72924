"""The report's exports carry the polls' results and the draws' winners with contact details."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app import draw
from app.polls import store
from app.report.exports import export_all
from app.session import Session


def test_report_exports_polls_and_winners(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "r.showday", "Salon")
    try:
        now = "2026-12-06T10:00:00+08:00"
        with s.ef.write() as c:
            c.execute(
                "INSERT INTO guests (name, phone, email, ticket_code, checked_in_at, created_at,"
                " updated_at) VALUES ('李娜', '13800138000', 'li@x.cn', 'T1', ?, ?, ?)",
                (now, now, now),
            )
        p = store.create(s.ef, s.bus, "words", "一个词")
        store.set_status(s.ef, s.bus, p.id, "open")
        store.answer(s.ef, s.bus, p.id, "d1", text="数据库")
        d = s.draws.commit("checked_in", 1)
        s.draws.run(d)
        s.draws.reveal(d)
        paths = export_all(s.ef, tmp_path / "out")
        wb = load_workbook(paths["xlsx"])
        polls = list(wb["Polls"].iter_rows(values_only=True))
        assert polls[1] == ("一个词", "words", "open", 1, "数据库", 1)
        winners = list(wb["Winners"].iter_rows(values_only=True))
        row = dict(zip(winners[0], winners[1], strict=True))
        assert row["姓名 Name"] == "李娜" and row["电话 Phone"] == "13800138000"
        assert draw.seed_hash(row["种子 Seed"]) == row["种子哈希 Seed SHA-256"]
        assert "数据库" in paths["polls"].read_text(encoding="utf-8-sig")
    finally:
        s.close()
