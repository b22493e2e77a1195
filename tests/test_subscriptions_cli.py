"""Ops' subscription commands: add, list, remove, and the all-or-nothing CSV import."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import config_with, run


def cli(config: Path, *args: str):  # type: ignore[no-untyped-def]
    return run("--config", str(config), *args)


def test_import_reports_bad_rows_by_line_and_imports_nothing(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    csv = tmp_path / "suppliers.csv"
    csv.write_text(
        "channel,address,tenders,offsets,language\n"
        "email,goed@bureau.example,,,nl\n"
        "email,geen-adres,,,nl\n"
        "webhook,http://10.0.0.1/hook,flextender-30988,P1D,en\n"
        "email,ander@bureau.example,nope,P1D PT2H,xx\n"
    )
    result = cli(config, "subscriptions", "import", str(csv))
    assert result.returncode == 1
    assert "nothing imported" in result.stderr
    assert f"{csv}:3: address: not a valid email address" in result.stderr
    assert f"{csv}:4: url:" in result.stderr
    assert f"{csv}:5: tenders: unknown tender(s): nope" in result.stderr
    assert f"{csv}:5: language: unknown language" in result.stderr
    assert cli(config, "subscriptions", "list").stdout == "no subscriptions\n"


def test_import_of_a_good_file_is_active_at_once(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    csv = tmp_path / "suppliers.csv"
    csv.write_text(
        "channel,address,tenders,offsets,language\n"
        "email,een@bureau.example,,,nl\n"
        "email,twee@bureau.example,flextender-30988,P2D PT1H,en\n"
    )
    result = cli(config, "subscriptions", "import", str(csv))
    assert result.returncode == 0, result.stderr
    header, *listed = cli(config, "subscriptions", "list").stdout.splitlines()
    assert header == "id\tchannel\tstatus\ttarget\ttenders\toffsets\tlanguage"
    assert len(listed) == 2
    assert all("\tactive\t" in line for line in listed)
    assert "twee@bureau.example" not in "\n".join(listed)  # hashed unless asked
    assert any("P2D PT1H\ten" in line for line in listed)


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    csv = tmp_path / "suppliers.csv"
    csv.write_text("email,address\nx,y\n")
    result = cli(config, "subscriptions", "import", str(csv))
    assert result.returncode == 2
    assert "header must be channel,address,tenders,offsets,language" in result.stderr


def test_add_list_remove(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    added = cli(config, "subscriptions", "add", "email", "ops@bureau.example", "--offsets", "P1D")
    assert added.returncode == 0, added.stderr
    sub_id = added.stdout.strip()
    shown = cli(config, "subscriptions", "list", "--show-targets").stdout
    assert "ops@bureau.example" in shown and sub_id in shown
    assert cli(config, "subscriptions", "remove", sub_id).returncode == 0
    assert cli(config, "subscriptions", "list").stdout == "no subscriptions\n"
    missing = cli(config, "subscriptions", "remove", sub_id)
    assert missing.returncode == 2 and "no subscription" in missing.stderr


def test_add_refuses_bad_input(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    result = cli(config, "subscriptions", "add", "email", "ops@bureau.example", "--offsets", "soon")
    assert result.returncode == 2
    assert "offsets" in result.stderr


def test_deliveries_list_and_retry_of_an_unknown_row(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    assert cli(config, "deliveries", "list").stdout.strip() == "no deliveries"
    result = cli(config, "deliveries", "retry", "42")
    assert result.returncode == 2
    assert "does not exist or is not dead or failed" in result.stderr


def test_lists_say_when_there_is_nothing(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    assert cli(config, "subscriptions", "list").stdout == "no subscriptions\n"
    listed = cli(config, "subscriptions", "list", "--status", "disabled").stdout
    assert listed == "no subscriptions with status disabled\n"
    listed = cli(config, "deliveries", "list", "--status", "dead").stdout
    assert listed == "no deliveries with status dead\n"


def test_deliveries_list_has_a_header_row(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    # A sign-up through the API queues a confirmation; its row shows under the header.
    from datetime import UTC, datetime

    from tender_notifier.settings import load_settings
    from tests.support.app import make_app

    (tmp_path / "api").mkdir()
    key = f'[secrets]\nkey_file = "{tmp_path / "var" / "store.key"}"\n'
    app = make_app(tmp_path / "api", load_settings(config).database_url, datetime.now(UTC), key)
    app.client.post("/api/v1/subscriptions", json={"channel": "email", "address": "a@b.example"})
    header, row = cli(config, "deliveries", "list").stdout.splitlines()
    assert header.split("\t") == [
        "id",
        "kind",
        "status",
        "attempts",
        "due",
        "tender",
        "milestone",
        "subscription",
        "last_error",
    ]
    assert row.split("\t")[1:3] == ["confirm", "pending"]


def test_import_help_documents_the_csv_columns(tmp_path: Path) -> None:
    result = cli(config_with(tmp_path, {}), "subscriptions", "import", "--help")
    assert result.returncode == 0
    assert "channel,address,tenders,offsets,language" in result.stdout
    for column in ("channel", "address", "tenders", "offsets", "language"):
        assert f"\n  {column} " in result.stdout
