"""Schemathesis against the OpenAPI document of a real server over the demo store.

Every read operation (and POST /sparql) is called with requests generated from its schema, valid and
invalid ones, and each answer is checked: never a server error; a status code, content type, headers
and body that the document declares; invalid input refused. POST /documents needs the token and
writes, so tests/api/test_documents.py covers it. The run is bounded (25 examples an operation and
mode, derandomized, so every run sends the same requests) to keep the test command quick.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks

from api.app import create_app

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]
# Not run: positive_data_acceptance. A schema cannot say that /compare needs trials or agents, nor which
# strings are valid SPARQL, so a 400 problem document is the right answer to such schema-valid requests.

# A SPARQL query in a POST body is plain text on the wire.
schemathesis.serializer.alias("application/sparql-query", "text/plain")

OPERATIONS = [
    (method.upper(), path)
    for path, operations in create_app().openapi()["paths"].items()
    for method in operations
    if path != "/documents"
]


@schemathesis.check
def no_server_error_but_oembed_501(ctx, response, case):
    """A server error, except the 501 that oEmbed prescribes for an unsupported format."""
    if response.status_code >= 500 and not (response.status_code == 501 and case.query.get("format") != "json"):
        raise AssertionError(f"server error {response.status_code}: {response.text[:200]}")


@pytest.fixture(scope="session")
def api_schema(server):
    return schemathesis.openapi.from_url(f"{server}/openapi.json")


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_answers_as_documented(api_schema, method, path):
    operation = api_schema[path][method]
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    # oEmbed 1.0 mandates 501 Not Implemented for a format the provider does not serve (any but json here).
    chosen = [no_server_error_but_oembed_501 if c is checks.not_a_server_error else c for c in CHECKS]
    chosen = chosen if path == "/oembed" else CHECKS

    @given(case=cases)
    @settings(max_examples=50, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(checks=chosen)

    check()


def test_every_operation_has_a_response_model_and_an_example(http):
    spec = http.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def exemplified(schema: dict) -> bool:
        """True when the schema, or every property it needs, carries an example."""
        if "example" in schema or schema.get("examples"):
            return True
        if "$ref" in schema:
            return exemplified(schemas[schema["$ref"].rsplit("/", 1)[1]])
        if "anyOf" in schema:
            return any(exemplified(s) for s in schema["anyOf"] if s.get("type") != "null")
        if schema.get("type") == "array":
            return exemplified(schema["items"])
        if "properties" in schema:
            return all(exemplified(s) for s in schema["properties"].values())
        return False

    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            success = next(r for status, r in operation["responses"].items() if status.startswith("2"))
            assert success.get("content"), f"{label} documents no response body"
            for media, content in success["content"].items():
                assert "schema" in content, f"{label} has no schema for {media}"
                assert "example" in content or exemplified(content["schema"]), f"{label} has no example for {media}"
                if media == "application/json":
                    assert "$ref" in content["schema"], f"{label} answers JSON without a response model"
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], f"{label} {status}"
