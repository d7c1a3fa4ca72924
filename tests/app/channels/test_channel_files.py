"""Channels from poster to import: six channels through the command line give six poster QR
codes that a phone's scanner (zbarimg here) reads as six distinct tracked links."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app.channels import model
from app.session import Session

REPO = Path(__file__).resolve().parents[3]
CHANNELS = ["公众号", "视频号", "社群", "Partner X", "官网", "CON"]
FORM = "https://www.wjx.cn/vm/abc123.aspx?lang=zh"


def decode(path: Path) -> list[str]:
    zbar = shutil.which("zbarimg")
    assert zbar, "zbarimg is missing: apt-get install zbar-tools"
    proc = subprocess.run(
        [zbar, "--quiet", "--raw", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def showday(*args: str, gbk: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if gbk:  # a Chinese Windows console: what it cannot show must not fail the command
        env["PYTHONIOENCODING"] = "gbk"
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        capture_output=True,
        timeout=120,
        env=env,
    )  # type: ignore[call-overload]


def test_six_channels_give_six_codes_that_scan_to_six_tracked_links(tmp_path: Path) -> None:
    event = tmp_path / "salon.showday"
    Session.create(event, "AI 沙龙 🎤").close()
    adds = [a for name in CHANNELS for a in ("--add", name)]
    proc = showday("channels", str(event), "--form", FORM, *adds, "--out", str(tmp_path / "qr"))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    pngs = sorted((tmp_path / "qr").glob("*.png"))
    codes = [p for p in pngs if not p.name.startswith("channels-sheet")]
    assert len(codes) == 6
    links = {}
    for png in codes:
        (link,) = decode(png)
        value = parse_qs(urlsplit(link).query)["sojumpparm"]  # 问卷星's parameter, by the URL
        assert parse_qs(urlsplit(link).query)["lang"] == ["zh"]  # the form's own kept
        links[png.stem.lstrip("_")] = (link, value)
    assert len({link for link, _v in links.values()}) == 6
    assert {v[0] for _l, v in links.values()} == set(CHANNELS)
    assert (tmp_path / "qr" / "_CON.png").exists()  # a Windows device name, made safe
    assert all((tmp_path / "qr" / f"{p.stem}.svg").exists() for p in codes)
    # the team's sheet holds every code too, and the CSV every link
    assert sorted(decode(tmp_path / "qr" / "channels-sheet-1.png")) == sorted(
        link for link, _v in links.values()
    )
    assert (tmp_path / "qr" / "channels-sheet.pdf").read_bytes().startswith(b"%PDF")
    with open(tmp_path / "qr" / "channels.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert [r[0] for r in rows] == CHANNELS
    assert {r[3] for r in rows} == {link for link, _v in links.values()}
    # stored in the event: listing them again prints every link, on a GBK console as well
    again = showday("channels", str(event), gbk=True)
    assert again.returncode == 0, again.stderr
    assert again.stdout.decode("gbk").count("sojumpparm=") == 6


def test_svg_carries_the_names_as_text_not_markup() -> None:
    import xml.etree.ElementTree as ET

    from app.channels import qr

    svg = qr.channel_svg("https://x.example/f?c=1", "<b>Partner</b>", "Salon & Co")
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["<b>Partner</b>", "Salon & Co"]


def test_tool_defaults_and_bad_input() -> None:
    assert model.default_param("https://www.wjx.cn/vm/x.aspx") == "sojumpparm"
    assert model.default_param("https://jinshuju.net/f/abc") == "x_field_1"
    assert model.default_param("https://wj.qq.com/s2/123/abc") == "from"
    assert model.default_param("https://forms.example.com/r") == "utm_source"
    s = model.ChannelSettings("https://jinshuju.net/f/abc", "", (model.Channel("公众号", "gzh"),))
    assert s.link(s.channels[0]) == "https://jinshuju.net/f/abc?x_field_1=gzh"
    with pytest.raises(ValueError):
        model.check(model.ChannelSettings("not a url"))
    with pytest.raises(ValueError):
        model.check(
            model.ChannelSettings(FORM, "", (model.Channel("A", "x"), model.Channel("B", "X")))
        )
