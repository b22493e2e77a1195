"""Reading notices: no entity or DTD is ever processed, and bad notices are named precisely."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from tender_notifier.eforms import looks_like_notice, parse_notice, to_tender
from tender_notifier.eforms.countries import EU_EEA, ZONES, zone_of
from tender_notifier.eforms.mapping import tender_id
from tender_notifier.eforms.parse import MAX_REASON
from tender_notifier.errors import TimelineError
from tests.eforms.conftest import NOTICES

OPEN = (NOTICES / "cn_24_open.xml").read_bytes()
CHANGE = (NOTICES / "change-cn_24_open_dates.xml").read_bytes()


def problems(data: bytes) -> list[str]:
    with pytest.raises(TimelineError) as info:
        parse_notice(data, NOTICES / "x.xml")
    return [str(p) for p in info.value.problems]


def test_an_internal_entity_bomb_is_refused_without_expanding() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<ContractNotice>&lol2;</ContractNotice>"
    )
    [message] = problems(bomb)
    assert "x.xml" in message and "DTD or entities" in message


def test_an_external_entity_is_never_fetched() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + OPEN.split(b"?>", 1)[1].replace(
            b'<cbc:Name languageID="ENG">Term', b"<cbc:Name>&x;Term", 1
        )
    )
    [message] = problems(xxe)
    assert "DTD or entities" in message


def test_malformed_xml_names_the_line() -> None:
    [message] = problems(b"<ContractNotice>\n<cbc:ID>")
    assert "not well-formed XML" in message


def test_a_result_notice_is_not_a_call_for_competition() -> None:
    data = OPEN.replace(b'listName="competition">cn-standard', b'listName="result">can-standard')
    [message] = problems(data)
    assert "cbc:NoticeTypeCode" in message and "can-standard" in message


def test_missing_procedure_id_names_the_element() -> None:
    data = OPEN.replace(
        b"<cbc:ContractFolderID>31f258b6-5eb2-4875-8997-affa3cdce27c</cbc:ContractFolderID>", b""
    )
    [message] = problems(data)
    assert "cbc:ContractFolderID" in message and "BT-04" in message


def test_a_bad_date_names_the_lot_and_field() -> None:
    data = OPEN.replace(b"<cbc:EndDate>2020-04-03+01:00", b"<cbc:EndDate>3 April")
    [message] = problems(data)
    assert "LOT-0000: BT-131" in message and "cbc:EndDate" in message


def test_missing_buyer_name_is_refused_by_the_mapping() -> None:
    data = OPEN.replace(b'<cbc:Name languageID="ENG">Renfrewshire Council</cbc:Name>', b"")
    with pytest.raises(TimelineError) as info:
        to_tender(parse_notice(data))
    assert "BT-500" in str(info.value)


def test_procedure_id_becomes_a_valid_tender_id() -> None:
    assert tender_id("31F258B6-5EB2") == "31f258b6-5eb2"
    assert tender_id("  OCDS/2024 #12 ") == "ocds-2024-12"
    assert tender_id("///") is None
    assert len(tender_id("A" * 300) or "") == 100


def test_every_eu_and_eea_country_has_a_zone() -> None:
    assert len(EU_EEA) == 30
    for code in EU_EEA:
        assert zone_of(code) is not None, code
    assert zone_of("NLD") == ZoneInfo("Europe/Amsterdam")
    assert zone_of("nld") == ZoneInfo("Europe/Amsterdam")
    assert zone_of("XYZ") is None
    for key in ZONES.values():
        ZoneInfo(key)


def test_an_unknown_buyer_country_falls_back_to_utc_with_a_warning() -> None:
    data = OPEN.replace(
        b'listName="country">GBR</cbc:IdentificationCode>',
        b'listName="country">ATA</cbc:IdentificationCode>',
        1,
    )
    mapped = to_tender(parse_notice(data))
    assert mapped.tender.timezone.key == "UTC"
    assert "ATA" in mapped.warnings[0]


def test_the_change_reason_is_plain_capped_text() -> None:
    notice = parse_notice(CHANGE)
    assert notice.changed and notice.reason_code == "update-add"
    assert notice.reason is not None and notice.reason.startswith("Due to Covid-19")
    hostile = "<b>x</b>\u202e\u200b\t" + "y" * 5000
    data = CHANGE.replace(b"Due to Covid-19", hostile.replace("<", "&lt;").encode())
    reason = parse_notice(data).reason
    assert reason is not None and len(reason) <= MAX_REASON
    assert "\u202e" not in reason and "\u200b" not in reason and "\t" not in reason
    assert reason.startswith("<b>x</b>")  # plain text; templates escape it for HTML


def test_a_notice_is_recognised_by_content_not_by_name() -> None:
    assert looks_like_notice(OPEN)
    assert looks_like_notice(OPEN.decode())
    assert not looks_like_notice("Aanbesteding: inschrijven tot 3 april 2020 12:00")


def test_milestone_ids_from_long_lot_ids_stay_valid_tender_file_ids() -> None:
    from tender_notifier.importer.output import to_toml
    from tender_notifier.tender_file import parse_tender

    data = OPEN.replace(b">LOT-0000<", b">" + b"Lot/" * 80 + b"<")
    tender = to_tender(parse_notice(data)).tender
    assert parse_tender(to_toml(tender)) == tender


def test_other_xml_is_not_a_notice() -> None:
    [message] = problems(b"<rss><channel/></rss>")
    assert "not an eForms notice (root element 'rss')" in message
