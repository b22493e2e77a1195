"""Every 4xx of /api/v1 has one shape, {"detail": "<sentence>", "errors": {"<field>": "..."}},
and /openapi.json says so, with the manage token as a bearer security scheme."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
API = "/api/v1/subscriptions"


@pytest.fixture
def app(tmp_path: Path) -> App:
    return make_app(tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW)


def problem(response, status: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "errors"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    return body  # type: ignore[no-any-return]


def created(app: App) -> dict[str, str]:
    response = app.client.post(API, json={"channel": "email", "address": "a@bureau.example"})
    assert response.status_code == 201
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("content", "content_type", "detail"),
    [
        (b'{"channel": "email",', "application/json", "the body is not valid JSON"),
        (b"[1, 2]", "application/json", "the body must be a JSON object"),
        (b"channel=email", "application/x-www-form-urlencoded", "the body must be a JSON object"),
        (b"\xff\xfe{", "application/json", "the body is not valid JSON"),
    ],
)
def test_a_body_fastapi_cannot_take_gets_the_one_shape(
    app: App, content: bytes, content_type: str, detail: str
) -> None:
    response = app.client.post(API, content=content, headers={"Content-Type": content_type})
    body = problem(response, 422)
    assert body["detail"] == detail and body["errors"] == {}


def test_bad_fields_are_named_in_errors(app: App) -> None:
    body = problem(app.client.post(API, json={"channel": "fax", "zz": 1}), 422)
    assert set(body["errors"]) == {"channel", "zz"}  # type: ignore[arg-type]


def test_patch_refuses_unknown_fields_as_post_does(app: App) -> None:
    sub = created(app)
    auth = {"Authorization": f"Bearer {sub['manage_token']}"}
    body = problem(
        app.client.patch(f"{API}/{sub['id']}", json={"langauge": "en"}, headers=auth), 422
    )
    assert body["errors"] == {"langauge": "unknown field"}
    assert app.client.get(f"{API}/{sub['id']}", headers=auth).json()["language"] == "nl"
    body = problem(app.client.patch(f"{API}/{sub['id']}", content=b"[", headers=auth), 422)
    assert body["errors"] == {}


def test_auth_and_routing_errors_have_the_one_shape(app: App) -> None:
    sub = created(app)
    missing = problem(app.client.get(f"{API}/{sub['id']}"), 401)
    assert missing["errors"] == {}
    basic = app.client.get(f"{API}/{sub['id']}", headers={"Authorization": "Basic eDp5"})
    problem(basic, 401)
    assert basic.headers["www-authenticate"] == "Bearer"
    wrong = app.client.get(f"{API}/{sub['id']}", headers={"Authorization": "Bearer nope"})
    problem(wrong, 404)
    problem(app.client.get("/api/v1/no-such-thing"), 404)
    not_allowed = app.client.put(f"{API}/{sub['id']}", json={})
    problem(not_allowed, 405)
    assert "GET" in not_allowed.headers["allow"]


def test_too_many_sign_ups_have_the_one_shape(tmp_path: Path) -> None:
    app = make_app(
        tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW, "[signup]\nrate_limit = 1\n"
    )
    created(app)
    response = app.client.post(API, json={"channel": "email", "address": "b@bureau.example"})
    problem(response, 429)
    assert int(response.headers["retry-after"]) > 0


def test_pages_outside_the_api_keep_their_own_answers(app: App) -> None:
    assert app.client.get("/feeds/nope.ics").status_code == 404
    assert app.client.get("/no-such-page").json() == {"detail": "Not Found"}


def test_openapi_declares_the_bearer_scheme_and_every_error(app: App) -> None:
    doc = app.client.get("/openapi.json").json()
    schemes = doc["components"]["securitySchemes"]
    assert schemes["manageToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["manageToken"]["description"],
    }
    problem_ref = "#/components/schemas/Problem"
    item = doc["paths"][f"{API}/{{sub_id}}"]
    for method in ("get", "patch", "delete"):
        operation = item[method]
        assert operation["security"] == [{"manageToken": []}]
        assert not any(p["name"].lower() == "authorization" for p in operation["parameters"])
        for status in ("401", "403", "404", "422"):
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": problem_ref}
    assert "413" in item["patch"]["responses"]
    post = doc["paths"][API]["post"]
    for status in ("403", "413", "422", "429"):
        schema = post["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": problem_ref}
    assert "Location" in post["responses"]["201"]["headers"]
    assert post["responses"]["429"]["headers"]["Retry-After"]
    patch_body = item["patch"]["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in patch_body:
        patch_body = doc["components"]["schemas"][patch_body["$ref"].rsplit("/", 1)[1]]
    assert patch_body["additionalProperties"] is False
    assert doc["components"]["schemas"]["Problem"]["required"] == ["detail"]


@pytest.mark.parametrize("tenders", [[["flextender-30988"]], [{"id": "x"}], [1]])
def test_tender_ids_that_are_not_strings_are_a_field_error(app: App, tenders: object) -> None:
    """Found by schemathesis: a list inside ``tenders`` was a 500 (unhashable in a set)."""
    response = app.client.post(
        API, json={"channel": "email", "address": "a@bureau.example", "tenders": tenders}
    )
    assert set(problem(response, 422)["errors"]) == {"tenders"}  # type: ignore[arg-type]
