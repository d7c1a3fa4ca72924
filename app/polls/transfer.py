"""Polls in and out of the event: the prepared polls as JSON (Setup's import/export, to reuse
them at the next event) and the results as a table through app.export (with the report)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.bus import Bus
from app.export import check_suffix, write_bytes, write_table
from app.polls import store
from app.store import EventFile

COLUMNS = ("Poll", "Kind", "Status", "Answers", "Option / word", "Count")


def prepared(ef: EventFile) -> list[dict[str, Any]]:
    """The polls as they were prepared (no answers), for a JSON file."""
    return [
        {
            "kind": p.kind,
            "question": p.question,
            "options": p.options,
            "max_choices": p.max_choices,
            "hide_results": p.hide_results,
        }
        for p in store.list_polls(ef)
    ]


def export_json(ef: EventFile, path: str | os.PathLike[str]) -> int:
    items = prepared(ef)
    data = json.dumps({"polls": items}, ensure_ascii=False, indent=2).encode()
    write_bytes(path, data)
    return len(items)


def import_json(ef: EventFile, bus: Bus, path: str | os.PathLike[str]) -> int:
    """Add the polls of a JSON file (as `export_json` writes it). Every poll is checked before
    any is added; a bad one raises ValueError naming it (1-based), and nothing is added."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"Not a polls file: {e}") from e
    items = data.get("polls") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError('Not a polls file: expected {"polls": [...]}.')
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ValueError(f"Poll {n}: not an object.")
        try:
            store.checked(
                str(item.get("kind", "")),
                str(item.get("question", "")),
                item.get("options"),
                item.get("max_choices"),
            )
        except ValueError as e:
            raise ValueError(f"Poll {n}: {e}") from e
    for item in items:
        store.create(
            ef,
            bus,
            item["kind"],
            item["question"],
            item.get("options"),
            max_choices=item.get("max_choices"),
            hide_results=bool(item.get("hide_results", False)),
        )
    return len(items)


def result_rows(ef: EventFile) -> list[list[Any]]:
    """One row per option (or word) of every poll that was opened."""
    rows: list[list[Any]] = []
    for p in store.list_polls(ef, ("open", "closed")):
        r = store.results(ef, p.id)
        head = [p.question, p.kind, p.status, r.answers]
        if p.kind == "words":
            pairs = r.words
        elif p.kind == "rating":
            pairs = [(f"{i + 1}★", n) for i, n in enumerate(r.counts)]
            pairs.append(("average", r.average if r.average is not None else ""))  # type: ignore[arg-type]
        else:
            pairs = list(zip(p.options, r.counts, strict=True))
        rows += [[*head, label, n] for label, n in pairs] or [[*head, "", ""]]
    return rows


def export_results(ef: EventFile, path: str | os.PathLike[str]) -> int:
    check_suffix(path)
    rows = result_rows(ef)
    write_table(path, list(COLUMNS), rows, title="Polls")
    return len(rows)
