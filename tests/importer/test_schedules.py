"""Schedules as notices and hiring requests lay them out: headings that name a step over the
rows of its lots, a column that is there for information only, invitations to a day."""

from __future__ import annotations

from datetime import date, datetime, time

from tender_notifier.importer import extract
from tender_notifier.timeline import Day, Kind, Moment, Span, When

from .corpus import ZONE


def at(day: str, clock: str) -> Moment:
    return Moment(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), ZONE))


def span(day: str, start: str, end: str) -> Span:
    first = date.fromisoformat(day)
    return Span(
        datetime.combine(first, time.fromisoformat(start), ZONE),
        datetime.combine(first, time.fromisoformat(end), ZONE),
    )


def timeline(text: str) -> list[tuple[Kind, When]]:
    draft = extract(text, zone=ZONE)
    return [(m.kind, m.when) for m in draft.tender.milestones]


def test_a_long_heading_that_names_a_step_lends_it_to_the_rows_of_its_lots() -> None:
    assert timeline(
        "Planning\n"
        "Uiterste termijn inschrijving\n"
        "\tperceel 1 en 2\tdi 02-03-2027\t14:00\n"
        "Productdemonstratie en gebruikerstest (inschrijver presenteert; locatie Zwolle,"
        " Sophia Vakschool)\n"
        "\tperceel 1\two 17-03-2027\t09:00 - 16:00\n"
        "\tperceel 2\tdo 18-03-2027\t09:00 - 16:00\n"
        "\tperceel 3\two 24-03-2027\t09:00 - 13:00\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-03-02", "14:00")),
        (Kind.INTERVIEWS, span("2027-03-17", "09:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-03-18", "09:00", "16:00")),
        (Kind.INTERVIEWS, span("2027-03-24", "09:00", "13:00")),
    ]


def test_a_column_given_for_information_leaves_the_new_dates_binding() -> None:
    assert timeline(
        "Nota van Inlichtingen 1\n"
        "Opdrachtgever: Waterschap Rijn en IJssel\n"
        "\n"
        'Paragraaf 2.3 wordt vervangen door onderstaande tabel. De kolom "Oorspronkelijk" is\n'
        "alleen ter informatie opgenomen.\n"
        "\n"
        "| Activiteit                         | Oorspronkelijk     | Gewijzigd          |\n"
        "|------------------------------------|--------------------|--------------------|\n"
        "| Uiterste datum vragen 2e ronde     | 17-02-2027 12:00   | 24-02-2027 12:00   |\n"
        "| Uiterste inschrijfdatum            | 04-03-2027 13:00   | 18-03-2027 13:00   |\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-02-24", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-18", "13:00")),
    ]


def test_an_invitation_to_an_online_interview_on_a_day_is_the_interview() -> None:
    assert timeline(
        "Titel\nOpdrachtgever: Gemeente X\n"
        "* De drie hoogst scorende kandidaten worden uitgenodigd voor een (online) gesprek op\n"
        "  dinsdag 9 februari 2027 tussen 13:00 en 17:00 uur.\n"
        "* Definitieve keuze en terugkoppeling aan alle leveranciers: uiterlijk dinsdag 16\n"
        "  februari 2027.\n"
    ) == [
        (Kind.INTERVIEWS, span("2027-02-09", "13:00", "17:00")),
        (Kind.AWARD, Day(date(2027, 2, 16))),
    ]


def test_a_column_headed_old_holds_the_dates_that_were_replaced() -> None:
    assert timeline(
        "Geactualiseerde planning\n"
        "Opdrachtgever: Universiteit Twente\n"
        "\n"
        "  Stap                                         Datum / tijd          Oud\n"
        "  Uiterste datum vragen 2e ronde               19-02-2027 12:00      12-02-2027 12:00\n"
        "  Sluiting inschrijving                        15-03-2027 12:00      01-03-2027 12:00\n"
        "  Voorlopige gunningsbeslissing                16-04-2027            02-04-2027\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-02-19", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-03-15", "12:00")),
        (Kind.AWARD, Day(date(2027, 4, 16))),
    ]


