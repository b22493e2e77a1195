"""Secrets at rest: tokens kept as hashes, secrets sealed with a key kept outside the database.

Each test reads the database as an attacker with a copy of it would: every table, every column,
as text."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, inspect, text

from tender_notifier.errors import StoreError
from tender_notifier.settings import load_settings
from tender_notifier.store import Store, open_store
from tender_notifier.store.engine import MIGRATIONS
from tender_notifier.store.keyring import StoreKey, read_key
from tender_notifier.subscription_types import Channel, Status

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"


def dump(engine: Engine) -> str:
    """Everything in the database, as text."""
    out = []
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                out.append(" ".join(str(v) for v in row))
    return "\n".join(out)


def webhook(store: Store, status: Status = Status.ACTIVE):  # type: ignore[no-untyped-def]
    return store.subscriptions.create(
        channel=Channel.WEBHOOK,
        target="https://hooks.bureau.example/t",
        tenders=["*"],
        offsets=[timedelta(days=1)],
        language_code="nl",
        now=NOW,
        status=status,
        secret=SECRET,
    )


def test_the_database_holds_no_token_and_no_secret_in_clear(store: Store) -> None:
    created = webhook(store, Status.PENDING)
    csrf = store.secrets.get_or_create("csrf")
    everything = dump(store.engine)
    for value in (
        created.manage_token,
        created.confirm_token,
        created.link_token,
        created.feed_token,
        SECRET,
        SECRET.removeprefix("whsec_"),
        csrf,
    ):
        assert value and value not in everything


def test_tokens_are_found_by_hash_and_secrets_read_back(store: Store) -> None:
    created = webhook(store, Status.PENDING)
    sub_id = created.subscription.id
    assert store.subscriptions.by_link_token(created.link_token).id == sub_id  # type: ignore[union-attr]
    assert store.subscriptions.by_feed_token(created.feed_token).id == sub_id  # type: ignore[union-attr]
    assert store.subscriptions.by_manage_token(created.manage_token).id == sub_id  # type: ignore[union-attr]
    assert store.subscriptions.by_link_token(created.feed_token) is None
    assert store.subscriptions.by_link_token("\ud800") is None  # no 500 on a lone surrogate
    assert store.subscriptions.tokens(sub_id) == (created.link_token, created.feed_token)
    assert store.subscriptions.confirm_token(sub_id) == created.confirm_token
    assert store.subscriptions.get(sub_id).secret == SECRET  # type: ignore[union-attr]
    many = store.subscriptions.get_many([sub_id])[sub_id]
    assert many[1:] == (created.link_token, created.feed_token)


def test_a_sealed_value_copied_to_another_row_does_not_open(store: Store) -> None:
    a = webhook(store).subscription.id
    b = webhook(store).subscription.id
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE subscriptions SET secret = "
                "(SELECT secret FROM subscriptions WHERE id = :a) WHERE id = :b"
            ),
            {"a": a, "b": b},
        )
    with pytest.raises(StoreError, match=r"cannot open a sealed subscriptions\.secret"):
        store.subscriptions.get(b)


# --- the key file ------------------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def settings_for(tmp_path: Path, extra: str = ""):  # type: ignore[no-untyped-def]
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "notifier.toml"
    config.write_text(f'state_dir = "{tmp_path / "var"}"\n{extra}')
    return load_settings(config)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_key_file_is_made_0600_on_first_start_and_kept(tmp_path: Path, umask_022: None) -> None:
    settings = settings_for(tmp_path)
    store = open_store(settings)
    created = webhook(store)
    store.close()
    key_file = tmp_path / "var" / "store.key"
    assert mode(key_file) == 0o600
    before = key_file.read_bytes()
    again = open_store(settings)
    assert key_file.read_bytes() == before
    assert again.subscriptions.get(created.subscription.id).secret == SECRET  # type: ignore[union-attr]
    assert again.subscriptions.tokens(created.subscription.id)[0] == created.link_token
    again.close()


def test_a_daemon_with_another_key_refuses_the_store_and_leaves_no_key_behind(
    tmp_path: Path, database_url: str
) -> None:
    first = settings_for(tmp_path / "a", f'[database]\nurl = "{database_url}"\n')
    open_store(first).close()
    second = settings_for(tmp_path / "b", f'[database]\nurl = "{database_url}"\n')
    with pytest.raises(StoreError, match="same key file"):
        open_store(second)
    assert not (tmp_path / "b" / "var" / "store.key").exists()
    # with a copy of the first key file the second daemon starts
    (tmp_path / "b" / "var").mkdir(parents=True, exist_ok=True)
    (tmp_path / "b" / "var" / "store.key").write_bytes(
        (tmp_path / "a" / "var" / "store.key").read_bytes()
    )
    open_store(second).close()


def test_the_key_comes_from_a_systemd_credential(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    key = "dGVuZGVyLW5vdGlmaWVyIHRlc3Qga2V5IDMyIGJ5dGU="  # 32 bytes, standard base64
    (credentials / "store-key").write_text(key + "\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    store = open_store(settings_for(tmp_path))
    assert store.key.check == read_key(credentials / "store-key").check
    store.close()
    assert not (tmp_path / "var" / "store.key").exists()


def test_a_configured_key_file_that_is_not_a_key_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.key"
    bad.write_text("not a key\n")
    settings = settings_for(tmp_path, f'[secrets]\nkey_file = "{bad}"\n')
    with pytest.raises(StoreError, match=r"bad\.key holds no store key"):
        open_store(settings)


# --- migration 0003 ----------------------------------------------------------------------------


def at_0002(url: str) -> Engine:
    """A store at revision 0002, as the version before this one left it."""
    engine = create_engine(url)
    with engine.begin() as conn:  # start from nothing (PostgreSQL is shared by the tests)
        cascade = " CASCADE" if engine.dialect.name == "postgresql" else ""
        for table in inspect(conn).get_table_names():
            conn.execute(text(f'DROP TABLE IF EXISTS "{table}"{cascade}'))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    return engine


LEGACY = {"link": "L" * 43, "feed": "F" * 43, "confirm": "C" * 43, "csrf": "K" * 43}


def legacy_rows(engine: Engine) -> None:
    """Rows as version 0002 wrote them: tokens and secrets in clear."""
    from tender_notifier.store.keyring import token_hash

    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO subscriptions (id, channel, target, target_hash, tenders, kinds, "
                "offsets, language, status, secret, manage_token_hash, confirm_token_hash, "
                "link_token, feed_token, created_at, updated_at) VALUES ('sub_old', 'webhook', "
                "'https://hooks.bureau.example/t', 'x', '[\"*\"]', NULL, '[86400]', 'nl', "
                "'pending', :secret, :manage, :confirm, :link, :feed, :now, :now)"
            ),
            {
                "secret": SECRET,
                "manage": token_hash("M" * 43),
                "confirm": token_hash(LEGACY["confirm"]),
                "link": LEGACY["link"],
                "feed": LEGACY["feed"],
                "now": NOW.replace(tzinfo=None),
            },
        )
        conn.execute(
            text(
                "INSERT INTO deliveries (key, kind, subscription_id, due_at, status, attempts, "
                "payload, created_at) VALUES ('sub_old|confirm', 'confirm', 'sub_old', :now, "
                "'pending', 0, :payload, :now)"
            ),
            {
                "now": NOW.replace(tzinfo=None),
                "payload": json.dumps({"confirm_token": LEGACY["confirm"]}),
            },
        )
        conn.execute(
            text("INSERT INTO app_secrets (name, value, created_at) VALUES ('csrf', :v, :now)"),
            {"v": LEGACY["csrf"], "now": NOW.replace(tzinfo=None)},
        )


def test_migration_0003_seals_existing_rows_and_old_links_keep_working(database_url: str) -> None:
    engine = at_0002(database_url)
    legacy_rows(engine)
    key = StoreKey.generate()
    store = Store.open(database_url, key=key)
    everything = dump(store.engine)
    for value in (*LEGACY.values(), SECRET):
        assert value not in everything
    sub = store.subscriptions.by_link_token(LEGACY["link"])
    assert sub is not None and sub.id == "sub_old" and sub.secret == SECRET
    assert store.subscriptions.by_feed_token(LEGACY["feed"]) is not None
    assert store.subscriptions.tokens("sub_old") == (LEGACY["link"], LEGACY["feed"])
    assert store.subscriptions.confirm_token("sub_old") == LEGACY["confirm"]
    assert store.secrets.get_or_create("csrf") == LEGACY["csrf"]
    assert store.ledger.list()[0].payload is None
    store.close()
    engine.dispose()


def test_migration_0003_needs_the_key_for_existing_rows(database_url: str) -> None:
    engine = at_0002(database_url)
    legacy_rows(engine)
    from tender_notifier.store.engine import connect, migrate

    with pytest.raises(Exception, match="needs the store key"):
        migrate(connect(database_url), None)
    engine.dispose()


def test_serve_on_a_store_of_the_previous_version_seals_it_and_old_links_work(
    tmp_path: Path,
) -> None:
    """The real daemon starts on a 0002 store: it makes the key, migrates, serves old links."""
    import httpx

    from tests.support.daemon import Daemon, free_port, write_config

    url = f"sqlite:///{tmp_path / 'tn.db'}"
    engine = at_0002(url)
    legacy_rows(engine)
    engine.dispose()
    config = write_config(tmp_path, port=free_port(), database_url=url)
    with Daemon(config) as daemon:
        feed = httpx.get(f"{daemon.base_url}/feeds/s/{LEGACY['feed']}.ics")
        assert feed.status_code == 200
        assert httpx.get(f"{daemon.base_url}/feeds/s/{'X' * 43}.ics").status_code == 404
    assert mode(tmp_path / "var" / "store.key") == 0o600
    everything = dump(create_engine(url))
    for value in (*LEGACY.values(), SECRET):
        assert value not in everything


def test_migration_0003_downgrades_to_clear_values_and_up_again(database_url: str) -> None:
    engine = at_0002(database_url)
    legacy_rows(engine)
    key = StoreKey.generate()
    Store.open(database_url, key=key).close()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["store_key"] = key
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT link_token, feed_token, secret FROM subscriptions")).one()
        csrf = conn.execute(text("SELECT value FROM app_secrets")).scalars().all()
    assert tuple(row) == (LEGACY["link"], LEGACY["feed"], SECRET)
    assert csrf == [LEGACY["csrf"]]
    store = Store.open(database_url, key=key)
    assert store.subscriptions.tokens("sub_old") == (LEGACY["link"], LEGACY["feed"])
    store.close()
    engine.dispose()
