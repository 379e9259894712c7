"""Property-based calls generated from the OpenAPI document: no input may produce a 5xx.

Bounded: a dozen examples per GET operation, derandomized (POST /api/ingest is left out: it
runs the extractor). Driven by hand rather than by schemathesis' pytest plugin, which does not
work with pytest 9.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (test extra)")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402


@pytest.fixture(scope="module")
def operations(web_ledger):
    from newsledger.web import create_app

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(ledger=web_ledger)).include(method="GET")
    return [result.ok() for result in schema.get_all_operations()]


def test_every_get_operation_is_covered(operations):
    paths = {op.path for op in operations}
    assert {
        "/api/events",
        "/api/figures",
        "/api/figures/series",
        "/api/search",
        "/api/articles/{article_id}",
        "/api/events/{article_id}/{event_id}",
        "/api/merged-events",
        "/api/merged-events/{merged_id}",
    } <= paths


def test_no_generated_input_breaks_the_api(operations):
    calls = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(
            max_examples=12, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            response = case.call_and_validate(checks=[not_a_server_error])
            assert response.status_code < 500
            calls.append(response.status_code)

        check()
    assert len(calls) >= len(operations)
