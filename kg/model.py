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


class Trial(Entity):
    phase: str | None = None
    design: tuple[str, ...] = ()
    registrations: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    comparators: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()


class Endpoint(Entity):
    code: str
