"""Numbers in a sentence: values with units, ratios (HR, OR, RR) with CIs, p-values, "not reached".

Everything here works on a dash-unified copy of the sentence (same length as the original),
so every atom's offsets are offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extraction.prefilter import prefiltered
from ingest.extraction.textutil import WORD_NUMBER_PATTERN, word_number

_NUM = r"\d+(?:\.\d+)?|\.\d+"
_SIGNED = r"-?(?:\d+(?:\.\d+)?|\.\d+)"

RATIO = prefiltered(
    r"\b(?P<kind>HRs?|(?i:hazard ratios?)|ORs?|(?i:odds ratios?)|RRs?|(?i:relative risks?)|(?i:risk ratios?))\b"
    # the level of the intervals that follow, in brackets: "hazard ratios (95% CI) were 0.47 (0.27-0.82) for ..."
    r"(?P<level>\s*[(\[]\s*\d{2}(?:\.\d+)?\s*%\s*(?:CIs?|(?i:confidence\s+intervals?))\s*[)\]])?"
    # (a longer stretch of words only up to a verb right before the value: "the HR adjusted for crossover with the
    # rank-preserving structural failure time model was 0.80")
    # (a tracer's mass number is no digit of a value: "the odds ratio for a positive scan with 18F-DCFPyL was 4.8")
    r"(?P<filler>(?:[^0-9;%]|\d{1,3}(?=[A-Z][a-z]?-)){0,45}?|[^0-9;%.()\[\]]{40,110}?\s(?:was|were|is|of)\s+)"
    r"(?<![\d.])(?P<value>" + _NUM + r")"
    r"(?![\d.]*%)(?![\d.]*[A-Za-z])"  # (nor the start of one: "18F")
    r"(?:\s*[(\[]\s*(?P<low>" + _SIGNED + r")\s*(?:-|to|,|;)\s*(?P<high>" + _SIGNED + r")\s*[)\]])?",
)
#: Another ratio of the same kind after the first one's bracket: ") and 0.52 (95% CI ...".
RATIO_CONTINUED = re.compile(
    r"\s*[(\[](?:[^()\[\]]|\[C?r?I\]){0,80}[)\]]\s*(?:,\s*)?(?:and\s+)?"  # (", and for OS 0.84 (" as well)
    r"(?:(?:for|in)\s+(?:the\s+)?[\w&-]+(?:\s+[\w&-]+)?\s*)?(?:,\s*)?(?:and\s+)?"
    r"(?P<value>\d*\.\d+)(?=\s*[(\[])"
)
#: The next ratio of a list that names each one's part after its bracket: "hazard ratios (95% CI) were 0.47
#: (0.27-0.82) for men younger than 65 years, 0.41 (0.26-0.65) for those aged 65-74 years and ...".
RATIO_LISTED = re.compile(
    # (the men may be counted in brackets, and the items set apart by semicolons: "... in those with liver metastases
    # (n=38); 0.53 (0.30-0.95) in those previously treated with radium-223")
    r"\s+(?:for|in|among)\s+(?:[^;()\[\]]|\(n\s*=\s*\d+\)){1,60}?\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)"
    r"(?P<value>\d*\.\d+)(?=\s*[(\[])"
)
#: The same without brackets, each ratio before the men it is of: "it was 0.69 in patients younger than 70 years and
#: 0.74 in those aged 70 years or older".
RATIO_LISTED_BARE = re.compile(
    r"\s+(?:for|in|among)\s+[^;()\[\]]{1,60}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<value>\d*\.\d+)"
    r"(?=\s+(?:in|for|among)\s+(?:the\s+)?(?:patients|men|those|pts)\b)"
)
#: The same with each ratio's interval stating its level: "The HR was 0.66 (95% CI 0.51-0.86) in men with de novo
#: disease and 0.87 (95% CI 0.56-1.35) in those with metachronous disease".
RATIO_LISTED_WITH_CI = re.compile(
    r"\s*[(\[](?:[^()\[\]]|\[C?r?I\]){0,80}[)\]]\s+(?:for|in|among)\s+[^;()\[\]]{1,60}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?P<value>\d*\.\d+)(?=\s*[(\[]\s*\d{2}(?:\.\d+)?\s*%\s*Cr?I)"
)
#: The same where only the first interval states its level and the next ones are bare: "The HR for rPFS was 0.61
#: (95% CI 0.39-0.96) in patients aged 75 years or older (n=148) and 0.56 (0.41-0.77) in younger patients".
RATIO_LISTED_AFTER_CI = re.compile(
    r"\s*[(\[][^()\[\]]{0,20}\bC[Ir]?I\b[^()\[\]]{0,60}[)\]]\s+(?:for|in|among)\s+(?:[^;()\[\]]|\(n\s*=\s*\d+\)){1,70}?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<value>\d*\.\d+)(?=\s*[(\[]\s*\d*\.\d+\s*(?:-|to)\s*\d*\.\d+\s*[)\]])"
)
#: Another ratio of the same kind the same sentence gives as "it was": "... (95% CI 0.50-1.36), whereas for those
#: without liver involvement it was 0.59 (...)", "; in men with one taxane it was 0.58 (", ", compared with 0.67 (".
RATIO_RESTATED = re.compile(
    r"\s*[(\[](?:[^()\[\]]|\[C?r?I\]){0,80}[)\]]\s*[,;]?\s*(?:[^0-9;.()\[\]]{0,60}?;\s*)?(?:[^0-9;.()\[\]]{0,90}?\b(?:it|this|that"
    r"|the\s+(?:[\w-]+\s+)?(?:ratio|HR|estimate))\s+(?:was|is)"
    r"|compared\s+with|versus|vs\.?)\s+(?P<value>\d*\.\d+)"
    # (its own bracket, or the men it is of: "; it was 0.69 in patients younger than 70 years and 0.74 in those ...")
    r"(?=\s*[(\[]|\s+(?:in|for|among)\s+(?:the\s+)?(?:patients|men|those|pts)\b)",
    re.I,
)
#: A CI's upper bound may be open: "95% CI 6.2-not reached", "(95% CI, 5.5 to NE)".
_OPEN_BOUND = r"not (?:yet )?(?:been )?reached|not estimable|not evaluable|NR\b|NE\b|NA\b"
CI = prefiltered(
    r"(?:(?P<level>\d{2}(?:\.\d+)?)\s*%\s*)?(?:CI|CrI|IC|confidence intervals?|credible intervals?|C\.I\.)(?:\b|(?=\d))"
    r"(?:\s*\[(?:CI|CrI)\])?"
    # the level may follow the words: "CI95% 21.8-57.8", "CI 95%: 0.62-1.33", "IC95% 0,34-0,79" (IC: the French,
    # Spanish and Italian name)
    r"(?:\s*(?P<level_after>\d{2}(?:\.\d+)?)\s*%)?"
    r"[\s,:=]*(?:of\s+|was\s+|from\s+)?(?P<low>" + _SIGNED + r")\s*%?\s*(?:-|to|,|;|and)\s*"
    r"(?:(?P<high>" + _SIGNED + r")|(?P<open>" + _OPEN_BOUND + r"))"
)
#: A range in brackets right after a percentage, without the word CI: "86.7% (69.7%-95.3%)".
BARE_INTERVAL = prefiltered(
    r"(?<=%)\s*[(\[]\s*(?P<low>" + _NUM + r")\s*%?\s*(?:-|to)\s*(?P<high>" + _NUM + r")\s*%?\s*[)\]]"
)
#: A range in brackets right after a time, without the word CI: "7.8 months (4.3-11.0)"; a CI only as the second of a
#: pair whose first states its CI ("13.0 months (95% CI 11.0-17.0) with X and 7.8 months (4.3-11.0) with Y").
_BARE_TIME_INTERVAL = re.compile(  # (tried only in a sentence that states a CI)
    r"(?:(?<=months)|(?<=weeks)|(?<=years)|(?<=month)|(?<=week)|(?<=\smo))"
    r"\s*[(\[]\s*(?P<low>" + _NUM + r")\s*(?:-|to)\s*(?P<high>" + _NUM + r")\s*[)\]]"
)
#: Between a stated CI and a bare range that is the CI of the second value of its pair.
_PAIRED_AFTER_CI = re.compile(r"[^;]{0,80}?\b(?:and|vs\.?|versus|compared\s+with|against)\s[^;]{0,30}$", re.I)
PVALUE = prefiltered(
    r"(?<![A-Za-z])[Pp](?:[\s-]*value)?(?:\s+for\s+(?:(?:subgroup|group)\s+)?(?:non-?inferiority|superiority|interaction|trend|differences?|heterogeneity))?"
    r"\s*(?P<op>[<>=≤≥]|&lt;|&gt;)\s*(?P<value>0?\.\d+|\d(?:\.\d+)?"
    r"(?:\s*[x×]\s*10\s*-\s*\d+)?)"
)
NOT_REACHED = prefiltered(r"\b(?:not (?:yet )?(?:been )?reached|not estimable|NR|NE)\b")

TIME_UNITS = {"month": "months", "mo": "months", "m": "months", "mth": "months", "week": "weeks", "wk": "weeks",
              "day": "days", "year": "years", "yr": "years"}  # fmt: skip
_UNIT = (
    r"(?P<unit>%|percent\b|per\s+cent\b|months?\b|mo\b|mos\b|mths?\b|ms\b|weeks?\b|wk\b|days?\b|years?\b|yr\b|m?Gy/[GM]Bq|m?Sv/[GM]Bq|Gy\b"
    # months as "m" ("5,9 m and 12,4 m"), where the unit ends its value (no "m2", "mL" nor "min")
    r"|m(?=\s*(?:[,;()\[\]]|\.(?!\d)|$|\s+(?:and|vs\.?|versus|in|with|for|respectively)\b))"
    r"|Sv\(RBE\d*\)/[GM]Bq|GBq\b|MBq/kg|MBq\b|kBq/kg|mCi/m2|mCi/m²|mCi\b|mg/kg|mg/m2|mg/m²|[µμ]g/kg|[µμ]g/d|[µμ]g\b|mg\b"
    # a dose of cells: "1.0 × 10^6 cells/kg", "1 x 10^8 CAR T cells/m2"
    r"|[x×]\s*10\^?\d{1,2}\s*(?:CAR\+?[\s-]*T[\s-]*)?cells(?:/kg|/m2|/m²)?)"
)
#: A value, an optional standard deviation ("1.90 ± 1.19 Gy/GBq") or range, and a unit.
VALUE = prefiltered(
    r"(?<![\w.])(?P<value>" + _NUM + r")(?:\s*(?:to|-)\s*(?P<upper>" + _NUM + r"))?\s*(?:%\s*)?"
    r"(?:±\s*(?:" + _NUM + r")\s*)?" + _UNIT
)
#: A percentage written in words: "Thirty-eight percent", "twelve per cent".
_WORDS_PERCENT = re.compile(r"(?<![\w-])(?P<words>" + WORD_NUMBER_PATTERN + r")\s+(?:percent|per\s+cent)\b", re.I)
#: A duration written in words as a result is stated: "median overall survival was nine months", "... were four and
#: a half and three months" (after "was", "were" or a colon, so "for six months" and "within two years" are none).
_WORDS_DURATION = re.compile(
    r"(?:\b(?:was|were)|:)\s+(?:(?P<words>" + WORD_NUMBER_PATTERN + r")(?P<half>\s+and\s+a\s+half)?)"
    r"\s+(?P<duration>months?|weeks?|years?)\b",
    re.I,
)
#: Before a percentage that is a threshold, not a result: "a decline of at least fifty percent".
_THRESHOLD_WORDS = re.compile(
    r"(?:at\s+least|more\s+than|greater\s+than|over|above|below|under|less\s+than|[≥≤<>]"
    r"|(?:declines?|reductions?|falls?|drops?|decreases?|increases?)\s+(?:of|by|in))\s*$",
    re.I,
)
#: A word that numbers what follows it ("cycle 1", "day 8", "week 12"): its number starts no range of values.
_NUMBERED_BEFORE = re.compile(r"\b(?:cycles?|days?|weeks?|months?|visits?|doses?|levels?)\s*$", re.I)
BARE = re.compile(r"(?<![\w.%-])(?P<value>" + _NUM + r")(?![\w.%]|\s*(?:to|-)\s*\d)")
_ONE_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty(?:-\w+)?|forty(?:-\w+)?|fifty(?:-\w+)?|sixty(?:-\w+)?"
    r"|seventy(?:-\w+)?|eighty(?:-\w+)?|ninety(?:-\w+)?)"
)
#: A number in words, a hundred or more in full ("one hundred and twelve"): the hundreds are tried only after a
#: number word, not at every word.
_NUMBER_WORD = _ONE_WORD_NUMBER + r"(?:\s+hundred\s+(?:and\s+)?" + _ONE_WORD_NUMBER + r")?"
_COUNT_WORD = r"\d+|" + _NUMBER_WORD
#: "8 of the 23 patients", "3/23", "Seven of the twelve" (a count unless a percentage goes with it: "3/23 (13%)",
#: "61/78 [78.2%]").
#: (Here and in PATIENT_COUNT, the lookbehind before a count implies the "\b"; written first, that cheaper test
#: turns away the places inside words before the lookbehind is tried.)
FRACTION = prefiltered(
    # ("1 of the first 6 men": the men counted first in a dose level)
    r"\b(?<![\w./])(?P<num>"
    + _COUNT_WORD
    + r")\s*(?:/|of(?:\s+the(?:\s+first)?)?)\s*(?P<den>"
    + _COUNT_WORD
    + r")(?![\w./])"
    # not a count of patients: "two of the three readers", "in two of the three reads", "4 of 9 centres"
    r"(?!\s+(?:readers?|reads|readings?|observers?|reviewers?|raters?|centres?|centers?|sites?|institutions?"
    r"|trials?|studies)\b)"
    r"(?P<tail>(?:\s+[a-z-]+){0,4}?\s*[(\[]\s*\d+(?:\.\d+)?\s*%)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Ratio:
    start: int
    end: int
    kind: str  # hr, or, rr
    value: float
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None


@dataclass(frozen=True, slots=True)
class Interval:
    start: int
    end: int
    low: float
    high: float | None  # None: an open bound ("not reached")
    level: float | None


@dataclass(frozen=True, slots=True)
class PValue:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Value:
    """A number and its unit; ``value`` None with unit ``NR`` is "not reached"."""

    start: int
    end: int
    value: float | None
    unit: str | None
    raw_unit: str | None = None


def ratio_kind(word: str) -> str:
    """'hr', 'or' or 'rr' for a ratio keyword."""
    word = word.lower()
    if word.startswith(("hr", "hazard")):
        return "hr"
    if word.startswith(("or", "odds")):
        return "or"
    return "rr"


def normalize_unit(raw: str | None) -> str | None:
    """Units as the extraction format writes them: months, %, Gy/GBq, ...

    >>> normalize_unit("mo"), normalize_unit("percent"), normalize_unit("per cent"), normalize_unit("Gy/GBq")
    ('months', '%', '%', 'Gy/GBq')
    >>> normalize_unit("mos"), normalize_unit("ms"), normalize_unit("mths")
    ('months', 'months', 'months')
    """
    if raw is None:
        return None
    lowered = " ".join(raw.lower().split())
    if lowered in ("%", "percent", "per cent"):
        return "%"
    stem = lowered.rstrip("s") if lowered not in ("days",) else "day"
    if stem in TIME_UNITS:
        return TIME_UNITS[stem]
    if lowered in ("patients", "men", "participants", "subjects", "cases"):
        return "patients"
    return raw.replace("²", "2").replace("μ", "µ")


def normalize_p(op: str, value: str) -> str:
    """P-values as ``<0.001``, ``=0.02`` (leading zero added, ≤/≥ kept as <=/>=).

    >>> normalize_p("=", ".002"), normalize_p("&lt;", "0.001"), normalize_p("≤", "0.05")
    ('=0.002', '<0.001', '<=0.05')
    """
    op = {"&lt;": "<", "&gt;": ">", "≤": "<=", "≥": ">="}.get(op, op)
    value = re.sub(r"\s+", "", value)
    if value.startswith("."):
        value = "0" + value
    return f"{op}{value}"


_ABBREVIATION_IN_BRACKETS = re.compile(r"\s*\[\s*[A-Za-z]{2,4}\s*\]\s*")
#: The unit a ratio of a continuous factor is given per: "HR per year 1.00", "HR per doubling 1.21".
_PER_UNIT = re.compile(r"\s*per\s+[a-z]+(?:\s+(?:increase|increment|rise))?\s*", re.I)


#: What joins a ratio's words to its value: "HR of", "was", "=", "(", "fell to".
_VALUE_LINK = re.compile(
    r"\b(?:of|was|were|is|being|=|:|,|\(|for|(?:fell|dropped|decreased|rose|increased)\s+to)\b|[=:,(]"
)


#: A ratio's interval alone in brackets right after it: " (0.26-0.65)".
_OWN_INTERVAL = re.compile(r"\s*[(\[]\s*(?P<low>" + _SIGNED + r")\s*(?:-|to|,|;)\s*(?P<high>" + _SIGNED + r")\s*[)\]]")


#: Ratios named once in the plural, then each given in brackets with its interval after the part it is of: "Hazard
#: ratios favoured X in patients younger than 65 years (0.36; 95% CI 0.18-0.72), aged 65-74 years (0.44; 0.28-0.70)".
_RATIOS_NAMED_IN_THE_PLURAL = re.compile(r"\b(?P<kind>HRs|(?i:hazard ratios)|ORs|(?i:odds ratios))\b")
BRACKETED_RATIO = re.compile(
    r"[(\[]\s*(?P<value>\d*\.\d+)\s*;\s*(?:(?P<level>\d{2}(?:\.\d+)?)\s*%\s*CI[\s,:]*)?"
    r"(?P<low>\d*\.\d+)\s*(?:-|to)\s*(?P<high>\d*\.\d+)\s*[)\]]"
)


def _bracketed_ratios(text: str, found: list[Ratio]) -> list[Ratio]:
    """The ratios of a sentence that names them in the plural and gives each in brackets, "(value; low-high)", that
    no other ratio holds."""
    named = _RATIOS_NAMED_IN_THE_PLURAL.search(text)
    if named is None:
        return []
    return _ratios_in_brackets(BRACKETED_RATIO, text, named.end(), ratio_kind(named.group("kind")), found)


def _ratios_in_brackets(
    pattern: re.Pattern[str], text: str, start: int, kind: str, found: list[Ratio], level: float | None = None
) -> list[Ratio]:
    """The ratios of ``kind`` that ``pattern`` finds (value, low and high in brackets) after ``start``, that no ratio
    of ``found`` holds, at ``level``."""
    return [
        Ratio(m.start("value"), m.end(), kind, value, float(m.group("low")), float(m.group("high")), level)
        for m in pattern.finditer(text, start)
        if 0 < (value := float(m.group("value"))) <= 50 and not any(r.start <= m.start("value") < r.end for r in found)
    ]


def find_ratios(text: str) -> list[Ratio]:
    """Every HR, OR or RR with its value (and a CI written right after it in brackets)."""
    ratios = _find_ratios(text)
    if "ratios" in text or "HRs" in text or "ORs" in text:
        ratios = sorted(ratios + _bracketed_ratios(text, ratios), key=lambda r: r.start)
    if "CI" in text and (heading := _RATIO_HEADING.search(text)):
        # (the heading's own word is no ratio of the words after it: "(HR [95% CI]) entered it: haemoglobin <11")
        ratios = [r for r in ratios if not heading.start() <= r.start < heading.end()]
        ratios = sorted(ratios + _headed_ratios(text, heading, ratios), key=lambda r: r.start)
    return ratios


#: A heading that names what the brackets after it hold: "(HR [95% CI])", "(HR, 95% CI)", "(OR; 95% CI)".
_RATIO_HEADING = re.compile(
    r"[(\[]\s*(?P<kind>(?-i:HRs?|ORs?)|hazard\s+ratios?|odds\s+ratios?)\s*[,;]?\s*[(\[]?\s*"
    r"(?:(?P<level>\d{2}(?:\.\d+)?)\s*%\s*)?CI\s*[)\]]?\s*[)\]]",
    re.I,
)
#: A ratio and its interval in brackets under such a heading: "(1.62 [1.13-2.32])", "(1.62, 1.13-2.32)".
_HEADED_RATIO = re.compile(
    r"[(\[]\s*(?P<value>\d*\.\d+)\s*(?:[(\[]|[,;])\s*(?P<low>\d*\.\d+)\s*(?:-|to)\s*(?P<high>\d*\.\d+)\s*[)\]]?\s*[)\]]"
)


def _headed_ratios(text: str, heading: re.Match[str], found: list[Ratio]) -> list[Ratio]:
    """The ratios given in brackets after a heading that names them ("Six variables (HR [95% CI]) entered the model:
    age (1.62 [1.13-2.32]), ..."), that no other ratio holds.

    >>> text = "Six variables (HR [95% CI]) entered: anaemia (1.91 [1.29-2.83]) and LDH (2.12 [1.31-3.43])."
    >>> [(r.kind, r.value, r.ci_low, r.ci_high, r.ci_level) for r in find_ratios(text)]
    [('hr', 1.91, 1.29, 2.83, 95.0), ('hr', 2.12, 1.31, 3.43, 95.0)]
    """
    level = float(heading.group("level")) if heading.group("level") else None
    return _ratios_in_brackets(_HEADED_RATIO, text, heading.end(), ratio_kind(heading.group("kind")), found, level)


def _find_ratios(text: str) -> list[Ratio]:
    ratios = []
    for match in RATIO.finditer(text):
        filler = match.group("filler")
        if (
            _VALUE_LINK.search(filler) is None
            and filler.strip()
            and not _ABBREVIATION_IN_BRACKETS.fullmatch(filler)  # "hazard ratio [HR] 0.68"
            and not _PER_UNIT.fullmatch(filler)
        ):
            continue  # "HR improved in patients 4" is not a ratio value
        value = float(match.group("value"))
        if value <= 0 or value > 50:
            continue
        low = float(match.group("low")) if match.group("low") else None
        high = float(match.group("high")) if match.group("high") else None
        kind = ratio_kind(match.group("kind"))
        ratios.append(Ratio(match.start(), match.end(), kind, value, low, high))
        end = match.end()
        # "... were 0.68 (95% CI ...) and 0.52 (95% CI ...)", "..., whereas in Y it was 0.59 (...)"
        listed = match.group("level") is not None and low is not None  # (each ratio's interval in its brackets)
        while more := (
            RATIO_CONTINUED.match(text, end)
            or RATIO_RESTATED.match(text, end)
            or (RATIO_LISTED.match(text, end) if listed else None)
            or RATIO_LISTED_WITH_CI.match(text, end)
            or RATIO_LISTED_BARE.match(text, end)
            or RATIO_LISTED_AFTER_CI.match(text, end)
        ):
            if more.re is RATIO_LISTED_AFTER_CI:
                listed = True  # (each next ratio's interval in its own brackets, bare)
            value = float(more.group("value"))
            if not 0 < value <= 50:
                break
            own = _OWN_INTERVAL.match(text, more.end("value")) if listed else None
            low, high = (float(own.group("low")), float(own.group("high"))) if own else (None, None)
            ratios.append(Ratio(more.start("value"), own.end() if own else more.end("value"), kind, value, low, high))
            end = own.end() if own else more.end("value")
    return ratios


def find_intervals(text: str) -> list[Interval]:
    """Every confidence interval, with its level when stated."""
    stated = [
        Interval(
            m.start(),
            m.end(),
            float(m.group("low")),
            float(m.group("high")) if m.group("high") else None,
            float(level) if (level := m.group("level") or m.group("level_after")) else None,
        )
        for m in CI.finditer(text)
    ]
    bare = [Interval(m.start(), m.end(), float(m.group("low")), float(m.group("high")), None)
            for m in BARE_INTERVAL.finditer(text)]  # fmt: skip
    if stated:
        bare += [
            Interval(m.start(), m.end(), float(m.group("low")), float(m.group("high")), None)
            for m in _BARE_TIME_INTERVAL.finditer(text)
            if any(i.end <= m.start() and _PAIRED_AFTER_CI.fullmatch(text, i.end, m.start()) for i in stated)
        ]
    return stated + bare


#: A p-value with its word and no sign: "(P-value 0.03)", "p value of 0.04" (looked for only in a text with "alue").
_PVALUE_WORDED = re.compile(
    r"(?<![A-Za-z])[Pp][\s-]*value\s*(?:of\s+|was\s+|:\s*)?(?P<value>0?\.\d+|[01](?:\.\d+)?)(?![\d.%])", re.I
)


def find_p_values(text: str) -> list[PValue]:
    """Every p-value, normalized ("P-value 0.03" is "=0.03")."""
    found = [PValue(m.start(), m.end(), normalize_p(m.group("op"), m.group("value"))) for m in PVALUE.finditer(text)]
    if "alue" in text:
        found += [
            PValue(m.start(), m.end(), normalize_p("=", m.group("value")))
            for m in _PVALUE_WORDED.finditer(text)
            if not any(p.start <= m.start() < p.end for p in found)
        ]
        found.sort(key=lambda p: p.start)
    return found


#: A result changed by a treatment, control first: "extended median overall survival from 11.3 to 15.3 months
#: (...) and progression-free survival from 3.4 to 8.7 months" (the verb may be shared by a second change).
_CHANGED_FROM = re.compile(
    r"\b(?:extend|prolong|improv|increas|rais|lengthen|doubl|reduc|decreas|lower|shorten)\w*\b.*\bfrom\s+$",
    re.I,
)
_CHANGE_UNITS = frozenset({"%", "months", "weeks", "days", "years"})


def changed_from(text: str, start: int) -> bool:
    """Whether the value at ``start`` is the "from" side of a change a treatment made ("extended median OS from
    11.3 to 15.3 months", "raised the PSA50 rate from 41% to 63%"): the control's result.

    >>> changed, doses = "It extended median OS from 11.3 to 15.3 months", "Doses went from 2 to 4 GBq"
    >>> changed_from(changed, changed.index("11.3")), changed_from(doses, doses.index("2 to"))
    (True, False)
    """
    return text.endswith("from ", 0, start) and _CHANGED_FROM.search(text, 0, start) is not None


def find_values(text: str) -> list[Value]:
    """Numbers with a unit. A range ("4-6 cycles") is skipped, as a design rather than a result, unless it is a
    change from one arm's result to the other's ("from 11.3 to 15.3 months"): then both ends are values."""
    values = []
    for match in VALUE.finditer(text):
        if match.group("upper") and _NUMBERED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            # "fell from 0.49 Gy/GBq at cycle 1 to 0.44 Gy/GBq": "1 to 0.44" is a cycle's number, then a value
            upper = VALUE.match(text, match.start("upper"))
            if upper is not None and not upper.group("upper"):
                values.append(_value_with_unit(upper))
            continue
        if match.group("upper"):
            unit = normalize_unit(match.group("unit"))
            if unit in _CHANGE_UNITS and changed_from(text, match.start()):
                raw = match.group("unit")
                values.append(Value(match.start(), match.end("value"), float(match.group("value")), unit, raw))
                upper = float(match.group("upper"))
                values.append(Value(match.start("upper"), match.end(), upper, unit, raw))
            continue
        values.append(_value_with_unit(match))
    if "percent" in text or "per cent" in text or "Percent" in text:
        for match in _WORDS_PERCENT.finditer(text):  # "Thirty-eight percent achieved ...", as a sentence starts
            number = word_number(match.group("words"))
            if number is not None and not _THRESHOLD_WORDS.search(text, max(0, match.start() - 30), match.start()):
                values.append(Value(match.start(), match.end(), float(number), "%", "percent"))
    if ("month" in text or "week" in text or "year" in text) and (" was " in text or " were " in text or ":" in text):
        for match in _WORDS_DURATION.finditer(text):
            number = word_number(match.group("words"))
            if number is not None:
                unit = match.group("duration")
                value = number + (0.5 if match.group("half") else 0)
                values.append(Value(match.start("words"), match.end(), float(value), normalize_unit(unit), unit))
    values.sort(key=lambda v: v.start)  # (the values in words join those in digits)
    return values


def _value_with_unit(match: re.Match[str]) -> Value:
    """The Value of a VALUE match that is no range; a number of cells in full ("5 × 10^7 cells/m2" is 5e7 cells/m2)."""
    value, unit = float(match.group("value")), match.group("unit")
    cells = _CELLS.match(unit)
    if cells:
        return Value(match.start(), match.end(), value * 10 ** int(cells.group("power")), cells.group("unit"), unit)
    return Value(match.start(), match.end(), value, normalize_unit(unit), unit)


#: The unit of a number of cells: its power of ten and what is counted ("× 10^6 CAR T cells/kg").
_CELLS = re.compile(r"[x×]\s*10\^?(?P<power>\d{1,2})\s*(?P<unit>.*cells.*)$")


def count_number(raw: str) -> float | None:
    """The value of a count written in digits or in words ("12", "twelve", "thirty-one").

    >>> count_number("12"), count_number("Twelve"), count_number("many")
    (12.0, 12.0, None)
    """
    if raw[0].isdigit():
        return float(raw)
    number = word_number(raw)
    return None if number is None else float(number)


def find_counts(text: str) -> tuple[list[Value], list[tuple[int, int]]]:
    """Counts written as fractions with no percentage ("2 of 14 patients"), and the spans of all fractions.

    A fraction that comes with a percentage gives only the rate (the percentage), by the
    annotation guideline; its numbers are then no values of their own.
    """
    counts, spans = [], []
    for match in FRACTION.finditer(text):
        spans.append((match.start(), match.end("den")))
        after = text[match.end("den") : match.end("den") + 40]
        before = text[max(0, match.start() - 12) : match.start()]
        if (
            match.group("tail")
            or re.match(r"\s*(?:[a-z-]+\s+){0,3}[(\[]?\s*\d+(?:\.\d+)?\s*%", after)
            or _WORDS_SHARE_AFTER.match(text, match.end("den"))  # "of the forty-one men (forty-nine per cent)"
            or "%" in before
            or _SHARE_IN_BRACKET.match(after)
        ):
            continue
        raw = match.group("num")
        number = count_number(raw)
        if number is not None:
            counts.append(Value(match.start(), match.end("num"), number, "patients"))
    return counts, spans


#: A percentage in words in brackets after a fraction: "twenty of the forty-one men (forty-nine per cent)".
_WORDS_SHARE_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+){0,3}[(\[]\s*(?:" + WORD_NUMBER_PATTERN + r")\s+(?:percent|per\s+cent)\b", re.I
)
#: The percentage of a fraction in the same bracket after it: "(1 of 22; 4.5%)".
_SHARE_IN_BRACKET = re.compile(r"\s*[;,]\s*\d+(?:\.\d+)?\s*%\s*[)\]]")
#: "3 patients had a DLT", "two men experienced ...": a count written before its endpoint.
PATIENT_COUNT = prefiltered(
    r"\b(?<![\w./%])(?P<n>" + _COUNT_WORD + r")\s+(?:\w+\s+)?(?:patients?|pts?|men|man|participants?)\b"
    # (a share in brackets after it makes it a rate's numerator; a bracket of words details the events)
    r"(?!\s*[(\[]\s*(?:\d|n\s*=|[<>≤≥]))",
    re.IGNORECASE,
)

#: "During the first course, 30 had a PSA decline of 50% or more": a count of patients before their verb, the noun
#: left out (at a clause's start: after a comma, a semicolon, a colon or "and", so that "at 12 months had" is none).
#: Tried only right before the verbs, which ``str.find`` finds (a pattern that starts with a number or a clause's
#: start would be tried at every character).
_BARE_COUNT_VERBS = (" had ", " achieved ", " experienced ", " developed ")
_BARE_COUNT_BEFORE_VERB = re.compile(r"(?:^|[,;:]\s*|\band\s+)(?P<n>\d{1,3}|" + _NUMBER_WORD + r")$", re.IGNORECASE)


def _bare_counts_had(text: str) -> list[re.Match[str]]:
    """The bare counts of ``text`` written right before one of _BARE_COUNT_VERBS."""
    found = []
    for verb in _BARE_COUNT_VERBS:
        at = text.find(verb)
        while at >= 0:
            match = _BARE_COUNT_BEFORE_VERB.search(text, max(0, at - 30), at)
            if match:
                found.append(match)
            at = text.find(verb, at + 1)
    return found


#: "any fall in PSA was seen in ten.": a count of patients that ends its clause, the noun left out.
CLAUSE_END_COUNT = prefiltered(
    r"\bin\s+(?:all\s+)?(?P<n>\d{1,3}|" + _NUMBER_WORD + r")"
    r"(?=\s*[.;,](?!\d)|\s+(?:and|but|whereas|while)\b)",
    re.IGNORECASE,
)


def find_patient_counts(text: str) -> list[Value]:
    """Counts of patients with no percentage; kept only if an endpoint follows (checked by the caller)."""
    counts = []
    matches = [*PATIENT_COUNT.finditer(text), *CLAUSE_END_COUNT.finditer(text), *_bare_counts_had(text)]
    if "only" in text:
        matches += _THE_ONLY_DLT.finditer(text)
    for match in sorted(matches, key=lambda m: m.start("n")):
        if _ONE_IN.search(text, max(0, match.start("n") - 16), match.start("n")):
            continue  # "one in six men": a share in words, six the men it is of; "all but one man": not that one
        raw = match.group("n")
        number = 1.0 if raw.lower() == "only" else count_number(raw)
        if number is not None:
            counts.append(Value(match.start("n"), match.end(), number, "patients", "patients-had"))
    return counts


#: The one dose-limiting toxicity of a study, told by "the only": "grade 4 CRS, which was the only dose-limiting
#: toxicity".
_THE_ONLY_DLT = re.compile(r"\bthe\s+(?P<n>only)(?=\s+(?:dose-limiting\s+toxicit|DLT\b))", re.IGNORECASE)
#: Right before the men a share in words is of ("one in ", "two out of "), or the few a statement leaves out
#: ("all but ").
_ONE_IN = re.compile(r"\b(?:(?:one|two|three|four|five)\s+(?:in|out\s+of)|all\s+but)\s+$", re.I)


SCORE_UNIT = "points"
#: A change in a questionnaire's score: "+1.8 points", "−6.4 points" (dashes made hyphens); not a difference between
#: two ("difference 8.2 points").
_SCORE_CHANGE = re.compile(
    r"(?<![\w.])(?<!difference )(?<!difference of )(?<!at least )(?<!≥)(?<!≥ )(?P<value>[+-]?\d+(?:\.\d+)?)\s*points?\b"
    # (not a scale's size, "an 11-point scale", nor a threshold, "improved by 10 points or more")
    r"(?!-)(?!\s+or\s+(?:more|greater|higher|above|over)\b)",
    re.IGNORECASE,
)


#: A change written with its sign and no unit, in a sentence about a change that writes a "+": "the mean change
#: from baseline was +2.1 with X and -4.8 with Y" (the "+" tells signed changes from ranges and hyphens).
_SIGNED_CHANGE = re.compile(r"(?<=[\s(])(?P<value>[+-]\d+(?:\.\d+)?)(?![\w.%/]|\s*(?:points?\b|to\s+\d|-\s*\d))")
_PLUS_SIGN = re.compile(r"(?<=[\s(])\+\d")


def find_score_changes(text: str) -> list[Value]:
    """Changes of a score in points, with their sign: "+1.8 points and -6.4 points" give 1.8 and -6.4; so do "+1.8
    and -6.4" in a sentence about a change.

    >>> [v.value for v in find_score_changes("The mean change from baseline was +2.1 with X and -4.8 with Y.")]
    [2.1, -4.8]
    >>> [v.value for v in find_score_changes("PSA fell in 20 (range -5 to 40) patients; the change was 12%.")]
    []
    """
    found = [
        Value(m.start("value"), m.end(), float(m.group("value")), SCORE_UNIT, "points")
        for m in _SCORE_CHANGE.finditer(text)
    ]
    if "chang" in text and _PLUS_SIGN.search(text):
        found += [
            Value(m.start("value"), m.end("value"), float(m.group("value")), SCORE_UNIT, "points")
            for m in _SIGNED_CHANGE.finditer(text)
        ]
        found.sort(key=lambda v: v.start)
    return found


def find_not_reached(text: str) -> list[Value]:
    """ "Not reached" (and NR, not estimable) as values without a number."""
    return [Value(m.start(), m.end(), None, NOT_REACHED_UNIT) for m in NOT_REACHED.finditer(text)]


NOT_REACHED_UNIT = "NR"


PROPORTION_UNIT = "proportion"
#: A proportion right after "was", "of", ":" or a diagnostic metric ("sensitivity was 0.40", "specificity 0.95");
#: kept only for diagnostic endpoints. A number with a standard deviation ("0.49 ± 0.19 Gy/GBq") is a mean.
PROPORTION = re.compile(
    r"(?:\b(?:was|were|of|is|sensitivity|specificity|accuracy|value|PPV|NPV)|[:=]"
    # (or opening a bracket that gives its CI or sets it against another: "(0.69, 95% CI 0.57-0.79)", "(0.93 vs 0.96)")
    r"|\((?=\s*(?:0?\.\d+|1\.0+)\s*(?:[,;]\s*\d{2}(?:\.\d+)?\s*%\s*(?:CI|CrI|confidence|credible)|(?:vs\.?|versus)\s+(?:0?\.\d+|1\.0+)\s*[);,])))"
    r"\s*(?P<value>0?\.\d+|1\.0+)"
    # (not a quantity with its unit, nor the start of a range of one: "a PSA of 0.5 ng/ml or higher", "By PSA level:
    # 0.2-0.49 ng/mL, 38%")
    r"(?![\w%]|\.\d|\s*±|(?:\s*(?:-|–|to)\s*[<≤]?\s*\d*\.?\d+)?\s*(?:ng|[µμ]g|mg|ml|mL|mm|cm|Gy|[GMk]Bq|mCi"
    r"|months?|years?|weeks?|days?)\b)",
    re.I,
)


#: What comes before and starts every proportion: a space, a last letter of PROPORTION's words (ſ is an "s" to
#: IGNORECASE), ":" or "=", then "0.", "." or "1.0". A pattern that starts with a character class is found
#: much faster than PROPORTION, which re tries at every place.
_PROPORTION_CLUE = re.compile(r"[\s:=(A-Za-z\u017f](?:0?\.\d|1\.0)")


def find_proportions(text: str) -> list[Value]:
    """Proportions between 0 and 1 written after a verb or colon."""
    if not _PROPORTION_CLUE.search(text):
        return []
    return [Value(m.start("value"), m.end("value"), float(m.group("value")), PROPORTION_UNIT)
            for m in PROPORTION.finditer(text)]  # fmt: skip


#: Between a proportion and the next of its run: its CI, the group it is for, a comma and a joining word ("0.87 (95%
#: CI: 0.81-0.93), compared with 0.52", "0.70 (...) for 68Ga-PSMA-11 (31 studies), 0.73").
_PROPORTION_CHAIN = re.compile(
    # (a "for X" after a value runs to the word that joins the next: "0.89 (...) for 18F-PSMA-1007 vs 0.63")
    # (or "in"/"at" a region: "0.63 in the prostate bed, 0.82 in the prostate (after radiotherapy) and 0.91 at distant
    # sites"; not a group of men, whose values have units of their own: "0.81 in the holiday group and 0.78 ...")
    r"(?:\s*\([^()]{0,60}\))?(?:\s+(?:for|(?:in|at)(?![^,;()]{0,40}?\b(?:groups?|arms?|cohorts?)\b))\s+[^,;()]{1,40}?"
    r"(?:\s*\([^()]{0,30}\))?"
    r"(?=\s*(?:,|and\b|or\b|vs\b|vs\.|versus\b|compared\b|against\b)))?\s*,?\s*"
    r"(?:and|or|vs\.?|versus|compared with|compared to|against)?\s*",
    re.I,
)
_DECIMAL_PROPORTION = re.compile(r"(?<![\w.%-])(?P<value>0?\.\d+|1\.0+)(?![\w%]|\.\d|\s*(?:to|-|–)\s*\d|\s*±)")


def chained_proportions(text: str, proportions: list[Value]) -> list[Value]:
    """Proportions that follow a proportion in a run, without the verb or colon before them: "PPV was 0.87 (95% CI:
    0.81-0.93), compared with 0.52 (95% CI: 0.37-0.67)" gives 0.52."""
    found: list[Value] = []
    starts = {v.start for v in proportions}
    for last in proportions:
        while (gap := _PROPORTION_CHAIN.match(text, last.end)) and (
            following := _DECIMAL_PROPORTION.match(text, gap.end())
        ):
            if following.start("value") in starts:
                break
            last = Value(
                following.start("value"), following.end("value"), float(following.group("value")), PROPORTION_UNIT
            )
            starts.add(last.start)
            found.append(last)
    return found


def find_bare_numbers(text: str) -> list[Value]:
    """Numbers without a unit (their unit may be shared: "8.7 vs. 3.4 months")."""
    return [Value(m.start(), m.end(), float(m.group("value")), None) for m in BARE.finditer(text)]
