"""Back to the channel on import: a 问卷星 export whose `sojumpparm` column holds what each
channel's link carried puts every guest on the right channel; a value no channel carries is
kept on the guest and listed, never dropped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.channels import Channel, ChannelSettings
from app.channels.importing import channel_of, propose_mapping
from app.guests.importer import apply_import, guess_mapping, plan_import, read_table
from app.session import Session

EXPORT = Path(__file__).parent / "data" / "wjx-export.csv"
CHANNELS = (
    Channel("公众号", "gzh"),
    Channel("视频号", "sph"),
    Channel("社群", "sq"),
    Channel("Partner X", "partner-x"),
    Channel("官网", "web"),
    Channel("CON", "con"),
)
EXPECTED = {"公众号": 4, "视频号": 3, "社群": 3, "Partner X": 2, "官网": 3, "CON": 1}


def settings() -> ChannelSettings:
    return ChannelSettings("https://www.wjx.cn/vm/abc.aspx", "", CHANNELS)


@pytest.fixture
def s(tmp_path: Path) -> Iterator[Session]:
    session = Session.create(tmp_path / "e.showday", "Salon")
    yield session
    session.close()


def test_the_parameter_column_is_proposed_and_every_guest_lands_on_its_channel(
    s: Session,
) -> None:
    s.channels.save(settings())
    table = read_table(EXPORT)
    guessed = guess_mapping(table.headers)
    assert table.headers[guessed["channel"]] == "来源"  # the generic guess: the wrong one
    mapping = propose_mapping(table.headers, s.channels.settings, guessed)
    assert table.headers[mapping["channel"]] == "sojumpparm"
    plan = plan_import(s.ef, table, mapping, channel_of=channel_of(s.channels.settings))
    assert plan.ok, plan.error_text()
    assert plan.unknown_channels == {"douyin": [18]}  # the line in the file
    apply_import(s.ef, s.bus, plan)
    got = Counter(r["channel"] for r in s.ef.rows("SELECT channel FROM guests"))
    assert got == Counter({**EXPECTED, "douyin": 1, "": 1})
    assert s.ef.value("SELECT channel FROM guests WHERE name = '何雪'") == "douyin"


def test_without_channels_the_file_is_taken_as_it_is(s: Session) -> None:
    table = read_table(EXPORT)
    mapping = propose_mapping(table.headers, s.channels.settings, guess_mapping(table.headers))
    assert table.headers[mapping["channel"]] == "来源"
    assert channel_of(s.channels.settings) is None
