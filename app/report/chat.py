"""Questions and askers by source: the room, then each chat platform (app.chat). No Qt.

An asker is a distinct device: a phone in the room, or a platform author ("chat:PLATFORM:
AUTHOR"); questions merged into another are left out, as everywhere in the report. Chat
messages counts every message the platform's sources delivered (each once), questions or not.
"""

from __future__ import annotations

from typing import Any

from app.qa.models import platform_label
from app.store import EventFile

Table = tuple[list[str], list[list[Any]]]

HEADERS = ["来源 Source", "提问 Questions", "提问人 Askers", "聊天消息 Chat messages"]
ROOM = "现场 Room"


def sources_sheet(ef: EventFile) -> Table:
    questions = {
        platform: (n, askers)
        for platform, n, askers in ef.tuples(
            "SELECT platform, count(*), count(DISTINCT nullif(device_id, '')) FROM questions"
            " WHERE merged_into IS NULL GROUP BY platform"
        )
    }
    messages = dict(ef.tuples("SELECT platform, count(*) FROM chat_messages GROUP BY platform"))
    room_n, room_askers = questions.pop("", (0, 0))
    rows: list[list[Any]] = [[ROOM, room_n, room_askers, ""]]
    for platform in sorted(set(questions) | set(messages)):
        n, askers = questions.get(platform, (0, 0))
        rows.append([platform_label(platform), n, askers, messages.get(platform, 0)])
    return HEADERS, rows
