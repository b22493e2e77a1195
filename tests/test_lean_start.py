"""What the daemon does not load until it needs it.

Each module left out of start-up is memory the daemon does not hold while it idles (see
bench/scale.py for the numbers). These tests guard the imports, not the megabytes: a new
module-level import of one of these fails here, in a fresh interpreter.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tender_notifier.delivery.guarded import GuardedTransport
from tender_notifier.delivery.webhook import WebhookTransport
from tender_notifier.store import Store
from tender_notifier.store.engine import MIGRATIONS, schema_head
from tender_notifier.store.keyring import StoreKey, _derive
from tests.support.daemon import free_port, tender_toml, write_config

# Loaded on first use only: the importer (and Babel's locale data its rules build on), Alembic
# (only to migrate), icalendar (first feed or attachment), Babel (first date shown), the eForms
# reader and its XML parser (only for .xml notices), cryptography (first sealed value), the
# PostgreSQL dialect (only for a PostgreSQL store), Jinja2 (first page or email), aiosmtplib
# (first email sent over SMTP), httpx and httpcore with the webhook pool (first webhook URL
# checked or sent to), the standard library's email headers and policies (first email made).
NOT_AT_START = (
    "tender_notifier.importer",
    "tender_notifier.eforms",
    "alembic",
    "icalendar",
    "babel",
    "defusedxml",
    "lxml",
    "cryptography",
    "sqlalchemy.dialects.postgresql",
    "jinja2",
    "aiosmtplib",
    "httpx",
    "httpcore",
    "tender_notifier.delivery.guarded",
    "tender_notifier.delivery.asyncio_backend",
    "email.policy",
    "email.headerregistry",
    "tender_notifier.compose.url_header",
)
# Never loaded by the command line (``unused_extras``), though the test tools install rich,
# Pygments and greenlet: structlog's rich tracebacks and greenlet-local context, httpx's
# command-line client, FastAPI's check for pydantic 1 models.
NEVER = ("rich", "pygments", "httpx._main", "pydantic.v1", "greenlet")


def _loaded_after(code: str) -> set[str]:
    """Top-level names of the modules a fresh interpreter holds after ``code``."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TN_")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return set(done.stdout.split())


def _unwanted(modules: set[str], names: tuple[str, ...] = NOT_AT_START) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def test_the_daemon_and_serve_command_import_none_of_the_on_demand_modules() -> None:
    """Importing the daemon and parsing ``serve`` loads none of them."""
    loaded = _loaded_after(
        "from tender_notifier import cli\n"
        "import tender_notifier.daemon, tender_notifier.engine\n"
        "cli.build_parser().parse_args(['serve'])"
    )
    assert "tender_notifier.daemon" in loaded
    assert _unwanted(loaded) == []


def test_the_daemon_started_as_make_run_starts_it_loads_none_of_them(tmp_path: Path) -> None:
    """``cli.main`` serving until it is ready, then stopped: neither the modules loaded on
    first use nor the extras the command line refuses (in this venv rich and Pygments are
    installed, so this is the daemon ``make run`` starts). Its second start: the first one
    made and migrated the store."""
    port = free_port()
    ahead = datetime(2100, 7, 15, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))
    tender = tender_toml("t-1", [("submission", "submission_deadline", ahead)])
    config = write_config(
        tmp_path,
        port=port,
        database_url=f"sqlite:///{tmp_path / 'tn.db'}",
        tenders={"t-1": tender},
    )
    code = f"""
        import os, signal, threading, time, urllib.request

        from tender_notifier import cli

        def stop_when_ready():
            for _ in range(600):
                try:
                    with urllib.request.urlopen("http://127.0.0.1:{port}/readyz") as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    time.sleep(0.05)
            time.sleep(1)  # the start-up pass
            os.kill(os.getpid(), signal.SIGTERM)

        threading.Thread(target=stop_when_ready, daemon=True).start()
        assert cli.main(["--config", {str(config)!r}, "serve"]) == 0
        """
    _loaded_after(textwrap.dedent(code))
    loaded = _loaded_after(textwrap.dedent(code))
    assert "tender_notifier.daemon" in loaded
    assert "uvicorn" in loaded
    assert _unwanted(loaded, NOT_AT_START + NEVER) == []


def test_python_dash_m_refuses_the_extras_as_the_console_script_does(tmp_path: Path) -> None:
    """``python -m tender_notifier`` runs ``cli.main``, refusal and all: its commands load
    structlog without rich, Pygments or greenlet."""
    absent = tmp_path / "absent.toml"
    loaded = _loaded_after(
        "import runpy, sys\n"
        f"sys.argv = ['tender_notifier', '--config', {str(absent)!r}, 'check']\n"
        "try:\n"
        "    runpy.run_module('tender_notifier', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 1, exit.code\n"
    )
    assert "structlog" in loaded
    assert _unwanted(loaded, NEVER) == []


def test_a_webhook_loads_httpx_without_its_command_line_client() -> None:
    """The first webhook sent imports httpx, under the command line's refusal: no click, rich
    or Pygments come with it."""
    loaded = _loaded_after(
        "from tender_notifier.unused_extras import refused\n"
        "with refused():\n"
        "    from tender_notifier.delivery.webhook import WebhookTransport, _target\n"
        "    WebhookTransport(allow_private=False).warm_up()\n"
        "    _target('https://hooks.example.com/a?b=c', False)\n"
    )
    assert {"httpx", "httpcore", "tender_notifier.delivery.guarded"} <= loaded
    assert _unwanted(loaded, (*NEVER, "click")) == []


