"""Every dated milestone of the SDK's contract and call-for-competition examples, none invented.

The expected dates are gathered here by a separate walk over the XML with the standard library
(the field paths of the SDK's fields.json), not by the code under test.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tender_notifier.eforms import read_notice, to_tender
from tender_notifier.timeline import Day, Kind, Moment, Tender
from tests.eforms.conftest import NOTICES

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
}
EXT = "ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension"
# BT -> (kind, path under the lot, date tag, time tag), from fields/fields.json
FIELDS = {
    "BT-13": (
        "questions_deadline",
        "cac:TenderingProcess/cac:AdditionalInformationRequestPeriod",
        "EndDate",
        "EndTime",
    ),
    "BT-131": (
        "submission_deadline",
        "cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod",
        "EndDate",
        "EndTime",
    ),
    "BT-1311": (
        "participation_deadline",
        "cac:TenderingProcess/cac:ParticipationRequestReceptionPeriod",
        "EndDate",
        "EndTime",
    ),
    "BT-630": (
        "participation_deadline",
        f"cac:TenderingProcess/{EXT}/efac:InterestExpressionReceptionPeriod",
        "EndDate",
        "EndTime",
    ),
    "BT-130": (
        "shortlist_notice",
        "cac:TenderingProcess/cac:InvitationSubmissionPeriod",
        "StartDate",
        None,
    ),
    "BT-132": (
        "opening",
        "cac:TenderingProcess/cac:OpenTenderEvent",
        "OccurrenceDate",
        "OccurrenceTime",
    ),
    "BT-536": ("start", "cac:ProcurementProject/cac:PlannedPeriod", "StartDate", None),
    "BT-537": ("end", "cac:ProcurementProject/cac:PlannedPeriod", "EndDate", None),
}
EXAMPLES = sorted(NOTICES.glob("*.xml"))


def _offset(text: str) -> tuple[str, timezone | None]:
    if text.endswith("Z"):
        return text[:-1], UTC
    if len(text) > 6 and text[-6] in "+-" and text[-3] == ":":
        sign = 1 if text[-6] == "+" else -1
        return text[:-6], timezone(sign * timedelta(hours=int(text[-5:-3]), minutes=int(text[-2:])))
    return text, None


def expected(path: Path) -> set[tuple[str, object]]:
    """(kind, UTC instant or date) of every lot date in the notice."""
    found: set[tuple[str, object]] = set()
    root = ET.parse(path).getroot()
    for lot in root.findall("cac:ProcurementProjectLot", NS):
        if lot.find("cbc:ID", NS).get("schemeName") != "Lot":
            continue
        for kind, where, date_tag, time_tag in FIELDS.values():
            for period in lot.findall(where, NS):
                d = period.find(f"cbc:{date_tag}", NS)
                if d is None:
                    continue
                day_text, day_zone = _offset(d.text.strip())
                t = period.find(f"cbc:{time_tag}", NS) if time_tag else None
                if t is None:
                    found.add((kind, date.fromisoformat(day_text)))
                    continue
                time_text, time_zone = _offset(t.text.strip())
                zone = time_zone or day_zone
                at = datetime.combine(
                    date.fromisoformat(day_text), time.fromisoformat(time_text), tzinfo=zone
                )
                found.add((kind, at.astimezone(UTC)))
    return found


def got(tender: Tender) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for m in tender.milestones:
        match m.when:
            case Moment(at=at):
                out.append((m.kind.value, at.astimezone(UTC)))
            case Day(day=day):
                out.append((m.kind.value, day))
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_import_gives_every_dated_milestone_and_invents_none(path: Path) -> None:
    tender = to_tender(read_notice(path)).tender
    milestones = got(tender)
    assert len(milestones) == len(set(milestones)), "one milestone per kind and moment"
    assert set(milestones) == expected(path)
    assert expected(path), "every example here has dates"


def test_contract_notice_open_procedure() -> None:
    tender = to_tender(read_notice(NOTICES / "cn_24_open.xml")).tender
    london = ZoneInfo("Europe/London")
    assert tender.id == "31f258b6-5eb2-4875-8997-affa3cdce27c"
    assert tender.title.startswith("Term Contract for a Planned Programme")
    assert tender.buyer == "Renfrewshire Council"
    assert tender.reference == "RC-CPU-19-065"
    assert tender.url == "https://www.publictendersscotland.publiccontractsscotland.gov.uk"
    assert tender.timezone.key == "Europe/London"
    assert [(m.id, m.kind, m.when) for m in tender.milestones] == [
        (
            "lot-0000-submission_deadline",
            Kind.SUBMISSION_DEADLINE,
            Moment(datetime(2020, 4, 3, 12, tzinfo=london)),
        ),
        ("lot-0000-opening", Kind.OPENING, Moment(datetime(2020, 4, 3, 14, tzinfo=london))),
        ("lot-0000-start", Kind.START, Day(date(2020, 9, 1))),
    ]
    # 12:00+01:00 on 3 April 2020 is 12:00 British Summer Time, 11:00 UTC.
    assert tender.milestones[0].begins(london).astimezone(UTC).hour == 11


def test_restricted_procedure_has_participation_and_invitations() -> None:
    tender = to_tender(read_notice(NOTICES / "cn_24_nego_accel.xml")).tender
    kinds = {m.kind: m.when for m in tender.milestones}
    assert kinds[Kind.PARTICIPATION_DEADLINE] == Moment(
        datetime(2020, 4, 29, 12, tzinfo=ZoneInfo("Europe/London"))
    )
    assert kinds[Kind.SHORTLIST_NOTICE] == Day(date(2020, 5, 22))  # a date without a time


def test_lots_sharing_a_moment_share_a_milestone_that_names_them() -> None:
    tender = to_tender(read_notice(NOTICES / "pin-cfc_25.xml")).tender
    by_id = {m.id: m for m in tender.milestones}
    shared = by_id["lot-0001-participation_deadline"]
    assert shared.note is not None and "LOT-0001" in shared.note and "LOT-0002" in shared.note
    # Only lot 1 states when invitations go out: a milestone of its own, naming only it.
    own = by_id["lot-0001-shortlist_notice"]
    assert own.note is not None and "LOT-0001" in own.note and "LOT-0002" not in own.note
    # BT-630 18 May 23:59:59+01:00 is 19 May 00:59:59 in Berlin (summer time).
    assert shared.when == Moment(datetime(2020, 5, 19, 0, 59, 59, tzinfo=ZoneInfo("Europe/Berlin")))


def test_a_multilingual_notice_takes_the_notice_language() -> None:
    notice = read_notice(NOTICES / "cn_24_multilingual.xml")
    assert notice.title is not None and notice.buyer is not None
    assert notice.title.isascii()  # ENG, the notice language, not one of the 23 others


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_imported_tender_file_reads_back_to_the_same_timeline(path: Path) -> None:
    from tender_notifier.importer.output import to_toml
    from tender_notifier.tender_file import parse_tender

    tender = to_tender(read_notice(path)).tender
    back = parse_tender(to_toml(tender, source=path.name))
    assert back.milestones == tender.milestones
    assert (back.id, back.title, back.buyer, back.url, back.timezone) == (
        tender.id,
        tender.title,
        tender.buyer,
        tender.url,
        tender.timezone,
    )
