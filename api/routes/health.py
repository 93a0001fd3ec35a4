from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.models import Health, Stats
from kg.stats import graph_stats

router = APIRouter(tags=["health"])


@router.get("/health")
def health(store: StoreDep) -> Health:
    """The server answers and the store is readable."""
    return Health(status="ok", documents=len(store.document_ids()))


@router.get("/stats")
def stats(store: StoreDep) -> Stats:
    """What the graph holds: publications, agents, trials, measurements, evidence, triples."""
    return Stats(**graph_stats(store))