def test_a_refused_module_imports_again_afterwards() -> None:
    """The refusal lasts while the command runs; it takes nothing away that was loaded."""
    loaded = _loaded_after(
        "import json\n"
        "from tender_notifier.unused_extras import refused\n"
        "with refused(('colorsys', 'json')):\n"
        "    import json\n"
        "    try:\n"
        "        import colorsys\n"
        "    except ImportError:\n"
        "        pass\n"
        "    else:\n"
        "        raise AssertionError('colorsys was imported')\n"
        "import colorsys\n"
    )
    assert {"json", "colorsys"} <= loaded


def test_nothing_is_refused_in_development_mode_or_under_a_debugger() -> None:
    """``-X dev`` or a ``PYTHONBREAKPOINT`` naming a debugger: every installed module imports."""
    script = (
        "from tender_notifier.unused_extras import refused\n"
        "with refused(('colorsys',)):\n"
        "    import colorsys\n"
    )
    base = {k: v for k, v in os.environ.items() if k != "PYTHONBREAKPOINT"}
    for flags, env in (
        (["-X", "dev"], base),
        ([], {**base, "PYTHONBREAKPOINT": "ipdb.set_trace"}),
    ):
        done = subprocess.run([sys.executable, *flags, "-c", script], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
    refused_here = subprocess.run([sys.executable, "-c", script], env=base, capture_output=True)
    assert b"ModuleNotFoundError" in refused_here.stderr


def test_the_import_command_still_gets_its_arguments() -> None:
    """The import command's parser is set up when it is the command given."""
    loaded = _loaded_after(
        "from tender_notifier.cli import build_parser\n"
        "args = build_parser().parse_args(['import', 'x.txt', '--format', 'json'])\n"
        "assert args.format == 'json' and args.announcement == 'x.txt', args"
    )
    assert "tender_notifier.importer.command" in loaded


def test_a_store_at_the_newest_revision_opens_without_alembic(tmp_path: Path) -> None:
    """A store already migrated is opened as it is: no Alembic, no cryptography."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    Store.open(url, key=StoreKey(bytes(32))).close()  # made and migrated here
    loaded = _loaded_after(
        "from tender_notifier.store import Store\n"
        "from tender_notifier.store.keyring import StoreKey\n"
        f"Store.open({url!r}, key=StoreKey(bytes(32))).close()"
    )
    assert _unwanted(loaded) == []


def test_the_schema_head_read_from_the_files_is_alembics() -> None:
    """The revision the fast check compares with is the one Alembic would migrate to."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert schema_head() == ScriptDirectory.from_config(config).get_current_head()


def test_the_store_key_derives_what_cryptographys_hkdf_derives() -> None:
    """Deriving with hashlib changed no key: values sealed before still open."""
    for material, purpose in [(bytes(32), b""), (bytes(range(32)), b"tender-notifier seal v1")]:
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose)
        assert _derive(material, purpose) == hkdf.derive(material)
    key = StoreKey(bytes(range(32)))
    assert key.open(key.seal("geheim", "t:1"), "t:1") == "geheim"


def test_an_smtp_transport_is_made_without_aiosmtplib() -> None:
    """With an SMTP host set, the transport exists from the start; aiosmtplib waits for a send."""
    loaded = _loaded_after(
        "from pathlib import Path\n"
        "from tender_notifier.delivery.email import SmtpPool, email_transport\n"
        "from tender_notifier.settings import SmtpSettings\n"
        "settings = SmtpSettings(host='mail.example', connections=2)\n"
        "assert isinstance(email_transport(settings, Path('outbox')), SmtpPool)"
    )
    assert _unwanted(loaded) == []


def test_the_templates_load_jinja2_when_first_used() -> None:
    """The email and page templates are found once asked for, with Jinja2 loaded then."""
    loaded = _loaded_after(
        "from tender_notifier.compose import emails\n"
        "from tender_notifier.web import pages\n"
        "emails._templates().get_template('reminder.txt')\n"
        "pages._env().get_template('base.html')"
    )
    assert "jinja2" in loaded


def test_memory_malloc_holds_free_can_be_released() -> None:
    """Handing free memory back is safe to call at any time (glibc or not)."""
    code = "from tender_notifier import malloc; print(malloc.release() in (True, False))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_an_operators_malloc_arena_max_is_left_alone() -> None:
    """With ``MALLOC_ARENA_MAX`` set the daemon does not override it."""
    env = {**os.environ, "MALLOC_ARENA_MAX": "4"}
    code = "from tender_notifier import malloc; print(malloc.limit_arenas())"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"


@pytest.fixture
def ssl_contexts_made(monkeypatch: pytest.MonkeyPatch) -> list[ssl.SSLContext]:
    """Every SSL context httpx makes from here on."""
    made: list[ssl.SSLContext] = []
    create = httpx.create_ssl_context

    def counting() -> ssl.SSLContext:
        made.append(create())
        return made[-1]

    monkeypatch.setattr(httpx, "create_ssl_context", counting)
    return made


def test_the_webhook_transport_makes_its_ssl_context_on_first_use(
    ssl_contexts_made: list[ssl.SSLContext],
) -> None:
    """No SSL context (and CA bundle) is held until the first webhook needs the pool."""
    made = ssl_contexts_made
    transport = GuardedTransport(allow_private=False)
    WebhookTransport(allow_private=False)
    assert made == []
    assert transport.pool is transport.pool
    assert len(made) == 1


def test_the_webhook_pool_is_built_ahead_of_a_due_moment(
    ssl_contexts_made: list[ssl.SSLContext],
) -> None:
    """The warm-up before a due moment builds it, so the first webhook does not wait for it."""
    made = ssl_contexts_made
    sender = WebhookTransport(allow_private=False)
    sender.warm_up()
    assert len(made) == 1
    sender.warm_up()  # once
    assert len(made) == 1
