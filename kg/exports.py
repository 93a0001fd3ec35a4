"""Exports of the graph: RDF formats, a CSV evidence table, GraphML, and Neo4j bulk-import CSVs."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from kg.property_graph import property_graph
from kg.store import GraphStore
from kg.vocab import PSMA
from ontology import ONTOLOGY_DIR

RDF_FORMATS = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "jsonld": "jsonld"}
FORMATS = (*RDF_FORMATS, "csv", "graphml", "neo4j-csv")
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"


def export_rdf(store: GraphStore, fmt: str) -> bytes:
    """The graph in an RDF format: N-Quads keeps the named graphs, the others are the union."""
    from pyoxigraph import RdfFormat

    if fmt == "nquads":
        return store.store.dump(format=RdfFormat.N_QUADS)
    triples = store.store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    if fmt == "ntriples":
        return triples.serialize(format=RdfFormat.N_TRIPLES)
    if fmt == "turtle":
        prefixes = {k: v for k, v in json.loads(CONTEXT_PATH.read_text())["@context"].items() if isinstance(v, str)
                    and v.startswith("http")}  # fmt: skip
        from pyoxigraph import serialize

        return serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes)
    if fmt == "jsonld":
        graph = store.to_rdflib()
        context = json.loads(CONTEXT_PATH.read_text())["@context"]
        return graph.serialize(format="json-ld", context=context, auto_compact=True).encode()
    raise ValueError(f"unknown RDF format {fmt!r}; one of {sorted(RDF_FORMATS)}")


EVIDENCE_COLUMNS = ("publication", "trial", "arm", "subgroup", "agent", "endpoint", "statistic", "value", "unit", "hr",
                    "ci_low", "ci_high", "ci_level", "p_value", "status", "grade", "note", "sentence", "start",
                    "end")  # fmt: skip

EVIDENCE_QUERY = f"""
PREFIX psma: <{PSMA.namespace}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?publication ?trial ?arm ?subgroup (GROUP_CONCAT(DISTINCT ?agent_label; separator="; ") AS ?agent) ?endpoint
       ?statistic ?value ?unit ?hr ?ci_low ?ci_high ?ci_level ?p_value ?status ?grade ?note ?sentence ?start ?end
WHERE {{
  ?pub psma:reportsMeasurement ?m ; dcterms:identifier ?publication .
  ?m psma:ofEndpoint ?e ; psma:statistic ?statistic ; psma:status ?status .
  ?e psma:code ?endpoint .
  FILTER NOT EXISTS {{ ?m psma:negated true }}
  OPTIONAL {{ ?m psma:inTrial ?t . ?t skos:prefLabel ?trial }}
  OPTIONAL {{ ?m psma:forArm ?a . ?a psma:armLabel ?arm
             OPTIONAL {{ ?a psma:armIncludesAgent ?ag . ?ag skos:prefLabel ?agent_label }} }}
  OPTIONAL {{ ?m psma:value ?value }} OPTIONAL {{ ?m psma:unit ?unit }} OPTIONAL {{ ?m psma:ratio ?hr }}
  OPTIONAL {{ ?m psma:ciLow ?ci_low }} OPTIONAL {{ ?m psma:ciHigh ?ci_high }} OPTIONAL {{ ?m psma:ciLevel ?ci_level }}
  OPTIONAL {{ ?m psma:pValue ?p_value }} OPTIONAL {{ ?m psma:grade ?grade }} OPTIONAL {{ ?m psma:note ?note }}
  OPTIONAL {{ ?m psma:subgroup ?subgroup }}
  OPTIONAL {{ ?m psma:hasEvidence ?ev . ?ev psma:sentence ?sentence ; oa:hasTarget/oa:hasSelector ?sel .
             ?sel oa:start ?start ; oa:end ?end }}
}}
GROUP BY ?m ?publication ?trial ?arm ?subgroup ?endpoint ?statistic ?value ?unit ?hr ?ci_low ?ci_high ?ci_level
         ?p_value ?status ?grade ?note ?sentence ?start ?end
ORDER BY ?publication ?start ?endpoint ?arm
"""


def evidence_rows(store: GraphStore) -> list[dict[str, str]]:
    """One row per measurement (and agent of its arm), with its evidence sentence."""
    rows = []
    for solution in store.query(EVIDENCE_QUERY):
        rows.append({name: (solution[name].value if solution[name] is not None else "") for name in EVIDENCE_COLUMNS})
    return rows


def export_csv(store: GraphStore) -> bytes:
    """The evidence table as CSV (UTF-8, header row)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVIDENCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(evidence_rows(store))
    return buffer.getvalue().encode()


def export_graphml(store: GraphStore) -> bytes:
    """The agent-trial-endpoint view as GraphML (opens in Cytoscape and Gephi)."""
    from kg.views import agent_trial_endpoint_graph

    graph = agent_trial_endpoint_graph(store)
    for _a, _b, data in graph.edges(data=True):
        data["publications"] = ";".join(data["publications"])
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def _neo4j_type(values: list) -> str:
    sample = next((v for v in values if v is not None), "")
    inner = sample[0] if isinstance(sample, list) and sample else sample
    kind = "boolean" if isinstance(inner, bool) else "long" if isinstance(inner, int) else (
        "double" if isinstance(inner, float) else "string")  # fmt: skip
    return kind + ("[]" if isinstance(sample, list) else "")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v).replace(";", ",") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def export_neo4j_csv(store: GraphStore, folder: str | Path) -> list[Path]:
    """CSV files in the header format of ``neo4j-admin database import`` (one per label set and type)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nodes, relationships = property_graph(store.to_rdflib())
    by_labels: dict[tuple[str, ...], list] = defaultdict(list)
    for node in nodes.values():
        by_labels[tuple(sorted(node.labels))].append(node)
    written = []
    for labels, group in sorted(by_labels.items()):
        keys = sorted({k for n in group for k in n.properties if k != "iri"})
        header = ["iri:ID"] + [f"{k}:{_neo4j_type([n.properties.get(k) for n in group])}" for k in keys] + [":LABEL"]
        path = folder / f"nodes_{'_'.join(labels)}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for node in sorted(group, key=lambda n: n.iri):
                writer.writerow([node.iri, *(_cell(node.properties.get(k)) for k in keys), ";".join(labels)])
        written.append(path)
    by_type: dict[str, list] = defaultdict(list)
    for relationship in relationships:
        by_type[relationship.type].append(relationship)
    for rel_type, group in sorted(by_type.items()):
        path = folder / f"relationships_{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([":START_ID", ":END_ID", ":TYPE"])
            for rel in sorted(group, key=lambda r: (r.start, r.end)):
                writer.writerow([rel.start, rel.end, rel_type])
        written.append(path)
    return written


def export(store: GraphStore, fmt: str, output: str | Path | None = None) -> bytes | list[Path]:
    """Any export by name; ``neo4j-csv`` writes a folder and returns its files."""
    if fmt in RDF_FORMATS:
        return export_rdf(store, fmt)
    if fmt == "csv":
        return export_csv(store)
    if fmt == "graphml":
        return export_graphml(store)
    if fmt == "neo4j-csv":
        return export_neo4j_csv(store, output or "neo4j-import")
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
