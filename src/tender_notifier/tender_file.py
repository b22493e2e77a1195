"""Reading tender files: TOML in, validated ``Tender`` out, every mistake reported at once.

A tender file looks like ``config/tenders/flextender-30988.toml``. Local times in it are read in the
tender's ``timezone`` (Europe/Amsterdam unless it says otherwise) and become aware datetimes here,
once. Mistakes are collected, not raised one by one, so ``tender-notifier check`` can list them all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .controls import first_control
from .errors import Problem, TimelineError
from .timeline import Day, Kind, Milestone, Moment, Span, Tender, When

DEFAULT_TIMEZONE = "Europe/Amsterdam"
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_TENDER_KEYS = {"id", "title", "buyer", "platform", "reference", "url", "timezone", "milestones"}
_MILESTONE_KEYS = {"id", "kind", "at", "date", "start", "end", "title", "note"}
_TOML_LINE = re.compile(r"at line (\d+)")

# The usual order of a procedure, for sorting and for the text importer's plausibility checks.
# It is not a rule a tender file must follow: real procedures have a second questions round after
# the first answers, requests to participate before invitations and tenders, and lots with their
# own deadlines. Only what is impossible within one milestone (a span ending before it starts) is
# refused.
STAGE = {
    Kind.PARTICIPATION_DEADLINE: 0,
    Kind.QUESTIONS_DEADLINE: 0,
    Kind.ANSWERS_PUBLISHED: 1,
    Kind.SUBMISSION_DEADLINE: 2,
    Kind.OPENING: 2,
    Kind.SHORTLIST_NOTICE: 3,
    Kind.INTERVIEWS: 4,
    Kind.AWARD: 5,
    Kind.START: 6,
    Kind.END: 7,
}


@dataclass(frozen=True)
class LoadResult:
    """What a directory of tender files gave: the good tenders, and every problem in the rest."""

    tenders: tuple[Tender, ...]
    problems: tuple[Problem, ...]
    files: Mapping[str, Path]  # tender id -> the file it came from
    # Tenders left out because one of their files cannot be read (an eForms notice that may be
    # the newest of its procedure): a running daemon keeps the version it had.
    held: frozenset[str] = frozenset()

    def raise_for_problems(self) -> None:
        if self.problems:
            raise TimelineError(self.problems)


def load_tender_file(path: Path) -> Tender:
    """Read one tender file; raise ``TimelineError`` listing every mistake in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TimelineError([Problem(path, None, f"cannot read the file: {exc}")]) from exc
    return parse_tender(text, path)


