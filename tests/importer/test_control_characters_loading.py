"""The importer drops control characters: the tender file it writes is one that loads."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from tender_notifier.controls import CONTROL
from tender_notifier.importer.extract import extract
from tender_notifier.importer.output import to_toml
from tender_notifier.tender_file import parse_tender

ZONE = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("char", ["\x08", "\x1b", "\x00", "\x7f", "\x85", "\u2028", "\u202e"])
def test_an_announcement_with_control_characters_imports_to_a_file_that_loads(char: str) -> None:
    text = (
        f"Beleids{char}adviseur Inkoop\n"
        f"Opdrachtgever: Gemeente{char} Zaanstad\n"
        f"Sluitingsdatum: 15 juli 2026 om 09:00 uur{char}\n"
    )
    tender = parse_tender(to_toml(extract(text, zone=ZONE).tender))
    for value in (tender.title, tender.buyer, *(m.note or "" for m in tender.milestones)):
        assert not CONTROL.search(value)
