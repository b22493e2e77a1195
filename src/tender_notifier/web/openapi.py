"""What ``/openapi.json`` says about the API's errors and its authentication.

Every 4xx of ``/api/v1`` has the ``Problem`` shape (see ``problems``); the responses each
operation can give are declared here once, so the document and the handlers cannot drift.
The manage token is a bearer token (``Authorization: Bearer <manage_token>``), declared as the
security scheme ``manageToken``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """Every 4xx answer of the API."""

    model_config = ConfigDict(extra="forbid")

    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, str] = Field(
        default_factory=dict,
        description="Each bad field and what is wrong with it; empty when not about fields.",
    )


def _problem(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": Problem, "description": description, **extra}


_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}
_WWW_AUTHENTICATE = {"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}}

BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    413: _problem("The request body is too large."),
    422: _problem("The body is not JSON, not an object, or has bad fields (see `errors`)."),
}
SIGN_UP: dict[int | str, dict[str, Any]] = {
    201: {
        "description": "Signed up; `Location` is the new subscription.",
        "headers": {
            "Location": {
                "description": "URL of the new subscription.",
                "schema": {"type": "string", "format": "uri"},
            }
        },
    },
    403: _problem("Sign-ups are refused from this client."),
    **BAD_REQUEST,
    429: _problem("Too many sign-ups from this address.", headers=_RETRY_AFTER),
}
MANAGE: dict[int | str, dict[str, Any]] = {
    401: _problem("No manage token was sent.", headers=_WWW_AUTHENTICATE),
    403: _problem("The manage token may not do this."),
    404: _problem("No such subscription for this manage token."),
    422: _problem("A path or header parameter is malformed."),
}
CHANGE: dict[int | str, dict[str, Any]] = {
    **MANAGE,
    **BAD_REQUEST,
    409: _problem("The webhook did not answer the new signed ping; it stays disabled."),
}

manage_bearer = HTTPBearer(
    scheme_name="manageToken",
    description="The `manage_token` returned once when signing up.",
    auto_error=False,
)
# The credentials, or None when the header is missing or not a bearer token.
ManageToken = Annotated[HTTPAuthorizationCredentials | None, Security(manage_bearer)]
