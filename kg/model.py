"""Frozen, typed domain models of psma-kg: the curated entities of the ontology."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

#: Modality classes of an agent, as named in the ontology and the extraction format.
AGENT_CLASSES: tuple[str, ...] = (
    "RadioligandTherapy",
    "ImagingAgent",
    "AntibodyDrugConjugate",
    "CARTCellTherapy",
    "CARNKCellTherapy",
    "BispecificAntibody",
    "Chemotherapy",
    "HormonalTherapy",
    "OtherAgent",
)


class Frozen(BaseModel):
    """Base of every model: immutable, hashable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Entity(Frozen):
    """A curated individual of the ontology."""

    curie: str
    kind: str
    label: str
    alt_labels: tuple[str, ...] = ()
    shared_labels: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The preferred label, then every alternative and shared label."""
        return (self.label, *self.alt_labels, *self.shared_labels)


class Radionuclide(Entity):
    symbol: str
    element: str
    mass_number: int
    metastable: bool = False
    emissions: tuple[str, ...] = ()
    half_life_hours: float

    @property
    def code(self) -> str:
        """The nuclide as the extraction format writes it: ``Lu-177``, ``Tc-99m``."""
        return f"{self.symbol}-{self.mass_number}{'m' if self.metastable else ''}"

    @property
    def is_therapeutic(self) -> bool:
        """Alpha, beta-minus or Auger emitters without a positron: used for therapy."""
        return bool({"alpha", "beta-minus", "Auger and conversion electrons"} & set(self.emissions)) and (
            "positron" not in self.emissions
        )


class Ligand(Entity):
    target: str | None = None


class Agent(Entity):
    radionuclide: str | None = None
    ligand: str | None = None
    target: str | None = None
    partners: tuple[str, ...] = ()
    choice_of: tuple[str, ...] = ()


class Trial(Entity):
    phase: str | None = None
    design: tuple[str, ...] = ()
    registrations: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    comparators: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()


class Endpoint(Entity):
    code: str


# --- Extractions: what the extractor finds in one document ---------------------------------


class Evidence(Frozen):
    """Where a fact was read: document, sentence and character offsets, and by what."""

    document: str
    start: int
    end: int
    sentence: str
    extractor: str
    version: str
    confidence: float = 1.0


class ExtractedAgent(Frozen):
    """An agent named in a document: a curated entity (``curie``) or a new, uncurated radioligand."""

    label: str
    agent_class: str
    curie: str | None = None
    radionuclide: str | None = None
    role: str = "mentioned"
    curated: bool = True
    evidence: Evidence | None = None


class ExtractedTrial(Frozen):
    """A trial named in a document (by name or registry id), with the facts the text states."""

    label: str
    curie: str | None = None
    registrations: tuple[str, ...] = ()
    phase: str | None = None
    n_patients: int | None = None
    design: tuple[str, ...] = ()
    randomization_ratio: str | None = None
    evidence: Evidence | None = None


def arm_with_subgroup(arm: str | None, subgroup: str | None) -> str:
    """An arm and the subgroup a value is for, as the record format and the tables write them:
    "177Lu-PSMA-617, liver metastases" (either alone when the other is missing)."""
    return ", ".join(part for part in (arm, subgroup) if part)


class Measurement(Frozen):
    """One number for one endpoint (and arm), reported or planned, with its evidence."""

    endpoint: str
    statistic: str
    arm: str | None = None
    #: The part of the arm's population the value is for ("liver metastases", "PSA <0.5 ng/mL"), if not all of it.
    subgroup: str | None = None
    value: float | None = None
    unit: str | None = None
    hr: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    p_value: str | None = None
    status: str = "reported"
    negated: bool = False
    grade: str | None = None
    note: str | None = None
    evidence: Evidence | None = None


class Extraction(Frozen):
    """Everything extracted from one document."""

    document: str
    title: str = ""
    agents: tuple[ExtractedAgent, ...] = ()
    trials: tuple[ExtractedTrial, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    diseases: tuple[str, ...] = ()
    comparators: tuple[str, ...] = ()
