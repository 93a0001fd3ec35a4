"""SHACL shapes: a small valid graph passes, broken ones fail with readable messages."""

import pytest
from rdflib import Graph

from kg.cli import main
from kg.validate import validate_graph

PREFIXES = """
@base <https://w3id.org/psma-kg/> .
@prefix psma: <ontology#> .
@prefix agent: <agent/> .
@prefix trial: <trial/> .
@prefix endpoint: <endpoint/> .
@prefix ex: <https://example.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

VALID = """
ex:extractor a psma:Extractor ; psma:extractorVersion "0.1.0" .
ex:pub a psma:Publication ; psma:pmid "34161051" ;
    psma:reportsMeasurement ex:m1 ; psma:reportsTrial ex:trial .
ex:trial a psma:ClinicalTrial ; skos:prefLabel "A trial" ; psma:phase "3" ; psma:design "randomized" ;
    psma:enrolled 831 ; psma:trialRegistration "nct:NCT03511664" ; psma:hasArm ex:arm1 .
ex:arm1 a psma:TrialArm ; psma:armLabel "177Lu-PSMA-617 plus standard care" ;
    psma:armIncludesAgent agent:lu177-psma-617 .
ex:m1 a psma:Measurement ; psma:ofEndpoint endpoint:OS ; psma:forArm ex:arm1 ;
    psma:statistic "median" ; psma:value 15.3 ; psma:unit "months" ;
    psma:ratio 0.62 ; psma:ciLow 0.52 ; psma:ciHigh 0.74 ; psma:ciLevel 95 ; psma:pValue "<0.001" ;
    psma:status "reported" ; psma:hasEvidence ex:ev1 .
ex:ev1 a psma:Evidence ; psma:confidence 0.9 ; prov:wasAttributedTo ex:extractor ;
    oa:hasTarget [ oa:hasSource ex:pub ;
        oa:hasSelector [ a oa:TextPositionSelector ;
            oa:start "812"^^xsd:integer ; oa:end "951"^^xsd:integer ] ] .
"""


def graph_of(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + turtle, format="turtle")


def test_a_valid_example_graph_conforms():
    assert validate_graph(graph_of(VALID)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("psma:ofEndpoint endpoint:OS ;", "psma:ofEndpoint endpoint:OS, endpoint:rPFS ;"),
         "a measurement has exactly one endpoint"),
        (("psma:hasEvidence ex:ev1 .", "."), "every measurement carries evidence"),
        (("psma:ciLow 0.52 ; psma:ciHigh 0.74", "psma:ciLow 0.84 ; psma:ciHigh 0.74"),
         "the lower CI bound is one decimal, not above the upper bound"),
        (('psma:phase "3"', 'psma:phase "3", "2"'), "a trial has at most one phase"),
        (('psma:status "reported"', 'psma:status "maybe"'),
         "a measurement's status is 'reported' or 'planned'"),
        (("psma:value 15.3 ; psma:unit \"months\" ;\n    psma:ratio 0.62 ;", ""),
         "a measurement has a value, a ratio, or a note"),
        (('oa:start "812"^^xsd:integer', 'oa:start "999"^^xsd:integer'),
         "a selector has one start offset, below its end"),
        (('psma:pValue "<0.001"', 'psma:pValue "significant"'), "a p-value is written as"),
        (('"nct:NCT03511664"', '"NCT-123"'), "a trial registration is a CURIE"),
    ],
)  # fmt: skip
def test_broken_graphs_fail_with_a_readable_message(change, expected):
    old, new = change
    assert old in VALID
    violations = validate_graph(graph_of(VALID.replace(old, new)))
    assert violations, "the broken graph was accepted"
    text = "\n".join(str(v) for v in violations)
    assert expected in text
    # Readable: one line per violation, naming the node, the property and the reason.
    for violation in violations:
        assert str(violation).startswith("Violation: ")
        assert "\n" not in str(violation)


def test_the_curated_ontology_conforms_to_its_shapes():
    from kg.vocab import ontology_graph

    assert validate_graph(ontology_graph()) == []


def test_validate_command_exit_status(tmp_path, capsys):
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text(PREFIXES + VALID)
    bad.write_text(PREFIXES + VALID.replace('psma:phase "3"', 'psma:phase "3", "2"'))
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(bad)]) == 1
    assert "a trial has at most one phase" in capsys.readouterr().out
