"""Trial facts stated in an abstract: phase, design words, patients enrolled, randomization ratio."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extraction.context import Sentence
from ingest.extraction.prefilter import prefiltered
from ingest.extraction.textutil import WORD_NUMBER_PATTERN, has_case_traps, word_number

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_PHASE = prefiltered(
    r"\bphase\s*(?P<a>I{1,3}V?|[1-4])(?P<sub>[ab])?(?:\s*(?:/|-|–|and)\s*(?P<b>I{1,3}V?|[1-4])(?:[ab])?)?\b",
    re.I,
)
_DESIGN = {
    "randomized": re.compile(r"\brandomi[sz]ed\b|\brandomly assigned\b|\brandomi[sz]ation\b", re.I),
    "open-label": re.compile(r"\bopen[- ]label\b", re.I),
    "double-blind": re.compile(r"\bdouble[- ]blind(?:ed)?\b", re.I),
    "single-blind": re.compile(r"\bsingle[- ]blind(?:ed)?\b", re.I),
    "placebo-controlled": re.compile(r"\bplacebo[- ]controlled\b", re.I),
    "multicenter": re.compile(r"\bmulti[- ]?cent(?:er|re|ric)\b|\bmulti[- ]?institutional\b|\bmultinational\b", re.I),
    "single-center": re.compile(r"\bsingle[- ]cent(?:er|re)\b|\bsingle[- ]institution(?:al)?\b", re.I),
    "single-arm": re.compile(r"\bsingle[- ]arm\b", re.I),
    "prospective": re.compile(r"\bprospective(?:ly)?\b", re.I),
    "retrospective": re.compile(r"\bretrospective(?:ly)?\b", re.I),
    "non-randomized": re.compile(r"\bnon[- ]?randomi[sz]ed\b", re.I),
}
#: Per design pattern, a word every match contains (a substring test is ~100x cheaper than the search) and
#: the word every match starts with (the pattern is tried only where it appears).
_DESIGN_WORDS = {
    "randomized": ("random", "random"), "open-label": ("label", "open"), "double-blind": ("blind", "double"),
    "single-blind": ("blind", "single"), "placebo-controlled": ("controlled", "placebo"),
    "multicenter": ("multi", "multi"), "single-center": ("single", "single"), "single-arm": ("arm", "single"),
    "prospective": ("prospective", "prospective"), "retrospective": ("retrospective", "retrospective"),
    "non-randomized": ("random", "non"),
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})*|\d+|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<w_") + r")"
_ENROLLED = re.compile(
    r"(?:(?:a total of|overall,?|in total,?)\s+)?" + _COUNT + r"\s+(?:(?:eligible|evaluable|consecutive|adult)\s+)?"
    r"(?:patients|pts|men|participants|subjects)\b(?P<tail>[^.;]{0,60})",
    re.I,
)
_ENROLL_VERB = prefiltered(
    r"\b(?:were|was|had been|underwent)?\s*(?:enrolled|randomi[sz]ed|randomly assigned|recruited|included|treated|"
    r"underwent randomi[sz]ation|allocated|assigned|accrued|received)\b",
    re.I,
)
#: The patients an enrolment statement counts, with the space before them (which every statement has, after its
#: count or adjective): a pattern that starts with a character class is found far faster than _ENROLLED.
_PATIENT_NOUN = re.compile(r"\s(?:patients|pts|men|participants|subjects)\b", re.I)
#: A stretch of a sentence between two of the stops no enrolment statement crosses.
_CLAUSE = re.compile(r"[^.;]+")
#: "randomized 2:1", "in a 1:1 ratio": the first such ratio of the text.
_RATIO = re.compile(r"\b(?P<ratio>\d:\d(?::\d)?)")


@dataclass(frozen=True)
class TrialFacts:
    phase: str | None = None
    design: tuple[str, ...] = ()
    n_patients: int | None = None
    ratio: str | None = None


def normalize_phase(match: re.Match[str]) -> str:
    """'1', '1/2', '2', '3' from a phase match ("phase Ib/II" -> '1/2')."""
    first = _ROMAN.get(match.group("a").lower(), match.group("a"))
    second = match.group("b")
    if second:
        second = _ROMAN.get(second.lower(), second)
        return first if second == first else f"{first}/{second}"
    return first


def trial_facts(text: str, sentences: list[Sentence]) -> TrialFacts:
    """Phase, design words, patients enrolled and randomization ratio of the abstract's study."""
    phase_match = _PHASE.search(text)
    phase = normalize_phase(phase_match) if phase_match else None
    lowered = text.lower()
    traps = has_case_traps(text)
    design = tuple(
        name for name, pattern in _DESIGN.items() if _states(pattern, *_DESIGN_WORDS[name], text, lowered, traps)
    )
    if "multicenter" not in design and "single-center" not in design and _at_several_centres(text):
        design += ("multicenter",)  # "at 84 sites in North America and Europe", "at three Australian centres"
    if "single-arm" in design and "randomized" in design and _randomized_only_ahead(sentences):
        # "A randomised comparison with 177Lu-PSMA-617 alone is planned": a single-arm study's next trial
        design = tuple(word for word in design if word != "randomized")
    n_patients = next(filter(None, (_enrolled(sentence.text) for sentence in sentences[1:])), None)
    ratio = _randomization_ratio(text) if "random" in lowered else None
    return TrialFacts(phase, design, n_patients, ratio)


