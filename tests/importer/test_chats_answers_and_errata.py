"""Chats, logs of questions, errata and data feeds: a chat's stamps ("[26-11-2026 08:52]
Femke:") say when a message was sent, not a step; an answer takes its step from the question
above it; an erratum's "Staat:" is the old text under which "Dit moet zijn:" gives the new;
an interval of two times of one day ("2027-01-12T09:30:00Z / 2027-01-12T12:30:00Z") is one
span; the French words of a staffing post name their steps; and a text that writes a date
month first ("12/17/2026") writes all its dates so."""

from __future__ import annotations

from datetime import date

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind

from .corpus import ZONE
from .reading import HEAD, at, span, timeline, timeline_on


def test_a_chats_stamps_are_no_steps() -> None:
    text = (
        "[26-11-2026 08:52] Femke Jansen: Morgen! NvI 1 staat online\n"
        "[26-11-2026 09:14] Femke Jansen: Inschrijven is nu 19 januari 2027 om 13:00\n"
        "[26-11-2026 09:21] Bas Verhoeven: ok, dank\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "13:00"))]


def test_each_message_of_a_phone_chat_is_read_alone() -> None:
    text = (
        "02/12/2026, 16:44 - Marieke Bos: De sluiting is maandag 14 december 2026 om 12:00\n"
        "02/12/2026, 16:45 - Marieke Bos: gesprekken op 17 december 2026\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-14", "12:00")),
        (Kind.INTERVIEWS, Day(date(2026, 12, 17))),
    ]


def test_what_a_chat_names_before_its_first_message_is_history() -> None:
    text = (
        "[26-11-2026 09:22] Femke Jansen: de marktconsultatie is die bijeenkomst van 14 oktober"
        " 2025, niks nieuws\n"
        "[26-11-2026 09:23] Femke Jansen: sluiting 19 januari 2027 om 13:00\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "13:00"))]


def test_a_list_of_dates_with_times_and_dashes_is_no_chat() -> None:
    text = "[14-12-2026 12:00] Sluiting inschrijving\n[15-12-2026 10:00] Opening offertes\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-14", "12:00")),
        (Kind.OPENING, at("2026-12-15", "10:00")),
    ]


def test_an_answer_takes_its_step_from_the_question_above_it() -> None:
    text = (
        "Vraag 4: Wanneer start de opdracht?\n"
        "Antwoord: 1 maart 2027.\n\n"
        "V5: Tot wanneer kunnen vragen gesteld worden?\n\n"
        "A5: Tot en met 14 december 2026 12:00 uur.\n\n"
        "Q6. When will the interviews take place?\n"
        "A6. On 18 January 2027.\n"
    )
    assert sorted(timeline(text), key=str) == sorted(
        [
            (Kind.START, Day(date(2027, 3, 1))),
            (Kind.QUESTIONS_DEADLINE, at("2026-12-14", "12:00")),
            (Kind.INTERVIEWS, Day(date(2027, 1, 18))),
        ],
        key=str,
    )


def test_a_question_that_names_a_date_lends_the_answer_nothing() -> None:
    text = "Vraag: Kan de start van 1 februari 2027 later?\nAntwoord: 1 maart 2027.\n"
    assert timeline(text) == []


def test_the_day_a_question_of_a_log_came_in_is_no_step() -> None:
    text = (
        "Status: gepubliceerd 25-11-2026 16:20\n\n"
        "#1  (ingediend 20-11-2026 09:41)\n"
        "Vraag: wanneer is de presentatie?\n"
        "Antwoord: op 12 januari 2027 tussen 09:30 en 12:00 uur.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-12", "09:30", "12:00"))]


def test_ipv_names_the_old_date() -> None:
    text = "Inschrijven is nu 19 januari 2027 om 13:00 ipv 12 januari.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-19", "13:00"))]


def test_an_erratum_gives_the_new_text_under_the_old() -> None:
    text = (
        "E5 – § 2.6 Opening van de inschrijvingen, pagina 8\n"
        'Staat:          "De opening vindt plaats op 14 januari 2027 om 12.30 uur."\n'
        'Dit moet zijn:  "De opening vindt openbaar plaats op 14 januari 2027 om 12.15 uur."\n\n'
        "E2 – § 2.1 Planning, pagina 6\n"
        'Staat:          "Uiterste moment indienen vragen: 15 december 2026"\n'
        'Dit moet zijn:  "Uiterste moment indienen vragen: donderdag 17 december 2026, 17.00 uur"\n'
    )
    assert sorted(timeline(text), key=str) == sorted(
        [
            (Kind.OPENING, at("2027-01-14", "12:15")),
            (Kind.QUESTIONS_DEADLINE, at("2026-12-17", "17:00")),
        ],
        key=str,
    )


