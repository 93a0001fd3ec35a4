"""Counts of what the graph holds."""

from __future__ import annotations

from kg.store import GraphStore
from kg.vocab import PSMA

_COUNTS = {
    "publications": f"?x a <{PSMA.Publication}>",
    "agents": f"?p <{PSMA.mentionsAgent}> ?x",
    "trials": f"?p <{PSMA.reportsTrial}> ?x",
    "measurements": f"?x a <{PSMA.Measurement}>",
    "reported": f'?x a <{PSMA.Measurement}> ; <{PSMA.status}> "reported"',
    "planned": f'?x a <{PSMA.Measurement}> ; <{PSMA.status}> "planned"',
    "evidence": f"?x a <{PSMA.Evidence}>",
}


def graph_stats(store: GraphStore) -> dict[str, int]:
    """Distinct publications, agents and trials named, measurements (reported and planned), evidence, triples."""
    counts = {}
    for name, pattern in _COUNTS.items():
        rows = list(store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"))
        counts[name] = int(rows[0]["n"].value) if rows else 0
    counts["triples"] = len(store)
    return counts
