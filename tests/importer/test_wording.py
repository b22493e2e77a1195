"""Wordings of steps that announcements written by other hands use: verbs and labels for the
deadline, the invitation and the award, times before their date, sentences wrapped at a date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tender_notifier.timeline import Day, Kind, Span, When

from .corpus import ZONE
from .reading import at, span, timeline


def test_a_sentence_wrapped_where_two_lines_open_with_a_date_is_one_sentence() -> None:
    assert timeline(
        "Vragen over de opdracht kun je tot donderdag\n"
        "15 januari 2027 12:00 stellen via het platform; de antwoorden worden uiterlijk vrijdag\n"
        "16 januari 2027 gedeeld met alle aanbieders.\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-15", "12:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 16))),
    ]


def test_a_line_of_a_date_and_its_label_needs_no_words_of_the_assignment() -> None:
    assert timeline("Maandag 5 juli 2027 – eerste werkdag\n") == [
        (Kind.START, Day(date(2027, 7, 5)))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tenders must be uploaded no later than 11:00 on Tuesday 16 March 2027.",
            (Kind.SUBMISSION_DEADLINE, at("2027-03-16", "11:00")),
        ),
        (
            "• Tender return: 9am on the 26th of May, 2027",
            (Kind.SUBMISSION_DEADLINE, at("2027-05-26", "09:00")),
        ),
        ("• Decision communicated: 23rd of June, 2027", (Kind.AWARD, Day(date(2027, 6, 23)))),
        (
            "Bekendmaking geselecteerde gegadigden      18 augustus 2027",
            (Kind.SHORTLIST_NOTICE, Day(date(2027, 8, 18))),
        ),
        (
            "Ondernemers moeten hun verzoek tot toelating uiterlijk om 10:00 uur op 2 november"
            " 2027 hebben ingediend.",
            (Kind.PARTICIPATION_DEADLINE, at("2027-11-02", "10:00")),
        ),
        (
            "- Aanmelden voor de eerste toelatingsronde: tot 19 oktober 2027, 12:00 uur",
            (Kind.PARTICIPATION_DEADLINE, at("2027-10-19", "12:00")),
        ),
    ],
)
def test_the_step_a_wording_names(sentence: str, expected: tuple[Kind, When]) -> None:
    assert timeline(sentence + "\n") == [expected]


def test_an_invitation_to_present_on_two_days_gives_the_interviews() -> None:
    assert timeline(
        "Shortlisted bidders will be invited to present their approach to the evaluation panel"
        " on 31 March 2027 or 1 April 2027 (one half-day slot per bidder).\n"
    ) == [(Kind.INTERVIEWS, Day(date(2027, 3, 31))), (Kind.INTERVIEWS, Day(date(2027, 4, 1)))]


def test_what_goes_on_after_a_date_is_no_step_on_it() -> None:
    assert timeline("Na 19 oktober 2027 kunnen aanbieders zich blijven aanmelden.\n") == []
    assert timeline("De volgende toelatingsronde sluit op 1 juli 2028.\n") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a time in brackets after the date, "t/m" before it
        (
            "Woensdag 3 juni 2027 (t/m 12:00 uur) – vragen stellen",
            [(Kind.QUESTIONS_DEADLINE, at("2027-06-03", "12:00"))],
        ),
        (
            "2027-08-27 14:30  Electronic opening",
            [(Kind.OPENING, at("2027-08-27", "14:30"))],
        ),
        (
            "Op donderdag 10 december 2027 presenteren de twee hoogst scorende partijen hun"
            " concept.",
            [(Kind.INTERVIEWS, Day(date(2027, 12, 10)))],
        ),
        # a time slot in brackets after the day
        (
            "- Pitches: Wed, Jul 14, 2027 (time slots between 1 pm and 5 pm will be assigned)",
            [
                (
                    Kind.INTERVIEWS,
                    Span(
                        datetime(2027, 7, 14, 13, 0, tzinfo=ZONE),
                        datetime(2027, 7, 14, 17, 0, tzinfo=ZONE),
                    ),
                )
            ],
        ),
        ("- Kick-off: Mon, Aug 30, 2027", [(Kind.START, Day(date(2027, 8, 30)))]),
        (
            "Gesprekken met de laagste twee inschrijvers: 9-10 juli 2027",
            [(Kind.INTERVIEWS, Day(date(2027, 7, 9))), (Kind.INTERVIEWS, Day(date(2027, 7, 10)))],
        ),
        ("Gereedmelding  vr 29-10-2027", [(Kind.END, Day(date(2027, 10, 29)))]),
        (
            "De gemeente streeft ernaar de overeenkomsten per 1 januari 2028 te laten ingaan.",
            [(Kind.START, Day(date(2028, 1, 1)))],
        ),
        (
            "Expected start of the evaluation: April 2027; the final report is due 15 December"
            " 2027.",
            [(Kind.END, Day(date(2027, 12, 15)))],
        ),
    ],
)
def test_the_steps_a_line_names(line: str, expected: list[tuple[Kind, When]]) -> None:
    assert timeline(line + "\n") == expected


def test_a_word_broken_over_two_lines_is_read_whole() -> None:
    assert timeline(
        "Vragen kunnen tot uiterlijk dinsdag 10 novem-\nber 2027 om 12:00 uur worden gesteld.\n"
    ) == [(Kind.QUESTIONS_DEADLINE, at("2027-11-10", "12:00"))]


def test_only_the_dates_marked_with_an_asterisk_are_not_binding() -> None:
    assert timeline(
        "5.1 Dates marked with an asterisk (*) are indicative only and are not binding.\n"
        "\n"
        "Step                                 Date/Time\n"
        "Deadline for requests to participate  Monday 15 March 2027, 11:00\n"
        "Intended award decision *             Friday 5 November 2027\n"
    ) == [(Kind.PARTICIPATION_DEADLINE, at("2027-03-15", "11:00"))]


def test_a_label_names_its_step_and_the_words_in_brackets_explain_it() -> None:
    assert timeline("- Gunning (besluit over toelating): 16 november 2027\n") == [
        (Kind.AWARD, Day(date(2027, 11, 16)))
    ]
    # but words in brackets say which deadline
    assert timeline("Sluiting (vragen): 3 maart 2027\n") == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 3, 3)))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "De inschrijvingen worden op dezelfde dag om half twaalf in het openbaar geopend.",
        "De offertes worden diezelfde dag om 11:30 uur geopend.",
        "The tenders will be publicly opened on the same day at 11:30.",
    ],
)
def test_tenders_opened_with_words_between_is_the_opening(sentence: str) -> None:
    text = f"Uiterste ontvangst inschrijvingen: dinsdag 25 mei 2027, 11.00 uur.\n{sentence}\n"
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-05-25", "11:00")),
        (Kind.OPENING, at("2027-05-25", "11:30")),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "De aanvang der werken blijft voorzien op 1 september 2027.",
        "De werken starten op 1 september 2027 (begin van het schooljaar).",
    ],
)
def test_the_start_of_the_works_is_the_start(sentence: str) -> None:
    assert timeline(sentence) == [(Kind.START, Day(date(2027, 9, 1)))]


def test_the_day_a_board_decided_is_no_step() -> None:
    text = (
        "Het college van burgemeester en schepenen heeft in zitting van 19 februari 2027 beslist"
        " de uiterste datum voor het indienen van de offertes te verdagen.\n"
    )
    assert timeline(text) == []


def test_shortlisted_applicants_notified_is_the_shortlist() -> None:
    text = "Stage 2: shortlisted applicants will be notified by 14 May 2027 and receive the RFT.\n"
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2027, 5, 14)))]


def test_clarification_interviews_are_interviews_and_a_bracket_on_the_next_line_is_theirs() -> None:
    text = (
        "Stage 3 – Presentations and clarification interviews for the three\n"
        "highest-scoring bidders, to be held on 12 May 2027 and/or 13 May 2027\n"
        "(10:00 to 16:00 each day). Best and final offers may follow.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, Span(at("2027-05-12", "10:00").at, at("2027-05-12", "16:00").at)),
        (Kind.INTERVIEWS, Span(at("2027-05-13", "10:00").at, at("2027-05-13", "16:00").at)),
    ]


def test_tenders_to_be_returned_by_is_the_submission_deadline() -> None:
    text = "Completed tenders are to be returned by midday on Friday 30 April 2027.\n"
    assert timeline(text) == [(Kind.SUBMISSION_DEADLINE, at("2027-04-30", "12:00"))]


def test_telling_which_candidates_go_on_is_the_shortlist() -> None:
    text = "Uiterlijk 28 januari 2028 laten we weten welke kandidaten doorgaan."
    assert timeline(text) == [(Kind.SHORTLIST_NOTICE, Day(date(2028, 1, 28)))]


def test_replies_that_will_be_published_are_a_step_not_the_day_of_publication() -> None:
    text = (
        "A virtual information session will take place on 16/11/2027 from 10:00 to 11:30.\n"
        "Requests for additional information must reach us no later than 24/11/2027 at 17:00;"
        " replies will be published on the portal by 26/11/2027.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Span(at("2027-11-16", "10:00").at, at("2027-11-16", "11:30").at)),
        (Kind.QUESTIONS_DEADLINE, at("2027-11-24", "17:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 11, 26))),
    ]


def test_a_line_that_ends_on_a_comma_goes_on_and_queries_are_questions() -> None:
    text = (
        "2. Technical queries should be sent to this mailbox by 12:00 PM on Tuesday,\n"
        "   February 16, 2027. We will circulate all answers to every supplier.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-02-16", "12:00"))]


def test_a_decision_taken_at_a_boards_sitting_is_on_the_sittings_day() -> None:
    text = (
        "Het college van burgemeester en schepenen neemt de gunningsbeslissing in zitting van"
        " donderdag 3 december 2026.\n"
    )
    assert timeline(text) == [(Kind.AWARD, Day(date(2026, 12, 3)))]


def test_invited_to_explain_their_plan_on_a_day_is_the_interview() -> None:
    text = (
        "Indien de beoordeling daartoe aanleiding geeft, worden inschrijvers uitgenodigd hun plan"
        " van aanpak toe te lichten op woensdag 8 december 2027 tussen 13.00 en 16.30 uur.\n"
    )
    assert timeline(text) == [
        (Kind.INTERVIEWS, Span(at("2027-12-08", "13:00").at, at("2027-12-08", "16:30").at))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eind: 17-03-2028 (verlenging mogelijk)", [(Kind.END, Day(date(2028, 3, 17)))]),
        (
            "The call-off will run from 1 September 2027 to 31 August 2029, with an option to"
            " extend by 12 months.",
            [(Kind.START, Day(date(2027, 9, 1))), (Kind.END, Day(date(2029, 8, 31)))],
        ),
    ],
)
def test_an_option_to_extend_after_the_end_leaves_the_end(
    text: str, expected: list[tuple[Kind, When]]
) -> None:
    assert timeline(text) == expected


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Of je kandidaat door is, hoor je uiterlijk 14 januari 2027.", Kind.SHORTLIST_NOTICE),
        (
            "Bureaus die voor de pitch worden uitgenodigd, horen dat uiterlijk 11 februari 2027.",
            Kind.SHORTLIST_NOTICE,
        ),
        ("Uiterlijk 20 januari 2027 hoor je of jouw kandidaat de opdracht krijgt.", Kind.AWARD),
    ],
)
def test_hearing_whether_a_candidate_goes_on_or_gets_the_assignment(
    sentence: str, kind: Kind
) -> None:
    assert [k for k, _ in timeline(sentence)] == [kind]


def test_tenders_not_opened_in_public_name_no_opening() -> None:
    text = "De inschrijvingen worden op 3 juni 2027 om 12:00 uur niet openbaar geopend.\n"
    assert [k for k, _ in timeline(text)] != [Kind.OPENING]


def test_bidders_presenting_their_approach_is_an_interview() -> None:
    text = "Op donderdag 25 maart 2027 presenteren de bureaus hun aanpak in het stadskantoor.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 3, 25)))]
    text = "Shortlisted firms will be asked to present to the evaluation panel on 4 May 2027.\n"
    assert timeline(text) == [(Kind.INTERVIEWS, Day(date(2027, 5, 4)))]


def test_publishing_the_responses_is_the_answers_step() -> None:
    text = "We will publish all outstanding responses on this page by Thursday 28 January 2027.\n"
    assert timeline(text) == [(Kind.ANSWERS_PUBLISHED, Day(date(2027, 1, 28)))]


def test_a_deadline_that_moves_from_one_day_keeps_only_the_new_one() -> None:
    text = (
        "The final date for clarification questions moves from 11 January 2027 to 17:00 on "
        "Monday 25 January 2027.\n"
    )
    assert timeline(text) == [(Kind.QUESTIONS_DEADLINE, at("2027-01-25", "17:00"))]


def test_registering_for_an_event_with_a_remark_between_commas() -> None:
    text = (
        "De schouw vindt plaats op woensdag 27 januari 2027 van 09:30 tot 12:30 uur. Aanmelden, "
        "met maximaal twee personen per onderneming, kan tot woensdag 20 januari 2027, 12:00 uur "
        "via TenderNed.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, at("2027-01-20", "12:00")),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 27, 9, 30, tzinfo=ZONE),
                datetime(2027, 1, 27, 12, 30, tzinfo=ZONE),
            ),
        ),
    ]


def test_the_term_until_a_day_ends_there_though_its_start_was_named() -> None:
    text = (
        "Looptijd: vanaf de startdatum tot en met 31 december 2027, met een optie tot verlenging.\n"
    )
    assert timeline(text) == [(Kind.END, Day(date(2027, 12, 31)))]


def test_the_breeding_season_is_no_term_of_the_assignment() -> None:
    text = (
        "In verband met het broedseizoen (15 maart tot en met 15 juli 2027) mogen in de "
        "watergangen uitsluitend werkzaamheden worden uitgevoerd na een ecologische toets.\n"
    )
    assert timeline(text) == []


def test_a_sentence_that_answers_a_question_about_a_step_speaks_of_that_step() -> None:
    text = (
        "Heb je vragen over de aanvraag? Stuur ze uiterlijk dinsdag 16 februari 2027 naar je "
        "accountmanager; de antwoorden worden vrijdag 19 februari 2027 gedeeld.\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 2, 16))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 2, 19))),
    ]


def test_a_flemish_infomoment_is_an_event_one_registers_for() -> None:
    text = (
        "Het infomoment voor kandidaat-inschrijvers: maandag 14/12/2026 om 14u00, online. "
        "Inschrijven voor het infomoment kan tot en met donderdag 10/12/2026 via mail.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2026, 12, 10))),
        (Kind.OTHER, at("2026-12-14", "14:00")),
    ]
    # one that was held is no step
    text = "Het infomoment van donderdag 26 november 2026 werd door 9 firma's bijgewoond.\n"
    assert timeline(text) == []


def test_a_plenary_kick_off_of_a_phase_is_an_event() -> None:
    text = "Plenaire kick-off dialoogfase: maandag 22 februari 2027, 10.00 - 12.00 uur\n"
    assert timeline(text) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 2, 22, 10, 0, tzinfo=ZONE), datetime(2027, 2, 22, 12, 0, tzinfo=ZONE)
            ),
        )
    ]


def test_a_recruiters_timescales_in_english() -> None:
    text = (
        "- I need your updated CV and a short supporting statement (max 1 page) by 5pm on "
        "Wednesday 10th February 2027.\n"
        "- The client will shortlist on Friday 12 February 2027 and I'll let you know.\n"
        "- First-stage interviews will be held on Tuesday 16th February 2027 via Teams, with "
        "slots between 10am and 1pm.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-10", "17:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 2, 12))),
        (
            Kind.INTERVIEWS,
            Span(
                datetime(2027, 2, 16, 10, 0, tzinfo=ZONE), datetime(2027, 2, 16, 13, 0, tzinfo=ZONE)
            ),
        ),
    ]


def test_the_words_of_a_building_contract_and_its_site_visits() -> None:
    text = (
        "Site visits. Two accompanied walk-rounds are offered: Tuesday 12 January 2027 and "
        "Thursday 14 January 2027, both 10:00–12:00, starting at the Estates reception.\n"
        "Site possession: Monday 19 April 2027. Practical completion is required no later than "
        "Friday 29 October 2027, ahead of winter pressures.\n"
    )
    assert timeline(text) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 12, 10, 0, tzinfo=ZONE), datetime(2027, 1, 12, 12, 0, tzinfo=ZONE)
            ),
        ),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 14, 10, 0, tzinfo=ZONE), datetime(2027, 1, 14, 12, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.START, Day(date(2027, 4, 19))),
        (Kind.END, Day(date(2027, 10, 29))),
    ]


def test_flemish_steps_in_their_own_words() -> None:
    text = (
        "1. Infosessie (online): dinsdag 12 januari 2027, van 14u00 tot 15u30. Wie wil "
        "deelnemen, schrijft zich uiterlijk vrijdag 8 januari 2027 in via aankoop@mechelen.be.\n"
        "\n"
        "7. De drie best gerangschikte inschrijvers geven een mondelinge toelichting bij hun "
        "beheervisie op maandag 1 maart 2027.\n"
        "\n"
        "8. Gunning:\n"
        "   - percelen 1 en 2: beslissing van het college van vrijdag 26 maart 2027;\n"
        "   - perceel 3: college van vrijdag 9 april 2027.\n"
        "\n"
        "9. De raamovereenkomst gaat voor alle percelen in op 1 mei 2027.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2027, 1, 8))),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 12, 14, 0, tzinfo=ZONE),
                datetime(2027, 1, 12, 15, 30, tzinfo=ZONE),
            ),
        ),
        (Kind.INTERVIEWS, Day(date(2027, 3, 1))),
        (Kind.AWARD, Day(date(2027, 3, 26))),
        (Kind.AWARD, Day(date(2027, 4, 9))),
        (Kind.START, Day(date(2027, 5, 1))),
    ]


def test_registering_for_an_event_however_the_way_to_register_is_worded() -> None:
    text = (
        "Site visits will be held on Tuesday 12 January 2027 from 10:00 to 12:00. Book your "
        "place via the portal messaging function by 5pm on Friday 8 January 2027.\n"
        "\n"
        "Meet the buyer event – Tuesday 19 January 2027, Harbourside House. Please register "
        "attendance (max. two per organisation) by Thursday 14 January 2027.\n"
    )
    found = timeline(text)
    assert (Kind.OTHER, at("2027-01-08", "17:00")) in found
    assert (Kind.OTHER, Day(date(2027, 1, 14))) in found
    assert (Kind.OTHER, Day(date(2027, 1, 19))) in found


def test_a_brokers_request_for_the_cv_and_the_terms_in_a_list() -> None:
    text = (
        "Kun je mij daarom uiterlijk donderdag 4 februari 2027 12:00 uur je actuele cv (Word, "
        "geen pdf) en een korte motivatie sturen?\n"
        "\n"
        "- 32 uur per week, stadskantoor Eindhoven\n"
        "- start 1 november 2027, eind 30 juni 2028, daarna optie tot verlenging met een jaar\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-04", "12:00")),
        (Kind.START, Day(date(2027, 11, 1))),
        (Kind.END, Day(date(2028, 6, 30))),
    ]


def test_a_stage_of_tenders_to_be_returned_and_registering_further_into_the_sentence() -> None:
    text = (
        "An online supplier briefing will take place on 10 December 2026 from 10:00am to "
        "11:30am. Suppliers who wish to attend must register on the portal by 5:00pm on "
        "8 December 2026.\n"
        "\n"
        "Stage 2 - Initial tenders, to be returned by 12:00pm on 16 April 2027.\n"
    )
    found = timeline(text)
    assert (Kind.OTHER, at("2026-12-08", "17:00")) in found
    assert (Kind.SUBMISSION_DEADLINE, at("2027-04-16", "12:00")) in found


def test_a_sentence_that_opens_on_what_the_one_before_named() -> None:
    text = (
        "Accompanied visits to all nine sites are optional but strongly recommended. They will "
        "run on Wednesday 9 December 2026, between 9:30am and 3pm, starting from the main "
        "reception.\n"
    )
    assert timeline(text) == [
        (
            Kind.OTHER,
            Span(
                datetime(2026, 12, 9, 9, 30, tzinfo=ZONE), datetime(2026, 12, 9, 15, 0, tzinfo=ZONE)
            ),
        )
    ]


def test_registering_after_the_date_attending_a_visit_and_belgian_works() -> None:
    text = (
        "We houden een schouw op donderdag 14 januari 2027 van 09:00 tot 11:00 uur. Graag "
        "uiterlijk maandag 11 januari 2027 even aanmelden bij mij per mail.\n"
        "\n"
        "Candidates invited to tender must attend a compulsory site visit at the premises on "
        "03/03/2027 at 10:00 (local time).\n"
        "\n"
        "Het bevel van aanvang wordt voorzien op woensdag 1 september 2027. Tijdens het "
        "bouwverlof van 19 juli tot en met 6 augustus 2027 worden geen werken uitgevoerd.\n"
    )
    assert timeline(text) == [
        (Kind.OTHER, Day(date(2027, 1, 11))),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 14, 9, 0, tzinfo=ZONE), datetime(2027, 1, 14, 11, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.OTHER, at("2027-03-03", "10:00")),
        (Kind.START, Day(date(2027, 9, 1))),
    ]


def test_the_same_day_in_a_clause_before_another() -> None:
    text = (
        "Uiterste datum voor ontvangst van de offertes: dinsdag 2 februari 2027 om 11u00.\n"
        "De offertes worden elektronisch ingediend. De openingszitting vindt plaats op dezelfde "
        "dag om 11u15 in het Administratief Centrum; de zitting is openbaar.\n"
    )
    assert timeline(text) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-02-02", "11:00")),
        (Kind.OPENING, at("2027-02-02", "11:15")),
    ]


def test_the_outcome_of_the_first_phase_and_the_itt_to_the_shortlisted_are_the_shortlist() -> None:
    assert timeline(
        "  SAQ response deadline .............................. 12:00, Thursday 11 February 2027\n"
        "  Notification of Phase 1 outcome .................... Friday 12 March 2027\n"
        "  Issue of ITT to shortlisted candidates ............. Monday 15 March 2027\n"
    ) == [
        (Kind.PARTICIPATION_DEADLINE, at("2027-02-11", "12:00")),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 3, 12))),
        (Kind.SHORTLIST_NOTICE, Day(date(2027, 3, 15))),
    ]


def test_hours_written_with_am_and_pm_on_both_sides_of_a_dash_are_a_span() -> None:
    site_visit = timeline("Site visit ......... Monday 28 June 2027, 2pm-4pm\n")
    assert site_visit == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 6, 28, 14, 0, tzinfo=ZONE), datetime(2027, 6, 28, 16, 0, tzinfo=ZONE)
            ),
        )
    ]


def test_the_day_a_step_was_first_set_on_or_extended_from_is_its_old_one() -> None:
    assert timeline(
        "Om de inschrijvers voldoende tijd te geven, wordt de uiterste datum voor het\n"
        "indienen van de offertes, oorspronkelijk vastgesteld op donderdag 1 april 2027\n"
        "om 10u00, uitgesteld tot donderdag 15 april 2027 om 10u00.\n"
        "As a result we have also extended the deadline for clarification questions\n"
        "from 5pm on Friday 12 March 2027 to 5pm on Friday 26 March 2027.\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-03-26", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-04-15", "10:00")),
    ]


def test_a_log_of_clarifications_answers_with_r_and_names_its_earlier_versions() -> None:
    assert timeline(
        "This log supersedes versions 1 (issued 27/07/2027) and 2 (issued 06/08/2027).\n"
        "\n"
        "5   | 04/08/2027    | Q: Would the University consider extending the deadline?\n"
        "\n"
        "    R: Yes. The deadline for clarification requests is extended to 5pm on Tuesday\n"
        "       24 August 2027. The University will publish its final responses no later\n"
        "       than 27/08/2027.\n"
        "\n"
        "6   | 09/08/2027    | Q: What is the anticipated timetable after tender receipt?\n"
        "\n"
        "    R: The University expects to notify the outcome of the evaluation to all\n"
        "       tenderers by 8 October 2027.\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-08-24", "17:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 8, 27))),
        (Kind.AWARD, Day(date(2027, 10, 8))),
    ]


def test_a_timetable_whose_labels_wrap_beside_a_column_of_comments() -> None:
    assert timeline(
        "Summary timetable                          Date                       Comments\n"
        "Deadline for requesting any additional     04/10/2027                 By e-mail only,"
        " see\n"
        "information from EMSA                                                 section 1.5\n"
        "Last date on which clarifications are      08/10/2027\n"
        "issued by EMSA\n"
        "Deadline for submission of tenders         14/10/2027 at 16:00        Via e-Submission\n"
        "Registration for attending the             19/10/2027 at 12:00        One representative\n"
        "opening session                                                       per tenderer\n"
        "Opening session                            21/10/2027 at 10:00        EMSA premises\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, Day(date(2027, 10, 4))),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 10, 8))),
        (Kind.SUBMISSION_DEADLINE, at("2027-10-14", "16:00")),
        (Kind.OTHER, at("2027-10-19", "12:00")),
        (Kind.OPENING, at("2027-10-21", "10:00")),
    ]


def test_a_familiarisation_day_its_registration_and_the_published_responses() -> None:
    assert timeline(
        "The Council will hold a site familiarisation day on Tuesday 26 January 2027 between 10am"
        " and 3pm.\n"
        "Bidders wishing to attend must register through the portal no later than 5pm on"
        " Thursday 21 January 2027.\n"
        "\n"
        "The Council will publish all questions and responses, anonymised, on or before"
        " Wednesday 3 February 2027.\n"
    ) == [
        (Kind.OTHER, at("2027-01-21", "17:00")),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 1, 26, 10, 0, tzinfo=ZONE), datetime(2027, 1, 26, 15, 0, tzinfo=ZONE)
            ),
        ),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 2, 3))),
    ]


def test_a_day_to_the_end_of_the_term_is_its_start() -> None:
    assert timeline(
        "Contract dates (estimated)\n1 June 2027 to the end of the initial 36-month term\n"
    ) == [(Kind.START, Day(date(2027, 6, 1)))]


def test_visits_and_interviews_that_take_place_somewhere_on_a_day_and_a_consolidated_response() -> (
    None
):
    assert timeline(
        "Void property visits. Visits will take place on Tuesday 23rd February 2027 and Wednesday"
        " 24th February 2027, from 9.30am to 12.30pm on each day.\n"
        "\n"
        "Questions. Any questions must be raised by 4pm on Friday 26th February 2027. We will"
        " issue a consolidated response to all tenderers by Wednesday 3rd March 2027.\n"
        "\n"
        "The top eight will be invited to a presentation and interview with the evaluation panel,"
        " which will take place at the Estates Hub, Western Bank, on 18 and 19 May 2027.\n"
        "\n"
        "Please note that the University's offices close for the summer shutdown between 30 July"
        " and 1 August 2027.\n"
    ) == [
        (
            Kind.OTHER,
            Span(
                datetime(2027, 2, 23, 9, 30, tzinfo=ZONE),
                datetime(2027, 2, 23, 12, 30, tzinfo=ZONE),
            ),
        ),
        (
            Kind.OTHER,
            Span(
                datetime(2027, 2, 24, 9, 30, tzinfo=ZONE),
                datetime(2027, 2, 24, 12, 30, tzinfo=ZONE),
            ),
        ),
        (Kind.QUESTIONS_DEADLINE, at("2027-02-26", "16:00")),
        (Kind.ANSWERS_PUBLISHED, Day(date(2027, 3, 3))),
        (Kind.INTERVIEWS, Day(date(2027, 5, 18))),
        (Kind.INTERVIEWS, Day(date(2027, 5, 19))),
    ]


def test_negotiation_rounds_meetings_and_demonstrations_one_is_invited_to_are_interviews() -> None:
    assert timeline("Onderhandelingsronde 1:   26-01-2027 09:00-12:00\n") == [
        (Kind.INTERVIEWS, span("2027-01-26", "09:00", "12:00"))
    ]
    meetings = (
        "Up to four suppliers per lot may be invited to negotiation meetings at our offices,\n"
        "Ty Dyffryn, Heol y Felin, on Monday 22 March 2027 and Tuesday 23 March 2027,\n"
        "09:30 - 16:30 each day.\n"
    )
    assert timeline(meetings) == [
        (Kind.INTERVIEWS, span("2027-03-22", "09:30", "16:30")),
        (Kind.INTERVIEWS, span("2027-03-23", "09:30", "16:30")),
    ]
    demonstrations = (
        "The three highest-ranked tenderers will be invited to demonstrate the system at\n"
        "Regionens hus, Storgatan 12, Skarviken, on 9 and 10 February 2027, kl. 09.00-16.00.\n"
    )
    assert [kind for kind, _ in timeline(demonstrations)] == [Kind.INTERVIEWS, Kind.INTERVIEWS]


def test_applications_for_an_assessment_round_are_no_assessment() -> None:
    text = "For the first assessment round, only applications received by 15 January 2027 count.\n"
    assert [kind for kind, _ in timeline(text)] == [Kind.SUBMISSION_DEADLINE]


def test_a_short_dotted_leader_ends_no_sentence() -> None:
    text = (
        "Timetable\n"
        "   Deadline for clarification questions ... Thursday 10 December 2026, 17:00 CET\n"
        "   Deadline for submission of candidates .. Monday 4 January 2027, noon (12:00 CET)\n"
    )
    assert timeline(text) == [
        (Kind.QUESTIONS_DEADLINE, at("2026-12-10", "17:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-01-04", "12:00")),
    ]
