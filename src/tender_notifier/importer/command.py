"""``tender-notifier import ANNOUNCEMENT.txt``: an announcement in, a tender file out.

The tender file goes to stdout (or ``--output``); what could not be placed goes to stderr, one
line each, for ops to add by hand. Exit status: 0 when a submission deadline was found, 1 when
none was (the file is still written), 2 when the announcement cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..clock import utc_now
from ..eforms.command import import_notice
from ..eforms.parse import looks_like_notice
from ..tender_file import DEFAULT_TIMEZONE
from .extract import MAX_ANNOUNCEMENT, Draft, extract
from .output import to_json, to_toml

EXIT_FOUND = 0
EXIT_NO_DEADLINE = 1
EXIT_UNREADABLE = 2
_MAX_REPORTED = 100  # lines of things not placed; an announcement with more is not one to trust


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the import command's arguments to ``parser``."""
    parser.description = (
        "Read a tender announcement (Dutch or English) and write a tender file with the "
        "milestones found. Check every date before publishing the file."
    )
    parser.add_argument(
        "announcement",
        metavar="ANNOUNCEMENT",
        help="the announcement as a text file or an eForms notice (XML), or - for stdin",
    )
    parser.add_argument("--id", dest="tender_id", help="tender id (default: platform-reference)")
    parser.add_argument(
        "--timezone",
        type=_zone,
        default=ZoneInfo(DEFAULT_TIMEZONE),
        help=f"time zone of the times in the text (default: {DEFAULT_TIMEZONE})",
    )
    parser.add_argument(
        "--today",
        type=_day,
        help="the day the announcement is read, YYYY-MM-DD, for dates written without a year "
        "when the text gives none (default: today in --timezone)",
    )
    parser.add_argument("--output", type=Path, help="write the tender file here, not to stdout")
    parser.add_argument(
        "--format", choices=("toml", "json"), default="toml", help="output format (default: toml)"
    )


def run(args: argparse.Namespace) -> int:
    """Run the command for parsed ``args``; returns the exit status."""
    return _run(args, sys.stdin, sys.stdout, sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """The command on its own, for ``python -m tender_notifier.importer``."""
    parser = argparse.ArgumentParser(prog="tender-notifier import")
    configure(parser)
    return run(parser.parse_args(argv))


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    name: str = args.announcement
    text = _read(name, stdin, stderr)
    if text is None:
        return EXIT_UNREADABLE
    if looks_like_notice(text):  # an eForms notice, whatever its name: read as XML
        source = "stdin" if name == "-" else Path(name).name
        return import_notice(
            text.encode("utf-8"),
            source=source,
            output=args.output,
            fmt=args.format,
            stdout=stdout,
            stderr=stderr,
        )
    today = args.today or utc_now().astimezone(args.timezone).date()
    draft = extract(text, zone=args.timezone, tender_id=args.tender_id, today=today)
    source = "stdin" if name == "-" else Path(name).name
    rendered = (
        to_json(draft.tender) if args.format == "json" else to_toml(draft.tender, source=source)
    )
    if args.output is not None:
        try:
            args.output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            print(f"{args.output}: cannot write: {exc}", file=stderr)
            return EXIT_UNREADABLE
    else:
        stdout.write(rendered)
    _report(draft, source, stderr)
    return EXIT_FOUND if draft.has_submission_deadline else EXIT_NO_DEADLINE


def _read(name: str, stdin: TextIO, stderr: TextIO) -> str | None:
    # Never more than the limit plus one is read: a larger input is refused, not loaded.
    try:
        if name == "-":
            text = stdin.read(MAX_ANNOUNCEMENT + 1)
            size = len(text.encode("utf-8", "surrogatepass"))
        else:
            with Path(name).open("rb") as file:
                data = file.read(MAX_ANNOUNCEMENT + 1)
            size = len(data)
            text = data[:MAX_ANNOUNCEMENT].decode("utf-8-sig") if size <= MAX_ANNOUNCEMENT else ""
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{name}: cannot read the announcement: {exc}", file=stderr)
        return None
    if size > MAX_ANNOUNCEMENT:
        print(
            f"{name}: the announcement is larger than the limit of {MAX_ANNOUNCEMENT:,} bytes "
            "(1 MB); import the part that holds the dates",
            file=stderr,
        )
        return None
    if "\x00" in text:
        print(f"{name}: this is not a text file", file=stderr)
        return None
    if not text.strip():
        print(f"{name}: the announcement is empty", file=stderr)
        return None
    return text


def _report(draft: Draft, source: str, stderr: TextIO) -> None:
    count = len(draft.tender.milestones)
    print(f"{source}: {count} milestone{'s' if count != 1 else ''} found", file=stderr)
    for item in draft.unplaced[:_MAX_REPORTED]:
        where = f"{source}:{item.line}" if item.line else source
        print(f"{where}: {item.found!r}: {item.reason}. In: {item.excerpt}", file=stderr)
    if len(draft.unplaced) > _MAX_REPORTED:
        more = len(draft.unplaced) - _MAX_REPORTED
        print(f"{source}: {more} more things not placed; check the announcement", file=stderr)
    if not draft.has_submission_deadline:
        print(f"{source}: no submission deadline found; add it by hand", file=stderr)


def _zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"unknown time zone {value!r}") from exc


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a day {value!r}; write it as YYYY-MM-DD") from exc
