"""Steps told in prose by buyers, brokers and procurement officers: who answers the questions,
who hears whether they passed, what a sentence that points back or a short tail after a comma
names, and words that look like a step but are not one."""

from __future__ import annotations

from datetime import date

import pytest

from tender_notifier.importer.text import segments
from tender_notifier.timeline import Day, Kind

from .reading import at, timeline


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Council will aim to reply to all queries by 9 March 2027.", Kind.ANSWERS_PUBLISHED),
        (
            "Responses to all clarifications received by then will be published on the portal by"
            " 9 March 2027.",
            Kind.ANSWERS_PUBLISHED,
        ),
        ("The framework commencement date is 9 March 2027.", Kind.START),
        ("A: Expected commencement is 9 March 2027.", Kind.START),
        (
            "Please confirm whether you intend to bid for this contract by 9 March 2027.",
            Kind.OTHER,
        ),
        (
            "We will tell all applicants whether they have passed by 9 March 2027.",
            Kind.SHORTLIST_NOTICE,
        ),
        (
            "Geselecteerde kandidaten ontvangen uiterlijk 9 maart 2027 bericht.",
            Kind.SHORTLIST_NOTICE,
        ),
        ("Notification of qualification result: 9 March 2027", Kind.SHORTLIST_NOTICE),
        (
            "Written tenders – the method statements, the implementation and exit plans, the"
            " social value plan and the pricing schedule – are then due on 9 March 2027.",
            Kind.SUBMISSION_DEADLINE,
        ),
        ("Outcome: by 9 March 2027 through the portal", Kind.AWARD),
        ("Beslissing: uiterlijk 9 maart 2027", Kind.AWARD),
        ("The panel hopes to make a final decision by 9 March 2027.", Kind.AWARD),
        (
            "The Trust will then issue assessment summaries to every bidder on 9 March 2027.",
            Kind.AWARD,
        ),
        (
            "We will run the same presentation again online on 9 March 2027.",
            Kind.OTHER,
        ),
        (
            "Kun je uiterlijk dinsdag 9 maart 2027 bevestigen dat je kandidaat aanwezig is?",
            Kind.OTHER,
        ),
        (
            "Suppliers who wish to attend should book a place by 9 March 2027.",
            Kind.OTHER,
        ),
        (
            "Applications for prequalification must reach us by 9 March 2027.",
            Kind.PARTICIPATION_DEADLINE,
        ),
        (
            "Naar aanleiding van de eerste nota van inlichtingen kunnen vervolgvragen worden"
            " gesteld tot 9 maart 2027.",
            Kind.QUESTIONS_DEADLINE,
        ),
        (
            "I need an updated CV (max. 2 pages) and a day rate for each candidate by"
            " 9 March 2027.",
            Kind.SUBMISSION_DEADLINE,
        ),
    ],
)
def test_a_sentence_names_its_step(sentence: str, kind: Kind) -> None:
    assert [k for k, _ in timeline(sentence + "\n")] == [kind]


def test_an_assessment_summary_is_no_interview() -> None:
    assert timeline(
        "The award decision will be taken and an assessment summary sent to each bidder by"
        " 9 April 2027.\n"
    ) == [(Kind.AWARD, Day(date(2027, 4, 9)))]


def test_times_that_follow_in_the_invitation_are_no_invitation() -> None:
    assert timeline(
        "De gesprekken zijn voor perceel 1 op maandag 8 maart 2027 en voor perceel 2 op woensdag"
        " 10 maart 2027 (tijden volgen in de uitnodiging).\n"
    ) == [(Kind.INTERVIEWS, Day(date(2027, 3, 8))), (Kind.INTERVIEWS, Day(date(2027, 3, 10)))]


def test_questions_answered_from_a_day_on_date_no_step() -> None:
    assert (
        timeline(
            "The office is closed over Christmas; questions sent then will be answered from"
            " 4 January 2027.\n"
        )
        == []
    )


def test_a_start_after_a_comma_is_the_start_whatever_the_clause_named_before() -> None:
    assert timeline("Gesprekken zijn in week 3, start 1 feb '27 als alles meezit.\n") == [
        (Kind.START, Day(date(2027, 2, 1)))
    ]


def test_a_relative_clause_after_a_comma_keeps_its_subject() -> None:
    assert (
        timeline(
            "This call-off is made under framework RM6200 (lot 4), which runs until"
            " 31 March 2030.\n"
        )
        == []
    )


