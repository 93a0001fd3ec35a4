"""The demo corpus reads without warnings, in every format it ships in, and is marked as demo."""

from pathlib import Path

from ingest import IngestReport, read_documents

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


def test_pubmed_xml_reads_without_warnings_and_every_record_is_a_demo_record():
    report = IngestReport()
    documents = list(read_documents([str(DEMO / "pubmed")], report))
    assert report.ok and report.warnings == [], report.summary()
    assert len(documents) >= 40
    assert all(d.is_demo and d.doi.startswith("10.5555/psmakg.demo.") for d in documents)
    assert all(d.authors == ("psma-kg demo corpus",) for d in documents)


def test_medline_copy_is_the_same_corpus():
    xml = {d.id: d for d in read_documents([str(DEMO / "pubmed")])}
    report = IngestReport()
    medline = {d.id: d for d in read_documents([str(DEMO / "medline")], report)}
    assert report.ok and report.warnings == [], report.summary()
    assert medline.keys() == xml.keys()
    for doc_id, document in xml.items():
        assert medline[doc_id].full_text == document.full_text, doc_id
        assert medline[doc_id].doi == document.doi


def test_messy_text_copies_read_without_warnings_and_keep_an_offset_map():
    report = IngestReport()
    documents = list(read_documents([str(DEMO / "text")], report))
    assert report.ok and report.warnings == [], report.summary()
    assert len(documents) >= 3
    for document in documents:
        assert document.offset_map is not None and len(document.offset_map) == len(document.full_text)
