"""Plain text from web pages: normalized for extraction, offsets mapped back character by character."""

import unicodedata

import pytest

from ingest import IngestReport
from ingest.normalize import normalize
from ingest.text import iter_documents


@pytest.fixture
def messy(data):
    return next(iter_documents(data / "messy_web.txt"))


def test_title_is_the_first_line(messy):
    assert messy.title == "Lutetium PSMA therapy in a scraped web page"
    assert messy.id == "file:messy_web"


def test_text_is_normalized(messy):
    text = messy.text
    assert "phase 3 trial, 177Lu-PSMA-617 plus standard care prolonged" in text
    assert "progression-free survival (median 8.7 vs 3.4 months" in text
    assert "99.2% CI 0.29-0.57" in text
    assert "Grade ≥3 events occurred in 52.7% - compared with 38.0%." in text
    assert "Full-width text: HR 0.62 and an open-label design." in text
    assert "\u00a0" not in text
    assert len(messy.sections) == 2  # two paragraphs


def _fold(char: str) -> str:
    """What the normalizer may turn one original character into."""
    if char in "\u2013\u2014\uff0d":
        return "-"
    if char in "\n\t\u00a0 ":
        return " "
    return unicodedata.normalize("NFKC", char)


def test_offset_map_points_every_character_into_the_original(messy):
    original, full = messy.original, messy.full_text
    assert len(messy.offset_map) == len(full)
    assert list(messy.offset_map) == sorted(messy.offset_map)  # order is kept
    for index, char in enumerate(full):
        source = original[messy.offset_map[index]]
        if char == "\n":
            assert source == "\n", index
        else:
            assert char in _fold(source) or (char == " " and source.isspace()), (index, char, source)


def test_evidence_spans_map_back_to_the_users_text(messy):
    full = messy.full_text
    for phrase, expected in [
        ("8.7 vs 3.4 months", "8.\n    7 vs 3.4 months"),
        ("177Lu-PSMA-617", "¹⁷⁷Lu\u2013PSMA-617"),
        ("survival", "survi-\n    val"),
        ("HR 0.62", "ＨＲ ０．６２"),
        ("phase 3", "phase\u00a03"),
    ]:
        start = full.index(phrase)
        begin, end = messy.original_span(start, start + len(phrase))
        assert messy.original[begin:end] == expected


def test_hyphen_of_a_compound_the_text_also_writes_whole_is_kept():
    assert normalize("an open-label design and an open-\n  label trial").text == (
        "an open-label design and an open-label trial"
    )
    assert normalize("well toler-\n  ated").text == "well tolerated"


def test_undecodable_and_empty_files_are_reported(data, tmp_path):
    report = IngestReport()
    assert list(iter_documents(data / "undecodable.txt", report)) == []
    assert "undecodable.txt" in str(report.skipped[0])
    assert "not UTF-8" in str(report.skipped[0])
    (tmp_path / "empty.txt").write_text("   \n")
    assert list(iter_documents(tmp_path / "empty.txt", report)) == []
    assert "empty file" in str(report.skipped[1])
