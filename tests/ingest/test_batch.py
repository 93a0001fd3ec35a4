"""Reading many inputs: detection by content, folders, globs, stdin, the ingest report and exit status."""

import shutil
import subprocess
import sys

from ingest import IngestReport, detect_format, read_documents
from kg.cli import main


def test_formats_are_detected_by_content_not_extension(data, tmp_path):
    for source, expected in [
        ("pubmed_mixed.xml", "pubmed-xml"),
        ("export.nbib", "medline"),
        ("messy_web.txt", "text"),
    ]:
        disguised = tmp_path / f"{expected}.dat"
        shutil.copy(data / source, disguised)
        assert detect_format(disguised) == expected
    (tmp_path / "records.dat").write_text('{"id": "x", "title": "t", "text": "y"}\n')
    assert detect_format(tmp_path / "records.dat") == "jsonl"
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)))
    assert detect_format(tmp_path / "binary.dat") is None


def test_folders_and_globs(data):
    report = IngestReport()
    ids = {d.id for d in read_documents([str(data / "*.nbib"), str(data / "messy_web.txt")], report)}
    assert ids == {"pmid:90000401", "pmid:90000402", "file:messy_web"}
    report = IngestReport()
    everything = list(read_documents([str(data)], report))
    assert len(everything) >= 6
    assert any("README.md: not read" in w for w in report.warnings)


def test_a_missing_input_is_reported(tmp_path):
    report = IngestReport()
    assert list(read_documents([str(tmp_path / "nope.xml")], report)) == []
    assert "no such file" in str(report.skipped[0])


def test_ingest_command_reports_and_fails_when_anything_was_skipped(data, capsys):
    assert main(["ingest", str(data / "pubmed_mixed.xml")]) == 0
    out = capsys.readouterr().out
    assert "documents read: 2" in out
    assert "deletions reported: 2" in out
    assert main(["ingest", str(data / "pubmed_bad_records.xml")]) == 1
    out = capsys.readouterr().out
    assert "skipped: 3" in out
    assert "record 2 (PMID 90000102): malformed XML" in out


def test_ingest_reads_standard_input(data):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "ingest", "-"],
        input=(data / "export.nbib").read_bytes(),
        capture_output=True,
        check=False,
    )
    assert b"documents read: 2" in result.stdout
    assert result.returncode == 1  # the record without an abstract was skipped


def test_a_report_survives_pickling_with_its_skipped_records(data):
    """Workers of an ingest send back the reports of the records they parsed."""
    import pickle

    report = IngestReport()
    list(read_documents([str(data / "pubmed_bad_records.xml"), str(data / "pubmed_mixed.xml")], report))
    copy = pickle.loads(pickle.dumps(report))
    assert copy.summary() == report.summary() and len(copy.skipped) == 3
    assert [(e.path, e.reason, e.index, e.record_id) for e in copy.skipped] == [
        (e.path, e.reason, e.index, e.record_id) for e in report.skipped
    ]


def test_records_parse_into_the_documents_read_documents_gives(data):
    from ingest.batch import parse_record, read_records

    report = IngestReport()
    records = list(read_records([str(data)], report))
    assert any(not hasattr(record, "id") for record in records)  # PubMed XML records come unparsed
    parsed = [document for record in records if (document := parse_record(record, report)) is not None]
    assert [d.id for d in parsed] == [d.id for d in read_documents([str(data)])]
