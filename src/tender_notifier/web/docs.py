"""``/docs``: Swagger UI for the API, every asset served by the daemon itself.

The swagger-ui-bundle package ships Swagger UI's files; the page loads them from ``/docs/assets``
and starts them with ``/static/docs-init.js`` (a file, not an inline script), so the page runs
under the site's Content-Security-Policy with no CDN. Only ``connect-src 'self'`` is added: the
UI fetches its document and sends the "Try it out" requests to this same origin.

The bundled Swagger UI (4.x) predates OpenAPI 3.1, which FastAPI writes, and refuses to render a
3.1 document. It is handed ``/docs/openapi.json``: the same document labelled 3.0.3, with 3.1's
``{"type": "null"}`` alternatives written as 3.0's ``nullable``. ``/openapi.json`` stays the
reference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.responses import Response
from swagger_ui_bundle import swagger_ui_path

from .security import CSP, protect

router = APIRouter(include_in_schema=False)

ASSETS = Path(swagger_ui_path)
# Only what the page uses: the package also ships an index.html with an inline script.
SERVED = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "favicon-32x32.png": "image/png",
}
DOCS_CSP = CSP.replace("default-src 'none';", "default-src 'none'; connect-src 'self';").replace(
    "img-src 'self';", "img-src 'self' data:;"
)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tender-notifier API</title>
<link rel="icon" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script>
</body>
</html>
"""


def _docs_headers(response: Response) -> Response:
    protect(response)
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response


@router.get("/docs", response_class=HTMLResponse)
def docs() -> Response:
    return _docs_headers(HTMLResponse(PAGE))


@router.get("/docs/assets/{name}")
def asset(name: str) -> Response:
    media_type = SERVED.get(name)
    if media_type is None:
        raise HTTPException(404, "not found")
    response = FileResponse(ASSETS / name, media_type=media_type)
    _docs_headers(response)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@router.get("/docs/openapi.json")
def document_for_the_ui(request: Request) -> Response:
    return JSONResponse(as_openapi_30(request.app.openapi()))


def as_openapi_30(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` as Swagger UI 4 can draw it (see the module's docstring)."""

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: convert(value) for key, value in node.items()}
        for key in ("anyOf", "oneOf"):
            options = out.get(key)
            if isinstance(options, list) and {"type": "null"} in options:
                rest = [o for o in options if o != {"type": "null"}]
                del out[key]
                if len(rest) == 1 and isinstance(rest[0], dict) and "$ref" not in rest[0]:
                    out.update(rest[0])
                else:
                    out[key] = rest
                out["nullable"] = True
        return out

    converted: dict[str, Any] = convert(document)
    converted["openapi"] = "3.0.3"
    return converted
