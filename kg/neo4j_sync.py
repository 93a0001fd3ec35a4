"""Mirror the graph into Neo4j over Bolt: labels from classes, relationship types from properties.

Writes go in the order Neo4j needs for speed and safety: a uniqueness constraint on
``(:Resource {iri})`` first, then nodes and relationships in batches of
``UNWIND $rows ... MERGE``. Every node and relationship written by a sync is stamped with
the sync's id, and whatever a previous sync wrote that this one did not is deleted at the
end, so a re-ingested or removed document leaves nothing stale and running the sync twice
gives the same counts. The mapping itself is described in :mod:`kg.property_graph`.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass

from kg.errors import StoreError
from kg.property_graph import Node, Relationship, property_graph
from kg.store import GraphStore

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
SYNC_PROPERTY = "_sync"


@dataclass
class SyncResult:
    nodes: int = 0
    relationships: int = 0
    deleted_nodes: int = 0
    deleted_relationships: int = 0


def _safe(name: str) -> str:
    if not _NAME.match(name):
        raise StoreError(f"refusing to use {name!r} as a Neo4j label or type")
    return f"`{name}`"


def _batches(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def sync_to_neo4j(
    store: GraphStore,
    uri: str,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    batch_size: int = 2000,
) -> SyncResult:
    """Write the store's graph to Neo4j and delete what a previous sync wrote that is gone now."""
    try:
        from neo4j import GraphDatabase
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise StoreError("the Neo4j mirror needs the neo4j driver: pip install 'psma-kg[neo4j]'") from exc
    nodes, relationships = property_graph(store.to_rdflib())
    run = uuid.uuid4().hex
    auth = (user, password or "") if user else None
    result = SyncResult(nodes=len(nodes), relationships=len(relationships))
    with GraphDatabase.driver(uri, auth=auth) as driver, driver.session(database=database) as session:
        session.run("CREATE CONSTRAINT psmakg_resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE")
        session.run("CREATE INDEX psmakg_resource_curie IF NOT EXISTS FOR (n:Resource) ON (n.curie)")
        for labels, group in _nodes_by_labels(nodes).items():
            label_clause = "".join(f":{_safe(label)}" for label in labels)
            query = (
                "UNWIND $rows AS row MERGE (n:Resource {iri: row.iri}) "
                f"SET n = row.properties, n{label_clause}, n.{SYNC_PROPERTY} = $run"
            )
            for batch in _batches([{"iri": n.iri, "properties": n.properties} for n in group], batch_size):
                session.run(query, rows=batch, run=run).consume()
        for rel_type, group in _relationships_by_type(relationships).items():
            query = (
                "UNWIND $rows AS row MATCH (a:Resource {iri: row.start}) MATCH (b:Resource {iri: row.end}) "
                f"MERGE (a)-[r:{_safe(rel_type)}]->(b) SET r.{SYNC_PROPERTY} = $run"
            )
            for batch in _batches([{"start": r.start, "end": r.end} for r in group], batch_size):
                session.run(query, rows=batch, run=run).consume()
        result.deleted_relationships = session.run(
            f"MATCH (:Resource)-[r]->(:Resource) WHERE r.{SYNC_PROPERTY} <> $run DELETE r RETURN count(r) AS n", run=run
        ).single()["n"]
        result.deleted_nodes = session.run(
            f"MATCH (n:Resource) WHERE n.{SYNC_PROPERTY} <> $run DETACH DELETE n RETURN count(n) AS n", run=run
        ).single()["n"]
    return result


def _nodes_by_labels(nodes: dict[str, Node]) -> dict[tuple[str, ...], list[Node]]:
    groups: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node in nodes.values():
        groups[tuple(sorted(node.labels))].append(node)
    return groups


def _relationships_by_type(relationships: set[Relationship]) -> dict[str, list[Relationship]]:
    groups: dict[str, list[Relationship]] = defaultdict(list)
    for relationship in sorted(relationships, key=lambda r: (r.type, r.start, r.end)):
        groups[relationship.type].append(relationship)
    return groups
