"""The SPARQL 1.1 Protocol over the store: read-only, with a time and a result-size limit."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from starlette.types import Scope

from api.cache_middleware import header
from api.deps import SettingsDep
from api.models import problems
from api.sparql_results import GRAPH_TYPES, SELECT_WRITERS, negotiate
from api.sparql_workers import QueryTimeout, WorkersBusy

router = APIRouter(tags=["sparql"])

_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|\{|GRAPH|SILENT|<)", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
EXAMPLE_QUERY = (
    "PREFIX psma: <https://w3id.org/psma-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT ?agent ?label WHERE { ?agent psma:hasRadionuclide/psma:emissionType psma:Alpha ; skos:prefLabel ?label }"
)
_AGENT = "https://w3id.org/psma-kg/agent/ac225-psma-617"
_ANSWERS = {
    "application/sparql-results+json": {"head": {"vars": ["agent", "label"]}, "results": {"bindings": [
        {"agent": {"type": "uri", "value": _AGENT}, "label": {"type": "literal", "value": "225Ac-PSMA-617"}}]}},
    "application/sparql-results+xml": '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
    '<head><variable name="agent"/><variable name="label"/></head><results><result><binding name="agent">'
    f"<uri>{_AGENT}</uri></binding>"
    '<binding name="label"><literal>225Ac-PSMA-617</literal></binding></result></results></sparql>',
    "text/csv": f"agent,label\r\n{_AGENT},225Ac-PSMA-617\r\n",
    "text/tab-separated-values": f'?agent\t?label\n<{_AGENT}>\t"225Ac-PSMA-617"\n',
    "text/turtle": f'<{_AGENT}> <http://www.w3.org/2004/02/skos/core#prefLabel> "225Ac-PSMA-617" .\n',
    "application/n-triples": f'<{_AGENT}> <http://www.w3.org/2004/02/skos/core#prefLabel> "225Ac-PSMA-617" .\n',
    "application/rdf+xml": '<?xml version="1.0" encoding="UTF-8"?><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'rdf:about="{_AGENT}"><prefLabel xmlns="http://www.w3.org/2004/02/skos/core#">225Ac-PSMA-617</prefLabel>'
    "</rdf:Description></rdf:RDF>",
    "application/ld+json": [{"@id": _AGENT, "http://www.w3.org/2004/02/skos/core#prefLabel": [
        {"@value": "225Ac-PSMA-617"}]}],
}  # fmt: skip
#: SELECT and ASK answer in the first four media types, CONSTRUCT and DESCRIBE in the last four (by Accept).
RESPONSES = {
    200: {"description": "The results of the query, in the media type asked by Accept",
          "content": {media: {"schema": {"type": "string"} if isinstance(example, str) else {},
                              "example": example} for media, example in _ANSWERS.items()}},
    **problems(400, 408, 413),
}  # fmt: skip
#: The body of a POST is read as the SPARQL 1.1 Protocol sends it, so it is described here.
POST_BODY = {"requestBody": {"required": True, "content": {
    "application/sparql-query": {"schema": {"type": "string"}, "example": EXAMPLE_QUERY},
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["query"],
                                                     "properties": {"query": {"type": "string"}}},
                                          "example": {"query": EXAMPLE_QUERY}},
}}}  # fmt: skip


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


#: The query parameter is read by _query_text, as for a POST, so it is described here rather than parsed by FastAPI.
GET_PARAMETERS = {"parameters": [{"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
                                  "description": "a SPARQL 1.1 query", "example": EXAMPLE_QUERY}]}  # fmt: skip


@router.get("/sparql", response_class=Response, responses=RESPONSES, openapi_extra=GET_PARAMETERS)
async def sparql_get(request: Request, settings: SettingsDep) -> Response:
    """SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD."""
    return await sparql(request, settings)


@router.post("/sparql", response_class=Response, responses=RESPONSES, openapi_extra=POST_BODY)
async def sparql_post(request: Request, settings: SettingsDep) -> Response:
    """The query in the body (application/sparql-query, or a form with query=...); answers as the GET does."""
    return await sparql(request, settings)


async def sparql(request: Request, settings: SettingsDep) -> Response:
    """Answer the query of a GET or POST request (SPARQL 1.1 Protocol) in a worker process."""
    query = await _query_text(request)
    if _UPDATE.search(query):
        raise HTTPException(400, _READ_ONLY)
    if _SERVICE.search(query) and not settings.sparql_allow_service:
        raise HTTPException(400, "SERVICE (federated queries) is off on this server")
    try:
        accept = request.headers.get("accept", "")
        limits = {"max_rows": settings.sparql_max_rows, "timeout_s": settings.sparql_timeout_s}
        answer = await request.app.state.sparql.query(query, accept, **limits)
    except QueryTimeout as exc:
        raise HTTPException(408, f"{exc}; narrow it or add a LIMIT") from exc
    except WorkersBusy as exc:
        raise HTTPException(503, str(exc)) from exc
    if answer.status != 200:
        raise HTTPException(answer.status, answer.detail)
    return Response(answer.body, media_type=answer.media, headers={"vary": "accept"})


def cache_key(scope: Scope, body: bytes) -> str:
    """What an answer depends on besides the store (api.cache_middleware): the request as sent and its media types.

    That is the method, the query string, the body with its content type, and the media types the
    Accept header picks for results and for graphs; the limits are the server's, the same for all.
    """
    accept = header(scope, b"accept")
    request = (scope["method"], scope["query_string"].decode("latin-1"), header(scope, b"content-type"))
    media = (negotiate(accept, SELECT_WRITERS, ""), negotiate(accept, GRAPH_TYPES, ""))
    return "\n".join((*request, *media, body.decode("latin-1")))
