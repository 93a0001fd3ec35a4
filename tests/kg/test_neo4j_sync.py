"""The Neo4j mirror, against a real Neo4j server over Bolt: same counts as SPARQL, idempotent, no stale data."""

from pathlib import Path

import pytest
from neo4j import GraphDatabase

from ingest import IngestReport
from kg.build import build_graph
from kg.neo4j_sync import sync_to_neo4j
from kg.stats import graph_stats
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def neo4j(neo4j_server):
    with GraphDatabase.driver(neo4j_server.uri, auth=None) as driver:
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        yield driver
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")


def count(driver, cypher: str) -> int:
    records, _summary, _keys = driver.execute_query(cypher)
    return records[0][0]


def test_sync_matches_sparql_counts_and_is_idempotent(tmp_path, neo4j, neo4j_server):
    store = GraphStore(tmp_path / "s")
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    stats = graph_stats(store)
    first = sync_to_neo4j(store, neo4j_server.uri)
    counts = {
        "publications": count(neo4j, "MATCH (n:Publication) RETURN count(n)"),
        "measurements": count(neo4j, "MATCH (n:Measurement) RETURN count(n)"),
        "evidence": count(neo4j, "MATCH (n:Evidence) RETURN count(n)"),
        "agents": count(neo4j, "MATCH (:Publication)-[:MENTIONS_AGENT]->(a:Agent) RETURN count(DISTINCT a)"),
        "trials": count(neo4j, "MATCH (:Publication)-[:REPORTS_TRIAL]->(t:ClinicalTrial) RETURN count(DISTINCT t)"),
    }
    assert counts == {name: stats[name] for name in counts}
    nodes = count(neo4j, "MATCH (n) RETURN count(n)")
    relationships = count(neo4j, "MATCH ()-[r]->() RETURN count(r)")
    second = sync_to_neo4j(store, neo4j_server.uri)
    assert (second.deleted_nodes, second.deleted_relationships) == (0, 0)
    assert count(neo4j, "MATCH (n) RETURN count(n)") == nodes == first.nodes
    assert count(neo4j, "MATCH ()-[r]->() RETURN count(r)") == relationships == first.relationships
    vision_os = neo4j.execute_query(
        "MATCH (t:ClinicalTrial {label: 'VISION'})<-[:IN_TRIAL]-(m:Measurement)"
        "-[:OF_ENDPOINT]->(:Endpoint {code: 'OS'}) WHERE m.ratio IS NOT NULL RETURN m.ratio AS hr"
    ).records
    assert [r["hr"] for r in vision_os] == [0.62]


def test_a_removed_document_leaves_nothing_stale(tmp_path, neo4j, neo4j_server):
    store = GraphStore(tmp_path / "s")
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    sync_to_neo4j(store, neo4j_server.uri)
    assert count(neo4j, "MATCH (p:Publication {identifier: 'demo:001'}) RETURN count(p)") == 1
    store.remove("demo:001")
    result = sync_to_neo4j(store, neo4j_server.uri)
    assert result.deleted_nodes > 0 and result.deleted_relationships > 0
    assert count(neo4j, "MATCH (p:Publication {identifier: 'demo:001'}) RETURN count(p)") == 0
    assert count(neo4j, "MATCH (e:Evidence {document: 'demo:001'}) RETURN count(e)") == 0
    assert count(neo4j, "MATCH (n:Publication) RETURN count(n)") == graph_stats(store)["publications"]


def test_readme_cypher_examples_return_what_they_say(tmp_path, neo4j, neo4j_server):
    import re

    store = GraphStore(tmp_path / "s")
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    sync_to_neo4j(store, neo4j_server.uri)
    block = re.search(r"```cypher\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    queries = [q.strip() for q in re.split(r"^//.*$", block, flags=re.M) if q.strip()]
    hrs, agents = (neo4j.execute_query(q).records for q in queries)
    assert [r["hr"] for r in hrs] == [0.62]
    assert {"225Ac-PSMA-617", "213Bi-PSMA-617", "227Th-PSMA-TTC"} <= {r["agent"] for r in agents}
