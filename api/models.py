"""Response models of the API, one group per resource."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_ERRORS = {400: "The request cannot be answered as asked (the detail says why)", 401: "A valid API token is missing",
           403: "Write routes are off on this server", 404: "No such entity in the ontology or the store",
           408: "The SPARQL query ran longer than the server's time limit",
           413: "The answer (or the body) is larger than the server's limit"}  # fmt: skip


def problems(*statuses: int) -> dict[int, dict]:
    """OpenAPI entries of the errors a route answers (as problem documents: see api.problems)."""
    return {status: {"description": _ERRORS[status]} for status in statuses}


_RDF_EXAMPLES = {
    "application/ld+json": {"@context": {"psma": "https://w3id.org/psma-kg/ontology#"},
                            "@id": "agent:lu177-psma-617", "skos:prefLabel": "177Lu-PSMA-617"},
    "text/turtle": "agent:lu177-psma-617 skos:prefLabel \"177Lu-PSMA-617\" ; psma:hasRadionuclide nuclide:Lu-177 .\n",
}  # fmt: skip
#: OpenAPI description of the RDF alternatives of an entity resource, and its errors.
RDF_RESPONSES = {
    200: {"content": {media: {"schema": {"type": "object" if media.endswith("json") else "string"}, "example": example}
                      for media, example in _RDF_EXAMPLES.items()}},
    **problems(404),
}  # fmt: skip


class Public(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Paged(Public):
    """The envelope of every list route: ``count`` is the total that matches, ``data`` the page at ``offset``."""

    count: int = Field(examples=[33])
    offset: int = Field(0, examples=[0])
    limit: int = Field(50, examples=[50])


class Problem(Public):
    """An error, as an RFC 9457 problem document (application/problem+json)."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no agent named 'lutetium'; try /search?q=lutetium"])


class Health(Public):
    status: str = Field(examples=["ok"])
    documents: int = Field(examples=[68])


class Stats(Public):
    publications: int = Field(examples=[73])
    agents: int = Field(examples=[55])
    trials: int = Field(examples=[26])
    measurements: int = Field(examples=[292])
    reported: int = Field(examples=[286])
    planned: int = Field(examples=[6])
    evidence: int = Field(examples=[131])
    triples: int = Field(examples=[8347])


class EvidenceRow(Public):
    """One measurement with its evidence (the CSV evidence table, as JSON)."""

    publication: str = Field(examples=["demo:001"])
    trial: str = Field(examples=["VISION"])
    arm: str = Field(examples=["177Lu-PSMA-617 + standard of care"])
    subgroup: str = Field("", description="The part of the arm's patients the value is for, if not all of them",
                          examples=["", "liver metastases", "PSA <0.5 ng/mL"])  # fmt: skip
    agent: str = Field(examples=["177Lu-PSMA-617; standard of care"])
    endpoint: str = Field(examples=["OS"])
    statistic: str = Field(examples=["median"])
    value: str = Field(examples=["15.3"])
    unit: str = Field(examples=["months"])
    hr: str = Field(examples=["0.62"])
    ci_low: str = Field(examples=["0.52"])
    ci_high: str = Field(examples=["0.74"])
    ci_level: str = Field(examples=["95"])
    p_value: str = Field(examples=["<0.001"])
    status: str = Field(examples=["reported"])
    grade: str = Field("", examples=[""])
    note: str = Field("", examples=[""])
    sentence: str = Field(examples=["Overall survival was also extended (median, 15.3 vs. 11.3 months; ...)."])
    start: str = Field(examples=["1407"])
    end: str = Field(examples=["1534"])


class EvidenceRows(Paged):
    data: list[EvidenceRow]
    count: int = Field(examples=[6])


