"""Settings: one schema, read from a TOML file and overridden by ``TN_...`` environment variables.

The file is ``config/notifier.toml`` unless ``--config PATH`` says otherwise; every key is
documented there. Environment variables override it, nested with ``__``: ``TN_HTTP__PORT=9000``.
Unknown keys are errors. Secrets can also come from files (``password_file``), which pairs with
systemd's ``LoadCredential=``.

Relative paths: ``tenders_dir`` is relative to the settings file's folder; ``state_dir`` (and so
the default SQLite file and outbox) to the working directory.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from .durations import parse_duration
from .errors import ConfigError

DEFAULT_CONFIG = Path("config/notifier.toml")


def _to_duration(value: Any) -> Any:
    return parse_duration(value) if isinstance(value, str) else value


# An ISO 8601 duration in the file or environment ("PT2H"), a timedelta in the code.
Duration = Annotated[timedelta, BeforeValidator(_to_duration)]


def _read_secret(path: Path, name: str) -> SecretStr:
    """A secret from a file (e.g. a systemd credential); a missing file is an error."""
    try:
        return SecretStr(path.read_text(encoding="utf-8").strip())
    except OSError as exc:
        raise ValueError(f"{name} {path}: {exc}") from exc


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HttpSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    # Clients behind a reverse proxy: read X-Forwarded-For / X-Forwarded-Proto only from these
    # addresses or networks ("10.0.0.0/8"). Empty: the headers are ignored, whoever sends them.
    trusted_proxies: list[str] = []

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_addresses(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item.strip(), strict=False)
            except ValueError:
                raise ValueError(
                    f"{item!r} is not an IP address or network (such as 10.0.0.1 or 10.0.0.0/8)"
                ) from None
        return [item.strip() for item in value]


class DatabaseSettings(_Section):
    # Empty means SQLite at `<state_dir>/tender-notifier.db`.
    url: str = ""


class SecretsSettings(_Section):
    # The store key, which seals the secrets and tokens kept in the database. Empty means: the
    # systemd credential "store-key" if the service loads one, else <state_dir>/store.key.
    # Made (mode 0600) on first start when missing. Every daemon on one store needs a copy of
    # the same file; keep its backup apart from the database's.
    key_file: Path | None = None


class SmtpSettings(_Section):
    # Empty host means: write every email as an .eml file into `outbox_dir` instead.
    host: str = ""
    port: int = Field(587, ge=1, le=65535)
    sender: str = "tender-notifier <noreply@localhost>"
    starttls: bool = True
    use_tls: bool = False
    username: str = ""
    password: SecretStr = SecretStr("")
    password_file: Path | None = None
    timeout: float = Field(30.0, gt=0)
    # SMTP connections used side by side (each reused across sends).
    connections: int = Field(4, ge=1, le=32)
    # Empty means `<state_dir>/outbox`.
    outbox_dir: Path | None = None

    @model_validator(mode="after")
    def _read_password_file(self) -> SmtpSettings:
        if self.password_file is not None:
            secret = _read_secret(self.password_file, "smtp.password_file")
            object.__setattr__(self, "password", secret)
        return self

    @property
    def enabled(self) -> bool:
        return bool(self.host)


def _durations(values: list[str]) -> list[timedelta]:
    return [parse_duration(v) for v in values]


class DeliverySettings(_Section):
    allow_private_targets: bool = False
    # ISO 8601 durations after the first attempt (Standard Webhooks' schedule), jitter added.
    retry_schedule: list[Duration] = Field(
        default_factory=lambda: _durations(
            ["PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT14H", "PT20H", "PT24H"]
        )
    )
    webhook_timeout: float = Field(15.0, gt=0)
    # A webhook subscription failing for this long is disabled.
    disable_after: Duration = timedelta(days=5)
    # Send slots per channel: emails and webhooks each have this many, so neither waits on
    # the other.
    concurrency: int = Field(20, ge=1, le=1000)
    # Of the webhook slots, at most this many go to one host: a hanging receiver holds up no
    # one else.
    webhook_host_slots: int = Field(4, ge=1, le=1000)
    # A claimed row is leased for this long and the lease is renewed while the row is in work.
    lease: Duration = timedelta(seconds=60)
    # Each daemon beats its heart in the store this often; rows held by one silent for
    # heartbeat_timeout are taken over by the others.
    heartbeat: Duration = timedelta(seconds=2)
    heartbeat_timeout: Duration = timedelta(seconds=6)
    # Each daemon also looks for due work this often, whatever its timers and the other daemons
    # told it (on PostgreSQL they announce new work with LISTEN/NOTIFY): the fallback.
    poll_interval: Duration = timedelta(seconds=30)

    @field_validator("poll_interval")
    @classmethod
    def _poll_at_least_a_second(cls, value: timedelta) -> timedelta:
        if value < timedelta(seconds=1):
            raise ValueError("poll_interval must be at least one second (PT1S)")
        return value

    @model_validator(mode="after")
    def _heartbeat_fits(self) -> DeliverySettings:
        if self.heartbeat_timeout < 2 * self.heartbeat:
            raise ValueError("heartbeat_timeout must be at least twice heartbeat")
        if self.lease < 3 * self.heartbeat:
            raise ValueError("lease must be at least three times heartbeat")
        return self


class RemindersSettings(_Section):
    default_offsets: list[Duration] = Field(
        default_factory=lambda: _durations(["P7D", "P1D", "PT2H"])
    )
    # Whole-day milestones are reminded relative to this local hour of their day.
    day_hour: int = Field(9, ge=0, le=23)
    # A reminder of a day or more ahead that would fall on a Saturday or Sunday comes on the
    # Friday before, at day_hour.
    weekend_to_friday: bool = True
    # Email sign-ups not confirmed within this time are removed.
    confirm_within: Duration = timedelta(days=2)


class SignupSettings(_Section):
    rate_limit: int = Field(30, ge=1)
    rate_window: Duration = timedelta(minutes=10)


class FeedSettings(_Section):
    # all.ics leaves out tenders whose last milestone is more than this far in the past.
    keep_past: Duration = timedelta(days=30)
    # How often calendar clients are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    refresh_interval: Duration = timedelta(hours=1)
    # How long a removed milestone stays in feeds as STATUS:CANCELLED.
    keep_cancelled: Duration = timedelta(days=30)
    # When set, every public feed is also written there as a file (see feed_export.py).
    export_dir: Path | None = None


class TendersSettings(_Section):
    # A tender whose file disappears (a save by rename, a deploy) stays in force this long; its
    # reminders are dropped only when it is still gone after that.
    missing_grace: Duration = timedelta(minutes=10)


class ChangesSettings(_Section):
    # A change notice goes out once the timeline has been still this long, with the net change;
    # a change undone within it sends nothing.
    settle: Duration = timedelta(minutes=2)


class LoggingSettings(_Section):
    # "auto": console in a terminal, JSON lines otherwise (journald, files, pipes).
    format: Literal["auto", "json", "console"] = "auto"
    level: Literal["debug", "info", "warning", "error"] = "info"


class AdminSettings(_Section):
    # Bearer token for admin endpoints (POST /api/v1/admin/...). Empty disables them.
    token: SecretStr = SecretStr("")
    token_file: Path | None = None

    @model_validator(mode="after")
    def _read_token_file(self) -> AdminSettings:
        if self.token_file is not None:
            secret = _read_secret(self.token_file, "admin.token_file")
            object.__setattr__(self, "token", secret)
        return self


class Settings(BaseSettings):
    """Everything the daemon and the commands can be told."""

    model_config = SettingsConfigDict(
        env_prefix="TN_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    tenders_dir: Path = Path("tenders")
    public_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8080")
    state_dir: Path = Path("var")
    http: HttpSettings = HttpSettings()
    database: DatabaseSettings = DatabaseSettings()
    secrets: SecretsSettings = SecretsSettings()
    smtp: SmtpSettings = SmtpSettings()
    delivery: DeliverySettings = DeliverySettings()
    reminders: RemindersSettings = RemindersSettings()
    signup: SignupSettings = SignupSettings()
    feeds: FeedSettings = FeedSettings()
    tenders: TendersSettings = TendersSettings()
    changes: ChangesSettings = ChangesSettings()
    logging: LoggingSettings = LoggingSettings()
    admin: AdminSettings = AdminSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values come in as init arguments (see load_settings); the environment wins.
        return (env_settings, init_settings)

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{self.state_dir / 'tender-notifier.db'}"

    @property
    def outbox_dir(self) -> Path:
        return self.smtp.outbox_dir or self.state_dir / "outbox"

    @property
    def base_url(self) -> str:
        """``public_url`` without a trailing slash, for building links."""
        return str(self.public_url).rstrip("/")


def load_settings(path: Path | None = None, *, require_file: bool | None = None) -> Settings:
    """Read settings from ``path`` (default ``config/notifier.toml``) and ``TN_...`` variables.

    A missing default file is fine (defaults and environment apply); a missing file that was
    asked for by name is an error.
    """
    explicit = path is not None
    path = path or Path(os.environ.get("TN_CONFIG", DEFAULT_CONFIG))
    if require_file is None:
        require_file = explicit
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the settings file: {exc}") from exc
    elif require_file:
        raise ConfigError(f"{path}: settings file not found")
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_explain(path, exc)) from None
    tenders_dir = settings.tenders_dir
    if not tenders_dir.is_absolute() and "TN_TENDERS_DIR" not in os.environ:
        tenders_dir = path.parent / tenders_dir
    return settings.model_copy(update={"tenders_dir": tenders_dir})


def _explain(path: Path, exc: ValidationError) -> str:
    lines = [f"{path}: invalid settings:"]
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "(top level)"
        message = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        env = "TN_" + "__".join(str(part).upper() for part in error["loc"])
        lines.append(f"  {field}: {message} (in the file, or the environment variable {env})")
    return "\n".join(lines)
