"""``tender-notifier import``: files in, tender file out, exit status for ops and scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tender_notifier.importer.command import main
from tender_notifier.tender_file import parse_tender

ANNOUNCEMENT = """Adviseur Wonen
Opdrachtgever: Gemeente Delft
Aanvraagnummer: 4711
Vragen kunnen tot 9 juli 2026, 12:00 uur worden gesteld via Flextender.
Inschrijven kan tot woensdag 15 juli 2026, 09:00 uur.
Start: z.s.m.
"""


@pytest.fixture
def announcement(tmp_path: Path) -> Path:
    path = tmp_path / "aankondiging.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    return path


def test_writes_a_tender_file_and_exits_0_when_the_deadline_is_found(
    announcement: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(announcement)]) == 0
    out, err = capsys.readouterr()
    tender = parse_tender(out)
    assert tender.id == "flextender-4711"
    assert [m.id for m in tender.milestones] == ["questions-deadline", "submission-deadline"]
    assert "at = 2026-07-15T09:00:00" in out
    assert "2 milestones found" in err


def test_lists_what_it_could_not_place_with_its_line(
    announcement: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(announcement)])
    err = capsys.readouterr().err
    assert "aankondiging.txt:6: 'z.s.m.'" in err


def test_exits_1_without_a_submission_deadline_and_still_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Adviseur\nDeze aanvraag sluit morgen om 12:00 uur.\n", encoding="utf-8")
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert parse_tender(out).milestones == ()
    assert "no submission deadline found" in err
    assert "'morgen'" in err


def test_exits_2_on_input_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\xff\xfe\x00\x01")
    assert main([str(binary)]) == 2
    assert main([str(tmp_path / "missing.txt")]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main([str(empty)]) == 2
    assert capsys.readouterr().out == ""


def test_id_timezone_and_output_options(
    announcement: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.toml"
    code = main(
        [
            str(announcement),
            "--id",
            "delft-wonen",
            "--timezone",
            "Europe/London",
            "--output",
            str(target),
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == ""
    tender = parse_tender(target.read_text(encoding="utf-8"))
    assert (tender.id, tender.timezone.key) == ("delft-wonen", "Europe/London")
    assert tender.milestones[-1].begins(tender.timezone).hour == 9


def test_json_format_holds_the_same_facts(
    announcement: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(announcement)])
    toml_tender = parse_tender(capsys.readouterr().out)
    main([str(announcement), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == toml_tender.id
    assert [(m["kind"], m["at"]) for m in data["milestones"]] == [
        ("questions_deadline", "2026-07-09T12:00:00"),
        ("submission_deadline", "2026-07-15T09:00:00"),
    ]


def test_runs_as_a_module_reading_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tender_notifier.importer", "-"],
        input=ANNOUNCEMENT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert parse_tender(result.stdout).reference == "4711"


def test_a_text_without_any_year_is_read_from_the_day_given_as_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mail.txt"
    path.write_text(
        "Data engineer\nSluiting aanbiedingen: woensdag 6 januari, 12:00 uur\n"
        "Vragen: t/m dinsdag 22 december\n",
        encoding="utf-8",
    )
    assert main([str(path), "--today", "2026-12-04"]) == 0
    out, err = capsys.readouterr()
    assert "at = 2027-01-06T12:00:00" in out
    assert "date = 2026-12-22" in out
    assert "no year given; read as 2027, check it" in err


def test_today_must_be_a_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Adviseur\nSluiting: 6 januari 2027\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main([str(path), "--today", "4-12-2026"])
    assert exit_.value.code == 2
    assert "not a day '4-12-2026'; write it as YYYY-MM-DD" in capsys.readouterr().err
