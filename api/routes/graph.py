from __future__ import annotations

from typing import Literal

import networkx as nx
from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.models import EvidencePath, Neighbourhood, problems
from kg.exports import export
from kg.views import agent_trial_endpoint_graph, evidence_path, neighbourhood

router = APIRouter(tags=["graph"])

_MEDIA = {"turtle": "text/turtle", "ntriples": "application/n-triples", "nquads": "application/n-quads",
          "jsonld": "application/ld+json", "csv": "text/csv", "graphml": "application/graphml+xml"}  # fmt: skip
_AGENT = "<https://w3id.org/psma-kg/agent/lu177-psma-617>"
_LABEL = '<http://www.w3.org/2004/02/skos/core#prefLabel> "177Lu-PSMA-617"'
_EXPORT_EXAMPLES = {
    "text/turtle": "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\nagent:lu177-psma-617 skos:prefLabel "
                   '"177Lu-PSMA-617" .\n',
    "application/n-triples": f"{_AGENT} {_LABEL} .\n",
    "application/n-quads": f"{_AGENT} {_LABEL} <https://w3id.org/psma-kg/graph/ontology> .\n",
    "application/ld+json": {"@context": {"skos": "http://www.w3.org/2004/02/skos/core#"},
                            "@graph": [{"@id": "agent:lu177-psma-617", "skos:prefLabel": "177Lu-PSMA-617"}]},
    "text/csv": "publication,trial,arm,agent,endpoint,statistic,value,unit,hr,ci_low,ci_high,ci_level,p_value,status,"
                "grade,note,sentence,start,end\ndemo:001,VISION,standard of care,standard of care,OS,median,11.3,"
                'months,0.62,0.52,0.74,95,<0.001,reported,,,"Overall survival ... (median, 15.3 vs. 11.3 months).",'
                "1407,1534\n",
    "application/graphml+xml": '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                               '<graph edgedefault="undirected"><node id="trial:VISION"/></graph></graphml>',
}  # fmt: skip
_EXPORT_RESPONSES = {
    200: {"description": "The graph in the format asked",
          "content": {media: {"schema": {"type": "object" if media.endswith("json") else "string"}, "example": example}
                      for media, example in _EXPORT_EXAMPLES.items()}},
}  # fmt: skip


def _view(store):
    """The agent-trial-endpoint view of the store, built once per version of the store."""
    return store.derived("agent_trial_endpoint_graph", agent_trial_endpoint_graph)


@router.get("/graph/neighbourhood/{entity_id:path}", responses=problems(404))
def graph_neighbourhood(
    entity_id: str, store: StoreDep, radius: int = Query(1, ge=1, le=3, examples=[1])
) -> Neighbourhood:
    """Entities within ``radius`` hops in the agent-trial-endpoint view, each edge with its publications."""
    graph = _view(store)
    try:
        around = neighbourhood(graph, entity_id, radius)
    except KeyError as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from exc
    return Neighbourhood(
        center=entity_id,
        nodes=[{"id": n, **data} for n, data in around.nodes(data=True)],
        edges=[{"source": a, "target": b, "publications": d["publications"]} for a, b, d in around.edges(data=True)],
    )


@router.get("/graph/path", responses=problems(404))
def graph_path(
    store: StoreDep,
    source: str = Query(..., alias="from", examples=["trial:VISION"]),
    target: str = Query(..., alias="to", examples=["trial:TheraP"]),
) -> EvidencePath:
    """The shortest evidence path between two entities, each hop with its supporting publications."""
    graph = _view(store)
    try:
        hops = evidence_path(graph, source, target)
    except KeyError as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from exc
    except nx.NetworkXNoPath as exc:
        raise HTTPException(404, f"no path between {source} and {target}") from exc
    return EvidencePath(source=source, target=target, hops=hops)


@router.get("/export/{fmt}", response_class=Response, responses=_EXPORT_RESPONSES)
def export_graph(fmt: Literal["turtle", "ntriples", "nquads", "jsonld", "csv", "graphml"], store: StoreDep) -> Response:
    """The whole graph in one export format (the Neo4j CSVs are a folder: use psmakg export)."""
    return Response(export(store, fmt), media_type=_MEDIA[fmt])