def test_a_dutch_mail_quoted_under_its_reply_is_an_earlier_message() -> None:
    text = (
        "Beste Jeroen,\n\n"
        "De sluitingsdatum is verschoven naar maandag 7 december 2026, 09:00 uur.\n"
        "Groet, Marloes\n\n"
        "Op 19 nov. 2026 om 14:02 schreef Marloes de Wit <m.dewit@example.nl>:\n\n"
        "> Beste relatie,\n"
        "> Namens de gemeente zetten wij onderstaande aanvraag uit.\n"
        "> Sluitingsdatum:   donderdag 3 december 2026, 12:00 uur\n"
    )
    assert timeline_on(text, date(2026, 11, 24)) == [
        (Kind.SUBMISSION_DEADLINE, at("2026-12-07", "09:00"))
    ]


def test_moved_interviews_written_again_in_a_summary_replace_the_old_day() -> None:
    text = (
        "Gesprekken: donderdag 17 december 2026, tussen 9:00 en 12:00 (online)\n\n"
        "Update: de gesprekken zijn verplaatst naar vrijdag 18 december 2026, 13:00-16:00.\n\n"
        "Samengevat:\n- gesprekken: vr 18 dec 2026, 13:00-16:00 (Teams)\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2026-12-18", "13:00", "16:00"))]


def test_a_start_carried_over_until_is_the_end() -> None:
    text = "Sanne: start 4 januari 2027, t/m 30 juni 2027.\n"
    assert timeline(text) == [
        (Kind.START, Day(date(2027, 1, 4))),
        (Kind.END, Day(date(2027, 6, 30))),
    ]


def test_an_interval_of_two_times_of_one_day_is_one_span() -> None:
    text = (
        "site_visit    2027-01-12T09:30:00+01:00 / 2027-01-12T12:30:00+01:00\n"
        "contract_start    2027-06-01T00:00:00+02:00\n"
        "contract_end    2031-05-31T23:59:59+02:00\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, span("2027-01-12", "09:30", "12:30")),
        (Kind.START, Day(date(2027, 6, 1))),
        (Kind.END, Day(date(2031, 5, 31))),
    ]


def test_one_moment_in_two_languages_is_one_milestone() -> None:
    text = "Visite des lieux : lundi 14/12/2026 à 14h00 / maandag 14/12/2026 om 14u00\n"
    assert timeline(text) == [(Kind.OTHER, at("2026-12-14", "14:00"))]


def test_the_french_words_of_a_staffing_post() -> None:
    text = (
        "🗓️ Démarrage : lundi 4 janvier 2027\n"
        "⏳ Fin de mission : 31 décembre 2027 (prolongeable 12 mois)\n\n"
        "📋 Déroulement :\n"
        "➡️ Envoyez votre CV (format Word) au plus tard le mardi 8/12 à 10h00\n"
        "➡️ Entretiens avec le client (Teams) : lundi 14/12 entre 14h et 17h\n"
        "➡️ Décision du client : vendredi 18/12\n"
    )
    assert sorted(timeline(text), key=str) == sorted(
        [
            (Kind.START, Day(date(2027, 1, 4))),
            (Kind.END, Day(date(2027, 12, 31))),
            (Kind.SUBMISSION_DEADLINE, at("2026-12-08", "10:00")),
            (Kind.INTERVIEWS, span("2026-12-14", "14:00", "17:00")),
            (Kind.AWARD, Day(date(2026, 12, 18))),
        ],
        key=str,
    )


def test_french_questions_and_the_decision_of_admission() -> None:
    text = (
        "Date limite de demande d'informations supplémentaires : 04/01/2027 23:59\n"
        "Les candidats seront informés de la décision d'admission au plus tard le 21/01/2027.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-04", "23:59")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 21))),
    ]


def test_a_chats_stamp_is_listed_for_nobody() -> None:
    draft = extract(HEAD + "[26-11-2026 08:52] Femke Jansen: hoi\n", zone=ZONE)
    assert draft.tender.milestones == ()
    assert not any("26-11-2026" in u.found for u in draft.unplaced)


def test_a_text_that_writes_its_dates_month_first_is_read_so() -> None:
    text = (
        "Posted: 11/20/2026\n"
        "Clarification questions close ... 12/08/2026 5:00 PM\n"
        "Bid due ... 12/17/2026 12:00 PM\n"
        "Award notification ... 01/22/2027\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-08", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2026-12-17", "12:00")),
        (Kind.AWARD, Day(date(2027, 1, 22))),
    ]


def test_one_date_that_only_reads_day_first_keeps_every_date_day_first() -> None:
    text = "Sluiting: 12/01/2027 12:00 uur\nGesprekken: 20/01/2027\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-12", "12:00")),
        (Kind.INTERVIEWS, Day(date(2027, 1, 20))),
    ]


def test_the_terms_of_the_lots_listed_under_contract_dates() -> None:
    text = (
        "Contract dates (estimated):\n"
        "  Lots 1 and 2: 12 April 2027 to 11 April 2030 (3 years), extension to 11 April 2031\n"
        "  Lot 3: 1 September 2027 to 31 August 2030 (3 years)\n"
    )
    assert sorted(timeline(text), key=str) == sorted(
        [
            (Kind.START, Day(date(2027, 4, 12))),
            (Kind.END, Day(date(2030, 4, 11))),
            (Kind.START, Day(date(2027, 9, 1))),
            (Kind.END, Day(date(2030, 8, 31))),
        ],
        key=str,
    )
