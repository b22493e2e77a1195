"""What every HTML page sends and checks: security headers and CSRF protection.

CSRF uses a *signed double submit*: the browser holds a random nonce in a ``SameSite=Strict``,
HttpOnly cookie; every form carries ``HMAC(secret, nonce)``. A POST is accepted only when the
field is the signature of the cookie's nonce. Another site can neither read the cookie nor forge
the signature, and a cookie planted by a sibling subdomain is useless without the secret. The
secret lives in the store (``app_secrets``, made by the first daemon that asks), so several
daemons behind a load balancer accept each other's forms, a restart invalidates no open form, and
no setting is needed.

The JSON API (bearer tokens, no cookies) and the token links of ``links`` (``/unsubscribe``, the
RFC 8058 one-click target, and ``/optout``: their URL token is the protection) do not go through
this.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TypeVar

from fastapi import Request
from starlette.responses import Response

from ..store import Store

R = TypeVar("R", bound=Response)

COOKIE = "tn_csrf"
FIELD = "csrf_token"
SECRET_NAME = "csrf"

# Only what the daemon serves itself: no CDN, no inline script or style, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class Csrf:
    """Issues and checks the tokens of every daemon on one store.

    Without ``secret`` the key is read from the store of the app serving the request, once, at
    the first page (``Csrf.from_store`` reads it at once, for an app factory that has the store).
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret

    @classmethod
    def from_store(cls, store: Store) -> Csrf:
        return cls(store.secrets.get_or_create(SECRET_NAME).encode())

    def _key(self, request: Request) -> bytes:
        if self._secret is None:
            # Two first requests racing here both read the same row: harmless.
            store: Store = request.app.state.ctx.store
            self._secret = store.secrets.get_or_create(SECRET_NAME).encode()
        return self._secret

    def _sign(self, request: Request, nonce: str) -> str:
        return hmac.new(self._key(request), nonce.encode(), hashlib.sha256).hexdigest()

    def token(self, request: Request) -> tuple[str, str | None]:
        """(form token, nonce to set as cookie or None when the browser already has one)."""
        nonce = request.cookies.get(COOKIE)
        if nonce and 16 <= len(nonce) <= 64:
            return self._sign(request, nonce), None
        nonce = secrets.token_urlsafe(24)
        return self._sign(request, nonce), nonce

    def valid(self, request: Request, submitted: object) -> bool:
        """True when the form's token is the signature of this browser's cookie nonce."""
        nonce = request.cookies.get(COOKIE)
        if not nonce or not isinstance(submitted, str) or not submitted:
            return False
        return hmac.compare_digest(self._sign(request, nonce), submitted)


def set_csrf_cookie(response: Response, nonce: str | None, *, secure: bool) -> None:
    if nonce is not None:
        response.set_cookie(
            COOKIE, nonce, httponly=True, samesite="strict", secure=secure, path="/"
        )


def protect(response: R, *, private: bool = False) -> R:
    """The headers of every page; ``private`` pages (manage links) are never cached."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Manage URLs hold a token: never leak them to the calendar sites linked from the pages.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store" if private else "no-cache"
    return response