def parse_tender(text: str, path: Path | None = None) -> Tender:
    """Parse the text of a tender file; ``path`` is only used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        raise TimelineError([Problem(path, None, f"not valid TOML: {exc}", line)]) from exc
    return _Reader(path, text).tender(data)


def load_directory(directory: Path) -> LoadResult:
    """Read every ``*.toml`` in ``directory``, sorted by name, and the eForms notices (``*.xml``),
    one tender per procedure. Bad files become problems."""
    if not directory.is_dir():
        problem = Problem(directory, None, "the tenders directory does not exist")
        return LoadResult((), (problem,), {})
    tenders: list[Tender] = []
    problems: list[Problem] = []
    files: dict[str, Path] = {}
    for path in sorted(directory.glob("*.toml")):
        try:
            tender = load_tender_file(path)
        except TimelineError as exc:
            problems.extend(exc.problems)
            continue
        if tender.id in files:
            problems.append(
                Problem(path, "id", f"tender id {tender.id!r} is also used by {files[tender.id]}")
            )
            continue
        files[tender.id] = path
        tenders.append(tender)
    xml_paths = sorted(directory.glob("*.xml"))
    if not xml_paths:  # the eForms reader and its XML parser load only for folders with notices
        return LoadResult(tuple(tenders), tuple(problems), files, frozenset())
    from .eforms.procedures import load_notices

    notices = load_notices(xml_paths)
    problems.extend(notices.problems)
    for tender in notices.tenders:
        path = notices.files[tender.id]
        if tender.id in files:
            problems.append(
                Problem(
                    path,
                    "cbc:ContractFolderID",
                    f"tender id {tender.id!r} is also used by {files[tender.id]}",
                )
            )
            continue
        files[tender.id] = path
        tenders.append(tender)
    return LoadResult(tuple(tenders), tuple(problems), files, notices.held)


class _Reader:
    """Turns parsed TOML into a Tender, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path | None, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def problem(self, field: str | None, message: str, milestone: int | None = None) -> None:
        key = field.rsplit(".", 1)[-1] if field else None
        self.problems.append(Problem(self.path, field, message, self._line_of(key, milestone)))

    def tender(self, data: dict[str, Any]) -> Tender:
        for key in sorted(set(data) - _TENDER_KEYS):
            self.problem(key, f"unknown field (expected one of: {', '.join(sorted(_TENDER_KEYS))})")
        tender_id = self._slug(data, "id")
        title = self._text(data, "title", required=True)
        buyer = self._text(data, "buyer", required=True)
        platform = self._text(data, "platform")
        reference = self._text(data, "reference", allow_int=True)
        url = self._text(data, "url")
        if url is not None and not re.match(r"^https?://\S+$", url):
            self.problem("url", f"expected an http(s) link, got {url!r}")
        zone = self._zone(data.get("timezone", DEFAULT_TIMEZONE))

        raw_milestones = data.get("milestones", [])
        milestones: list[Milestone] = []
        if not isinstance(raw_milestones, list):
            self.problem("milestones", "expected a list of [[milestones]] tables")
            raw_milestones = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_milestones):
            milestone = self._milestone(index, raw, zone)
            if milestone is None:
                continue
            if milestone.id in seen:
                self.problem(
                    f"milestones[{index}].id",
                    f"duplicate milestone id {milestone.id!r} "
                    f"(also milestone {seen[milestone.id] + 1})",
                    index,
                )
                continue
            seen[milestone.id] = index
            milestones.append(milestone)

        if self.problems or tender_id is None or title is None or buyer is None or zone is None:
            raise TimelineError(self.problems)
        milestones.sort(key=lambda m: (m.begins(zone), m.ends(zone), m.id))
        return Tender(
            id=tender_id,
            title=title,
            buyer=buyer,
            platform=platform,
            reference=reference,
            url=url,
            timezone=zone,
            milestones=tuple(milestones),
        )

    def _milestone(self, index: int, raw: Any, zone: ZoneInfo | None) -> Milestone | None:
        name = f"milestones[{index}]"
        if not isinstance(raw, dict):
            self.problem(name, "expected a table with id, kind and a date", index)
            return None
        before = len(self.problems)
        for key in sorted(set(raw) - _MILESTONE_KEYS):
            self.problem(
                f"{name}.{key}",
                f"unknown field (expected one of: {', '.join(sorted(_MILESTONE_KEYS))})",
                index,
            )
        milestone_id = self._slug(raw, "id", name, index)
        kind = self._kind(raw, name, index)
        when = self._when(raw, name, index, zone)
        title = self._text(raw, "title", prefix=name, milestone=index)
        note = self._text(raw, "note", prefix=name, milestone=index)
        if len(self.problems) > before or milestone_id is None or kind is None or when is None:
            return None
        return Milestone(id=milestone_id, kind=kind, when=when, title=title, note=note)

    def _when(
        self, raw: dict[str, Any], name: str, index: int, zone: ZoneInfo | None
    ) -> When | None:
        given = [key for key in ("at", "date", "start", "end") if key in raw]
        forms = {"at": "at", "date": "date", "start": "start+end", "end": "start+end"}
        chosen = {forms[key] for key in given}
        if not chosen:
            self.problem(
                name,
                "needs a date: `at` (a moment), `date` (a whole day) or `start` and `end` (a span)",
                index,
            )
            return None
        if len(chosen) > 1:
            self.problem(
                name,
                f"has {' and '.join(f'`{k}`' for k in given)}; give exactly one of "
                "`at`, `date` or `start`+`end`",
                index,
            )
            return None
        if zone is None:
            return None
        form = chosen.pop()
        if form == "date":
            value = raw["date"]
            if isinstance(value, datetime) or not isinstance(value, date):
                self.problem(
                    f"{name}.date", f"expected a date like 2026-07-13, got {value!r}", index
                )
                return None
            return Day(value)
        if form == "at":
            at = self._moment(raw["at"], f"{name}.at", index, zone)
            return Moment(at) if at else None
        if "start" not in raw or "end" not in raw:
            missing = "end" if "start" in raw else "start"
            self.problem(f"{name}.{missing}", "a span needs both `start` and `end`", index)
            return None
        start = self._moment(raw["start"], f"{name}.start", index, zone)
        end = self._moment(raw["end"], f"{name}.end", index, zone)
        if start is None or end is None:
            return None
        if end <= start:
            self.problem(
                f"{name}.end",
                f"ends ({end.isoformat()}) before or when it starts ({start.isoformat()})",
                index,
            )
            return None
        return Span(start, end)

    def _moment(self, value: Any, field: str, index: int, zone: ZoneInfo) -> datetime | None:
        if not isinstance(value, datetime):
            self.problem(
                field, f"expected a date and time like 2026-07-15T09:00:00, got {value!r}", index
            )
            return None
        if value.tzinfo is not None:
            return value.astimezone(zone)
        local = value.replace(tzinfo=zone)
        # A wall-clock time skipped by the spring-forward change does not survive a round trip.
        round_trip = local.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if round_trip != value:
            self.problem(
                field,
                f"{value.isoformat()} does not exist in {zone.key} (clocks move forward)",
                index,
            )
            return None
        return local

    def _slug(
        self, data: dict[str, Any], key: str, prefix: str = "", milestone: int | None = None
    ) -> str | None:
        field = f"{prefix}.{key}" if prefix else key
        value = data.get(key)
        if value is None:
            self.problem(field, "is required", milestone)
            return None
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.problem(
                field,
                "expected lowercase letters, digits, '.', '_' or '-' (used in URLs), "
                f"got {value!r}",
                milestone,
            )
            return None
        return value

    def _text(
        self,
        data: dict[str, Any],
        key: str,
        *,
        prefix: str = "",
        required: bool = False,
        allow_int: bool = False,
        milestone: int | None = None,
    ) -> str | None:
        field = f"{prefix}.{key}" if prefix else key
        value = data.get(key)
        if value is None:
            if required:
                self.problem(field, "is required", milestone)
            return None
        if allow_int and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(field, f"expected non-empty text, got {value!r}", milestone)
            return None
        value = value.strip()
        if not self._free_of_controls(field, value, milestone):
            return None
        return value

    def _free_of_controls(self, field: str, value: str, milestone: int | None) -> bool:
        """Refuse control characters (``controls.CONTROL``): a CR or LF in a title would break
        every email header and calendar line it ends up in, an ESC would drive terminals."""
        found = first_control(value)
        if found is None:
            return True
        self.problem(
            field,
            f"contains the control character {found}; write the text on one line, "
            "without control characters",
            milestone,
        )
        return False

    def _kind(self, raw: dict[str, Any], name: str, index: int) -> Kind | None:
        value = raw.get("kind")
        try:
            return Kind(str(value))
        except ValueError:
            choices = ", ".join(k.value for k in Kind)
            if value is None:
                self.problem(f"{name}.kind", f"is required (one of: {choices})", index)
            else:
                self.problem(f"{name}.kind", f"unknown kind {value!r} (one of: {choices})", index)
            return None

    def _zone(self, value: Any) -> ZoneInfo | None:
        if not isinstance(value, str) or not value:
            self.problem("timezone", f"expected an IANA time zone name, got {value!r}")
            return None
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(
                "timezone", f"unknown time zone {value!r} (expected a name like Europe/Amsterdam)"
            )
            return None

    def _line_of(self, key: str | None, milestone: int | None) -> int | None:
        """Best-effort line number of ``key`` (in the given [[milestones]] table) for messages."""
        start = 0
        if milestone is not None:
            headers = [i for i, line in enumerate(self.lines) if line.strip() == "[[milestones]]"]
            if milestone >= len(headers):
                return None
            start = headers[milestone]
            if key is None or key.startswith("milestones["):
                return start + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=") if key else None
        for i in range(start, len(self.lines)):
            line = self.lines[i].strip()
            if i > start and line.startswith("[") and milestone is not None:
                break
            if milestone is None and line.startswith("["):
                break
            if pattern and pattern.match(self.lines[i]):
                return i + 1
        return start + 1 if milestone is not None else None


def problems_text(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in problems)
