"""Entity resources in RDF when asked: JSON-LD for application/ld+json, Turtle for text/turtle."""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.responses import Response

from api.cache_middleware import header, url_key
from kg.exports import CONTEXT_PATH
from kg.ontology import load_ontology
from kg.store import GraphStore

RDF_MEDIA = {"application/ld+json": "json-ld", "text/turtle": "turtle"}


def wanted_rdf(request: Request) -> str | None:
    """The RDF media type the client asked for first, or None for plain JSON."""
    return rdf_media(request.headers.get("accept", ""))


def rdf_media(accept: str) -> str | None:
    """The RDF media type an Accept header asks for first, or None for plain JSON."""
    for part in accept.split(","):
        media = part.split(";")[0].strip()
        if media in RDF_MEDIA:
            return media
        if media in ("application/json", "*/*"):
            return None
    return None


def entity_cache_key(scope, body: bytes) -> str:
    """What an entity answer depends on besides the store (api.cache_middleware): its URL and the media type asked."""
    return f"{url_key(scope, body)}\n{rdf_media(header(scope, b'accept')) or 'application/json'}"


def describe(store: GraphStore, curie: str, media: str) -> Response:
    """Every triple about the entity (as subject), in the asked RDF syntax."""
    from rdflib import Graph

    iri = str(load_ontology().converter.expand(curie))
    triples = store.query(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}")
    from pyoxigraph import RdfFormat

    graph = Graph().parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode(), format="nt")
    if media == "application/ld+json":
        context = json.loads(CONTEXT_PATH.read_text())["@context"]
        body = graph.serialize(format="json-ld", context=context, auto_compact=True)
    else:
        body = graph.serialize(format="turtle")
    return Response(body, media_type=media, headers={"vary": "accept"})
