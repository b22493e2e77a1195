"""What every HTML page sends and checks: security headers and CSRF protection.

CSRF uses a *signed double submit*: the browser holds a random nonce in a ``SameSite=Strict``,
HttpOnly cookie; every form carries ``HMAC(secret, nonce)``. A POST is accepted only when the
field is the signature of the cookie's nonce. Another site can neither read the cookie nor forge
the signature, and a cookie planted by a sibling subdomain is useless without the secret. The
secret is made per daemon process, so no setting is needed; a restart only asks a supplier with
an open form to submit it again.

The JSON API (bearer tokens, no cookies) and the RFC 8058 one-click ``/unsubscribe`` POST (its
URL token is the protection) do not go through this.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TypeVar

from fastapi import Request
from starlette.responses import Response

R = TypeVar("R", bound=Response)

COOKIE = "tn_csrf"
FIELD = "csrf_token"

# Only what the daemon serves itself: no CDN, no inline script or style, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class Csrf:
    """Issues and checks the tokens of one daemon process."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def token(self, request: Request) -> tuple[str, str | None]:
        """(form token, nonce to set as cookie or None when the browser already has one)."""
        nonce = request.cookies.get(COOKIE)
        if nonce and 16 <= len(nonce) <= 64:
            return self._sign(nonce), None
        nonce = secrets.token_urlsafe(24)
        return self._sign(nonce), nonce

    def valid(self, request: Request, submitted: object) -> bool:
        """True when the form's token is the signature of this browser's cookie nonce."""
        nonce = request.cookies.get(COOKIE)
        if not nonce or not isinstance(submitted, str) or not submitted:
            return False
        return hmac.compare_digest(self._sign(nonce), submitted)


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
