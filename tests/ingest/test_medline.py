"""MEDLINE text: fields, continuation lines, structured abstracts, round trip from XML."""

from ingest import IngestReport
from ingest.medline import iter_documents, to_medline
from ingest.pubmed import iter_documents as iter_pubmed


def test_fields_and_continuation_lines(data):
    report = IngestReport()
    documents = list(iter_documents(data / "export.nbib", report))
    first = documents[0]
    assert first.id == "pmid:90000401"
    assert first.title == (
        "A MEDLINE fixture whose title is long enough to wrap onto a continuation line in the export format."
    )
    assert [s.label for s in first.sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert first.sections[0].text == (
        "Fixture background that also wraps across more than one line of the MEDLINE export."
    )
    assert first.sections[2].text == "The PSA50 rate was 57% (95% CI 37-75)."
    assert first.doi == "10.5555/fixture.0401"
    assert first.pmcid == "PMC0000401"
    assert first.year == 2021
    assert first.journal == "The Lancet. Oncology"
    assert first.publication_types == ("Clinical Trial, Phase II", "Journal Article")
    assert first.mesh_terms == ("Prostatic Neoplasms, Castration-Resistant", "Humans")
    assert first.keywords == ("PSMA",)
    assert documents[1].text == "Just one paragraph of text that continues here."


def test_a_record_without_abstract_is_skipped_with_its_pmid(data):
    report = IngestReport()
    ids = [d.id for d in iter_documents(data / "export.nbib", report)]
    assert ids == ["pmid:90000401", "pmid:90000402"]
    assert len(report.skipped) == 1
    error = report.skipped[0]
    assert error.record_id == "90000403"
    assert "record 3 (PMID 90000403): empty abstract" in str(error)


def test_pubmed_xml_and_its_medline_export_give_the_same_text(data, tmp_path):
    documents = list(iter_pubmed(data / "pubmed_mixed.xml", IngestReport()))
    path = tmp_path / "same.nbib"
    path.write_text("\n".join(to_medline(d) for d in documents))
    again = list(iter_documents(path, IngestReport()))
    assert [d.full_text for d in again] == [d.full_text for d in documents]
    assert [d.doi for d in again] == [d.doi for d in documents]
    assert [d.mesh_terms for d in again] == [d.mesh_terms for d in documents]


def test_undecodable_bytes_are_reported(tmp_path):
    path = tmp_path / "bad.nbib"
    path.write_bytes(b"PMID- 1\nTI  - caf\xe9\nAB  - text\n")
    report = IngestReport()
    assert list(iter_documents(path, report)) == []
    assert "bad.nbib" in str(report.skipped[0])
    assert "utf-8" in str(report.skipped[0]).lower()
