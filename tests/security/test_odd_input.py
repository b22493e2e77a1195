"""Odd JSON at the API: always a 4xx naming the field, never a 500.

The named cases were 500s (or stored the wrong thing); the property tests throw arbitrary JSON
at every field to find the rest of that kind.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.app import App, make_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
API = "/api/v1/subscriptions"
FIELDS = ["channel", "address", "url", "tenders", "kinds", "offsets", "language", "owner_email"]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    tmp = tmp_path_factory.mktemp("odd")
    app = make_app(
        tmp,
        f"sqlite:///{tmp / 'tn.db'}",
        NOW,
        "[signup]\nrate_limit = 1000000\n[delivery]\nallow_private_targets = true\n",
    )
    return app


def _post_raw(app: App, raw: str, path: str = API, method: str = "POST", **kw: Any) -> Any:
    return app.client.request(
        method, path, content=raw.encode(), headers={"Content-Type": "application/json", **kw}
    )


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ('{"channel": "email", "address": "a@b.example", "tenders": [{}]}', "tenders"),
        ('{"channel": "email", "address": "a@b.example", "tenders": [["x"]]}', "tenders"),
        (
            '{"channel": "email", "address": "a@b.example", "offsets": ["P99999999999999999999D"]}',
            "offsets",
        ),
        ('{"channel": "email", "address": "a@b.example", "offsets": ["PT0.5S"]}', "offsets"),
        ('{"channel": "email", "address": "a@b.example", "offsets": ["PT1.5S"]}', "offsets"),
        ('{"channel": "email", "address": "a@b.example", "offsets": [7]}', "offsets"),
        ('{"channel": "email", "address": "\\ud800@b.example"}', "address"),
        ('{"channel": "email", "address": "a@b.example", "tenders": ["\\ud800"]}', "tenders"),
        ('{"channel": "email", "address": "a@b.example", "language": "\\udfff"}', "language"),
        ('{"channel": "email", "address": "a@b.example", "kinds": [{}]}', "kinds"),
        ('{"channel": "webhook", "url": "http://[::1/hook"}', "url"),
        ('{"channel": "webhook", "url": "http://127.0.0.1:99999/hook"}', "url"),
    ],
)
def test_odd_values_answer_422_naming_the_field(app: App, raw: str, field: str) -> None:
    response = _post_raw(app, raw)
    assert response.status_code == 422, response.text
    body = response.json()
    assert field in body["errors"], body
    assert isinstance(body["detail"], str)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channel": "email", "address": "a@b.example", "url": "http://x.example/"}, "url"),
        (
            {"channel": "email", "address": "a@b.example", "owner_email": "o@b.example"},
            "owner_email",
        ),
        (
            {"channel": "webhook", "url": "http://127.0.0.1:9/hook", "address": "a@b.example"},
            "address",
        ),
    ],
)
def test_a_field_of_the_other_channel_is_refused_by_name(
    app: App, body: dict[str, Any], field: str
) -> None:
    before = len(app.ctx.store.subscriptions.list())
    response = app.client.post(API, json=body)
    assert response.status_code == 422, response.text
    assert list(response.json()["errors"]) == [field]
    assert "not a field of a" in response.json()["errors"][field]
    assert len(app.ctx.store.subscriptions.list()) == before
    # null stands for "not given", as in a client that sends every field of its model
    assert app.client.post(API, json={**body, field: None}).status_code == 201


@pytest.mark.parametrize("length", [2001, 60_000])
def test_a_webhook_url_over_2000_characters_is_refused(app: App, length: int) -> None:
    prefix = "http://127.0.0.1:9/"
    url = prefix + "a" * (length - len(prefix))
    response = app.client.post(API, json={"channel": "webhook", "url": url})
    assert response.status_code == 422, response.text
    assert list(response.json()["errors"]) == ["url"]
    assert "a" * 100 not in response.text  # not echoed back
    fits = prefix + "a" * (2000 - len(prefix))
    assert app.client.post(API, json={"channel": "webhook", "url": fits}).status_code == 201


def test_an_unknown_field_named_with_a_surrogate_is_named_escaped(app: App) -> None:
    response = _post_raw(app, '{"channel": "email", "address": "a@b.example", "\\ud800": 1}')
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["'\\ud800'"]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(exclude_categories=()), max_size=30)
    | st.sampled_from(
        ["P99999999999999999999D", "PT0.5S", "*", "email", "webhook", "\ud800", "P1D", ""]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.fixed_dictionaries(
        {"channel": st.sampled_from(["email", "webhook"])},
        optional={name: json_values for name in FIELDS[1:]},
    )
)
def test_no_sign_up_body_makes_a_500(app: App, body: dict[str, Any]) -> None:
    raw = json.dumps(body)
    response = _post_raw(app, raw)
    assert response.status_code in (201, 422), (raw, response.status_code, response.text)
    data = response.json()
    if response.status_code == 422:
        assert isinstance(data["detail"], str) and isinstance(data["errors"], dict), data


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(st.sampled_from(["tenders", "kinds", "offsets", "language"]), json_values)
)
def test_no_change_body_makes_a_500(app: App, body: dict[str, Any]) -> None:
    created = _post_raw(
        app, json.dumps({"channel": "webhook", "url": "http://127.0.0.1:9/h"})
    ).json()
    response = _post_raw(
        app,
        json.dumps(body),
        path=f"{API}/{created['id']}",
        method="PATCH",
        Authorization=f"Bearer {created['manage_token']}",
    )
    assert response.status_code in (200, 422), (body, response.status_code, response.text)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=json_values)
def test_no_top_level_value_makes_a_500(app: App, body: Any) -> None:
    response = _post_raw(app, json.dumps(body))
    assert response.status_code == 422, (body, response.status_code, response.text)


@pytest.mark.parametrize("raw", ['"\\ud800"', "[]", "{", "", "nul", '{"a": 1e999999}'])
def test_no_raw_body_makes_a_500(app: App, raw: str) -> None:
    assert _post_raw(app, raw).status_code == 422
