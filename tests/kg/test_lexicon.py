"""The lexicon derived from the ontology: spellings, normalization, collisions."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import OntologyError
from kg.lexicon import build_lexicon, default_lexicon, normalize_label
from kg.ontology import build_ontology
from kg.vocab import PSMA, ontology_graph


def test_shipped_ontology_has_no_label_collision():
    lexicon = default_lexicon()
    assert len(lexicon) > 1000
    # Only derived spellings may be ambiguous, and they are left out of the lexicon.
    for key in lexicon.ambiguous:
        assert not lexicon.lookup(key)


@pytest.mark.parametrize(
    ("text", "curie"),
    [
        ("[68Ga]Ga-PSMA-11", "agent:ga68-psma-11"),
        ("gallium Ga 68 gozetotide", "agent:ga68-psma-11"),
        ("[18F]DCFPyL", "agent:f18-dcfpyl"),
        ("piflufolastat F 18", "agent:f18-dcfpyl"),
        ("225Ac-PSMA-617", "agent:ac225-psma-617"),
        ("actinium-225 PSMA-617", "agent:ac225-psma-617"),
        ("177Lu-PSMA-I&T", "agent:lu177-psma-iandt"),
        ("radiographic progression-free survival", "endpoint:rPFS"),
        ("imaging-based PFS", "endpoint:rPFS"),
        ("xerostomia", "ae:dry-mouth"),
        ("metastatic castration-resistant prostate cancer", "disease:mCRPC"),
        ("FOLH1", "target:PSMA"),
        ("Tc-99m", "nuclide:Tc-99m"),
    ],
)
def test_labels_resolve(text, curie):
    assert default_lexicon().resolve(text) == curie


def test_normalization_handles_unicode_from_web_pages():
    assert normalize_label("［¹⁷⁷Lu］Lu‑PSMA－617") == normalize_label("[177Lu]Lu-PSMA-617")


def _ontology_with(extra: list[tuple]) -> Graph:
    graph = Graph()
    for triple in ontology_graph():
        graph.add(triple)
    for triple in extra:
        graph.add(triple)
    return graph


def test_a_label_on_two_entities_is_an_error_naming_both():
    j591 = URIRef(str(PSMA.namespace).replace("ontology#", "agent/lu177-j591"))
    graph = _ontology_with([(j591, SKOS.altLabel, Literal("Pluvicto"))])
    with pytest.raises(OntologyError) as error:
        build_lexicon(build_ontology(graph))
    assert "agent:lu177-psma-617" in str(error.value)
    assert "agent:lu177-j591" in str(error.value)
    assert "'pluvicto'" in str(error.value)


def test_a_label_declared_shared_by_both_entities_is_allowed():
    base = str(PSMA.namespace).replace("ontology#", "")
    graph = _ontology_with(
        [
            (URIRef(base + "agent/lu177-j591"), PSMA.sharedLabel, Literal("Lu-mAb")),
            (URIRef(base + "agent/lu177-psma-617"), PSMA.sharedLabel, Literal("Lu-mAb")),
        ]
    )
    lexicon = build_lexicon(build_ontology(graph))
    assert len(lexicon.lookup("lu-mab")) == 2
    assert lexicon.resolve("lu-mab") is None


@pytest.mark.parametrize(
    ("text", "curie"),
    [("mOS", "endpoint:OS"), ("mrPFS", "endpoint:rPFS"), ("mPSA-PFS", "endpoint:PSA-PFS"), ("mDoR", "endpoint:DoR")],
)
def test_median_prefixed_abbreviations_of_time_to_event_endpoints_resolve(text, curie):
    assert default_lexicon().resolve(text) == curie


def test_only_time_to_event_abbreviations_take_the_median_prefix():
    assert default_lexicon().resolve("mPSA50") is None
    assert default_lexicon().resolve("mORR") is None


@pytest.mark.parametrize(
    ("text", "curie"),
    [("ARPI-change", "agent:arpi-change"), ("standard-of-care", "agent:standard-of-care")],
)
def test_agent_labels_joined_by_hyphens_before_a_noun_resolve(text, curie):
    # "in the ARPI-change arm": the comparator's label written as a modifier, not the drug class ARPI
    assert default_lexicon().resolve(text) == curie
