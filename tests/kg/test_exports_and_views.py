"""Exports round-trip and say the same as the store; networkx views answer with their evidence."""

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from ingest import IngestReport
from kg import views
from kg.build import build_graph
from kg.exports import export
from kg.forest import forest_rows
from kg.stats import graph_stats
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store():
    store = GraphStore(in_memory=True)
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    return store


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_rdf_exports_are_isomorphic_to_the_store(store, fmt, rdflib_format):
    graph = Graph().parse(data=export(store, fmt), format=rdflib_format)
    assert isomorphic(graph, store.to_rdflib())


def test_nquads_keep_one_named_graph_per_document(store):
    dataset = Dataset()
    dataset.parse(data=export(store, "nquads"), format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert len([n for n in names if "/graph/demo%3A" in n]) == len(store.document_ids())
    assert any(n.endswith("/graph/ontology") for n in names)


def test_csv_evidence_table_has_one_row_per_measurement(store):
    rows = list(csv.DictReader(io.StringIO(export(store, "csv").decode())))
    assert len(rows) == graph_stats(store)["measurements"] - _negated(store)
    vision_os = [r for r in rows if r["trial"] == "VISION" and r["endpoint"] == "OS" and r["hr"]]
    assert vision_os and vision_os[0]["hr"] == "0.62" and vision_os[0]["ci_low"] == "0.52"
    assert "Overall survival" in vision_os[0]["sentence"] or "overall survival" in vision_os[0]["sentence"].lower()


def _negated(store) -> int:
    rows = store.query("SELECT (COUNT(?m) AS ?n) WHERE { ?m <https://w3id.org/psma-kg/ontology#negated> true }")
    return int(next(iter(rows))["n"].value)


def test_graphml_opens_as_the_agent_trial_endpoint_view(store):
    graph = nx.read_graphml(io.BytesIO(export(store, "graphml")))
    assert graph.nodes["agent:lu177-psma-617"]["kind"] == "agent"
    assert graph.has_edge("agent:lu177-psma-617", "trial:VISION")


def test_neo4j_bulk_csvs_have_admin_import_headers(store, tmp_path):
    files = export(store, "neo4j-csv", tmp_path / "import")
    nodes = [f for f in files if f.name.startswith("nodes_")]
    relationships = [f for f in files if f.name.startswith("relationships_")]
    assert nodes and relationships
    for path in nodes:
        header = path.read_text().splitlines()[0].split(",")
        assert header[0] == "iri:ID" and header[-1] == ":LABEL"
    assert relationships[0].read_text().splitlines()[0] == ":START_ID,:END_ID,:TYPE"
    ids = {row["iri:ID"] for path in nodes for row in csv.DictReader(path.open())}
    for path in relationships:
        for row in csv.DictReader(path.open()):
            assert row[":START_ID"] in ids and row[":END_ID"] in ids


def test_views_neighbourhood_path_and_rankings(store):
    graph = views.agent_trial_endpoint_graph(store)
    around = views.neighbourhood(graph, "trial:VISION")
    assert {"agent:lu177-psma-617", "endpoint:OS", "endpoint:rPFS"} <= set(around.nodes)
    assert "demo:001" in graph.edges["trial:VISION", "endpoint:OS"]["publications"]
    co = views.co_mention_graph(store)
    hops = views.evidence_path(co, "trial:VISION", "trial:TheraP")
    assert hops[0]["from"] == "trial:VISION" and hops[-1]["to"] == "trial:TheraP"
    assert all(hop["publications"] for hop in hops)
    assert views.agents_by_trials(graph)[0][0] == "agent:lu177-psma-617"
    assert dict(views.trials_by_publications(store))["trial:TheraP"] >= 2
    with pytest.raises(KeyError, match="not in the graph"):
        views.neighbourhood(graph, "agent:nothing")


def test_a_value_for_a_subgroup_names_it_in_the_graph_and_the_evidence_table(store):
    # the PSMA ADC phase 2 (NCT01695044) gives PSA50 for all treated men and for the chemotherapy-naive ones
    rows = list(csv.DictReader(io.StringIO(export(store, "csv").decode())))
    psa50 = {(r["value"], r["subgroup"]) for r in rows if r["trial"] == "NCT01695044" and r["endpoint"] == "PSA50"}
    assert ("21", "chemotherapy-naive") in psa50
    assert ("14", "") in psa50  # all treated men: no subgroup
    stored = store.query(
        "SELECT ?s WHERE { ?m <https://w3id.org/psma-kg/ontology#subgroup> ?s ; "
        "<https://w3id.org/psma-kg/ontology#value> 21.0 }"
    )
    assert {row["s"].value for row in stored} == {"chemotherapy-naive"}


def test_a_subgroup_ratio_is_plotted_under_its_own_name():
    rows = [
        {"trial": "T", "arm": "A", "endpoint": "OS", "hr": "0.70", "ci_low": "0.5", "ci_high": "0.9"},
        {"trial": "T", "arm": "A", "subgroup": "liver metastases", "endpoint": "OS", "hr": "0.90", "ci_low": "0.6",
         "ci_high": "1.3"},
    ]  # fmt: skip
    assert [row.name for row in forest_rows(rows)] == ["T", "T, liver metastases"]
