"""Phrasings of steps and of their times: Flemish, French and informal English wordings, times
written as "9u", "0930-1230hrs" and "entre 9h00 et 12h00", a timetable declared in CET in a
text from the UK, and the first and last day of a term whose length is given too."""

from __future__ import annotations

from datetime import date

import pytest

from tender_notifier.timeline import Day, Kind, Moment

from .reading import at, span, timeline


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "De beste drie worden uitgenodigd voor een demonstratie op 22 februari 2027.",
            Kind.INTERVIEWS,
        ),
        ("Uiterste datum inschrijving infosessie: 22 februari 2027", Kind.OTHER),
        ("Stalen (enkel perceel 1): afgifte op 22 februari 2027", Kind.OTHER),
        ("Samples drop-off: 22 February 2027", Kind.OTHER),
        (
            "Samples must be submitted with your tender by 22 February 2027.",
            Kind.SUBMISSION_DEADLINE,
        ),
        ("- Start ontwerpfase: 22 februari 2027.", Kind.START),
        ("Start van de selectiefase: 22 februari 2027.", None),
        ("Lot 1 - Offices: tenders in by 22 February 2027", Kind.SUBMISSION_DEADLINE),
        (
            "De Nota's van Inlichtingen worden uiterlijk 22 februari 2027 gepubliceerd.",
            Kind.ANSWERS_PUBLISHED,
        ),
        (
            "Uiterste moment vragen stellen (2e ronde, alleen over de antwoorden in NvI 1):"
            " 22 februari 2027",
            Kind.QUESTIONS_DEADLINE,
        ),
        (
            "Suppliers will be invited to submit final tenders by 22 February 2027.",
            Kind.SUBMISSION_DEADLINE,
        ),
        (
            "Shortlisted applicants invited to submit full proposals: by 22 February 2027",
            Kind.SHORTLIST_NOTICE,
        ),
        (
            "You will hear whether you are invited to interview by 22 February 2027.",
            Kind.SHORTLIST_NOTICE,
        ),
        ("SPD return deadline: 22 February 2027", Kind.PARTICIPATION_DEADLINE),
        (
            "Shortlisted tenderers may be invited to a negotiation meeting via MS Teams on"
            " 22 February 2027.",
            Kind.INTERVIEWS,
        ),
        ("Bidders are invited to attend a briefing session on 22 February 2027.", Kind.OTHER),
        ("Notification of attendance at the opening: 22 February 2027", Kind.OTHER),
        (
            "The council has given agencies until 22 February 2027 to put candidates forward.",
            Kind.SUBMISSION_DEADLINE,
        ),
        ("Indiensttreding: 22 februari 2027", Kind.START),
        ("Schriftelijke proef (casus): 22 februari 2027", Kind.OTHER),
        ("Uitslag schriftelijke proef: uiterlijk 22 februari 2027", Kind.SHORTLIST_NOTICE),
        ("Kandidaatstelling: tot en met 22 februari 2027", Kind.SUBMISSION_DEADLINE),
    ],
)
def test_a_phrasing_names_its_step(sentence: str, kind: Kind | None) -> None:
    found = timeline(sentence)
    assert found == ([] if kind is None else [(kind, Day(date(2027, 2, 22)))])


@pytest.mark.parametrize(
    ("sentence", "kind", "start", "end"),
    [
        (
            "Gesprekken: dinsdag 19 januari 2027 in de voormiddag (tussen 9u en 12u30).",
            Kind.INTERVIEWS,
            "09:00",
            "12:30",
        ),
        (
            "Gesprekken zijn do 19/01/2027 tussen 13 en 17u op het stadhuis.",
            Kind.INTERVIEWS,
            "13:00",
            "17:00",
        ),
        (
            "Interviews (online) .... Tuesday 19 January 2027, 0930-1230hrs",
            Kind.INTERVIEWS,
            "09:30",
            "12:30",
        ),
        ("Échantillons : dépôt le 19/01/2027 entre 9h00 et 12h00", Kind.OTHER, "09:00", "12:00"),
        (
            "First-stage interviews are on 19 January 2027, in 45-minute slots between ten in the"
            " morning and four in the afternoon.",
            Kind.INTERVIEWS,
            "10:00",
            "16:00",
        ),
        (
            "De gesprekken zelf vinden plaats op dinsdag 19 januari 2027; wij vragen u de middag"
            " van die dag, van 13.00 tot 17.00 uur, vrij te houden.",
            Kind.INTERVIEWS,
            "13:00",
            "17:00",
        ),
    ],
)
def test_a_span_of_time_written_so_is_the_steps_hours(
    sentence: str, kind: Kind, start: str, end: str
) -> None:
    assert timeline(sentence) == [(kind, span("2027-01-19", start, end))]


def test_a_timetable_declared_in_cet_keeps_its_times_in_a_mail_from_the_uk() -> None:
    text = (
        "From: Olivia Hart <olivia.hart@brightlane-recruitment.co.uk>\n"
        "\n"
        "Key dates from the client (all Dutch time, CET):\n"
        "  - Candidate submissions close: Friday 11 December 2026, 10:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-11", "10:00"))]


