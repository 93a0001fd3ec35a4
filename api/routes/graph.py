from __future__ import annotations

from typing import Literal

import networkx as nx
from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from api.deps import StoreDep
from kg.exports import export
from kg.views import agent_trial_endpoint_graph, evidence_path, neighbourhood

router = APIRouter(tags=["graph"])

_MEDIA = {"turtle": "text/turtle", "ntriples": "application/n-triples", "nquads": "application/n-quads",
          "jsonld": "application/ld+json", "csv": "text/csv", "graphml": "application/graphml+xml"}  # fmt: skip


@router.get("/graph/neighbourhood/{entity_id}")
def graph_neighbourhood(entity_id: str, store: StoreDep, radius: int = Query(1, ge=1, le=3)) -> dict:
    """Entities within ``radius`` hops in the agent-trial-endpoint view, each edge with its publications."""
    graph = agent_trial_endpoint_graph(store)
    try:
        around = neighbourhood(graph, entity_id, radius)
    except KeyError as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from exc
    return {
        "center": entity_id,
        "nodes": [{"id": n, **data} for n, data in around.nodes(data=True)],
        "edges": [{"source": a, "target": b, "publications": d["publications"]} for a, b, d in around.edges(data=True)],
    }


@router.get("/graph/path")
def graph_path(store: StoreDep, source: str = Query(..., alias="from"), target: str = Query(..., alias="to")) -> dict:
    """The shortest evidence path between two entities, each hop with its supporting publications."""
    graph = agent_trial_endpoint_graph(store)
    try:
        hops = evidence_path(graph, source, target)
    except KeyError as exc:
        raise HTTPException(404, str(exc).strip("'\"")) from exc
    except nx.NetworkXNoPath as exc:
        raise HTTPException(404, f"no path between {source} and {target}") from exc
    return {"from": source, "to": target, "hops": hops}


@router.get("/export/{fmt}", response_class=Response)
def export_graph(fmt: Literal["turtle", "ntriples", "nquads", "jsonld", "csv", "graphml"], store: StoreDep) -> Response:
    """The whole graph in one export format (the Neo4j CSVs are a folder: use psmakg export)."""
    return Response(export(store, fmt), media_type=_MEDIA[fmt])
