"""Mistakes an operator makes are caught by ``check`` and ``serve`` before they cost a reminder."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tender_notifier.environment import unknown_variables, valid_names
from tests.ops.test_commands import config_in
from tests.support.app import make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def cli(
    config: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tender_notifier.cli", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("variable", "nearest"),
    [
        ("TN_SMTP_HOST", "TN_SMTP__HOST"),
        ("TN_SMPT__HOST", "TN_SMTP__HOST"),
        ("TN_HTTP__PROT", "TN_HTTP__PORT"),
        ("TN_PUBLICURL", "TN_PUBLIC_URL"),
    ],
)
def test_check_refuses_a_misspelled_variable_and_names_the_nearest(
    tmp_path: Path, variable: str, nearest: str
) -> None:
    result = cli(config_in(tmp_path), "check", env={variable: "mail.example.nl"})
    assert result.returncode == 1
    assert f"environment variable {variable} is not a setting" in result.stderr
    assert f"did you mean {nearest}?" in result.stderr


def test_serve_refuses_a_misspelled_variable_before_it_starts(tmp_path: Path) -> None:
    result = cli(config_in(tmp_path), "serve", env={"TN_SMTP_HOST": "mail.example.nl"})
    assert result.returncode != 0
    assert "TN_SMTP_HOST is not a setting; did you mean TN_SMTP__HOST?" in result.stderr


def test_the_test_suite_variables_and_tn_config_are_not_settings_but_allowed(
    tmp_path: Path,
) -> None:
    env = {
        "TN_TEST_POSTGRES_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        "TN_TEST_REQUIRE_ALL": "1",
        "TN_SMTP__HOST": "mail.example.nl",
    }
    config = config_in(tmp_path)
    assert cli(config, "check", env={**env, "TN_CONFIG": str(config)}).returncode == 0


def test_every_setting_has_a_valid_variable_name() -> None:
    names = valid_names()
    for name in ("TN_TENDERS_DIR", "TN_HTTP__PORT", "TN_SMTP__PASSWORD_FILE", "TN_ADMIN__TOKEN"):
        assert name in names
    assert unknown_variables({name: "x" for name in names}) == []
    # Case does not matter to pydantic-settings, so not to the check either.
    assert unknown_variables({"tn_http__port": "1"}) == []
    assert unknown_variables({"PATH": "/bin", "TNX": "1"}) == []
    [problem] = unknown_variables({"TN_WHATEVER_ELSE_ENTIRELY": "1"})
    assert "did you mean" not in problem


def test_check_smtp_fails_without_an_smtp_host(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    result = cli(config, "check", "--smtp")
    assert result.returncode == 1
    assert "smtp: no smtp.host is set" in result.stderr
    assert "outbox" in result.stderr


def test_check_warns_when_there_are_no_tender_files(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    for file in (tmp_path / "tenders").iterdir():
        file.unlink()
    result = cli(config, "check")
    assert result.returncode == 0, result.stderr
    assert "warning: no tender files in" in result.stderr


def test_readyz_says_when_mail_goes_to_the_outbox(tmp_path: Path) -> None:
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'tn.db'}", NOW)
    app.ctx.schedule_loaded = lambda: True
    body = app.client.get("/readyz").json()
    assert body["status"] == "ready" and body["smtp"] == "outbox"


def test_readyz_says_smtp_when_a_host_is_set(tmp_path: Path) -> None:
    app = make_app(
        tmp_path, f"sqlite:///{tmp_path / 'tn.db'}", NOW, '[smtp]\nhost = "mail.example.nl"\n'
    )
    app.ctx.schedule_loaded = lambda: True
    assert app.client.get("/readyz").json()["smtp"] == "smtp"


def test_metrics_need_the_admin_token_when_one_is_set(tmp_path: Path) -> None:
    token = "adm1n-t0ken-with-enough-entropy"
    app = make_app(
        tmp_path, f"sqlite:///{tmp_path / 'tn.db'}", NOW, f'[admin]\ntoken = "{token}"\n'
    )
    refused = app.client.get("/metrics")
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"].startswith("Bearer")
    assert "tn_subscriptions" not in refused.text
    wrong = app.client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = app.client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and "tn_subscriptions" in ok.text


def test_metrics_are_open_without_an_admin_token(tmp_path: Path) -> None:
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'tn.db'}", NOW)
    assert app.client.get("/metrics").status_code == 200
