"""Extractions and document metadata as RDF in the ontology's terms (one named graph per document).

IRIs are deterministic: curated entities keep their ontology IRI; a publication's IRI comes
from its PMID or DOI; measurements, arms and evidence get IRIs from a hash of the document
and what they say, so the same input always gives the same triples.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ingest.document import Document
from kg.lexicon import normalize_label
from kg.model import Evidence, ExtractedAgent, ExtractedTrial, Extraction, Measurement
from kg.ontology import load_ontology
from kg.vocab import PSMA, namespaces

OA = Namespace("http://www.w3.org/ns/oa#")
BIBO = Namespace("http://purl.org/ontology/bibo/")


def base_iri() -> str:
    """The project's base IRI (the namespace of ``agent:`` minus ``agent/``)."""
    return namespaces()["agent"].removesuffix("agent/")


def new_trial_iri(label: str) -> str:
    """The IRI of a trial the ontology does not know, named ``label`` in the text."""
    return f"{base_iri()}trial/new/{quote(normalize_label(label), safe='')}"


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


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _iri(value: str) -> str:
    """An IRI as an N-Triples term."""
    return f"<{value}>"


def _literal(value: object, datatype: URIRef | None = None) -> str:
    """A literal as an N-Triples term, as rdflib writes ``Literal(value, datatype=datatype)``.

    A plain string is written directly (most literals are, and are new in each document); any other
    value goes through rdflib's Literal once, which keeps its datatypes and lexical forms.

    >>> print(_literal('say "hi"\\n'), _literal(False), _literal("0.5", XSD.decimal))
    "say \\"hi\\"\\n" "false"^^<http://www.w3.org/2001/XMLSchema#boolean> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>
    """
    if datatype is None and type(value) is str:
        return f'"{value.translate(_NT_ESCAPES)}"'
    return _typed_literal(type(value), value, datatype)


@lru_cache(maxsize=8192)
def _typed_literal(kind: type, value: object, datatype: URIRef | None) -> str:
    # ``kind`` keeps apart values that compare equal (True and 1), whose literals differ.
    term = Literal(value, datatype=datatype)
    text = f'"{str(term).translate(_NT_ESCAPES)}"'
    return f"{text}^^<{term.datatype}>" if term.datatype else text


