"""A daemon a test starts ends with that test, whatever happens to it, and never outlives pytest.

Each test here runs a small test file in a pytest of its own (pytester), with the suite's
tests/conftest.py as a plugin, and looks from outside whether the daemon it started still runs.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.e2e

A_TEST_THAT_STARTS_A_DAEMON = """
import os
import signal
from pathlib import Path

from tests.support.daemon import Daemon, free_port, write_config


def test_starts_a_daemon_and_never_stops_it(tmp_path: Path) -> None:
    config = write_config(
        tmp_path, port=free_port(), database_url=f"sqlite:///{{tmp_path / 'tn.db'}}"
    )
    daemon = Daemon(config).start()
    assert daemon.process is not None
    Path({pid_file!r}).write_text(str(daemon.process.pid))
    {ending}
"""


def running(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, which has ended but not been reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not running(pid)


def daemon_pid(pid_file: Path) -> int:
    assert pid_file.exists(), "the inner test did not start its daemon"
    return int(pid_file.read_text())


@pytest.fixture
def pid_file(tmp_path: Path) -> Path:
    return tmp_path / "daemon.pid"


@pytest.fixture
def kill_leftover(pid_file: Path) -> Iterator[None]:
    """Should the daemon still run (the behaviour under test is missing), it is killed here."""
    yield
    if pid_file.exists() and running(pid := int(pid_file.read_text())):
        os.kill(pid, signal.SIGKILL)


@pytest.mark.usefixtures("kill_leftover")
def test_a_daemon_whose_test_fails_before_stop_has_ended_after_its_teardown(
    pytester: pytest.Pytester, pid_file: Path
) -> None:
    pytester.makepyfile(
        A_TEST_THAT_STARTS_A_DAEMON.format(
            pid_file=str(pid_file), ending='raise AssertionError("failed before stop()")'
        )
    )
    result = pytester.runpytest("-p", "tests.conftest", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert not running(daemon_pid(pid_file))


@pytest.mark.usefixtures("kill_leftover")
def test_a_daemon_does_not_outlive_a_pytest_that_is_killed(
    pytester: pytest.Pytester, pid_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed, pytest runs no teardown (a CI job's time limit, the OOM killer): the daemon is
    ended by the kernel when its parent goes."""
    monkeypatch.setenv("PYTHONPATH", f"{ROOT}:{ROOT / 'src'}")
    pytester.makepyfile(
        A_TEST_THAT_STARTS_A_DAEMON.format(
            pid_file=str(pid_file), ending="os.kill(os.getpid(), signal.SIGKILL)"
        )
    )
    result = pytester.runpytest_subprocess("-p", "tests.conftest", "-p", "no:cacheprovider")
    assert result.ret == -9  # SIGKILL
    assert gone_within(daemon_pid(pid_file), seconds=5)
