"""Extractions and document metadata as RDF in the ontology's terms (one named graph per document).

IRIs are deterministic: curated entities keep their ontology IRI; a publication's IRI comes
from its PMID or DOI; measurements, arms and evidence get IRIs from a hash of the document
and what they say, so the same input always gives the same triples.
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ingest.document import Document
from kg.lexicon import normalize_label
from kg.model import Evidence, ExtractedAgent, ExtractedTrial, Extraction, Measurement
from kg.ontology import load_ontology
from kg.vocab import PSMA, namespaces

OA = "http://www.w3.org/ns/oa#"


@cache
def _oa(name: str) -> URIRef:
    """A term of the Web Annotation vocabulary."""
    return URIRef(OA + name)


BIBO_DOI = URIRef("http://purl.org/ontology/bibo/doi")
OA_ANNOTATION = _oa("Annotation")
OA_SPECIFIC = _oa("SpecificResource")
OA_POSITION = _oa("TextPositionSelector")
OA_QUOTE = _oa("TextQuoteSelector")


def base_iri() -> str:
    """The project's base IRI (the namespace of ``agent:`` minus ``agent/``)."""
    return namespaces()["agent"].removesuffix("agent/")


def graph_iri(document_id: str) -> URIRef:
    """The named graph of one document."""
    return URIRef(f"{base_iri()}graph/{quote(document_id, safe='')}")


ONTOLOGY_GRAPH_NAME = "ontology"


def ontology_graph_iri() -> URIRef:
    return URIRef(f"{base_iri()}graph/{ONTOLOGY_GRAPH_NAME}")


def publication_iri(document: Document) -> URIRef:
    """PubMed IRI from the PMID, else the DOI's IRI, else one under the project's base."""
    converter = load_ontology().converter
    if document.pmid and document.pmid.isdigit():
        return converter.expand(f"pmid:{document.pmid}")
    if document.doi:
        return converter.expand(f"doi:{document.doi}")
    return URIRef(f"{base_iri()}publication/{quote(document.id, safe='')}")


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def content_hash(document: Document, extractor_version: str) -> str:
    """What decides whether a stored document must be replaced: its text, metadata and the extractor."""
    payload = document.model_dump_json(exclude={"source", "record_index", "offset_map", "original"})
    return f"v{document.version}-{_hash(payload, extractor_version, _ontology_version())}"


def hash_version(content: str) -> int:
    """The document version recorded in a content hash ("v2-..." -> 2)."""
    head = content.partition("-")[0]
    return int(head[1:]) if head[1:].isdigit() else 1


@cache
def _ontology_version() -> str:
    graph = load_ontology().graph
    return next((str(v) for v in graph.objects(None, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))), "")


@lru_cache(maxsize=8192)
def _cached_literal(kind: type, value: object, datatype: URIRef | None) -> Literal:
    return Literal(value, datatype=datatype)


def _literal(value: object, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, datatype=datatype)``, made once per value: building a document repeats most of its
    literals (statuses, units, the extractor, each evidence sentence twice), and rdflib's constructor is slow."""
    return _cached_literal(type(value), value, datatype)


