"""Errors as application/problem+json (RFC 9457), in the answers and in the OpenAPI document."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.models import Problem

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status_code=status, media_type=PROBLEM, headers=headers)  # fmt: skip


def install(app: FastAPI) -> None:
    """Every error the app raises answers as a problem document with a clear message, and is documented so."""

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = exc.headers
        if exc.status_code == 405:  # RFC 9110: say which methods are allowed, over every route of the path
            headers = {**(headers or {}), "Allow": _allowed_methods(request)}
        return problem(exc.status_code, _title(exc.status_code), str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return problem(422, "Invalid request", details)

    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            _document_problems(generate())
        return app.openapi_schema

    app.openapi = openapi


def _document_problems(spec: dict) -> None:
    """Error answers in the document as they are sent: problem documents, not FastAPI's validation-error shape."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    example = {"type": "about:blank", "title": "Invalid request", "status": 422,
               "detail": "query.limit: Input should be less than or equal to 500"}  # fmt: skip
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                if status.startswith(("4", "5")):
                    if status == "422":
                        response["description"] = "A parameter is missing or out of range (the detail says which)"
                    content = {"schema": {"$ref": "#/components/schemas/Problem"}}
                    if status == "422":
                        content["example"] = example
                    response["content"] = {PROBLEM: content}
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)


def _allowed_methods(request: Request) -> str:
    """The methods some route answers at the request's path (Starlette names only the first route's)."""
    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


def _title(status: int) -> str:
    return {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
            408: "Query timeout", 413: "Result too large", 501: "Not implemented", 502: "Bad gateway",
            503: "Service unavailable"}.get(status, "Error")  # fmt: skip
