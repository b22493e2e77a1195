"""One error shape for every 4xx of ``/api/v1``: ``{"detail": "...", "errors": {...}}``.

``detail`` is one sentence for a person; ``errors`` maps each bad field to what is wrong with it,
and is empty when the error is not about fields (401, 404, 405, 413, 429, a body that is not
JSON). FastAPI's own answers (``{"detail": [{...}]}`` for a body it could not validate,
``{"detail": "Not Found"}`` for an unknown route) are turned into this shape by the handlers
here, registered on the app by ``install``. Outside ``/api/v1`` (pages, feeds, links) FastAPI's
default answers stay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

API_PREFIX = "/api/v1"

# Where the client was wrong, said in words that do not depend on FastAPI's.
_FIELD_MESSAGES = {
    "extra_forbidden": "unknown field",
    "missing": "required",
}


def problem(
    status: int,
    detail: str,
    errors: dict[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A response in the API's one error shape."""
    return JSONResponse(
        {"detail": detail, "errors": errors or {}},
        status_code=status,
        headers=dict(headers) if headers else None,
    )


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def _field(loc: Sequence[Any]) -> str:
    # ("body", "offsets", 0) -> "offsets.0"; the first part says where, not which field.
    parts = [str(p) for p in loc[1:]] if len(loc) > 1 else [str(p) for p in loc]
    return ".".join(parts) or "body"


def field_errors(exc: RequestValidationError) -> tuple[str, dict[str, str]]:
    """(detail, errors) for a request FastAPI could not validate."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        kind = error.get("type", "")
        if kind == "json_invalid":
            return "the body is not valid JSON", {}
        loc = error.get("loc", ())
        if kind in ("model_attributes_type", "dict_type") or (len(loc) == 1 and loc[0] == "body"):
            return "the body must be a JSON object", {}
        errors.setdefault(_field(loc), _FIELD_MESSAGES.get(kind, str(error.get("msg", ""))))
    return "invalid request", errors


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not _is_api(request):
        return await request_validation_exception_handler(request, exc)
    detail, errors = field_errors(exc)
    return problem(422, detail, errors)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if not _is_api(request) or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    if exc.status_code == 400:
        # FastAPI's answer to a body it cannot even decode (not UTF-8, a broken form): to a
        # client that is the same mistake as a body that is not JSON, so the same 422.
        return problem(422, "the body is not valid JSON")
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:  # a code the standard library does not name
        phrase = "error"
    detail = exc.detail
    if not isinstance(detail, str) or not detail or detail == phrase:
        # Starlette's bare phrase ("Not Found"), or a structured detail: one plain sentence.
        detail = _PHRASES.get(exc.status_code, phrase.lower())
    return problem(exc.status_code, detail, headers=exc.headers)


_PHRASES = {
    404: "no such resource",
    405: "method not allowed here",
    413: "the request body is too large",
    429: "too many requests; try again later",
}


def install(app: FastAPI) -> None:
    """Register the handlers that give ``/api/v1`` its one error shape."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
