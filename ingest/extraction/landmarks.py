"""The landmark time of a rate: "12-month OS 64%", "OS at 2 years was 41%", "PSA50 at 12 weeks in 45%".

A survival or response rate means little without the time it was read at: 64% alive at one year and 64%
alive at three years are different treatments. The time is read from the stretch of the sentence that holds
the endpoint and the value, and written the way trial reports write it: "12-month", "2-year", "12-week".
"""

from __future__ import annotations

import re

from ingest.extraction.prefilter import prefiltered
from ingest.extraction.textutil import word_number

#: The numbers in words a landmark is written with ("two-year", "at one year").
_LANDMARK_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "eighteen",
    "twenty-four", "thirty-six",
)  # fmt: skip
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_LANDMARK_WORDS, key=len, reverse=True)) + r")"
_UNITS = {
    "month": "month",
    "mo": "month",
    "m": "month",
    "year": "year",
    "yr": "year",
    "y": "year",
    "week": "week",
    "wk": "week",
}
#: A landmark written before what it times ("12-month OS", "1-year survival", "two-year", "1-, 2- and 3-year",
#: "12-mo"), or after "at" ("at 12 months", "at one year", "at 1 and 2 years"). A plural written before a word
#: ("15 months was") is a duration, not a landmark.
_LANDMARK = prefiltered(
    r"\b(?P<a>" + _NUMBER + r"(?:\s*-?\s*(?:,|and|or)\s*" + _NUMBER + r")*)"
    r"(?:[- ](?P<au>month|year|week)|-(?P<au2>mo|m|yr|y|wk))(?=[- ][A-Za-z])"
    r"(?![- ](?:schedules?|cycles?|intervals?|courses?|regimens?|dosing|infusions?|period|window)\b)"
    r"|\b(?:at|by)\s+(?P<b>" + _NUMBER + r"(?:\s*(?:,|and|or)\s*" + _NUMBER + r")*)\s*"
    r"(?P<bu>months?|mo|years?|yrs?|weeks?|wks?)\b"
    r"(?!\s*(?:of|post|after|from|since)\b)",
    re.I,
)
#: A short unit of time after a number ("12-mo", "2 yrs"): with "month", "year" or "week", what every landmark holds.
_SHORT_UNIT = re.compile(r"\d[- ]?(?:mo|m|yrs?|y|wks?)\b")
#: What would make the time a window or a follow-up, not a landmark: "within 12 weeks", "follow-up of 2 years".
_NOT_A_LANDMARK = re.compile(r"(?:within|during|over|first|follow[- ]?up(?:\s+of)?|median|for|every|up to)\s*$", re.I)
_LIST_SPLIT = re.compile(r"\s*-?\s*(?:,|and|or)\s*", re.I)
#: Right after a value: the time it was read at ("64% at 12 months", "41% (95% CI 30-52) at two years").
LANDMARK_AFTER_VALUE = re.compile(r"\s*%?\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?=(?:at|by)\s)", re.I)
#: Right after an endpoint named after its value: "7 of 9 had disease control at 12 weeks".
LANDMARK_AFTER_ENDPOINT = re.compile(r"\s*(?=(?:at|by)\s)", re.I)


def landmarks(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The landmark times written in ``text[start:end]``, in order, a list of times giving one each.

    >>> landmarks("The 12-month OS rate was 64%.")
    ['12-month']
    >>> landmarks("OS at two years was 41%; median OS was 15 months.")
    ['2-year']
    >>> landmarks("OS rates at 1 and 2 years were 80% and 60%; 1-, 2- and 3-year rPFS")
    ['1-year', '2-year', '1-year', '2-year', '3-year']
    >>> landmarks("PSA50 within 12 weeks on the six-week schedule; follow-up at 6 months after surgery")
    []
    """
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    if not ("month" in lowered or "year" in lowered or "week" in lowered or _SHORT_UNIT.search(lowered)):
        return []  # no unit of time: no landmark (the pattern below is tried at every character)
    found = []
    for match in _LANDMARK.finditer(text, start, end):
        if _NOT_A_LANDMARK.search(text, max(0, match.start() - 16), match.start()):
            continue
        numbers = match.group("a") or match.group("b")
        unit = _UNITS[(match.group("au") or match.group("au2") or match.group("bu")).lower().rstrip("s")]
        for number in _LIST_SPLIT.split(numbers):
            value = int(number) if number.isdigit() else word_number(number)
            found.append(f"{value}-{unit}")
    return found
