"""Run the SHACL shapes of ontology/shapes.ttl on a graph and report violations readably."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, SH, BNode, Graph, URIRef

from kg.errors import PsmaKgError
from kg.ontology import load_ontology
from kg.vocab import ontology_graph
from ontology import SHAPES_TTL


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, with names compressed to CURIEs."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        path = f" {self.path}:" if self.path else ""
        return f"{self.severity}: {self.focus}:{path} {self.message}{value}"


def shapes_graph() -> Graph:
    """The shipped SHACL shapes."""
    return Graph().parse(SHAPES_TTL, format="turtle")


def validate_graph(data: Graph) -> list[Violation]:
    """Every violation of the shapes in ``data``, read together with the ontology; [] when it conforms."""
    try:
        from pyshacl import validate
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise PsmaKgError("SHACL validation needs pyshacl: pip install 'psma-kg[shacl]'") from exc
    # The ontology is read with the data so that sh:class sees subclasses (RadioligandTherapy is an Agent).
    combined = Graph()
    for triple in ontology_graph():
        combined.add(triple)
    for triple in data:
        combined.add(triple)
    _conforms, results, _text = validate(
        combined,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    compress = load_ontology().converter.compress
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):

        def one(prop: URIRef, result=result) -> str:
            node = results.value(result, prop)
            if node is None:
                return ""
            if isinstance(node, BNode):
                return f"_:{str(node)[:8]}"
            return compress(str(node)) if isinstance(node, URIRef) else str(node)

        violations.append(
            Violation(
                focus=one(SH.focusNode),
                path=one(SH.resultPath),
                message=one(SH.resultMessage) or "violates " + one(SH.sourceConstraintComponent),
                value=one(SH.value),
                severity=one(SH.resultSeverity).rpartition(":")[2].rpartition("#")[2] or "Violation",
            )
        )
    return sorted(violations)


def validate_file(path: str | Path) -> list[Violation]:
    """Violations of a graph file in any RDF format rdflib reads (guessed from its extension)."""
    graph = Graph()
    graph.parse(str(path))
    return validate_graph(graph)
