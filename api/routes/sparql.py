"""The SPARQL 1.1 Protocol over the store: read-only, with a time and a result-size limit."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from api.sparql_results import BOOLEAN_WRITERS, SELECT_WRITERS

router = APIRouter(tags=["sparql"])

_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|\{|GRAPH|SILENT|<)", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD"}


async def _query_text(request: Request) -> str:
    if request.method == "GET":
        query = request.query_params.get("query")
    else:
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        if content_type == "application/sparql-query":
            query = (await request.body()).decode("utf-8", "replace")
        elif content_type == "application/x-www-form-urlencoded":
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            query = (form.get("query") or [None])[0]
        else:
            raise HTTPException(400, "POST a query as application/sparql-query or form-encoded query=...")
    if not query:
        raise HTTPException(400, "no query: give query=... (SPARQL 1.1 Protocol)")
    return str(query)


def _negotiate(accept: str, types: dict, default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip()
        if media in types:
            return media
    return default


@router.api_route("/sparql", methods=["GET", "POST"], response_class=Response)
async def sparql(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples or JSON-LD."""
    import pyoxigraph

    query = await _query_text(request)
    if _UPDATE.search(query):
        raise HTTPException(400, "this endpoint is read-only: SPARQL updates are refused")
    if _SERVICE.search(query) and not settings.sparql_allow_service:
        raise HTTPException(400, "SERVICE (federated queries) is off on this server")
    started = time.perf_counter()
    try:
        results = store.query(query)
    except SyntaxError as exc:
        raise HTTPException(400, f"SPARQL syntax error: {exc}") from exc
    accept = request.headers.get("accept", "")

    def check(count: int) -> None:
        if count > settings.sparql_max_rows:
            raise HTTPException(413, f"more than {settings.sparql_max_rows} results; add a LIMIT")
        if time.perf_counter() - started > settings.sparql_timeout_s:
            raise HTTPException(408, f"the query ran longer than {settings.sparql_timeout_s} s; narrow it")

    if isinstance(results, pyoxigraph.QueryBoolean):
        media = _negotiate(accept, SELECT_WRITERS, "application/sparql-results+json")
        return Response(BOOLEAN_WRITERS[media](bool(results)), media_type=media)
    if isinstance(results, pyoxigraph.QuerySolutions):
        media = _negotiate(accept, SELECT_WRITERS, "application/sparql-results+json")
        variables = [v.value for v in results.variables]
        rows = []
        for row in results:
            rows.append(row)
            check(len(rows))
        return Response(SELECT_WRITERS[media](variables, rows), media_type=media)
    media = _negotiate(accept, GRAPH_TYPES, "text/turtle")
    triples = []
    for triple in results:
        triples.append(triple)
        check(len(triples))
    body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media]))
    return Response(body, media_type=media)
