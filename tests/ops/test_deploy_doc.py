"""deploy/README.md says what really happens: its restore leaves a database the service can read,
its systemd version is the one the unit's directives need, the unit's Documentation= is a file
the install creates, and its unit check runs as written on a checkout."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, missing
from tests.ops.test_unit_file import UNIT, directives

README = ROOT / "deploy" / "README.md"

# The systemd release that introduced each directive the unit uses (systemd.directives(7),
# NEWS). Directives older than 235 are left out: every supported system has them.
INTRODUCED = {
    "PrivateIPC": 248,
    "ProtectProc": 247,
    "ProcSubset": 247,
    "LoadCredential": 247,
    "ProtectClock": 245,
    "ProtectKernelLogs": 244,
    "ProtectHostname": 242,
    "RestrictSUIDSGID": 242,
    "PrivateMounts": 239,
    "KeyringMode": 235,
    "LockPersonality": 235,
    "StateDirectory": 235,
    "ConfigurationDirectory": 235,
}


def block_after(marker: str) -> str:
    """The first ```sh block after ``marker`` in deploy/README.md."""
    text = README.read_text()
    start = text.index(marker)
    match = re.search(r"```sh\n(.*?)```", text[start:], re.DOTALL)
    assert match, marker
    return match.group(1)


def test_the_stated_minimum_systemd_is_what_the_directives_need() -> None:
    used = set(directives(UNIT.read_text()))
    needed = max(INTRODUCED[d] for d in used if d in INTRODUCED)
    assert needed == 248  # PrivateIPC=
    text = README.read_text()
    assert f"It needs **systemd {needed}** or newer" in text
    assert f"Needs systemd {needed} or newer" in UNIT.read_text()
    for directive in used & {d for d, v in INTRODUCED.items() if v >= 245}:
        assert f"`{directive}=" in text, f"{directive}= is not in the table of what is lost"


def test_documentation_points_at_a_file_the_install_creates() -> None:
    [documentation] = directives(UNIT.read_text())["Documentation"]
    assert documentation.startswith("file://")
    path = documentation.removeprefix("file://")
    install = block_after("## Install")
    assert re.search(rf"^install .*deploy/README\.md {re.escape(path)}", install, re.MULTILINE)


@pytest.fixture
def systemd_analyze() -> str:
    path = shutil.which("systemd-analyze")
    if path is None:
        missing("systemd-analyze is not installed (apt-get install systemd)")
    return path


def test_the_documented_unit_check_passes_on_a_checkout(
    systemd_analyze: str, tmp_path: Path
) -> None:
    script = block_after("### Checking the unit on a checkout")
    venv = Path(sys.executable).parent.parent
    if venv != ROOT / ".venv":
        pytest.skip("the documented check uses the checkout's .venv")
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    assert (tmp_path / "tender-notifier.service").is_file()


def test_the_restore_steps_leave_a_database_the_service_user_owns(tmp_path: Path) -> None:
    """The README's restore, run as root on a state directory owned by another user (as
    DynamicUser= leaves it): the restored database belongs to that user, not to root."""
    if os.geteuid() != 0:
        missing("the restore is run as root")
    state = tmp_path / "private" / "tender-notifier"
    state.mkdir(parents=True)
    service_uid = 61234  # a dynamic user's UID range starts at 61184
    os.chown(state, service_uid, service_uid)
    state.chmod(0o700)
    (state / "tender-notifier.db-wal").write_text("stale")
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "tender-notifier-20260701T120000.db"
    with sqlite3.connect(backup) as db:
        db.execute("CREATE TABLE t (x)")
    script = (
        block_after("Restore:")
        .replace("/var/lib/private/tender-notifier", str(state))
        .replace("/var/backups/tender-notifier/tender-notifier-YYYYMMDDTHHMMSS.db", str(backup))
    )
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", "systemctl() { :; }\n" + script],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    restored = state / "tender-notifier.db"
    assert restored.stat().st_uid == service_uid
    assert restored.stat().st_gid == service_uid
    assert restored.stat().st_mode & 0o777 == 0o600
    assert not (state / "tender-notifier.db-wal").exists()


def test_the_metrics_token_and_prometheus_setting_are_documented() -> None:
    text = README.read_text()
    assert "Authorization: Bearer <admin.token>" in text
    assert re.search(r"authorization:.*\n\s+credentials_file:", text)
