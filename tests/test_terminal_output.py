"""What commands print cannot drive the operator's terminal or split a row: control characters
in tender texts, receivers' errors, addresses and file names are shown escaped."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tender_notifier.commands.output import row
from tender_notifier.commands.timeline import render
from tender_notifier.controls import CONTROL, escape
from tender_notifier.settings import load_settings
from tender_notifier.store import open_store
from tender_notifier.subscription_types import Channel, Status
from tender_notifier.tender_file import load_tender_file
from tests.conftest import SEED_TENDER
from tests.test_cli import config_with, run

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
EVIL = "A\x1b[2J\x1b]0;pwned\x07B\rC\nD\tE\x85F\u2028G\u202eH\x00"


def clean(text: str) -> bool:
    """No control character except the line breaks and tabs that separate rows and columns."""
    return not CONTROL.search(text.replace("\n", "").replace("\t", ""))


def test_escape_shows_every_control_visibly() -> None:
    assert escape("a\rb\nc\td\x1be\x7ff\x85g\u2028h\u202ei") == (
        "a\\rb\\nc\\td\\x1be\\x7ff\\x85g\\u2028h\\u202ei"
    )
    assert escape("Gemeente Zaanstad – inkoop é") == "Gemeente Zaanstad – inkoop é"


def test_a_row_keeps_its_columns_whatever_a_field_holds() -> None:
    line = row("1", EVIL, "3")
    assert line.count("\t") == 2 and "\n" not in line and clean(line)


def test_timeline_escapes_the_tenders_texts() -> None:
    seed = load_tender_file(SEED_TENDER)
    first = dataclasses.replace(seed.milestones[0], title=EVIL)
    tender = dataclasses.replace(
        seed, title=EVIL, buyer=EVIL, platform=EVIL, reference=EVIL, milestones=(first,)
    )
    out = render(tender, NOW, "nl")
    assert clean(out)
    assert len(out.split("\n")) == 4  # title, buyer, blank line, one milestone


def cli(config: Path, *args: str):  # type: ignore[no-untyped-def]
    return run("--config", str(config), *args)


def test_deliveries_and_subscriptions_lists_escape_what_others_wrote(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    store = open_store(load_settings(config))
    created = store.subscriptions.create(
        channel=Channel.WEBHOOK,
        target="https://hooks.bureau.example/" + EVIL,
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW,
        status=Status.ACTIVE,
        secret="whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY",
    )
    store.ledger.add(
        [
            {
                "key": "k",
                "kind": "reminder",
                "subscription_id": created.subscription.id,
                "tender_id": "t",
                "milestone_id": "m",
                "due_at": NOW,
            }
        ],
        NOW,
    )
    [delivery] = store.ledger.claim(NOW, timedelta(minutes=1))
    store.ledger.mark_failed(delivery.id, "the webhook receiver answered 500 " + EVIL, None)
    store.close()

    deliveries = cli(config, "deliveries", "list")
    assert deliveries.returncode == 0, deliveries.stderr
    assert clean(deliveries.stdout)
    assert [line.count("\t") for line in deliveries.stdout.splitlines()] == [8, 8]  # header, row

    subscriptions = cli(config, "subscriptions", "list", "--show-targets")
    assert subscriptions.returncode == 0, subscriptions.stderr
    assert clean(subscriptions.stdout)
    assert [line.count("\t") for line in subscriptions.stdout.splitlines()] == [6, 6]  # header, row


def test_check_escapes_file_names_and_refuses_control_characters(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        {
            "evil\x1b[2J.toml": 'id = "x"\n',
            "title.toml": 'id = "t-2"\ntitle = "Opdracht\\u001b[2J"\nbuyer = "X"\n',
        },
    )
    result = cli(config, "check")
    assert result.returncode == 1
    assert clean(result.stderr)
    assert "evil\\x1b[2J.toml" in result.stderr
    assert "title.toml" in result.stderr and "U+001B" in result.stderr
