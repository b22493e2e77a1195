"""The commands ops type: check and timeline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED_TENDER, missing


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_as([sys.executable, "-m", "tender_notifier.cli"], *args, cwd=cwd)


def run_as(command: list[str], *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def config_with(tmp_path: Path, files: dict[str, str]) -> Path:
    tenders = tmp_path / "tenders"
    tenders.mkdir()
    shutil.copy(SEED_TENDER, tenders / SEED_TENDER.name)
    for name, text in files.items():
        (tenders / name).write_text(text)
    config = tmp_path / "notifier.toml"
    config.write_text(f'state_dir = "{tmp_path / "var"}"\n')
    return config


def test_check_passes_on_the_shipped_config(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    result = run("--config", str(config), "check")
    assert result.returncode == 0, result.stderr
    assert "1 tender file(s)" in result.stdout


def test_check_lists_every_problem_in_every_file(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        {
            "broken.toml": 'id = "broken"\ntitle = "T"\nbuyer = "B"\n[[milestones]]\nid = "m"\n'
            'kind = "deadline"\ndate = 2026-07-13\n',
            "worse.toml": 'id = "worse"\ntitle = "T"\nbuyer = "B"\ntimezone = "Mars/Olympus"\n',
        },
    )
    result = run("--config", str(config), "check")
    assert result.returncode == 1
    assert "broken.toml:6: milestones[0].kind: unknown kind 'deadline'" in result.stderr
    assert "worse.toml" in result.stderr and "timezone: unknown time zone" in result.stderr


def test_check_rejects_unknown_settings(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    config.write_text(config.read_text() + "[http]\nhots = 'x'\n")
    result = run("--config", str(config), "check")
    assert result.returncode == 1
    assert "http.hots: unknown setting" in result.stderr


def test_timeline_in_dutch_with_what_is_left() -> None:
    result = run("timeline", "flextender-30988", "--at", "2026-07-14T09:00:00+02:00")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "woensdag 15 juli 2026 09:00" in out
    assert "Uiterste inschrijfdatum" in out
    assert "nog 1 dag" in out
    assert "voorbij" in out  # questions closed on 9 July


def test_timeline_in_english() -> None:
    result = run("timeline", "--lang", "en", "--at", "2026-07-01T00:00:00+00:00")
    assert "Wednesday 15 July 2026 09:00" in result.stdout
    assert "Submission deadline" in result.stdout
    assert "left" in result.stdout


def test_timeline_of_an_unknown_tender_says_which_exist() -> None:
    result = run("timeline", "nope")
    assert result.returncode == 2
    assert "unknown tender 'nope' (known: flextender-30988)" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("tender-notifier ")


def test_python_dash_m_runs_the_command(tmp_path: Path) -> None:
    """``python -m tender_notifier`` is the ``tender-notifier`` command."""
    shown = run_as([sys.executable, "-m", "tender_notifier"], "--help")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage: tender-notifier ")
    config = config_with(tmp_path, {})
    checked = run_as([sys.executable, "-m", "tender_notifier"], "--config", str(config), "check")
    assert checked.returncode == 0, checked.stderr
    assert "1 tender file(s)" in checked.stdout


def test_python_dash_m_fails_as_the_console_script_does(tmp_path: Path) -> None:
    """A failing command exits with the same code and says the same under either name: a
    problem ``check`` found (1), an error of the command (2), a command line argparse refused
    (2)."""
    script = Path(sys.executable).parent / "tender-notifier"
    if not script.exists():
        missing(f"no console script next to {sys.executable}: the package is not installed")
    config = config_with(tmp_path, {})
    config.write_text(config.read_text() + "[http]\nhots = 'x'\n")
    for args, code in (
        (["--config", str(config), "check"], 1),
        (["timeline", "nope"], 2),
        (["nonsense"], 2),
    ):
        as_module = run_as([sys.executable, "-m", "tender_notifier"], *args)
        as_script = run_as([str(script)], *args)
        assert as_module.returncode == as_script.returncode == code, as_module.stderr
        assert as_module.stderr == as_script.stderr and as_module.stdout == as_script.stdout