class AgentSummary(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    modality: str = Field(examples=["RadioligandTherapy"])


class AgentsPublic(Paged):
    data: list[AgentSummary]
    count: int = Field(examples=[82])


class Radionuclide(Public):
    id: str = Field(examples=["nuclide:Lu-177"])
    label: str = Field(examples=["Lu-177"])
    emission: list[str] = Field(examples=[["beta-minus", "gamma"]])
    half_life_hours: float = Field(examples=[159.53])


class Ref(Public):
    id: str = Field(examples=["ligand:PSMA-617"])
    label: str = Field(examples=["PSMA-617"])


class AgentPublic(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    alt_labels: list[str] = Field(examples=[["AAA617", "Pluvicto", "lutetium Lu 177 vipivotide tetraxetan"]])
    modality: str = Field(examples=["RadioligandTherapy"])
    radionuclide: Radionuclide | None
    ligand: Ref | None
    target: str | None = Field(examples=["target:PSMA"])
    theranostic_partners: list[Ref]
    trials: list[str] = Field(examples=[["trial:VISION", "trial:TheraP"]])
    publications: list[str] = Field(examples=[["demo:001", "demo:002"]])
    measurements: list[EvidenceRow]
    adverse_events: list[EvidenceRow]


class TrialSummary(Public):
    id: str = Field(examples=["trial:VISION"])
    label: str = Field(examples=["VISION"])
    phase: str | None = Field(examples=["3"])


class TrialsPublic(Paged):
    data: list[TrialSummary]
    count: int = Field(examples=[33])


class Enrolment(Public):
    """The patients of a trial's study as one publication states them."""

    publication: str = Field(examples=["demo:001"])
    patients: int = Field(examples=[831])


class TrialPublic(Public):
    id: str = Field(examples=["trial:VISION"])
    label: str = Field(examples=["VISION"])
    phase: str | None = Field(examples=["3"])
    design: list[str] = Field(examples=[["multicenter", "open-label", "randomized"]])
    registrations: list[str] = Field(examples=[["nct:NCT03511664"]])
    agents: list[Ref]
    comparators: list[Ref]
    populations: list[str] = Field(examples=[["mCRPC"]])
    enrolled: list[Enrolment]
    arms: list[str] = Field(examples=[["177Lu-PSMA-617 + standard of care", "standard of care"]])
    results: list[EvidenceRow]
    publications: list[str] = Field(examples=[["demo:001", "demo:023", "demo:063"]])


class SearchHit(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    matched: str = Field(examples=["Pluvicto"])
    kind: str = Field(examples=["RadioligandTherapy"])
    score: float = Field(examples=[1.01])


class SearchResults(Paged):
    data: list[SearchHit]
    count: int = Field(examples=[1])


class EndpointSummary(Public):
    id: str = Field(examples=["endpoint:OS"])
    code: str = Field(examples=["OS"])
    label: str = Field(examples=["overall survival"])
    kind: str = Field(examples=["Endpoint"])
    measurements: int = Field(examples=[19])


class EndpointsPublic(Paged):
    data: list[EndpointSummary]
    count: int = Field(examples=[72])


class PublicationPublic(Public):
    id: str = Field(examples=["demo:001"])
    iri: str = Field(examples=["https://doi.org/10.5555/psmakg.demo.001"])
    title: str | None = Field(examples=["Lutetium-177 PSMA-617 added to standard care ...: the VISION phase 3 trial"])
    journal: str | None = Field(examples=["New England Journal of Medicine"])
    year: str | None = Field(examples=["2021"])
    doi: str | None = Field(examples=["10.5555/psmakg.demo.001"])
    agents: list[str] = Field(examples=[["agent:ga68-psma-11", "agent:lu177-psma-617", "agent:standard-of-care"]])
    trials: list[str] = Field(examples=[["trial:VISION"]])
    measurements: list[EvidenceRow]


class GraphNode(Public):
    id: str = Field(examples=["trial:VISION"])
    label: str = Field(examples=["VISION"])
    kind: str = Field(examples=["trial"])


class GraphEdge(Public):
    source: str = Field(examples=["agent:lu177-psma-617"])
    target: str = Field(examples=["trial:VISION"])
    publications: list[str] = Field(examples=[["demo:001", "demo:063"]])


class Neighbourhood(Public):
    center: str = Field(examples=["trial:VISION"])
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class PathHop(Public):
    model_config = ConfigDict(populate_by_name=True)

    source: str = Field(alias="from", examples=["trial:VISION"])
    target: str = Field(alias="to", examples=["agent:lu177-psma-617"])
    publications: list[str] = Field(examples=[["demo:001"]])


class EvidencePath(Public):
    model_config = ConfigDict(populate_by_name=True)

    source: str = Field(alias="from", examples=["trial:VISION"])
    target: str = Field(alias="to", examples=["trial:TheraP"])
    hops: list[PathHop]


class IngestResponse(Public):
    records: list[dict[str, Any]] = Field(
        description="one extraction record per document (the format of psmakg extract)",
        examples=[[{"id": "text:5f1c0a9e", "title": "A scraped title",
                    "agents": [{"label": "177Lu-PSMA-617", "class": "RadioligandTherapy", "role": "intervention"}],
                    "trials": [], "measurements": [{"endpoint": "OS", "statistic": "median", "value": 15.3,
                                                    "unit": "months", "hr": 0.62}],
                    "diseases": [], "comparators": []}]],
    )  # fmt: skip
    stored: dict[str, str] = Field(examples=[{"text:5f1c0a9e": "added"}])
    skipped: list[str] = Field(examples=[[]])
    warnings: list[str] = Field(examples=[[]])


class OEmbed(Public):
    """An oEmbed 1.0 answer of type rich: an iframe of one of the /embed/ pages."""

    type: str = Field("rich", examples=["rich"])
    version: str = Field("1.0", examples=["1.0"])
    title: str = Field(examples=["Overall survival: hazard ratios (VISION, TheraP)"])
    provider_name: str = Field("psma-kg", examples=["psma-kg"])
    provider_url: str = Field(examples=["http://127.0.0.1:8000/"])
    html: str = Field(
        examples=[
            '<iframe src="http://127.0.0.1:8000/embed/forest?trials=VISION%2CTheraP&amp;endpoint=OS" width="612" '
            'height="276" title="Overall survival: hazard ratios (VISION, TheraP)" style="border:0;max-width:100%" '
            'loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
        ]
    )
    width: int = Field(examples=[612])
    height: int = Field(examples=[276])
    cache_age: int = Field(3600, examples=[3600])
