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

_WORD_NUMBER = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<unit>one|two|three|four|five|"
    r"six|seven|eight|nine))?\b|\b(?P<small>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
    re.IGNORECASE,
)


def word_number(text: str) -> int | None:
    """The value of a number written in words ("Sixteen", "thirty-one"), or None.

    >>> word_number("Thirty-one"), word_number("Sixteen"), word_number("many")
    (31, 16, None)
    """
    match = _WORD_NUMBER.fullmatch(text.strip())
    if not match:
        return None
    if match.group("small"):
        return NUMBER_WORDS[match.group("small").lower()]
    value = NUMBER_WORDS[match.group("tens").lower()]
    return value + (NUMBER_WORDS[match.group("unit").lower()] if match.group("unit") else 0)


WORD_NUMBER_PATTERN = _WORD_NUMBER.pattern

#: Between the items of a list: a comma (with or without "and"/"or" after it), or "and"/"or" alone.
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