class _Terms:
    """The terms of a namespace as N-Triples IRIs (``<...>``), each looked up once.

    An unknown name fails as the namespace fails; a known one becomes a plain attribute.
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = _iri(self._namespace[name])
        setattr(self, name, value)
        return value


_psma, _rdf, _dcterms, _prov, _skos, _oa, _bibo = map(_Terms, (PSMA, RDF, DCTERMS, PROV, SKOS, OA, BIBO))
_DECIMAL, _INTEGER = XSD.decimal, XSD.integer


@lru_cache(maxsize=4096)
def _expand(curie: str) -> str:
    """The IRI of a CURIE, as an N-Triples term."""
    return _iri(load_ontology().converter.expand(curie))


class _Builder:
    """Collects the N-Triples lines of one document, in order and without repeats."""

    def __init__(self, document: Document, extraction: Extraction, extractor_version: str):
        self.document = document
        self.extraction = extraction
        self.lines: dict[str, None] = {}
        #: The node of each evidence built: measurements read from one sentence share it, and its triples.
        self.evidence_nodes: dict[Evidence, str] = {}
        self.base = base_iri()
        self.publication = _iri(publication_iri(document))
        self.extractor_version = extractor_version

    def add(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.lines[f"{s} {p} {o} .\n"] = None

    def iri(self, kind: str, *parts: object) -> str:
        return _iri(f"{self.base}{kind}/{_hash(self.document.id, *parts)}")

    def build(self, content: str) -> str:
        document, publication = self.document, self.publication
        self.add(publication, _rdf.type, _psma.Publication)
        self.add(publication, _dcterms.identifier, _literal(document.id))
        self.add(publication, _dcterms.title, _literal(document.title))
        if document.pmid:
            self.add(publication, _psma.pmid, _literal(document.pmid))
        if document.doi:
            self.add(publication, _bibo.doi, _literal(document.doi))
        if document.journal:
            self.add(publication, _psma.journal, _literal(document.journal))
        if document.year:
            self.add(publication, _psma.year, _literal(str(document.year), datatype=XSD.gYear))
        self.add(publication, _psma.contentHash, _literal(content))
        for agent in self.extraction.agents:
            node = self.agent(agent)
            self.add(publication, _psma.mentionsAgent, node)
            if agent.role in ("investigational", "comparator"):
                self.add(publication, _psma.studiesAgent, node)
        trials = [self.trial(trial) for trial in self.extraction.trials]
        for trial in trials:
            self.add(publication, _psma.reportsTrial, trial)
        main_trial = trials[0] if trials else None
        if main_trial is not None:
            self.add(publication, _psma.mainTrial, main_trial)
            patients = self.extraction.trials[0].n_patients
            if patients:
                self.add(publication, _psma.studyPatients, _literal(patients, datatype=_INTEGER))
        for disease in self.extraction.diseases:
            resolved = _resolve(disease)
            if resolved and main_trial is not None:
                self.add(main_trial, _psma.inPopulation, _expand(resolved))
        arms: dict[str, str] = {}
        for measurement in self.extraction.measurements:
            node = self.measurement(measurement, main_trial, arms)
            self.add(publication, _psma.reportsMeasurement, node)
        return "".join(self.lines)

    def agent(self, agent: ExtractedAgent) -> str:
        if agent.curie:
            return _expand(agent.curie)
        node = _iri(f"{self.base}agent/new/{quote(normalize_label(agent.label), safe='')}")
        self.add(node, _rdf.type, getattr(_psma, agent.agent_class))
        self.add(node, _skos.prefLabel, _literal(agent.label))
        self.add(node, _psma.curated, _literal(False))
        if agent.radionuclide:
            self.add(node, _psma.hasRadionuclide, _expand(f"nuclide:{agent.radionuclide}"))
        return node

    def trial(self, trial: ExtractedTrial) -> str:
        if trial.curie:
            return _expand(trial.curie)
        node = _iri(new_trial_iri(trial.label))
        self.add(node, _rdf.type, _psma.ClinicalTrial)
        self.add(node, _skos.prefLabel, _literal(trial.label))
        self.add(node, _psma.curated, _literal(False))
        for registration in trial.registrations:
            self.add(node, _psma.trialRegistration, _literal(registration))
        return node

    def arm(self, label: str, trial: str | None, arms: dict[str, str]) -> str:
        if label in arms:
            return arms[label]
        node = self.iri("arm", label)
        arms[label] = node
        self.add(node, _rdf.type, _psma.TrialArm)
        self.add(node, _psma.armLabel, _literal(label))
        if trial is not None:
            self.add(trial, _psma.hasArm, node)
        for part in label.split(" + "):
            # (an arm named with its cohort, "acapatamab (cohort S)", includes the agent before the bracket)
            resolved = _resolve(part) or _resolve(_TRAILING_BRACKET.sub("", part))
            if resolved and resolved.startswith("agent:"):
                self.add(node, _psma.armIncludesAgent, _expand(resolved))
        return node

    def measurement(self, m: Measurement, trial: str | None, arms: dict[str, str]) -> str:
        evidence = m.evidence
        node = self.iri(
            "measurement", evidence.start if evidence else "", evidence.end if evidence else "", m.endpoint,
            m.arm, m.statistic, m.value, m.hr, m.status, m.negated, m.grade,
            *((m.subgroup,) if m.subgroup else ()),  # (measurements of no subgroup keep the IRIs they had)
        )  # fmt: skip
        self.add(node, _rdf.type, _psma.Measurement)
        endpoint = load_ontology().endpoint_by_code(m.endpoint)
        if endpoint is not None:
            self.add(node, _psma.ofEndpoint, _expand(endpoint.curie))
        if m.arm:
            self.add(node, _psma.forArm, self.arm(m.arm, trial, arms))
        if trial is not None:
            self.add(node, _psma.inTrial, trial)
        self.add(node, _psma.statistic, _literal(m.statistic))
        self.add(node, _psma.status, _literal(m.status))
        for prop, value in (
            (_psma.value, m.value), (_psma.ratio, m.hr), (_psma.ciLow, m.ci_low), (_psma.ciHigh, m.ci_high),
            (_psma.ciLevel, m.ci_level),
        ):  # fmt: skip
            if value is not None:
                self.add(node, prop, _literal(_decimal(value), datatype=_DECIMAL))
        for prop, value in (
            (_psma.unit, m.unit), (_psma.pValue, m.p_value), (_psma.grade, m.grade), (_psma.note, m.note),
            (_psma.subgroup, m.subgroup),
        ):  # fmt: skip
            if value:
                self.add(node, prop, _literal(value))
        if m.negated:
            self.add(node, _psma.negated, _literal(True))
        if evidence is not None:
            self.add(node, _psma.hasEvidence, self.evidence(evidence))
        return node

    def evidence(self, evidence: Evidence) -> str:
        built = self.evidence_nodes.get(evidence)
        if built is not None:
            return built  # (its lines are in already)
        node = self.evidence_nodes[evidence] = self.iri("evidence", evidence.start, evidence.end)
        target = self.iri("evidence-target", evidence.start, evidence.end)
        position = self.iri("selector", evidence.start, evidence.end)
        quote_selector = self.iri("quote", evidence.start, evidence.end)
        extractor = _extractor_iri(self.base, evidence.extractor, evidence.version)
        sentence = _literal(evidence.sentence)
        self.add(node, _rdf.type, _psma.Evidence)
        self.add(node, _rdf.type, _oa.Annotation)
        self.add(node, _oa.hasTarget, target)
        self.add(node, _psma.sentence, sentence)
        self.add(node, _psma.confidence, _literal(_decimal(evidence.confidence), datatype=_DECIMAL))
        self.add(node, _prov.wasAttributedTo, extractor)
        self.add(extractor, _rdf.type, _psma.Extractor)
        self.add(extractor, _skos.prefLabel, _literal(evidence.extractor))
        self.add(extractor, _psma.extractorVersion, _literal(evidence.version))
        self.add(target, _rdf.type, _oa.SpecificResource)
        self.add(target, _oa.hasSource, self.publication)
        self.add(target, _oa.hasSelector, position)
        self.add(target, _oa.hasSelector, quote_selector)
        self.add(position, _rdf.type, _oa.TextPositionSelector)
        self.add(position, _oa.start, _literal(evidence.start, datatype=_INTEGER))
        self.add(position, _oa.end, _literal(evidence.end, datatype=_INTEGER))
        self.add(quote_selector, _rdf.type, _oa.TextQuoteSelector)
        self.add(quote_selector, _oa.exact, sentence)
        return node


@lru_cache(maxsize=64)
def _extractor_iri(base: str, extractor: str, version: str) -> str:
    """The node of an extractor at a version (one or two in a whole ingest)."""
    return _iri(f"{base}extractor/{quote(extractor)}/{quote(version)}")


_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)$")


def _decimal(value: float) -> str:
    return format(float(value), "f").rstrip("0").rstrip(".") if "e" not in repr(value) else repr(value)


def _resolve(label: str) -> str | None:
    from kg.lexicon import default_lexicon

    return default_lexicon().resolve(label)


def document_ntriples(
    document: Document, extraction: Extraction, extractor_version: str, *, hashed: str | None = None
) -> str:
    """The triples of one document as N-Triples text, ready for the store: publication, agents,
    trials, arms, measurements and evidence.

    The text is written directly, without rdflib terms in between (~4x faster); ``document_graph``
    gives the same triples as an rdflib Graph. ``hashed`` is the document's ``content_hash``, when the
    caller has it already.
    """
    hashed = hashed or content_hash(document, extractor_version)
    return _Builder(document, extraction, extractor_version).build(hashed)


def document_graph(document: Document, extraction: Extraction, extractor_version: str) -> Graph:
    """The RDF of one document as an rdflib Graph."""
    return Graph().parse(data=document_ntriples(document, extraction, extractor_version), format="nt")
