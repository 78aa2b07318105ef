"""Property-based: every public /api/v1/ operation, with values generated from its own OpenAPI
description (valid and invalid), against demo-like content — never a 5xx, never an answer that
breaks the published schema. Bounded: a few dozen examples per operation."""

import hypothesis
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

pytestmark = pytest.mark.django_db

EXAMPLES = 20
OPERATIONS = [
    "list_products",
    "get_product",
    "list_producers",
    "get_producer",
    "list_stories",
    "get_story",
    "list_regions",
]


@pytest.fixture
def in_process_app():
    """Django's WSGI app in this test's transaction (as the test client does: connections stay open)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_of_the_openapi_document_is_tested(openapi):
    ours = sorted(
        operation["get"]["operationId"]
        for path, operation in openapi["paths"].items()
        if path.startswith("/api/v1/") and not path.startswith("/api/v1/exports/") and "get" in operation
    )
    assert ours == sorted(OPERATIONS)


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_no_generated_request_breaks_the_api_or_its_schema(
    operation_id, openapi, catalogue_content, in_process_app, settings
):
    settings.API_RATE_LIMIT = "100000/m"
    schema = schemathesis.openapi.from_dict(openapi).include(operation_id=operation_id)
    schema.app = in_process_app
    (result,) = list(schema.get_all_operations())
    operation = result.ok()
    ids = [catalogue_content[name].pk for name in ("coffee", "producer", "story")]

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        if case.path_parameters:  # also the ids that exist, not only random ones
            name = next(iter(case.path_parameters))
            if case.path_parameters[name] % 2:
                case.path_parameters[name] = ids[OPERATIONS.index(operation_id) // 2 % 3]
        case.call_and_validate(
            # The in-process transport does not unzip what GZipMiddleware compresses.
            headers={"Accept-Encoding": "identity"},
            checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
        )

    run()
