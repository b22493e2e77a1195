"""Whatever text comes in, the importer does not crash and writes a file ``check`` accepts."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from babel.dates import format_date
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tender_notifier.importer import extract
from tender_notifier.importer.output import to_json, to_toml
from tender_notifier.tender_file import parse_tender

ZONE = ZoneInfo("Europe/Amsterdam")

DATE_FORMATS = (
    lambda d: format_date(d, "EEEE d MMMM y", locale="nl"),
    lambda d: format_date(d, "d MMM y", locale="nl"),
    lambda d: format_date(d, "d MMM. y", locale="en"),
    lambda d: format_date(d, "MMMM d, y", locale="en"),
    lambda d: d.strftime("%d-%m-%Y"),
    lambda d: d.strftime("%d/%m/%Y"),
    lambda d: d.isoformat(),
    lambda d: format_date(d, "d MMMM", locale="nl"),  # no year: vague
)
TIME_FORMATS = (
    lambda t: f"{t:%H:%M} uur",
    lambda t: f"{t:%H.%M} uur",
    lambda t: f"{t:%I:%M}{'pm' if t.hour >= 12 else 'am'}",
    lambda t: "12 noon",
    lambda t: f"van {t:%H:%M} tot 15:30 uur",
    lambda t: f"between {t:%H:%M} and 17:00",
)
WORDS = (
    "Vragen kunnen ingediend worden tot",
    "Einde inschrijfdatum",
    "Eindtijd",
    "De gesprekken zijn gepland op",
    "en/of",
    "Uiterlijk per",
    "Start",
    "Z.s.m.",
    "Duur 3 maanden",
    "sluit morgen",
    "binnen 2 weken",
    "Clarification questions deadline",
    "Contract award",
    "Publicatiedatum:",
    "sinds 2019",
    "\t",
    "\n",
    "\n\n",
    ". ",
    ", ",
    ":",
    "van",
    "tot en met",
    "Nota van Inlichtingen",
    "Sluitingsdatum",
    "The assignment runs from",
    "-",
    "weekday",
)


@st.composite
def announcements(draw: st.DrawFn) -> str:
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            day = draw(st.dates(date(1990, 1, 1), date(2099, 12, 31)))
            pieces.append(draw(st.sampled_from(DATE_FORMATS))(day))
        elif choice == 1:
            at = draw(st.times(time(0), time(23, 59)))
            pieces.append(draw(st.sampled_from(TIME_FORMATS))(at))
        elif choice == 2:
            pieces.append(draw(st.sampled_from(WORDS)))
        else:
            pieces.append(draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)))
    return " ".join(pieces)


def _round_trips(text: str) -> None:
    draft = extract(text, zone=ZONE)
    again = parse_tender(to_toml(draft.tender))
    assert [(m.kind, m.when) for m in again.milestones] == [
        (m.kind, m.when) for m in draft.tender.milestones
    ]
    to_json(draft.tender)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(announcements())
def test_dates_and_words_in_any_order_never_crash_and_always_round_trip(text: str) -> None:
    _round_trips(text)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_random_text_never_crashes(text: str) -> None:
    _round_trips(text)


def test_a_time_skipped_by_summer_time_is_listed_not_used() -> None:
    draft = extract("Inschrijven kan tot 29 maart 2026 02:30 uur.", zone=ZONE)
    assert draft.tender.milestones == ()
    assert any("does not exist" in u.reason for u in draft.unplaced)
