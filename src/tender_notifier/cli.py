"""The ``tender-notifier`` command: serve, check, timeline, import, and the ops commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import NotifierError
from .unused_extras import refused


class _Subcommand(argparse.ArgumentParser):
    """A command's parser that can be given its arguments when it is used, not before.

    The import command's arguments come from the importer, whose rules and month names (Babel's
    locale data) take seconds and megabytes to load: ``serve`` and the other commands never
    need them, so ``configure_later`` runs only when ``import`` is the command given.
    """

    configure_later: Callable[[argparse.ArgumentParser], None] | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.configure_later is not None:
            configure, self.configure_later = self.configure_later, None
            configure(self)
        return super().parse_known_args(args, namespace)


def _configure_import(parser: argparse.ArgumentParser) -> None:
    from .importer import command as import_command

    import_command.configure(parser)
    parser.set_defaults(handler=import_command.run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tender-notifier",
        description="Tender timelines as calendar feeds, and reminders before every deadline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="settings file (default: config/notifier.toml, or $TN_CONFIG)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Subcommand)
    commands.required = True

    from .commands import deliveries, ops, plan, subscriptions, timeline

    p = commands.add_parser("serve", help="run the daemon: feeds, API and reminders")
    p.set_defaults(handler=ops.serve)

    p = commands.add_parser("check", help="validate the settings and every tender file")
    p.add_argument("--smtp", action="store_true", help="also connect to the SMTP server")
    p.set_defaults(handler=ops.check)

    p = commands.add_parser("reload", help="make the running daemon re-read the tender files")
    p.add_argument("--pid", type=int, help="pid of the daemon (default: from <state_dir>/pid)")
    p.set_defaults(handler=ops.reload)

    p = commands.add_parser("timeline", help="print a tender's timeline")
    p.add_argument("tender_id", nargs="?", help="the tender (default: every tender)")
    p.add_argument("--lang", choices=["nl", "en"], default="nl")
    p.add_argument("--at", help="show the timeline as seen at this ISO date-time")
    p.set_defaults(handler=timeline.run)

    subscriptions.add_parser(commands)
    plan.add_parsers(commands)
    deliveries.add_parser(commands)

    p = commands.add_parser(
        "import", help="write a tender file from the text of a tender announcement"
    )
    p.configure_later = _configure_import
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Before any command imports structlog, httpx or FastAPI (see ``unused_extras``).
    with refused():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except NotifierError as exc:
        print(f"tender-notifier: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
