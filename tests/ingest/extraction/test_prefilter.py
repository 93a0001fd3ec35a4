"""The required-literal prefilter never hides a match: checked on every pattern the extractor uses."""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path

import pytest

from ingest import read_documents
from ingest.extraction.prefilter import Prefiltered, prefiltered, required_literals

ROOT = Path(__file__).resolve().parents[3]
MODULES = ("measurements", "numbers", "context", "trials", "mentions", "textutil")


def _patterns() -> list[tuple[str, Prefiltered]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"ingest.extraction.{name}")
        found += [(f"{name}.{attr}", value) for attr, value in vars(module).items() if isinstance(value, Prefiltered)]
    return found


@cache
def _texts() -> tuple[list[str], list[str]]:
    """Whole abstracts and their sentences; and short pieces of sentences, for patterns anchored at both ends
    (the extractor runs those on the text between two values or before a mention)."""
    paths = (
        "eval/dev",
        "eval/blind.jsonl",
        "eval/blind2.jsonl",
        "eval/blind3.jsonl",
        "eval/blind4.jsonl",
        "eval/blind6.jsonl",
        "eval/blind7.jsonl",
        "eval/blind8.jsonl",
        "eval/blind9.jsonl",
        "eval/blind10.jsonl",
        "eval/blind11.jsonl",
        "eval/blind12.jsonl",
        "eval/blind13.jsonl",
        "eval/blind14.jsonl",
        "eval/blind51.jsonl",
        "data/demo/text",
    )
    documents = read_documents([str(ROOT / path) for path in paths])
    texts, pieces = [], set()
    for document in documents:
        sentences = [part for part in re.split(r"(?<=[.;])\s+", document.full_text) if part]
        texts += [document.full_text, *sentences]
        for sentence in sentences:
            cuts = [0, *(m.start() for m in re.finditer(r"[\s,;()]", sentence)), len(sentence)]
            pieces.update(sentence[a:b] for a in cuts for b in cuts if 0 < b - a <= 60)
    return texts, sorted(pieces)


def test_the_extractor_uses_prefiltered_patterns():
    names = [name for name, pattern in _patterns() if pattern.needles or pattern.cased_needles]
    assert len(names) >= 35, names


@pytest.mark.parametrize("name, pattern", _patterns(), ids=lambda value: value if isinstance(value, str) else "")
def test_a_text_the_prefilter_skips_has_no_match(name, pattern):
    texts, pieces = _texts()
    matched = [text for text in texts if pattern.compiled.search(text)]
    if not matched:
        texts = pieces
        matched = [text for text in texts if pattern.compiled.search(text)]
    assert matched, f"{name} matches nothing in the corpus: the check would prove nothing"
    hidden = [text for text in matched if not pattern.possible(text)]
    assert not hidden, f"{name} (needles {sorted(pattern.needles or ())}) would skip a match in: {hidden[0]!r}"
    skipped = [text for text in texts if not pattern.possible(text)]
    assert all(pattern.search(text) is None and not list(pattern.finditer(text)) for text in skipped)


@pytest.mark.parametrize(
    "regex, flags, needles",
    [
        (r"\bhazard ratio\b|\bHR\b", 0, {("hazard ratio", True), ("HR", True)}),
        (r"\bhazard ratio\b|\bHR\b", re.I, {("hazard ratio", False), ("hr", False)}),
        (r"\bHRs?\b|(?i:hazard ratio)", 0, {("HR", True), ("hazard ratio", False)}),  # scoped flags count
        (r"(?i)HR", 0, {("hr", False)}),
        (r"HR(?i:s)", 0, {("hrs", False)}),  # one part in any case: the whole is looked for in any case
        (r"PSA\s+declines?", re.I, {("decline", False)}),  # the longer literal is the more selective one
        (r"(?<=\band )of\s+\d+%", 0, {("and of", True)}),  # a lookbehind's text is in the text too
        (r"\d+(?:\.\d+)?", 0, None),  # nothing literal in every match
        (r"median|(?:\d+)", 0, None),  # one alternative has no literal: no requirement
        (r"grade\s*[3-5]|severe", re.I, {("grade", False), ("severe", False)}),
        (r"[Pp]ower", 0, {("power", True), ("Power", True)}),
        (r"(?i:OS)\b", 0, {("os", False)}),
        (r"x?y", 0, {("y", True)}),
        (r"≥\s*x", re.I, {("≥", False)}),  # an uncased symbol is kept; a cased non-ASCII letter would not be
        (r"µg", re.I, {("g", False)}),  # IGNORECASE matches µ to μ, which str.lower leaves apart
        (r"α|x", re.I, {("α", False), ("x", False)}),  # α matches its capital only
        (r"β", re.I, None),  # but β matches ϐ too, which str.lower keeps apart
        (r"µg", 0, {("µg", True)}),  # matched as written, any character is a literal
        (r"(?i:ab)|Xab", 0, {("ab", False)}),  # "Xab" holds "ab" in any case: it adds nothing
        (r"(?i:Xab)|ab", 0, {("xab", False), ("ab", True)}),  # but "ab" as written is not in every "xab"
    ],
)
def test_required_literals(regex, flags, needles):
    found = required_literals(re.compile(regex, flags))
    assert (set(found) if found is not None else None) == needles


@pytest.mark.parametrize(
    "text",
    [
        "the re\u017fponse rate of the cohort was high",  # long s: IGNORECASE matches it to "s", str.lower does not
        "the PET scan \u0130DENTIFIED a recurrence in the pelvic bones",  # dotted I: str.lower adds a combining dot
    ],
)
def test_case_folds_that_lower_does_not_make_run_the_pattern(text):
    pattern = prefiltered(r"response|identified", re.I)
    assert pattern.compiled.search(text) is not None
    assert pattern.search(text) is not None


def test_the_clues_of_hand_written_prefilters_never_hide_a_match():
    """The non-result, threshold and proportion patterns run only where their clues are: the same spans must
    come out."""
    from ingest.extraction.measurements import (
        _NOT_A_RESULT,
        _RARELY_A_RESULT,
        _THRESHOLD_CLUE,
        _THRESHOLD_VALUE,
        _not_a_result,
    )
    from ingest.extraction.numbers import PROPORTION, find_proportions

    texts, _pieces = _texts()
    found = thresholds = 0
    for text in texts:
        spans = [(m.start(), m.end()) for m in _NOT_A_RESULT.finditer(text)]
        spans += [(m.start(), m.end()) for part in _RARELY_A_RESULT for m in part.compiled.finditer(text)]
        assert _not_a_result(text) == spans, text
        proportions = [m.start("value") for m in PROPORTION.finditer(text)]
        assert [value.start for value in find_proportions(text)] == proportions, text
        found += bool(spans) + bool(proportions)
        if _THRESHOLD_VALUE.compiled.search(text):
            assert _THRESHOLD_CLUE.search(text), text
            thresholds += 1
    assert found > 20  # the check saw matches of both
    assert thresholds > 0


def test_every_prefiltered_pattern_keeps_its_required_literals():
    # A pattern whose literals the analysis cannot bound (more than 64 strings, an alternative with none) is tried on
    # every text: a word added to one of its alternatives can silently cost that. (_PLANNED has an alternative with
    # no literal, "\d+% power".)
    from ingest.extraction.subgroups import _BEFORE

    patterns = _patterns() + [
        (f"subgroups._BEFORE[{i}]", p) for i, p in enumerate(_BEFORE) if isinstance(p, Prefiltered)
    ]
    unbounded = [name for name, pattern in patterns if not (pattern.needles or pattern.cased_needles)]
    assert unbounded == ["measurements._PLANNED"]
