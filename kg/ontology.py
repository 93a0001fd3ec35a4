"""The ontology as typed entities: agents, radionuclides, ligands, trials, endpoints, ..."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, SKOS, Graph, Literal, URIRef

from kg.curies import EXTERNAL_PREFIXES, Converter
from kg.errors import OntologyError
from kg.model import AGENT_CLASSES, Agent, Endpoint, Entity, Ligand, Radionuclide, Trial
from kg.vocab import PSMA, namespaces, ontology_graph


@dataclass(frozen=True)
class Ontology:
    """Every curated entity of psma.ttl, by CURIE."""

    graph: Graph
    converter: Converter
    agents: dict[str, Agent] = field(default_factory=dict)
    radionuclides: dict[str, Radionuclide] = field(default_factory=dict)
    ligands: dict[str, Ligand] = field(default_factory=dict)
    targets: dict[str, Entity] = field(default_factory=dict)
    diseases: dict[str, Entity] = field(default_factory=dict)
    trials: dict[str, Trial] = field(default_factory=dict)
    endpoints: dict[str, Endpoint] = field(default_factory=dict)
    emission_types: dict[str, Entity] = field(default_factory=dict)

    def entities(self) -> Iterator[Entity]:
        """Every curated entity, agents first."""
        for table in (
            self.agents,
            self.radionuclides,
            self.ligands,
            self.targets,
            self.diseases,
            self.trials,
            self.endpoints,
            self.emission_types,
        ):
            yield from table.values()

    def entity(self, curie: str) -> Entity:
        """The entity of a CURIE; KeyError names the CURIE when unknown."""
        try:
            return self._by_curie()[curie]
        except KeyError:
            raise KeyError(f"no entity {curie} in the ontology") from None

    @cache  # noqa: B019 - the ontology is immutable and lives for the process
    def _by_curie(self) -> dict[str, Entity]:
        return {entity.curie: entity for entity in self.entities()}

    def endpoint_by_code(self, code: str) -> Endpoint | None:
        """The endpoint whose canonical code is ``code`` (``OS``, ``AE:dry mouth``)."""
        return self._endpoint_codes().get(code)

    @cache  # noqa: B019 - the ontology is immutable and lives for the process
    def _endpoint_codes(self) -> dict[str, Endpoint]:
        return {endpoint.code: endpoint for endpoint in self.endpoints.values()}

    def __hash__(self) -> int:
        return id(self)


@cache
def load_ontology() -> Ontology:
    """The shipped ontology, parsed once per process."""
    return build_ontology(ontology_graph())


def build_ontology(graph: Graph) -> Ontology:
    """Read the curated individuals of an ontology graph into typed entities."""
    converter = Converter({**EXTERNAL_PREFIXES, **namespaces()})
    reader = _Reader(graph, converter)
    ontology = Ontology(graph=graph, converter=converter)
    for cls in AGENT_CLASSES:
        for node in reader.instances(PSMA[cls]):
            ontology.agents[reader.curie(node)] = Agent(
                **reader.entity_fields(node, cls),
                radionuclide=reader.optional_curie(node, PSMA.hasRadionuclide),
                ligand=reader.optional_curie(node, PSMA.hasLigand),
                target=reader.optional_curie(node, PSMA.targets),
                partners=reader.curies(node, PSMA.theranosticPartner),
                choice_of=reader.curies(node, PSMA.choiceOf),
            )
    for node in reader.instances(PSMA.Radionuclide):
        ontology.radionuclides[reader.curie(node)] = Radionuclide(
            **reader.entity_fields(node, "Radionuclide"),
            symbol=reader.required_literal(node, PSMA.elementSymbol),
            element=reader.required_literal(node, PSMA.elementName),
            mass_number=int(reader.required_literal(node, PSMA.massNumber)),
            metastable=bool(reader.optional_literal(node, PSMA.metastable)),
            emissions=tuple(sorted(reader.pref_label(emission) for emission in graph.objects(node, PSMA.emissionType))),
            half_life_hours=float(reader.required_literal(node, PSMA.halfLifeHours)),
        )
    for node in reader.instances(PSMA.Ligand):
        ontology.ligands[reader.curie(node)] = Ligand(
            **reader.entity_fields(node, "Ligand"), target=reader.optional_curie(node, PSMA.targets)
        )
    for cls, table in (
        (PSMA.Target, ontology.targets),
        (PSMA.Disease, ontology.diseases),
        (PSMA.EmissionType, ontology.emission_types),
    ):
        for node in reader.instances(cls):
            table[reader.curie(node)] = Entity(**reader.entity_fields(node, reader.local_name(cls)))
    for node in reader.instances(PSMA.ClinicalTrial):
        ontology.trials[reader.curie(node)] = Trial(
            **reader.entity_fields(node, "ClinicalTrial"),
            phase=reader.optional_literal(node, PSMA.phase),
            design=reader.literals(node, PSMA.design),
            registrations=reader.literals(node, PSMA.trialRegistration),
            agents=reader.curies(node, PSMA.evaluatesAgent),
            comparators=reader.curies(node, PSMA.comparator),
            populations=reader.curies(node, PSMA.inPopulation),
        )
    for cls in (PSMA.Endpoint, PSMA.AdverseEvent, PSMA.AbsorbedDose):
        for node in reader.instances(cls):
            ontology.endpoints[reader.curie(node)] = Endpoint(
                **reader.entity_fields(node, reader.local_name(cls)),
                code=reader.required_literal(node, PSMA.code),
            )
    return ontology


class _Reader:
    """Small typed accessors over the ontology graph that fail with the entity's name."""

    def __init__(self, graph: Graph, converter: Converter):
        self.graph = graph
        self.converter = converter

    def instances(self, cls: URIRef) -> list[URIRef]:
        return sorted(node for node in self.graph.subjects(RDF.type, cls) if isinstance(node, URIRef))

    def curie(self, node: URIRef) -> str:
        return self.converter.compress(str(node))

    def local_name(self, node: URIRef) -> str:
        return self.curie(node).partition(":")[2]

    def pref_label(self, node: URIRef) -> str:
        labels = [str(o) for o in self.graph.objects(node, SKOS.prefLabel)]
        if len(labels) != 1:
            raise OntologyError(f"{self.curie(node)} has {len(labels)} skos:prefLabel, expected exactly one")
        return labels[0]

    def entity_fields(self, node: URIRef, kind: str) -> dict:
        return {
            "curie": self.curie(node),
            "kind": kind,
            "label": self.pref_label(node),
            "alt_labels": self.literals(node, SKOS.altLabel),
            "shared_labels": self.literals(node, PSMA.sharedLabel),
            "xrefs": tuple(sorted(self.curie(o) for o in self.graph.objects(node, SKOS.exactMatch))),
        }

    def literals(self, node: URIRef, prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in self.graph.objects(node, prop) if isinstance(o, Literal)))

    def curies(self, node: URIRef, prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(self.curie(o) for o in self.graph.objects(node, prop) if isinstance(o, URIRef)))

    def optional_literal(self, node: URIRef, prop: URIRef):
        values = [o for o in self.graph.objects(node, prop) if isinstance(o, Literal)]
        if len(values) > 1:
            raise OntologyError(f"{self.curie(node)} has {len(values)} values of {self.curie(prop)}, expected one")
        return values[0].toPython() if values else None

    def required_literal(self, node: URIRef, prop: URIRef):
        value = self.optional_literal(node, prop)
        if value is None:
            raise OntologyError(f"{self.curie(node)} has no {self.curie(prop)}")
        return value

    def optional_curie(self, node: URIRef, prop: URIRef) -> str | None:
        values = self.curies(node, prop)
        if len(values) > 1:
            raise OntologyError(f"{self.curie(node)} has {len(values)} values of {self.curie(prop)}, expected one")
        return values[0] if values else None
