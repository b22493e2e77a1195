"""``plan`` shows what will be sent; ``simulate`` runs the real pipeline on a virtual clock."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
from pathlib import Path
from subprocess import CompletedProcess

from tests.conftest import SEED_TENDER
from tests.test_cli import run


def config(tmp_path: Path) -> Path:
    (tmp_path / "tenders").mkdir()
    shutil.copy(SEED_TENDER, tmp_path / "tenders" / SEED_TENDER.name)
    path = tmp_path / "notifier.toml"
    path.write_text(f'state_dir = "{tmp_path / "var"}"\n')
    return path


def test_plan_counts_subscribers_per_reminder_without_sending(tmp_path: Path) -> None:
    path = config(tmp_path)
    for address in ("a@bureau.example", "b@bureau.example"):
        added = run(
            "--config", str(path), "subscriptions", "add", "email", address, "--offsets", "P1D"
        )
        assert added.returncode == 0, added.stderr
    (tmp_path / "tenders" / "next.toml").write_text(
        'id = "next"\ntitle = "Volgende"\nbuyer = "Gemeente X"\n'
        '[[milestones]]\nid = "offers"\nkind = "submission_deadline"\nat = 2099-03-10T12:00:00\n'
    )
    result = run("--config", str(path), "plan")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[1:] == ["2099-03-09T12:00:00+01:00\tnext\toffers\tP1D\temail\t2"]
    # The seed's July timeline lies before these subscriptions started: nothing for it.
    assert "flextender-30988" not in result.stdout
    outbox = tmp_path / "var" / "outbox"
    assert not outbox.exists() or not any(outbox.iterdir())


def test_plan_says_there_are_no_subscribers(tmp_path: Path) -> None:
    path = config(tmp_path)
    result = run("--config", str(path), "plan", "--at", "2026-06-01T00:00:00+02:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "nothing planned: there are no active subscriptions\n"


def test_plan_says_every_date_is_past(tmp_path: Path) -> None:
    path = config(tmp_path)
    run("--config", str(path), "subscriptions", "add", "email", "a@bureau.example")
    result = run("--config", str(path), "plan", "--at", "2030-01-01T00:00:00+01:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nothing planned: every milestone date is past (as of 2030-")


def test_plan_says_when_nothing_falls_due_before_until(tmp_path: Path) -> None:
    path = config(tmp_path)
    run("--config", str(path), "subscriptions", "add", "email", "a@bureau.example")
    (tmp_path / "tenders" / "next.toml").write_text(
        'id = "next"\ntitle = "Volgende"\nbuyer = "Gemeente X"\n'
        '[[milestones]]\nid = "offers"\nkind = "submission_deadline"\nat = 2099-03-10T12:00:00\n'
    )
    result = run("--config", str(path), "plan", "--until", "2098-01-01T00:00:00+01:00")
    assert result.stdout == "nothing planned: nothing falls due before 2098-01-01T00:00:00+01:00\n"


def simulate_first_half_of_july(path: Path, outbox: Path) -> CompletedProcess[str]:
    return run(
        "--config",
        str(path),
        "simulate",
        "--from",
        "2026-07-01T00:00:00+02:00",
        "--until",
        "2026-07-16T00:00:00+02:00",
        "--outbox",
        str(outbox),
    )


def test_simulate_shows_what_the_seed_tender_would_have_sent_in_july(tmp_path: Path) -> None:
    path = config(tmp_path)
    outbox = tmp_path / "sim"
    result = simulate_first_half_of_july(path, outbox)
    assert result.returncode == 0, result.stderr
    assert "message(s) sent" in result.stdout
    emails = sorted((outbox / "emails").glob("*.eml"))
    hooks = sorted((outbox / "webhooks").glob("*.json"))
    # Until 16 July 00:00: questions and offers (3 offsets each), the "today" notice of the
    # answers, both interview days (P7D). The shortlist's notice comes on 16 July itself.
    assert len(hooks) == 9
    assert len(emails) == 18  # one Dutch and one English subscriber
    subjects = [
        email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"]
        for p in emails
    ]
    assert any(s.startswith("Nog 7 dagen: Uiterste inschrijfdatum") for s in subjects)
    assert any(s.startswith("2 hours left: Submission deadline") for s in subjects)
    events = [json.loads(p.read_text()) for p in hooks]
    assert {e["type"] for e in events} == {"milestone.reminder"}
    assert "woensdag 15 juli 2026" in result.stdout


def test_simulate_says_which_messages_could_not_be_sent_and_why(tmp_path: Path) -> None:
    path = config(tmp_path)
    outbox = tmp_path / "sim"
    outbox.mkdir()
    (outbox / "emails").write_text("a file where the emails' folder should be")
    result = simulate_first_half_of_july(path, outbox)
    assert result.returncode == 1
    unsent = [line for line in result.stderr.splitlines() if "not sent" in line]
    assert unsent and all("\temail\t" in line for line in unsent)  # the webhooks went out
    assert all("cannot write to the outbox" in line for line in unsent)
    # A failed reminder whose next one fell due before its retry is skipped, not counted twice.
    assert f"9 message(s) sent, {18 - len(unsent)} skipped, {len(unsent)} not sent" in result.stdout
