"""``tender-notifier import NOTICE.xml``: a notice in, a tender file out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tender_notifier.cli import main as cli_main
from tender_notifier.importer.command import main
from tender_notifier.tender_file import parse_tender
from tests.eforms.conftest import NOTICES


def test_a_contract_notice_becomes_a_tender_file_that_reads_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([str(NOTICES / "cn_24_open.xml")]) == 0
    out, err = capsys.readouterr()
    tender = parse_tender(out)
    assert tender.id == "31f258b6-5eb2-4875-8997-affa3cdce27c"
    assert tender.timezone.key == "Europe/London"
    assert [m.id for m in tender.milestones] == [
        "lot-0000-submission_deadline",
        "lot-0000-opening",
        "lot-0000-start",
    ]
    assert "at = 2020-04-03T12:00:00" in out and "date = 2020-09-01" in out
    assert "eForms notice cn-standard, 3 milestones found" in err


def test_recognised_by_content_whatever_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = tmp_path / "aankondiging.txt"
    shutil.copy(NOTICES / "pin-cfc_25.xml", renamed)
    output = tmp_path / "out.json"
    assert cli_main(["import", str(renamed), "--format", "json", "--output", str(output)]) == 0
    data = json.loads(output.read_text())
    assert data["timezone"] == "Europe/Berlin"
    assert {m["kind"] for m in data["milestones"]} == {
        "participation_deadline",
        "shortlist_notice",
        "start",
    }
    assert capsys.readouterr().out == ""


def test_a_cancelling_change_notice_writes_no_tender_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.toml"
    assert main([str(NOTICES / "change-cn_24_void.xml"), "--output", str(output)]) == 1
    assert not output.exists()
    assert "cancels procedure 4805c409" in capsys.readouterr().err


def test_a_broken_notice_exits_2_naming_the_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    text = (NOTICES / "cn_24_open.xml").read_text()
    bad.write_text(text.replace("<cbc:OccurrenceDate>2020-04-03", "<cbc:OccurrenceDate>April"))
    assert main([str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "bad.xml" in err and "BT-132" in err and "cbc:OccurrenceDate" in err


def test_a_notice_with_no_deadline_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (NOTICES / "cn-desg_24.xml").read_text()
    start = text.index("<cac:ParticipationRequestReceptionPeriod>")
    end = text.index("</cac:ParticipationRequestReceptionPeriod>") + len(
        "</cac:ParticipationRequestReceptionPeriod>"
    )
    path = tmp_path / "n.xml"
    path.write_text(text[:start] + text[end:])
    assert main([str(path)]) == 1
    assert "no deadline in this notice" in capsys.readouterr().err