def test_a_value_after_a_dotted_leader_goes_on_under_itself() -> None:
    assert timeline(
        "Planning\n"
        "Opdrachtgever: Provincie Gelderland\n"
        "\n"
        "Uiterste datum indienen inschrijving ............. dinsdag 1 juni 2027, 10:00 uur\n"
        "Interviews sleutelfunctionarissen ................ dinsdag 15 juni en woensdag 16 juni"
        " 2027,\n"
        "                                                   telkens tussen 09:00 en 17:00 uur\n"
        "Voorlopige gunningsbeslissing .................... donderdag 1 juli 2027\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-06-01", "10:00")),
        (Kind.INTERVIEWS, span("2027-06-15", "09:00", "17:00")),
        (Kind.INTERVIEWS, span("2027-06-16", "09:00", "17:00")),
        (Kind.AWARD, Day(date(2027, 7, 1))),
    ]


def test_a_label_left_open_goes_on_beside_the_rest_of_its_date() -> None:
    assert timeline(
        "Aanbestedingsleidraad\n"
        "Opdrachtgever: Gemeente Apeldoorn\n"
        "\n"
        "Activiteit                                     Datum / tijdstip\n"
        "Aanmelden voor de schouw (via de               uiterlijk vrijdag 12 februari\n"
        "berichtenmodule)                               2027, 12:00 uur\n"
        "Schouw (verzamelen bij de hoofdingang          dinsdag 16 februari 2027,\n"
        "Stadhuis, Marktplein 1)                        09:30 – 12:00 uur\n"
    ) == [
        (Kind.OTHER, at("2027-02-12", "12:00")),
        (Kind.OTHER, span("2027-02-16", "09:30", "12:00")),
    ]


def test_old_and_new_dates_under_a_sentence_are_those_of_the_step_it_names() -> None:
    assert timeline(
        "Rechtzetting\n"
        "Opdrachtgever: Stad Mechelen\n"
        "\n"
        "Naar aanleiding van een aanpassing van de meetstaat wordt de uiterste datum voor\n"
        "ontvangst van de offertes verschoven.\n"
        "\n"
        "Oude datum: dinsdag 11/05/2027 om 10u00\n"
        "Nieuwe datum: dinsdag 18/05/2027 om 10u00\n"
        "\n"
        "Oorspronkelijke aankondiging\n"
        "Uiterste datum voor ontvangst van de offertes: 11/05/2027 om 10u00\n"
    ) == [(Kind.SUBMISSION_DEADLINE, at("2027-05-18", "10:00"))]


def test_the_days_a_log_of_questions_was_asked_answered_and_updated_are_no_steps() -> None:
    assert timeline(
        "Vragen en antwoorden\n"
        "Opdrachtgever: Gemeente Amersfoort\n"
        "\n"
        "  Publicatie antwoorden ..... maandag 7 december 2026\n"
        "  Sluiting inschrijving ..... donderdag 10 december 2026, 09.00 uur\n"
        "\n"
        "Vragen en antwoorden (2)                      Laatste update: 07-12-2026\n"
        "#1   Gesteld: 01-12-2026 14:31   Beantwoord: 07-12-2026 10:05\n"
        "Is een VOG vereist? Ja.\n"
        "Datum vraag: 02-12-2026 09:12\n"
        "Mag de kandidaat parttime werken? Nee.\n"
    ) == [
        (Kind.ANSWERS_PUBLISHED, Day(date(2026, 12, 7))),
        (Kind.SUBMISSION_DEADLINE, at("2026-12-10", "09:00")),
    ]


def test_a_day_and_a_time_in_fields_under_a_sentence_naming_the_step() -> None:
    assert timeline(
        "Uitnodiging kennismakingsgesprek\n"
        "Opdrachtgever: DICTU\n"
        "Aanvraag: DICTU-2027-0088\n"
        "Functie: Scrum Master\n"
        "\n"
        "Beste leverancier,\n"
        "\n"
        "Uw kandidaat is geselecteerd voor een kennismakingsgesprek voor deze aanvraag.\n"
        "\n"
        "    Datum:              donderdag 28 januari 2027\n"
        "    Tijd:               10:30 - 11:15 uur\n"
        "    Locatie:            DICTU, Rijnstraat 8, Den Haag\n"
        "\n"
        "Bevestig de aanwezigheid van uw kandidaat uiterlijk dinsdag 26 januari 2027 om 12:00\n"
        "uur via Flextender.\n"
        "Ik ontvang graag uiterlijk maandag 25 januari (vóór 17:00 uur) je CV en motivatie.\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-01-25", "17:00")),
        (Kind.OTHER, at("2027-01-26", "12:00")),
        (Kind.INTERVIEWS, span("2027-01-28", "10:30", "11:15")),
    ]


