"""``tender-notifier import NOTICE.xml``: an eForms notice in, a tender file out.

The import command hands a notice here when its content is eForms (by the UBL namespace, whatever
the file is called). Exit status as for an announcement: 0 when a deadline was found, 1 when none
was (or when the notice cancels the procedure, which a tender file cannot say), 2 when the notice
cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..errors import TimelineError
from ..importer.output import to_json, to_toml
from .mapping import to_tender
from .parse import parse_notice

EXIT_FOUND = 0
EXIT_NO_DEADLINE = 1
EXIT_UNREADABLE = 2


def import_notice(
    data: bytes,
    *,
    source: str,
    output: Path | None,
    fmt: str,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Write the tender of the notice ``data`` to ``output`` (or ``stdout``)."""
    try:
        notice = parse_notice(data, Path(source))
        mapped = to_tender(notice)
    except TimelineError as exc:
        for problem in exc.problems:
            print(problem, file=stderr)
        return EXIT_UNREADABLE
    tender = mapped.tender
    if notice.cancels:
        print(
            f"{source}: this change notice cancels procedure {tender.id}; a tender file cannot "
            "say so. Put the notice itself in tenders_dir beside the procedure's other notices.",
            file=stderr,
        )
        return EXIT_NO_DEADLINE
    rendered = to_json(tender) if fmt == "json" else to_toml(tender, source=source)
    if output is not None:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            print(f"{output}: cannot write: {exc}", file=stderr)
            return EXIT_UNREADABLE
    else:
        stdout.write(rendered)
    count = len(tender.milestones)
    kind = "change notice" if notice.changed else "notice"
    print(
        f"{source}: eForms {kind} {notice.notice_type}, {count} "
        f"milestone{'s' if count != 1 else ''} found",
        file=stderr,
    )
    for warning in mapped.warnings:
        print(f"{source}: {warning}", file=stderr)
    if not any(m.kind.is_deadline for m in tender.milestones):
        print(f"{source}: no deadline in this notice", file=stderr)
        return EXIT_NO_DEADLINE
    return EXIT_FOUND
