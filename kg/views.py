"""networkx views of the graph: agent-trial-endpoint graph, co-mention network, paths and rankings.

Every edge carries ``publications``: the ids of the documents that support it.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations, pairwise

import networkx as nx

from kg.ontology import load_ontology
from kg.store import GraphStore
from kg.vocab import PSMA

_DCT = "http://purl.org/dc/terms/"
_SKOS = "http://www.w3.org/2004/02/skos/core#"


def _curie(iri: str) -> str:
    return load_ontology().converter.compress(iri)


def _label(store: GraphStore, iri: str, cache: dict[str, str]) -> str:
    if iri not in cache:
        rows = list(store.query(f"SELECT ?l WHERE {{ <{iri}> <{_SKOS}prefLabel> ?l }} LIMIT 1"))
        cache[iri] = rows[0]["l"].value if rows else _curie(iri)
    return cache[iri]


def _kind(iri: str) -> str:
    curie = _curie(iri)
    prefix = curie.partition(":")[0]
    return {"agent": "agent", "trial": "trial", "endpoint": "endpoint", "ae": "endpoint", "organ": "endpoint",
            "disease": "disease"}.get(prefix, "entity")  # fmt: skip


def agent_trial_endpoint_graph(store: GraphStore) -> nx.Graph:
    """Agents linked to the trials that study them and trials (or agents) to the endpoints they report."""
    graph = nx.Graph()
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    rows = store.query(
        f"""SELECT ?doc ?agent ?trial WHERE {{
            ?pub <{_DCT}identifier> ?doc .
            OPTIONAL {{ ?pub <{PSMA.studiesAgent}> ?agent }}
            OPTIONAL {{ ?pub <{PSMA.reportsTrial}> ?trial }} }}"""
    )
    trials_of: dict[str, set[str]] = defaultdict(set)
    agents_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        doc = row["doc"].value
        if row["agent"] is not None:
            agents_of[doc].add(row["agent"].value)
        if row["trial"] is not None:
            trials_of[doc].add(row["trial"].value)
    for doc, trials in trials_of.items():
        for trial in trials:
            for agent in agents_of.get(doc, ()):
                support[(agent, trial)].add(doc)
    for row in store.query(
        f"""SELECT ?doc ?endpoint WHERE {{
            ?pub <{_DCT}identifier> ?doc ; <{PSMA.reportsMeasurement}> ?m .
            ?m <{PSMA.ofEndpoint}> ?endpoint ; <{PSMA.status}> "reported" .
            FILTER NOT EXISTS {{ ?m <{PSMA.negated}> true }} }}"""
    ):
        doc, endpoint = row["doc"].value, row["endpoint"].value
        sources = trials_of.get(doc) or agents_of.get(doc, ())
        for source in sources:
            support[(source, endpoint)].add(doc)
    for (a, b), docs in support.items():
        for node in (a, b):
            if node not in graph:
                graph.add_node(_curie(node), label=_label(store, node, labels), kind=_kind(node))
        graph.add_edge(_curie(a), _curie(b), publications=sorted(docs), weight=len(docs))
    return graph


def co_mention_graph(store: GraphStore) -> nx.Graph:
    """Agents, trials and diseases linked when one publication names both; weight = publications."""
    graph = nx.Graph()
    labels: dict[str, str] = {}
    mentioned: dict[str, set[str]] = defaultdict(set)
    for row in store.query(
        f"""SELECT ?doc ?x WHERE {{ ?pub <{_DCT}identifier> ?doc .
            {{ ?pub <{PSMA.mentionsAgent}> ?x }} UNION {{ ?pub <{PSMA.reportsTrial}> ?x }}
            UNION {{ ?pub <{PSMA.reportsTrial}> ?t . ?t <{PSMA.inPopulation}> ?x }} }}"""
    ):
        mentioned[row["doc"].value].add(row["x"].value)
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc, entities in mentioned.items():
        for entity in entities:
            graph.add_node(_curie(entity), label=_label(store, entity, labels), kind=_kind(entity))
        for a, b in combinations(sorted(entities), 2):
            support[(a, b)].add(doc)
    for (a, b), docs in support.items():
        graph.add_edge(_curie(a), _curie(b), publications=sorted(docs), weight=len(docs))
    return graph


def neighbourhood(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The entities within ``radius`` hops of ``node`` (KeyError names an unknown node)."""
    if node not in graph:
        raise KeyError(f"{node} is not in the graph")
    return nx.ego_graph(graph, node, radius=radius)


def evidence_path(graph: nx.Graph, source: str, target: str) -> list[dict]:
    """The shortest path between two entities, each hop with its supporting publications."""
    for node in (source, target):
        if node not in graph:
            raise KeyError(f"{node} is not in the graph")
    nodes = nx.shortest_path(graph, source, target)
    return [{"from": a, "to": b, "publications": graph.edges[a, b]["publications"]} for a, b in pairwise(nodes)]


def agents_by_trials(graph: nx.Graph) -> list[tuple[str, int]]:
    """Agents ranked by the number of trials linked to them."""
    ranking = [
        (node, sum(1 for n in graph.neighbors(node) if graph.nodes[n].get("kind") == "trial"))
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "agent"
    ]
    return sorted(ranking, key=lambda item: (-item[1], item[0]))


def trials_by_publications(store: GraphStore) -> list[tuple[str, int]]:
    """Trials ranked by the number of publications that report them."""
    rows = store.query(f"SELECT ?t (COUNT(DISTINCT ?pub) AS ?n) WHERE {{ ?pub <{PSMA.reportsTrial}> ?t }} GROUP BY ?t")
    ranking = [(_curie(row["t"].value), int(row["n"].value)) for row in rows]
    return sorted(ranking, key=lambda item: (-item[1], item[0]))
