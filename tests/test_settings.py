"""Settings: a TOML file, overridden by TN_ environment variables; unknown keys are errors."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tender_notifier.errors import ConfigError
from tender_notifier.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_settings_load_with_sqlite_under_var_and_the_outbox() -> None:
    settings = load_settings(ROOT / "config" / "notifier.toml")
    assert settings.database_url == "sqlite:///var/tender-notifier.db"
    assert settings.outbox_dir == Path("var/outbox")
    assert settings.tenders_dir == ROOT / "config" / "tenders"
    assert settings.http.port == 8080
    assert not settings.smtp.enabled
    assert settings.delivery.allow_private_targets is False
    assert settings.delivery.retry_schedule[:3] == [
        timedelta(seconds=5),
        timedelta(minutes=5),
        timedelta(minutes=30),
    ]


def test_environment_overrides_nested_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TN_HTTP__PORT", "9000")
    monkeypatch.setenv("TN_SMTP__HOST", "mail.example.nl")
    monkeypatch.setenv("TN_LOGGING__FORMAT", "console")
    settings = load_settings(ROOT / "config" / "notifier.toml")
    assert settings.http.port == 9000
    assert settings.smtp.enabled
    assert settings.logging.format == "console"


def test_unknown_key_in_the_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notifier.toml"
    path.write_text("[http]\nprot = 8080\n")
    with pytest.raises(ConfigError, match=r"http\.prot: unknown setting"):
        load_settings(path)


def test_bad_value_names_the_key_and_the_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "notifier.toml"
    path.write_text('[logging]\nformat = "xml"\n')
    with pytest.raises(ConfigError, match="TN_LOGGING__FORMAT"):
        load_settings(path)


def test_bad_duration_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "notifier.toml"
    path.write_text('[reminders]\ndefault_offsets = ["1 day"]\n')
    with pytest.raises(ConfigError, match="ISO 8601 duration"):
        load_settings(path)


def test_a_named_settings_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        load_settings(tmp_path / "missing.toml")


def test_secrets_can_come_from_files(tmp_path: Path) -> None:
    secret = tmp_path / "smtp-password"
    secret.write_text("s3cret\n")
    path = tmp_path / "notifier.toml"
    path.write_text(f'[smtp]\nhost = "mail"\npassword_file = "{secret}"\n')
    settings = load_settings(path)
    assert settings.smtp.password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings)


def test_missing_secret_file_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "notifier.toml"
    path.write_text(f'[smtp]\npassword_file = "{tmp_path / "nope"}"\n')
    with pytest.raises(ConfigError, match="password_file"):
        load_settings(path)
