"""The report's polls and winners sheets: every opened poll's results (an option or word a row)
and every draw's winners with contact details for prize delivery, the seed's hash and the seed
(once revealed) so the draw can be checked (docs/draw.md). The rows are app.polls' and
app.draw's exports; only the headers are the report's (bilingual, like its other sheets)."""

from __future__ import annotations

from app.draw.export import winner_rows
from app.polls.transfer import result_rows
from app.report.sheets import Table
from app.store import EventFile


def polls_sheet(ef: EventFile) -> Table:
    headers = [
        "投票 Poll",
        "类型 Kind",
        "状态 Status",
        "回答数 Answers",
        "选项/词 Option / word",
        "计数 Count",
    ]
    return headers, result_rows(ef)


def winners_sheet(ef: EventFile) -> Table:
    headers = [
        "抽奖 Draw",
        "标题 Title",
        "中奖者 Winner",
        "未到场 Absent",
        "姓名 Name",
        "公司 Company",
        "电话 Phone",
        "邮箱 E-mail",
        "联系方式 Contact",
        "抽出时间 Drawn at",
        "种子哈希 Seed SHA-256",
        "种子 Seed",
    ]
    return headers, winner_rows(ef)
