"""``--version`` and ``check``: what ops run before a unit (re)start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tender_notifier import __version__
from tests.conftest import SEED_TENDER
from tests.support.daemon import free_port, write_config
from tests.support.smtp import SmtpServer


def cli(config: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    prefix = ["--config", str(config)] if config else []
    return subprocess.run(
        [sys.executable, "-m", "tender_notifier.cli", *prefix, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def config_in(tmp_path: Path, **options: object) -> Path:
    config = write_config(
        tmp_path,
        port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'var' / 'tn.db'}",
        **options,  # type: ignore[arg-type]
    )
    (tmp_path / "tenders" / SEED_TENDER.name).write_text(SEED_TENDER.read_text())
    return config


def test_version_names_the_installed_version() -> None:
    result = cli(None, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tender-notifier {__version__}"
    assert __version__ != "0.0.0"


def test_check_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    result = cli(config, "check")
    assert result.returncode == 0, result.stderr
    assert "1 tender file(s)" in result.stdout
    # Run as root before the first start, it must not create files the service cannot own.
    assert not (tmp_path / "var").exists()


def test_check_fails_on_a_broken_tender_file(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    (tmp_path / "tenders" / "broken.toml").write_text('id = "broken"\ntitle = \n')
    result = cli(config, "check")
    assert result.returncode == 1
    assert "broken.toml" in result.stderr


def test_check_fails_on_a_store_it_cannot_write(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    # A regular file where the state directory should be: unwritable even for root.
    (tmp_path / "var").write_text("not a directory\n")
    result = cli(config, "check")
    assert result.returncode == 1
    assert "state_dir:" in result.stderr and "not a writable directory" in result.stderr


def test_check_fails_on_a_database_file_it_cannot_open(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    (tmp_path / "var" / "tn.db").mkdir(parents=True)  # a folder where the SQLite file should be
    result = cli(config, "check")
    assert result.returncode == 1
    assert "database: cannot write to sqlite:///" in result.stderr


def test_check_passes_on_an_existing_store(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    from tender_notifier.settings import load_settings
    from tender_notifier.store import open_store

    open_store(load_settings(config)).close()  # as the daemon's first start does
    result = cli(config, "check")
    assert result.returncode == 0, result.stderr


def test_check_smtp_fails_on_a_closed_port(tmp_path: Path) -> None:
    config = config_in(tmp_path, smtp_port=free_port())
    assert cli(config, "check").returncode == 0  # without --smtp the server is not contacted
    result = cli(config, "check", "--smtp")
    assert result.returncode == 1
    assert "smtp: cannot use 127.0.0.1:" in result.stderr


def test_check_smtp_passes_with_a_real_smtp_server(tmp_path: Path, smtp: SmtpServer) -> None:
    config = config_in(tmp_path, smtp_port=smtp.port)
    result = cli(config, "check", "--smtp")
    assert result.returncode == 0, result.stderr
    assert smtp.messages == []  # connected and said QUIT, sent nothing


def test_check_refuses_a_key_file_the_store_was_not_set_up_with(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    assert cli(config, "subscriptions", "list").returncode == 0  # makes the store and its key
    key_file = tmp_path / "var" / "store.key"
    assert cli(config, "check").returncode == 0
    key_file.write_text("dGVuZGVyLW5vdGlmaWVyIHRlc3Qga2V5IDMyIGJ5dGU=\n")
    result = cli(config, "check")
    assert result.returncode == 1
    assert "not the key this store was set up with" in result.stderr
    key_file.unlink()
    result = cli(config, "check")
    assert result.returncode == 1
    assert f"store key file {key_file} is missing" in result.stderr
