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
    assert cli(config, "subscriptions", "list").stdout == ""


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
    listed = cli(config, "subscriptions", "list").stdout.splitlines()
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
    assert cli(config, "subscriptions", "list").stdout == ""
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