def test_a_term_with_its_length_and_its_first_and_last_day_gives_both_days() -> None:
    text = (
        "The contract will run for an initial period of 24 months from 01/04/2027 to"
        " 31/03/2029, with an option to extend by up to 12 months."
    )
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 4, 1))),
        (Kind.END, Day(date(2029, 3, 31))),
    ]


def test_of_two_deadlines_in_an_impossible_order_the_one_also_read_as_another_step_goes() -> None:
    text = (
        "Séance d'information + visite des lieux / Infosessie + plaatsbezoek:\n"
        "    lundi 14/12/2026 à 14h00 / maandag 14/12/2026 om 14u00\n"
        "    Inscription obligatoire avant le 10/12/2026 à 12h00 / Verplichte inschrijving vóór"
        " 10/12/2026 om 12u00\n"
        "Questions / Vragen: jusqu'au 08/01/2027 inclus / tot en met 08/01/2027\n"
        "Date limite de réception des offres / Uiterste datum voor ontvangst van de offertes:\n"
        "    19/01/2027 à 10h00 / om 10u00\n"
    )
    found = timeline(text)
    assert (Kind.QUESTIONS_DEADLINE, Day(date(2027, 1, 8))) in found
    assert (Kind.OTHER, at("2026-12-10", "12:00")) in found
    assert (Kind.SUBMISSION_DEADLINE, at("2026-12-10", "12:00")) not in found


def test_registering_for_the_information_moment_the_paragraph_dates_is_its_own_step() -> None:
    text = (
        "Er wordt een bijkomend infomoment georganiseerd via MS Teams op dinsdag 12 januari 2027"
        " van 14:00 tot 15:30 uur. Inschrijven voor dit infomoment kan tot en met 08/01/2027."
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2027, 1, 8))),
        (Kind.OTHER, span("2027-01-12", "14:00", "15:30")),
    ]


def test_work_that_must_be_completed_by_a_day_ends_on_it() -> None:
    text = "The services will start on 1 March 2027 and must be completed by 31 December 2027."
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 3, 1))),
        (Kind.END, Day(date(2027, 12, 31))),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "moment"),
    [
        (
            "Tenders must be uploaded to eTenders by 3 p.m. (Irish time) on Friday 22 January"
            " 2027. The Council does not hold a public opening.",
            Kind.SUBMISSION_DEADLINE,
            "2027-01-22T16:00",
        ),
        (
            "De uiterste termijn voor het indienen van inschrijvingen wordt verplaatst naar"
            " dinsdag 26 januari 2027. Het tijdstip blijft 10.00 uur.",
            Kind.SUBMISSION_DEADLINE,
            "2027-01-26T10:00",
        ),
        (
            "De sluitingsdatum verschuift daarom van donderdag 14 januari 2027 naar donderdag"
            " 28 januari 2027. Het tijdstip verandert niet: u kunt inschrijven tot 14.00 uur.",
            Kind.SUBMISSION_DEADLINE,
            "2027-01-28T14:00",
        ),
        (
            "The council has given agencies until Wednesday 9th December 2026 to put candidates"
            " forward; their portal closes at five o'clock that afternoon.",
            Kind.SUBMISSION_DEADLINE,
            "2026-12-09T17:00",
        ),
        (
            "The contracting authority has decided to extend the time limit for receipt of"
            " tenders, which was originally set at 15 January 2027 at 16:00, to Friday 29 January"
            " 2027. The hour remains unchanged.",
            Kind.SUBMISSION_DEADLINE,
            "2027-01-29T16:00",
        ),
        (
            "De inschrijvingen moeten uiterlijk maandag 1 maart 2027 binnen zijn, om tien uur"
            " 's ochtends.",
            Kind.SUBMISSION_DEADLINE,
            "2027-03-01T10:00",
        ),
        ("Interviews: 12 January 2027 at a quarter to two.", Kind.INTERVIEWS, "2027-01-12T13:45"),
        ("Site visit on 12 January 2027 at half past ten.", Kind.OTHER, "2027-01-12T10:30"),
        ("Briefing on 12 January 2027 at ten o'clock.", Kind.OTHER, "2027-01-12T10:00"),
    ],
)
def test_a_time_written_apart_or_in_words_is_the_steps_moment(
    text: str, kind: Kind, moment: str
) -> None:
    day, clock = moment.split("T")
    assert timeline(text) == [(kind, at(day, clock))]


def test_a_time_written_to_the_second_keeps_its_seconds() -> None:
    text = (
        "Time limit for receipt of requests for additional information: 22 January 2027 at 23:59:59"
    )
    ((kind, when),) = timeline(text)
    assert kind is Kind.QUESTIONS_DEADLINE
    assert isinstance(when, Moment) and when.at.second == 59


def test_a_step_at_the_same_moment_as_the_one_before_takes_its_day_and_time() -> None:
    text = (
        "Sluiting inschrijving: 19 januari 2027 om 11:00 uur. De opening van de offertes vindt"
        " op hetzelfde tijdstip plaats."
    )
    assert sorted(timeline(text)) == sorted(
        [
            (Kind.SUBMISSION_DEADLINE, at("2027-01-19", "11:00")),
            (Kind.OPENING, at("2027-01-19", "11:00")),
        ]
    )