def test_a_sentence_that_sets_days_aside_for_what_the_one_before_named_gives_them_its_step() -> (
    None
):
    assert timeline(
        "Shortlisted suppliers will give a demonstration of their system to our users. We have"
        " kept two days free for this, Monday 8 March and Tuesday 9 March 2027.\n"
    ) == [(Kind.INTERVIEWS, Day(date(2027, 3, 8))), (Kind.INTERVIEWS, Day(date(2027, 3, 9)))]


def test_registering_after_a_blank_line_is_for_the_event_above_when_it_says_so() -> None:
    assert timeline(
        "A market engagement webinar will be held on 2 March 2027 at 10:00.\n"
        "\n"
        "Suppliers wishing to attend should register by emailing the team by 25 February 2027.\n"
    ) == [(Kind.OTHER, Day(date(2027, 2, 25))), (Kind.OTHER, at("2027-03-02", "10:00"))]


def test_no_sentence_ends_after_a_title_or_an_initial() -> None:
    text = "The visit starts at St. Mary's Church. Contact Mr. J. Smith or mevrouw R. Yilmaz."
    assert [s.text for s in segments(text)] == [
        "The visit starts at St. Mary's Church.",
        "Contact Mr. J. Smith or mevrouw R. Yilmaz.",
    ]


def test_a_lot_named_by_a_letter_may_end_a_sentence() -> None:
    assert [s.text for s in segments("Dit geldt voor perceel B. De termijn blijft staan.")] == [
        "Dit geldt voor perceel B.",
        "De termijn blijft staan.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Stage 1 responses due: 9 March 2027, 12:00", Kind.PARTICIPATION_DEADLINE),
        (
            "We will circulate a consolidated clarifications document to all parties on or"
            " before 9 March 2027.",
            Kind.ANSWERS_PUBLISHED,
        ),
        (
            "The Authority will issue its final clarifications by 9 March 2027.",
            Kind.ANSWERS_PUBLISHED,
        ),
        ("Publication of the last replies (Q&A page): 9 March 2027", Kind.ANSWERS_PUBLISHED),
        ("Selected candidates will meet the panel on 9 March 2027.", Kind.INTERVIEWS),
        (
            "Wij nodigen alle inschrijvers uit hun offerte mondeling toe te lichten op"
            " 9 maart 2027.",
            Kind.INTERVIEWS,
        ),
        (
            "Please confirm the names of attendees by email no later than 9 March 2027.",
            Kind.OTHER,
        ),
        ("Het werk dient uiterlijk 9 maart 2028 gereed te zijn.", Kind.END),
        ("Het eindrapport moet uiterlijk 9 maart 2028 zijn opgeleverd.", Kind.END),
        ("Building works starting on site from 9 March 2027.", Kind.START),
    ],
)
def test_more_sentences_name_their_step(sentence: str, kind: Kind) -> None:
    assert [k for k, _ in timeline(sentence + "\n")] == [kind]


def test_a_date_in_an_example_of_several_words_is_no_step() -> None:
    assert (
        timeline(
            "For example, if a bidder uploads its offer on 3 March 2027, the form may be dated"
            " 1 March 2027.\n"
        )
        == []
    )


def test_a_step_first_planned_for_one_day_takes_place_on_another() -> None:
    assert timeline(
        "- the opening session, initially planned for 19/01/2027, will take place on"
        " 04/03/2027 at 10:00.\n"
    ) == [(Kind.OPENING, at("2027-03-04", "10:00"))]


def test_a_paragraph_of_its_own_to_sign_up_is_for_the_event_above() -> None:
    assert timeline(
        "De schouw is op dinsdag 12 januari 2027 om 9:30 uur.\n"
        "\n"
        "Graag uiterlijk vrijdag 8 januari, vóór 16:00, aanmelden via de berichtenmodule, met de"
        " namen van de deelnemers.\n"
    ) == [(Kind.OTHER, at("2027-01-08", "16:00")), (Kind.OTHER, at("2027-01-12", "09:30"))]


def test_a_time_after_commencing_belongs_to_its_date() -> None:
    assert timeline(
        "The site visit will take place on 12 January 2027, commencing at 10.30am.\n"
    ) == [(Kind.OTHER, at("2027-01-12", "10:30"))]
