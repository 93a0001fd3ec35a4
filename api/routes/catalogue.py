from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from api.deps import StoreDep
from api.models import EndpointsPublic, PublicationPublic, problems
from api.pagination import PageDep
from kg.ontology import load_ontology
from kg.queries import evidence_table
from kg.vocab import PSMA

router = APIRouter(tags=["endpoints and publications"])

_DCT = "http://purl.org/dc/terms/"


@router.get("/endpoints")
def list_endpoints(store: StoreDep, page: PageDep, request: Request, response: Response) -> EndpointsPublic:
    """Every canonical endpoint, adverse-event term and absorbed-dose organ, with how many measurements it has."""
    counts = {
        row["e"].value: int(row["n"].value)
        for row in store.query(f"SELECT ?e (COUNT(?m) AS ?n) WHERE {{ ?m <{PSMA.ofEndpoint}> ?e }} GROUP BY ?e")
    }
    ontology = load_ontology()
    data = [
        {"id": e.curie, "code": e.code, "label": e.label, "kind": e.kind,
         "measurements": counts.get(str(ontology.converter.expand(e.curie)), 0)}
        for e in sorted(ontology.endpoints.values(), key=lambda e: e.code.lower())
    ]  # fmt: skip
    return EndpointsPublic(**page.of(data, request, response))


@router.get("/publications/{publication_id}", responses=problems(404))
def get_publication(publication_id: str, store: StoreDep) -> PublicationPublic:
    """One publication by its document id (pmid:34161051, demo:001): metadata, agents, trials and results."""
    from pyoxigraph import Literal

    literal = str(Literal(publication_id))  # quoted and escaped: a newline or quote in the id stays in the string
    rows = list(
        store.query(
            f"""SELECT ?p ?title ?journal ?year ?doi WHERE {{ ?p <{_DCT}identifier> {literal} .
            OPTIONAL {{ ?p <{_DCT}title> ?title }} OPTIONAL {{ ?p <{PSMA.journal}> ?journal }}
            OPTIONAL {{ ?p <{PSMA.year}> ?year }} OPTIONAL {{ ?p <http://purl.org/ontology/bibo/doi> ?doi }} }}"""
        )
    )
    if not rows:
        raise HTTPException(404, f"no publication {publication_id!r} in the store")
    row = rows[0]
    iri = row["p"].value
    compress = load_ontology().converter.compress

    def linked(prop) -> list[str]:
        return sorted(compress(r["x"].value) for r in store.query(f"SELECT ?x WHERE {{ <{iri}> <{prop}> ?x }}"))

    value = lambda name: row[name].value if row[name] is not None else None  # noqa: E731
    return PublicationPublic(
        **{
            "id": publication_id,
            "iri": iri,
            "title": value("title"),
            "journal": value("journal"),
            "year": value("year"),
            "doi": value("doi"),
            "agents": linked(PSMA.mentionsAgent),
            "trials": linked(PSMA.reportsTrial),
            "measurements": [r for r in evidence_table(store) if r["publication"] == publication_id],
        }
    )
