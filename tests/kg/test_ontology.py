"""The shipped ontology: it parses, holds what psma-kg needs, and every fact has a source."""

import csv

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.lexicon import default_lexicon
from kg.model import AGENT_CLASSES
from kg.ontology import load_ontology
from kg.vocab import ontology_graph
from ontology import ONTOLOGY_DIR, ONTOLOGY_TTL

# The canonical endpoints of the extraction format (shared/eval/FORMAT.md).
CANONICAL_ENDPOINTS = [
    "OS", "rPFS", "PFS", "PSA-PFS", "MFS", "PSA50", "PSA90", "PSA30", "any PSA decline", "ORR", "DCR",
    "CR", "DoR", "time to SSE", "HRQoL", "pain", "AE any grade", "AE grade>=3", "TRAE grade>=3", "DLT",
    "MTD", "sensitivity", "specificity", "PPV", "NPV", "accuracy", "detection rate", "CLR",
    "management change",
]  # fmt: skip


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def test_ontology_parses_with_one_base_iri():
    graph = Graph().parse(ONTOLOGY_TTL)
    assert len(graph) > 1000
    namespaces = dict(graph.namespaces())
    assert str(namespaces["psma"]).startswith("https://w3id.org/psma-kg/")
    assert str(namespaces["agent"]).startswith("https://w3id.org/psma-kg/")


def test_counts_the_issue_asks_for(ontology):
    assert len(ontology.agents) >= 60
    assert len(ontology.radionuclides) >= 15
    assert len(ontology.trials) >= 25
    adverse_events = [e for e in ontology.endpoints.values() if e.kind == "AdverseEvent"]
    assert len(adverse_events) >= 20


def test_every_canonical_endpoint_is_in_the_ontology(ontology):
    missing = [code for code in CANONICAL_ENDPOINTS if ontology.endpoint_by_code(code) is None]
    assert missing == []


def test_agent_classes_are_the_format_classes(ontology):
    assert {agent.kind for agent in ontology.agents.values()} == set(AGENT_CLASSES)


def test_radionuclides_have_emission_and_half_life(ontology):
    for nuclide in ontology.radionuclides.values():
        assert nuclide.emissions, nuclide.curie
        assert nuclide.half_life_hours > 0, nuclide.curie
    assert ontology.radionuclides["nuclide:Ac-225"].emissions == ("alpha",)
    assert ontology.radionuclides["nuclide:Tc-99m"].code == "Tc-99m"
    assert ontology.radionuclides["nuclide:Lu-177"].is_therapeutic
    assert not ontology.radionuclides["nuclide:Ga-68"].is_therapeutic


def test_radiolabelled_agents_match_their_nuclide(ontology):
    """A therapy carries a therapeutic nuclide, an imaging agent a diagnostic one."""
    for agent in ontology.agents.values():
        if agent.radionuclide is None:
            continue
        nuclide = ontology.radionuclides[agent.radionuclide]
        if agent.kind == "RadioligandTherapy":
            assert nuclide.is_therapeutic, agent.curie
        if agent.kind == "ImagingAgent":
            assert not nuclide.is_therapeutic or "gamma" in nuclide.emissions, agent.curie


def test_theranostic_partners_pair_imaging_with_therapy(ontology):
    pairs = [(a, ontology.agents[p]) for a in ontology.agents.values() for p in a.partners]
    assert len(pairs) >= 5
    for agent, partner in pairs:
        kinds = {agent.kind, partner.kind}
        assert kinds == {"RadioligandTherapy", "ImagingAgent"}, (agent.curie, partner.curie)
        shares_ligand = agent.ligand and agent.ligand == partner.ligand
        shares_target = agent.target and agent.target == partner.target
        assert shares_ligand or shares_target, (agent.curie, partner.curie)


def test_trials_name_agents_populations_and_valid_phases(ontology):
    for trial in ontology.trials.values():
        assert trial.agents, trial.curie
        assert trial.populations, trial.curie
        assert trial.phase in {None, "1", "1/2", "2", "2/3", "3", "4"}, trial.curie
    vision = ontology.trials["trial:VISION"]
    assert "nct:NCT03511664" in vision.registrations
    assert vision.comparators == ("agent:standard-of-care",)


def test_every_registration_and_xref_has_a_recorded_source(ontology):
    """Identifiers come only from ontology/sources/xrefs.tsv, where each row names its source."""
    with open(ONTOLOGY_DIR / "sources" / "xrefs.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert all(row["source"].strip() for row in rows)
    confirmed = {row["identifier"].removeprefix("HGNC:") for row in rows}
    for trial in ontology.trials.values():
        for registration in trial.registrations:
            assert registration.partition(":")[2] in confirmed, (trial.curie, registration)
    for entity in ontology.entities():
        for xref in entity.xrefs:
            assert xref.rpartition("/")[2].rpartition(":")[2] in confirmed, (entity.curie, xref)


@pytest.mark.parametrize(
    "spelling",
    [
        "177Lu-PSMA-617",
        "Lu-177-PSMA-617",
        "[177Lu]Lu-PSMA-617",
        "177Lu–PSMA-617",
        "lutetium-177 PSMA-617",
        "Pluvicto",
        "lutetium Lu 177 vipivotide tetraxetan",
        "AAA617",
        "¹⁷⁷Lu-PSMA-617",
        "177Lu-labeled PSMA-617",
    ],
)
def test_every_spelling_of_lu_psma_617_names_one_agent(spelling):
    assert default_lexicon().resolve(spelling) == "agent:lu177-psma-617"


def test_luPSMA_is_a_declared_shared_label():
    curies = {entry.curie for entry in default_lexicon().lookup("LuPSMA")}
    assert curies == {"agent:lu177-psma-617", "trial:LuPSMA"}


@pytest.mark.parametrize("fmt", ["json-ld", "nt", "xml"])
def test_ontology_round_trips_to_an_isomorphic_graph(fmt):
    graph = ontology_graph()
    again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
    assert isomorphic(graph, again)
    turtle_again = Graph().parse(data=again.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, turtle_again)
