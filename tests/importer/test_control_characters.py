"""Control characters in an announcement never reach the tender file the importer writes.

A bare CR in a title injects events into a feed, an LF in a title breaks every email, an ESC
rewrites the terminal: C0 controls (but tab and newline between lines), DEL and C1 controls are
dropped from titles, buyers, references, notes and every other text the importer writes.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tender_notifier.importer import extract
from tender_notifier.importer.command import main
from tender_notifier.importer.output import to_json, to_toml
from tender_notifier.tender_file import parse_tender
from tender_notifier.timeline import Tender

ZONE = ZoneInfo("Europe/Amsterdam")
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]

ANNOUNCEMENT = (
    "Adviseur\x1b[31m Wonen\x07\r\n"
    "Opdrachtgever: Gemeente\x00 Delft\x7f\n"
    "Aanvraagnummer: 47\x0811\n"
    "Platform: Flex\x9btender\n"
    "Vragen kunnen tot 9 juli 2026, 12:00 uur worden\x1b]0;pwned\x07 gesteld.\n"
    "Inschrijven kan tot woensdag 15 juli 2026, 09:00 uur.\rBEGIN:VEVENT\n"
)


def texts(tender: Tender) -> list[str]:
    """Every text of the tender that ends up in the file."""
    values = [tender.id, tender.title, tender.buyer, tender.platform or "", tender.reference or ""]
    for milestone in tender.milestones:
        values += [milestone.id, milestone.title or "", milestone.note or ""]
    return values


def has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def test_controls_are_dropped_from_every_field() -> None:
    tender = extract(ANNOUNCEMENT, zone=ZONE).tender
    assert not any(has_control(value) for value in texts(tender))
    assert tender.title == "Adviseur[31m Wonen"
    assert tender.buyer == "Gemeente Delft"
    assert tender.reference == "4711"
    assert tender.platform == "Flextender"
    assert len(tender.milestones) == 2
    assert tender.milestones[0].note == (
        "Vragen kunnen tot 9 juli 2026, 12:00 uur worden]0;pwned gesteld."
    )


def test_a_bare_cr_ends_a_line_and_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ANNOUNCEMENT.replace("\x00", "").encode("utf-8"))  # NUL: not a text file
    assert main([str(path)]) == 0
    out, err = capsys.readouterr()
    assert not has_control(out.replace("\n", ""))
    assert "\\u00" not in out.lower()  # no escaped controls either
    assert not has_control(err.replace("\n", ""))
    tender = parse_tender(out)
    [deadline] = [m for m in tender.milestones if m.kind.value == "submission_deadline"]
    assert deadline.note == "Inschrijven kan tot woensdag 15 juli 2026, 09:00 uur."


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(CONTROLS),
            st.sampled_from(
                ["Titel: ", "Opdrachtgever: ", "Inschrijven tot ", "15 juli 2026 ", "\n", "\t"]
            ),
            st.text(max_size=8),
        ),
        max_size=40,
    ).map("".join)
)
def test_no_control_character_survives_any_text(text: str) -> None:
    tender = extract(text, zone=ZONE).tender
    assert not any(has_control(value) for value in texts(tender))
    for rendered in (to_toml(tender, source="a\x1bb.txt"), to_json(tender)):
        assert not has_control(rendered.replace("\n", ""))
