"""Read-only Cypher over the Neo4j mirror (when PSMAKG_NEO4J_URI is set): a time limit and a row limit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import Field

from api.deps import SettingsDep
from api.models import Public
from api.settings import Settings

router = APIRouter(tags=["cypher"])

_PROBLEM = {"content": {"application/problem+json": {}}}
#: What /cypher answers besides rows: a write or a bad query, no mirror configured, the time limit, no mirror reachable.
PROBLEMS = {400: _PROBLEM, 404: _PROBLEM, 408: _PROBLEM, 502: _PROBLEM, 503: _PROBLEM}


class CypherRequest(Public):
    query: str
    parameters: dict[str, Any] = Field(default_factory=dict)


class CypherResponse(Public):
    columns: list[str] = Field(examples=[["trial", "hr"]])
    rows: list[list[Any]] = Field(examples=[[["VISION", 0.62]]])
    truncated: bool = Field(examples=[False])


def _run(request: Request, settings: Settings, query: str, parameters: dict[str, Any]) -> CypherResponse:
    from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

    from kg.neo4j_query import CypherTimeoutError, CypherWriteError, read_query

    driver = request.app.state.neo4j
    if driver is None:
        raise HTTPException(404, "Cypher is not configured on this server: set PSMAKG_NEO4J_URI (and run neo4j sync)")
    if not query.strip():
        raise HTTPException(400, "no query: give query=... (read-only Cypher)")
    try:
        result = read_query(driver, query, parameters, timeout_s=settings.cypher_timeout_s,
                            max_rows=settings.cypher_max_rows, database=settings.neo4j_database)  # fmt: skip
    except CypherWriteError as exc:
        raise HTTPException(400, str(exc)) from exc
    except CypherTimeoutError as exc:
        raise HTTPException(408, f"{exc}; narrow the query or add a LIMIT") from exc
    except ClientError as exc:
        raise HTTPException(400, f"Cypher error: {exc.message}") from exc
    except (ServiceUnavailable, SessionExpired) as exc:
        raise HTTPException(503, f"the Neo4j mirror does not answer: {exc}") from exc
    except Neo4jError as exc:
        raise HTTPException(502, f"Neo4j failed: {exc.message}") from exc
    return CypherResponse(columns=result.columns, rows=result.rows, truncated=result.truncated)


@router.get("/cypher", responses=PROBLEMS)
def cypher_get(
    request: Request,
    settings: SettingsDep,
    query: str = Query(..., examples=["MATCH (a:Agent) RETURN a.label LIMIT 5"]),
) -> CypherResponse:
    """Read-only Cypher by GET: columns, rows (nodes as labels and properties) and whether rows were cut."""
    return _run(request, settings, query, {})


@router.post("/cypher", responses=PROBLEMS)
def cypher_post(body: CypherRequest, request: Request, settings: SettingsDep) -> CypherResponse:
    """Read-only Cypher with parameters: ``{"query": "... $name ...", "parameters": {"name": ...}}``."""
    return _run(request, settings, body.query, body.parameters)
