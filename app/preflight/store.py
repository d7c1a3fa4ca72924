"""Preflight in the event file: the runs (with their results and timestamps, for the report)
and the manual SOP checklist (settings section "preflight"), with who ticked each item, when.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from app.bus import Bus, PreflightRan
from app.store import EventFile
from app.store import settings as settings_store
from app.store.settings import Section
from app.timeutil import now_iso

DEFAULT_ITEMS = {
    "zh_CN": [
        "无线麦克风换新电池，备用电池就位",
        "备用推流码已准备好",
        "现场网络测速（上行 ≥ 10 Mbps）",
        "签到物料：胸牌、二维码、签到台",
        "主讲人演示文稿已拷贝并试播",
    ],
    "en": [
        "Fresh batteries in the wireless microphones, spares at hand",
        "Backup stream key ready",
        "Network speed test (upload at least 10 Mbps)",
        "Door materials: badges, QR codes, check-in desk",
        "Speakers' slides copied and tested on the screen",
    ],
}


def save_run(
    ef: EventFile,
    at: float,
    kind: str,
    go: bool,
    results: list[dict[str, Any]],
    bus: Bus | None = None,
) -> dict[str, Any]:
    """Keep a run; with `bus`, queue PreflightRan at the commit (the caller delivers it with
    `bus.deliver()` once it holds no lock). Returns the run ({"id", "at", "kind", "go",
    "results"})."""
    with ef.write(publish=bus, deliver=False) as c:
        cur = c.execute(
            "INSERT INTO preflight_runs (at, kind, go, results) VALUES (?, ?, ?, ?)",
            (at, kind, int(go), json.dumps(results, ensure_ascii=False)),
        )
        run = {"id": int(cur.lastrowid or 0), "at": at, "kind": kind, "go": go, "results": results}
        if bus is not None:
            bus.publish(PreflightRan(run=run))
        return run


def runs(ef: EventFile, limit: int = 50) -> list[dict[str, Any]]:
    """Newest first: {"id", "at", "kind", "go", "results"}."""
    rows = ef.rows("SELECT * FROM preflight_runs ORDER BY id DESC LIMIT ?", (limit,))
    for r in rows:
        r["go"] = bool(r["go"])
        r["results"] = json.loads(r["results"])
    return rows


def has_run(ef: EventFile, kind: str, since: float) -> bool:
    return bool(ef.value("SELECT 1 FROM preflight_runs WHERE kind = ? AND at >= ?", (kind, since)))


# -- the manual checklist ---------------------------------------------------------------------


def _items(raw: dict[str, Any]) -> list[dict[str, Any]] | None:
    items = raw.get("items")
    if not isinstance(items, list):
        return None
    return [
        {
            "id": str(i.get("id") or ""),
            "text": str(i.get("text") or ""),
            "ticked_by": str(i.get("ticked_by") or ""),
            "ticked_at": str(i.get("ticked_at") or ""),
        }
        for i in items
        if isinstance(i, dict) and i.get("text")
    ]


SECTION = Section("preflight", lambda raw: {"items": _items(raw)}, to_dict=lambda s: s)


def checklist(ef: EventFile, lang: str = "en") -> list[dict[str, Any]]:
    """The event's items, or the default list in `lang` (zh_CN or en) until edited."""
    items = SECTION.load(ef)["items"]
    if items is not None:
        return items
    texts = DEFAULT_ITEMS["zh_CN" if lang.startswith("zh") else "en"]
    return [
        {"id": f"d{n}", "text": t, "ticked_by": "", "ticked_at": ""} for n, t in enumerate(texts)
    ]


def set_checklist(
    ef: EventFile, texts: list[str], lang: str = "en", bus: Bus | None = None
) -> list[dict[str, Any]]:
    """Replace the items' texts (blank lines dropped); an item whose text stays keeps its tick."""
    old = {i["text"]: i for i in checklist(ef, lang)}
    items = [
        old.get(t) or {"id": uuid.uuid4().hex[:8], "text": t, "ticked_by": "", "ticked_at": ""}
        for t in (x.strip() for x in texts)
        if t
    ]
    settings_store.update(ef, SECTION, lambda raw: {**raw, "items": items}, bus)
    return items


def tick(
    ef: EventFile,
    item_id: str,
    by: str,
    ticked: bool = True,
    lang: str = "en",
    bus: Bus | None = None,
) -> list[dict[str, Any]]:
    items = checklist(ef, lang)
    if not any(i["id"] == item_id for i in items):
        raise ValueError(f"no checklist item {item_id!r}")
    for i in items:
        if i["id"] == item_id:
            i["ticked_by"], i["ticked_at"] = (by, now_iso()) if ticked else ("", "")
    settings_store.update(ef, SECTION, lambda raw: {**raw, "items": items}, bus)
    return items
