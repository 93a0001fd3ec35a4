"""PubMed efetch XML: fields, structured abstracts, books, deletions, versions, bad records."""

import gzip

import pytest

from ingest import IngestReport, read_documents
from ingest.pubmed import iter_documents
from kg.errors import ParseError


def test_structured_abstract_and_metadata(data):
    report = IngestReport()
    first = next(iter_documents(data / "pubmed_mixed.xml", report))
    assert first.id == "pmid:90000001"
    assert first.pmid == "90000001"
    assert first.title == "A test record with a structured abstract about 177Lu-PSMA-617."
    assert [s.label for s in first.sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert first.sections[2].category == "RESULTS"
    assert "HR 0.62; 95% CI 0.52–0.74; P<0.001" in first.text
    assert first.text.startswith("BACKGROUND: Fixture background sentence.\nMETHODS: ")
    assert "Copyright" not in first.text
    assert first.doi == "10.5555/fixture.0001"
    assert first.pmcid == "PMC0000001"
    assert first.journal == "The New England journal of medicine"
    assert first.year == 2021
    assert first.authors == ("Tester A", "Fixture Study Group")
    assert "Randomized Controlled Trial" in first.publication_types
    assert first.mesh_terms == ("Prostatic Neoplasms, Castration-Resistant", "Humans")
    assert first.keywords == ("PSMA", "radioligand")
    assert first.full_text.startswith(first.title + "\n")


def test_books_are_skipped_with_a_warning_and_deletions_reported(data):
    report = IngestReport()
    ids = [doc.id for doc in iter_documents(data / "pubmed_mixed.xml", report)]
    assert "pmid:90000002" not in ids
    assert any("book article skipped" in warning and "90000002" in warning for warning in report.warnings)
    assert report.deleted == ["90000009", "90000010"]
    assert report.ok


def test_the_same_pmid_twice_keeps_the_higher_version(data):
    report = IngestReport()
    documents = {}
    for document in read_documents([str(data / "pubmed_mixed.xml")], report):
        documents[document.id] = document  # consumers keyed by id keep the last
    assert documents["pmid:90000003"].version == 2
    assert documents["pmid:90000003"].title == "An unstructured abstract, second version."
    assert documents["pmid:90000003"].year == 2020
    assert report.replaced == 1
    assert report.read == 2


def test_a_lower_version_after_a_higher_one_is_skipped_with_a_warning(data, tmp_path):
    text = (data / "pubmed_mixed.xml").read_text()
    v1_start = text.index(
        '<PubmedArticle>\n  <MedlineCitation Status="MEDLINE" Owner="NLM">\n    <PMID Version="1">90000003'
    )
    v2_start = text.index('<PubmedArticle>\n  <MedlineCitation Status="MEDLINE" Owner="NLM">\n    <PMID Version="2">')
    end = text.index("<DeleteCitation>")
    swapped = text[:v1_start] + text[v2_start:end] + text[v1_start:v2_start] + text[end:]
    (tmp_path / "swapped.xml").write_text(swapped)
    report = IngestReport()
    kept = [d for d in read_documents([str(tmp_path / "swapped.xml")], report) if d.id == "pmid:90000003"]
    assert [d.version for d in kept] == [2]
    assert any("version 1 skipped" in w for w in report.warnings)


def test_bad_records_are_reported_and_the_others_still_read(data):
    report = IngestReport()
    ids = [doc.id for doc in iter_documents(data / "pubmed_bad_records.xml", report)]
    assert ids == ["pmid:90000101", "pmid:90000105"]
    reasons = {error.record_id: error for error in report.skipped}
    assert set(reasons) == {"90000102", "90000103", "90000104"}
    assert "malformed XML" in str(reasons["90000102"])
    assert "record 2 (PMID 90000102)" in str(reasons["90000102"])
    assert "pubmed_bad_records.xml" in str(reasons["90000102"])
    assert "empty abstract" in str(reasons["90000103"])
    assert "nbsp" in str(reasons["90000104"])


def test_without_a_report_the_first_problem_raises(data):
    with pytest.raises(ParseError, match="record 2"):
        list(iter_documents(data / "pubmed_bad_records.xml"))


@pytest.mark.parametrize("name", ["xxe.xml", "billion_laughs.xml"])
def test_entity_attacks_are_refused(data, name):
    report = IngestReport()
    documents = list(iter_documents(data / name, report))
    assert documents == []
    assert len(report.skipped) == 1
    assert "declares entities" in str(report.skipped[0])
    assert name in str(report.skipped[0])


def test_xxe_inside_a_record_without_a_dtd_is_not_resolved(tmp_path):
    path = tmp_path / "inline.xml"
    path.write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        "<ArticleTitle>&xxe;</ArticleTitle><Abstract><AbstractText>x</AbstractText></Abstract>"
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    report = IngestReport()
    assert list(iter_documents(path, report)) == []
    assert "xxe" in str(report.skipped[0])


def test_gzip_is_read_by_content(data, tmp_path):
    path = tmp_path / "records.data"
    path.write_bytes(gzip.compress((data / "pubmed_mixed.xml").read_bytes()))
    assert next(d.id for d in read_documents([str(path)])) == "pmid:90000001"


def test_a_truncated_gzip_keeps_the_records_before_the_cut(data, tmp_path):
    xml = (data / "pubmed_mixed.xml").read_bytes()
    many = xml.replace(b"</PubmedArticleSet>", b"") + b"".join(
        xml[xml.index(b"<PubmedArticle>") : xml.index(b"<PubmedBookArticle>")].replace(
            b"90000001", str(90100000 + i).encode()
        )
        for i in range(300)
    )
    packed = gzip.compress(many)
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    report = IngestReport()
    documents = list(iter_documents(path, report))
    assert len(documents) > 100
    assert len(report.skipped) == 1
    assert "cut.xml.gz" in str(report.skipped[0])
    message = str(report.skipped[0])
    assert "truncated" in message or "unreadable" in message


def test_a_truncated_plain_file_reports_the_unfinished_record(data, tmp_path):
    xml = (data / "pubmed_mixed.xml").read_text()
    path = tmp_path / "cut.xml"
    path.write_text(xml[: xml.index("Fixture conclusion")])
    report = IngestReport()
    assert list(iter_documents(path, report)) == []
    assert "truncated" in str(report.skipped[0])
    assert "PMID 90000001" in str(report.skipped[0])


def test_a_file_of_another_format_is_refused_by_the_pubmed_reader(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>news</title></channel></rss>")
    report = IngestReport()
    assert list(iter_documents(path, report)) == []
    assert "not PubMed XML" in str(report.skipped[0])


def test_records_split_across_read_chunks(data, tmp_path, monkeypatch):
    import ingest.pubmed

    monkeypatch.setattr(ingest.pubmed, "_CHUNK", 37)
    ids = [doc.id for doc in iter_documents(data / "pubmed_mixed.xml", IngestReport())]
    assert ids == ["pmid:90000001", "pmid:90000003", "pmid:90000003"]
