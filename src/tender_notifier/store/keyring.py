"""The store key: kept outside the database, it seals the secrets kept inside it.

A copy of the database alone (a backup, a dump, a read-only SQL injection) gives no webhook
signing secret, no CSRF key and no token that opens a subscriber's links or feed:

- webhook signing secrets, the CSRF key and the link, feed and confirmation tokens are sealed
  with AES-256-GCM under a key derived from the key file. Each sealed value is bound to its place
  (table, row and column, as associated data), so it cannot be copied to another row;
- tokens are looked up by their SHA-256 (``token_hash``), never by their clear text.

The key file holds 32 random bytes in base64 (one line). It is made on first start, mode 0600,
unless it comes from elsewhere (a systemd credential, see ``deploy/README.md``). Every daemon on
one PostgreSQL store needs the same key file: the store records a check value of its key
(``CHECK_NAME`` in ``app_secrets``), and a daemon with another key refuses to start instead of
writing secrets nobody else can read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from .files import create_private

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
SEALED_PREFIX = "v1."
CHECK_NAME = "store-key-check"
# The name of the key under systemd's LoadCredential= (found in $CREDENTIALS_DIRECTORY).
CREDENTIAL_NAME = "store-key"


def token_hash(token: str) -> str:
    """How a token is kept and looked up: its SHA-256, in hex.

    Tokens carry 256 random bits, so a plain hash suffices (no salt or slow hash needed): nobody
    can find a token from its hash, and comparing hashes inside the database's index leaks
    nothing about the token itself.
    """
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> str:
    """A fresh token: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


class StoreKey:
    """Seals and opens the secrets the store keeps; made from the key file's 32 bytes."""

    def __init__(self, material: bytes) -> None:
        if len(material) != KEY_BYTES:
            raise StoreError(f"a store key has {KEY_BYTES} bytes, not {len(material)}")
        self._seal_key = _derive(material, b"tender-notifier seal v1")
        self._cipher: AESGCM | None = None
        self.check = _derive(material, b"tender-notifier key check v1").hex()

    @property
    def _aead(self) -> AESGCM:
        # cryptography (about 8 MiB resident) is loaded at the first value sealed or opened,
        # not at start-up: a daemon that only serves feeds never needs it.
        if self._cipher is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._cipher = AESGCM(self._seal_key)
        return self._cipher

    @classmethod
    def generate(cls) -> StoreKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    def seal(self, plain: str, place: str) -> str:
        """``plain`` encrypted for the database, bound to ``place`` (e.g. ``"secret:<row id>"``)."""
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, plain.encode("utf-8"), place.encode("utf-8"))
        return SEALED_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, sealed: str, place: str) -> str:
        """The clear text of a value ``seal`` made for ``place``.

        Raises ``StoreError`` when the value was not sealed by this key for this place: a wrong
        key file, or a value copied from another row.
        """
        if not sealed.startswith(SEALED_PREFIX):
            raise StoreError(f"the store holds an unsealed value for {place.split(':')[0]}")
        from cryptography.exceptions import InvalidTag

        try:
            raw = base64.urlsafe_b64decode(sealed[len(SEALED_PREFIX) :])
            plain = self._aead.decrypt(raw[:12], raw[12:], place.encode("utf-8"))
        except (InvalidTag, ValueError, binascii.Error):
            raise StoreError(
                f"cannot open a sealed {place.split(':')[0]}: the key file is not the one that "
                "sealed it (every daemon on one store needs the same key file), or the value "
                "was moved from another row"
            ) from None
        return plain.decode("utf-8")

    def matches(self, check: str) -> bool:
        return hmac.compare_digest(self.check, check)


def _derive(material: bytes, purpose: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) without salt, 32 bytes: one block, so two HMACs from hashlib."""
    prk = hmac.digest(bytes(hashlib.sha256().digest_size), material, "sha256")
    return hmac.digest(prk, purpose + b"\x01", "sha256")


def key_file_path(configured: Path | None, state_dir: Path) -> Path:
    """Where the key is read from: the configured file; else the systemd credential
    ``store-key`` when the service loads one; else ``<state_dir>/store.key``."""
    if configured is not None:
        return configured
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / CREDENTIAL_NAME).is_file():
        return Path(credentials) / CREDENTIAL_NAME
    return state_dir / "store.key"


def read_key(path: Path) -> StoreKey:
    """The key in ``path``; ``StoreError`` naming the file when it is missing or not a key."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise StoreError(f"store key file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"cannot read the store key file {path}: {exc}") from None
    try:
        # URL-safe or standard base64: `openssl rand -base64 32` makes a good key file too.
        text = text.replace("+", "-").replace("/", "_")
        material = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        material = b""
    if len(material) != KEY_BYTES:
        raise StoreError(
            f"store key file {path} holds no store key ({KEY_BYTES} random bytes in base64; "
            "make one with: openssl rand -base64 32)"
        )
    return StoreKey(material)


def load_or_create_key(path: Path) -> tuple[StoreKey, bool]:
    """The key in ``path``, made (mode 0600) when the file does not exist yet.

    Returns the key and whether it was made now, so a caller that finds the new key does not fit
    the store can remove it again.
    """
    if path.exists():
        return read_key(path), False
    material = secrets.token_bytes(KEY_BYTES)
    text = base64.urlsafe_b64encode(material).decode("ascii") + "\n"
    try:
        create_private(path, text.encode("ascii"))
    except FileExistsError:  # another process made it just now: use theirs
        return read_key(path), False
    except OSError as exc:
        raise StoreError(f"cannot create the store key file {path}: {exc}") from None
    return StoreKey(material), True
