"""What a section of an announcement lends to the dates in it: the step its heading names."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tender_notifier.importer import extract, learned
from tender_notifier.timeline import Day, Kind, Moment, When

from .corpus import ZONE


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a heading lends is the rules' reading: the learned reader, which does not see the
    heading, is off here (it reads "Afspraak op ... om 9u30" alone as a step of its own)."""
    monkeypatch.setattr(learned, "FILL", 1.01)


def timeline(text: str) -> list[tuple[Kind, When]]:
    return [(m.kind, m.when) for m in extract("Titel\n\n" + text, zone=ZONE).tender.milestones]


SITE_VISIT = """Plaatsbezoek
Het plaatsbezoek is verplicht op straffe van nietigheid van de offerte.
Afspraak op woensdag 10 februari 2027 om 9u30 aan de hoofdingang van de school.
"""


def test_a_sentence_that_does_not_say_what_its_date_is_for_takes_its_sections_step() -> None:
    assert timeline(SITE_VISIT) == [(Kind.OTHER, at("2027-02-10", "09:30"))]


def test_the_section_ends_at_the_blank_line_after_its_paragraph() -> None:
    text = SITE_VISIT.replace("Afspraak op", "Zie de kaart.\n\nAfspraak op")
    assert timeline(text) == []


def test_the_next_heading_ends_the_section() -> None:
    text = SITE_VISIT.replace("Afspraak op", "Uitvoering\nAfspraak op")
    assert timeline(text) == []


def test_a_heading_that_asks_or_numbers_a_question_names_no_step() -> None:
    assert timeline("Wat vragen wij\n- Kennis van de wet (inwerkingtreding 1-1-2026)\n") == []
    text = "Vraag 2\nEr zijn twee rondes op dinsdag 1 juni 2027 om 10:00 uur.\n"
    assert timeline(text) == []


def test_a_labelled_line_under_the_heading_keeps_its_own_label() -> None:
    assert timeline("Plaatsbezoek\nStand per: 3 februari 2027\n") == []


def day(iso: str) -> Day:
    return Day(date.fromisoformat(iso))


def test_registering_later_in_the_events_paragraph_is_for_the_event() -> None:
    text = (
        "INFORMATIEBIJEENKOMST\n"
        "Donderdag 22 oktober 2026, 14:00 uur\n"
        "Stadswinkel, Korte Nieuwstraat 6 (vergaderzaal 2.14)\n"
        "Aanmelden kan tot en met 20 oktober 2026 via inkoop@nijmegen.nl\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, day("2026-10-20")),
        (Kind.OTHER, at("2026-10-22", "14:00")),
    ]


def test_registering_in_the_next_paragraph_is_not_for_the_event() -> None:
    text = (
        "Informatiebijeenkomst op donderdag 22 oktober 2026, 14:00 uur.\n"
        "Stadswinkel, Korte Nieuwstraat 6.\n\n"
        "Aanmelden als gegadigde kan tot en met 20 oktober 2026.\n"
    )
    assert (Kind.OTHER, day("2026-10-20")) not in timeline(text)


def test_the_same_day_is_the_last_steps_also_over_a_heading() -> None:
    text = (
        "Indienen\n"
        "De offertes moeten ten laatste op donderdag 4 maart 2027 om 10u ingediend zijn.\n\n"
        "Opening\n"
        "De openingszitting vindt plaats op dezelfde dag om 10u30 en is openbaar.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-04", "10:00")),
        (Kind.OPENING, at("2027-03-04", "10:30")),
    ]


def test_right_after_it_is_only_just_after_the_step() -> None:
    text = (
        "Inschrijven kan tot 4 maart 2027 om 10:00 uur.\n"
        "Vragen worden beantwoord in de nota.\n\n"
        "Opening\n"
        "De opening vindt aansluitend plaats, om 10:30 uur.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-04", "10:00"))]


def test_registering_that_is_required_is_for_the_event_above() -> None:
    text = (
        "1. Marktdag\n"
        "   dinsdag 13 april 2027, 14:00 tot 17:00 uur\n"
        "   Stadhuis, Amstel 1, Boekmanzaal\n"
        "   Aanmelden is verplicht en kan tot en met donderdag 8 april 2027 via het formulier.\n"
    )
    assert (Kind.OTHER, day("2027-04-08")) in timeline(text)


def test_each_lot_listed_under_a_heading_takes_its_step() -> None:
    text = (
        "INSCHRIJVEN\n"
        "Perceel 1 – Dukenburg     vrijdag 20 november 2026, vóór 10:00 uur\n"
        "Perceel 2 – Lindenholt    vrijdag 27 november 2026, vóór 10:00 uur\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-11-20", "10:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-11-27", "10:00")),
    ]


def test_dates_listed_under_a_sections_heading_take_its_step() -> None:
    text = (
        "Plaatsbezoek\n"
        "Een plaatsbezoek is verplicht. Er worden twee momenten voorzien:\n"
        "   - dinsdag 24/08/2027 om 10u00\n"
        "   - donderdag 02/09/2027 om 14u00\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2027-08-24", "10:00")),
        (Kind.OTHER, at("2027-09-02", "14:00")),
    ]


def test_registering_for_one_of_the_moments_of_a_site_visit_is_for_the_visit() -> None:
    text = (
        "Plaatsbezoek\n"
        "Er worden twee momenten voorzien:\n"
        "   - dinsdag 24/08/2027 om 10u00\n"
        "   - donderdag 02/09/2027 om 14u00\n"
        "Inschrijven voor één van beide momenten kan tot vrijdag 20 augustus 2027 om 12u00.\n"
    )
    assert (Kind.OTHER, at("2027-08-20", "12:00")) in timeline(text)


def test_confirming_attendance_is_registering_for_the_event() -> None:
    text = (
        "An optional site meeting will take place on Tuesday 20 October 2026 at 11:00. "
        "Please confirm attendance by Friday 16 October 2026.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, day("2026-10-16")),
        (Kind.OTHER, at("2026-10-20", "11:00")),
    ]


def test_an_event_ends_with_its_paragraph_also_when_the_next_is_not_binding() -> None:
    text = (
        "Informatiebijeenkomst op donderdag 22 oktober 2026, 14:00 uur.\n\n"
        "Indicatieve planning (niet bindend)\n"
        "Oplevering: 1 december 2026\n\n"
        "Aanmelden kan tot en met 20 oktober 2026.\n"
    )
    assert (Kind.OTHER, day("2026-10-20")) not in timeline(text)


def test_registering_under_a_heading_of_registration_for_an_event_is_for_that_event() -> None:
    text = (
        "3.2 Marktinformatiebijeenkomst: dinsdag 15 december 2026\n"
        "\n"
        "4  Aanmelding voor de marktinformatiebijeenkomst\n"
        "Deelname aan de bijeenkomst onder 3.2 is niet verplicht. Aanmelden (maximaal drie "
        "personen per organisatie) kan via de berichtenbox van TenderNed tot en met donderdag "
        "10 december 2026.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2026, 12, 10))),
        (Kind.OTHER, Day(date(2026, 12, 15))),
    ]
