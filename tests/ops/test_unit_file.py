"""deploy/tender-notifier.service passes ``systemd-analyze verify`` and rates 2.0 or lower."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing

UNIT = ROOT / "deploy" / "tender-notifier.service"
INSTALLED = "/opt/tender-notifier/venv/bin/tender-notifier"
MAX_EXPOSURE = 2.0


@pytest.fixture
def systemd_analyze() -> str:
    path = shutil.which("systemd-analyze")
    if path is None:
        missing("systemd-analyze is not installed (apt-get install systemd)")
    return path


@pytest.fixture
def unit_here(tmp_path: Path) -> Path:
    """The unit with ExecStart= pointing at this venv's tender-notifier: verify checks that
    the program exists, and /opt/tender-notifier is not installed on a build machine."""
    here = Path(sys.executable).parent / "tender-notifier"
    assert here.is_file()
    copy = tmp_path / UNIT.name
    copy.write_text(UNIT.read_text().replace(INSTALLED, str(here)))
    return copy


def directives(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def test_unit_passes_systemd_analyze_verify(systemd_analyze: str, unit_here: Path) -> None:
    result = subprocess.run(
        [systemd_analyze, "verify", "--man=no", str(unit_here)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_verify_would_notice_a_missing_program(systemd_analyze: str) -> None:
    """The check above is real: with the /opt path that does not exist here, verify fails."""
    if Path(INSTALLED).exists():
        pytest.skip(f"{INSTALLED} is installed on this machine")
    result = subprocess.run(
        [systemd_analyze, "verify", "--man=no", str(UNIT)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "is not executable" in result.stderr


def test_unit_rates_two_or_lower_in_systemd_analyze_security(
    systemd_analyze: str, unit_here: Path
) -> None:
    result = subprocess.run(
        [
            systemd_analyze,
            "security",
            "--offline=yes",
            "--no-pager",
            f"--threshold={int(MAX_EXPOSURE * 10)}",
            str(unit_here),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert match, result.stdout + result.stderr
    exposure = float(match.group(1))
    print(f"systemd-analyze security: {exposure}")
    assert exposure <= MAX_EXPOSURE, result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


def test_unit_has_what_the_daemon_relies_on() -> None:
    found = directives(UNIT.read_text())
    assert found["Type"] == ["notify"]
    assert found["ExecReload"] == ["/bin/kill -HUP $MAINPID"]
    assert found["Restart"] == ["on-failure"]
    assert "WatchdogSec" in found
    assert found["DynamicUser"] == ["yes"]
    for key in ("StateDirectory", "ConfigurationDirectory"):
        assert found[key] == ["tender-notifier"]
    # The daemon writes only in its state directory, which must be where the settings point.
    assert "TN_STATE_DIR=%S/tender-notifier" in found["Environment"]
    assert found["CapabilityBoundingSet"] == [""]
    assert found["ProtectSystem"] == ["strict"]
    assert found["ExecStart"][0].startswith(INSTALLED + " ")


def test_every_variable_in_the_env_example_is_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example's commented lines, uncommented, are accepted by the settings schema."""
    from tender_notifier.settings import load_settings

    example = ROOT / "deploy" / "tender-notifier.env.example"
    found = re.findall(r"^#?(TN_[A-Z_]+)=(.*)$", example.read_text(), re.MULTILINE)
    assert len(found) >= 10
    for key, value in found:
        if key.endswith("_FILE"):
            value = str(tmp_path / "secret")
            (tmp_path / "secret").write_text("s3cret\n")
        monkeypatch.setenv(key, value)
    settings = load_settings(tmp_path / "absent.toml", require_file=False)
    assert settings.smtp.password.get_secret_value() == "s3cret"
    assert settings.http.trusted_proxies == ["127.0.0.1"]