#: The centres a study ran at: "at 84 sites", "in 11 Australian hospitals", "across three centres".
_AT_CENTRES = prefiltered(
    r"\b(?:at|in|across|from)\s+(?P<n>\d+|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<w_") + r")\s+"
    r"(?:[A-Za-z-]+\s+){0,2}?(?P<place>centres|centers|sites|institutions|hospitals|clinics)\b",
    re.I,
)
#: Fewer sites than this may be a disease's ("metastases at three sites").
_SEVERAL_SITES = 5


def _at_several_centres(text: str) -> bool:
    """Whether the text says the study ran at two centres or more (five sites or more: fewer may be a disease's)."""
    for match in _AT_CENTRES.finditer(text):
        raw = match.group("n")
        count = int(raw) if raw.isdigit() else word_number(raw)
        if count is None:
            continue
        if count >= (_SEVERAL_SITES if match.group("place").lower() == "sites" else 2):
            return True
    return False


#: A sentence about a study still to come: "... is planned", "are warranted", "a phase 3 trial is under way".
_AHEAD = re.compile(
    r"\b(?:planned|warranted|needed|ongoing|under\s*way|in preparation|will|future|should be|is being|are being)\b",
    re.I,
)


def _randomized_only_ahead(sentences: list[Sentence]) -> bool:
    """Whether every sentence that says "randomized" speaks of a study to come."""
    stating = [s.text for s in sentences if _DESIGN["randomized"].search(s.text)]
    return bool(stating) and all(_AHEAD.search(text) for text in stating)


def _enrolled(sentence: str) -> int | None:
    """The number of patients the sentence says were enrolled (or treated, randomized, ...), if it says so."""
    # A count is taken only with an enrolment verb next to it, in the sentence: without one anywhere in it (four
    # sentences in five), no count is looked for.
    if not _ENROLL_VERB.possible(sentence):
        return None
    for start, end in _clauses_with_people(sentence):
        for match in _ENROLLED.finditer(sentence, start, end):
            if not _ENROLL_VERB.search(match.group("tail")) and not _ENROLL_VERB.search(
                sentence[max(0, match.start() - 40) : match.start()]
            ):
                continue
            raw = match.group("n")
            number = int(raw.replace(",", "")) if raw[0].isdigit() else word_number(raw)
            if number:
                return number
    return None


def _clauses_with_people(sentence: str) -> list[tuple[int, int]]:
    """The stretches between '.' and ';' that name patients (men, participants, ...), in order.

    No match of _ENROLLED holds a '.' or ';' and every one names patients, so it lies in one of these
    stretches; searched alone, the rest of a long sentence is not scanned for counts.

    >>> text = "Of 40 men screened, 31 were eligible; treatment was given to 30 patients. Median age 71"
    >>> [text[start:end] for start, end in _clauses_with_people(text)]
    ['Of 40 men screened, 31 were eligible', ' treatment was given to 30 patients']
    """
    if not _PATIENT_NOUN.search(sentence):
        return []
    return [
        (clause.start(), clause.end())
        for clause in _CLAUSE.finditer(sentence)
        if _PATIENT_NOUN.search(sentence, clause.start(), clause.end())
    ]


def _states(pattern: re.Pattern[str], contained: str, start: str, text: str, lowered: str, traps: bool) -> bool:
    """Whether ``text`` matches a design pattern, whose every match contains ``contained`` and starts with
    ``start`` (in any case); ``traps``: whether ``text`` has case traps (``has_case_traps``), asked once per text.

    >>> text = "A single-centre, open-label, single-arm trial"
    >>> _states(_DESIGN["single-arm"], "arm", "single", text, text.lower(), has_case_traps(text))
    True
    """
    # With case traps, lower-casing may hide a word the pattern reads: no shortcut then.
    if contained not in lowered and not traps:
        return False
    if traps or len(lowered) != len(text):
        return pattern.search(text) is not None  # the places in ``lowered`` may not be those of ``text``
    # Every match starts where the start word does: the pattern is tried there alone, one anchored match each,
    # rather than searched for at every place from the first one on (most texts hold the start word, "non" or
    # "single", in words that start no match).
    at = lowered.find(start)
    while at >= 0:
        if pattern.match(text, at):
            return True
        at = lowered.find(start, at + 1)
    return False


def _randomization_ratio(text: str) -> str | None:
    """The first "d:d" ratio of the text, looked for only where a colon is (a search would try every place).

    >>> _randomization_ratio("Methods: 12:1 is no ratio; men were randomized in a 2:1 ratio (or 1:1:1)")
    '2:1'
    """
    colon = text.find(":", 1)
    while colon >= 0:
        match = _RATIO.match(text, colon - 1)
        if match:
            return match.group("ratio")
        colon = text.find(":", colon + 1)
    return None
