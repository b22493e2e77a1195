"""A weekday with the day of its month and no month ("Weds 9th", "vrijdag de 11e"), the days and
senders of chat exports (a role in brackets, a writing-direction mark, Slack's day dividers),
what had passed before a chat's last message, "by end of play", "who's going through", a date
given as "bv.", a range of days before a numeric date, "om ca. 10u00", "ten laatste 11u", "à
midi", a meeting's invitation that is no shortlist, an Outlook invitation's original under its
update, "stond eerst op", those "unable to attend", "14 Jan is gone" and "15 december vervalt",
"niet op 14 maar op 15 januari", a field's days in numbers with a part of the day in brackets,
a note whose only year is its start's, a zone named in brackets, days off, a sender before a
bracketed stamp, a related notice of market engagement, and what these readings leave as it
was."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from tender_notifier.importer.dates import find_dates
from tender_notifier.importer.text import segments
from tender_notifier.importer.years import Years
from tender_notifier.timeline import Day, Kind

from .reading import at, span, timeline, timeline_on

READ_ON = date(2026, 12, 4)
PUBLISHED = "Gepubliceerd op 1 december 2026.\n"


def test_a_weekday_and_the_day_of_its_month_is_the_next_such_day() -> None:
    years = Years.around(date(2026, 12, 1), [], READ_ON)
    [wednesday] = find_dates("it's Weds 9th", years)
    assert wednesday.day == date(2026, 12, 9) and wednesday.guessed_year
    [friday] = find_dates("op vrijdag de 11e", years)
    assert friday.day == date(2026, 12, 11)
    # Thursday the 14th falls next in January 2027
    assert [hit.day for hit in find_dates("Thursday 14th at 2pm", years)] == [date(2027, 1, 14)]


def test_a_day_of_the_month_alone_or_after_a_short_dutch_weekday_is_no_date() -> None:
    years = Years.around(date(2026, 12, 1), [], READ_ON)
    assert find_dates("See you on the 9th mate", years) == []
    assert find_dates("ma 8e klas", years) == []
    # no Wednesday the 31st within two months of the publication: no day is made up
    assert [hit.problem for hit in find_dates("Wednesday 31st", years)] == ["no month given"]


def test_a_weekday_written_with_its_month_is_read_as_written() -> None:
    years = Years.around(date(2026, 12, 1), [], READ_ON)
    [hit] = find_dates("Friday 11th December 2026", years)
    assert hit.day == date(2026, 12, 11) and not hit.guessed_year


def test_a_moved_site_visit_in_a_chat_on_a_weekday_and_ordinal() -> None:
    text = (
        PUBLISHED + "Site visit Tues 8th Dec 9.30am.\n"
        "Sorry, it's Weds 9th not Tues 8th - they've moved the site visit.\n"
    )
    assert timeline_on(text, READ_ON) == [(Kind.OTHER, Day(date(2026, 12, 9)))]


def test_a_sender_with_a_role_in_brackets_is_no_step_of_a_list() -> None:
    text = (
        "[24/11/2026, 18:11:48] Sam Okafor (Bid Support): From the ITT:\n"
        "- return by 12 noon Fri 15 Jan 2027\n"
        "[01/12/2026, 13:30:12] Sam Okafor (Bid Support): Everything else the same\n"
        "\u200e[01/12/2026, 13:36:41] Sam Okafor (Bid Support): image omitted\n"
    )
    assert timeline_on(text, READ_ON) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00"))]


def test_slack_day_dividers_are_when_the_messages_were_sent() -> None:
    pieces = segments("--- Monday, November 23rd ---\n--- Kick-off 12 januari 2027 ---\n")
    assert [p.stamp for p in pieces] == [True, False]
    text = (
        "--- Monday, November 23rd ---\n\n"
        "Aoife Byrne  10:42 AM\n"
        "Key dates: clarification questions by Friday 11 December 2026; tender return 3pm,\n"
        "Thursday 14 January 2027.\n\n"
        "--- Friday, November 27th ---\n\n"
        "Aoife Byrne  3:05 PM\n"
        "New deadline: 3pm on Thursday 21 January 2027. 14 Jan is gone.\n"
    )
    found = timeline_on(text, READ_ON)
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-21", "15:00")) in found
    assert all(when != Day(date(2026, 1, 14)) for _, when in found)
    assert all(when != Day(date(2026, 11, 23)) for _, when in found)


def test_what_lay_before_a_chats_last_message_had_passed() -> None:
    text = (
        "[23-11-2026 16:31] Jeroen Bakker: planning volgens de leidraad:\n"
        "- vragen ronde 1: t/m 24 november 2026 12:00\n"
        "- inschrijving: dinsdag 12 januari 2027 14:00\n"
        "[30-11-2026 09:12] Linda Vermeulen: top, dank je\n"
    )
    assert timeline_on(text, READ_ON) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-12", "14:00"))]


def test_end_of_play_is_the_hour_not_the_end_and_going_through_is_the_shortlist() -> None:
    text = PUBLISHED + "They'll let agencies know by end of play Friday 11th who's going through.\n"
    assert timeline_on(text, READ_ON) == [(Kind.SHORTLIST_NOTICE, Day(date(2026, 12, 11)))]


def test_a_date_given_as_an_example_after_bv_is_no_step() -> None:
    text = (
        PUBLISHED + "Vermeld de datum van ondertekening in het formaat DD/MM/JJJJ\n"
        "(bv. 18/01/2027). De offertes moeten uiterlijk op 25 januari 2027 om 11.00 uur\n"
        "ingediend zijn.\n"
    )
    assert timeline_on(text, READ_ON) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-25", "11:00"))]


def test_a_range_of_days_before_a_numeric_date_by_another_dash() -> None:
    assert timeline(PUBLISHED + "Onderhandelingsronde: week 7 (15-19/02/2027)\n") == []
    assert timeline(PUBLISHED + "Interviews 15-16/02/2027\n") == [
        (Kind.INTERVIEWS, Day(date(2027, 2, 15))),
        (Kind.INTERVIEWS, Day(date(2027, 2, 16))),
    ]
    # a number and a date joined by a comma are no range: "versie 1, 03/03/2026"
    assert [hit.text for hit in find_dates("versie 1, 03/03/2026")] == ["03/03/2026"]


def test_about_and_at_the_latest_between_a_date_and_its_time() -> None:
    text = PUBLISHED + "Reacties uiterlijk op vrijdag de 11e\nom ca. 10u00; later niet.\n"
    assert timeline_on(text, READ_ON) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-11", "10:00"))]
    text = PUBLISHED + "• indienen vr 22/01/2027 ten laatste 11u\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-22", "11:00"))]
    text = "Les questions peuvent être posées jusqu'au vendredi 8 janvier 2027 à midi.\n"
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-08", "12:00"))]


def test_a_meetings_invitation_is_no_shortlist() -> None:
    text = (
        "Correctie op onderstaande uitnodiging: de marktconsultatie op donderdag 10 december\n"
        "2026 begint om 14:00 uur.\n"
    )
    assert (Kind.SHORTLIST_NOTICE, at("2026-12-10", "14:00")) not in timeline(text)
    text = "- red team review Thu 14 Jan 2027 (half day, I'll send an invite)\n"
    assert timeline(text) == []
    # an invitation that says who goes on still is
    text = "Invitations to the interviews will be sent on 14 January 2027.\n"
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 14)))]


def test_an_updated_invitation_replaces_its_original_below() -> None:
    text = (
        "Bijgewerkte vergadering\n\n"
        "Informatiebijeenkomst: woensdag 9 december 2026 14:00-15:30\n\n"
        "-------- Oorspronkelijke uitnodiging --------\n"
        "Informatiebijeenkomst: dinsdag 8 december 2026 10:00-11:30\n"
    )
    assert timeline(text) == [(Kind.OTHER, span("2026-12-09", "14:00", "15:30"))]


def test_what_the_deadline_was_first_and_what_is_gone_are_old() -> None:
    text = (
        "Deadline stond eerst op vrijdag 11 december 2026 12:00, maar is verschoven naar\n"
        "dinsdag 15 december 2026 12:00.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2026-12-15", "12:00"))]
    text = (
        "- Tender return: 3pm, Thursday 14 January 2027\n\n"
        "New deadline: 3pm on Thursday 21 January 2027. 14 Jan is gone.\n"
    )
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-14", "15:00")) not in timeline(text)


def test_those_unable_to_attend_speak_of_an_event_that_was() -> None:
    text = (
        PUBLISHED + "For those who were unable to attend the supplier engagement webinar on "
        "19 November, the recording is online.\n"
    )
    assert timeline_on(text, READ_ON) == []


def test_a_fields_days_in_numbers_with_a_part_of_the_day_in_brackets() -> None:
    text = (
        "Gepubliceerd op 30-11-2026.\n"
        "Interviews:      16-12 (middag) of 17-12 (ochtend), via Teams\n"
        "Uren: 16-24 per week\n"
    )
    assert timeline_on(text, READ_ON) == [
        (Kind.INTERVIEWS, Day(date(2026, 12, 16))),
        (Kind.INTERVIEWS, Day(date(2026, 12, 17))),
    ]


def test_the_day_before_maar_is_the_old_one_of_a_correction() -> None:
    text = "Correctie: de gesprekken zijn niet op 14 maar op 15 januari 2027 (vrijdag dus).\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 1, 15)))]
    text = (
        "Correctie: het onderhandelingsgesprek is niet op dinsdag 19 maar op woensdag 20 januari "
        "2027, van 10u tot 12u30.\n"
    )
    assert timeline(text) == [(Kind.INTERVIEWS, span("2027-01-20", "10:00", "12:30"))]
    # "maar" is no month: "14 maar" is no 14 March
    assert find_dates("niet 14 maar wel 15 stuks") == []


def test_a_date_that_vervalt_after_the_new_one_is_the_old_one() -> None:
    text = (
        "- inschrijving: dinsdag 15 december 2026 14:00\n\n"
        "Nieuwe sluitingsdatum: dinsdag 12 januari 2027 om 14:00 uur. 15 december\n"
        "vervalt dus.\n"
    )
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-12", "14:00"))]


def test_a_note_whose_only_year_is_the_start_keeps_its_steps_in_the_weeks_ahead() -> None:
    text = "- vragen vr 18/12 12u, inschrijven 8 jan\n- start 1/4/27, 2 jr + 2x1 jr\n"
    found = timeline_on(text, READ_ON)
    assert (Kind.QUESTIONS_DEADLINE, at("2026-12-18", "12:00")) in found
    assert (Kind.SUBMISSION_DEADLINE, Day(date(2027, 1, 8))) in found


def test_a_zone_other_than_cet_named_in_brackets_is_the_zone_of_the_times() -> None:
    helsinki = ZoneInfo("Europe/Helsinki")
    text = "Timetable (Finnish time, EET)\nDeadline for tenders: 26 April 2027 at 12:00\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-04-26", "12:00", helsinki))]
    text = "Tenders must be submitted by 11.01.2027 at 10:00 (Latvian time, EET).\n"
    riga = ZoneInfo("Europe/Riga")
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-11", "10:00", riga))]
    # Brussels time is the tender's own
    text = "Tenders must be submitted by 11.01.2027 at 10:00 (Brussels time).\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-11", "10:00"))]


def test_days_off_are_no_step() -> None:
    text = (
        PUBLISHED + "Ik ben zelf vrij van 21 december t/m 3 januari, dus als het rond komt "
        "regelen we de contracten nog voor de kerst.\n"
    )
    assert timeline_on(text, READ_ON) == []
    text = PUBLISHED + "ik heb trouwens van 21 t/m 24 dec vrij, dus regel jij het dan.\n"
    assert timeline_on(text, READ_ON) == []
    text = PUBLISHED + "De schouw op 21 december is vrij toegankelijk.\n"
    assert timeline_on(text, READ_ON) == [(Kind.OTHER, Day(date(2026, 12, 21)))]


def test_a_sender_before_the_bracketed_stamp_of_a_message() -> None:
    pieces = segments("Jonas Weber [02.12.2026 09:07] yes. 12.01.2027 is the last day\n")
    assert (pieces[0].text, pieces[0].stamp) == ("Jonas Weber [02.12.2026 09:07]", True)
    # a step's name before a date in brackets is a list's item, not who wrote
    assert not segments("Sluiting inschrijving [15-12-2026 12:00]\n")[0].stamp


def test_a_related_notice_of_market_engagement_makes_no_market_engagement() -> None:
    text = (
        "Tender submission deadline\n22 January 2027, 12:00pm\n\n"
        "Related notices\nUK2: Preliminary market engagement notice – published 14 September 2026\n"
    )
    assert timeline(text)[0][0] is Kind.SUBMISSION_DEADLINE
    text = "UK2: Preliminary market engagement notice\n\nEngagement deadline\n22 January 2027\n"
    assert timeline(text) == [(Kind.OTHER, Day(date(2027, 1, 22)))]


def test_what_these_readings_leave_as_it_was() -> None:
    # a date between markdown's marks is no chat's day divider
    text = "Tender deadline\n**15 January 2027**\n\nClarification questions\n**11 December 2026**\n"
    assert [kind for kind, _ in timeline(text)] == [
        Kind.QUESTIONS_DEADLINE,
        Kind.SUBMISSION_DEADLINE,
    ]
    # a step's name with words in brackets, and a step with no message after its date, are
    # items of a planning
    text = (
        "[10/12/2026, 12:00] Clarifications (questions deadline)\n"
        "[15/01/2027, 12:00] Milestone (tender return)\n"
    )
    assert [kind for kind, _ in timeline(text)] == [
        Kind.QUESTIONS_DEADLINE,
        Kind.SUBMISSION_DEADLINE,
    ]
    text = "Inschrijving [15.01.2027 12:00]\nGo Live [01.03.2027 09:00]\n"
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00")) in timeline(text)
    # a number before a date, spaced from it or not below its day, is no range
    assert timeline(PUBLISHED + "Fase 2 – 20.01.2027 presentaties\n") == [
        (Kind.INTERVIEWS, Day(date(2027, 1, 20)))
    ]
    assert timeline(PUBLISHED + "Vraag 12 - 10/12/2026 vragen stellen\n") == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2026, 12, 10)))
    ]
    # "but" joins no number to a date unless it follows "not"
    text = PUBLISHED + "Capacity is 30 but on 14 January 2027 the site visit is limited.\n"
    assert timeline(text) == [(Kind.OTHER, Day(date(2027, 1, 14)))]
    # counts under a label are no days
    assert timeline(PUBLISHED + "Aantal gesprekken: 2-3\nOpening: 9-12\n") == []
    # an invite to tender is the shortlist; what goes through to a day lasts until it
    text = PUBLISHED + "Successful applicants will receive an invite to tender on 14 January 2027."
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 1, 14)))]
    text = PUBLISHED + "The funding which goes through to 31 March 2028 is confirmed.\n"
    assert timeline(text) == []
    # those unable to attend an event ahead are told what to do; a company's "bv." is no example
    text = (
        PUBLISHED + "Suppliers who are unable to attend the site visit on 14 January 2027 at "
        "10:00 should contact the buyer.\n"
    )
    assert timeline(text) == [(Kind.OTHER, at("2027-01-14", "10:00"))]
    text = PUBLISHED + "Voorlopige gunning aan Jansen Bouw bv. verwacht op 15 januari 2027.\n"
    assert timeline(text) == [(Kind.AWARD, Day(date(2027, 1, 15)))]
    # "(vrij)" is Friday
    text = "Sluiting inschrijving: 15-01-2027 (vrij) 12:00 uur\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00"))]
    # a city's time in brackets dates one event
    text = (
        "Tenders must be submitted by 15 January 2027 at 12:00.\n"
        "Site visit in Lisbon on 10 December 2026 at 10:00 (Lisbon time).\n"
    )
    assert (Kind.SUBMISSION_DEADLINE, at("2027-01-15", "12:00")) in timeline(text)


def test_a_chats_day_without_a_year_lies_before_the_day_it_is_read() -> None:
    text = "—— 27 november ——\nJan Jansen  09:12\nSluiting inschrijving: 12 februari 2027 14:00\n"
    assert timeline_on(text, date(2027, 1, 30)) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-12", "14:00"))
    ]


def test_a_weekday_and_ordinal_after_the_publication_not_before_it() -> None:
    years = Years.around(date(2027, 2, 3), [], date(2027, 2, 3))
    [monday] = find_dates("maandag de 1e", years)
    assert monday.day == date(2027, 3, 1)
