"""The RDF graph as a property graph (nodes with labels, relationships with types), for Neo4j.

Mapping, used by both the Neo4j bulk-import export and the Bolt sync:
- a node for every IRI typed with a class of the ontology; labels are its class and the
  class's ancestors (a RadioligandTherapy node is also an Agent); ``iri`` is its key and
  ``curie`` its short name;
- literals become properties named by the predicate's local name (``prefLabel`` is
  ``label``, ``altLabel`` is ``altLabels``); a property with several values is a list;
- object properties between two nodes become relationships typed in UPPER_SNAKE_CASE
  (psma:hasRadionuclide -> HAS_RADIONUCLIDE);
- evidence stays a node (label Evidence) whose Web Annotation target is folded into
  properties: ``document``, ``start``, ``end``, ``sentence``, ``confidence``, ``extractor``,
  ``extractorVersion``; it hangs off its measurement by HAS_EVIDENCE and points at its
  publication by FROM_PUBLICATION.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.ontology import load_ontology
from kg.vocab import PSMA, namespaces

_OA = "http://www.w3.org/ns/oa#"
_PROV = "http://www.w3.org/ns/prov#"
#: Properties that are lists even with one value, so that their type does not change with the data.
LIST_PROPERTIES = frozenset({"altLabels", "hiddenLabels", "sharedLabels", "design", "trialRegistration"})
_RENAMED = {"prefLabel": "label", "altLabel": "altLabels", "hiddenLabel": "hiddenLabels", "sharedLabel": "sharedLabels"}


@dataclass
class Node:
    iri: str
    labels: set[str] = field(default_factory=set)
    properties: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Relationship:
    start: str
    type: str
    end: str


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def relationship_type(predicate: str) -> str:
    """UPPER_SNAKE_CASE of a predicate's local name.

    >>> relationship_type("https://w3id.org/psma-kg/ontology#hasRadionuclide")
    'HAS_RADIONUCLIDE'
    """
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", _local(predicate)).upper()


def _ancestors(graph: Graph) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in graph.subject_objects(RDFS.subClassOf):
        if isinstance(child, URIRef) and isinstance(parent, URIRef):
            parents[str(child)].add(str(parent))
    closure: dict[str, set[str]] = {}

    def walk(cls: str) -> set[str]:
        if cls not in closure:
            closure[cls] = set()
            for parent in parents.get(cls, ()):
                closure[cls] |= {parent} | walk(parent)
        return closure[cls]

    return {cls: walk(cls) for cls in list(parents)}


def property_graph(graph: Graph) -> tuple[dict[str, Node], set[Relationship]]:
    """Nodes (by IRI) and relationships of an RDF graph that includes the ontology."""
    psma = namespaces()["psma"]
    ancestors = _ancestors(graph)
    ontology_classes = {str(c) for c in graph.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))}
    compress = load_ontology().converter.compress
    nodes: dict[str, Node] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        if not isinstance(subject, URIRef) or str(cls) not in ontology_classes or not str(cls).startswith(psma):
            continue
        node = nodes.setdefault(str(subject), Node(str(subject)))
        for name in {str(cls)} | ancestors.get(str(cls), set()):
            if name.startswith(psma):
                node.labels.add(_local(name))
        node.properties["iri"] = str(subject)
        node.properties["curie"] = compress(str(subject))
    relationships: set[Relationship] = set()
    multi: dict[tuple[str, str], list] = defaultdict(list)
    for subject, predicate, obj in graph:
        s = str(subject)
        if s not in nodes or predicate == RDF.type:
            continue
        if isinstance(obj, Literal):
            multi[(s, _RENAMED.get(_local(str(predicate)), _local(str(predicate))))].append(obj.toPython())
        elif str(obj) in nodes:
            relationships.add(Relationship(s, relationship_type(str(predicate)), str(obj)))
    for (s, name), values in multi.items():
        values = sorted(values, key=str)
        nodes[s].properties[name] = values if len(values) > 1 or name in LIST_PROPERTIES else values[0]
    _fold_evidence(graph, nodes, relationships)
    for node in nodes.values():
        for key, value in list(node.properties.items()):
            node.properties[key] = _plain(value)
    return nodes, relationships


def _fold_evidence(graph: Graph, nodes: dict[str, Node], relationships: set[Relationship]) -> None:
    oa = lambda name: URIRef(_OA + name)  # noqa: E731
    for iri, node in nodes.items():
        if "Evidence" not in node.labels:
            continue
        target = graph.value(URIRef(iri), oa("hasTarget"))
        if target is None:
            continue
        source = graph.value(target, oa("hasSource"))
        if source is not None:
            node.properties["document"] = (
                nodes[str(source)].properties.get("identifier") if str(source) in nodes else str(source)
            )
            if str(source) in nodes:
                relationships.add(Relationship(iri, "FROM_PUBLICATION", str(source)))
        for selector in graph.objects(target, oa("hasSelector")):
            start, end = graph.value(selector, oa("start")), graph.value(selector, oa("end"))
            if start is not None and end is not None:
                node.properties["start"], node.properties["end"] = int(start), int(end)
        extractor = graph.value(URIRef(iri), URIRef(_PROV + "wasAttributedTo"))
        if extractor is not None:
            node.properties["extractor"] = str(
                graph.value(extractor, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
            )
            node.properties["extractorVersion"] = str(graph.value(extractor, PSMA.extractorVersion))
        relationships.discard(Relationship(iri, "WAS_ATTRIBUTED_TO", str(extractor)))


def _plain(value):
    """Values Neo4j and CSV take: str, int, float, bool, or lists of one of them."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool | int | float | str):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
