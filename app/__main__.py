"""Command line: `python -m app [EVENT] [options]` opens the window; subcommands work without one.

    python -m app                       the last event, or the welcome screen
    python -m app EVENT.showday         open an event
    python -m app --demo                create (if needed) and open the demo event
    python -m app new EVENT --name NAME [--guests FILE] [--rundown FILE]
    python -m app token EVENT [--name NAME]
    python -m app pair EVENT --role door --name NAME [--url BASE] [--png FILE] [--hours H]
    python -m app report EVENT --out DIR [--lang zh_CN|en]
    python -m app channels EVENT [--form URL] [--param NAME] [--add NAME ...] [--out DIR]
    python -m app --version

This is the one module under app/ that reaches the UI, and only by importing `ui.main` inside
`main()` when a window is asked for: the core stays importable without Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app import __version__, console
from app.session import Session
from app.store import EventFile, EventFileError

SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {}


@dataclass
class LaunchOptions:
    """What the window should do on start. Built from the command line; read by ui.main.run."""

    event: Path | None = None
    demo: bool = False
    obs: tuple[str, int] | None = None  # password comes from $SHOWDAY_OBS_PASSWORD
    lan: tuple[str, int] | None = None
    lang: str | None = None  # "zh_CN" or "en"; None follows the saved choice, then the system
    screenshot: Path | None = None  # save a picture of the window once shown, then quit
    quit_after: float | None = None  # seconds; for smoke tests of the built app


def host_port(value: str) -> tuple[str, int]:
    """'HOST:PORT' -> (host, port), with a message argparse can show."""
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
    return host.strip("[]"), int(port)


def gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="showday",
        description="Showday: run the day of a livestreamed event.",
        epilog="Subcommands: new EVENT --name NAME | token EVENT [--name NAME] | "
        "pair EVENT --role door --name NAME [--url BASE] [--png FILE] | "
        "report EVENT --out DIR [--lang zh_CN|en] | "
        "preflight EVENT [--obs HOST:PORT] [--fix] [--json] | "
        "channels EVENT [--form URL] [--add NAME ...] [--out DIR]. "
        "See `python -m app new --help`.",
    )
    p.add_argument("event", nargs="?", type=Path, help="the event file (*.showday) to open")
    p.add_argument("--demo", action="store_true", help="open the demo event (created if needed)")
    p.add_argument(
        "--obs",
        type=host_port,
        metavar="HOST:PORT",
        help="connect to OBS on start (password from $SHOWDAY_OBS_PASSWORD)",
    )
    p.add_argument("--lan", type=host_port, metavar="HOST:PORT", help="open the station server")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="language of the window")
    p.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"Showday {__version__}")
    return p


def subcommand(name: str) -> Callable[[Callable[[list[str]], int]], Callable[[list[str]], int]]:
    def register(fn: Callable[[list[str]], int]) -> Callable[[list[str]], int]:
        SUBCOMMANDS[name] = fn
        return fn

    return register


def fail(message: str) -> int:
    console.say(f"showday: {message}", error=True)
    return 2


class CliError(Exception):
    """A command cannot go on: `main` prints the message and exits 2 (as `fail`)."""


@contextmanager
def open_event(path: Path) -> Iterator[Session]:
    """The event file as a session for one command, closed after it; a file that does not
    open is a CliError naming why."""
    try:
        session = Session.open(path, origin="cli")
    except EventFileError as err:
        raise CliError(str(err)) from None
    try:
        yield session
    finally:
        session.close()


@subcommand("new")
def cmd_new(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="showday new", description="Create an event file.")
    p.add_argument("event", type=Path)
    p.add_argument("--name", required=True, help="the event's name")
    p.add_argument("--guests", type=Path, help="a guest list to import (CSV or XLSX)")
    p.add_argument("--rundown", type=Path, help="a run-of-show to import (CSV or XLSX)")
    args = p.parse_args(argv)
    for flag, value in (("--guests", args.guests), ("--rundown", args.rundown)):
        if value is not None and not value.exists():
            return fail(f"{flag}: {value} does not exist")
    importers = _importers()
    path = args.event if args.event.suffix else args.event.with_suffix(".showday")
    try:
        session = Session.create(path, args.name, origin="cli")
    except EventFileError as err:
        return fail(str(err))
    summaries: list[str] = []
    try:
        for flag, value in (("--guests", args.guests), ("--rundown", args.rundown)):
            if value is not None:
                summaries.append(importers[flag](session.ef, value))
    except ValueError as err:  # an importer names the bad rows; the half-made file goes
        session.close()
        for extra in ("", "-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        return fail(str(err))
    session.close()
    # Printed only once the event is complete and closed: nothing said here can undo it.
    for line in [*summaries, f"Created {path}"]:
        console.say(line)
    return 0


def _importers() -> dict[str, Callable[[EventFile, Path], str]]:
    """The file importers by command-line flag, imported only when `new` runs (start-up of the
    window does not pay for pypinyin and the table readers).

    Each takes (event file, path), imports all or nothing and returns a one-line summary, or
    raises ValueError with a message naming the bad rows."""
    from app.guests.importer import import_file_cli as import_guests
    from app.show.rundown import import_file_cli as import_rundown

    return {"--guests": import_guests, "--rundown": import_rundown}


@subcommand("token")
def cmd_token(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="showday token", description="Create a control-API token (Stream Deck, Companion)."
    )
    p.add_argument("event", type=Path)
    p.add_argument("--name", default="Control API", help="a name to recognise the token by")
    args = p.parse_args(argv)
    from app.lan.stations import create_api_token  # the station server's code, on use only

    with open_event(args.event) as session:
        token = create_api_token(session.ef, args.name, session.bus)
    console.say(token)
    return 0


@subcommand("pair")
def cmd_pair(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="showday pair",
        description="Print a pairing URL for a station (a door phone, a moderator's tablet), to "
        "pair it before the venue opens: open the URL on the phone once the station server runs.",
    )
    p.add_argument("event", type=Path)
    p.add_argument("--role", choices=["door", "moderator", "stage"], default="door")
    p.add_argument("--name", help='the station\'s name, e.g. "Door A"')
    p.add_argument(
        "--url",
        help="the station server's address as phones reach it, e.g. http://192.168.1.20:8765 "
        "(default: this computer's LAN address and the default port)",
    )
    p.add_argument("--png", type=Path, help="also write the URL's QR code to this PNG file")
    p.add_argument(
        "--hours", type=float, default=24.0, help="how long the code can be used (default 24)"
    )
    args = p.parse_args(argv)
    if not 0 < args.hours <= 24 * 14:
        return fail("--hours: give a number of hours between 0 and 336")
    base = args.url
    if base is None:
        from app.lan.server import DEFAULT_PORT, url_host

        base = f"http://{url_host('0.0.0.0')}:{DEFAULT_PORT}"
    if not base.startswith(("http://", "https://")):
        return fail(f"--url: expected an address like http://192.168.1.20:8765, got {base!r}")
    from app.lan.stations import create_pairing

    with open_event(args.event) as session:
        pairing = create_pairing(
            session.ef, args.role, args.name, ttl_s=args.hours * 3600, bus=session.bus
        )
    url = pairing.url(base)
    if args.png is not None:
        from app.export import write_bytes
        from app.guests.tickets import qr_png

        try:
            write_bytes(args.png, qr_png(url))
        except OSError as err:
            return fail(f"--png: cannot write {args.png}: {err.strerror}")
    print(url)
    print(
        f"{pairing.name} ({pairing.role}), usable once until {pairing.expires_at}", file=sys.stderr
    )
    return 0


@subcommand("preflight")
def cmd_preflight(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="showday preflight",
        description="Check that the show is ready: OBS scenes and sources, overlays, stream "
        "server, recording disk, stations, speakers, guest list, clock. Exits 0 for go, 1 for "
        "no-go (any check failed), 2 when it could not run.",
    )
    p.add_argument("event", type=Path)
    p.add_argument(
        "--obs",
        type=host_port,
        metavar="HOST:PORT",
        help="check this OBS (password from $SHOWDAY_OBS_PASSWORD)",
    )
    p.add_argument("--fix", action="store_true", help="create missing scenes/sources, re-check")
    p.add_argument("--json", action="store_true", help="print the run as JSON")
    args = p.parse_args(argv)
    from app.preflight.cli import run_preflight

    with open_event(args.event) as session:
        return run_preflight(session, args.obs, fix=args.fix, as_json=args.json)


@subcommand("channels")
def cmd_channels(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="showday channels",
        description="A tracked registration link and poster QR code per promotion channel: "
        "sets the event's form URL, adds channels, and with --out writes a PNG and an SVG per "
        "channel, channels.csv (the links) and channels-sheet.pdf (every code, for the team). "
        "Without options it lists the channels and their links.",
    )
    p.add_argument("event", type=Path)
    p.add_argument("--form", metavar="URL", help="the registration form's address")
    p.add_argument(
        "--param",
        help="the link parameter the form tool records (default by tool: 问卷星 sojumpparm, "
        "金数据 x_field_1, 腾讯问卷 from; otherwise utm_source)",
    )
    p.add_argument("--add", metavar="NAME", action="append", default=[], help="a channel")
    p.add_argument("--out", type=Path, metavar="DIR", help="write the QR files and links here")
    args = p.parse_args(argv)
    with open_event(args.event) as session:
        try:
            if args.form is not None or args.param is not None or args.add:
                session.channels.configure(args.form, args.param, args.add)
            settings = session.channels.settings
            files = session.channels.write_files(args.out) if args.out else None
        except ValueError as err:
            return fail(str(err))
        except OSError as err:
            return fail(f"--out: cannot write {args.out}: {err.strerror or err}")
    for c in settings.channels:
        console.say(f"{c.name}\t{settings.link(c)}")
    if files is not None:
        console.say(f"wrote {len(files.all)} files to {args.out}", error=True)
    return 0


@subcommand("report")
def cmd_report(argv: list[str]) -> int:
    from ui.report.cli import main as report  # Qt only for the PDF's painter, offscreen

    return report(argv)


def main(argv: Sequence[str] | None = None) -> int:
    console.make_safe()  # a GBK console or no console must never fail a finished command
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        try:
            return SUBCOMMANDS[args[0]](args[1:])
        except CliError as err:
            return fail(str(err))
    ns = gui_parser().parse_args(args)
    if ns.demo and ns.event:
        return fail("give an event file or --demo, not both")
    opts = LaunchOptions(
        event=ns.event,
        demo=ns.demo,
        obs=ns.obs,
        lan=ns.lan,
        lang=ns.lang,
        screenshot=ns.screenshot,
        quit_after=ns.quit_after,
    )
    from ui.main import run  # the window, and Qt with it, only when a window is asked for

    return run(opts)


if __name__ == "__main__":
    sys.exit(main())