class _Builder:
    """Collects the triples of one document, in order and without repeats."""

    def __init__(self, document: Document, extraction: Extraction, extractor_version: str):
        self.document = document
        self.extraction = extraction
        self.triples: dict[tuple, None] = {}
        self.base = base_iri()
        self.expand = load_ontology().converter.expand
        self.publication = publication_iri(document)
        self.extractor_version = extractor_version

    def add(self, s, p, o) -> None:
        if o is not None:
            self.triples[(s, p, o if isinstance(o, URIRef | Literal) else _literal(o))] = None

    def iri(self, kind: str, *parts: object) -> URIRef:
        return URIRef(f"{self.base}{kind}/{_hash(self.document.id, *parts)}")

    def build(self, content: str) -> list[tuple]:
        document, publication = self.document, self.publication
        self.add(publication, RDF.type, PSMA.Publication)
        self.add(publication, DCTERMS.identifier, _literal(document.id))
        self.add(publication, DCTERMS.title, _literal(document.title))
        if document.pmid:
            self.add(publication, PSMA.pmid, _literal(document.pmid))
        if document.doi:
            self.add(publication, BIBO_DOI, _literal(document.doi))
        if document.journal:
            self.add(publication, PSMA.journal, _literal(document.journal))
        if document.year:
            self.add(publication, PSMA.year, _literal(str(document.year), datatype=XSD.gYear))
        self.add(publication, PSMA.contentHash, _literal(content))
        for agent in self.extraction.agents:
            node = self.agent(agent)
            self.add(publication, PSMA.mentionsAgent, node)
            if agent.role in ("investigational", "comparator"):
                self.add(publication, PSMA.studiesAgent, node)
        trials = [self.trial(trial) for trial in self.extraction.trials]
        for trial in trials:
            self.add(publication, PSMA.reportsTrial, trial)
        main_trial = trials[0] if trials else None
        if main_trial is not None:
            self.add(publication, PSMA.mainTrial, main_trial)
            patients = self.extraction.trials[0].n_patients
            if patients:
                self.add(publication, PSMA.studyPatients, _literal(patients, datatype=XSD.integer))
        for disease in self.extraction.diseases:
            resolved = _resolve(disease)
            if resolved and main_trial is not None:
                self.add(main_trial, PSMA.inPopulation, self.expand(resolved))
        arms: dict[str, URIRef] = {}
        for measurement in self.extraction.measurements:
            node = self.measurement(measurement, main_trial, arms)
            self.add(publication, PSMA.reportsMeasurement, node)
        return list(self.triples)

    def agent(self, agent: ExtractedAgent) -> URIRef:
        if agent.curie:
            return self.expand(agent.curie)
        node = URIRef(f"{self.base}agent/new/{quote(normalize_label(agent.label), safe='')}")
        self.add(node, RDF.type, PSMA[agent.agent_class])
        self.add(node, SKOS.prefLabel, _literal(agent.label))
        self.add(node, PSMA.curated, _literal(False))
        if agent.radionuclide:
            self.add(node, PSMA.hasRadionuclide, self.expand(f"nuclide:{agent.radionuclide}"))
        return node

    def trial(self, trial: ExtractedTrial) -> URIRef:
        if trial.curie:
            return self.expand(trial.curie)
        node = URIRef(f"{self.base}trial/new/{quote(normalize_label(trial.label), safe='')}")
        self.add(node, RDF.type, PSMA.ClinicalTrial)
        self.add(node, SKOS.prefLabel, _literal(trial.label))
        self.add(node, PSMA.curated, _literal(False))
        for registration in trial.registrations:
            self.add(node, PSMA.trialRegistration, _literal(registration))
        return node

    def arm(self, label: str, trial: URIRef | None, arms: dict[str, URIRef]) -> URIRef:
        if label in arms:
            return arms[label]
        node = self.iri("arm", label)
        arms[label] = node
        self.add(node, RDF.type, PSMA.TrialArm)
        self.add(node, PSMA.armLabel, _literal(label))
        if trial is not None:
            self.add(trial, PSMA.hasArm, node)
        for part in label.split(" + "):
            resolved = _resolve(part)
            if resolved and resolved.startswith("agent:"):
                self.add(node, PSMA.armIncludesAgent, self.expand(resolved))
        return node

    def measurement(self, m: Measurement, trial: URIRef | None, arms: dict[str, URIRef]) -> URIRef:
        evidence = m.evidence
        node = self.iri(
            "measurement", evidence.start if evidence else "", evidence.end if evidence else "", m.endpoint,
            m.arm, m.statistic, m.value, m.hr, m.status, m.negated, m.grade,
        )  # fmt: skip
        self.add(node, RDF.type, PSMA.Measurement)
        endpoint = load_ontology().endpoint_by_code(m.endpoint)
        if endpoint is not None:
            self.add(node, PSMA.ofEndpoint, self.expand(endpoint.curie))
        if m.arm:
            self.add(node, PSMA.forArm, self.arm(m.arm, trial, arms))
        if trial is not None:
            self.add(node, PSMA.inTrial, trial)
        self.add(node, PSMA.statistic, _literal(m.statistic))
        self.add(node, PSMA.status, _literal(m.status))
        for prop, value in (
            (PSMA.value, m.value), (PSMA.ratio, m.hr), (PSMA.ciLow, m.ci_low), (PSMA.ciHigh, m.ci_high),
            (PSMA.ciLevel, m.ci_level),
        ):  # fmt: skip
            if value is not None:
                self.add(node, prop, _literal(_decimal(value), datatype=XSD.decimal))
        for prop, value in ((PSMA.unit, m.unit), (PSMA.pValue, m.p_value), (PSMA.grade, m.grade), (PSMA.note, m.note)):
            if value:
                self.add(node, prop, _literal(value))
        if m.negated:
            self.add(node, PSMA.negated, _literal(True))
        if evidence is not None:
            self.add(node, PSMA.hasEvidence, self.evidence(evidence))
        return node

    def evidence(self, evidence: Evidence) -> URIRef:
        node = self.iri("evidence", evidence.start, evidence.end)
        target = self.iri("evidence-target", evidence.start, evidence.end)
        position = self.iri("selector", evidence.start, evidence.end)
        quote_selector = self.iri("quote", evidence.start, evidence.end)
        extractor = URIRef(f"{self.base}extractor/{quote(evidence.extractor)}/{quote(evidence.version)}")
        self.add(node, RDF.type, PSMA.Evidence)
        self.add(node, RDF.type, OA_ANNOTATION)
        self.add(node, _oa("hasTarget"), target)
        self.add(node, PSMA.sentence, _literal(evidence.sentence))
        self.add(node, PSMA.confidence, _literal(_decimal(evidence.confidence), datatype=XSD.decimal))
        self.add(node, PROV.wasAttributedTo, extractor)
        self.add(extractor, RDF.type, PSMA.Extractor)
        self.add(extractor, SKOS.prefLabel, _literal(evidence.extractor))
        self.add(extractor, PSMA.extractorVersion, _literal(evidence.version))
        self.add(target, RDF.type, OA_SPECIFIC)
        self.add(target, _oa("hasSource"), self.publication)
        self.add(target, _oa("hasSelector"), position)
        self.add(target, _oa("hasSelector"), quote_selector)
        self.add(position, RDF.type, OA_POSITION)
        self.add(position, _oa("start"), _literal(evidence.start, datatype=XSD.integer))
        self.add(position, _oa("end"), _literal(evidence.end, datatype=XSD.integer))
        self.add(quote_selector, RDF.type, OA_QUOTE)
        self.add(quote_selector, _oa("exact"), _literal(evidence.sentence))
        return node


