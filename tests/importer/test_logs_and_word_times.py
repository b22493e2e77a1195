"""Dates that record what happened (a question received, an answer written, a document
uploaded, the version of a log), times told in Dutch words, and steps named in the words of
other trades and platforms."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from tender_notifier.importer.document import document_of
from tender_notifier.importer.text import segments
from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline

LONDON = ZoneInfo("Europe/London")


def test_a_period_told_in_words_is_read_as_its_hours() -> None:
    assert timeline(
        "De gesprekken zijn gepland op dinsdag 22 december 2026 in de ochtend, tussen half tien"
        " en half één, op het waterschapshuis.\n"
        "Het plaatsbezoek is op 6 januari 2027 van kwart voor negen tot kwart over tien.\n"
    ) == [
        (Kind.INTERVIEWS, span("2026-12-22", "09:30", "12:30")),
        (Kind.OTHER, span("2027-01-06", "08:45", "10:15")),
    ]


def test_a_whole_hour_in_words_is_a_time_how_long_something_lasts_is_not() -> None:
    assert timeline(
        "De informatiebijeenkomst begint op 12 januari 2027 om tien uur.\n"
        "Op 19 januari 2027 houden we gesprekken van een uur, twee uur per kandidaat.\n"
    ) == [
        (Kind.OTHER, at("2027-01-12", "10:00")),
        (Kind.INTERVIEWS, Day(date(2027, 1, 19))),
    ]


def test_the_day_a_question_was_received_is_no_deadline() -> None:
    assert timeline(
        "Question 1                          received 19/11/2026\n"
        "Is a consortium allowed?\n\n"
        "Tenders must be received on 14 January 2027 at 12:00.\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00"))]


def test_the_time_an_answer_was_written_is_no_publication_of_answers() -> None:
    assert timeline(
        "Vraag 3 - gesteld op 02-12-2026 10:47\nMag de kandidaat ook op locatie werken?\n"
        "Antwoord (02-12-2026 15:30):\nJa, twee dagen per week.\n\n"
        "Vragen kunnen tot en met vrijdag 18 december 2026 worden gesteld.\n"
    ) == [(Kind.QUESTIONS_DEADLINE, Day(date(2026, 12, 18)))]


def test_the_upload_time_of_a_document_is_no_step() -> None:
    assert timeline(
        "Buyer Attachments\n"
        "  01_Further_Competition_Invitation_v1.0.pdf          02/12/2026 15:40\n"
        "  05_Social_Value_Model_Questions.pdf                 02/12/2026 15:41\n\n"
        "Supplier response deadline: 14/01/2027 12:00\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00"))]


def test_the_version_of_a_log_is_its_day_whatever_its_heading_names() -> None:
    text = "QUESTIONS AND ANSWERS - version 3 (last updated 03/12/2026)\n"
    assert document_of(segments(text)).published == date(2026, 12, 3)


def test_a_publication_still_to_come_is_not_the_day_of_the_notice() -> None:
    text = (
        "Tender notice\n  * Published 30 November 2026, 2:18pm\n\n"
        "Publication date of tender notice (estimated)\n1 April 2027\n"
    )
    assert document_of(segments(text)).published == date(2026, 11, 30)


def test_letters_that_tell_the_outcome_are_the_award() -> None:
    assert timeline(
        "Activity\tDate\n"
        "Supplier response deadline\t14/01/2027 12:00\n"
        "Moderation complete / outcome letters issued\t09/02/2027\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00")),
        (Kind.AWARD, Day(date(2027, 2, 9))),
    ]


def test_a_marketplace_list_of_similar_requests_is_no_step() -> None:
    assert timeline(
        "Reageren kan tot en met woensdag 16 december 2026, uiterlijk 12.00 uur.\n\n"
        "Soortgelijke opdrachten\n"
        "- Projectleider Dijkversterking, Waterschap Aa en Maas (sluit 8 januari 2027)\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-16", "12:00"))]


def test_the_rounds_under_a_heading_are_of_the_step_it_names() -> None:
    assert timeline(
        "Sollicitatiegesprekken\n"
        "Eerste ronde:  do 14 jan. 2027 (ochtend), Werkplein Peizerweg\n"
        "Tweede ronde:  di 19 jan. 2027 om 16.00 uur, met de afdelingsmanager\n"
    ) == [
        (Kind.INTERVIEWS, Day(date(2027, 1, 14))),
        (Kind.INTERVIEWS, at("2027-01-19", "16:00")),
    ]


def test_a_document_available_on_a_portal_is_no_start() -> None:
    read = timeline(
        "Market questionnaire - suppliers are asked to complete the market questionnaire"
        " (available on the Atamis portal, project C301744) by midday on Friday 29 January"
        " 2027.\n"
    )
    # the rules cannot tell what the day is for; the learned reader reads a step to act on
    assert read == [(Kind.OTHER, at("2027-01-29", "12:00", LONDON))]


def test_a_market_warming_event_and_booking_a_place_are_other_steps() -> None:
    assert timeline(
        "In-person market warming event - Tuesday 19 January 2027, 10:00 to 13:00 at The"
        " Riverside Centre.\n\n"
        "The site visits will take place on 15 December 2026. Places must be booked through"
        " the portal by midday on Thursday 10 December 2026.\n"
    ) == [
        (Kind.OTHER, at("2026-12-10", "12:00")),
        (Kind.OTHER, Day(date(2026, 12, 15))),
        (Kind.OTHER, span("2027-01-19", "10:00", "13:00")),
    ]


def test_a_time_in_brackets_for_both_days_is_each_days() -> None:
    assert timeline(
        "The site visits scheduled for Tuesday 15 and Wednesday 16 December 2026 will go ahead"
        " as planned (10:00 start at the Civic Centre main reception on both days).\n"
    ) == [
        (Kind.OTHER, at("2026-12-15", "10:00")),
        (Kind.OTHER, at("2026-12-16", "10:00")),
    ]


def test_a_belgian_notice_in_french_is_read() -> None:
    assert timeline(
        "Les questions sont posées via le forum au plus tard le jeudi 14 janvier 2027.\n"
        "Les réponses seront publiées au plus tard le lundi 18 janvier 2027.\n"
        "Les offres doivent être parvenues au plus tard le jeudi 21 janvier 2027 à 10h00.\n"
        "La séance d'ouverture des offres aura lieu le jeudi 21 janvier 2027 à 10h15.\n"
        "Une visite des lieux aura lieu le mardi 12 janvier 2027 de 9h30 à 12h00.\n"
        "La séance d'information prévue le mercredi 16 décembre 2026 est annulée.\n"
        "L'Hôtel communal est fermé du 24 décembre 2026 au 1er janvier 2027.\n"
    ) == [
        (Kind.OTHER, span("2027-01-12", "09:30", "12:00")),
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 1, 14))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 18))),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-21", "10:00")),
        (Kind.OPENING, at("2027-01-21", "10:15")),
    ]


def test_a_french_change_keeps_the_new_date_not_the_old() -> None:
    assert timeline(
        "La date limite de réception des offres est reportée au mardi 9 février 2027 à 14h00"
        " au lieu du mardi 26 janvier 2027 à 14h00.\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-02-09", "14:00"))]


def test_amended_dates_under_the_part_they_change_are_its_new_ones() -> None:
    assert timeline(
        "CORRIGENDUM No 2\n\n"
        "1. Time limit for receipt of tenders\n"
        "   Previously:   11 January 2027 at 13:00\n"
        "   Amended to:   25 January 2027 at 13:00\n\n"
        "2. Last date on which the Agency replies to requests for additional information\n"
        "   Previously:   5 January 2027\n"
        "   Amended to:   19 January 2027\n\n"
        "Documents\n"
        "  Clarifications No 1 (PDF)                               27/11/2026\n"
    ) == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 19))),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-25", "13:00")),
    ]


def test_a_date_with_dots_and_a_short_year_is_read() -> None:
    assert timeline(
        "Clarification questions should be submitted no later than 5.00pm on 16.02.27.\n"
    ) == [(Kind.QUESTIONS_DEADLINE, at("2027-02-16", "17:00"))]


def test_the_ways_to_attend_an_event_take_the_event_of_their_section() -> None:
    assert timeline(
        "Event details\n\n"
        "In person:    Wednesday 20th January 2027, 10:00 - 13:00\n"
        "              The Pavilion Suite, Kidderford\n\n"
        "Online:       Thursday 21st January 2027, 14:00 - 15:30 (Microsoft Teams)\n"
        "              The online session will repeat the presentations from the event.\n\n"
        "How to book\n\n"
        "Please register through the portal by 5pm on Wednesday 13th January 2027.\n"
    ) == [
        (Kind.OTHER, at("2027-01-13", "17:00")),
        (Kind.OTHER, span("2027-01-20", "10:00", "13:00")),
        (Kind.OTHER, span("2027-01-21", "14:00", "15:30")),
    ]


def test_the_day_after_which_questions_are_answered_again_is_no_step() -> None:
    assert timeline(
        "Het kantoor is gesloten van 24 december 2026 tot en met 3 januari 2027. Vragen die in"
        " deze periode worden gesteld, worden na 2027-01-04 beantwoord.\n"
        "Requests for clarification received during this period will be handled from"
        " 5 January 2027.\n\n"
        "Inschrijven kan tot 14 januari 2027 om 12.00 uur.\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-14", "12:00"))]


def test_a_french_section_on_a_visit_lends_it_to_the_dates_it_offers() -> None:
    assert timeline(
        "I.5 Visite des lieux obligatoire\n\n"
        "Afin de permettre aux soumissionnaires d'évaluer les prestations, une visite est"
        " obligatoire.\n\n"
        "Deux dates sont proposées au choix :\n"
        "   - le mercredi 6 janvier 2027 à 9h30.\n"
        "   - le lundi 11 janvier 2027 à 14h00.\n\n"
        "I.9 Durée du marché\n\n"
        "Le marché prend cours le 1er avril 2027, pour une durée de 36 mois.\n"
    ) == [
        (Kind.OTHER, at("2027-01-06", "09:30")),
        (Kind.OTHER, at("2027-01-11", "14:00")),
        (Kind.START, Day(date(2027, 4, 1))),
    ]


def test_a_log_dated_by_its_version_and_the_presentation_on_either_day() -> None:
    assert timeline(
        "CLARIFICATION LOG - Version 3 - issued 03/12/2026\n\n"
        "1 | 20/11/2026 | Please confirm the deadline. | The deadline is 22 January 2027.\n\n"
        "Shortlisted bidders will be invited to present on either 3 or 4 February 2027.\n"
        "The final version of this log will be published no later than 13 January 2027.\n"
        "The Employer's target date for the Starting Date is Monday 12th April 2027.\n"
    ) == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 13))),
        (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 22))),
        (Kind.INTERVIEWS, Day(date(2027, 2, 3))),
        (Kind.INTERVIEWS, Day(date(2027, 2, 4))),
        (Kind.START, Day(date(2027, 4, 12))),
    ]


def test_saying_one_will_bid_is_no_bid_and_afternoon_hours_go_on_from_the_morning() -> None:
    assert timeline(
        "Could you please confirm by COP Wednesday 9th December 2026 whether or not you intend"
        " to submit a response?\n\n"
        "  - Submission deadline: 12:00 Fri 22 January 2027\n"
        "  - Interviews: Thursday 4th Feb 2027, slots between 9.30 and 4.30\n"
    ) == [
        (Kind.OTHER, Day(date(2026, 12, 9))),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-22", "12:00")),
        (Kind.INTERVIEWS, span("2027-02-04", "09:30", "16:30")),
    ]


def test_a_document_listed_with_its_size_was_uploaded_that_day() -> None:
    assert timeline(
        "Documenten\n"
        "  Offerteformulier.docx                      (88 KB)    30/11/2026\n\n"
        "Uiterste datum voor ontvangst van de offertes: 19/01/2027 11:00\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "11:00"))]


def test_a_site_briefing_and_saying_how_many_come_are_other_steps() -> None:
    assert timeline(
        "Op dinsdag 15 december 2026 om half tien 's ochtends vindt een aanwijzing ter plaatse"
        " plaats. Wilt u uiterlijk vrijdag 11 december 2026 laten weten met hoeveel personen u"
        " komt?\n"
    ) == [
        (Kind.OTHER, Day(date(2026, 12, 11))),
        (Kind.OTHER, at("2026-12-15", "09:30")),
    ]


def test_spans_and_evening_hours_told_in_dutch_words() -> None:
    text = (
        "De eerste gesprekken vinden plaats op maandagmiddag 11 januari 2027 tussen één en vijf "
        "uur.\n"
        "De presentaties zijn op donderdag 14 januari 2027 van negen uur tot half een.\n"
        "Op dinsdag 15 december 2026 is er om acht uur 's avonds een online informatiesessie.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2026-12-15", "20:00")),
        (Kind.INTERVIEWS, span("2027-01-11", "13:00", "17:00")),
        (Kind.INTERVIEWS, span("2027-01-14", "09:00", "12:30")),
    ]


def test_hours_between_two_numbers_in_words_per_week_are_no_time() -> None:
    text = "De opdracht start op maandag 11 januari 2027, voor tussen twee en drie uur per week.\n"
    assert timeline(text) == [(Kind.START, Day(date(2027, 1, 11)))]
