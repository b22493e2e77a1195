"""Changes written with an arrow or as a portal's changed fields, the day a text is written on,
what a candidate or an office says of itself, and times written the short way: an old date
before "->" is no step, "Vorige waarde:" / "Huidige waarde:" under "Veld:" give the old and
the new date of the step the field names, answers or an award dated the day of the text are
out already, "daarna beschikbaar" ends a candidate's absence, "1-5pm" and "tussen 2 en 4 's
middags" are spans and "voor twaalf uur" a time; a chat copied from Teams puts its sender and
time on a line of their own, and a competitive flexible procedure is the UK's."""

from __future__ import annotations

from datetime import date

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind

from .corpus import ZONE
from .reading import HEAD, at, span, timeline


def test_the_date_before_an_arrow_is_the_old_one() -> None:
    text = (
        "De timing wordt als volgt aangepast (oud -> nieuw):\n\n"
        "  * Uiterste datum vragen over de selectieleidraad\n"
        "      maandag 14 december 2026  ->  maandag 4 januari 2027\n"
        "  * Indienen initiële offerte\n"
        "      maandag 1 maart 2027 om 14u00  ->  maandag 15 maart 2027 om 14u00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 1, 4))),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-15", "14:00")),
    ]


def test_a_log_of_changes_with_arrows_gives_the_new_dates() -> None:
    text = (
        "Activiteitenlog\n"
        "01-12-2026 14:05   M. Kuipers (inkoper)   Fase Vragen stellen gewijzigd: sluitingsdatum"
        " 07-12-2026 12:00 -> 14-12-2026 12:00\n"
        "01-12-2026 14:09   M. Kuipers (inkoper)   Fase Inschrijven gewijzigd: sluitingsdatum"
        " 11-01-2027 10:00 -> 25-01-2027 10:00\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-14", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-25", "10:00")),
    ]


def test_an_arrow_that_leads_to_no_date_changes_nothing() -> None:
    text = "Start levering 15/03/2027 → garantie tot 14/03/2031.\n"
    assert (Kind.START, Day(date(2027, 3, 15))) in timeline(text)


def test_a_portals_changed_fields_give_their_new_values() -> None:
    text = (
        "Gewijzigde velden\n"
        "-----------------\n"
        "Veld:            Deadline vragenronde 1\n"
        "Vorige waarde:   09-12-2026 12:00\n"
        "Nieuwe waarde:   09-12-2026 17:00\n\n"
        "Veld:            Informatiebijeenkomst\n"
        "Vorige waarde:   08-12-2026 10:00 – 11:30, gemeentehuis Doesburg\n"
        "Huidige waarde:  (verwijderd – de bijeenkomst vervalt)\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2026-12-09", "17:00"))]


def test_what_a_document_said_before_is_no_step() -> None:
    text = (
        "Het voornemen tot gunning wordt verzonden op dinsdag 12 januari 2027 (in de"
        " offerteaanvraag stond 22 december 2026).\n"
    )
    assert timeline(text) == [(Kind.AWARD, Day(date(2027, 1, 12)))]


def test_a_date_quoted_from_a_paragraph_as_the_deadline_is_no_step() -> None:
    text = (
        'In de offerteaanvraag staat in § 4 als sluitingsdatum "vrijdag 11 december 2026 om'
        ' 10:00 uur".\n'
        "Dit moet zijn: vrijdag 11 december 2026 om 16:00 uur.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-11", "16:00"))]


def test_an_event_that_was_planned_for_a_day_is_not_held_then() -> None:
    text = (
        "De informatiebijeenkomst voor geselecteerde partijen die voor 13 januari 2027 gepland"
        " stond, vervalt.\n"
    )
    assert timeline(text) == []


def test_the_answers_of_a_nota_van_inlichtingen_are_out_on_its_own_day() -> None:
    text = (
        "Gemeente Westervelde\n"
        "Afdeling Inkoop\n\n"
        "NOTA VAN INLICHTINGEN 1\n\n"
        "Betreft:        Inhuur Senior Informatieadviseur\n"
        "Kenmerk:        GW-2026-041\n"
        "Datum:          24 november 2026\n\n"
        "Sluiting vragen: 19 november 2026, 12:00 uur\n"
        "Nota van inlichtingen: 24 november 2026\n"
        "Sluiting offertes: 15 december 2026, 12:00 uur\n"
    )
    draft = extract(text, zone=ZONE, today=date(2026, 12, 4))
    found = [(m.kind, m.when) for m in draft.tender.milestones]
    assert found == [(Kind.SUBMISSION_DEADLINE, at("2026-12-15", "12:00"))]


def test_a_label_wrapped_onto_a_line_of_its_own_is_no_mail_date() -> None:
    text = (
        "e-Procurement  >  Forum\n\n"
        "Opdracht:            Onderhoud van groenzones\n"
        "Procedure:           Openbare procedure\n"
        "Uiterste indienings-\n"
        "datum:               22/04/2027 11:00\n\n"
        "Vraag 1 (gepubliceerd op 10/03/2027)\n"
        "Het plaatsbezoek vindt plaats op woensdag 17/03/2027 om 9u30.\n"
    )
    found = timeline(text)
    assert (Kind.OTHER, at("2027-03-17", "09:30")) in found


def test_an_award_dated_the_day_of_the_notice_is_made_already() -> None:
    text = (
        "Contract details notice\n"
        "Published 2 December 2026, 4:51pm\n\n"
        "Award decision date\n"
        "2 December 2026\n\n"
        "Standstill period\n"
        "End: 14 December 2026\n"
        "8 working days\n"
    )
    assert timeline(text) == [(Kind.OTHER, Day(date(2026, 12, 14)))]


