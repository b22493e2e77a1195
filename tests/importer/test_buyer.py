"""Who the buyer is: a field, a line near the top, a name after a dash on the title line; the
organisation, not its department, address or abbreviation."""

from __future__ import annotations

import pytest

from tender_notifier.importer import extract

from .corpus import ZONE


def buyer(text: str) -> str:
    return extract(text, zone=ZONE).tender.buyer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Belgian and English labels of the buyer's field
        (
            "Aankondiging\nOpdrachtgevend bestuur: Stad Mechelen, Dienst Facilitair Beheer\n",
            "Stad Mechelen",
        ),
        (
            "Aankondiging\nAanbestedende overheid: Vlaamse Milieumaatschappij (VMM)\n",
            "Vlaamse Milieumaatschappij",
        ),
        ("Expression of Interest\nIssued by: Universiteit Leiden, ISSC\n", "Universiteit Leiden"),
        # TED's numbered field, with the address after the name
        (
            "Contract notice\nI.1) Name and addresses: UMC Utrecht, Heidelberglaan 100, Utrecht, "
            "3584 CX, Netherlands\n",
            "UMC Utrecht",
        ),
        # the department after a dash in a field
        (
            "New assignment\nClient: Belastingdienst – Centrum voor Applicatieontwikkeling\n",
            "Belastingdienst",
        ),
        # a line of its own near the top, with its department or abbreviation
        ("Beheer fietsenstallingen\nGemeente Utrecht, afdeling Mobiliteit\n", "Gemeente Utrecht"),
        (
            "Request for Quotation\nHogeschool van Amsterdam (HvA), Facility Services\n",
            "Hogeschool van Amsterdam",
        ),
        # after a dash on the title line
        ("Aanbestedingskalender – Waterschap Vallei en Veluwe\n", "Waterschap Vallei en Veluwe"),
        ("Opdracht: Senior Data Scientist (Python, MLOps) – UWV\n", "UWV"),
        (
            "Striive | Nieuwe opdracht\nInformatieanalist – Zorginstituut Nederland (Diemen)\n",
            "Zorginstituut Nederland",
        ),
        # an agency named after its ministry
        (
            "Aanvraag inhuur – Ministerie van Infrastructuur en Waterstaat, Rijkswaterstaat\n",
            "Rijkswaterstaat",
        ),
    ],
)
def test_the_buyer_is_the_organisation_named(text: str, expected: str) -> None:
    assert buyer(text) == expected


def test_a_title_without_an_organisation_after_its_dash_names_no_buyer() -> None:
    assert buyer("Expression of Interest – Research Data Management Platform\n") == "Onbekend"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Havenbedrijf Rotterdam N.V.\nInvitation to Tender: advisory services\n",
            "Havenbedrijf Rotterdam N.V.",
        ),
        (
            "International School of The Hague\nRequest for Tender – Cleaning\n",
            "International School of The Hague",
        ),
        ("Universiteit Twente – Europese aanbesteding Catering campus\n", "Universiteit Twente"),
        (
            "Stichting Openbaar Onderwijs Groningen (O2G2) – Europese aanbesteding Devices\n",
            "Stichting Openbaar Onderwijs Groningen",
        ),
    ],
)
def test_the_title_line_names_the_buyer_as_a_name_of_its_own(text: str, expected: str) -> None:
    assert buyer(text) == expected


def test_a_title_that_mentions_a_body_in_its_words_is_not_the_buyer_s_name() -> None:
    assert buyer("Aanbesteding schoonmaak Gemeente Delft\n") == "Gemeente Delft"


def test_the_organisation_that_invites_the_reader_is_the_buyer() -> None:
    assert (
        buyer(
            "Onderwerp: Uitnodiging\n\nBeste marktpartij,\n\nWoonstichting De Key nodigt u"
            " uit om in te schrijven.\n"
        )
        == "Woonstichting De Key"
    )
    assert buyer("Subject: RFQ\n\nTU Delft invites you to take part in a mini-competition.\n") == (
        "TU Delft"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # councils, trusts, boards and Belgian bodies on a line of their own
        (
            "Cleaning and housekeeping services\n\nNorthgate Hospitals NHS Foundation Trust\n",
            "Northgate Hospitals NHS Foundation Trust",
        ),
        (
            "School extension\nKildrum Education and Training Board\n",
            "Kildrum Education and Training Board",
        ),
        ("Zorgbedrijf Rivierenland – welzijnsvereniging\nMaaltijden\n", "Zorgbedrijf Rivierenland"),
        # a name in capitals, written as a name; abbreviations stay
        (
            "CALDERBROOK METROPOLITAN BOROUGH COUNCIL\nHomecare framework\n",
            "Calderbrook Metropolitan Borough Council",
        ),
        (
            "POLITIEZONE SCHELDEVALLEI-OOST (PZ 5417)\nVoertuigen\n",
            "Politiezone Scheldevallei-Oost",
        ),
        (
            "Tender notice\n\nWESTMERE HOSPITALS NHS FOUNDATION TRUST\n",
            "Westmere Hospitals NHS Foundation Trust",
        ),
        ("Aanvraag\nOpdrachtgever: UWV\n", "UWV"),
        # a name in two languages: the one the list knows
        ("Cyngor Gwynedd / Gwynedd Council\nClarification log\n", "Gwynedd Council"),
    ],
)
def test_more_kinds_of_bodies_and_names_in_capitals(text: str, expected: str) -> None:
    assert buyer(text) == expected


def test_a_label_in_capitals_is_no_name() -> None:
    assert buyer("Dredging works\n\nCONTRACTING AUTHORITY\nVlaamse Binnenvaartbeheer NV\n") == (
        "Vlaamse Binnenvaartbeheer NV"
    )
