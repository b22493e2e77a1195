"""Whatever text comes in, the import takes time in proportion to its length, and has a limit.

The real numbers are in bench/README.md (``bench/importer.py``). The ceiling here, 8 s of CPU
for 100 KB, is only a safety net that a quadratic path breaks by a wide margin: before the
regexes were bounded, ``Referentie ref.ref.ref...`` took minutes and a line of em spaces 11 s.
"""

from __future__ import annotations

import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tender_notifier.importer import MAX_ANNOUNCEMENT, AnnouncementTooLarge, extract
from tender_notifier.importer.command import main
from tender_notifier.importer.rules import RULES
from tests.support.hostile_text import HOSTILE_TOKENS, grown

ZONE = ZoneInfo("Europe/Amsterdam")
SIZE = 100_000
# Seconds of CPU for SIZE characters; a text with a date every 40 characters takes about 3.5.
CEILING = 8.0

# Every rule's example, and the shared pieces of hostile text.
TOKENS = (*(rule.example for rule in RULES), *HOSTILE_TOKENS)


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    extract(text, zone=ZONE)
    return time.process_time() - start


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """One short unit of tokens and odd characters, repeated to SIZE: no newline, or many."""
    unit = "".join(draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4)))
    unit += draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=3))
    return grown(unit, SIZE)


@pytest.mark.parametrize(
    "text",
    [
        "Referentie " + grown("ref.", SIZE - 11),
        "Sluitingsdatum " + "\u2003" * (SIZE - 16) + "x",
        "x" + "\u2003" * (SIZE - 2) + "|",
        grown("x\n", SIZE),
        grown("1, ", SIZE) + " juli 2026",
        grown("Interview 1 juli 2026 van 10:00 tot 11:00. Eindtijd: 09:00 uur. ", SIZE),
        "BEGIN:VCALENDAR\n"
        + grown(
            "BEGIN:VEVENT\nDTSTART:20261209T130000Z\nDTEND:20261209T150000Z\nSUMMARY:Schouw\n"
            "DESCRIPTION:Sluiting 14 januari 2027\nEND:VEVENT\n",
            SIZE - 30,
        )
        + "END:VCALENDAR\n",
    ],
    ids=[
        "ref-ref-ref",
        "em-spaces",
        "em-spaces-then-bar",
        "lines",
        "leading-days",
        "times",
        "calendar-events",
    ],
)
def test_known_slow_inputs_take_linear_time(text: str) -> None:
    assert cpu_seconds(text) < CEILING


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_texts())
def test_any_repeated_text_of_100_kb_imports_in_linear_time(text: str) -> None:
    assert cpu_seconds(text) < CEILING


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(AnnouncementTooLarge, match="1,000,000"):
        extract("a" * (MAX_ANNOUNCEMENT + 1), zone=ZONE)


def test_import_refuses_a_file_over_1_mb_with_exit_2_and_names_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Sluitingsdatum: 15 juli 2026\n" + b"x" * MAX_ANNOUNCEMENT)
    assert main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "huge.txt: the announcement is larger than the limit of 1,000,000 bytes (1 MB)" in err


def test_import_reads_a_file_of_exactly_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = b"Adviseur\nInschrijven kan tot 15 juli 2026, 09:00 uur.\n"
    path = tmp_path / "full.txt"
    path.write_bytes(head + b"x" * (MAX_ANNOUNCEMENT - len(head)))
    assert main([str(path)]) == 0
    assert "at = 2026-07-15T09:00:00" in capsys.readouterr().out


def test_the_report_of_what_was_not_placed_stays_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Thousands of dates without a year in one long sentence: a bounded report, not GBs."""
    path = tmp_path / "many.txt"
    path.write_text("Adviseur\nInschrijven kan tot " + "15 juli, " * 5000, encoding="utf-8")
    main([str(path)])
    err = capsys.readouterr().err
    assert len(err.splitlines()) <= 105
    assert max(len(line) for line in err.splitlines()) < 500
    assert "more things not placed" in err