def _decimal(value: float) -> str:
    return format(float(value), "f").rstrip("0").rstrip(".") if "e" not in repr(value) else repr(value)


def _resolve(label: str) -> str | None:
    from kg.lexicon import default_lexicon

    return default_lexicon().resolve(label)


def document_triples(document: Document, extraction: Extraction, extractor_version: str) -> list[tuple]:
    """The triples of one document: publication, agents, trials, arms, measurements and evidence."""
    return _Builder(document, extraction, extractor_version).build(content_hash(document, extractor_version))


def document_ntriples(document: Document, extraction: Extraction, extractor_version: str) -> str:
    """The triples of one document as N-Triples text, ready for the store."""
    return ntriples(document_triples(document, extraction, extractor_version))


def document_graph(document: Document, extraction: Extraction, extractor_version: str) -> Graph:
    """The RDF of one document as an rdflib Graph."""
    graph = Graph()
    for triple in document_triples(document, extraction, extractor_version):
        graph.add(triple)
    return graph


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(term) -> str:
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_NT_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return f"<{term}>"


def ntriples(triples: list[tuple]) -> str:
    """N-Triples text of rdflib terms, written directly (rdflib's serializer is ~5x slower here).

    >>> print(ntriples([(URIRef("https://e.org/a"), SKOS.prefLabel, Literal('say "hi"\\n'))]), end="")
    <https://e.org/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "say \\"hi\\"\\n" .
    >>> print(ntriples([(URIRef("https://e.org/a"), PSMA.curated, Literal(False))]), end="")
    <https://e.org/a> <https://w3id.org/psma-kg/ontology#curated> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .
    """
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o in triples)