def test_a_candidate_away_until_a_day_is_no_start() -> None:
    text = "Ik ben wel 24/12/2026 t/m 3/1/2027 in Oostenrijk, daarna beschikbaar.\n"
    assert timeline(text) == []


def test_the_day_questions_are_taken_up_is_no_step() -> None:
    text = (
        "Van donderdag 24 december 2026 tot en met zondag 3 januari 2027 is het inkoopteam"
        " gesloten. Vragen die in deze periode worden gesteld, worden vanaf maandag 4 januari"
        " 2027 in behandeling genomen.\n"
    )
    assert timeline(text) == []


def test_a_text_in_the_time_of_a_city_of_two_words() -> None:
    text = (
        "All times in this document are New York time (ET).\n"
        "Deadline for submission of proposals: Tuesday, March 16, 2027, 12:00 noon\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-03-16", "17:00"))]


def test_a_pre_proposal_conference_and_a_debrief_call_are_events() -> None:
    text = (
        "Pre-proposal conference (virtual): Wednesday, January 13, 2027, 10:00 a.m.\n"
        "Debrief calls: Thursday 10 December 2026 between 10:00 and 12:00.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2026-12-10", "10:00", "12:00")),
        (Kind.OTHER, at("2027-01-13", "10:00")),
    ]


def test_hours_of_a_span_share_the_meridiem_written_after_the_last() -> None:
    text = "They need CVs by Weds 9 Dec 2026 10am, interviews Mon 14 Dec 2026 1-5pm (Teams).\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-09", "10:00")),
        (Kind.INTERVIEWS, span("2026-12-14", "13:00", "17:00")),
    ]


def test_times_in_words_after_about_and_before() -> None:
    text = (
        "Wij ontvangen de cv's graag uiterlijk donderdag 10 december 2026, voor twaalf uur.\n"
        "De gesprekken staan gepland op dinsdag 15 december 2026, vanaf half tien tot ongeveer"
        " half één.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-10", "12:00")),
        (Kind.INTERVIEWS, span("2026-12-15", "09:30", "12:30")),
    ]


def test_a_french_rectification_by_section_gives_the_new_date() -> None:
    text = (
        "AVIS RECTIFICATIF\n\n"
        "Section IV.2.2) Date limite de réception des offres\n"
        "Au lieu de : 07/01/2027 à 10:00\n"
        "Lire : 19/01/2027 à 10:00\n"
    )
    draft = extract(HEAD + text, zone=ZONE, today=date(2026, 12, 4))
    assert [(m.kind, m.when) for m in draft.tender.milestones] == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-19", "10:00"))
    ]


def test_the_date_of_another_documents_version_is_not_the_texts() -> None:
    text = (
        "The call-off will be let under the TPC2005 Term Partnering Contract, as amended by the"
        " Schedule of Amendments (version 3, dated 14 August 2025).\n\n"
        "| Clarification deadline | 12:00 noon, Thursday 17 December 2026 |\n"
        "| Deadline for return of tenders | 12:00 noon, Friday 15 January |\n"
        "| Contract start | 1 April 2027 |\n"
    )
    draft = extract(HEAD + text, zone=ZONE, today=date(2026, 12, 4))
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00")) in [
        (m.kind, m.when) for m in draft.tender.milestones
    ]


def test_a_sentence_that_opens_on_ours_points_back_to_the_step_named_before() -> None:
    text = (
        "Good news: the Council has fixed the presentation slots already. Ours is on\n"
        "Wednesday 27 January 2027, 15:00-16:00 (Amsterdam), via Teams.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-27", "15:00", "16:00"))]


def test_what_an_earlier_mail_said_is_the_old_date() -> None:
    text = (
        "Correctie: in mijn vorige mail stond dat cv's uiterlijk dinsdag 8 december 2026 binnen"
        " moesten zijn. Dat is aangepast. Wij ontvangen de cv's graag uiterlijk donderdag 10"
        " december 2026, voor twaalf uur.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-10", "12:00"))]


def test_a_chat_copied_from_teams_has_its_sender_and_time_on_a_line_of_their_own() -> None:
    text = (
        "Lotte Hermans  vrijdag 27-11 14:41\n"
        "klant sluit vr 11/12/2026 om 12.00\n\n"
        "Ruben Schouten  dinsdag 01-12 09:20\n"
        "top, dank je\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-11", "12:00"))]


def test_a_step_named_with_its_day_and_time_is_no_sender() -> None:
    text = "Planning\nInschrijving  di 08-09-2026 voor 12:00\nOpening di 08-09-2026 13:00\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-09-08", "12:00")),
        (Kind.OPENING, at("2026-09-08", "13:00")),
    ]


def test_hours_between_in_the_afternoon() -> None:
    text = (
        "Gesprekken zijn gepland op dinsdag 15/12/2026 tussen 2 en 4 's middags, op locatie.\n"
        "De presentatie is op woensdag 16/12/2026 tussen 7 en 9 uur 's avonds.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2026-12-15", "14:00", "16:00")),
        (Kind.INTERVIEWS, span("2026-12-16", "19:00", "21:00")),
    ]


def test_a_competitive_flexible_procedure_is_in_uk_time() -> None:
    text = (
        "UK4 is out for the Severn Vale Combined Authority platform: competitive flexible"
        " procedure, two stages.\n"
        "Initial tenders: Fri 26 Feb 2027, 12 noon\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-26", "13:00")),
    ]
