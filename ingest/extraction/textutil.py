"""Character-level helpers shared by the extraction components."""

from __future__ import annotations

import re

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", strict=True))
_FOLD = str.maketrans({**{d: "-" for d in DASHES}, **_SUPERSCRIPTS, "\u00a0": " ", "\u2009": " ", "\u202f": " "})


_NON_ASCII_FOLDED = re.compile("[" + DASHES + "⁰¹²³⁴⁵⁶⁷⁸⁹\u00a0\u2009\u202f]")


def _translate(text: str) -> str:
    # re.sub over the few characters present is several times faster than str.translate with a dict.
    return _NON_ASCII_FOLDED.sub(lambda m: m.group().translate(_FOLD), text) if not text.isascii() else text


def fold(text: str) -> str:
    """Lower-case, dash-unified copy of ``text`` with exactly the same length (offsets carry over).

    >>> fold("¹⁷⁷Lu–PSMA-617 vs. ARPI")
    '177lu-psma-617 vs. arpi'
    """
    folded = _translate(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


#: Letters that ``re.IGNORECASE`` matches to an ASCII letter but that ``str.lower`` (and ``fold``) do not lower
#: to it: the dotted capital I (lowered to "i" and a combining dot), the dotless i and the long s.
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")


def has_case_traps(text: str) -> bool:
    """Whether ``text`` holds a letter (see ``_CASE_TRAPS``) where a literal looked for in its lower-cased copy
    can be missed although a case-insensitive pattern matches it there.

    >>> has_case_traps("R\u0130SK"), has_case_traps("re\u017fponse"), has_case_traps("Risk")
    (True, True, False)
    """
    # str.isascii() reads a flag the string carries (no scan): most sentences, and many abstracts, are ASCII.
    return not text.isascii() and any(trap in text for trap in _CASE_TRAPS)


def dashes_to_hyphen(text: str) -> str:
    """``text`` with every dash as '-' and superscript digits as digits (same length)."""
    return _translate(text)


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip

_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_SMALL = _UNITS + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
#: A number below a hundred in words: "Sixteen", "thirty-one".
_BELOW_HUNDRED = re.compile(
    r"(?:(?P<tens>" + _TENS + r")(?:[- ](?P<unit>" + _UNITS + r"))?\b|(?P<small>" + _SMALL + r")\b)", re.IGNORECASE
)
#: A number in words, a hundred or more in full ("one hundred and twelve"): the hundreds are tried only after a number
#: word, not at every word.
_WORD_NUMBER = re.compile(
    r"\b" + _BELOW_HUNDRED.pattern + r"(?:\s+hundred\s+(?:and\s+)?(?:(?:" + _TENS + r")(?:[- ](?:" + _UNITS + r"))?"
    r"|" + _SMALL + r")\b)?",
    re.IGNORECASE,
)


def word_number(text: str) -> int | None:
    """The value of a number written in words ("Sixteen", "thirty-one"), or None.

    >>> word_number("Thirty-one"), word_number("Sixteen"), word_number("one hundred and twelve"), word_number("many")
    (31, 16, 112, None)
    """
    written = text.strip()
    if not _WORD_NUMBER.fullmatch(written):
        return None
    head, hundred, rest = written.lower().partition("hundred")
    if not hundred:
        return _below_hundred(head)
    return 100 * _below_hundred(head.strip()) + _below_hundred(rest.strip().removeprefix("and").strip())


def _below_hundred(text: str) -> int:
    match = _BELOW_HUNDRED.fullmatch(text)
    assert match is not None
    if match.group("small"):
        return NUMBER_WORDS[match.group("small").lower()]
    value = NUMBER_WORDS[match.group("tens").lower()]
    return value + (NUMBER_WORDS[match.group("unit").lower()] if match.group("unit") else 0)


WORD_NUMBER_PATTERN = _WORD_NUMBER.pattern

#: Between the items of a list: a comma (with or without "and"/"or" after it), or "and"/"or" alone.
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


#: A number written with a comma between digits ("7,4", "0,028", "1,120"), not inside a longer run of them.
_COMMA_NUMBER = re.compile(r"(?<![\d.,])(?P<whole>\d{1,3}),(?P<part>\d+)(?!\d|,\d|\.\d)")
#: Numbers in square brackets that cite references ("[3,4]", "[2,5,7]"): no decimals.
_CITATION = re.compile(r"\[\d+(?:,\d+)+\]")


def _is_decimal_comma(match: re.Match[str]) -> bool:
    """A comma whose digits are no thousands: not three of them after it, or a whole part of 0 ("0,028")."""
    return len(match.group("part")) != 3 or match.group("whole") == "0"


#: A middle dot or bullet operator between two digits: the decimal point of journals that raise it ("8·3 months").
_RAISED_POINT = re.compile(r"(?<=\d)[·∙](?=\d)")


#: A comparison sign written out: "> or =", "< or =" (and "≥" written ">/=").
_SIGN_WRITTEN_OUT = re.compile(r"([<>])\s?(?:or\s?=|/=)")


def with_signs(text: str) -> str:
    """``text`` with comparison signs written out ("> or = 50%", as some registries and journals print "≥") as the
    sign, same length (the sign stays next to its number).

    >>> with_signs("a PSA decline of > or = 50% in men aged < or = 75 years, grade >/= 3")
    'a PSA decline of      ≥ 50% in men aged      ≤ 75 years, grade   ≥ 3'
    """
    if " or =" not in text and "/=" not in text and "or=" not in text:
        return text
    return _SIGN_WRITTEN_OUT.sub(lambda m: " " * (len(m.group()) - 1) + ("≥" if m.group(1) == ">" else "≤"), text)


def with_decimal_points(text: str) -> str:
    """``text`` with its decimal commas written as points ("7,9 months", "HR 0,68 [0,48; 0,96]"), same length.

    Only a text that writes at least two numbers with a decimal comma is changed, and in it only the commas that
    cannot be thousands separators ("1,120 patients" stays) or part of a citation ("[3,4]").

    >>> with_decimal_points("Median PSA-PFS was 7,9 vs 5,6 months (HR 0,68 [0,48; 0,96]; p=0,028) in 1,120 men [3,4].")
    'Median PSA-PFS was 7.9 vs 5.6 months (HR 0.68 [0.48; 0.96]; p=0.028) in 1,120 men [3,4].'
    >>> with_decimal_points("Of 2,205 men, 1,5 cycles")
    'Of 2,205 men, 1,5 cycles'
    >>> with_decimal_points("doses were 1,67 ± 0,60, 0,38 ± 0,11 and 0,72 Gy/GBq")
    'doses were 1.67 ± 0.60, 0.38 ± 0.11 and 0.72 Gy/GBq'

    A raised point between digits, as some journals print decimals, is a decimal point wherever it is:

    >>> with_decimal_points("Median OS was 8·3 months (95% CI 5·0–15·9; p=0∙004)")
    'Median OS was 8.3 months (95% CI 5.0–15.9; p=0.004)'
    """
    if "·" in text or "∙" in text:
        text = _RAISED_POINT.sub(".", text)
    between_digits = 0
    at = text.find(",")
    while at >= 0:  # most abstracts hold no comma between two digits, or one ("1,120"): a plain loop tells
        if 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit():
            between_digits += 1
        at = text.find(",", at + 1)
    if between_digits < 2:
        return text
    cited = [(m.start(), m.end()) for m in _CITATION.finditer(text)]
    decimals = [
        m for m in _COMMA_NUMBER.finditer(text)
        if _is_decimal_comma(m) and not any(start <= m.start() < end for start, end in cited)
    ]  # fmt: skip
    if len(decimals) < 2:
        return text
    characters = list(text)
    for match in decimals:
        characters[match.end("whole")] = "."
    return "".join(characters)
