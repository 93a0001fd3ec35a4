"""The SPARQL 1.1 Protocol over the store: read-only, with a time and a result-size limit."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import SettingsDep
from api.sparql_workers import QueryTimeout, WorkersBusy

router = APIRouter(tags=["sparql"])

_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|\{|GRAPH|SILENT|<)", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"


async def _query_text(request: Request) -> str:
    if request.method == "GET":
        query = request.query_params.get("query")
    else:
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        if content_type == "application/sparql-query":
            query = (await request.body()).decode("utf-8", "replace")
        elif content_type == "application/x-www-form-urlencoded":
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            if "update" in form:
                raise HTTPException(400, _READ_ONLY)
            query = (form.get("query") or [None])[0]
        elif content_type == "application/sparql-update":
            raise HTTPException(400, _READ_ONLY)
        else:
            raise HTTPException(400, "POST a query as application/sparql-query or form-encoded query=...")
    if not query:
        raise HTTPException(400, "no query: give query=... (SPARQL 1.1 Protocol)")
    return str(query)


@router.api_route("/sparql", methods=["GET", "POST"], response_class=Response)
async def sparql(request: Request, settings: SettingsDep) -> Response:
    """SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD."""
    query = await _query_text(request)
    if _UPDATE.search(query):
        raise HTTPException(400, _READ_ONLY)
    if _SERVICE.search(query) and not settings.sparql_allow_service:
        raise HTTPException(400, "SERVICE (federated queries) is off on this server")
    try:
        answer = await run_in_threadpool(
            request.app.state.sparql.query,
            query,
            request.headers.get("accept", ""),
            max_rows=settings.sparql_max_rows,
            timeout_s=settings.sparql_timeout_s,
        )
    except QueryTimeout as exc:
        raise HTTPException(408, f"{exc}; narrow it or add a LIMIT") from exc
    except WorkersBusy as exc:
        raise HTTPException(503, str(exc)) from exc
    if answer.status != 200:
        raise HTTPException(answer.status, answer.detail)
    return Response(answer.body, media_type=answer.media)
