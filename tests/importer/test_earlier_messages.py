"""A newer message over an earlier one it quotes: where the newer one dates a step anew, the
earlier one's date for it is replaced; a forward that only comments on the quoted notice
replaces nothing, and a step the newer message says stays as it was keeps its date."""

from __future__ import annotations

from datetime import date

from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline

EARLIER = (
    "-----Original Message-----\n"
    "From: Hannah Okafor\n"
    "Sent: 25 November 2026 10:03\n"
    "Subject: Further Competition - Invitation\n"
    "\n"
    "Indicative timetable\n"
    "\n"
    "  Submission deadline                        Fri 15 January 2027, 14:00\n"
    "  Shortlisted bidders notified               Thu 21 January 2027\n"
    "  Notification of intention to award         Fri 12 February 2027\n"
)


def test_the_newer_message_replaces_the_quoted_date_of_a_step_it_dates_anew() -> None:
    text = (
        "Dear all,\n"
        "\n"
        "We have agreed to revise the timetable as follows:\n"
        "  - Bid submission deadline: 2pm, Friday 22 January 2027 (previously 15 January)\n"
        "  - Shortlisted bidders will be notified by Thursday 28 January 2027\n"
        "\n"
        "All other dates in the timetable below remain as they were.\n"
        "\n" + EARLIER
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-22", "14:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 28))),
        (Kind.AWARD, Day(date(2027, 2, 12))),
    ]


def test_a_forward_that_only_comments_on_the_quoted_notice_replaces_none_of_its_dates() -> None:
    text = (
        "Hi all,\n"
        "\n"
        "Good fit for us. I'd like a first draft of the offer by 8 January 2027 so Marc can\n"
        "review it before submission.\n"
        "\n" + EARLIER
    )
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-15", "14:00")) in timeline(text)


def test_a_step_the_newer_message_says_stays_as_it_was_keeps_its_quoted_date() -> None:
    text = (
        "Geachte,\n"
        "\n"
        "We verschuiven de indiening van de eerste offerte met een week:\n"
        "  - indienen eerste offerte: maandag 18 januari 2027 om 11u (i.p.v. 15/01)\n"
        "\n"
        "De indiening van de BAFO en de gunning blijven ongewijzigd.\n"
        "\n"
        "Van: Overheidsopdrachten\n"
        "Verzonden: maandag 30 november 2026 10:03\n"
        "Onderwerp: Uitnodiging\n"
        "\n"
        "  - indienen BAFO: vrijdag 16 april 2027 om 11u\n"
    )
    found = timeline(text)
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-18", "11:00")) in found
    assert (Kind.SUBMISSION_DEADLINE, at("2027-04-16", "11:00")) in found


def test_a_message_in_the_middle_of_a_thread_replaces_what_the_oldest_one_dated() -> None:
    text = (
        "Dag Bart,\n"
        "\n"
        "Nog een aanvulling op mijn mail van gisteren: de degustatie vindt plaats op donderdag "
        "4 februari 2027 van 11u45 tot 13u15.\n"
        "\n"
        "Groetjes,\n"
        "Els\n"
        "\n"
        "Van: Els Vermeiren\n"
        "Verzonden: woensdag 2 december 2026 16:20\n"
        "Onderwerp: RE: Uitnodiging onderhandelingsgesprek\n"
        "\n"
        "Dag Bart,\n"
        "\n"
        "Geen probleem, we verplaatsen uw gesprek naar woensdag 20 januari 2027 van 14u tot 15u.\n"
        "\n"
        "Van: Els Vermeiren\n"
        "Verzonden: maandag 30 november 2026 08:55\n"
        "Onderwerp: Uitnodiging onderhandelingsgesprek\n"
        "\n"
        "Beste,\n"
        "\n"
        "Wij nodigen u uit voor een onderhandelingsgesprek op maandag 18 januari 2027 van 9u30 "
        "tot 10u30.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, span("2027-01-20", "14:00", "15:00")),
        (Kind.INTERVIEWS, span("2027-02-04", "11:45", "13:15")),
    ]


def test_asking_to_move_a_step_is_no_question_of_the_procedure() -> None:
    text = (
        "Uw vraag om het gesprek te verplaatsen naar donderdag 21 januari 2027 kunnen we helaas "
        "niet inwilligen.\n"
    )
    assert timeline(text) == []
