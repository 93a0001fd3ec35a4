"""Response models of the API, one group per resource."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

#: OpenAPI description of the RDF alternatives of an entity resource.
RDF_RESPONSES = {200: {"content": {"application/ld+json": {}, "text/turtle": {}}}}


class Public(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Paged(Public):
    """The envelope of every list route: ``count`` is the total that matches, ``data`` the page at ``offset``."""

    count: int
    offset: int = 0
    limit: int = 50


class Health(Public):
    status: str = Field(examples=["ok"])
    documents: int = Field(examples=[68])


class Stats(Public):
    publications: int
    agents: int
    trials: int
    measurements: int
    reported: int
    planned: int
    evidence: int
    triples: int


class EvidenceRow(Public):
    """One measurement with its evidence (the CSV evidence table, as JSON)."""

    publication: str = Field(examples=["demo:001"])
    trial: str = Field(examples=["VISION"])
    arm: str = Field(examples=["177Lu-PSMA-617 + standard of care"])
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
    grade: str = ""
    note: str = ""
    sentence: str = Field(examples=["Overall survival was also extended (median, 15.3 vs. 11.3 months; ...)."])
    start: str = Field(examples=["1407"])
    end: str = Field(examples=["1534"])


class EvidenceRows(Paged):
    data: list[EvidenceRow]


class AgentSummary(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    modality: str = Field(examples=["RadioligandTherapy"])


class AgentsPublic(Paged):
    data: list[AgentSummary]


class Radionuclide(Public):
    id: str
    label: str = Field(examples=["Lu-177"])
    emission: list[str] = Field(examples=[["beta-minus", "gamma"]])
    half_life_hours: float = Field(examples=[159.53])


class Ref(Public):
    id: str
    label: str


class AgentPublic(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    alt_labels: list[str]
    modality: str
    radionuclide: Radionuclide | None
    ligand: Ref | None
    target: str | None
    theranostic_partners: list[Ref]
    trials: list[str]
    publications: list[str]
    measurements: list[EvidenceRow]
    adverse_events: list[EvidenceRow]


class TrialSummary(Public):
    id: str = Field(examples=["trial:VISION"])
    label: str = Field(examples=["VISION"])
    phase: str | None = Field(examples=["3"])


class TrialsPublic(Paged):
    data: list[TrialSummary]


class Enrolment(Public):
    """The patients of a trial's study as one publication states them."""

    publication: str = Field(examples=["demo:001"])
    patients: int = Field(examples=[831])


class TrialPublic(Public):
    id: str = Field(examples=["trial:VISION"])
    label: str = Field(examples=["VISION"])
    phase: str | None
    design: list[str]
    registrations: list[str] = Field(examples=[["nct:NCT03511664"]])
    agents: list[Ref]
    comparators: list[Ref]
    populations: list[str]
    enrolled: list[Enrolment]
    arms: list[str]
    results: list[EvidenceRow]
    publications: list[str]


class SearchHit(Public):
    id: str = Field(examples=["agent:lu177-psma-617"])
    label: str = Field(examples=["177Lu-PSMA-617"])
    matched: str = Field(examples=["Pluvicto"])
    kind: str = Field(examples=["RadioligandTherapy"])
    score: float = Field(examples=[1.0])


class SearchResults(Paged):
    data: list[SearchHit]


class EndpointSummary(Public):
    id: str = Field(examples=["endpoint:OS"])
    code: str = Field(examples=["OS"])
    label: str = Field(examples=["overall survival"])
    kind: str
    measurements: int


class EndpointsPublic(Paged):
    data: list[EndpointSummary]


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
