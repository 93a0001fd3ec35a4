"""The fast scans find exactly what ``finditer`` finds: checked on every scanned pattern of the extractor."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from ingest import read_documents
from ingest.extraction import mentions
from ingest.extraction.context import _HEADING, _headings
from ingest.extraction.mentions import MentionFinder
from ingest.extraction.scanning import AnchoredPattern, LiteralStartPattern, WordStartPattern
from ingest.extraction.textutil import dashes_to_hyphen, fold
from kg.lexicon import default_lexicon
from kg.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[3]


@cache
def _texts() -> list[str]:
    paths = (
        "eval/dev",
        "eval/blind2.jsonl",
        "eval/blind3.jsonl",
        "eval/blind7.jsonl",
        "eval/blind8.jsonl",
        "eval/blind9.jsonl",
        "eval/blind10.jsonl",
        "eval/blind11.jsonl",
        "eval/blind12.jsonl",
        "eval/blind13.jsonl",
        "eval/blind14.jsonl",
        "eval/blind27.jsonl",
        "eval/blind53.jsonl",
        "data/demo/text",
    )
    documents = read_documents([str(ROOT / path) for path in paths])
    return [document.full_text for document in documents]


def _scanned() -> list[tuple[str, WordStartPattern | AnchoredPattern]]:
    finder = MentionFinder(load_ontology(), default_lexicon())
    found = [
        (name, value)
        for name, value in vars(mentions).items()
        if isinstance(value, (AnchoredPattern, LiteralStartPattern))
    ]
    found += [(name, value) for name, value in vars(mentions).items() if isinstance(value, WordStartPattern)]
    return [*found, ("lexicon", finder._insensitive), ("lexicon, case-sensitive", finder._sensitive[0])]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("name, pattern", _scanned(), ids=lambda value: value if isinstance(value, str) else "")
def test_a_scan_finds_what_finditer_finds(name, pattern):
    found = 0
    for text in _texts():
        for view in {text, dashes_to_hyphen(text)}:
            expected = _spans(pattern.compiled.finditer(view))
            scanned = (
                pattern.finditer(view, fold(view))
                if isinstance(pattern, (AnchoredPattern, LiteralStartPattern))
                else pattern.finditer(view)
            )
            assert _spans(scanned) == expected, f"{name} on {view!r}"
            found += len(expected)
    assert found, f"{name} matches nothing in the corpus: the check would prove nothing"


def test_a_word_start_match_may_start_where_the_last_one_ended():
    pattern = WordStartPattern(r"\(\w+\)")
    assert [m.group() for m in pattern.finditer("(a)(b) c(d) (e)")] == ["(a)", "(b)", "(e)"]


def test_a_word_start_match_at_the_start_of_the_text():
    pattern = WordStartPattern(r"PSMA")
    assert [m.span() for m in pattern.finditer("PSMA and rPSMA, PSMA")] == [(0, 4), (16, 20)]


def test_an_anchored_scan_stops_at_breakers_as_at_the_end_of_the_text():
    pattern = AnchoredPattern(re.compile(r"\d+ ?%(?! ?\d)"), anchors=("%",), breakers="(),")
    text = "12 (3 %), 45 %, 6 % 7"
    assert [m.group() for m in pattern.finditer(text)] == [m.group() for m in pattern.compiled.finditer(text)]
    assert [m.group() for m in pattern.finditer(text)] == ["3 %", "45 %"]


def test_an_anchored_scan_that_ignores_case_needs_the_lowered_text():
    pattern = AnchoredPattern(re.compile(r"\bdeath\b", re.IGNORECASE), anchors=("death",))
    assert [m.group() for m in pattern.finditer("Death, DEATH", "death, death")] == ["Death", "DEATH"]
    with pytest.raises(ValueError):
        pattern.finditer("Death")


@pytest.mark.parametrize("text", ["re\u017fponse", "R\u0130SK", "ri\u212aK"])
def test_case_folds_that_lower_does_not_make_the_whole_text_scanned(text):
    pattern = AnchoredPattern(re.compile(r"response|risk|rikk", re.IGNORECASE), anchors=("response", "risk", "rikk"))
    assert pattern.compiled.search(text) is not None
    assert [m.group() for m in pattern.finditer(text, fold(text))] == [text]


def test_headings_found_from_their_colons_are_those_finditer_finds():
    longest = "Introduction and objectives   : why. Methods:Results : a.Conclusions:: x"
    texts = [*_texts(), longest, "Results:", ":: results :"]
    for text in texts:
        expected = [
            (h.start(), "background" if h.group("background") else "conclusion" if h.group("conclusion") else None)
            for h in _HEADING.compiled.finditer(text)
        ]
        assert _headings(text) == expected, text
    assert _headings(longest) == [(0, "background"), (37, None), (57, "conclusion")]
