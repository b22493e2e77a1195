"""The API keeps to its own document: schemathesis sends generated requests (good and bad) to
every operation of /openapi.json, and every answer must be documented, match its schema, and
never be a server error. And every 4xx has the one error shape."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
API = "/api/v1/subscriptions"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api(tmp_path: Path) -> App:
    # A high limit: the generated sign-ups must reach the checks, not only the rate limiter.
    return make_app(
        tmp_path, f"sqlite:///{tmp_path / 'store.db'}", NOW, "[signup]\nrate_limit = 1000000\n"
    )


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_is_documented_and_none_is_a_server_error(
    api: App, mode: GenerationMode
) -> None:
    # The schema as the app serves it (not a copy): what integrators download is what is checked.
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app).include(
        path_regex="^/api/v1/"
    )
    answers: Counter[int] = Counter()
    with_token = [False]

    def call(case: Case) -> None:
        if "sub_id" in (case.path_parameters or {}) and with_token[0]:
            # Every other call with a real subscription and its token, to reach the 2xx answers.
            created = api.client.post(API, json={"channel": "email", "address": "a@b.example"})
            body = created.json()
            case.path_parameters = {**(case.path_parameters or {}), "sub_id": body["id"]}
            case.headers = {
                **(case.headers or {}),
                "Authorization": f"Bearer {body['manage_token']}",
            }
        with_token[0] = not with_token[0]
        response = case.call_and_validate(checks=CHECKS)
        answers[response.status_code] += 1
        if 400 <= response.status_code < 500:
            assert set(response.json()) == {"detail", "errors"}, response.text

    # Each operation gets its own examples (one strategy for all would give each a quarter).
    options = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    for result in schema.get_all_operations():
        operation = result.ok()

        @options
        @given(case=operation.as_strategy(mode))
        def run(case: Case) -> None:
            call(case)

        # Unsatisfiable here means no request could be built: a broken document (a dangling
        # $ref, as a pydantic $defs inside an inline schema gives) fails the test too.
        run()
    print(mode, dict(answers))
    assert not any(code >= 500 for code in answers)


def test_a_good_sign_up_and_its_location_keep_to_the_document(api: App) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app)
    case = schema["/api/v1/subscriptions"]["POST"].Case(
        body={"channel": "email", "address": "inkoop@bureau.example", "offsets": ["P1D"]},
        media_type="application/json",
    )
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 201
    created = response.json()
    [location] = response.headers["location"]
    assert location == f"https://tenders.example.nl{API}/{created['id']}"
    path = location.removeprefix("https://tenders.example.nl")
    auth = {"Authorization": f"Bearer {created['manage_token']}"}
    assert api.client.get(path, headers=auth).json()["id"] == created["id"]
    get = schema["/api/v1/subscriptions/{sub_id}"]["GET"].Case(
        path_parameters={"sub_id": created["id"]}, headers=auth
    )
    assert get.call_and_validate(checks=CHECKS).status_code == 200
