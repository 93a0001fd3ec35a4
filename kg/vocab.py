"""Python names for the ontology's terms, derived from ontology/psma.ttl (never typed twice).

``PSMA.Agent`` is the IRI of the class ``psma:Agent``; a name the ontology does not
define raises ``AttributeError`` on first use, so a typo cannot reach the graph.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, Namespace, URIRef

from ontology import ONTOLOGY_TTL

ONTOLOGY_PREFIX = "psma"


@cache
def ontology_graph() -> Graph:
    """The parsed ontology (parsed once per process)."""
    graph = Graph()
    graph.parse(ONTOLOGY_TTL, format="turtle")
    return graph


@cache
def namespaces() -> dict[str, str]:
    """Prefix -> namespace of every prefix declared in psma.ttl."""
    return {prefix: str(ns) for prefix, ns in ontology_graph().namespaces() if prefix}


class OntologyNamespace:
    """A namespace whose attributes are only the terms declared in the ontology."""

    def __init__(self, prefix: str):
        self._prefix = prefix
        self._iris: dict[str, URIRef] = {}  # terms looked up: graph building asks ~100 times a document

    @property
    def namespace(self) -> Namespace:
        """The rdflib namespace behind this vocabulary."""
        return Namespace(namespaces()[self._prefix])

    @property
    def terms(self) -> frozenset[str]:
        """Local names of every term this namespace declares."""
        return _declared_terms(self._prefix)

    def term(self, name: str) -> URIRef:
        """The IRI of a declared term; an undeclared name raises AttributeError."""
        iri = self._iris.get(name)
        if iri is None:
            if name not in self.terms:
                raise AttributeError(f"{self._prefix}:{name} is not declared in {ONTOLOGY_TTL.name}")
            iri = self._iris[name] = self.namespace[name]
        return iri

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.term(name)

    def __getitem__(self, name: str) -> URIRef:
        return self.term(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.terms


@cache
def _declared_terms(prefix: str) -> frozenset[str]:
    """Every term of the namespace that the ontology describes (is the subject of a triple)."""
    base = namespaces()[prefix]
    return frozenset(
        str(subject)[len(base) :]
        for subject in set(ontology_graph().subjects())
        if isinstance(subject, URIRef) and str(subject).startswith(base) and len(str(subject)) > len(base)
    )


PSMA = OntologyNamespace(ONTOLOGY_PREFIX)