def test_labels_and_values_of_a_dotted_schedule_wrap_on_either_side_of_the_dots() -> None:
    assert timeline(
        "Beschrijvend document\n"
        "Opdrachtgever: Rijksuniversiteit Groningen\n"
        "\n"
        "Uiterste termijn vragen over dit Beschrijvend document ........ 11 januari 2027,\n"
        "12:00 uur\n"
        "Dialoogronde 2 (individuele sessies, incl.\n"
        "demonstratie prototype) ......................................... 13 en 14 april 2027\n"
        "Mededeling sluiting dialoog ..................................... 14 mei 2027\n"
        "Uiterste termijn indienen Inschrijving ......................... 7 juni 2027,\n"
        "12:00 uur\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-01-11", "12:00")),
        (Kind.OTHER, Day(date(2027, 4, 13))),
        (Kind.OTHER, Day(date(2027, 4, 14))),
        (Kind.OTHER, Day(date(2027, 5, 14))),
        (Kind.SUBMISSION_DEADLINE, at("2027-06-07", "12:00")),
    ]


def test_a_table_of_original_and_revised_dates_aligned_with_spaces() -> None:
    assert timeline(
        "Revised timetable\n"
        "Buyer: University of Mercia\n"
        "\n"
        "  Stage                                        Original                 Revised\n"
        "  -------------------------------------------  -----------------------  ----------------\n"
        "  Participation stage: clarification deadline  12 March 2027, 17:00     Tue 16 March 2027,"
        " 17:00\n"
        "  Return of Procurement Specific               19 March 2027, 12 noon   Thu 1 April 2027,"
        " 12 noon\n"
        "    Questionnaire (PSQ)\n"
        "  Tender return                                14 May 2027, 12 noon     Fri 21 May 2027,"
        " 12 noon\n"
    ) == [
        (Kind.QUESTIONS_DEADLINE, at("2027-03-16", "17:00")),
        (Kind.PARTICIPATION_DEADLINE, at("2027-04-01", "12:00")),
        (Kind.SUBMISSION_DEADLINE, at("2027-05-21", "12:00")),
    ]


def test_the_rows_of_lots_under_a_heading_each_take_its_step_when_their_values_wrap() -> None:
    assert timeline(
        "Aanbestedingsleidraad\n"
        "Opdrachtgever: Waterschap Rivierenland\n"
        "\n"
        "Schouw (niet verplicht)\n"
        "  Perceel 1 ............................................... dinsdag 19 januari 2027,\n"
        "                                                            09:00 – 12:00 uur\n"
        "  Perceel 2 ............................................... dinsdag 19 januari 2027,\n"
        "                                                            13:30 – 16:30 uur\n"
        "\n"
        "Het maaiseizoen loopt in de regel van 15 mei tot en met 15 november.\n"
    ) == [
        (Kind.OTHER, span("2027-01-19", "09:00", "12:00")),
        (Kind.OTHER, span("2027-01-19", "13:30", "16:30")),
    ]


def test_a_label_goes_on_indented_on_the_line_of_its_dotted_value() -> None:
    assert timeline(
        "Timetable\n"
        "Buyer: Westshire County Council\n"
        "\n"
        "  Quote deadline ............................................ Wed 21 July 2027, 12 noon\n"
        "  Vehicle inspections\n"
        "    at Westbridge Fleet Depot ................................. Mon 26 July 2027,"
        " 9am-3pm\n"
    ) == [
        (Kind.SUBMISSION_DEADLINE, at("2027-07-21", "13:00")),
        (Kind.OTHER, span("2027-07-26", "10:00", "16:00")),
    ]
