"""Fixtures for the guest tests: the shared sample lists and small files written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bus import Bus
from app.guests.importer import (
    ImportResult,
    apply_import,
    guess_mapping,
    plan_import,
    read_table,
)
from app.store import EventFile

SAMPLES = Path("/work/shared/samples")
HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def sample(name: str) -> Path:
    """A shared sample if this machine has it, else the copy kept next to the tests (CI)."""
    shared = SAMPLES / name
    return shared if shared.exists() else DATA / name


@pytest.fixture
def ef() -> EventFile:
    return EventFile.memory()


@pytest.fixture
def bus() -> Bus:
    return Bus()


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def import_path(ef: EventFile, path: Path, bus: Bus | None = None) -> ImportResult:
    table = read_table(path)
    plan = plan_import(ef, table, guess_mapping(table.headers))
    assert plan.ok, plan.error_text()
    return apply_import(ef, bus, plan)
