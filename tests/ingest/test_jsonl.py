"""JSON Lines and gold records: text kept exactly, bad lines reported."""

import json

from ingest import IngestReport
from ingest.extraction.pipeline import extract_document
from ingest.extraction.records import extraction_record
from ingest.jsonl import iter_documents
from ingest.normalize import dehyphenate


def test_records_keep_their_text_exactly(tmp_path):
    text = "BACKGROUND: Why.\nRESULTS: Median OS 15.3 months.\nPlain closing line."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "pmid:34161051", "title": "T", "text": text, "agents": []}) + "\n")
    (document,) = iter_documents(path)
    assert document.id == "pmid:34161051"
    assert document.text == text
    assert document.full_text == "T\n" + text
    assert document.sections[1].label == "RESULTS"


def test_bad_lines_are_reported_with_their_number(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "title": "A", "text": "first"}),
                "{not json",
                json.dumps({"id": "b", "title": "B", "text": ""}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "c", "title": "C", "text": "last"}),
            ]
        )
    )
    report = IngestReport()
    assert [d.id for d in iter_documents(path, report)] == ["a", "c"]
    messages = [str(e) for e in report.skipped]
    assert "record 2: invalid JSON" in messages[0]
    assert "record 3 (PMID b): empty abstract" in messages[1]
    assert "record 4: expected a JSON object" in messages[2]


def test_utf8_read_as_windows_1252_is_mended_and_evidence_points_into_the_record(tmp_path):
    # Text pasted from a web page that decoded UTF-8 as Windows-1252: an en dash turns into "â€“", "≥" into "â‰¥".
    record = {
        "id": "web:1",
        "title": "177Lu-PSMA-617 after docetaxel",
        "text": "Median OS was 14.1 months (95% CI 12.0â€“16.3) at 7.4 GBq per mÂ², and PSA â‰¥50% fell in 41%.",
    }
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n")
    (document,) = iter_documents(path)
    assert "(95% CI 12.0–16.3) at 7.4 GBq per m², and PSA ≥50%" in document.full_text
    start = document.full_text.index("–16.3")
    begin, end = document.original_span(start, start + len("–16.3"))
    assert document.original[begin:end] == "â€“16.3"
    (os,) = [m for m in extraction_record(extract_document(document))["measurements"] if m["endpoint"] == "OS"]
    assert (os["value"], os["ci_low"], os["ci_high"]) == (14.1, 12.0, 16.3)
    # Text in other languages keeps its letters: only sequences that decode as UTF-8 are mended.
    assert dehyphenate("Ã©tude naïve à Zürich").text == "étude naïve à Zürich"


def test_words_a_line_end_hyphenated_are_joined_and_evidence_points_into_the_record(tmp_path):
    record = {
        "id": "pdf:1",
        "title": "Pasted from a PDF",
        "text": "RESULTS: Radiographic pro-\ngression-free survival was 8.1 months with 177Lu-PSMA-617.\n"
        "An open-label design; the open-\nlabel phase went on.",
    }
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n")
    (document,) = iter_documents(path)
    assert "Radiographic progression-free survival" in document.full_text
    assert "the open-label phase" in document.full_text  # a compound the text also writes unbroken keeps its hyphen
    start = document.full_text.index("progression")
    begin, end = document.original_span(start, start + len("progression"))
    assert document.original[begin:end] == "pro-\ngression"
    assert document.original == f"{record['title']}\n{record['text']}"
