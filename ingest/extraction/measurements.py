"""Measurements of one sentence: values grouped by arm, tied to an endpoint, with HR, CI and p.

The rules, in order:
1. Values are numbers with a unit; a bare number shares the unit of the value it is paired
   with ("8.7 vs. 3.4 months"). Numbers inside CIs, ratios, p-values and entity names are not
   values, nor are doses, ranges or counts in brackets after a percentage.
2. Values joined by vs/versus/compared with/and/than form a group, one value per arm, in the
   order the text names the arms.
3. A group's endpoint is the endpoint named right after it ("0.82 Gy/GBq for the kidneys")
   or else the nearest one before it in the sentence.
4. A ratio (HR, OR, RR) takes the next CI and p-value; it joins the group of its endpoint
   (on the first arm) or stands alone. A ratio with no endpoint in its sentence takes the
   endpoint of the previous sentence.
5. A sentence of assumptions (assuming, powered, expected, will ...) gives planned values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ingest.extraction.context import (
    ARM_LABEL,
    COMPARATOR_REGIMENS,
    IMAGING_REGIMENS,
    MODALITIES_WITHOUT_AGENT,
    PLACEBO,
    RESPONSE_ENDPOINTS,
    Arm,
    DocumentContext,
    Sentence,
    without_partners,
)
from ingest.extraction.landmarks import LANDMARK_AFTER_ENDPOINT, LANDMARK_AFTER_VALUE, landmarks
from ingest.extraction.mentions import ENDPOINT_KINDS, OTHER_MARKER, POOLED_STUDY, Mention
from ingest.extraction.numbers import (
    BRACKETED_RATIO,
    NOT_REACHED_UNIT,
    PROPORTION_UNIT,
    SCORE_UNIT,
    Interval,
    PValue,
    Ratio,
    Value,
    chained_proportions,
    changed_from,
    count_number,
    find_bare_numbers,
    find_counts,
    find_intervals,
    find_not_reached,
    find_p_values,
    find_patient_counts,
    find_proportions,
    find_ratios,
    find_score_changes,
    find_values,
    normalize_p,
    normalize_unit,
)
from ingest.extraction.prefilter import prefiltered
from ingest.extraction.subgroups import (
    DOSE_LEVEL,
    MARKER_CUT,
    SentenceSubgroups,
    is_dose_level,
    part_before_bracket,
    respective_bands,
)
from ingest.extraction.tables import Cell, TableRow, is_empty
from ingest.extraction.textutil import WORD_NUMBER_PATTERN, dashes_to_hyphen
from kg.model import Measurement
from kg.ontology import Ontology

#: Endpoints that papers also report as proportions ("sensitivity was 0.40").
_DIAGNOSTIC = frozenset({"sensitivity", "specificity", "PPV", "NPV", "accuracy", "detection rate", "CLR"})
TIME_TO_EVENT = frozenset(
    {
        "endpoint:OS",
        "endpoint:PFS",
        "endpoint:rPFS",
        "endpoint:PSA-PFS",
        "endpoint:MFS",
        "endpoint:DoR",
        "endpoint:time-to-SSE",
    }
)
#: Endpoints whose value can be a time: the times to an event, and quality of life and pain (times to their
#: worsening). A time with any other endpoint is when something happened, not a result.
TIMED_ENDPOINTS = TIME_TO_EVENT | {"endpoint:HRQoL", "endpoint:pain"}
TIME_UNITS = frozenset({"months", "weeks", "days", "years"})
DOSE_UNITS = frozenset(
    {"GBq", "MBq", "mCi", "mCi/m2", "kBq/kg", "MBq/kg", "mg/kg", "mg/m2", "µg/d", "µg/kg", "µg", "mg"}
)


def is_dose_unit(unit: str | None) -> bool:
    """A unit of an administered dose: an activity, a mass, or a number of cells ("× 10^6 cells/kg")."""
    return unit in DOSE_UNITS or (unit is not None and unit.endswith(("cells", "cells/kg", "cells/m2", "cells/m²")))


_CONNECTOR = re.compile(
    r"^\s*(?:%\s*)?(?:\)|\]|,)?\s*"
    r"(?:vs\.?|versus|(?-i:v)\.?|compared (?:with|to)|and|or|than|while|whereas|against|,)\s*(?:in\s+|with\s+)?$",
    re.I,
)
_CHANGE_GAP = re.compile(r"\s*(?:%\s*)?to\s+$")
#: Only a comma between two values of a list, past the first one's CI: "60%, 71% and 35%" (the "and" comes before the
#: last one), "8% (95% CI 6-11), 7% (95% CI 4-11) and 12% (...)".
_LIST_GAP_OF_VALUES = re.compile(r"\s*(?:%|months?|mo)?\s*(?:\((?:\d+(?:\.\d+)?\s*%\s*)?CI\b[^()]{0,30}\)\s*)?,\s*")
#: A slash with spaces around it between two values of a row, one per arm ("PSA50: 47% / 66% / 63%"), in a sentence
#: that sets no arms against each other (in "95% / 32% vs 91% / 38%" the slash parts two grades of one arm).
_SLASH_GAP = re.compile(r"\s*(?:%|months?|mo)?\s+/\s+")
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\b", re.I)
#: A time that opens the sentence and times all of its rates: "At 12 months, ...", "By two years, ...".
_OPENING_LANDMARK = re.compile(r"\s*(?:at|by)\s+[\w-]+\s+(?:months?|years?|weeks?|mo|yrs?|wks?)\s*,", re.I)
#: After the last value of a group, the people it counts and what they were, then the time: "19% versus 3% of men
#: free of progression at 12 months" (the time of every value of the group).
_PEOPLE_THEN_LANDMARK = re.compile(
    r"\s*%?\s*of\s+(?:the\s+)?(?:men|patients|pts|participants)\b[^.;,()\d]{0,40}?\s(?=(?:at|by)\s)", re.I
)
#: Between the two runs of values of "... for X were 50%, 75% and 93%, compared with 33%, 68% and 87% for Y".
_RUN_CUT = re.compile(r",?\s+(?:compared (?:with|to)|versus|vs\.?|against|whereas|while)\s", re.I)
#: Between the values of a bare list: "33%, 68% and 87%".
_BARE_LIST_GAP = re.compile(r"\s*(?:%|months?|mo)?\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)")
_PAIR_GAP = prefiltered(r"\b(?:vs\.?|versus|(?-i:v)\.?|compared (?:with|to)|and|than|while|whereas|against)\b", re.I)
_PLANNED = prefiltered(
    # (not a result set against what was expected: "as expected", "in line with those expected", "than expected")
    r"\b(?:assum\w*|powered|power to|\d+% power|to detect|hypothes\w*|(?<!\bas )(?<!\bthan )(?<!\bthose )expected"
    r"|we expect|anticipated"
    r"|will (?:be|have|provide)"
    r"|sample size|target(?:ed)? (?:accrual|enrol\w*)|is designed|designed to"
    # but not a result set against the plan: "well above the planned 35%" (a threshold), "more than planned"
    r"|(?<!\bthan )(?<!\bas )planned(?!\s+(?:[a-z]+\s+)?(?:management|treatment|therapy|radiotherapy|surgery))"
    r"(?!\s+\d)"
    r"|would be (?:judged|considered|deemed|declared|met|achieved)|success (?:if|required)"
    # "the success thresholds were lower bounds of 80% and 40%" (not one a result met: "the threshold was met")
    r"|success (?:thresholds?|criteria)\s+(?:was|were|is|are|of)\b(?!\s+(?:not\s+)?(?:met|reached|missed|achieved))"
    # a dose prescribed ahead: "activities prescribed so that each cycle would deliver 5 Gy to the kidneys"
    r"|would (?:deliver|give|receive)"
    # "non-inferiority was to be declared if the upper bound ... was below 1.30"
    r"|(?:was|were|is|are) to be (?:judged|considered|deemed|declared|met|achieved|claimed|shown)"
    r"|if the lower (?:confidence )?(?:bound|limit)"
    r"|(?:had|has|have) to (?:exceed|reach|be above)|must (?:exceed|reach|be above)|to succeed"
    r"|Simon|two[- ]stage|uninteresting"
    # a target and the rate of no interest: "a PSA50 rate of 65% was targeted; 45% or lower not worth pursuing"
    r"|(?:was|were|is|are)\s+targeted|not\s+(?:be\s+)?worth\s+(?:pursuing|further)"
    # "a rate of 30% was considered promising and a rate of 10% not of interest", "a rate of at least 40% in the
    # de-escalated arm was considered acceptable"
    r"|(?:considered|deemed)\s+(?:promising|acceptable|sufficient)|not\s+of\s+interest|of\s+no\s+interest"
    # "undetectable PSA in at least 40% of the combination arm was prespecified as a signal of activity"
    r"|(?:was|were|is|are)\s+pre-?specified\s+as)\b",
    re.I,
)
#: Values that are design targets even in a sentence of results: "a prespecified threshold of 62.5%".
_THRESHOLD = prefiltered(
    r"(?:threshold|success criteri\w*|target|null hypothesis|assum\w*|expected)s?\b(?:\s+(?:of|was|were|at|for))?"
    # (a bound the CI had to clear: "success thresholds for the lower bound of the 95% CI of 80% for specificity")
    r"(?:\s+the\s+lower\s+(?:confidence\s+)?(?:bound|limit)\s+of\s+the\s+\d{2}(?:\.\d+)?\s*%\s*"
    r"(?:CI|confidence\s+interval)(?:\s+(?:of|at|was|were))?)?"
    r"(?:\s+[a-z]+){0,3}\s+\d+(?:\.\d+)?\s*%(?:\s+(?:for|and)\s+[^.;,]{0,40}?\s+\d+(?:\.\d+)?\s*%)*"
    # the plan a result is set against: "well above the planned 35%"
    r"|\bplanned\s+\d+(?:\.\d+)?\s*%"
    # a non-inferiority margin: "below a margin of 1.30", "the non-inferiority margin (1.25)"
    r"|\bmargin\s+(?:of\s+|\(\s*)?(?:HR\s+)?\d+(?:\.\d+)?",
    re.I,
)
#: Numbers that are not results: sample sizes "(n = 113)", time windows "within 12 weeks", "for 90 days".
_NOT_A_RESULT_PARTS = (
    r"\b[nN]\s*=\s*\d+",
    # information fractions and crossover: "with 46% of the target events", "84.6% of controls had crossed over"
    r"\d+(?:\.\d+)?\s*%\s+of\s+(?:the\s+)?(?:target(?:ed)?\s+|planned\s+|required\s+|expected\s+)?events\b",
    # (not an arm described by its switch: "36.7% of those switched to another ARPI")
    r"\d+(?:\.\d+)?\s*%\s+of\s+[^.;,%]{0,60}?\b(?:crossed over|cross(?:ed)?[- ]over"
    r"|switched(?!\s+to\s+(?:another|a\s+second|an\s+alternative|a\s+different)\b))\b",
    r"\bamong\s+(?:the\s+)?\d+\b",
    # the heterogeneity of a meta-analysis: "I² = 71%", "I2 of 40%"
    r"\b(?-i:I)(?:²|2|\^2)\s*(?:=|:|of|was)?\s*\d+(?:\.\d+)?\s*%",
    r"\b(?:within|at(?: least)?|after|for|by|over|every|beyond|up to|lasting|more than|≥|>=|>)\s+"
    r"(?:(?:approximately|about|around|roughly)\s+)?\d+(?:\.\d+)?"
    r"(?:\s*(?:,|and|or)\s*\d+(?:\.\d+)?)*\s*(?:weeks?|wk|days?|months?|mo|years?|hours?|h)\b",
    # 1 minus a hazard ratio: "a 41% reduction in risk", "a 38% lower risk of death", "reduced the risk of
    # radiographic progression or death by 28%"
    r"\breduc(?:ed|es|ing)\s+the\s+(?:relative\s+)?(?:risk|hazard|odds)\s+of\s+[^.;%]{0,80}?\bby\s+"
    r"(?:about\s+|approximately\s+|nearly\s+)?\d+(?:\.\d+)?\s*%",
    r"\b\d+(?:\.\d+)?\s*%\s+(?:relative\s+)?(?:reduction|decrease|lower|increase|higher)\s+(?:in\s+(?:the\s+)?)?"
    r"(?:risk|hazard|odds)\b",
    # a figure others reported: "close to the 15.3 months reported in the VISION trial"
    r"\b\d+(?:\.\d+)?\s*(?:%|months?|weeks?|years?)\s+(?:previously\s+)?(?:reported|published|observed|seen)\s+"
    r"(?:in|by|for|with)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:trials?|studies|series|literature|historical)\b",
    # the follow-up: "at a median follow-up of 20.1 months", "(median follow-up, 24 months)", "followed for 3 years"
    # (and "at med f/u 11 mo" of congress text)
    r"(?:(?:\bfollow[- ]?up|\bf/u)(?:\s+(?:time|duration|period))?\s*(?:[:,=]|\bof\b|\bwas\b|\bis\b|\blasted\b)?"
    r"|\bfollowed(?:\s+up)?\s+for\b)\s*(?:(?:a\s+)?(?:median|mean)\s+(?:of\s+)?)?"
    r"\d+(?:\.\d+)?\s*(?:weeks?|days?|months?|mo|years?)\b",
    # a window or a landmark: "over the first 12 weeks", "free of progression 12 months after surgery"
    r"\b(?:over|during|in|within|for)\s+the\s+(?:first|initial|last|next)\s+\d+(?:\.\d+)?\s*"
    r"(?:weeks?|days?|months?|years?)\b",
    # an age that sets a group apart: "men aged ≥80 years", "patients older than 75 years"
    # the men a share is of: "78% of the 18 men with measurable disease had a response"
    r"(?<=%)\s+of\s+(?:the|all|these)\s+\d+\s+(?:(?:evaluable|assessable|treated)\s+)?(?:men|patients|pts|participants)\b",
    r"\b(?:aged?|older than|younger than)\s+(?:of\s+)?(?:[<>≤≥]=?\s*|under\s+|over\s+|at least\s+)?\d+\s*"
    r"(?:years?|yrs?|y)\b",
    r"\b\d+\s*(?:years?|yrs?)\s+(?:of\s+age|old)\b",  # "patients 65 years of age or older"
    r"\b\d+(?:\.\d+)?\s*(?:weeks?|days?|months?|years?)\s+(?:after|post)[\s-]+(?:surgery|prostatectomy|radiotherapy"
    r"|treatment|therapy|completion|the\s+(?:last|first|final)\s+(?:cycle|dose|infusion)"
    r"|(?:each|every)\s+(?:cycle|dose|infusion|administration))\b",
)
_NOT_A_RESULT = re.compile("|".join(_NOT_A_RESULT_PARTS), re.I)
#: What every match of _RARELY_A_RESULT holds, tested first in the lower-cased sentence.
_RARE_WORDS = (
    "cross", "auc", "under", "gy", "follow", "boost", "prescri", "rmst", "restricted", "difference", "defined",
    "complet", "returned", "compliance", "adherence", "baseline", "regarded", "considered", "deemed", "ecog",
    "agreed", "stable dis", "progressive dis", "kappa", "κ", "by about", "by approx", "by around", "by roughly",
    "by nearly", "of at least",
)  # fmt: skip
#: More numbers that are no results, each rare and behind its own literals (in the pattern above, each branch would
#: be tried at every place of every sentence).
_RARELY_A_RESULT = tuple(
    prefiltered(part, re.I)
    for part in (
        # crossover named before its share ("diluted by crossover, which exceeded 50%"), the area under a curve
        r"\bcross-?over(?:\s+rates?)?\s*,?\s*(?:which\s+)?(?:was|were|of|exceeded|reached|occurred\s+in|in)\s+"
        r"(?:about\s+|approximately\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s*%",
        r"\b(?:AUC|area\s+under\s+(?:the\s+)?(?:[\w-]+\s+){0,3}curve)\s*(?:\([^()]*\)\s*)?(?:was|of|=|:)?\s*0?\.\d+",
        # a radiotherapy dose, prescribed or given in fractions: "30 Gy in 3 fractions", "a boost up to 74 Gy"
        r"\b\d+(?:\.\d+)?\s*Gy\s+in\s+(?:\d+|a\s+single|one|two|three|four|five|six|eight|ten)\s+fractions?\b",
        r"\b(?:boost|prescribed|prescription)\b[^.;%]{0,20}?\b\d+(?:\.\d+)?\s*Gy\b(?!/)",
        # a follow-up after its length: "with 12 months of further follow-up"
        r"\b\d+(?:\.\d+)?\s*(?:weeks?|months?|years?)\s+of\s+(?:further\s+|additional\s+|minimum\s+)?follow[- ]?up\b",
        # the horizon of a restricted mean survival time: "RMST to 36 months", "restricted mean survival time at 48
        # months"
        r"\b(?:RMST|restricted\s+mean\s+survival(?:\s+time)?)\s*(?:\([^()]*\)\s*)?(?:to|up\s+to|at|through|over)\s+"
        r"\d+(?:\.\d+)?\s*(?:months?|years?)\b",
        # a difference between the arms, no arm's value: "a difference of -0.5 months"
        r"\bdifference\s+(?:(?:of|was)\s+)?[+-]?\d+(?:\.\d+)?\s*(?:weeks?|months?|years?)\b",
        # a sentence that defines an outcome by thresholds: "Deterioration was defined using prespecified thresholds
        # (FACT-P total, a decrease of 10 points; ...)", "A pain response was defined as a reduction of 2 points"
        r"^\W*(?:[\w()/,-]+\s+){0,8}?(?:was|were|is|are)\s+(?:prospectively\s+|pre-?specified\s+)?defined\b"
        r"(?:[^;()]|\([^()]*(?:\)|$))*",
        # the size of a change that counts: "a change of 10 points on the 0-100 scales was regarded as clinically
        # meaningful"
        r"\b(?:change|decrease|increase|difference|improvement|worsening|decline|rise|reduction)\s+of\s+(?:at\s+least\s+)?"
        r"\d+(?:\.\d+)?\s*(?:points?|%)?[^.;]{0,60}?\b(?:was|were|is|are)\s+(?:regarded|considered|deemed|taken)\s+as\b",
        # a performance status: "71% in patients with ECOG 0 and 49% in those with ECOG 1-2"
        r"\bECOG(?:\s+(?:PS|performance\s+status))?\s*(?:score\s+)?(?:of\s+)?[0-4](?:\s*(?:-|–|or|to)\s*[0-4])?(?![\d.%])",
        # a value before treatment: "fell from 63% at baseline to 32% at 16 weeks", "64.1 at baseline, 67.8 after ..."
        r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|points?)?\s+at\s+baseline\b",
        # how many patients filled in the questionnaires: "39 patients (85%) returned at least two assessments",
        # "questionnaire completion was 92%"
        r"\d+(?:\.\d+)?\s*%\s*\)?\s+(?:returned|completed|filled\s+in|submitted)\s+(?:at\s+least\s+\w+\s+|all\s+|the\s+|both\s+"
        r"|an?\s+)?(?:[\w-]+\s+){0,2}?(?:questionnaires?|assessments?|forms?|surveys?|diar(?:y|ies))\b",
        r"\b(?:completion|compliance|adherence)(?:\s+rates?)?(?:\s+(?:of|with|for|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?\s*"
        r"(?:was|were|of|reached|exceeded|:)?\s*(?:about\s+|over\s+|approximately\s+)?\d+(?:\.\d+)?\s*%",
        # how often readers agreed, not what they found: "Two observers agreed on PET positivity in 95% of lesions"
        r"\bagreed\s+(?:on|about|in)\s+[^.;%]{0,60}?\bin\s+(?:\d+\s+of\s+\d+\s+[a-z]+\s*\(\s*)?\d+(?:\.\d+)?\s*%",
        # a relative change told roughly: "raises the kidney dose per GBq by about 40%"
        r"\bby\s+(?:about|approximately|around|roughly|nearly)\s+\d+(?:\.\d+)?\s*%",
        # a decline threshold written "of at least": "22 (44%) had a fall of at least 80%"
        r"\b(?:declines?|falls?|reductions?|decreases?|drops?)\s+of\s+at\s+least\s+\d+(?:\.\d+)?\s*%",
        # an agreement statistic: "Fleiss' kappa for patient-level positivity was 0.62"
        r"(?:\bkappa\b|κ)[^.;%()]{0,60}?\b(?:was|were|of|=|:)\s*0?\.\d+",
        # a count of a response category after it, in a list of categories: "4 patients (27%) had a partial response,
        # 6 (40%) stable disease and 5 (33%) progressive disease"
        r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%\s*)?(?:(?:men|patients|pts)\s*)?(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*)?"
        r"(?:had\s+)?(?:stable|progressive)\s+(?:metabolic\s+)?disease\b",
    )
)
#: What every match of _NOT_A_RESULT holds, found without scanning for the whole pattern at every place: a
#: literal of the fractions, crossover and "among" parts; "I²" (heterogeneity); "=" and a number (sample size);
#: a number right before a unit of time (time window, whose words "at", "for", "h" are everywhere). Patterns
#: that start with a literal or a digit are found fast.
_NOT_A_RESULT_LITERALS = tuple(prefiltered(part, re.I) for part in _NOT_A_RESULT_PARTS[1:4])
_NOT_A_RESULT_CLUES = (
    re.compile(r"I[²2^]"),
    re.compile(r"%\s+of\s+(?:the|all|these)\s+\d", re.I),
    re.compile(r"=\s*\d"),
    re.compile(r"\d\s*(?:weeks?|wk|days?|months?|mo|years?|yrs?|y|hours?|h)\b", re.I),
    re.compile(r"\breduc\w*\s+the\s+(?:relative\s+)?(?:risk|hazard|odds)\b", re.I),
    # a percentage that is 1 minus a ratio ("a 12% relative increase in the odds") or another study's figure
    re.compile(
        r"%\s+(?:relative\s+|previously\s+)?(?:reduction|decrease|lower|increase|higher|reported|published"
        r"|observed|seen)\b",
        re.I,
    ),
)


#: Between a count at a dose and the next one: "one of six patients at 41 kBq/kg and " (of "... two of six at 55
#: kBq/kg had DLTs").
_COUNT_AT_DOSE_THEN_NEXT = re.compile(
    r"\s*(?:(?:of|/)\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?"
    r"(?:(?:men|patients|pts)\s+)?(?:treated\s+|dosed\s+)?at\s+(?:the\s+)?"
    + DOSE_LEVEL
    + r"(?:\s*\([^()]{0,90}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)",
    re.I,
)


def _counts_at_doses_before_their_event(text: str, groups: list[_Group]) -> None:
    """A count at a dose followed by more counts at other doses, the last of which leads to its event, is a count of
    that event: "one of six patients at 41 kBq/kg and two of six at 55 kBq/kg had DLTs" (each dose its own count)."""
    counts = [g for g in groups if len(g.values) == 1 and g.values[0].unit == "patients"]  # (not the doses)
    for group, following in reversed(list(pairwise(counts))):
        if (
            following.endpoint is not None
            # (none, or the same one denied earlier: "No DLT occurred at 50 mg/m²; 1 of 6 men at 60 mg/m² and ...")
            and (group.endpoint is None or group.endpoint.curie == following.endpoint.curie)
            and following.extra.get("follows")
            and _COUNT_AT_DOSE_THEN_NEXT.fullmatch(text, group.values[0].end, following.values[0].start)
        ):
            group.endpoint = following.endpoint
            group.extra["follows"] = True


def _not_a_result(text: str) -> list[tuple[int, int]]:
    """Spans of _NOT_A_RESULT and _RARELY_A_RESULT in ``text``."""
    lowered = text.lower()
    rare = (
        [(m.start(), m.end()) for part in _RARELY_A_RESULT for m in part.finditer(text)]
        if any(word in lowered for word in _RARE_WORDS)
        else []
    )
    if not any(part.possible(text) for part in _NOT_A_RESULT_LITERALS) and not any(
        clue.search(text) for clue in _NOT_A_RESULT_CLUES
    ):
        return rare
    return [(m.start(), m.end()) for m in _NOT_A_RESULT.finditer(text)] + rare


#: Thresholds, not results: of a dose ("whose tumour dose exceeded 10 Gy", "at or below 10 Gy"), of a decline
#: ("fell by at least 50%", "by 50% or more") and of a duration ("6 months or longer").
_THRESHOLD_VALUE = prefiltered(
    r"(?:\bexceed(?:ed|ing|s)?|\babove|\bbelow|\bunder|\bover|\bat least|[≥≤<>])\s*\d+(?:\.\d+)?\s*m?Gy\b(?!/)"
    # "no patient exceeded a kidney BED of 28 Gy", "a tumour dose of 10 Gy or more"
    r"|\bexceed(?:ed|ing|s)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?of\s+\d+(?:\.\d+)?\s*m?Gy\b(?!/)"
    r"|\b\d+(?:\.\d+)?\s*m?Gy\s+or\s+(?:more|higher|greater|above|less|lower|below)\b"
    # a dose limit named as such: "the conventional 23 Gy limit", "a 28-Gy threshold"
    r"|\b\d+(?:\.\d+)?[\s-]*m?Gy\s+(?:(?:renal|kidney|dose|tolerance)\s+)?(?:limits?|thresholds?|constraints?|cut-?offs?)\b"
    r"|\bby\s+(?:at least|more than|≥|>=|>)\s*\d+(?:\.\d+)?\s*%"
    r"|\bby\s+\d+(?:\.\d+)?\s*%\s+or\s+(?:more|greater|higher)\b"
    # a decline other than the named PSA thresholds: "22 (44%) had a PSA decline of 80% or more"
    r"|\b(?:declines?|falls?|reductions?|decreases?|drops?|increases?|rises?)\s+of\s+\d+(?:\.\d+)?\s*%\s+or\s+"
    r"(?:more|greater|higher)\b"  # (or a rise that defines worsening: "an increase of 30% or more in pain intensity")
    # a duration that defines a group: "men whose first response had lasted 6 months or longer"
    r"|\b\d+(?:\.\d+)?\s*(?:months?|mo|weeks?|years?)\s+or\s+(?:longer|more|shorter|less)\b"
    # "a treatment-free interval longer than 6 months": the cut that defines a group, no value
    r"|\b(?:longer|shorter)\s+than\s+\d+(?:\.\d+)?\s*(?:months?|mo|weeks?|years?)\b"
    # the share that selects the events a table lists: "Adverse events reported in at least 10% of patients"
    r"|\b(?:reported|occurring|occurred|seen|observed)\s+in\s+(?:at\s+least|more\s+than|≥|>=|>)\s*\d+(?:\.\d+)?\s*%",
    re.I,
)
#: What every match of _THRESHOLD_VALUE holds: a number right before Gy, "%" or a duration and "or". The prefilter's
#: needle "by" is in most sentences; this pattern starts with a digit, which re finds fast, and turns away
#: half the rest.
_THRESHOLD_CLUE = re.compile(r"\d\s*(?:m?Gy\b|%|(?:months?|mo|weeks?|years?)\s+or\s)|than\s+\d", re.I)
#: Numbers that belong to other things: fractions in brackets "(8/23)", numbered parts of a study "phase 3",
#: "cycles 2-4", and ratios "2:1".
_BRACKETED_FRACTION = re.compile(r"[(\[]\s*\d+\s*(?:/|of)\s*\d+\s*[)\]]")
_NUMBERED_PART = prefiltered(
    r"\b(?:phase|grade|cycles?|arm|cohort|group|day|week|stage|readers?|observers?|parts?|levels?|tiers?)"
    # (the second number of a range is a whole number: "cycle 1 to 0.44 Gy/GBq" ends at "cycle 1")
    # (a percentage is no part's number: "dry mouth of any grade 66%")
    r"\s+\d+(?![\d.]*\s*%)(?:\s*(?:-|to|or|/)\s*\d+(?!\.?\d))?",
    re.I,
)
#: A ratio "2:1" (not a list item's label and its value: "<0.2: 33.3%", "1.0-2.0: 75%").
_COLON_RATIO = re.compile(r"(?<![\d.])\d+\s*:\s*\d+\b(?!\.\d|\s*%)")
#: Percentages of a design, not results: power, alpha, type I error.
_DESIGN_PERCENT = prefiltered(
    r"\d+(?:\.\d+)?\s*%\s*(?:power|statistical power)|power\s+(?:of\s+)?\d+(?:\.\d+)?\s*%"
    r"|(?:alpha|α|type [I1] error|significance level|one-sided|two-sided)[^.;%]{0,25}?\d+(?:\.\d+)?\s*%?"
    # the bounds of a CI reported apart: "lower 95% confidence bounds of 77.8% to 80.4%"
    r"|(?:confidence|CI)\s+(?:bounds?|limits?)\s+(?:of\s+|was\s+|were\s+)?\d+(?:\.\d+)?\s*%?"
    r"(?:\s*(?:to|-|and)\s*\d+(?:\.\d+)?\s*%?)?"
    # the losses a sample size allows for: "allowing for 5% dropout", "a 10% drop-out rate", "attrition of 8%"
    r"|\d+(?:\.\d+)?\s*%\s+(?:drop-?outs?|attrition|loss(?:es)?\s+to\s+follow-?up)"
    r"|(?:drop-?outs?|attrition)(?:\s+rate)?\s+(?:of\s+)?\d+(?:\.\d+)?\s*%",
    re.I,
)
#: The level of an interval named without its bounds: "the lower limit of the 95% confidence interval" (its words
#: are tested for first: the pattern alone would run on every sentence with a percentage).
_CI_LEVEL = re.compile(r"\b\d{2}(?:\.\d+)?\s*%(?=[\s-]*(?:confidence|credible|CI)\b)", re.I)
_CI_LEVEL_WORDS = ("onfidence", "redible", "CI")
#: A sentence with neither a digit nor a "not reached" has no value; the digit is tested alone, as a pattern that
#: starts with a character class is scanned much faster by ``re`` than one that starts with an alternation.
_DIGIT = re.compile(r"\d")
#: A number written in words ("Two men died of sepsis"), for a sentence without a digit; _NUMBER_WORD_CLUE, what it
#: holds, is looked for first in the lower-cased sentence (a case-sensitive search without word bounds is ~4x faster).
_NUMBER_WORD = re.compile(WORD_NUMBER_PATTERN, re.I)
_NUMBER_WORD_CLUE = re.compile(
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety"
)


def _number_word(text: str) -> bool:
    """Whether ``text`` holds a number written in words."""
    return bool(_NUMBER_WORD_CLUE.search(text.lower()) and _NUMBER_WORD.search(text))


_NOT_REACHED_WORDS = prefiltered(r"not (?:yet )?(?:been )?reached|\bNR\b|not estimable")
#: "..., and one grade 3 anaemia", "and three a decline of more than 90%": a count, then its endpoint at once.
_ELLIPTICAL_COUNT = prefiltered(
    r"(?:,\s*|\band\s+)(?P<n>\d{1,3}|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<e_") + r")\s+"
    r"(?:an?\s+|grade\s*[1-5I-V]+\s+)?(?=\S)",
    re.I,
)
_AE = "AdverseEvent"
#: The raw unit of a count of deaths from the adverse event after it.
_DEATHS = "deaths-from"
#: The unit a table row states for its cells after its name: "PSA50, %", "Kidney absorbed dose, Gy/GBq (mean)",
#: "Median rPFS (months)".
_STATED_UNIT = re.compile(
    r"(?:,\s*|\(\s*)(?P<unit>%|months|mo|weeks|years|days|m?Gy/[GM]Bq|m?Sv/[GM]Bq|GBq|MBq)(?=\s*(?:\)|\(|,|$))"
)
#: A table column of comparisons: "Comparison", "HR (95% CI)", "p", "Difference".
_COMPARISON_COLUMN = re.compile(
    r"\b(?:comparison|difference|(?P<ratio>(?-i:HR|OR)|hazard ratio|odds ratio)|p(?:[- ]?value)?)\b", re.I
)
#: A column of p-values, and a p-value written in it without its letter: "p" over "<0.001", "0.003".
_P_COLUMN = re.compile(r"\s*p(?:[- ]?values?)?\s*", re.IGNORECASE)
_BARE_P = re.compile(r"\s*(?P<op>[<>=≤≥])?\s*(?P<value>0?\.\d+)\s*")
#: A table cell that holds a number alone (in the unit its row states).
#: A cell's bare number, with its interval or range in brackets after it: "33.3", "7.8 (6.4-9.2)".
_BARE_CELL = re.compile(
    r"\s*(?P<value>\d+(?:\.\d+)?)\s*(?:\(\s*\d+(?:\.\d+)?\s*(?:-|to|,|/)\s*\d+(?:\.\d+)?\s*\)\s*)?"
)  # (a share with its CI or its fraction in brackets: "45 (14/31)")
#: A column heading that names a prior therapy, not an arm: "Taxane-naive", "Prior docetaxel", "post-ARPI".
_PRIOR_STATUS_AFTER = re.compile(r"[\s-]*(?:naive|naïve|pre-?treated|experienced|exposed|refractory)\b", re.I)
_PRIOR_STATUS_BEFORE = re.compile(r"\b(?:prior|previous|post|no)[\s-]*$", re.I)
#: A table that gives counts with their share: a heading "n (%)", "No. (%)".
_COUNT_SHARE_HEADING = re.compile(r"\b(?:n|no\.?|number)\s*\(\s*%\s*\)", re.I)
_COUNT_SHARE_CELL = re.compile(r"\s*\d+\s*\(\s*(?P<share>\d+(?:\.\d+)?)\s*%?\s*\)\s*")
#: A column of the events of a grade: "any grade", "all grades", "grade ≥3", "G3-4" (its count and share noted).
_GRADE_COLUMN = re.compile(
    r"\s*(?:any[\s-]+grade|all\s+grades|(?P<severe>(?:grade|G)\s*(?:≥\s*3|>=\s*3|3\s*(?:-|–|to|or)\s*[45]|3\+))"
    # the events of one grade or of the low ones: "Grade 1-2", "Grade 3", "Grade 4"
    r"|(?:grade|G)\s*(?P<low>[1-5])(?:\s*(?:-|–|to)\s*(?P<high>[1-5]))?)"
    r"\s*(?:,?\s*(?:n|no\.?)\s*\(\s*%\s*\))?\s*",
    re.I,
)
#: A cell that holds a proportion alone, or with its CI: "0.88", "0.85 (0.79-0.90)".
_PROPORTION_CELL = re.compile(r"\s*0?\.\d+\s*(?:\(\s*0?\.\d+\s*(?:-|–|to|,)\s*[01]?\.?\d*\s*\)\s*)?")
#: The heading of a first column whose rows are the compared arms: "Modality", "Tracer", "Arm".
_ARMS_BY_ROW = re.compile(
    r"\s*(?:modalit(?:y|ies)|tracers?|agents?|imaging|methods?|tests?|arms?|treatments?)\s*", re.IGNORECASE
)
#: A table's title or heading that says its cells hold CIs in brackets: "value (95% CI)", "% (95% CI)".
_CI_OF_CELLS = re.compile(r"\(\s*(?:(?P<level>\d{2}(?:\.\d+)?)\s*%\s*)?CI\s*\)")
#: The bounds in brackets after a cell's value: "(0.79-0.90)".
_BOUNDS_IN_CELL = re.compile(r"\(\s*(?P<low>\d*\.?\d+)\s*(?:-|–|to|,)\s*(?P<high>\d*\.?\d+)\s*\)")
#: A table's title that says its bare numbers are shares: "Haematological toxicity by grade (% of patients):".
_SHARES_CAPTION = re.compile(r"\(\s*%(?:\s+of\s+(?:patients|men|pts|participants))?\s*\)\s*:?\s*$")
#: The size a column heading gives its group: "Cohort 2 (n=14)".
_COLUMN_SIZE = re.compile(r"\s*[(\[]\s*n\s*=\s*\d+\s*[)\]]\s*$", re.I)
_NOT_REACHED_CELL = re.compile(r"\s*(?:NR|not reached|not estimable|NE)\s*$", re.I)
#: The labels of arms (context.arms' labels) next to values: before one ("arm A 67%"), after one ("35% in arm 2",
#: "85% (A)"), or listed after the last ("in arms 1, 2 and 3, respectively").
_LABEL_BEFORE = re.compile(r"\b" + ARM_LABEL + r"\s*[:,]?\s*$", re.I)
_LABEL_AFTER_VALUE = re.compile(
    r"\)?[^.;()]{0,25}?(?:\b(?:in|of)\s+(?:the\s+)?"
    + ARM_LABEL
    + r"|\s*\(\s*(?P<bare>[A-D]|(?-i:[E-Z])|[1-9](?-i:[a-c]))\s*\)"
    r"|\s*\(\s*(?:arm|group|cohort)\s+(?P<bracketed>[A-D]|[1-4])\s*\))",
    re.I,
)
_LABEL_LIST = re.compile(
    r"\bin\s+(?:the\s+)?(?:arms|groups|cohorts)\s+"
    r"(?P<labels>(?:[A-D]|[1-4])(?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:[A-D]|[1-4]))+)\b",
    re.I,
)
#: Between a ratio and the arm named after it: its bracket, then "for", "in" or "with" ("0.52 (...) for the").
_FOR_AFTER_RATIO = re.compile(r"\s*(?:[(\[][^()\[\]]{0,80}[)\]])?\s*,?\s*(?:for|in|with)\s+(?:the\s+)?", re.I)
_NAMED_LABEL = re.compile(r"\b" + ARM_LABEL + r"\b", re.I)
#: After an agent that names men by what they had, not an arm: "docetaxel-only versus taxane-naive patients".
_GROUPED_BY_AGENT = re.compile(r"[-\s](?:only|na[iï]ve|pre-?treated|exposed|refractory)\b|\s+(?:versus|vs\.?)\s", re.I)
#: The labels of a comparison right before its ratio: "(A vs C: HR 0.49, ...; B vs C: HR 0.38, ...)" (the ratio is the
#: first arm's).
_LABELS_BEFORE_RATIO = re.compile(
    r"(?<![\w-])(?:(?:arm|group|cohort)\s+)?(?P<label>[A-D]|[1-4])\s+(?:vs\.?|versus)\s+(?:(?:arm|group|cohort)\s+)?"
    r"(?:[A-D]|[1-4])\s*[:,]\s*(?:the\s+)?$",
    re.I,
)
_LABEL_AFTER_RATIO = re.compile(
    r"\s*(?:[(\[][^()\[\]]{0,80}[)\]])?\s*,?\s*(?:for|in)\s+(?:the\s+)?" + ARM_LABEL + r"\b",
    re.I,
)
#: A table column headed by an arm's label: "Arm A", "Group 2 (n = 40)".
_LABEL_HEADING_CELL = re.compile(ARM_LABEL + r"\b", re.I)
_LABEL_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)\s*", re.I)
#: A time-to-event endpoint the ontology does not know, named in a ratio's sentence before it: "4-year EFS was ...",
#: "event-free survival", "biochemical failure-free survival" (a known one is a mention, so never reaches the test).
_UNKNOWN_SURVIVAL = re.compile(r"\b(?:[A-Z]{1,3}FS|[A-Za-z-]+[- ]free survival|[Tt]ime to [a-z ]{3,30}?)\b")
#: After "not reached": no arm has reached it ("... in either arm", "in both groups", "in any of the three arms").
_IN_EVERY_ARM = re.compile(
    r"\s+(?:yet\s+)?(?:in|for)\s+(?:either|both|all|each|any)\s+(?:of\s+the\s+)?(?:(?:two|three|four)\s+)?"
    r"(?:treatment\s+)?(?:arms?|groups?|cohorts?)\b",
    re.IGNORECASE,
)
#: Shares of the sentence's own, before an odds or risk ratio in a sentence that names no endpoint: the ratio compares
#: them, so their outcome, which the ontology does not know, not the previous sentence's endpoint.
_OWN_SHARES = re.compile(r"\d\s*%(?!\s*(?:CI|CrI|confidence|credible)\b)", re.IGNORECASE)
#: A dose declared what follows: ") was therefore declared the", " was chosen as the".
_DECLARED_AS = re.compile(
    r"\s*\)?\s*,?\s*(?:was|is)\s+(?:therefore\s+|then\s+|thus\s+)?(?:declared|defined|established|chosen|selected|set)"
    r"(?:\s+as)?\s+(?:the\s+)?$",
    re.I,
)
#: A change from one arm's value to the other's, before the second value: "from a median of 6.0 months with ARPI
#: change to 9.5 months", "from 12.9% in the control arm to 36.2%".
_FROM_ARM_TO = re.compile(
    r"\bfrom\s+(?:an?\s+|the\s+)?(?:median\s+|mean\s+)?(?:of\s+)?\d+(?:\.\d+)?\s*(?:%|months?|mo|weeks?|years?)?"
    r"\s+(?:with|in|on|for|under)\s+(?P<arm>[^;()]{1,60}?)\s+to\s+(?:an?\s+|the\s+)?(?:median\s+|mean\s+)?(?:of\s+)?$",
    re.I,
)
#: What joins radiotherapy (a backbone of both arms) to the agent that makes an arm: "SBRT and observation", "SBRT plus
#: 177Lu-PSMA-617", "SBRT followed by".
_GIVEN_WITH_NEXT = re.compile(r"\s*(?:and|plus|\+|with|followed\s+by)\s+(?:the\s+)?", re.I)
#: The comparator named right after a value as what is given alone: "18 months with SBRT alone", "12 months after
#: ADT alone", "in the control arm".
_ALONE_ARM = re.compile(
    r"\s*(?:months?\s+|%\s*)?(?:with|after|on|in|for)\s+(?:(?:[\w-]+\s+){1,3}alone\b|the\s+(?:control|comparator)"
    r"\s+(?:arm|group))",
    re.I,
)
#: An imaging modality named on its own: "for PET/CT", "PSMA PET had", "on SPECT".
_MODALITY = re.compile(r"(?<![\w-])(?P<modality>PET|SPECT)(?:/CT|/MRI|-CT)?\b(?!-)")
#: Right before the scan that saw the lesions a share is taken of: "112 of the 187 lesions seen on PET".
_LESIONS_SEEN_ON = re.compile(r"\blesions\s+(?:seen|detected|identified|visible|depicted)\s+(?:on|by|with|in|at)\s+$")


def _sees_the_reference_lesions(text: str, modality_start: int) -> bool:
    """Whether the modality named at ``modality_start`` saw the lesions another scan's share is taken of ("112 of the
    187 lesions seen on PET"): the reference, not the arm of the share."""
    return _LESIONS_SEEN_ON.search(text, max(0, modality_start - 30), modality_start) is not None


#: A sentence that describes the men before treatment: "Median baseline PSA was ...", "At baseline, ...".
_AT_BASELINE = re.compile(r"^\W*(?:(?:the\s+)?(?:median|mean)\s+)?baseline\b|^\W*at\s+baseline\b", re.I)
#: What happened on treatment, after a baseline: "... at baseline; after two cycles, fatigue occurred in 20%".
_ON_TREATMENT = re.compile(
    r"\b(?:after|during|developed|occurred|emerg\w*|treatment-related|on\s+treatment|following|whereas|while|but)\b",
    re.I,
)


def _clause_end(text: str, start: int) -> int:
    """Where the clause that goes on at ``start`` ends: the next comma, semicolon or full stop, else the text's end."""
    found = _CLAUSE_STOP.search(text, start)
    return found.start() if found else len(text)


_CLAUSE_STOP = re.compile(r"[,;]|\.(?!\d)")
#: Between the two values of a pair: "33.9% vs 43.1%", "12% and 15%".
_PAIRED_NEXT = re.compile(r"\s*(?:%\s*)?(?:\([^()]*\)\s*)?(?:vs\.?|versus|and|,)\s*", re.I)
#: Medians a design assumes without naming their endpoint again: "Assuming a median of 4.0 months with X".
_ASSUMED_MEDIANS = re.compile(
    r"\b(?:assuming|assumed|expecting|hypothesi[sz]ing)\s+(?:an?\s+)?(?:medians?\s+(?:of|was|were)\b"
    # (a rate of the result named before, its number right after: "Assuming 3-year rates of 65% and 80%", not "a
    # rate of pathological complete response of 10%")
    r"|(?:\d+-(?:month|year)\s+)?rates?\s+(?:of|was|were)\s+\d)",
    re.I,
)
#: A clause set against the one before it: "..., whereas PSMA PET/CT had ...".
_CONTRASTED_CLAUSE = re.compile(r"\b(?:whereas|while|but)\b", re.I)
#: Where one clause of a sentence ends and the next begins: the modality of one is not the other's.
_NEXT_CLAUSE = re.compile(r",\s*(?:and|but|whereas|while|so|thus)\b|;|\b(?:whereas|while)\b")
#: The count of an event in brackets right after it: "anaemia (n=4)", "thrombocytopenia (n = 2;".
_N_AFTER_EVENT = re.compile(r"\s*\(\s*n\s*=\s*(?P<n>\d{1,3})\s*[);,]")
#: Endpoints that are events a text counts by writing the number before them: "One DLT (grade 4 anaemia) occurred at
#: 93.3 kBq/kg", "two dose-limiting toxicities were observed at 0.9 mg", "including two complete responses".
_COUNTED_EVENTS = frozenset({"endpoint:DLT", "endpoint:CR"})
#: Endpoints that total events of many kinds, which a bracket after them may name: "DLTs (grade 4 neutropenia)".
_EVENT_TOTALS = frozenset({"endpoint:DLT", "endpoint:AE-any-grade", "endpoint:AE-grade3", "endpoint:TRAE-grade3"})
_COUNT_BEFORE_EVENT = re.compile(
    r"(?<![\w.+-])(?P<n>\d{1,2}|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<c_") + r")\s+$", re.I
)
#: Deaths counted before the adverse event that caused them: "One treatment-related death from sepsis occurred", "two
#: deaths in cohort T were attributed to sepsis" (_DEATHS_FROM, ending where the event starts), "Two men died of
#: sepsis" (_DIED_OF, between a count of patients and the event).
_DEATHS_FROM = re.compile(
    r"(?<![\w.+-])(?P<n>\d{1,2}|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<d_") + r")\s+(?:[\w-]+\s+)?deaths?\b"
    r"[^.;()]{0,40}?\b(?:from|due to|of|caused by|attributed to)\s+$",
    re.I,
)
_DIED_OF = re.compile(r"\s+(?:with\s+[^.;()]{0,40}?\s+)?died\s+(?:of|from|due to)\s+", re.I)
#: A number that belongs to the word before it, not a count: "grade 3 DLT", "cycle 1 DLTs", "dose level 2".
_NUMBERED_BEFORE_EVENT = re.compile(r"\b(?:grades?|cycles?|days?|weeks?|levels?|cohorts?|phase|arms?|parts?)\s*$", re.I)
#: A share of patients in brackets after the events ("One DLT occurred (1 of 22; 4.5%)"): the guidelines take the
#: percentage, not the count.
_SHARE_FOLLOWS = re.compile(r"[^.;()%]{0,30}?\([^()]{0,20}?\d\s*%")
#: An event name used as an adjective: "2 DLT-evaluable patients".
_EVENT_AS_ADJECTIVE = re.compile(r"-|\s*evaluable", re.I)
#: A unit stated in brackets at the end of a label, before its values: "PSA50 (%): 57.6 vs 20.4", "rPFS (mo): 11.6".
_LABEL_UNIT = re.compile(r"\(\s*(?P<unit>%|mo|months?)\s*\)\s*:\s*")
#: Between two values of a label's run: "57.6 vs 20.4", "11.6 and 5.6".
_LABEL_RUN_GAP = re.compile(r"\s*(?:vs\.?|versus|v\.?|and|,|/)\s*", re.I)
#: A unit stated once for a list of values: "(Gy/GBq)", "in mGy/MBq".
_DECLARED_UNIT = prefiltered(r"(?:\bin\s+|\(\s*)(?P<unit>m?Gy/[GM]Bq|mSv/MBq)\b")
#: What may stand between a value and the organ after it: "0.43 ± 0.12 for the kidneys", "0.28 (0.1-0.4) to the liver".
_VALUE_TO_ORGAN = re.compile(r"\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?:\([^()]{0,30}\)\s*)?(?:for|in|to)\s+(?:the\s+)?")
#: What may stand between an organ and its value: "kidneys 0.32", "liver: 0.09", "red marrow, 0.015".
_ORGAN_TO_VALUE = re.compile(r"\s*[:,=]?\s*(?:was\s+|were\s+|of\s+)?")
#: A negation of the sentence's subject before a mention, not of the mention: "No man was positive on ...".
_DENIED_SUBJECT = re.compile(r"\b(?:no|none|neither)\b[^;:,]{0,30}?\b(?:was|were|is|are)\b[^;:,]{0,30}$", re.I)
_NEGATION = r"\b(?:no|not|(?<!\bwith or )without|none|neither|nor)\b"  # (not "X with or without Y")
_NEGATED = prefiltered(_NEGATION, re.I)
#: A new clause between a negation and the endpoint after it: "Because hazards were not proportional, the RMST of
#: OS was reported" denies nothing of OS.
_CLAUSE_AFTER_NEGATION = re.compile(_NEGATION + r"[^,;]*[,;]\s+(?:the|a|an|we|its|their)\s[^,;]*$", re.I)
#: An adverse event denied after it is named: "febrile neutropenia was not observed", "DLTs did not occur".
_DENIED_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:of\s+(?:any\s+)?grade\s*[≥>]?\s*\d?\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been)\s+not\s+(?:observed|seen|reported|recorded|noted|detected|found)"
    r"|did\s+not\s+occur)\b"
    r"(?!\s+(?:with|in|at|among|during|after|for|on)\b)",  # not "... was not observed with SC dosing": only there
    re.I,
)
_MEAN = prefiltered(r"\bmean\b|\bRMST\b", re.I)  # "RMST": a restricted mean survival time
_GRADE3 = prefiltered(
    r"(?:≥|>=)\s*(?:grade|gr\.?|G)\s*(?:3|iii)(?![\d.])"  # "≥G3 anemia 12.3%"
    r"|(?:grade|\bgr\.?|(?<![\w-])G)\s*(?:(?:≥|>=)\s*(?:3|iii)(?![\d.])|>\s*(?:2|ii)(?![\d.])"
    r"|3\s*(?:or|to|-|/|–)\s*(?:higher|greater|above|worse|4|5|iv)|3\+"
    r"|iii\s*(?:-|/|or)\s*iv|3\s*and\s*4)"
    r"|high[- ]grade|severe",
    re.I,
)
#: Right before a value: it counts the events of grade 3 or higher ("... and were of grade 3 or higher in 45%").
#: What comes between a grade and the value that counts its events: "... in", "... events for 4 of 9 patients (".
_GRADE_BEFORE_ITS_VALUE = (
    r"(?:\s*(?:events?\s+)?(?:in|for)\s+(?:\d+(?:\s+of\s+\d+)?\s*(?:patients\s+|men\s+)?\(\s*)?"
    r"|\s*[,:]\s*(?:\d+\s*\(\s*)?"  # (a list by grade: "fatigue: grade 1-2, 13 (43%); grade 3, 1 (3%)")
    r"|\s+(?:\d+\s*\(\s*)?)$"  # (or the value right after: "CRS 67% (G≥3 4%)", "CRS 72%, grade ≥3 2%")
)
_GRADE3_IN = re.compile(
    r"\b(?:grade|(?-i:G))\s*"
    r"(?:≥\s*3|>=\s*3|3\s*(?:or|and|to|-|–|/)\s*(?:higher|greater|above|worse|4|5)|III\s*(?:-|–|/|or)\s*IV)"
    + _GRADE_BEFORE_ITS_VALUE,
    re.I,
)
#: Right before a value: it counts the events of one grade ("Xerostomia affected 81% and was grade 3 in 6%").
_EXACT_GRADE_AT = re.compile(
    r"\bgrade\s*(?P<low>[1-5])\b(?!\s*(?:-|–|or|/|to|and)\s*(?:[1-5]|higher|greater|above|worse))"
    + _GRADE_BEFORE_ITS_VALUE,
    re.I,
)
#: Events of grade 2 or higher: "grade ≥2 genitourinary toxicity", "grade 2 or higher", "G2+".
_GRADE2_PLUS = prefiltered(
    r"(?:grade|\bgr\.?|(?<![\w-])G)\s*(?:(?:≥|>=)\s*(?:2|ii)(?![\d.])|2\s*(?:or|to|-|/|–)\s*(?:higher|greater|above"
    r"|worse|3|4|5)\b|2\+)",
    re.I,
)
#: A grade written right after an event's words: "of grade 3 or higher", ", grade ≥3", "(grade 2 or worse".
_GRADE_AFTER_EVENT = re.compile(
    r"\s*[,(]?\s*(?:of\s+|at\s+)?(?:CTCAE\s+)?(?:grade|gr\.?|G)\s*(?:[≥>]=?\s*)?[1-5]", re.IGNORECASE
)
_GRADE_3_ONLY = prefiltered(r"\bgrade\s*(?:3|III)\b(?!\s*(?:-|–|to|or|/|and)\s*[1-5])", re.I)
_ANY_GRADE = prefiltered(r"any[- ]grade|all[- ]grades?|of any grade|\bany[- ](?:G|gr)\b", re.I)
_TREATMENT_RELATED = prefiltered(r"treatment[- ]related|drug[- ]related|TRAEs?", re.I)
#: Right after a value: the subgroup it belongs to ("for bone metastases", "in men with a PSA above 2 ng/mL").
_SUBGROUP_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:for|in|among|at)\s+(?:the\s+)?(?:[\w≥≤<>.-]+\s+){0,4}?"
    r"(?:metastases|lesions?|nodes?|disease|sites?|regions?|subgroups?|level|men|patients)\b"
    # a PSA band: "48.0% below 0.5 ng/mL", "85.0% at 1.0 to <2.0 ng/mL"
    r"|\s*(?:at|below|above|under|over|for|with)\s+(?:(?:a\s+)?PSA\s+(?:levels?\s+)?(?:of\s+)?)?[<>≤≥]?\s*\d+(?:\.\d+)?"
    r"\s*(?:(?:to|-|–)\s*[<>≤≥]?\s*\d+(?:\.\d+)?\s*)?ng/ml\b",
    re.I,
)


def _combination_arm(words: re.Match[str] | None, context: DocumentContext) -> str | None:
    """The one arm of several agents when ``words`` (a match of ``_ARM_WORDS``) name the combination ("in the
    combination group", "with the combination"), else None; a placebo's arm is no combination."""
    if words is None or not (words.group("combination") or words.group("combination_alone")):
        return None
    combined = [arm.label for arm in context.arms if len(set(arm.curies) - {PLACEBO}) >= 2]
    if not combined and len(context.arms) == 2 and len(set(context.arms[1].curies)) == 1:
        # ("SBRT with or without 177Lu-PSMA-I&T": arms named by the agent added and by the backbone alone)
        return context.arms[0].label
    return combined[0] if len(combined) == 1 else None


def _second_arm_words(words: re.Match[str]) -> bool:
    """Whether a match of ``_ARM_WORDS`` or ``_TREATED_MEN`` names the second arm, the comparator ("control arm",
    "untreated men")."""
    return bool(words.groupdict().get("second") or words.groupdict().get("untreated"))


#: The men of the two arms of a cohort comparison named by whether they were treated: "56% in treated men against 27%
#: in untreated men", "in the untreated cohort" (apart from ``_ARM_WORDS``: more words there would spoil its prefilter).
_TREATED_MEN = re.compile(
    r"\b(?:in|of)\s+(?:the\s+)?(?:(?P<untreated>untreated)|treated)\s+(?:men|patients|group|cohort|arm)\b", re.I
)


_ARM_WORDS = prefiltered(
    r"\b(?:(?P<first>radioligand|experimental|investigational|intervention|treatment|study)"
    r" (?:group|arm|cohort)"
    r"|(?P<element>lutetium|actinium|terbium|lead|thorium|radium|yttrium|bismuth|copper)(?:[- ]?\d+)?"
    r" (?:group|arm|cohort)"
    r"|(?P<second>control|comparator|standard[- ]care|standard[- ]of[- ]care|placebo|cabazitaxel|ARPI)"
    r" (?:group|arm|cohort)"
    r"|(?P<combination>combination|combined[- ]treatment) (?:group|arm|cohort)"
    # "12.9 months with the combination (HR 0.70)": the combination as the end of the phrase
    r"|(?<=\bthe )(?P<combination_alone>combination)(?=\s*(?:[,;.)(]|and\b|$)))\b",
    re.I,
)
#: Between an endpoint and the value written right after it: "PSA decline in 21 of 62 (", "ORR was ".
_ENDPOINT_THEN_VALUE = re.compile(
    r"\s*(?:(?:was|were|is|of|in|:|=|occurred|seen|observed|reached|achieved|noted|recorded|reported)\s*){1,3}"
    r"(?:\d+(?:\s+of\s+\d+|\s*/\s*\d+)?\s*(?:patients\s+|pts\s+|men\s+)?\(\s*)?$",
    re.I,
)
#: Between a value and the endpoint it is given for: "7.9% for anaemia, 4.6% for thrombocytopenia", "12.1 months
#: for rPFS", "6% for grade 3 fatigue".
_FOR_ENDPOINT = re.compile(
    r"\s*%?\s*(?:\([^()]{0,60}\)\s*)?for\s+(?:the\s+|an?\s+)?"
    r"(?:any[- ]grade\s+|grade\s*[1-5I-V]+(?:\s*(?:-|–|to|or)\s*[1-5]|\+)?\s+)?",
    re.I,
)
#: A standard deviation right after a number: "0.77 ± 0.25".
_DEVIATION = re.compile(r"\s*±\s*\d+(?:\.\d+)?")
#: The numbers of a list of the parts of a study, up to one more of them: "for readers 1, 2 and 3", "in cycles 1 and 2",
#: "grade 3 or 4", "at weeks 12 and 24" (labels, not values that share a unit).
_PART_NUMBERS_BEFORE = re.compile(
    r"\b(?:readers?|days?|cycles?|cohorts?|arms?|groups?|levels?|parts?|grades?|stages?|phases?|weeks?)\s+"
    r"(?:\d+\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*))+$",
    re.IGNORECASE,
)
#: Between an agent and the pair of values in brackets right after it: "with 177Lu-PSMA-617 (66% vs 37%)".
_BRACKET_OPENS = re.compile(r"\s*[(\[]\s*")
#: Values that open their sentence, their endpoint named right after them: "With 5.7 versus 2.2 months, the median
#: time to worsening of the FACT-P score favoured X", "10.4 and 8.1 months of median rPFS were observed".
_OPENING_VALUES = re.compile(r"\s*(?:[A-Z][A-Za-z ]{2,20}:\s*)?(?:with|at)?\s*", re.I)
_VALUES_THEN_NAMED = re.compile(
    r"\s*(?:,\s*|\s+of\s+)(?:the\s+)?(?:(?:median|mean)\s+)?"
    r"(?:time\s+to\s+(?:worsening|deterioration)\s+(?:of|in)\s+(?:the\s+)?)?",
    re.I,
)
#: Lesions counted per imaging agent (``_lesions_counted``): "X detected 187 lesions and Y 82", "163 lesions were
#: detected with X and 129 with Y".
_SCAN_NAMED = r"(?:\s*(?:PET|SPECT)(?:/(?:CT|MRI?))?)?"
_FINDS = r"(?:identified|detected|found|showed|depicted|visuali[sz]ed|revealed)"
_LESIONS_FOUND_BY = re.compile(_SCAN_NAMED + r"\s+" + _FINDS + r"\s+(?P<n>\d{1,4})\s+(?:[\w-]+\s+)?lesions\b")
_LIST_JOIN = re.compile(r"\s*,?\s*(?:and|whereas|while|versus|vs\.?|compared\s+with)\s+", re.I)
_NEXT_AGENTS_LESIONS = re.compile(_SCAN_NAMED + r"\s+(?:" + _FINDS + r"\s+)?(?P<n>\d{1,4})\b(?![.,]\d|\s*%)")
_LESIONS_FOUND_WITH = re.compile(
    r"(?P<n>\d{1,4})\s+(?:[\w-]+\s+)?lesions\s+were\s+(?:" + _FINDS + r"|seen)\s+(?:with|by|on)\s+$"
)
_NEXT_LESIONS_WITH = re.compile(_SCAN_NAMED + r"\s*,?\s*and\s+(?P<n>\d{1,4})\s+(?:with|by|on)\s+")
#: An endpoint written right before its value ("any decline in 87.5%", "ORR was 30%") keeps it.
_TIGHT = re.compile(r"^\s*(?:(?:was|were|is|of|in|:|=|\()\s*){1,2}$", re.I)  # (and "dysgeusia (1.5%)")
#: "anaemia developed in three men", "xerostomia, mostly grade 1-2, affected all twelve patients", "neurotoxicity
#: (ICANS) occurred in two patients" (the event's abbreviation in brackets).
_ENDPOINT_THEN_COUNT = re.compile(
    r"^\)?[\s,]*(?:\([^()]{1,80}\)\s*)?(?:[\w-]+[\s,]+){0,6}?"
    r"(?:developed|occurred|was seen|were seen|was observed|were observed|was reported"
    r"|were reported|was recorded|were recorded|affected|was noted|were noted)\s+(?:in\s+|by\s+)?(?:all\s+)?$",
    re.I,
)
#: The same, then the count of a share: "Any PSA decline was observed in 44 patients (" (77.2%).
_ENDPOINT_THEN_SHARE = re.compile(
    _ENDPOINT_THEN_COUNT.pattern.removesuffix("$")
    + r"\d+(?:\s+of\s+(?:the\s+)?\d+)?(?:\s+(?:evaluable\s+)?(?:patients|men|pts|participants))?\s*[(\[]$",
    re.I,
)
#: A count in the terse style of a congress abstract, with no verb: "DLTs in 3 pts, all at 0.9 mg", "G3 anemia in 4
#: patients;". The event (an adverse event or a DLT: "ORR in 20 pts: 35%" counts the patients a rate is of) opens its
#: clause, after its grade if any; the count of patients ends the clause or gives its dose.
_TERSE_CLAUSE_START = re.compile(
    r"(?:^|[.;:,]\s*(?:and\s+)?|\band\s+)(?:(?:G|grade\s*)(?:[≥>]=?\s*)?[1-5](?:\s*(?:-|/|or|to)\s*[1-5])?\+?\s+)?$",
    re.I,
)
#: (a bracket may detail the events: "DLTs in 6 pts (mostly transaminase elevations occurring with CRS).")
_TERSE_COUNT_END = re.compile(r"\s*(?:\([^()]{0,120}\)\s*)?(?:$|[.;,]|at\b|and\b)", re.I)


def _terse_count(text: str, start: int, end: int, count_start: int, count_end: int) -> bool:
    """ "DLTs in 3 pts, all at 0.9 mg", "DLTs: 5 pts.": an event (at ``start``-``end``) counted in patients right after
    it, no verb between, in a clause of its own (the count at ``count_start``-``count_end``)."""
    return (
        (_IN_BEFORE_COUNT.fullmatch(text, end, count_start) or _COLON_BEFORE_COUNT.fullmatch(text, end, count_start))
        is not None
        and _TERSE_CLAUSE_START.search(text, max(0, start - 30), start) is not None
        and _TERSE_COUNT_END.match(text, count_end) is not None
    )


#: The next item of a list of events counted in patients, its verb left out: "... and grade 3 thrombocytopenia in
#: four" (_IN_BEFORE_COUNT between the event and its count, _NEXT_LIST_ITEM before the event, and before that a count
#: of the first item after its verb, _COUNTED_IN: "grade 3 anaemia occurred in 6 (8%) patients").
_IN_BEFORE_COUNT = re.compile(r"\s+in\s+(?:all\s+)?", re.I)
#: An event as a heading of its count: "DLTs: 5 pts".
_COLON_BEFORE_COUNT = re.compile(r"\s*:\s*")
_NEXT_LIST_ITEM = re.compile(
    r"(?:,|\band)\s+(?:grade\s*(?:[≥>]=?\s*)?[1-5](?:\s*(?:or|-|/|to)\s*(?:[1-5]|higher|worse))?\s+)?$", re.I
)
_COUNTED_IN = re.compile(
    r"\b(?:developed|occurred|was seen|were seen|was observed|were observed|was reported|were reported|was recorded"
    r"|were recorded|was noted|were noted)\s+in\s+(?:\d+|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<v_") + r")\b",
    re.I,
)
#: Between a dose and the organ it names: "0.82 Gy/GBq for the kidneys", "0.39 Gy/GBq (range 0.18-0.81) to the".
_AFTER_ENDPOINT = re.compile(
    r"^\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?:\([^()]{0,40}\)\s*)?(?:for|in|to|of)?\s*(?:the\s+)?(?:mean\s+|median\s+)?$"
    # two words may qualify the organ after "to": "20.3 Gy to the index prostate tumor"
    r"|^\s*(?:\([^()]{0,40}\)\s*)?(?:to|in)\s+(?:the\s+)?(?:(?!(?:and|or|versus|vs|than)\b)[\w-]+\s+){1,2}$",
    re.I,
)
#: "24 (63%) had a PSA decline", "10.6% achieved a PSA50 response", "32 (54.2%; 95% CI 40.8-67.3) achieved a
#: PSA50 response", "... and 19 of 29 (66%) a decline of ≥30%" (the verb left out): the endpoint follows its
#: value (and the value's CI, in its bracket).
_VALUE_THEN_ENDPOINT = re.compile(
    r"^(?:\s*[;,][^()]{0,40}?(?=\)))?"
    r"\s*\)?\s*(?:(?:of\s+(?:the\s+)?|/)(?:(?:\d+|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<of_") + r")\s+)?"
    r"(?:(?:[\w-]+-)?(?:evaluable|eligible|treated)\s+)?(?:patients|pts|men|participants|those|them"
    r"|(?:[\w-]+\s+){1,2}(?:arm|group|cohort))?"
    r"(?:\s+with\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)?"
    # the arm the men were given: "50% of men treated with 177Lu-PSMA-617 would be free of progression"
    r"(?:\s+(?:(?:treated|given)\s+with|receiving)\s+(?:[\w&-]+\s+){0,2}?[\w&-]+)?\s*)?\)?\s*"
    # the dose level of a dose-finding study: "one of six men at DL2 had a DLT"
    r"(?:(?:treated\s+|dosed\s+)?at\s+(?:the\s+)?(?:[<>≤≥]=?\s*)?"
    + DOSE_LEVEL
    # (with the event in brackets: "2 of 6 at 75 mg/m² (grade 4 neutropenia lasting more than 7 days) had a DLT")
    + r"(?:\s+or\s+(?:more|higher|above))?(?:\s*\([^()]{0,90}\))?\s+)?"
    # "6 of 16 patients (38%) with measurable disease had ...": the population named after the share
    # (or the arm: "63% with 177Lu-PSMA-617 were free of ...")
    r"(?:with\s+(?:[\w&-]+\s+){0,2}?[\w&-]+\s+)?"
    # "72% of men in the radioligand arm were ...", "71.3% and 60.2% of the patients, respectively, were ...", "63% in
    # arm B were ..."
    r"(?:in\s+the\s+[\w-]+\s+(?:arm|group|cohort)\s+|in\s+(?:arm|group|cohort)\s+(?:[A-D]|[1-4])\s+)?"
    r"(?:,?\s*respectively,?\s+(?=(?:were|had|remained|achieved|showed|reached|reported)\b))?"
    r"(?:(?:again|also|still|subsequently|eventually|then)\s+)?"  # "19 of 38 (50%) again reached a PSA decline"
    r"(?:had|achieved|showed|experienced|reached|attained|met|developed|with|w/|were|remained|would\s+be|will\s+be"
    r"|to\s+be|reported)"
    r"\s*(?<=\s|/)"
    r"(?:an?\s+|the\s+|at least one\s+)?"
    # a state kept or bettered: "58.2% and 44.7%, respectively, reported stable or improved EQ-5D-5L index scores"
    r"(?:(?:stable|unchanged|maintained)\s+or\s+(?:improved|better)\s+|(?:improved|better)\s+or\s+(?:stable|unchanged)\s+)?"
    # a grade, written out ("grade 2 or higher", "G3") or not, and two words at most: "developed G3 renal toxicity"
    r"(?:grade\s*\S+(?:\s+or\s+(?:higher|worse|above|more|[1-5]))?\s+|G[1-5]\S*\s+|[a-z-]+\s+){0,2}$"
    r"|^\s*\)?\s*,?\s*(?:an?)\s+$|^ $|^\s+grade\s*[1-5I-V]+\s+$"
    # "12.0 vs. 5.6 months: median rPFS with ...": values first, then a colon and their endpoint
    r"|^\s*:\s*(?:the\s+)?(?:median\s+|mean\s+)?$",
    re.I,
)


#: A value that is the subject of its own outcome: "16 (46%) had ...", "22 (44%; 95% CI 30-59%) achieved ...".
_VALUE_THEN_OUTCOME = re.compile(
    r"(?:[^()]{0,40}\))?\s*(?:of\s+(?:the\s+)?(?:patients|pts|men|participants|evaluable patients)\s*)?\)?\s*"
    r"(?:had|achieved|showed|experienced|attained|developed|required|needed|resulted in|(?:were|was)\s+able\s+to)\b",
    re.I,
)
#: After a share: the response named before, pointed back at ("8 of 20 (40%) had such a decline").
_SUCH_A_RESPONSE = re.compile(
    r"(?:[^()]{0,40}\))?\s*\)?\s*(?:had|achieved|showed|reached|attained)\s+(?:such\s+an?|the\s+same|a\s+similar)\s+"
    r"(?:decline|response|reduction|fall|decrease|drop)\b",
    re.I,
)
#: "the corresponding values for fluorocholine were", "corresponding figures with PET were".
_CORRESPONDING = prefiltered(
    r"\b(?:the\s+)?corresponding\s+(?:values?|figures?|rates?|estimates?|proportions?)\b[^;:.]{0,60}?"
    r"\b(?:were|was|of|:)\s",
    re.I,
)
#: The men a marker named right after sets apart: "in men with ", "among those with a baseline ".
_MEN_WITH_BEFORE = re.compile(
    r"\b(?:in|among|for|than(?:\s+in)?)\s+(?:the\s+)?(?:\d+\s+)?(?:men|patients|pts|those)\s+(?:with|without|whose)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:baseline|high|low|elevated|raised|normal|PSMA|FDG|whole-body|tumou?r)\s+){0,2}$",
    re.IGNORECASE,
)
#: Right after an endpoint that names men by their response: "PSA50 responders", "PSA50 non-responders".
_RESPONDERS_AFTER = re.compile(r"[\s-]+(?:non-?)?responders\b", re.I)
#: A pronoun right before a value that points back at the endpoint named before: "...; in men with high LDH it was 17.9
#: versus 13.4 months", "they were 45% and 30%", "with an SUVmean below 10, the rates were 52% and 41%".
_PRONOUN_FOR_RESULT = re.compile(
    r"\b(?:it|they|the\s+(?:rates?|values?|proportions?|figures?|medians?))\s+(?:was|were|is|are)\s+"
    r"(?:(?:only|just|about|approximately)\s+)?$",
    re.I,
)
#: Between the MTD and a dose: words that make the dose something else than the MTD.
_UNREACHED_MTD = re.compile(
    # (the RP2D said to be the same dose, in brackets after the MTD or joined to it, is no other dose: "MTD (= RP2D):
    # 100 kBq/kg", "MTD and RP2D: 80 kBq/kg")
    r"\bnot\s+(?:been\s+)?(?:reached|identified|defined|determined|established)\b"
    r"|(?<!\(= )(?<!\(=)(?<!\(and )(?<!\(also )(?<!MTD and )(?<!MTD/)\bRP2D\b|\brecommended\b"
    r"|\bmaximum administered\b|\bMAD\b",
    re.I,
)
_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?(?:grade\s*\d\S*\s+|any[- ]grade\s+)?$", re.I
)
_COMMONEST = prefiltered(r"\b(?:most\s+(?:common|frequent)|commonest)\s+(?:[\w-]+\s+){0,2}$", re.I)
_EACH = prefiltered(r"\beach\b", re.I)
#: A sentence of predictors: "LDH (HR 1.71 ...) and liver metastases (HR 1.98 ...) were associated with shorter
#: OS", "progression predicted death (HR 3.62 ...)". Its ratios belong to the outcome it names, whatever
#: endpoint came before; the outcome starts where the match ends.
PREDICTS = prefiltered(
    r"\b(?:(?:associated with|linked (?:to|with)|predict(?:ed|s|ive of|ors? of)|prognostic (?:for|of)"
    r"|correlated with)\s+"
    r"(?:an?\s+|the\s+)?"
    r"(?:(?:significantly\s+)?(?:shorter|longer|worse|better|improved|poorer|reduced|inferior|superior|prolonged"
    r"|increased|decreased|higher|lower|greater)\s+)?"
    # "men previously treated with cabazitaxel had shorter survival than ...": a comparison of subgroups
    r"|had\s+(?:a\s+)?(?:significantly\s+)?(?:shorter|longer|worse|better|poorer|inferior|superior)\s+)",
    re.I,
)
#: Where a clause of a predictor sentence ends: "..., and", "whereas", "while", "but", ";".
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|whereas|while)\b|;|\b(?:whereas|while|but|although)\b", re.I)


#: Factors said to predict without naming what: "were independent predictors", "remained predictive".
_INDEPENDENT_PREDICTORS = re.compile(
    r"\b(?:independent\s+)?predictors\b(?!\s+(?:of|for)\b)|\bremained\s+predictive\b", re.I
)
#: Men said to respond more or less often, without naming the response: "responded more often than".
_RESPONDED_OFTEN = re.compile(r"\bresponded\s+(?:more|less)\s+(?:often|frequently)\b", re.I)
#: Responses, unqualified, opening a sentence that counts them: "Responses were seen in 9 of 19 (47%) men with ...".
_RESPONSES_SEEN = re.compile(r"\W*Responses\s+(?:were\s+(?:seen|observed|recorded|noted)|occurred)\s+in\b")
#: A risk named without its event, which is the one just told of: "were at higher risk (".
_AT_RISK = re.compile(r"\bat\s+(?:a\s+)?(?:higher|lower|increased|greater|reduced|decreased)\s+risk\b", re.I)
#: Between a value and the prior therapy that sets its men apart: "44.6% after ", "51.7% without prior ".
_BY_PRIOR_THERAPY = re.compile(
    r"\s*(?:%|months?|mo)?\s*(?:after|following|without|with)\s+(?:prior\s+|previous\s+)?(?:an?\s+)?", re.I
)


def _studies_a_therapy(context: DocumentContext) -> bool:
    """Whether the study's agent is a therapy (no imaging agent, nor staging without one)."""
    main = context.main_agents[0] if context.main_agents else None
    return main is not None and main.kind != "ImagingAgent" and main.curie not in IMAGING_REGIMENS


def _predicate_between(predicates: list[re.Match[str]], start: int, end: int) -> bool:
    """Whether one of a sentence's predicates (PREDICTS) starts between ``start`` and ``end``."""
    return any(start <= p.start() < end for p in predicates)


#: Outcomes of a predictor sentence that are endpoints without being written as one: overall survival ("death",
#: "mortality", "survival"), the detection rate ("a positive scan", "PET positivity") and PSA-PFS ("biochemical
#: recurrence").
_UNWRITTEN_OUTCOMES = (
    (re.compile(r"(?:risk\s+of\s+)?(?:death|mortality|survival)\b", re.I), "endpoint:OS"),
    (
        re.compile(
            r"(?:positive\s+(?:PSMA\s+)?(?:scans?|PET(?:/CT)?|imaging|findings?)|(?:scan|PET)\s+positivity)\b", re.I
        ),
        "endpoint:detection-rate",
    ),
    # "were associated with biochemical recurrence": a rise of the PSA after local therapy, its PSA-PFS
    (
        re.compile(r"(?:risk\s+of\s+)?biochemical\s+(?:recurrence|relapse|progression|failure)\b", re.I),
        "endpoint:PSA-PFS",
    ),
)
#: An endpoint named as a covariate ("independently of the PSA response") is not what a ratio measures.
_COVARIATE = re.compile(
    r"\b(?:independent(?:ly)? of|adjust(?:ed|ing) for|adjustment for|irrespective of|regardless of)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: Between an adverse event and a value: what followed from it, whose share the value is.
#: What a toxicity made happen to the treatment.
_STOPPED = r"discontinu\w*|stopped|withdr[ae]wn?|withdrawal|dose reductions?|reduced doses?|interrupt\w*"
_CONSEQUENCE = re.compile(r"\b(?:" + _STOPPED + r"|delays?|transfusions?|hospitali[sz]\w*)\b", re.I)
#: A share of the men an event made stop, after the event's own values: "Xerostomia was reported in 79% versus 31% and
#: led 9% of the 225Ac-PSMA-617 cohort to stop treatment" (the 9% is no share with xerostomia).
_LED = re.compile(r"\s*%?\s*\)?\s*,?\s*and\s+(?:led|caused|forced|prompted)\s+(?:\d+\s*\(\s*)?$", re.I)
_TO_STOP_AFTER = re.compile(
    r"\s*%?\s*\)?[^.;()]{0,60}?\bto\s+(?:stop|discontinue|interrupt|withdraw|abandon)\b", re.I
)  # (also after a count and its share: "... and led 7 (10%) to stop treatment")
#: A drug's use, right before a share: "tocilizumab was given to 25.0%", "steroids were required in 12%".
_GIVEN_TO = re.compile(
    r"\b(?:was|were)\s+(?:given|administered|required|needed|used)\s+(?:to|in|for|by)\s+(?:the\s+)?$", re.I
)
#: An outcome of its own, not a known endpoint, named in a clause of its own right before the values: "... and gave
#: fewer equivocal findings (".
_OTHER_OUTCOME_BEFORE = re.compile(
    r"\b(?:and|but|while|whereas)\s+(?:gave|had|showed|caused|produced|yielded|led to|resulted in)\s+"
    r"(?:fewer|more|less|lower|higher|similar|comparable)\s+[^.;,()]{2,50}?\s*\(\s*$"
    # "..., and equivocal findings were less frequent with PSMA PET/CT (": the outcome the clause opens with
    r"|\b(?:and|but|while|whereas)\s+[a-z][^.;,()]{2,40}?\s+(?:were|was)\s+(?:less|more)\s+"
    r"(?:frequent|common|often)\b[^.;,()]{0,40}?\(\s*$"
    # "... and equivocal findings were less common ("
    r"|\b(?:and|but|while|whereas)\s+[^.;,()]{2,50}?\s+(?:were|was)\s+(?:less|more|equally|as)\s+"
    r"(?:common|frequent|often|rare)\s*\(\s*$"
    # "... and produced equivocal findings less often ("
    r"|\b(?:and|but|while|whereas)\s+(?:gave|had|showed|caused|produced|yielded)\s+[^.;,()]{2,50}?\s+"
    r"(?:less|more)\s+(?:often|frequently|commonly)\s*\(\s*$"
    # "..., and findings were equivocal in 7% and 23%": an outcome the clause states, no endpoint
    r"|\b(?:and|but|while|whereas)\s+[a-z][^.;,()]{2,40}?\s+(?:were|was)\s+(?:equivocal|indeterminate|inconclusive)"
    r"\s+in\s*$",
    re.I,
)
#: A response of a marker other than PSA named between two values, which sets them apart: "PSA50 in 14% and 21%, and
#: CTC reductions of 50% or more in 78% and 89%".
_OTHER_MARKERS_RESPONSE = re.compile(
    r"\b(?:CTCs?|circulating tumou?r cells?|ctDNA|cfDNA|LDH|ALP|alkaline phosphatase)\s+(?:counts?\s+|levels?\s+)?"
    r"(?:reductions?|declines?|decreases?|drops?|falls?|fell|responses?|conversions?|normali[sz]ations?)\b",
    re.I,
)
#: The words that end _CAUSE_OF_CONSEQUENCE, looked for first in the few characters before the event.
_CONSEQUENCE_CAUSES = re.compile(r"because|due|owing|for", re.I)
#: An event named as the cause of a consequence: "stopped treatment because of", "discontinuations due to".
_CAUSE_OF_CONSEQUENCE = re.compile(
    r"\b(?:" + _STOPPED + r")\b[^.;()]{0,25}?\b(?:because of|due to|owing to|for)\s+"
    # (after words that qualify the event: "treatment-related", "intolerable", "grade 3")
    r"(?:(?!(?:and|or|in|of)\b)[\w-]+\s+){0,2}$",
    re.I,
)
#: An aside that describes what comes before it: "treatment-related events, mostly skin toxicity and effusions, had
#: occurred in 30 patients (90.9%)". An endpoint named in it leaves the values after it to the described event.
_APPOSITION = prefiltered(
    # (also after what they all were: "Grade 3 events, all haematological and mostly lymphopenia, occurred in four")
    r",\s*(?:all\s+[\w-]+\s+and\s+)?(?:mostly|mainly|predominantly|largely|chiefly)\s+[^,;()]{1,80},"
    # (an endpoint told by another after its abbreviation: "the correct localization rate (CLR), a patient-level
    # positive predictive value that also required ...")
    r"|(?<=\)),\s*an?\s+[^,;()]{1,60}?\s(?:that|which)\b"
    # (how an endpoint was judged, before its verb: "the PPV of PET findings, verified by biopsy, correlative imaging
    # or PSA response after treatment, was 91%")
    r"|,\s*(?:verified|confirmed|validated|defined|assessed|determined|established|judged)\s+(?:by|with|as|on|against)"
    r"\s+[^;()]{1,100}?,(?=\s*(?:was|were|is|are)\b)",
    re.I,
)
#: A list item written as a line of its own: "PSA <0.5 ng/mL: 58.7%", "• after radiotherapy 81%".
LIST_ITEM = re.compile(
    r"^\s*(?:[•▪◦‣⁃*-]\s*(?:[^.;:\n]|(?<=\d)\.(?=\d)){0,60}?:?|(?:[^.;:\n]|(?<=\d)\.(?=\d)){1,60}?:)"
    r"\s*(?:\d+(?:\.\d+)?\s*%|\d+\s*(?:of|/)\s*\d+)"
)
#: The label of a list item before its colon: "PSA <0.5 ng/mL: 58.7%" (the part of the population it is for).
_LIST_LABEL = re.compile(r"^\s*(?:[•▪◦‣⁃*-]\s*)?(?P<label>(?:[^.;:\n]|(?<=\d)\.(?=\d)){1,60}?)\s*:\s*\d")
#: A sentence that breaks the previous result down by subgroup: "By PSA: ...", "Per region: ...", "Positive findings by
#: region: ...".
_BREAKDOWN = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:by|per|according to|across)\s+[\w /-]{1,30}"
    r"(?::|,\s*(?:it|they|this|these)\s+(?:was|were|is|are)\b)",
    re.I,
)
#: An item of a bulleted list labelled by a part of the population or of the body, which breaks the previous item's
#: result down: "• Pelvic lymph nodes: 30% vs 8%" after "• Overall detection: 56% ..." (not another measure or
#: outcome: "• Interreader agreement (κ): 0.65", "• median time to castration resistance: 33.7 vs 21.2 months").
_BULLETED_PART = re.compile(
    r"^\s*[•▪◦‣*-]\s*(?![^:]*(?:agreement|κ|kappa|concordance|correlat|time\s+to|respon|surviv|median|mean|rate"
    r"|progress|free|event|toxicit|dose))(?:[^:;.]|(?<=\d)\.(?=\d)){2,50}:\s*\d",
    re.I,
)
#: A sentence that gives the last result again without naming it: "At the updated analysis, the medians were 12.0
#: and 5.6 months".
_SAME_RESULT = re.compile(
    r"\bthe\s+(?:corresponding\s+)?(?:medians|median values|means|rates|proportions|percentages)\s+(?:were|are)\b"
    # "Tracer-specific estimates were 0.70 (...) for 68Ga-PSMA-11, 0.73 (...) for 18F-DCFPyL"
    r"|^\W*(?:[\w-]+\s+){0,2}estimates\s+(?:were|are)\b"
    # the result named by a pronoun: "It was higher in PSA responders than in non-responders (14.1 vs 6.9 Gy)"
    r"|^\W*(?:It|They)\s+(?:was|were|is|are)\b"
    # ... after the part of the men it is given for: "In pts with <20 bone lesions it was 14.2 vs 8.1 mo"
    r"|^\W*(?:In|Among|For)\s+[^,;:()]{1,60}?,?\s+(?:it|they)\s+(?:was|were)\b",
    re.I,
)
#: The opening of a sentence that gives another arm's values of the last result: "The corresponding rates for X were"
#: (the sentence itself is found by ``_CORRESPONDING``; this ends where the arm's agent starts).
CORRESPONDING_FOR = re.compile(
    r"\bthe\s+corresponding\s+(?:values?|rates?|figures?|numbers?|proportions?|percentages?|medians?|means?)"
    r"\s+(?:for|with|in|of|on)\s+(?:the\s+)?",
    re.I,
)
#: After the agent a result is given again for: "With 225Ac-PSMA-617(,) the corresponding rates were".
_CORRESPONDING_AFTER = re.compile(r"\s*,?\s*the\s+corresponding\b", re.I)
_FOR_BEFORE = re.compile(r"\b(?:with|for|in|after)\s+(?:the\s+)?$", re.I)
#: Right after a run of values: the arm they are of ("... and 9.4% with 177Lu-PSMA-I&T").
_NAMED_ARM = re.compile(r"\s*%?\s*(?:\([^()]{0,60}\)\s*)?(?:with|in|for|on)\s+(?:the\s+)?", re.I)
#: Between an agent and its value right after it: "X: 33%", "X 33%", "X [20.8%]", "X (19.7%)", and a count whose share
#: is in the bracket, after a verb of finding or not: "X detected 356 (86.4%)", "Y 271 (65.8%)".
_RIGHT_BEFORE = re.compile(
    r"(?:\s+(?:PET|SPECT)(?:\s*[/-]\s*(?:CT|MRI?))?)?\s*(?:(?:detected|identified|depicted|visuali[sz]ed)\s+)?\d+\s*\(\s*"
    r"|\s*[:=]?\s*[(\[]?\s*",
    re.I,
)
#: Between an agent and the value it opens: "Y in 13/50 (", "Y: ", "Y with ", "Y PET/CT in ".
_LEADS_VALUE = re.compile(
    r"(?:\s+(?:PET|SPECT)(?:\s*[/-]\s*(?:CT|MRI?))?)?"
    r"\s*(?:[:=]|in|with|for|at)?\s*(?:\d+\s*(?:/|of)\s*\d+\s*(?:men|patients)?\s*[(,]?\s*)?",
    re.I,
)
#: Between two runs of values: the second is set against the first ("..., against 0.31 and 0.89 for CT").
_RUNS_COMPARED = re.compile(r"\b(?:against|compared with|compared to|versus|vs\.?|whereas|while)\b", re.I)
#: Right after a value: it is every arm's ("16.1 months in both arms", "96% in each group").
_BOTH_ARMS = re.compile(r"\s*(?:in|for|with)\s+(?:both|each|either)\s+(?:arms?|groups?|cohorts?)\b", re.I)
#: Values of one run: "24% and 18%", "0.55 vs 0.61 Gy/GBq".
_TUPLE_JOIN = re.compile(r"\s*(?:%\s*)?(?:,\s*)?(?:and|vs\.?|versus|,)\s*", re.I)
#: Between two counts' shares compared: "%) patients compared with 11 (", "%) versus 9 (".
_COMPARED_COUNTS_JOIN = re.compile(
    r"\s*%?\s*\)?\s*(?:(?:patients|men|pts|cases)\s+)?(?:,\s*)?(?:vs\.?|versus|compared\s+with|against)\s+"
    r"(?:\d+\s*[(\[]\s*)?",
    re.I,
)
#: The spread of a value in brackets after it, whose numbers are no values: "(range across readers, 72%-83%)",
#: "(IQR 4.1-9.8 months)", "(interquartile range, 30%-55%)".
_SPREAD_IN_BRACKETS = prefiltered(
    r"[(\[]\s*(?:range|IQR|interquartile\s+range)\b[^()\[\]\d]{0,30}\d[^()\[\]]{0,40}[)\]]", re.I
)
#: A bracket of details after a value: "(range, 0.8-16.9)".
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Words that name what something is compared with, right before it.
_COMPARISON_WORDS = r"compared (?:with|to)|versus|vs\.?|relative to|against"
#: What a sentence compares with, named before the values: "more often than X (28% vs 15%)".
_COMPARED_WITH = re.compile(r"\b(?:" + _COMPARISON_WORDS + r"|than)\s+(?:the\s+)?$", re.I)
#: What a pair in brackets right after an agent is set against: "more with X than with Y (66% vs 37%)".
_SET_AGAINST = re.compile(r"\b(?:" + _COMPARISON_WORDS + r"|than)\s+(?:(?:with|in|for|on)\s+)?(?:the\s+)?$", re.I)
#: A clause set against the one before it: its values are named by its own words.
_WHEREAS_BREAK = re.compile(r",?\s\b(?:whereas|while)\b", re.I)
#: Between an arm and its value right after it: "with X in 64%", "the X arm (10.1 months)", "X: 33%".
_ARM_THEN_VALUE = re.compile(
    r"(?:\s+(?:therapy|treatment|regimen|arm|group|cohort|(?:PET|SPECT)(?:\s*[/-]\s*(?:CT|MRI?))?))?\s*"
    # (the share after its count in the bracket: "with conventional imaging (23 of 152 men, 15%)")
    r"(?:\((?:\s*\d+\s*(?:of|/)\s*\d+(?:\s+(?:men|patients|pts|participants))?\s*[,;])?|\bin\b|:|=)?\s*",
    re.I,
)
#: Between a value and the arm in brackets after it: "14% (X)".
_VALUE_THEN_ARM = re.compile(r"\s*%?\s*\(\s*")
_CLOSING = re.compile(r"\s*(?:arm|group)?\s*\)")
#: A clause that opens with the arm by its role: "Among control patients ...", "In the experimental group, ...".
_CLAUSE_OF_ROLE = prefiltered(
    r"\W*(?:(?:and|but|whereas|while)\s+)?(?:in|among|for)\s+(?:the\s+)?(?:(?P<control>control|comparator)"
    r"|experimental|investigational|intervention)\s+(?:patients|men|participants|arm|group)\b",
    re.I,
)
#: What a ratio is for, after its bracket: "0.58 (95% CI 0.37-0.91; p=0.017) for tandem therapy" gives "tandem".
_RATIO_FOR_ARM = re.compile(r"\s*[(\[][^()\[\]]{0,80}[)\]]\s*for\s+(?:the\s+)?(?P<arm>[\w&-]{3,})", re.I)
#: An arm named by one word of what it is: "in the conventional group", "in the PET arm", "the PSMA group".
_WORD_ARM = re.compile(r"\bthe\s+(?P<word>[A-Za-z][\w-]{2,})[\s-](?:arm|group)\b", re.I)
#: After an agent that names an arm by itself: "the enzalutamide group", "enzalutamide alone".
_ALONE_OR_GROUP = re.compile(r"\s+(?:alone|group|arm|cohort)\b", re.I)
#: Between a clause's start and the arm it opens with: "In the ", ", whereas in the ", "; with ".
_OPENS_CLAUSE_WITH_ARM = re.compile(
    # (after a section's heading: "Results: In the X group, ...")
    r"\W*(?:[A-Za-z][A-Za-z ]{0,30}:\s*)?(?:(?:and|but|whereas|while)\s+)?(?:in|with|for|among)\s+(?:the\s+)?",
    re.I,
)
#: A new clause, whose subject is another: "... in 21% with X, whereas diarrhoea favoured Y (19% vs 53%)".
_CLAUSE_BREAK = re.compile(r";|\b(?:whereas|while|but|although)\b", re.I)
#: After the last value: "..., respectively".
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,40}?\brespectively\b", re.I)
#: "respectively" as the sentence's last word, for each run of values before it: "rates of anaemia were 8%, 7% and 12%,
#: and of thrombocytopenia 5%, 4% and 7%, respectively".
_RESPECTIVELY_ENDS = re.compile(r"[^.;]{0,200}?\brespectively\W*$", re.I)
#: Right before an agent: what the value is measured against ("compared with docetaxel, the HR was 0.64").
_AGAINST = re.compile(r"\b(?:" + _COMPARISON_WORDS + r")\s+(?:the\s+)?$", re.I)
#: After the last of several ratios, past its bracket: "... and 0.55 (95% CI 0.35-0.86; p=0.01), respectively".
_RESPECTIVE_RATIOS = re.compile(r"\s*(?:[(\[][^()\[\]]{0,80}[)\]])?\s*,?\s*respectively\b", re.I)
_RESPECTIVELY = prefiltered(r"^[^.;]{0,40}?\brespectively\b", re.I)


def _endpoint_lists(text: str, endpoints: list[Mention], offset: int) -> list[list[Mention]]:
    """Runs of two or more endpoints written as a list: "anaemia, thrombocytopenia and grade 3 leukopenia"."""
    lists: list[list[Mention]] = []
    current: list[Mention] = []
    for endpoint in sorted(endpoints, key=lambda m: m.start):
        if current and _LIST_GAP.match(text[current[-1].end - offset : endpoint.start - offset]):
            current.append(endpoint)
            continue
        if len(current) >= 2:
            lists.append(current)
        current = [endpoint]
    if len(current) >= 2:
        lists.append(current)
    return lists


def _values_before_list(
    text: str, groups: list[_Group], listed: list[Mention], endpoints: list[Mention], offset: int
) -> list[_Group] | None:
    """``groups`` with the values written right before a list of endpoints followed by "respectively" shared out over
    it, one each in order ("0.029 and 0.10 Gy/GBq were the median absorbed doses to the red marrow and the liver,
    respectively"); None when the values before it are not as many as its endpoints, in one unit."""
    start = listed[0].start - offset
    before = [g for g in groups if g.values and g.values[-1].end <= start and "endpoint" not in g.extra]
    run: list[_Group] = []
    count = 0
    for group in reversed(before):
        run.insert(0, group)
        count += len(group.values)
        if count >= len(listed):
            break
    values = [v for g in run for v in g.values]
    if (
        count != len(listed)
        or len({v.unit for v in values}) != 1
        or start - values[-1].end > 60
        or any(values[0].start <= e.start - offset < start for e in endpoints)
    ):
        return None
    index = groups.index(run[0])
    return [
        *groups[:index],
        *(_Group(values=[value], extra={"endpoint": endpoint}) for value, endpoint in zip(values, listed, strict=True)),
        *groups[index + len(run) :],
    ]


def _cell_ratios(piece: str, heading: str) -> list[Ratio]:
    """The ratios a table cell holds, in the cell's own offsets: as written ("HR 0.71 (0.55-0.92)"), else a bare number
    under a heading that names the ratio ("0.71 (0.55-0.92)" under "HR (95% CI)"), at the level the heading states."""
    found = find_ratios(piece)
    named = _COMPARISON_COLUMN.search(heading)
    if not found and named is not None and named.group("ratio"):
        prefix = f"{named.group('ratio')} "
        found = [replace(r, start=r.start - len(prefix), end=r.end - len(prefix)) for r in find_ratios(prefix + piece)]
    level = _CI_OF_CELLS.search(heading)
    if level and level.group("level"):
        stated = float(level.group("level"))
        found = [r if r.ci_level or r.ci_low is None else replace(r, ci_level=stated) for r in found]
    return found


#: What sets a second run of values against a first: "..., while those with SUVmean <10 had 45% and 12.8 months".
_RUN_SET_AGAINST = re.compile(r"\b(?:while|whereas|against|versus|vs\.?|compared\s+with|but)\b", re.IGNORECASE)


def _second_run_of_endpoints(text: str, groups: list[_Group], endpoints: list[Mention], offset: int) -> list[_Group]:
    """ "Men with SUVmean ≥10 had a PSA response in 75% and a median OS of 21.4 months, while those with SUVmean <10
    had 45% and 12.8 months": a run of values, one right after each endpoint the sentence names, then as many values
    set against them with no endpoint of their own, each in the unit of its counterpart: the second run's values go
    to the endpoints in turn, each with its counterpart. ``groups`` as they are when the sentence is written
    otherwise."""
    values = [value for group in groups for value in group.values]
    size = len(endpoints)
    if len(values) != 2 * size:
        return groups
    first, second = values[:size], values[size:]
    starts = [m.start - offset for m in endpoints] + [len(text)]
    if not all(starts[i] < value.start < starts[i + 1] for i, value in enumerate(first)):
        return groups  # (each value of the first run after its own endpoint, before the next)
    if (
        any(a.unit != b.unit for a, b in zip(first, second, strict=True))
        or not _RUN_SET_AGAINST.search(text, first[-1].end, second[0].start)
        or any(first[-1].end <= start < second[-1].start for start in starts[:-1])
    ):
        return groups
    # each endpoint's pair of values as one group, as "75% vs 45%" is: a ratio after them goes on the first
    return [
        _Group(values=[a, b], extra={"endpoint": endpoint})
        for a, b, endpoint in zip(first, second, endpoints, strict=True)
    ]


#: A cohort or part of a study named by its number or letter ("cohort S", "part B", "cohort 2").
_NAMED_COHORT = re.compile(r"(?:cohort|part)\s+(?:\d+|[A-Za-z])")


def _cohorts_in_arms(arms: list[str | None], parts: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """A cohort or part named by its number or letter is an arm, written after its agents as the guidelines write it
    ("acapatamab (cohort S)"), not a part of an arm's patients: ``arms`` and ``parts`` with it moved over."""
    if not any(part and _NAMED_COHORT.fullmatch(part) for part in parts):
        return arms, parts
    moved = [
        (f"{arm} ({part})" if arm else part, None) if part and _NAMED_COHORT.fullmatch(part) else (arm, part)
        for arm, part in zip(arms, parts, strict=True)
    ]
    return [arm for arm, _part in moved], [part for _arm, part in moved]


def _by_column(text: str, groups: list[_Group], columns: list[Mention]) -> list[_Group]:
    """The values of a list item, one for each endpoint its head names, in order ("- liver metastases (n=74): 24.3%;
    6.9 months" under "(PSA50; median OS):"), when it has as many, written apart by semicolons; else ``groups``."""
    values = [value for group in groups for value in group.values]
    if len(values) != len(columns) or not all(";" in text[a.end : b.start] for a, b in pairwise(values)):
        return groups
    return [_Group(values=[value], extra={"endpoint": column}) for value, column in zip(values, columns, strict=True)]


def _runs_set_against(text: str, values: list[Value]) -> tuple[list[Value], list[Value]] | None:
    """The sentence's values as two runs of as many values each, the second set against the first (a comparison word
    between them) and written as a bare list ("..., while Y reached 44% and 99%"); None when they are not."""
    if len(values) < 4 or len(values) % 2:
        return None
    size = len(values) // 2
    first, second = values[:size], values[size:]
    if not _RUN_CUT.search(text, first[-1].end, second[0].start):
        return None
    if not all(_BARE_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(second)):
        return None
    return first, second


def _agents_around_runs(
    text: str, mentions: list[Mention], excluded: set[int], first: list[Value], second: list[Value], offset: int
) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """The agents (less those starting at ``excluded``) named before the first run, between the runs, and right
    after the second."""
    agents = [m for m in mentions if m.is_agent and m.start not in excluded]
    before = [m for m in agents if m.start - offset < first[0].start]
    between = [m for m in agents if first[-1].end <= m.start - offset < second[0].start]
    # (past the bracket of the last value's count and CI: "94.3% (99/105; 95% CI, 88.0-97.9) for conventional imaging")
    bracket = _VALUE_BRACKET.match(text, second[-1].end)
    end = bracket.end() if bracket else second[-1].end
    after = [m for m in agents if second[-1].end <= m.start - offset <= end + 30]
    return before, between, after


#: A bracket right after a value (its unit between): "% (99/105; 95% CI, 88.0-97.9)".
_VALUE_BRACKET = re.compile(r"\s*(?:%|months?|mo)?\s*\([^()]{0,60}\)")


def _label_unit_values(
    text: str, values: list[Value], occupied: list[tuple[int, int]], labelled: re.Match[str] | None, bare: list[Value]
) -> list[Value]:
    """The bare numbers right after a label that states their unit ("PSA50 (%): 57.6 vs 20.4"): the first one after
    the colon and those joined to it by "vs", "and" or a comma, each with that unit."""
    if labelled is None:
        return []
    unit = labelled.group("unit")
    found: list[Value] = []
    at = labelled.end()
    for number in sorted(bare, key=lambda b: b.start):
        if number.start < at:
            continue
        gap = text[at : number.start]
        if _inside(number, occupied) or any(v.start <= number.start < v.end for v in values):
            break
        if (found and not _LABEL_RUN_GAP.fullmatch(gap)) or (not found and gap.strip()):
            break
        found.append(Value(number.start, number.end, number.value, normalize_unit(unit), unit))
        at = number.end
    return found


#: Right before an agent that is the event a time is measured to: "time to start of ", "time to first subsequent ".
_TIME_TO_AGENT = re.compile(
    r"\btime\s+to\s+(?:the\s+)?(?:(?:start|initiation|use)\s+of\s+|first\s+(?:subsequent\s+)?|subsequent\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)


def _without_events_of_times(text: str, mentions: list[Mention], offset: int) -> list[Mention]:
    """The mentions of a sentence but the agents that are the event a time is measured to, no arm: "median time to
    start of androgen deprivation 14.2 months"."""
    return [
        m for m in mentions
        if not (m.is_agent and _TIME_TO_AGENT.search(text, max(0, m.start - offset - 30), m.start - offset))
    ]  # fmt: skip


#: Between an outcome and the endpoint that sets apart the men it was likelier in: " was more likely in men with a ".
_LIKELIER_IN_MEN_WITH = re.compile(
    r"\s+(?:was|were)\s+(?:(?:significantly|much|twice\s+as)\s+)?(?:more|less)\s+(?:likely|frequent|common|often)\s+"
    r"(?:in|among)\s+(?:the\s+)?(?:men|patients|pts|those|participants)\s+(?:with|who\s+(?:had|achieved))\s+(?:an?\s+)?",
    re.IGNORECASE,
)
#: A treatment cycle named as a part of an arm: "cycle 4", "the first cycle".
_CYCLE_PART = re.compile(r"cycle \d+|(?:first|second|third|fourth|fifth|sixth|last|final) cycle", re.IGNORECASE)
#: The endpoints a questionnaire's score is of.
_SCALES = frozenset({"endpoint:HRQoL", "endpoint:pain"})
#: "Mean" or "median" right before a scale's name: "Mean global health status", "the mean EQ-VAS", "median worst pain".
_MEAN_BEFORE_SCALE = re.compile(
    r"\b(?:mean|median|average)\s+(?:(?!(?:time|duration|months?|weeks?)\b)[\w-]+\s+){0,2}$", re.IGNORECASE
)  # (not a time to an event: "median time to pain progression was 9.4 versus 5.8 months")
#: A baseline that qualifies the scale itself: "Mean global health status at baseline was 66".
_SCALE_AT_BASELINE = re.compile(r"(?:\s+(?:total\s+)?(?:scores?|index|values?))?\s+(?:at|before)\s+baseline\b", re.I)
#: Right before a score: a verb or preposition that gives it, or the separator of a run of them.
_BEFORE_SCORE = re.compile(
    r"(?:\b(?:was|were|is|of|to|from|reached|remained|by|at)|,|\band|\bvs\.?|\bversus|:)\s*$", re.IGNORECASE
)
#: Right after a score: the end of its clause, a preposition that places it in time or in an arm, or a separator; no
#: unit, and no "or more" of a threshold.
_AFTER_SCORE = re.compile(
    r"\s*(?:$|[,;.)](?!\d)|\((?:95%|p\b|SD|range|IQR)|(?:at|after|before|in|on|with|during|and|vs\.?|versus|compared"
    r"|for|among|by|from|to)\b(?!\s+(?:more|less|higher|lower)\b))",
    re.IGNORECASE,
)


#: The next number of a run, with a unit the number before it shares: "9.4 versus 5.8 months".
_UNIT_OF_THE_NEXT = re.compile(
    r"\s*(?:,\s*|\s(?:and|or|to|vs\.?|versus)\s+)\d+(?:\.\d+)?\s*(?:%|months?\b|mo\b|weeks?\b|years?\b|days?\b)", re.I
)


def _scale_scores(text: str, endpoints: list[Mention], offset: int, values: list[Value]) -> list[Value]:
    """Mean scores of a questionnaire without their unit, named after "mean" and its scale in the same clause: "Mean
    global health status was 66.1 at cycle 4", "Mean EQ-VAS was 64.1 at baseline, 67.8 after cycle 2 and 66.0 after
    cycle 4" (the score at baseline is none: see _RARELY_A_RESULT); in points, as a score's change is.

    >>> from ingest.extraction.mentions import Mention
    >>> text = "Mean global health status rose to 66.1 at cycle 4 (range 0-100)."
    >>> scale = Mention(5, 25, "global health status", "endpoint:HRQoL", "Endpoint")
    >>> [(v.value, v.unit) for v in _scale_scores(text, [scale], 0, [])]
    [(66.1, 'points')]
    """
    found: list[Value] = []
    for endpoint in endpoints:
        start, end = endpoint.start - offset, endpoint.end - offset
        if (
            endpoint.curie not in _SCALES
            or endpoint.text.lower().startswith(("time", "duration"))
            or not _MEAN_BEFORE_SCALE.search(text, max(0, start - 30), start)
        ):
            continue
        if _SCALE_AT_BASELINE.match(text, end):
            continue
        clause_end = text.find(";", end)
        for bare in find_bare_numbers(text[: clause_end if clause_end >= 0 else len(text)]):
            if (
                bare.start > end
                and _BEFORE_SCORE.search(text, max(end, bare.start - 12), bare.start)
                and _AFTER_SCORE.match(text, bare.end)
                and not _UNIT_OF_THE_NEXT.match(text, bare.end)
                and not any(v.start <= bare.start < v.end for v in values + found)
            ):
                found.append(Value(bare.start, bare.end, bare.value, SCORE_UNIT, "points"))
    return found


@dataclass
class _Group:
    values: list[Value]
    endpoint: Mention | None = None
    ratio: Ratio | None = None
    interval: Interval | None = None
    p_value: PValue | None = None
    statistic: str = "rate"
    extra: dict = field(default_factory=dict)


class SentenceMeasurements:
    """Builds the measurements of one sentence."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        #: Element name -> symbol ("actinium" -> "Ac"), from the ontology's radionuclides.
        self._element_symbols = {n.element.lower(): n.symbol for n in ontology.radionuclides.values()}

    def endpoint_code(self, mention: Mention, sentence: str, offset: int) -> tuple[str, str | None]:
        """The canonical endpoint code of a mention, and the AE grade its context states."""
        endpoint = self.ontology.endpoints[mention.curie]
        # (within the mention's clause: "TRAEs any G 89%; G≥3 TRAEs 26%" grades each by its own words)
        start, end = max(0, mention.start - offset - 50), mention.end - offset + 15
        if graded_after := _GRADE_AFTER_EVENT.match(sentence, mention.end - offset):
            end = graded_after.end() + 20  # "neutropenia of grade 3 or higher", "CRS of grade 2 or worse"
        start = max(start, sentence.rfind(";", start, mention.start - offset) + 1)
        stop = sentence.find(";", mention.end - offset, end)
        window = sentence[start : stop if stop >= 0 else end]
        grade = None
        if endpoint.kind in ("AdverseEvent",) or endpoint.code.startswith("AE"):
            # the grade right after the event's words, else the nearest before them ("neutropenia of grade 3 or
            # higher (14.1% v 2.5%) and more any-grade peripheral neuropathy": the neuropathy's is any grade)
            at, end_at = max(0, mention.start - offset - start), mention.end - offset - start
            after = window[end_at:]
            if share := _SHARE.search(after):  # ("CRS 72% (grade ≥3, 2%)": a grade past the event's value is not its)
                after = after[: share.start()]
            grade = (
                _nearest_grade(window[at:end_at], first=True)  # its own words: "grade ≥3 adverse events"
                or _nearest_grade(after, first=True)
                or _nearest_grade(window[:at], first=False)
            )
        if endpoint.code == "AE any grade" and grade is None and _GRADE_3_ONLY.search(window):
            grade = "3"  # "grade 3 adverse events occurred in 13%": the grade >=3 endpoint, at grade 3
        if endpoint.code == "AE any grade" and grade in (">=3", "3"):
            related = _TREATMENT_RELATED.search(window)
            return ("TRAE grade>=3" if related else "AE grade>=3"), (None if grade == ">=3" else grade)
        return endpoint.code, grade

    def build(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        context: DocumentContext,
        previous_endpoint: Mention | None,
        previous_time_to_event: Mention | None = None,
        listed: bool = False,
        columns: list[Mention] | None = None,
    ) -> tuple[list[Measurement], Mention | None, list[tuple[Mention, str | None]]]:
        """Measurements of the sentence, the last endpoint it names, and its negated endpoints (see ``_build``).

        A maximum tolerated dose the sentence denies ("No MTD was identified") is no negated finding: the MTD was not
        reached, as "the MTD was not reached" says."""
        found, last, denied = self._build(
            sentence, mentions, context, previous_endpoint, previous_time_to_event, listed, columns or []
        )
        if any(endpoint.curie == "endpoint:MTD" for endpoint, _grade in denied):
            denied = [(endpoint, grade) for endpoint, grade in denied if endpoint.curie != "endpoint:MTD"]
            if not any(m.endpoint == "MTD" for m in found):
                planned = context.planned or bool(_PLANNED.search(sentence.text))
                status = "planned" if planned else "reported"
                arm = self._first_arm_label(context)
                found = [
                    *found,
                    Measurement(endpoint="MTD", statistic="other", arm=arm, status=status, note="not reached"),
                ]
        if "lesions" in sentence.text and len(context.agents) >= 2:
            found = [*found, *self._lesions_counted(sentence, mentions, context)]
        return found, last, denied

    def _lesions_counted(
        self, sentence: Sentence, mentions: list[Mention], context: DocumentContext
    ) -> list[Measurement]:
        """The lesions each of two imaging agents found, a count of the detection rate per lesion: "18F-DCFPyL detected
        187 lesions and 18F-fluciclovine 82", "163 lesions were detected with X and 129 with Y"."""
        text = sentence.text
        imaging = [m for m in mentions if m.kind == "ImagingAgent" and m.start not in context.prior]
        counted: list[tuple[Mention, re.Match[str]]] = []
        for first, second in pairwise(imaging):
            start, end = first.start - sentence.start, first.end - sentence.start
            next_start, next_end = second.start - sentence.start, second.end - sentence.start
            found = _LESIONS_FOUND_BY.match(text, end)
            if found and _LIST_JOIN.fullmatch(text, found.end(), next_start):
                then = _NEXT_AGENTS_LESIONS.match(text, next_end)
            else:
                found = _LESIONS_FOUND_WITH.search(text, max(0, start - 60), start)
                then = _NEXT_LESIONS_WITH.fullmatch(text, end, next_start) if found else None
            if found and then:
                counted = [(first, found), (second, then)]
                break
        status = "planned" if context.planned else "reported"
        return [
            Measurement(endpoint="detection rate", statistic="count", arm=self._arm_label_for_curie(agent, context),
                        value=float(match.group("n")), unit="lesions", status=status)
            for agent, match in counted
        ]  # fmt: skip

    def _build(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        context: DocumentContext,
        previous_endpoint: Mention | None,
        previous_time_to_event: Mention | None = None,
        listed: bool = False,
        columns: list[Mention] | None = None,
    ) -> tuple[list[Measurement], Mention | None, list[tuple[Mention, str | None]]]:
        """Measurements of the sentence, the last endpoint it names, and its negated endpoints.

        ``listed``: the sentence is an item of a list whose head names the endpoint ("Detection rates by PSA
        level:\nPSA <0.5 ng/mL: 58.7%\n..."); with no endpoint of its own, it takes the head's. ``columns``: the
        endpoints the head names for the values of each item, in their order ("Results by subgroup (PSA50; median
        OS):\n- liver metastases (n=74): 24.3%; 6.9 months"): an item with as many values, apart by semicolons, gives
        one to each.

        A ratio with no endpoint in its sentence takes the previous sentence's last endpoint, or, for a
        hazard ratio, the last time-to-event endpoint named so far (``previous_time_to_event``); so do the values of
        a sentence that breaks the previous result down ("By PSA: <2 ng/mL 68.5%; 2 to <5 ng/mL 87.9%").
        """
        text = dashes_to_hyphen(sentence.text)
        offset = sentence.start
        bulleted = False
        asides = [(a.start() + offset, a.end() + offset) for a in _APPOSITION.finditer(text)]
        endpoints = [
            m for m in mentions
            if m.kind in ENDPOINT_KINDS and m.curie and not self._category(m, text, offset)
            and not any(start < m.start and m.end < end for start, end in asides)
            # (men named by their response, "18.8 months in PSA50 responders": no result of that endpoint)
            and ("responders" not in text or not _RESPONDERS_AFTER.match(text, m.end - offset))
        ]  # fmt: skip
        if (
            # (an organ is no endpoint of a sentence without doses: "• Extrapelvic lesions: 16% vs 2%")
            not (endpoints if "Gy" in text else [e for e in endpoints if e.kind != "AbsorbedDose"])
            and previous_endpoint is not None
            and (
                listed
                or _BREAKDOWN.match(text)
                or (bulleted := _BULLETED_PART.match(text) is not None)
                or _SAME_RESULT.search(text)
                or _CORRESPONDING.search(text)
            )
        ):
            # "By PSA: <2 ng/mL 68.5%; ...", "the medians were 12.0 and 5.6 months": the previous result again
            endpoints = list(columns) if listed and columns else [previous_endpoint]
        elif (
            not endpoints
            and (previous_time_to_event or previous_endpoint)
            and ("edian" in text or "rate" in text)  # (literals first: the pattern alone would scan every sentence)
            and _ASSUMED_MEDIANS.search(text)
        ):
            # "The primary endpoint is time to pain progression. Assuming a median of 4.0 months with X and 5.7 months
            # with Y (HR 0.70), ...": the medians assumed for the time to an event named before
            endpoints = [previous_time_to_event or previous_endpoint]
        if (
            context.response is not None
            and (
                ("responded" in text and (verb := _RESPONDED_OFTEN.search(text)))
                or ("Responses" in text and (verb := _RESPONSES_SEEN.match(text)))
            )
            and not any(e.curie in RESPONSE_ENDPOINTS for e in endpoints)
        ):
            # "Men given 10 Gy or more responded more often than those below 10 Gy (79% vs 38%)", "Responses were seen
            # in 9 of 19 (47%) men with SUVmean 6-9.9 and ...": the study's response
            response = context.response
            said = Mention(verb.start() + offset, verb.end() + offset, verb.group(), response.curie, response.kind,
                           label=response.label, via="responded")  # fmt: skip
            endpoints = sorted([*endpoints, said], key=lambda m: m.start)
        if not _DIGIT.search(text) and not _NOT_REACHED_WORDS.search(text) and not (endpoints and _number_word(text)):
            # no number: only a negated finding can come out of it
            return [], (endpoints[-1] if endpoints else previous_endpoint), self._negated(text, endpoints, offset)
        ratios = find_ratios(text)
        if not endpoints and not ratios:
            return [], previous_endpoint, []  # no endpoint to give a value to, and no ratio to carry one over
        intervals = find_intervals(text)
        p_values = find_p_values(text)
        statistics = [*ratios, *intervals, *p_values]
        # A value goes only to an endpoint of its sentence: with none, only the ratios can give measurements.
        values = self._values(text, mentions, endpoints, offset, statistics) if endpoints else []
        groups = self._group(text, values, endpoints, offset, len(context.arms))
        if listed and columns and endpoints == columns:
            groups = _by_column(text, groups, columns)
        elif len(endpoints) >= 2 and len(context.arms) < 2:  # (two arms' runs: see _run_of_endpoints)
            groups = _second_run_of_endpoints(text, groups, endpoints, offset)
        if len(endpoints) >= 2 and not all("endpoint" in g.extra for g in groups):
            groups = self._distribute(text, groups, endpoints, offset, len(context.arms))
            groups = self._corresponding(text, groups, endpoints, offset)
            groups = self._by_arm(text, groups, endpoints, mentions, offset, context)
        if len(endpoints) == 1 and len(context.arms) == 2:
            groups = self._two_runs(text, groups, mentions, offset, context)
        for group in groups:
            group.endpoint = group.extra.get("endpoint") or self._endpoint_for(group, endpoints, offset, text)
        if len(groups) >= 2 and " at " in text:
            _counts_at_doses_before_their_event(text, groups)
        groups = [g for g in groups if g.endpoint is not None and not self._denied_in_another_clause(g, text, offset)]
        if len(endpoints) >= 2 and len(context.arms) == 2:
            groups = self._run_of_endpoints(text, groups, endpoints, mentions, offset, context)
        self._grades_stated_ahead(text, groups)
        for group in groups:
            group.values = self._not_doses_chosen_past_the_mtd(group, text, offset)
        groups = [g for g in groups if g.values and self._statistic(g, text)]
        groups = _without_counts_given_as_shares(groups, text)
        for group in groups:  # "median OS was 16.1 months in both arms": one value, each arm's
            value = group.values[0]
            if (
                len(group.values) == 1
                and len(context.arms) >= 2
                and value.unit != NOT_REACHED_UNIT
                and _BOTH_ARMS.match(text, value.end)
            ):
                group.values = group.values * 2
        carried = (previous_endpoint, previous_time_to_event)
        if context.modelled is not None and not endpoints and _INDEPENDENT_PREDICTORS.search(text):
            # "X (OR 4.62 ...), Y (OR 3.38 ...) and Z (OR 2.27 ...) were independent predictors": of the outcome the
            # study's model predicts, not of the event named last
            carried = (context.modelled, context.modelled)
        lonely = self._attach_ratios(text, groups, ratios, intervals, p_values, endpoints, offset, carried)
        self._attach_loose_statistics(groups, lonely, intervals, p_values, text)
        last = endpoints[-1] if endpoints else previous_endpoint
        if not groups and not lonely:
            return [], last, self._negated(text, endpoints, offset)
        planned = context.planned or bool(_PLANNED.search(text))
        thresholds = [(t.start(), t.end()) for t in _THRESHOLD.finditer(text)]
        measurements: list[Measurement] = []
        every_value = sorted((value.start, value.end) for group in groups for value in group.values)
        parts = SentenceSubgroups(
            text,
            mentions,
            offset,
            every_value,
            one_arm=len(context.arms) < 2 and not context.compared,
            courses=context.courses,
        )
        for group in groups:
            target = any(start <= group.values[0].start < end for start, end in thresholds) if group.values else False
            measurements.extend(
                self._measurements(group, sentence, mentions, context, planned or target, parts, thresholds)
            )
        for ratio_group in lonely:
            ratio = ratio_group.ratio
            target = ratio is not None and any(start < ratio.end and ratio.start < end for start, end in thresholds)
            measurements.extend(self._measurements(ratio_group, sentence, mentions, context, planned or target, parts))
        if listed or bulleted:
            measurements = _with_list_label(measurements, text, mentions, offset, context.prior)
        # "No DLT occurred at DL1; one of six patients at DL2 had a DLT": a denied mention that gives no value (denied
        # itself: "no grade 4 CRS", "did not improve OS", not "No man was positive on SPECT")
        taken = {(g.endpoint.start, g.endpoint.end) for g in (*groups, *lonely) if g.endpoint is not None}
        denied = self._negated(text, endpoints, offset)
        if measurements:
            denied = [
                (endpoint, grade)
                for endpoint, grade in denied
                if (endpoint.start, endpoint.end) not in taken
                and not _DENIED_SUBJECT.search(text, 0, endpoint.end - offset)
            ]
        return measurements, last, denied

    def build_row(
        self,
        row: TableRow,
        sentence: Sentence,
        mentions: list[Mention],
        context: DocumentContext,
        headings: Sequence[Mention] = (),
    ) -> list[Measurement]:
        """Measurements of a table row (``tables``): its first cell names the endpoint and may state the unit
        ("PSA50, %"); each other cell holds the value of its column's arm, named by the column's first row (an agent,
        else a part of the study's arm: "Cohort 2"); a column headed as a comparison ("Comparison", "HR", "p") holds
        the ratio, CI and p-value, which go on the investigational arm's value."""
        label = row.cells[0]
        endpoint = next(
            (m for m in mentions if m.kind in ENDPOINT_KINDS and m.curie and label.start <= m.start < label.end), None
        )
        if endpoint is None:
            return self._stratum_row(row, sentence, context, headings)
        text = dashes_to_hyphen(sentence.text)
        offset = sentence.start
        stated = _STATED_UNIT.search(text, label.start - offset, label.end - offset)
        # "n (%)" heading a column, in the table's title ("Adverse events, n (%):") or in the row's label ("PSA50
        # response, n (%) | 26 (65.0) | 20 (44.4)")
        shares = any(_COUNT_SHARE_HEADING.search(cell.text) for cell in row.header) or bool(
            _COUNT_SHARE_HEADING.search(row.caption) or _COUNT_SHARE_HEADING.search(label.text)
        )
        percent_caption = _SHARES_CAPTION.search(row.caption) is not None  # bare numbers under "(% of patients):"
        columns: list[int] = []
        values: list[Value] = []
        ratios: list[Ratio] = []
        intervals: list[Interval] = []
        p_values: list[PValue] = []
        for column, cell in enumerate(row.cells[1:], start=1):
            if is_empty(cell):
                continue
            start, end = cell.start - offset, cell.end - offset
            heading = _COMPARISON_COLUMN.search(row.header[column].text)
            if heading:
                piece = text[start:end]
                found = _cell_ratios(piece, row.header[column].text)
                ratios += [replace(r, start=r.start + start, end=r.end + start) for r in found]
                intervals += find_intervals(piece)
                p_values += [replace(p, start=p.start + start, end=p.end + start) for p in find_p_values(piece)]
                if _P_COLUMN.fullmatch(row.header[column].text) and (bare := _BARE_P.fullmatch(piece)):
                    # "<0.001" or "0.003" under "p": the p-value without its letter
                    p_values.append(PValue(start, end, normalize_p(bare.group("op") or "=", bare.group("value"))))
                continue
            unit = normalize_unit(stated.group("unit")) if stated else ("%" if percent_caption else None)
            value = _cell_value(text, start, end, unit)
            if value is None and shares:  # "26 (67)" under "n (%)": the share is the value
                value = _share_in_cell(text, start, end)
            if value is not None and (value.value is not None or endpoint.curie in TIME_TO_EVENT):
                columns.append(column)
                values.append(value)
        if not values:
            return []
        group = _Group(values=values, endpoint=endpoint)
        if not self._statistic(group, text):
            return []
        code, grade = self.endpoint_code(endpoint, text, offset)
        graded = [_GRADE_COLUMN.fullmatch(row.header[column].text) for column in columns]
        arms, parts = zip(
            *(
                (self._first_arm_label(context), None) if by_grade else self._column_arm(row.header[column], context)
                for column, by_grade in zip(columns, graded, strict=True)
            ),
            strict=True,
        )
        lead = arms.index(self._first_arm_label(context)) if self._first_arm_label(context) in arms else 0
        ratio = ratios[0] if ratios else None
        interval = intervals[0] if intervals else None
        if ratio is not None and ratio.ci_low is None and interval is not None:  # "HR 0.63 (95% CI 0.46-0.86)"
            ratio = replace(ratio, ci_low=interval.low, ci_high=interval.high, ci_level=interval.level)
        rate = group.statistic in ("rate", "count")
        times = landmarks(text, label.start - offset, label.end - offset) if rate else []
        measurements = []
        for index, (value, arm, part) in enumerate(zip(values, arms, parts, strict=True)):
            own = ratio if index == lead else None
            column_code, column_grade = code, grade
            if graded[index] is not None and graded[index].group("low"):  # "Grade 3": the events of that grade
                if not code.startswith("AE:"):
                    continue
                low, high = graded[index].group("low"), graded[index].group("high")
                column_grade = f"{low}-{high}" if high and high != low else low
            elif graded[index] is not None:  # a column of the events at a grade ("any grade", "grade ≥3")
                at_3 = self._at_grade_3(code, text) if graded[index].group("severe") else None
                if graded[index].group("severe") and at_3 is None:
                    continue
                column_code, column_grade = at_3 or (code, "any" if code.startswith("AE:") else grade)
            measurements.append(
                Measurement(
                    endpoint=column_code,
                    statistic=group.statistic,
                    arm=arm,
                    subgroup=part,
                    value=value.value,
                    unit=None if value.value is None else value.unit,
                    note="not reached" if value.value is None else (times[0] if len(times) == 1 else None),
                    hr=own.value if own else None,
                    ci_low=own.ci_low if own else None,
                    ci_high=own.ci_high if own else None,
                    ci_level=own.ci_level if own and own.ci_low is not None else None,
                    p_value=p_values[0].text if p_values and index == lead else None,
                    status="planned" if context.planned else "reported",
                    grade=column_grade,
                )
            )
        return measurements

    def _stratum_row(
        self, row: TableRow, sentence: Sentence, context: DocumentContext, headings: Sequence[Mention]
    ) -> list[Measurement]:
        """A row of a table of strata, whose columns name the endpoints and whose first cell the stratum:

            PSA (ng/mL) | n | Positive | Detection rate (%)
            <0.2        | 22 | 9       | 40.9

        gives the detection rate 40.9% of the study's arm in the stratum "PSA <0.2 ng/mL" (the counts of columns that
        name no endpoint are left alone)."""
        label = row.cells[0]
        if is_empty(label):
            return []
        text = dashes_to_hyphen(sentence.text)
        offset = sentence.start
        stratum = _stratum(label.text, row.header[0].text)
        # a row named by an agent is that agent's arm, no stratum: "18F-PSMA-1007 PET/CT | 0.85 (0.79-0.90) | ..."
        row_agent = next((m for m in context.agents if label.start <= m.start < label.end), None)
        row_arm = self._arm_label_for_curie(row_agent, context) if row_agent is not None else None
        if row_arm is None and _ARMS_BY_ROW.fullmatch(row.header[0].text):
            row_arm = " ".join(label.text.split())  # "Modality | ...": a row of a modality no agent names ("MRI")
        if row_arm is not None:
            stratum = None
        level = _CI_OF_CELLS.search(row.caption) or _CI_OF_CELLS.search(" ".join(c.text for c in row.header))
        captioned = [
            m for m in headings
            if m.kind in ENDPOINT_KINDS and m.kind != "AbsorbedDose" and m.curie and m.start < row.header[0].start
        ]  # fmt: skip
        measurements = []
        for column, cell in enumerate(row.cells[1:], start=1):
            heading = row.header[column]
            endpoint = next(
                (
                    m
                    for m in headings
                    if m.kind in ENDPOINT_KINDS and m.curie and heading.start <= m.start < heading.end
                ),
                None,
            )
            arm = row_arm or self._first_arm_label(context)
            if endpoint is None and captioned and any(heading.start <= m.start < heading.end for m in context.agents):
                # "Detection rate by PSA level:" over "PSA (ng/mL) | n | X | Y": the caption's endpoint, the
                # column's agent
                endpoint = captioned[-1]
                arm = self._column_arm(heading, context)[0]
            if endpoint is None and captioned and not is_empty(cell):
                # "rPFS by subgroup:" over "Subgroup | n | HR (95% CI)": the stratum's ratio of the caption's endpoint
                named = _COMPARISON_COLUMN.search(heading.text)
                found = _cell_ratios(text[cell.start - offset : cell.end - offset], heading.text)
                ratio = found[0] if named and named.group("ratio") and len(found) == 1 else None
                if ratio is not None:
                    code, grade = self.endpoint_code(captioned[-1], text, offset)
                    hazard = ratio.kind == "hr"
                    measurements.append(
                        Measurement(
                            endpoint=code,
                            statistic=ratio.kind,
                            arm=arm,
                            subgroup=stratum,
                            value=None if hazard else ratio.value,
                            hr=ratio.value if hazard else None,
                            ci_low=ratio.ci_low,
                            ci_high=ratio.ci_high,
                            ci_level=(
                                ratio.ci_level
                                or (float(level.group("level")) if level and level.group("level") else None)
                            )
                            if ratio.ci_low is not None
                            else None,
                            status="planned" if context.planned else "reported",
                            grade=grade,
                        )
                    )
                continue
            if endpoint is None or is_empty(cell):
                continue
            # the unit the column states, else the table's title ("Per-patient performance, % (n/N)"), else a
            # proportion for a diagnostic metric written "0.88"
            stated = _STATED_UNIT.search(heading.text) or _STATED_UNIT.search(row.caption)
            unit = normalize_unit(stated.group("unit")) if stated else None
            if unit is None and _SHARES_CAPTION.search(row.caption):
                unit = "%"
            if (
                unit is None
                and self.ontology.endpoints[endpoint.curie].code in _DIAGNOSTIC
                and _PROPORTION_CELL.fullmatch(cell.text)
            ):
                unit = PROPORTION_UNIT
            if unit is None and endpoint.curie == "endpoint:DLT":
                unit = "patients"  # "Dose level (kBq/kg) | Patients | DLTs": the patients who had one
            value = _cell_value(text, cell.start - offset, cell.end - offset, unit)
            if value is None or value.value is None or (value.unit == "patients" and value.value == 0):
                continue  # (no patient with one is a finding denied, no count)
            group = _Group(values=[value], endpoint=endpoint)
            if not self._statistic(group, text):
                continue
            code, grade = self.endpoint_code(endpoint, heading.text, heading.start)
            bounds = _BOUNDS_IN_CELL.search(cell.text) if level else None  # under "value (95% CI)": its CI
            measurements.append(
                Measurement(
                    endpoint=code, statistic=group.statistic, arm=arm, subgroup=stratum,
                    value=value.value, unit=value.unit, status="planned" if context.planned else "reported",
                    grade=grade, ci_low=float(bounds.group("low")) if bounds else None,
                    ci_high=float(bounds.group("high")) if bounds else None,
                    ci_level=float(level.group("level")) if bounds and level.group("level") else None,
                )
            )  # fmt: skip
        return measurements

    def _column_arm(self, heading: Cell, context: DocumentContext) -> tuple[str | None, str | None]:
        """The arm a table column is for, and the part of it: the first agent its heading names ("177Lu-PSMA-617"),
        else the study's first arm, for the part the heading names ("Cohort 2")."""
        agent = next((m for m in context.agents if heading.start <= m.start < heading.end), None)
        if agent is not None and (
            _PRIOR_STATUS_AFTER.match(heading.text, agent.end - heading.start)
            or _PRIOR_STATUS_BEFORE.search(heading.text, 0, agent.start - heading.start)
        ):  # "Taxane-naive (n=118)": the part of the study's arm that had (or had not) the agent before
            return self._first_arm_label(context), _COLUMN_SIZE.sub("", heading.text) or None
        if agent is not None:
            return self._arm_label_for_curie(agent, context), None
        label = _LABEL_HEADING_CELL.match(heading.text)
        if label and label.group("label").upper() in context.labels:  # "Arm B": the arm the text labelled B
            return context.arms[context.labels[label.group("label").upper()]].label, None
        if label and len(context.arms) >= 2:
            # A label the text tied to no arm, in a study of several arms: in a two-arm study "A"/"1" is the
            # investigational arm and "B"/"2" the other, as trials number them; else no arm rather than a wrong one,
            # the heading kept. (In a study of one arm, "Cohort 2" is a part of it, below.)
            order = {"A": 0, "1": 0, "B": 1, "2": 1}.get(label.group("label").upper())
            if len(context.arms) == 2 and order is not None:
                return context.arms[order].label, None
            return None, heading.text
        return self._first_arm_label(context), (_COLUMN_SIZE.sub("", heading.text) or None)

    @staticmethod
    def _grades_stated_ahead(text: str, groups: list[_Group]) -> None:
        """ "Grade 3 or worse toxicity was 7.9% for anaemia and 4.6% for neutropenia": the grade stated ahead of a
        clause whose values are each given for an event is each of those events' (kept in the group, used when the
        event's own name states none). Only the run of such values that opens the clause takes it."""
        clause_of: dict[int, list[_Group]] = {}
        for group in sorted((g for g in groups if g.values), key=lambda g: g.values[0].start):
            clause_of.setdefault(text.rfind(";", 0, group.values[0].start) + 1, []).append(group)
        for clause, members in clause_of.items():
            if not members[0].extra.get("given_for"):
                continue
            head = text[clause : members[0].values[0].start]
            grade = _stated_grade(head)
            for group in members:
                if not group.extra.get("given_for"):
                    break
                group.extra["grade"] = grade

    @staticmethod
    def _landmarks(group: _Group, text: str, offset: int) -> list[str | None]:
        """The time each rate of the group was read at. A value followed by its time has that one ("41% at two
        years"); the others share the one time written from a little before the endpoint, in its clause, to the
        first value ("12-month OS was 64% and 58%"), or take in turn a list of as many ("OS at 1 and 2 years was
        80% and 60%")."""
        values = group.values
        own = []
        for value in values:
            after = LANDMARK_AFTER_VALUE.match(text, value.end)
            times = landmarks(text, after.end(), after.end() + 20) if after else []
            own.append(times[0] if len(times) == 1 else None)
        first = values[0]
        endpoint = group.endpoint
        start, end = first.start, first.end
        if endpoint is not None and 0 <= endpoint.start - offset < len(text):
            start, end = min(start, endpoint.start - offset), max(end, endpoint.end - offset)
        start = max(start - 25, text.rfind(";", 0, start) + 1)
        times = landmarks(text, start, end)
        if not times and end > first.end and (after := LANDMARK_AFTER_ENDPOINT.match(text, end)):
            times = landmarks(text, after.end(), after.end() + 20)  # "7 of 9 had disease control at 12 weeks"
        if not times and (people := _PEOPLE_THEN_LANDMARK.match(text, values[-1].end)):
            times = landmarks(text, people.end(), people.end() + 20)  # "... 3% of men free of progression at 12 months"
        if not times and (opening := _OPENING_LANDMARK.match(text)):
            times = landmarks(text, 0, opening.end())  # "At 12 months, 38% were ..., 22% ... and 71% ...": each
        if len(set(times)) == 1:
            shared = times * len(values)
        elif len(times) == len(values) == len(set(times)):
            shared = times
        else:
            shared = [None] * len(values)
        return [mine or common for mine, common in zip(own, shared, strict=True)]

    @staticmethod
    def _denied_in_another_clause(group: _Group, text: str, offset: int) -> bool:
        """ "No pathological complete response was seen; margins were positive in 6 (30%)": an endpoint the
        sentence denies takes no value from a later clause."""
        endpoint = group.endpoint
        if endpoint is None or not group.values or group.values[0].start < endpoint.end - offset:
            return False
        if ";" not in text[endpoint.end - offset : group.values[0].start]:
            return False
        return bool(_NEGATED.search(text[max(0, endpoint.start - offset - 40) : endpoint.start - offset]))

    def _not_doses_chosen_past_the_mtd(self, group: _Group, text: str, offset: int) -> list[Value]:
        """The group's values, less the doses that are not the MTD: "The MTD was not reached, and 7.4 GBq was chosen
        as the recommended phase 2 activity" (a dose named after an unreached MTD, or as the recommended or maximum
        administered dose). The MTD keeps its other values (its "not reached")."""
        endpoint = group.endpoint
        if endpoint is None or self.ontology.endpoints[endpoint.curie].code != "MTD":
            return group.values
        return [
            value
            for value in group.values
            if not is_dose_unit(value.unit)
            or not _UNREACHED_MTD.search(text, *sorted((endpoint.end - offset, value.start)))
        ]

    @staticmethod
    def _category(mention: Mention, text: str, offset: int) -> bool:
        """ "CRS was the most common adverse event, occurring in 97%": the adverse-event mention names the
        category of the event before it, not an endpoint of its own; "stopped treatment because of adverse events
        (3.0% vs 14.6%)": it names the cause of a discontinuation, whose values are not the events' own."""
        if (
            (mention.kind == "AdverseEvent" or mention.curie == "endpoint:AE-any-grade")
            and _CONSEQUENCE_CAUSES.search(text, max(0, mention.start - offset - 25), mention.start - offset)
            and _CAUSE_OF_CONSEQUENCE.search(text, max(0, mention.start - offset - 60), mention.start - offset)
        ):
            return True
        if (
            mention.kind == "AdverseEvent"
            and "aseline" in text
            and _AT_BASELINE.search(text, 0, mention.start - offset)
            and not _ON_TREATMENT.search(text, 0, mention.start - offset)
            and not _ON_TREATMENT.search(text, mention.end - offset, _clause_end(text, mention.end - offset))
        ):
            return True  # "Median baseline PSA was 312 ng/mL, and 41 men (71%) had bone pain": a state before therapy
        if mention.curie != "endpoint:AE-any-grade":
            return False
        return bool(_COMMONEST.search(text, max(0, mention.start - offset - 40), mention.start - offset))

    def _negated(self, text: str, endpoints: list[Mention], offset: int) -> list[tuple[Mention, str | None]]:
        """Endpoints a sentence denies ("no grade 4 thrombocytopenia was observed"), with their grade."""
        if not _NEGATED.search(text):
            return []
        negated = []
        for endpoint in endpoints:
            if endpoint.kind == "AbsorbedDose":
                continue  # an organ is never "not observed": "no patient exceeded a kidney BED of 28 Gy"
            before = text[max(0, endpoint.start - offset - 40) : endpoint.start - offset]
            denied_after = (
                self.ontology.endpoints[endpoint.curie].kind == _AE or endpoint.curie == "endpoint:DLT"
            ) and _DENIED_AFTER.match(text, endpoint.end - offset)
            if (_NEGATED.search(before) and not _CLAUSE_AFTER_NEGATION.search(before)) or denied_after:
                negated.append((endpoint, self.endpoint_code(endpoint, text, offset)[1]))
        return negated

    # --- values and groups -------------------------------------------------------------------

    def _values(
        self,
        text: str,
        mentions: list[Mention],
        endpoints: list[Mention],
        offset: int,
        statistics: list[Ratio | Interval | PValue],
    ) -> list[Value]:
        """The values of the sentence in text order: numbers with a unit, counts, "not reached", proportions and
        counts of patients, unless they are part of a statistic, a name or a design (rule 1)."""
        counts, fractions = find_counts(text)
        with_unit = find_values(text)
        not_reached = find_not_reached(text)
        proportions = find_proportions(text)
        if proportions:
            proportions += chained_proportions(text, proportions)
        patient_counts = find_patient_counts(text)
        if "death" in text or any(e.curie in _COUNTED_EVENTS for e in endpoints):
            patient_counts += self._counted_events(text, endpoints, offset)
        declared = _DECLARED_UNIT.search(text)
        labelled = _LABEL_UNIT.search(text) if ":" in text else None
        # "mainly anaemia (n=4) and thrombocytopenia (n=2)": the count of each event, in brackets after it (a sample
        # size elsewhere, so read here, past the spans that are no values)
        named_counts = self._counts_after_events(text, endpoints, offset) if "=" in text else []
        scores = find_score_changes(text) if "point" in text or "+" in text else []
        if any(e.curie in _SCALES for e in endpoints):
            scores += _scale_scores(text, endpoints, offset, [*scores, *with_unit, *counts, *proportions])
        if not (
            with_unit
            or counts
            or not_reached
            or proportions
            or patient_counts
            or declared
            or named_counts
            or scores
            or labelled
        ):
            return []  # no candidate: what is not a value need not be found
        occupied = self._not_values(text, mentions, offset, statistics)
        values = [v for v in with_unit if not _inside(v, occupied) and not _inside(v, fractions)]
        values += [c for c in counts if not _inside(c, occupied)]
        values += [v for v in not_reached if not _inside(v, occupied)]
        values += [v for v in proportions if not _inside(v, occupied)]
        values += [v for v in patient_counts if not _inside(v, occupied) and not _inside(v, fractions)]
        # (no number of a fraction: "in 1 of 3 and 5 of 7 men" has no bare 3 sharing the unit of the 5 after it)
        bare = (
            [b for b in find_bare_numbers(text) if not _inside(b, fractions)] if values or declared or labelled else []
        )
        values += self._shared_unit_values(text, values, occupied, bare)
        values += self._declared_unit_values(text, values, occupied, endpoints, offset, declared, bare)
        values += _label_unit_values(text, values, occupied, labelled, bare)
        values += _counts_at_doses(text, values)
        values += self._elliptical_counts(text, values, endpoints, offset)
        values += named_counts
        values += [v for v in scores if not _inside(v, occupied)]
        values.sort(key=lambda v: v.start)
        return values

    @staticmethod
    def _not_values(
        text: str, mentions: list[Mention], offset: int, statistics: list[Ratio | Interval | PValue]
    ) -> list[tuple[int, int]]:
        """Spans whose numbers are no values: statistics, entity names, fractions in brackets, numbered parts of
        a study ("phase 3", "cycle 4"), ratios ("2:1"), design percentages, time windows and thresholds."""
        occupied = [(s.start, s.end) for s in statistics]
        occupied += [(m.start - offset, m.end - offset) for m in mentions]
        for pattern in (_BRACKETED_FRACTION, _NUMBERED_PART, _DESIGN_PERCENT):
            occupied += [(m.start(), m.end()) for m in pattern.finditer(text)]
        if "ange" in text or "IQR" in text:  # (a spread in brackets: "(range across readers, 72%-83%)")
            occupied += [(m.start(), m.end()) for m in _SPREAD_IN_BRACKETS.finditer(text)]
        if any(word in text for word in _CI_LEVEL_WORDS):
            occupied += [(m.start(), m.end()) for m in _CI_LEVEL.finditer(text)]
        if ":" in text:  # a ratio "2:1" needs its colon; the test spares a search that re tries at every place
            occupied += [(m.start(), m.end()) for m in _COLON_RATIO.finditer(text)]
        occupied += _not_a_result(text)
        if _THRESHOLD_VALUE.possible(text) and _THRESHOLD_CLUE.search(text):
            occupied += [(m.start(), m.end()) for m in _THRESHOLD_VALUE.finditer(text)]
        return occupied

    def _shared_unit_values(
        self, text: str, values: list[Value], occupied: list[tuple[int, int]], bare_numbers: list[Value]
    ) -> list[Value]:
        """Bare numbers paired with a value that has a unit share it: "8.7 vs. 3.4 months", and so do the numbers of
        a list before it: "5.1, 6.3 and 12.6 months" (read from the last, so each takes the unit of the next)."""
        shared: list[Value] = []
        with_unit = sorted(values, key=lambda v: v.start)
        for bare in reversed(bare_numbers):
            if _inside(bare, occupied) or any(v.start <= bare.start < v.end for v in values):
                continue
            if text[max(0, bare.start - 3) : bare.start].rstrip().endswith(("±", "≥", "≤", "<", ">", "=")):
                continue  # a standard deviation ("0.77 ± 0.25 vs 0.52 Gy/GBq"), a threshold ("SUVmean ≥10 and 11.2")
            if _PART_NUMBERS_BEFORE.search(text, max(0, bare.start - 50), bare.start):
                continue  # the last labels of a list of parts ("58%, 67% and 80% for readers 1, 2 and 3")
            following = min(
                (v for v in (*with_unit, *shared) if v.start >= bare.end), key=lambda v: v.start, default=None
            )
            if following is None or following.start - bare.end > 40:
                continue
            deviation = _DEVIATION.match(text, bare.end)
            between = text[deviation.end() if deviation else bare.end : following.start]
            if _CONNECTOR.match(between):
                shared.append(Value(bare.start, bare.end, bare.value, following.unit, following.raw_unit))
        return shared[::-1]

    def _counts_after_events(self, text: str, endpoints: list[Mention], offset: int) -> list[Value]:
        """Counts of adverse events written "(n=4)" right after them: "mainly anaemia (n=4) and thrombocytopenia
        (n=2)"."""
        found = []
        for endpoint in endpoints:
            if self.ontology.endpoints[endpoint.curie].kind != _AE:
                continue
            count = _N_AFTER_EVENT.match(text, endpoint.end - offset)
            if count is not None:
                found.append(Value(count.start("n"), count.end("n"), float(count.group("n")), "patients"))
        return found

    def _counted_events(self, text: str, endpoints: list[Mention], offset: int) -> list[Value]:
        """Counts written right before the events they count (_COUNTED_EVENTS): "One DLT (grade 4 anaemia) occurred
        at 93.3 kBq/kg", "three DLTs were recorded at 3.0 µg/kg"; and deaths counted before the adverse event that
        caused them ("one death from sepsis")."""
        found = []
        deaths = "death" in text
        for endpoint in endpoints:
            if not deaths and endpoint.curie not in _COUNTED_EVENTS:
                continue
            start, end = endpoint.start - offset, endpoint.end - offset
            if (
                deaths
                and "death" in text[max(0, start - 80) : start]
                and self.ontology.endpoints[endpoint.curie].kind == _AE
            ):
                counted = _DEATHS_FROM.search(text, max(0, start - 80), start)
                number = count_number(counted.group("n")) if counted else None
                if number is not None:
                    found.append(Value(counted.start("n"), counted.end("n"), number, "patients", _DEATHS))
                continue
            if endpoint.curie not in _COUNTED_EVENTS:
                continue
            count = _COUNT_BEFORE_EVENT.search(text, max(0, start - 20), start)
            if (
                count is None
                or _EVENT_AS_ADJECTIVE.match(text, end)
                or _NUMBERED_BEFORE_EVENT.search(text, 0, count.start())
                or _SHARE_FOLLOWS.match(text, end)
            ):
                continue
            number = count_number(count.group("n"))
            if number is not None:
                found.append(Value(count.start("n"), count.end("n"), number, "patients"))
        return found

    @staticmethod
    def _elliptical_counts(text: str, values: list[Value], endpoints: list[Mention], offset: int) -> list[Value]:
        """A count that leaves out the verb of the count before it: "two developed grade 3 thrombocytopenia
        and one grade 3 anaemia", "seven had a PSA decline of 50% or more, and three a decline of more than 90%"."""
        counted = [v for v in values if v.unit == "patients"]
        if not counted:
            return []
        starts = {e.start - offset for e in endpoints}
        taken = {v.start for v in values}
        found = []
        for match in _ELLIPTICAL_COUNT.finditer(text):
            if match.end() in starts and match.start() > counted[0].start and match.start("n") not in taken:
                number = count_number(match.group("n"))
                if number is not None:
                    found.append(Value(match.start("n"), match.end("n"), number, "patients", "patients-had"))
        return found

    def _declared_unit_values(
        self,
        text: str,
        values: list[Value],
        occupied: list[tuple[int, int]],
        endpoints: list[Mention],
        offset: int,
        declared: re.Match[str] | None,
        bare_numbers: list[Value],
    ) -> list[Value]:
        """Bare numbers right after an organ take the unit the sentence declares once (``declared``): "absorbed
        doses, in Gy/GBq, were: kidneys 0.32 (0.18-0.51); parotid glands 0.38 ..." """
        if declared is None:
            return []
        organs = [e for e in endpoints if e.kind == "AbsorbedDose" and e.start - offset > declared.end()]
        found = []
        for bare in bare_numbers:
            if _inside(bare, occupied) or any(v.start <= bare.start < v.end for v in values):
                continue
            if text[max(0, bare.start - 3) : bare.start].rstrip().endswith("±"):
                continue  # a standard deviation: "0.43 ± 0.12 for the kidneys"
            organ_after = any(
                _VALUE_TO_ORGAN.fullmatch(text, bare.end, organ.start - offset)
                for organ in organs
                if organ.start - offset > bare.end
            )
            if organ_after or any(_ORGAN_TO_VALUE.fullmatch(text[o.end - offset : bare.start]) for o in organs):
                unit = declared.group("unit")
                found.append(Value(bare.start, bare.end, bare.value, normalize_unit(unit), unit))
        return found

    def _group(
        self, text: str, values: list[Value], endpoints: list[Mention], offset: int, arm_count: int = 0
    ) -> list[_Group]:
        groups: list[_Group] = []
        for value in values:
            if groups:
                last = groups[-1].values[-1]
                between = text[last.end : value.start]
                if (
                    arm_count >= 3
                    and len(endpoints) == 1
                    and len(groups[-1].values) == arm_count
                    and not _BARE_LIST_GAP.fullmatch(between)
                ):
                    # a run of one value per arm, then another: "11.0, 14.2 and 4.4 months in men with SUVmean ≥10
                    # and 5.9, 8.8 and 4.7 months in those below" (the runs of a sentence of several endpoints are
                    # theirs: "... were 61.5%, 43.2% and 9.4% with X and 19.2%, 14.8% and 1.6% with Y")
                    groups.append(_Group(values=[value]))
                    continue
                separated = (
                    any(last.end <= m.start - offset < value.start for m in endpoints)
                    or bool(_CONSEQUENCE.search(between))
                    or bool(_LED.fullmatch(between) and _TO_STOP_AFTER.match(text, value.end))
                    or (between.rstrip().endswith(("(", " in")) and bool(_OTHER_OUTCOME_BEFORE.search(between)))
                    or bool(_OTHER_MARKERS_RESPONSE.search(between))
                    # "... was 8.1 months (95% CI 6.0-11.3) and median time to start of androgen deprivation 14.2
                    # months": a measure of its own, unnamed, between them
                    or ("time to" in between and bool(_UNNAMED_MEASURE.search(between)))
                    # "... and RECIP progression in 12.5% vs 35.7%"
                    or (("disease" in between or "rogression" in between) and bool(_UNNAMED_CATEGORY.search(between)))
                )
                # A count of deaths is of the event after it, never the second of a pair.
                compatible = value.raw_unit != _DEATHS and (
                    value.unit == last.unit or NOT_REACHED_UNIT in (value.unit, last.unit)
                )
                if (
                    compatible
                    and not separated
                    and len(between) <= 90
                    and (
                        _PAIR_GAP.search(between)
                        or (value.unit != "patients" and _LIST_GAP_OF_VALUES.fullmatch(between))
                        or (_SLASH_GAP.fullmatch(between) and not _VERSUS.search(text))
                    )
                    and ";" not in between
                    and len(groups[-1].values) < 4
                    and not self._outcomes_of_their_own(text, groups[-1].values[0], value, endpoints, offset)
                ):
                    groups[-1].values.append(value)
                    continue
                if _CHANGE_GAP.match(between) and len(groups[-1].values) == 1 and changed_from(text, last.start):
                    # "from 11.3 to 15.3 months": the treatment's value is the second, named first as arms are
                    groups[-1].values.insert(0, value)
                    continue
            groups.append(_Group(values=[value]))
        return groups

    def _run_of_endpoints(
        self,
        text: str,
        groups: list[_Group],
        endpoints: list[Mention],
        mentions: list[Mention],
        offset: int,
        context: DocumentContext,
    ) -> list[_Group]:
        """ "X reached a sensitivity of 49% and a specificity of 97%, while Y reached 44% and 99%": a run of values
        each with its endpoint, then, set against it, a bare list of as many values for the other arm, which take the
        first run's endpoints in order. The first run's arm is the agent named before it (else the other arm), the
        second's the agent named between the runs or right after the list."""
        if any("arm" in g.extra for g in groups):
            return groups
        owners = [g for g in groups for _v in g.values]
        runs = _runs_set_against(text, [v for g in groups for v in g.values])
        if runs is None:
            return groups
        first, second = runs
        if len({g.endpoint.curie for g in owners[: len(first)]}) != len(first):
            return groups  # the first run names an endpoint for each of its values
        if any(second[0].start <= e.start - offset < second[-1].end for e in endpoints):
            return groups
        excluded = context.prior | context.selection
        before, between, after = _agents_around_runs(text, mentions, excluded, first, second, offset)
        named = between[-1:] or after[:1]
        labels = [arm.label for arm in context.arms]
        # ("against 2.1% and 0.3% with docetaxel alone": of "docetaxel + X" and "docetaxel", the second)
        second_arm = self._arm_label_for_curie(named[0], context, named_after_value=True) if named else None
        if second_arm not in labels:
            return groups
        other = next(label for label in labels if label != second_arm)
        first_arm = self._arm_label_for_curie(before[-1], context) if before else other
        if first_arm != other:
            return groups
        endpoints_of_first = owners[: len(first)]
        return [
            _Group(values=[v], endpoint=g.endpoint, extra={**g.extra, "arm": first_arm})
            for g, v in zip(endpoints_of_first, first, strict=True)
        ] + [
            _Group(values=[v], endpoint=g.endpoint, extra={"arm": second_arm})
            for g, v in zip(endpoints_of_first, second, strict=True)
        ]

    def _two_runs(
        self, text: str, groups: list[_Group], mentions: list[Mention], offset: int, context: DocumentContext
    ) -> list[_Group]:
        """ "Detection rates for X were 50% at PSA <0.5, 75% at 0.5-1.0 and 93% at >1.0 ng/mL, compared with 33%, 68%
        and 87% for Y": a run of values per arm, the first run's arm named before it, the second's beside it; the
        second run is a bare list, in the order (and the subgroups) of the first. Each value becomes a group of its
        own with its arm, a value of the second run with the place of its first-run counterpart (``band_of``)."""
        if any(g.extra for g in groups):
            return groups
        runs = _runs_set_against(text, [v for g in groups for v in g.values])
        if runs is None:
            return groups
        first, second = runs
        before, between, after = _agents_around_runs(text, mentions, context.prior, first, second, offset)
        named_second = after[:1] or between[-1:]
        if not before or not named_second:
            return groups
        first_arm = self._arm_label_for_curie(before[-1], context)
        second_arm = self._arm_label_for_curie(named_second[0], context)
        labels = [arm.label for arm in context.arms]
        if first_arm == second_arm or first_arm not in labels or second_arm not in labels:
            return groups
        return [_Group(values=[v], extra={"arm": first_arm}) for v in first] + [
            _Group(values=[v], extra={"arm": second_arm, "band_of": (counterpart.start, counterpart.end)})
            for v, counterpart in zip(second, first, strict=True)
        ]

    @staticmethod
    def _outcomes_of_their_own(text: str, first: Value, value: Value, endpoints: list[Mention], offset: int) -> bool:
        """ "a ≥90% PSA decline in 21 of 62 (33.9%), while 53 of 62 (85.5%) had some decline": the first value follows
        its endpoint and the next one is followed by another, so the two are no pair."""
        if any(_led_by_its_verb(text, value, e, offset) for e in endpoints):
            return True  # "... in 16 (48.5%), and 17 (51.5%) discontinued treatment because of adverse events"
        led = any(
            e.end - offset <= first.start and _ENDPOINT_THEN_VALUE.match(text, e.end - offset, first.start)
            for e in endpoints
        )
        return led and any(
            value.end <= e.start - offset <= value.end + 60
            and _VALUE_THEN_ENDPOINT.match(text[value.end : e.start - offset])
            for e in endpoints
        )

    def _by_arm(
        self,
        text: str,
        groups: list[_Group],
        endpoints: list[Mention],
        mentions: list[Mention],
        offset: int,
        context: DocumentContext,
    ) -> list[_Group]:
        """ "PSA50, objective and complete response rates were 61%, 43% and 9% with X and 19%, 15% and 2% with Y":
        one run of values per arm, each run in the order of the endpoints listed, its arm named right after it."""
        agents = [m for m in mentions if m.is_agent]
        for listed in _endpoint_lists(text, endpoints, offset):
            end = listed[-1].end - offset
            following = [g for g in groups if g.values and g.values[0].start >= end and "endpoint" not in g.extra]
            values = [v for g in following for v in g.values]
            size = len(listed)
            if len(values) < 2 * size or len(values) % size:
                continue
            if any(end <= e.start - offset < values[-1].end for e in endpoints):
                continue  # another endpoint among the values: not one run per arm
            runs = [values[i : i + size] for i in range(0, len(values), size)]
            arms: list[str | None] = []
            for run in runs:
                named = _NAMED_ARM.match(text, run[-1].end)
                agent = named and next((m for m in agents if m.start - offset == named.end()), None)
                arms.append(self._arm_label_for_curie(agent, context) if agent else None)
            main = self._first_arm_label(context)
            if (
                len(runs) == 2
                and arms[0] is None
                and arms[1] not in (None, main)
                and _RUNS_COMPARED.search(text, runs[0][-1].end, runs[1][0].start)
            ):
                arms[0] = main  # "... were 0.69 and 0.95, against 0.31 and 0.89 for conventional imaging"
            if not all(arms):
                continue
            shared = [
                _Group(values=[value], extra={"endpoint": endpoint, "arm": arm})
                for run, arm in zip(runs, arms, strict=True)
                for value, endpoint in zip(run, listed, strict=True)
            ]
            groups = [g for g in groups if g not in following] + shared
        return groups

    @staticmethod
    def _corresponding(text: str, groups: list[_Group], endpoints: list[Mention], offset: int) -> list[_Group]:
        """ "X had a sensitivity of 84%, a specificity of 90% and a PPV of 97%; the corresponding values for Y were
        55%, 92% and 97%": the values after the cue go, in order, to the endpoints named before it."""
        cue = _CORRESPONDING.search(text)
        if cue is None:
            return groups
        after = [g for g in groups if g.values and g.values[0].start >= cue.end() and "endpoint" not in g.extra]
        values = [v for g in after for v in g.values]
        # The endpoints before the cue that have a value of their own, as many as the values after it.
        earlier = [e for e in endpoints if e.start - offset < cue.start()]
        stops = [*(e.start - offset for e in earlier[1:]), cue.start()]
        before = [v.start for g in groups for v in g.values if v.start < cue.start()]
        valued = [
            e for e, stop in zip(earlier, stops, strict=True) if any(e.end - offset <= start < stop for start in before)
        ]
        named = valued[-len(values) :] if values else []
        if len(named) != len(values) or len({e.curie for e in named}) != len(named):
            return groups
        if any(e.start - offset >= cue.end() for e in endpoints):
            return groups
        shared = [_Group(values=[value], extra={"endpoint": e}) for value, e in zip(values, named, strict=True)]
        return [g for g in groups if g not in after] + shared

    def _distribute(
        self, text: str, groups: list[_Group], endpoints: list[Mention], offset: int, arms: int = 0
    ) -> list[_Group]:
        """Values shared out over a list of endpoints named before them.

        "anaemia, thrombocytopenia and leukopenia in 10%, 4% and 3%, respectively": one value each, in order;
        "thrombocytopenia and anaemia each occurred in 10%": the same value for every endpoint of the list.
        Without "respectively", as many values as endpoints go in order when they cannot be one per arm: the
        list has three endpoints or more, or the study fewer than two arms.
        """
        result = list(groups)
        for listed in _endpoint_lists(text, endpoints, offset):
            end = listed[-1].end - offset
            if _RESPECTIVELY.search(text[end : end + 60]) and (
                shared := _values_before_list(text, result, listed, endpoints, offset)
            ):
                result = shared  # "47.6% and 21.2% reached PSA50 and PSA90, respectively"
                continue
            following = [g for g in result if g.values[0].start >= end and "endpoint" not in g.extra]
            if not following or any(end <= e.start - offset < following[0].values[0].start for e in endpoints):
                continue
            first = following[0]
            lead = text[end : first.values[0].start]
            if len(lead) <= 40 and _EACH.search(lead) and len(first.values) == 1:
                shared = [_Group(values=list(first.values), extra={"endpoint": e}) for e in listed]
                index = result.index(first)
                result[index : index + 1] = shared
                continue
            run: list[_Group] = []
            count = 0
            for group in following:
                run.append(group)
                count += len(group.values)
                if count >= len(listed):
                    break
            values = [v for g in run for v in g.values]
            last = values[-1]
            if (
                count != len(listed)
                or len({v.unit for v in values}) != 1
                or not (_RESPECTIVELY.search(text[last.end : last.end + 60]) or len(listed) >= 3 or arms < 2)
                or any(values[0].start <= e.start - offset < last.end for e in endpoints)
            ):
                continue
            index = result.index(run[0])
            result[index : index + len(run)] = [
                _Group(values=[value], extra={"endpoint": endpoint})
                for value, endpoint in zip(values, listed, strict=True)
            ]
        return result

    @staticmethod
    def _endpoint_follows(group: _Group, text: str) -> bool:
        """ "3 patients had a DLT": a bare patient count is a result only when its endpoint comes after it."""
        return bool(group.extra.get("follows"))

    def _endpoint_for(self, group: _Group, endpoints: list[Mention], offset: int, text: str) -> Mention | None:
        last = group.values[-1]
        first = group.values[0]
        absorbed = _is_absorbed_unit(last.unit)
        for endpoint in endpoints:
            start = endpoint.start - offset
            follows = last.end <= start <= last.end + 45 and _AFTER_ENDPOINT.match(text[last.end : start])
            # (not an event the men had, "0.61 Gy/GBq in men with CKD stage 3", nor an organ after a value of another
            # unit: "10.3 months in men with liver metastases")
            if follows and (
                (absorbed and endpoint.kind != _AE) or (endpoint.kind == "AbsorbedDose" and last.unit is None)
            ):
                return endpoint
            if (
                last.end < start <= last.end + 50
                and is_dose_unit(last.unit)
                and endpoint.curie == "endpoint:MTD"
                and _DECLARED_AS.match(text, last.end, start)
            ):
                # "DL3 (1 × 10^8 CAR T cells/m2) was therefore declared the maximum tolerated dose": that dose alone,
                # not the one paired with it before ("2 of 6 treated at 1.5×10^8 cells/m², and 5×10^7 cells/m² was")
                group.values = group.values[-1:]
                return endpoint
            if (
                last.end < start <= last.end + 90
                and (named := _FOR_ENDPOINT.match(text, last.end))
                and named.end() == start
            ):
                group.extra["follows"] = group.extra["given_for"] = True
                return endpoint
            if (
                last.end < start <= last.end + 80
                and self.ontology.endpoints[endpoint.curie].kind == _AE
                and (
                    last.raw_unit == _DEATHS or (last.unit == "patients" and _DIED_OF.fullmatch(text, last.end, start))
                )
            ):
                group.extra["follows"] = True  # "one death from sepsis", "two men died of sepsis"
                return endpoint
        for endpoint in endpoints:
            if _led_by_its_verb(text, last, endpoint, offset):
                group.extra["follows"] = True  # "17 (51.5%) discontinued treatment because of adverse events"
                return endpoint
        value_start = first.start + offset  # in document offsets, as the mentions' are
        # (right before them, or as the subject of a verb of occurrence: "Any PSA decline was observed in 44 patients
        # (77.2%), a decline of at least 50% in 28 (49.1%)")
        # (not an organ, when the value is no absorbed dose: "312 of 447 lesions (69.8%) were seen on SPECT/CT")
        written_before = any(
            e.end <= value_start
            and (absorbed or e.kind != "AbsorbedDose")
            and _leads_to(text[e.end - offset : first.start])
            for e in endpoints
        )
        for endpoint in () if written_before else endpoints:
            start = endpoint.start - offset
            if not absorbed and endpoint.kind == "AbsorbedDose":
                continue  # (an organ after a share names the men's dose: "73% of men with a tumour dose of 10 Gy")
            if last.end <= start <= last.end + 60 and _VALUE_THEN_ENDPOINT.match(text[last.end : start]):
                group.extra["follows"] = True
                return endpoint
            if (
                last.end <= start <= last.end + 60
                and _OPENING_VALUES.fullmatch(text, 0, first.start)
                and _VALUES_THEN_NAMED.fullmatch(text, last.end, start)
            ):
                return endpoint  # "With 5.7 versus 2.2 months, the median time to worsening favoured X"
        if last.raw_unit == "patients-had":  # "grade 3 anaemia developed in three men"
            stated = [e for e in endpoints if e.end - offset <= first.start]
            # (the events a bracket details after a total are no endpoint of their own: "Dose-limiting toxicities
            # (thrombocytopenia and acute kidney injury) occurred in two men")
            stated = [
                e for e in _without_bracketed_details(stated, text, offset, first.start)
                if first.start - 60 <= e.end - offset
            ]  # fmt: skip
            if stated and (
                _ENDPOINT_THEN_COUNT.match(text[stated[-1].end - offset : first.start])
                # "adverse events led to discontinuation in three patients": the mention holds its verb
                or (stated[-1].curie in _VERB_LED and _IN.fullmatch(text, stated[-1].end - offset, first.start))
                or self._verb_left_out(text, stated[-1].start - offset, stated[-1].end - offset, first.start)
                or (
                    (stated[-1].curie == "endpoint:DLT" or self.ontology.endpoints[stated[-1].curie].kind == _AE)
                    and _terse_count(text, stated[-1].start - offset, stated[-1].end - offset, first.start, last.end)
                )
            ):
                group.extra["follows"] = True
                return stated[-1]
        if _SUCH_A_RESPONSE.match(text, last.end):
            # "... 12 of 20 men (60%) had a PSA decline of 50% or more ..., whereas ... 8 of 20 (40%) had such a
            # decline": the response named before, not a time to an event named between
            responses = [e for e in endpoints if e.end - offset <= first.start and e.curie not in TIME_TO_EVENT]
            return responses[-1] if responses else None
        if _VALUE_THEN_OUTCOME.match(text, last.end):
            if len(group.values) > 1:  # "thrombocytopenia in 21%, and 5 men (21%) required transfusion": the others'
                group.values = group.values[:-1]
                return self._endpoint_for(group, endpoints, offset, text)
            return None  # "16 (46%) had PSA stabilisation": the value's own outcome is not a known endpoint
        before = [e for e in endpoints if e.end - offset <= first.start]
        if absorbed:
            organs = [e for e in before if e.kind == "AbsorbedDose"]
            return organs[-1] if organs else None
        # An organ named between an endpoint and its value ("sensitivity for lesions was 95.8%") is not the endpoint.
        before = _without_bracketed_details([e for e in before if e.kind != "AbsorbedDose"], text, offset, first.start)
        before = _without_defining_bracket(before, text, offset, first.start)
        if before and "undetectable" in text[before[-1].end - offset : first.start]:
            return None  # "a PSA decline of 50% ... in 15 of 24 men (63%), and PSA was undetectable in 2 (8%)": another
        marker = OTHER_MARKER.search(text, before[-1].end - offset, first.start) if before else None
        if not before or (
            marker
            # "..., 4.4 months in men with SUVmean ≥10 and 5.9 ... months": the marker sets the men apart
            and not _MEN_WITH_BEFORE.search(text, max(0, marker.start() - 40), marker.start())
            and not MARKER_CUT.search(text, max(0, first.start - 30), first.start)  # "SUVmean ≥10 62%": a stratum
            # "...; with an SUVmean below 10, the corresponding rates were 52% and 32%": the same result, a stratum
            and not _CORRESPONDING.search(text, max(0, first.start - 60), first.start)
            # "...; among those with high LDH it was 17.9 versus 13.4 months": the result named before, in a stratum
            and not _PRONOUN_FOR_RESULT.search(text, max(0, first.start - 30), first.start)
        ):
            return None  # "PSA50 in 20%, and CTC counts fell in 68%": the value is another marker's
        if _CONSEQUENCE.search(text, before[-1].end - offset, first.start):
            return None  # "thrombocytopenia in 6.8%, and treatment was stopped because of toxicity in 5.1%"
        if _TO_STOP_AFTER.match(text, last.end) and _LED.search(text, max(0, first.start - 20), first.start):
            return None  # "... and led 9% of the X cohort to stop treatment": the share the event made stop
        if _UNNAMED_MEASURE.search(text, before[-1].end - offset, first.start):
            return None  # "median PSA-PFS was 31.4 months, and median time to castration resistance was 31.9": another
        if _UNNAMED_CATEGORY.search(text, before[-1].end - offset, first.start):
            return None  # "RECIP responses in 41% vs 9% and RECIP progression in 13% vs 36%": a category of its own
        if _GIVEN_TO.search(text, max(before[-1].end - offset, first.start - 40), first.start):
            return None  # "CRS in 74%; tocilizumab was given to 25.0%": the share treated with a drug, not the event's
        if text[max(0, first.start - 4) : first.start].rstrip().endswith(("(", " in")) and _OTHER_OUTCOME_BEFORE.search(
            text, before[-1].end - offset, first.start
        ):
            return None  # "changed management more often (28% vs 15%) and gave fewer equivocal findings (7% vs 23%)"
        return before[-1]

    @staticmethod
    def _verb_left_out(text: str, start: int, end: int, count: int) -> bool:
        """ "Grade 3 anaemia occurred in 6 (8%) patients and grade 3 thrombocytopenia in four": the next item of a
        list of events counted in patients, its verb left out (the endpoint at ``start``-``end``, the count at
        ``count``)."""
        if not _IN_BEFORE_COUNT.fullmatch(text, end, count):
            return False
        item = _NEXT_LIST_ITEM.search(text, max(0, start - 40), start)
        return item is not None and bool(_COUNTED_IN.search(text, 0, item.start()))

    def _statistic(self, group: _Group, text: str) -> bool:
        units = [v.unit for v in group.values if v.unit != NOT_REACHED_UNIT]
        unit = units[0] if units else ("months" if group.endpoint.curie in TIME_TO_EVENT else NOT_REACHED_UNIT)
        endpoint = self.ontology.endpoints[group.endpoint.curie]
        if unit == NOT_REACHED_UNIT:
            if endpoint.code in ("MTD", "DLT"):
                group.statistic = "other"
                return True
            return False
        window = text[max(0, group.values[0].start - 60) : group.values[0].start]
        if unit == "%":
            group.statistic = "rate"
        elif unit in TIME_UNITS:
            if endpoint.curie not in TIMED_ENDPOINTS:
                return False  # "CKD developed 30 months after treatment", "the DLT window covered 6 weeks"
            group.statistic = "mean" if _MEAN.search(window) and "median" not in window.lower() else "median"
        elif _is_absorbed_unit(unit):
            group.statistic = "absorbed-dose"
        elif unit == PROPORTION_UNIT and endpoint.code == "HRQoL":
            # an index scored between 0 and 1, no share: "the mean EQ-5D-5L index was 0.81 in the holiday group"
            group.values = [replace(v, unit=SCORE_UNIT, raw_unit=SCORE_UNIT) for v in group.values]
            group.statistic = "median" if "median" in window.lower() and not _MEAN.search(window) else "mean"
        elif unit == PROPORTION_UNIT:
            if endpoint.code not in _DIAGNOSTIC:
                return False
            group.statistic = "rate"
        elif unit == "patients":
            group.statistic = "count"
            if group.values[0].raw_unit == "patients-had" and not self._endpoint_follows(group, text):
                return False
        elif is_dose_unit(unit) and endpoint.code == "MTD":
            group.statistic = "other"
        elif unit == SCORE_UNIT and endpoint.code in ("HRQoL", "pain"):
            # "a mean change of +1.8 points", "median worst pain fell to 3 points"
            group.statistic = "median" if "median" in window.lower() and not _MEAN.search(window) else "mean"
        else:
            return False
        if endpoint.kind == "AbsorbedDose" and group.statistic != "absorbed-dose":
            return False
        return not (group.statistic == "absorbed-dose" and endpoint.kind != "AbsorbedDose")

    # --- ratios, intervals, p-values -------------------------------------------------------------

    def _at_a_landmark(self, group: _Group, text: str, offset: int) -> bool:
        """ "PFS favoured X (HR 0.63 ...), and the 12-month PFS was 19% versus 3%", "(HR 0.63 ...); at 12 months, 19%
        versus 3%", "(HR 0.63 ...), with 19% versus 3% of men free of progression at 12 months": rates at a landmark
        after a ratio are a result of their own, not the values the ratio compares (a hazard ratio compares times)."""
        if group.values[0].unit != "%" or group.endpoint is None:
            return False
        return self._landmarks(group, text, offset)[0] is not None

    def _attach_ratios(
        self,
        text: str,
        groups: list[_Group],
        ratios: list[Ratio],
        intervals: list[Interval],
        p_values: list[PValue],
        endpoints: list[Mention],
        offset: int,
        carried: tuple[Mention | None, Mention | None],
    ) -> list[_Group]:
        """Attach each ratio (with its CI and p) to its endpoint's group; returns the ratios that stand alone."""
        previous_endpoint, previous_time_to_event = carried
        endpoints = [e for e in endpoints if e.kind != "AbsorbedDose"]  # an organ ("liver metastases") has no ratio
        predicates = list(PREDICTS.finditer(text)) if ratios else []
        if predicates:
            endpoints = [e for e in endpoints if not self._covariate(e, text, offset)]
        lonely: list[_Group] = []
        for index, ratio in enumerate(ratios):
            limit = ratios[index + 1].start if index + 1 < len(ratios) else len(text)
            interval = next((i for i in intervals if ratio.end - 5 <= i.start < min(limit, ratio.end + 80)), None)
            p_value = next((p for p in p_values if ratio.end <= p.start < min(limit, ratio.end + 120)), None)
            before = [e for e in endpoints if e.end - offset <= ratio.start]
            followed = re.match(r"^\s*,?\s*(?:for|of|on)\b", text[ratio.end :]) is not None
            after = [e for e in endpoints if followed and ratio.end <= e.start - offset <= ratio.end + 40]
            # An endpoint inside the ratio's own phrase ("the hazard ratio for death was 0.98") is its endpoint.
            within = [e for e in endpoints if ratio.start <= e.start - offset and e.end - offset <= ratio.end]
            if text[max(0, ratio.start - 12) : ratio.start].lower().endswith("diagnostic "):
                continue  # a diagnostic odds ratio measures a test's accuracy, no endpoint's odds
            if within:
                endpoint = within[0]
            elif (
                predicates
                and before
                and _AS_DID.search(text, max(0, before[-1].start - offset - 25), before[-1].start - offset)
                and (earlier := [p for p in predicates if p.end() <= before[-1].start - offset])
                and (outcome := self._outcome(earlier[-1], endpoints, text, offset)) is not None
            ):
                # "A PSA50 response was associated with OS (HR 0.47 ...), as did any PSA decline (HR 0.52 ...)": the
                # response after "as did" is another predictor of the same outcome
                endpoint = outcome
            elif (
                predicates
                and not after
                and before
                and (earlier := [p for p in predicates if p.end() <= before[-1].start - offset])
                and not _predicate_between(predicates, before[-1].end - offset, ratio.start)
                and not _NEW_CLAUSE.search(_BRACKETED.sub("", text[earlier[-1].end() : ratio.start]))
            ):
                # "X was associated with PSA response (OR 4.86 ...), and Y with lower odds (OR 0.29 ...)": the
                # outcome named right after a predicate of the ratio's own clause
                endpoint = before[-1]
            elif predicates and not after:
                # the outcome of the nearest predicate after the ratio, else of the last one before it
                predicate = next((p for p in predicates if p.start() >= ratio.end), predicates[-1])
                if predicate.start() < ratio.end and before and before[-1].end - offset > predicate.end():
                    endpoint = before[-1]  # an endpoint named after the predicate, before the ratio, is its own
                else:
                    endpoint = self._outcome(predicate, endpoints, text, offset)
            elif len(before) >= 2 and _LIKELIER_IN_MEN_WITH.fullmatch(
                text, before[-2].end - offset, before[-1].start - offset
            ):
                # "A pain response was more likely in men with a PSA decline of 50% or more (odds ratio 3.4)": of the
                # outcome named first; the other sets the men apart
                endpoint = before[-2]
            elif before and _UNNAMED_MEASURE.search(text, before[-1].end - offset, ratio.start):
                continue  # "..., and median time to castration resistance was 31.9 versus 19.9 months (HR 0.58)"
            elif before or after:
                endpoint = before[-1] if before else after[0]
            elif _UNKNOWN_SURVIVAL.search(text, 0, ratio.start):
                continue  # "4-year EFS was 77.4% ... (HR 0.57)": the ratio is of an endpoint the ontology lacks
            elif ratio.kind != "hr" and _OWN_SHARES.search(text, 0, ratio.start):
                continue  # "Undetectable PSA in 64.3% versus 47.1% (odds ratio 2.03)": of the shares' outcome
            else:
                endpoint = (ratio.kind == "hr" and previous_time_to_event) or previous_endpoint
                if previous_endpoint is not None and _AT_RISK.search(text, 0, ratio.start):
                    endpoint = previous_endpoint  # "Men with hypertension were at higher risk (HR 2.06)": of that
                if endpoint is not None and endpoint.kind == "AbsorbedDose":
                    continue  # (an organ's absorbed dose has no ratio of its own to carry over)
            if endpoint is None:
                continue
            # Only a hazard ratio goes on an arm's entry; an odds or risk ratio is an entry of its own.
            free = [g for g in groups if g.endpoint.curie == endpoint.curie and g.ratio is None and ratio.kind == "hr"]
            # the arm's entry named before the ratio, else the first one after it ("the hazard ratio for
            # death, 0.62 (0.52 to 0.74), went with a median overall survival of 15.3 versus 11.3 months")
            # Ratios listed with "respectively" ("0.70 (...) and 0.55 (...), respectively") go to the arms' entries
            # in the order they were named.
            named_before = [g for g in free if g.values[0].start < ratio.start]
            respective = len(ratios) > 1 and _RESPECTIVE_RATIOS.match(text, ratios[-1].end)
            group = (named_before[0] if respective else named_before[-1]) if named_before else None
            if not respective and len(named_before) >= 2 and _pair_of_parts(text, named_before[-2], named_before[-1]):
                # "58% in pts with more than 20 bone lesions and 79% in those with 20 or fewer (HR 2.31 ...)": two
                # parts set side by side, the ratio goes on the first named
                group = named_before[-2]
            compared = _LABELS_BEFORE_RATIO.search(text, max(0, ratio.start - 25), ratio.start)
            if compared and named_before:
                # "11.6 months in arm A, 14.2 months in arm B and 5.8 months in arm C (A vs C: HR 0.49 ...; B vs C:
                # HR 0.38 ...)": each ratio goes to the values of the arm its comparison names first
                wanted = compared.group("label").upper()
                group = next(
                    (
                        g for g in named_before
                        if (label := _LABEL_AFTER_VALUE.match(text, g.values[0].end))
                        and (label.group("label") or label.group("bare")).upper() == wanted
                    ),
                    group,
                )  # fmt: skip
            named_for = _RATIO_FOR_ARM.match(text, ratio.end) if len(named_before) > 1 else None
            if named_for:
                # "... (11.2 months), followed by the X arm (10.1 months) ...; the hazard ratios were 0.58 (...) for
                # tandem therapy and 0.66 (...) for X": each ratio goes to the value named by what it is for
                word = re.compile(rf"(?<![\w-]){re.escape(named_for.group('arm'))}(?![\w-])", re.I)
                by_name = [
                    g for g in named_before if word.search(text, max(0, g.values[0].start - 40), g.values[0].start)
                ]
                group = by_name[0] if len(by_name) == 1 else group
            following = next((g for g in free if g.values[0].start > ratio.end), None)
            if following is not None and self._at_a_landmark(following, text, offset):
                following = None
            group = group or following
            if group is None:
                group = _Group(values=[], endpoint=endpoint, statistic=ratio.kind)
                lonely.append(group)
            group.ratio = ratio
            group.interval = interval
            if p_value is not None:
                group.p_value = p_value
        return lonely

    @staticmethod
    def _covariate(endpoint: Mention, text: str, offset: int) -> bool:
        return bool(_COVARIATE.search(text, max(0, endpoint.start - offset - 50), endpoint.start - offset))

    def _outcome(self, predicate: re.Match[str], endpoints: list[Mention], text: str, offset: int) -> Mention | None:
        """The endpoint a predictor sentence names right after its predicate, or an outcome of
        _UNWRITTEN_OUTCOMES; None for an outcome that is no endpoint ("predicted upstaging")."""
        start = predicate.end()
        named = next((e for e in endpoints if e.start - offset == start), None)
        if named is not None:
            return named
        for pattern, curie in _UNWRITTEN_OUTCOMES:
            outcome = pattern.match(text, start)
            entity = self.ontology.endpoints.get(curie)
            if outcome is not None and entity is not None:
                return Mention(
                    outcome.start() + offset, outcome.end() + offset, outcome.group(), entity.curie, entity.kind,
                    label=entity.label, via="predicted-outcome",
                )  # fmt: skip
        return None

    def _attach_loose_statistics(
        self, groups: list[_Group], lonely: list[_Group], intervals: list[Interval], p_values: list[PValue], text: str
    ) -> None:
        """A CI right after a value, or after the patients it counts ("45% of patients (95% CI, 30 to 61)"), is that
        value's CI (in a group of arms, each value may have its own: "51.3% (95% CI 43.0-59.5) with X and 23.6%
        (14.2-36.5) with Y"); a p right after a group is its p."""
        used = {id(g.interval) for g in groups + lonely if g.interval}
        free_intervals = [i for i in intervals if id(i) not in used]
        taken_p = {id(g.p_value) for g in groups + lonely if g.p_value}
        for index, group in enumerate(groups):
            last = group.values[-1]
            own = [
                next(
                    (
                        i for i in free_intervals
                        if v.end <= i.start <= v.end + 12 or _PATIENTS_BEFORE_CI.fullmatch(text, v.end, i.start)
                    ),
                    None,
                )
                for v in group.values
            ]  # fmt: skip
            if group.ratio is None and group.interval is None:
                group.interval = own[0]
            if len(group.values) > 1 and all(own):  # every arm's value with its own CI
                group.extra["intervals"] = own
            if group.p_value is None and group.ratio is None:
                p_value = next(
                    (p for p in p_values if last.end <= p.start <= last.end + 70 and id(p) not in taken_p),
                    None,
                )
                if p_value is not None and len(group.values) > 1:
                    group.p_value = p_value
                    taken_p.add(id(p_value))
                elif p_value is not None and index and _compared_one_by_one(groups[index - 1], group):
                    # "fell from 3.1 Gy/GBq in cycle 1 to 1.8 Gy/GBq in cycle 3 (p<0.001)": the comparison of the
                    # two values, each a group of its own, goes on the first
                    groups[index - 1].p_value = p_value
                    taken_p.add(id(p_value))

    # --- output --------------------------------------------------------------------------------

    def _arms_for(
        self,
        group: _Group,
        sentence: Sentence,
        mentions: list[Mention],
        context: DocumentContext,
        every_value: Sequence[tuple[int, int]] = (),
    ) -> list[str | None]:
        count = max(len(group.values), 1)
        if "arm" in group.extra:  # set where the values were shared out (``_by_arm``)
            return [group.extra["arm"]] * count
        text = sentence.text
        if group.values and (corresponding := CORRESPONDING_FOR.search(text, 0, group.values[0].start)):
            # "The corresponding rates for 18F-fluorocholine were 20% and 35%": every value is that agent's
            named = next((m for m in mentions if m.is_agent and m.start - sentence.start == corresponding.end()), None)
            if named is not None:
                return [self._arm_label_for_curie(named, context)] * count
        if group.values and "orresponding" in text:
            # "With 225Ac-PSMA-617, the corresponding rates were 16.4% and 3.2%": the agent named before them
            named = next(
                (
                    m for m in mentions
                    if m.is_agent and m.end - sentence.start <= group.values[0].start
                    and _CORRESPONDING_AFTER.match(text, m.end - sentence.start)
                    and _FOR_BEFORE.search(text, max(0, m.start - sentence.start - 12), m.start - sentence.start)
                ),
                None,
            )  # fmt: skip
            if named is not None:
                return [self._arm_label_for_curie(named, context)] * count
        # "Grade 3 or worse events: X 33%, Y 52%": each value right after its arm
        before_each = [self._agent_right_before(value, text, mentions, sentence, context) for value in group.values]
        if before_each and all(before_each) and len(set(before_each)) == count:
            return before_each
        # "In the X group, the median OS was 19.3 months, whereas in the Y group it was 19.2": each value's clause
        # opens with its arm
        if count > 1 and len(context.arms) >= 2:
            headed: list[str | None] = []
            for value in group.values:  # (the first value without one ends the search)
                headed.append(self._arm_heading_clause(value, text, mentions, sentence, context))
                if headed[-1] is None:
                    break
            if len(headed) == count and all(headed) and len(set(headed)) == count:
                return headed
            if (
                len(headed) == count
                and all(headed)
                and len(set(headed)) == 1
                and not _PAIR_COMPARED.search(text, group.values[0].end, group.values[-1].start)
                and self._other_arm_heads_a_clause(headed[0], text, mentions, sentence, context)
            ):
                # "In the X arm, PSA50 responses occurred in 71% of men with ... and in 46% of men below it; in the Y
                # arm, the corresponding rates were 17% and 14%": a sentence told arm by arm, every value of a clause
                # its opening arm's
                return headed
        if count == 1 and group.values and len(context.arms) >= 2:
            # "In the X group, median PFS was 4.0 months, whereas in the Y group median PFS was 3.9 months"
            headed_one = self._arm_heading_clause(group.values[0], text, mentions, sentence, context)
            if headed_one is not None:
                return [headed_one]
        if (
            count == 1
            and group.values
            and len(context.arms) == 2
            and _CLAUSE_OF_ROLE.search(text, 0, group.values[0].start)
            and (role_arm := self._arm_heading_clause(group.values[0], text, mentions, sentence, context))
        ):
            return [role_arm]  # "Among control patients who never crossed over, median overall survival was 19.3"
        if group.values and len(context.arms) >= 2:
            # "with X in 64%, with Y in 46% and with tandem therapy in 62%", "14% (X), 8% (Y) and 12% (tandem)", "in
            # the tandem arm (11.2 months), followed by the X arm (10.1 months)": an arm, by an agent or by its name,
            # right before or right after each value
            around = self._arms_around(group.values, text, mentions, sentence, context)
            if all(around) and len(set(around)) == count:
                return around
        if context.labels and group.values:
            labelled = self._labelled_arms(group.values, text, context, every_value)
            if labelled is not None:
                return labelled
        if context.labels and not group.values and group.ratio is not None:
            # "the hazard ratio was 0.64 (95% CI 0.42-0.97) for arm 1 and 0.51 (...) for arm 2"
            named = _LABEL_AFTER_RATIO.match(text, group.ratio.end)
            index = context.labels.get(named.group("label").upper()) if named else None
            if index is not None:
                return [context.arms[index].label]
        if not group.values and group.ratio is not None and len(context.arms) >= 2:
            # "the odds ratio for a positive scan with X was 4.8": the arm named inside the ratio's words
            inside = [
                m for m in mentions
                if m.is_agent and group.ratio.start <= m.start - sentence.start < group.ratio.end
                and m.start not in context.prior and m.start not in context.selection
            ]  # fmt: skip
            if len(inside) == 1 and group.ratio.kind == "or":
                return [self._arm_label_for_curie(inside[0], context)]
        if not group.values and group.ratio is not None and len(context.arms) >= 2:
            # "the hazard ratio was 0.71 (...) for X alone and 0.52 (...) for the combination": the arm after it
            named = self._arm_after_ratio(group.ratio, text, mentions, sentence, context)
            if named is not None:
                return [named]
        if not group.values and group.ratio is not None and len(context.arms) < 2:
            # "HRs versus an ARPI change were 0.83 (...) for X, 0.64 (...) for Y and 0.81 (...) for Z": in a study
            # without arms of its own (a network meta-analysis), the agent right after each ratio's bracket
            lead = _FOR_AFTER_RATIO.match(text, group.ratio.end)
            agent = lead and next(
                (m for m in mentions if m.is_agent and m.start - sentence.start == lead.end()
                 and m.start not in context.prior),
                None,
            )  # fmt: skip
            # (not men grouped by what they had: "1.71 (...) for docetaxel-only versus taxane-naive patients")
            if agent and not _GROUPED_BY_AGENT.match(text, agent.end - sentence.start):
                return [self._arm_label_for_curie(agent, context, named_after_value=True)]
        if count == 1 and group.values and len(context.arms) >= 2:
            imaged = self._arm_of_modality(group.values[0], text, mentions, sentence, context)
            if imaged is not None:
                return [imaged]
        if (
            count >= 2
            and group.values
            and len(context.arms) >= 2
            and ("PET" in text or "SPECT" in text)
            # (no arm named by its agent or its label: "PET changed management in 28%, conventional imaging in 15%")
            and not any(m.is_agent for m in mentions)
            and not any(arm.label.lower() in text.lower() for arm in context.arms)
            and not _PAIR_COMPARED.search(text, group.values[0].end, group.values[-1].start)  # ("28% vs 15%")
            and not _RESPECTIVELY_AFTER.match(text, group.values[-1].end)  # (in the order of things named before)
        ):
            # "Region-level sensitivities of SPECT/CT were 86%, 71% and 90% for ...": a run of values after one
            # modality, each of them that modality's arm
            imaged = [self._arm_of_modality(value, text, mentions, sentence, context) for value in group.values]
            if imaged[0] is not None and len(set(imaged)) == 1:
                return imaged
        if count == 1 and group.values and len(context.arms) == 2 and " to " in text:
            changed = _FROM_ARM_TO.search(text, max(0, group.values[0].start - 140), group.values[0].start)
            agent = changed and next(
                (
                    m
                    for m in mentions
                    if m.is_agent and changed.start("arm") <= m.start - sentence.start < changed.end("arm")
                ),
                None,
            )
            labels = [arm.label for arm in context.arms]
            if agent and (left := self._arm_label_for_curie(agent, context)) in labels:
                return [next(label for label in labels if label != left)]  # the arm it changed from is the other one
        first = group.values[0].start if group.values else (group.ratio.start if group.ratio else 0)
        last = group.values[-1].end if group.values else first
        # Arm names written next to each value: "52.7% of the radioligand group and 38.0% of the control group"
        named: list[str | None] = []
        main_curies = {m.curie for m in context.main_agents}
        for index, value in enumerate(group.values):
            stop = group.values[index + 1].start if index + 1 < len(group.values) else min(len(text), value.end + 60)
            window_mentions = [
                m for m in mentions if m.is_agent and value.end <= m.start - sentence.start < stop
                and m.start not in context.prior and m.start not in context.selection
                # (in a study of one arm, no supportive drug an event was treated with: "CRS 20 pts (83%), all
                # resolved w/ tocilizumab")
                and (len(context.arms) >= 2 or m.kind != "OtherAgent" or m.curie in main_curies
                     or m.curie in COMPARATOR_REGIMENS)
            ]  # fmt: skip
            if (
                len(window_mentions) >= 2
                and window_mentions[0].curie in MODALITIES_WITHOUT_AGENT
                and _GIVEN_WITH_NEXT.fullmatch(text, window_mentions[0].end - sentence.start,
                                               window_mentions[1].start - sentence.start)
            ):  # fmt: skip
                window_mentions = window_mentions[1:]  # "18 months with SBRT and observation": the arm is the partner
            following = next((start for start, _end in every_value if start >= value.end), None)
            if (
                window_mentions
                and following is not None
                and window_mentions[0].end - sentence.start <= following
                and _LEADS_VALUE.fullmatch(text, window_mentions[0].end - sentence.start, following)
            ):
                window_mentions = []  # "X in 29/50 (58%) men, Y in 13/50 (26%)": Y opens the next value, not this one's
            words = _ARM_WORDS.search(text, value.end, stop)
            treated = _TREATED_MEN.search(text, value.end, stop) if words is None and "treated" in text else None
            # (a bracket between them, "4.1 Gy/GBq (range, 0.8-16.9) for X", does not count, nor the rest of the
            # bracket the value sits in: "62 of 94 (66.0%; 95% CI 55.5-75.4) with X")
            between = text[value.end : window_mentions[0].start - sentence.start] if window_mentions else ""
            closing = between.find(")")
            if closing >= 0 and "(" not in between[:closing]:
                between = between[closing + 1 :]
            if (
                window_mentions
                and re.match(r"^[^.;]{0,30}$", unbracketed := _BRACKETED.sub("", between))
                # (not an agent that opens a clause set against the value's: "a specificity of 95.1%, whereas PSMA
                # PET/CT had a sensitivity of 58.8%")
                and not _CONTRASTED_CLAUSE.search(unbracketed)
            ):
                named.append(self._arm_label_for_curie(window_mentions[0], context, named_after_value=True))
            elif nuclide := _NUCLIDE_IN_BRACKET.match(text, value.end):  # "63.6% ([18F]AlF) vs. 62.4% (68Ga)"
                named.append(_arm_of_nuclide(context, nuclide.group("mass") + nuclide.group("symbol")))
            elif "-treated" in text and (nuclide := _NUCLIDE_TREATED.match(text, value.end)):
                # "grade 3 in 9% of 225Ac-treated patients"
                named.append(_arm_of_nuclide(context, nuclide.group("mass") + nuclide.group("symbol")))
            elif words and words.group("element"):
                named.append(_arm_of_element(context, self._element_symbols.get(words.group("element").lower())))
            elif words and (words.group("combination") or words.group("combination_alone")):
                named.append(_combination_arm(words, context))
            elif words or treated:
                named.append(self._arm_by_position(context, 1 if _second_arm_words(words or treated) else 0))
            elif len(context.arms) == 2 and (worded := _WORD_ARM.search(text, value.end, stop)):
                named.append(self._arm_of_word(worded.group("word"), context))  # "15% in the conventional group"
            else:
                named.append(None)
        if count > 1 and all(named) and len(set(named)) == count:
            return named
        size = len(context.arms)
        if (
            count > size >= 2
            and count % size == 0
            and all(named[:size])
            and len(set(named[:size])) == size
            and not any(named[size:])
            and self._in_tuples(text, group.values[size:], size)
        ):
            # "63.6% (X) vs. 62.4% (Y) overall and, by PSA stratum, 39% vs. 40% at <0.5 ng/mL": the pairs after the
            # first keep its order
            return named[:size] * (count // size)
        study_arms = [arm.label for arm in context.arms]
        if count > 1 and not any(named) and all(_SUBGROUP_AFTER.match(text, v.end) for v in group.values):
            # "sensitivity was 76% for bone metastases and 61% for lymph node metastases": subgroups of one arm
            nearby = [
                m for m in mentions if m.is_agent and m.start not in context.prior and m.start - sentence.start < first
            ]
            single = self._arm_label_for_curie(nearby[-1], context) if nearby else None
            return [single or self._first_arm_label(context)] * count
        # Agents named in the sentence before the values, in order: "longer with X than with Y (8.7 vs 3.4)".
        if count > 1:
            # (in the values' own clause: "X caused more neutropenia (14% v 3%), whereas Y caused more dry mouth
            # (33% v 3%)": the second pair's sentence starts at "whereas")
            clause = max((b.end() for b in _WHEREAS_BREAK.finditer(text, 0, first)), default=0)
            before = [
                m for m in mentions if m.is_agent and clause <= m.start - sentence.start < first
                and m.start not in context.prior and m.start not in context.selection
            ]  # fmt: skip
            before = without_partners(before, text, sentence.start, context.arms)
            labels = list(dict.fromkeys(self._arm_label_for_curie(m, context) for m in before))
            if (
                len(labels) == 1
                # (the arm opens the values, "with X was 44.6% after ...", not a value's own: "11.4 months with X,
                # 13.2 months after Y rechallenge")
                and not any(0 <= before[-1].start - sentence.start - end <= 20 for _start, end in every_value)
                and all(
                    any(
                        _BY_PRIOR_THERAPY.fullmatch(text, v.end, m.start - sentence.start)
                        for m in mentions
                        if m.is_agent
                        and (m.start in context.prior or not any(m.curie in arm.curies for arm in context.arms))
                    )
                    for v in group.values
                )
            ):
                # "PSA50 with X + SOC was 44.6% after cabazitaxel, 51.7% without it and 38.5% after a PARPi": one
                # arm's values, each of the men a prior therapy sets apart
                return labels * count
            arm_labels = [arm.label for arm in context.arms]
            last_named = self._arm_label_for_curie(before[-1], context) if before else None
            if (
                count == 2
                and len(labels) >= 2
                and len(arm_labels) == 2
                and last_named in arm_labels
                and _BRACKET_OPENS.fullmatch(text, before[-1].end - sentence.start, first)
                and not _SET_AGAINST.search(
                    text, max(0, before[-1].start - sentence.start - 30), before[-1].start - sentence.start
                )
            ):
                # "compared X with Y and found more responses with X (66% vs 37%)": the pair in brackets right after
                # an arm's agent is that arm's value against the other's, whatever the order the agents came in
                return [last_named, next(a for a in arm_labels if a != last_named)]
            if (
                count % 2 == 0
                and not any(named)
                and len(labels) == 2
                and (count == 2 or self._in_tuples(text, group.values, 2))
                and _COMPARED_WITH.search(
                    text, max(clause, before[0].start - sentence.start - 25), before[0].start - sentence.start
                )
                and not re.search(r"\brespectively\b", text[last:], re.I)
            ):
                # "Compared with conventional imaging, X showed pelvic nodal disease in 29% vs 11% of men": what the
                # sentence compares with is named first, its value comes second
                return [labels[1], labels[0]] * (count // 2)
            if len(labels) >= count and not re.search(r"\brespectively\b", text[last:], re.I):
                return labels[-count:] if len(labels) > count else labels
            if len(labels) >= 2 and count % len(labels) == 0 and self._in_tuples(text, group.values, len(labels)):
                # "for X and Y were 24% and 18% in the prostate bed, 31% and 19% in the nodes": one value each, in turn
                return labels * (count // len(labels))
            if (
                count == 2
                and len(labels) == 1
                and len(context.arms) == 2
                and named == [None, None]
                and not re.search(r"\brespectively\b", text[last:], re.I)
            ):
                # "Conventional imaging had lower sensitivity (38% vs 85%)": the arm the sentence is about comes
                # first, the other arm second (unless it is what the sentence compares with: "compared with X")
                subject = before[-1]
                if (
                    labels[0] in arm_labels
                    and not _COMPARED_WITH.search(
                        text, max(0, subject.start - sentence.start - 25), subject.start - sentence.start
                    )
                    and not _CLAUSE_BREAK.search(text, subject.end - sentence.start, first)
                ):
                    return [labels[0], next(a for a in arm_labels if a != labels[0])]
            if count == 2 and labels and named[0] is None and named[1] not in (None, labels[-1]):
                return [labels[-1], named[1]]  # "X found disease in 13 men (26%), against 28 (56%) for Y"
            main = self._first_arm_label(context)
            if (
                count == 2
                and not labels
                and named[0] is None
                and named[1] not in (None, main)
                and (len(study_arms) < 2 or named[1] in study_arms)
            ):
                return [main, named[1]]  # "identified in 13% of men by PET and in 6% by conventional imaging"
            if not labels and (_RESPECTIVELY_AFTER.match(text, last) or _RESPECTIVELY_ENDS.match(text, last)):
                # "In men with PSA below 0.5 ng/mL, the rates were 12% and 42%, respectively": in the order the
                # sentence before named the arms
                order = self._order_named_before(sentence, context, count)
                if order:
                    return order
            if len(labels) == 1 and len(set(respective_bands(text, [(v.start, v.end) for v in group.values]))) == count:
                # "Detection with X was 48% and 64% for PSA below 1 and 1 ng/mL or above, respectively": the PSA
                # bands of the one arm the sentence names, not the study's arms
                return labels * count
            if len(context.arms) == count >= 3:
                # "60%, 71% and 35% in the three arms": in the order the text named the arms
                return [arm.label for arm in sorted(context.arms, key=lambda arm: max(m.start for m in arm.agents))]
            if len(context.arms) >= count:
                return [arm.label for arm in context.arms[:count]]
            arms = len(context.arms)
            study_order = [arm.label for arm in context.arms]
            if len(labels) == 1 and labels[0] in study_order:
                # "X detected nodal disease in 24 (37.5%) compared with 11 (17.2%) on CT, and bone disease in 15
                # (23.4%) compared with 9 (14.1%)": the arm named first, then the others
                study_order.remove(labels[0])
                study_order.insert(0, labels[0])
            if (
                len(labels) <= 1
                and arms >= 2
                and count % arms == 0
                and (
                    self._in_tuples(text, group.values, arms)
                    or self._in_tuples(text, group.values, arms, _COMPARED_COUNTS_JOIN)
                )
            ):
                # "For nodal disease accuracy was 91% versus 59%, and for distant disease 95% versus 74%": the
                # study's arms in turn
                return study_order * (count // arms)
            if arms < 2:  # one arm: subgroups, doses or time points of the same treatment
                single = self._first_arm_label(context)
                return [single] * count
            return [None] * count
        if named and named[0]:
            return named
        nearby = [
            m for m in mentions if m.is_agent and m.start not in context.prior and m.start not in context.selection
            and 0 <= first - (m.end - sentence.start) <= 80
            and not _AGAINST.search(text, max(0, m.start - sentence.start - 20), m.start - sentence.start)
        ]  # fmt: skip
        if group.endpoint is not None and group.endpoint.curie == "endpoint:management-change":
            # a change of management follows the imaging studied, not the conventional imaging named near it ("seen
            # in 6% by conventional imaging, and the findings changed the planned treatment in 21%"), nor a treatment
            # it changed to ("from planned salvage radiotherapy to observation or ADT, compared with 61% of ...")
            nearby = [m for m in nearby if m.curie not in IMAGING_REGIMENS and m.kind == "ImagingAgent"]
        nearby = without_partners(nearby, text, sentence.start, context.arms)  # ("with X + SOC was 44.6%": X's arm)
        if not group.values and len(context.arms) < 2 and _studies_a_therapy(context):
            # a ratio of a therapy study of one arm, after a factor read on a scan ("FDG SUVmax >25 (1.74 ...)"): the
            # tracer is the factor's, not the ratio's arm
            nearby = [m for m in nearby if m.kind != "ImagingAgent"]
        if nearby:
            labels = {self._arm_label_for_curie(m, context) for m in nearby}
            study = {a.label for a in context.arms}
            # A ratio alone goes on the first arm when two arms are named before it ("91% on X against 47% on Y (odds
            # ratio 12.2)"), and a hazard ratio of a two-arm study whatever agent is named near it ("84% of the
            # ARPI-change group crossed over, and the HR was 1.16", "When enzalutamide had been given before, the HR
            # was 0.60"): it compares the arms.
            if (
                not group.values
                and len(context.arms) >= 2
                and (
                    len(labels & study) >= 2
                    or (group.ratio is not None and group.ratio.kind == "hr" and len(context.arms) == 2)
                )
            ):
                return [context.arms[0].label]
            return [self._arm_label_for_curie(nearby[-1], context)]
        if context.arms:
            return [context.arms[0].label]
        return [self._main_label(context)]

    def _order_named_before(self, sentence: Sentence, context: DocumentContext, count: int) -> list[str] | None:
        """The study's arms in the order the previous sentence last names them, when it names ``count`` of them
        and does not name the first as what the other is compared with."""
        index = next((i for i, s in enumerate(context.sentences) if s.start == sentence.start), 0)
        if index == 0:
            return None
        before = context.sentences[index - 1]
        arm_labels = {arm.label for arm in context.arms}
        pooled = not arm_labels and bool(POOLED_STUDY.search(context.sentences[0].text))
        last: dict[str, int] = {}
        for mention in context.agents:
            if before.start <= mention.start < before.end and mention.start not in context.prior:
                key = mention.curie or mention.label or mention.text
                if sum(key in arm.curies for arm in context.arms) > 1:
                    continue  # an agent of every arm ("X plus ADT and an ARPI, or ADT and an ARPI") tells none apart
                label = self._arm_label_for_curie(mention, context)
                # (a pooled study of no arms lists its agents: "34% for X, 31% for Y and 68% for Z")
                if label in arm_labels or (pooled and label is not None):
                    if label not in last and _COMPARED_WITH.search(
                        before.text, max(0, mention.start - before.start - 25), mention.start - before.start
                    ):
                        return None  # "Compared with cabazitaxel, X ...": no order of listing
                    last[label] = mention.start
        if context.labels and not last:
            # arms named by their labels: "11.6 months in arm A, 14.2 months in arm B and 5.8 months in arm C"
            for named in _NAMED_LABEL.finditer(before.text):
                at = context.labels.get(named.group("label").upper())
                if at is None:
                    continue
                if _COMPARED_WITH.search(before.text, max(0, named.start() - 25), named.start()):
                    return None  # "Compared with arm C, ... for arm A and ... for arm B": no order of listing
                last[context.arms[at].label] = before.start + named.start()
        if len(context.arms) == 2:
            # arms named by their role: "62% in the control arm and 74% in the investigational arm"
            for words in _ARM_WORDS.finditer(before.text):
                if words.group("first") or _second_arm_words(words):
                    label = self._arm_by_position(context, 1 if _second_arm_words(words) else 0)
                    if label in arm_labels:
                        last[label] = max(last.get(label, -1), before.start + words.start())
        if len(last) != count:
            return None
        return sorted(last, key=last.__getitem__)

    @staticmethod
    def _at_grade_3(code: str, text: str) -> tuple[str, str | None] | None:
        """The endpoint code and grade of an endpoint's events of grade 3 or higher, or None for one without
        grades."""
        if code == "AE any grade":
            return ("TRAE grade>=3" if _TREATMENT_RELATED.search(text) else "AE grade>=3"), None
        if code.startswith("AE:"):
            return code, ">=3"
        return None

    def _agent_right_before(
        self, value: Value, text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> str | None:
        """The arm label of an agent written right before a value ("X 33%", "X: 33%"), or None."""
        for mention in mentions:
            end = mention.end - sentence.start
            if (
                mention.is_agent
                and mention.start not in context.prior
                and mention.start not in context.selection
                and 0 <= end <= value.start
                and _RIGHT_BEFORE.fullmatch(text, end, value.start)
            ):
                return self._arm_label_for_curie(mention, context)
        return None

    def _arms_around(
        self, values: list[Value], text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> list[str | None]:
        """The arm named right before each value ("with X in 64%", "the X arm (10.1 months)") or right after it in
        brackets ("14% (X)"), by an agent or by the name the allocation gave it; None where neither is."""
        # (only the agents right before a value or right after it: their arms are looked up, no other's)
        near = [
            m for m in mentions
            if m.is_agent and m.start not in context.prior and m.start not in context.selection
            and any(
                0 <= v.start - (m.end - sentence.start) <= 45 or 0 <= (m.start - sentence.start) - v.end <= 8
                for v in values
            )
        ]  # fmt: skip
        start = sentence.start
        named = [(m.start - start, m.end - start, self._arm_label_for_curie(m, context, True)) for m in near]
        for name, index in context.arm_names.items():
            found = re.finditer(rf"\b{re.escape(name)}\b", text, re.I)
            named += [(f.start(), f.end(), context.arms[index].label) for f in found]
        if ("PET" in text or "SPECT" in text) and len(context.arms) == 2:
            # "SPECT/CT 77.8%, PET/CT 88.9%": in a comparison of a PET and a SPECT agent, the modality names the arm
            imaged = {self._modality(arm): arm.label for arm in context.arms}
            if len(imaged) == 2 and None not in imaged:
                named += [
                    (m.start(), m.end(), imaged[m.group("modality")])
                    for m in _MODALITY.finditer(text)
                    # (not the scan a share of lesions is taken of: "SPECT found 112 of the 187 lesions seen on PET
                    # (60%)" is SPECT's value)
                    if not _sees_the_reference_lesions(text, m.start())
                ]
        arms: list[str | None] = []
        for value in values:
            before = [arm for _start, end, arm in named if _ARM_THEN_VALUE.fullmatch(text, end, value.start)]
            after = [
                arm
                for start, end, arm in named
                if _VALUE_THEN_ARM.fullmatch(text, value.end, start) and _CLOSING.match(text, end)
            ]
            arms.append((before or after or [None])[0])
        return arms

    def _arm_of_word(self, word: str, context: DocumentContext) -> str | None:
        """The arm of a two-arm study "the <word> arm/group" names: by the modality that images its agent ("the PET
        arm"), else by a word of its label ("the conventional group", "the PSMA group"); None when not one arm."""
        if word.upper() in ("PET", "SPECT"):
            imaged = [arm.label for arm in context.arms if self._modality(arm) == word.upper()]
            return imaged[0] if len(imaged) == 1 else None
        token = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])", re.I)
        holding = [arm.label for arm in context.arms if token.search(arm.label)]
        return holding[0] if len(holding) == 1 else None

    def _arm_heading_clause(
        self, value: Value, text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> str | None:
        """The arm label of an agent that opens the clause of a value by a preposition ("In the X group, the median
        OS was 19.3 months", "whereas with Y it was 19.2 months"), or None."""
        clause = max((b.end() for b in _NEXT_CLAUSE.finditer(text, 0, value.start)), default=0)
        role = _CLAUSE_OF_ROLE.match(text, clause, value.start)
        if role and len(context.arms) == 2:  # "Among control patients who never crossed over, median OS was 19.3"
            return context.arms[1 if role.group("control") else 0].label
        if role:
            return None
        lead = _OPENS_CLAUSE_WITH_ARM.match(text, clause, value.start)
        words = _ARM_WORDS.match(text, lead.end(), value.start) if lead else None
        if words is not None and (words.group("combination") or words.group("combination_alone")):
            # "In the combination group, median PSA-PFS was 13.0 months, whereas in the X group ..."
            return _combination_arm(words, context)
        for mention in mentions:
            start = mention.start - sentence.start
            if start < clause or mention.end - sentence.start > value.start:
                continue
            if (
                mention.is_agent
                and mention.start not in context.prior
                and mention.start not in context.selection
                and _OPENS_CLAUSE_WITH_ARM.fullmatch(text, clause, start)
            ):
                # ("whereas in the enzalutamide group ...": of "enzalutamide + X" and "enzalutamide", the second)
                alone = _ALONE_OR_GROUP.match(text, mention.end - sentence.start) is not None
                return self._arm_label_for_curie(mention, context, named_after_value=alone)
            return None
        return None

    def _other_arm_heads_a_clause(
        self, arm: str, text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> bool:
        """Whether another clause of the sentence opens with another arm than ``arm`` ("In the X arm, ...; in the Y
        arm, the corresponding rates were ...")."""
        for border in (0, *(b.end() for b in _NEXT_CLAUSE.finditer(text))):
            lead = _OPENS_CLAUSE_WITH_ARM.match(text, border)
            if lead is None:
                continue
            named = next((m for m in mentions if m.is_agent and m.start - sentence.start == lead.end()), None)
            if (
                named is not None
                and named.start not in context.prior
                and named.start not in context.selection
                and self._arm_label_for_curie(named, context) != arm
            ):
                return True
        return False

    @staticmethod
    def _comparator_of_value(group: _Group, arms: list[str | None], text: str, context: DocumentContext) -> str | None:
        """For a group of one value and a hazard ratio whose value is the comparator's ("a 4-year bPFS of 60% in the
        control arm", "a median MFS of 18 months with SBRT alone"), the comparator's label ("" when the study names
        no comparator arm); else None."""
        if group.ratio is None or group.ratio.kind != "hr" or len(group.values) != 1:
            return None
        # (of three arms or more, the last is the one the others are set against: "0.58 (...) for tandem therapy" is
        # the value of the tandem arm, second of three)
        comparators = [arm.label for arm in context.arms[1:]] if len(context.arms) <= 2 else [context.arms[-1].label]
        if arms and arms[0] in comparators and arms[0] != context.arms[0].label:
            return arms[0]
        if _ALONE_ARM.match(text, group.values[0].end):
            return comparators[0] if len(comparators) == 1 else ""
        return None

    @staticmethod
    def _labelled_arms(
        values: list[Value], text: str, context: DocumentContext, every_value: Sequence[tuple[int, int]]
    ) -> list[str | None] | None:
        """The arms of values named by the labels the text gave its arms (``context.labels``): a label before each
        value ("arm A 67% vs arm B 43%") or after it ("29% in arm 1, 35% in arm 2", "85% (A) vs 70% (B)"), or a list
        of them after the run of values the group is part of ("9.1, 11.4 and 6.3 months in arms 1, 2 and 3,
        respectively", ``every_value`` holding the sentence's values); None otherwise."""
        listed = _LABEL_LIST.search(text, values[-1].end, values[-1].end + 80)
        run = [start for start, end in every_value if end <= listed.start()] if listed else []
        names: list[str] = []
        if listed:
            labels = _LABEL_SPLIT.split(listed.group("labels"))
            run = run[-len(labels) :]
            if len(run) == len(labels) and all(value.start in run for value in values):
                names = [labels[run.index(value.start)] for value in values]
        else:
            names = []
            for index, value in enumerate(values):
                stop = values[index + 1].start if index + 1 < len(values) else len(text)
                before = _LABEL_BEFORE.search(text, max(0, value.start - 20), value.start)
                after = _LABEL_AFTER_VALUE.match(text, value.end, stop)
                if after:  # "29% in arm 1, 35% in arm 2": the label before a value may be the one before's
                    names.append(after.group("label") or after.group("bare") or after.group("bracketed"))
                elif before:
                    names.append(before.group("label"))
        labels = context.labels
        if len(names) != len(values) or not all(name.upper() in labels for name in names):
            return None
        return [context.arms[labels[name.upper()]].label for name in names]

    def _one_arm_for_its_parts(
        self, arms: list[str | None], parts: list[str | None], mentions: list[Mention], context: DocumentContext
    ) -> list[str | None]:
        """``arms``, or the one arm a sentence names for all its values when each value is of a part of its own
        ("Among men given X, PSA50 was 91% in those with an SUVmean of 10 or higher and 52% in those below 10", "For
        X, 70% for reader 1 and 74% for reader 2"): values told apart by their parts are no comparison of arms."""
        if len(set(arms)) < 2 or not all(parts) or len(set(parts)) < len(parts):
            return arms
        named = {self._arm_label_for_curie(m, context) for m in mentions if m.is_agent}
        named &= {arm.label for arm in context.arms}
        return [named.pop()] * len(arms) if len(named) == 1 else arms

    def _arm_of_modality(
        self, value: Value, text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> str | None:
        """ "The corresponding values for PET/CT were 74% ...", "whereas PSMA PET/CT had a sensitivity of 58.8%": in a
        comparison of agents imaged by PET and by SPECT, a value after the modality its clause names (and no agent) is
        the arm's whose agent that modality images."""
        if "PET" not in text and "SPECT" not in text:
            return None  # no modality named: spares the pattern on most sentences
        clause = max((m.end() for m in _NEXT_CLAUSE.finditer(text, 0, value.start)), default=0)
        named = None
        for match in _MODALITY.finditer(text, clause, value.start):
            if _sees_the_reference_lesions(text, match.start()):
                continue  # the scan a share of lesions is taken of: "Of 214 lesions seen on PET, 133 (62.1%) ..."
            if named is not None and match.group("modality") != named.group("modality"):
                return (
                    None  # both modalities named ("positive on SPECT/CT and negative on PET"): neither is the value's
                )
            named = match
        if (
            named is None
            or _NEXT_CLAUSE.search(text, named.end(), value.start)
            or any(
                m.is_agent and named.start() - 30 <= m.end - sentence.start and m.start - sentence.start < value.start
                for m in mentions
            )
        ):
            return None  # an agent named with the modality, or after it, names the arm itself
        arms = [arm for arm in context.arms if self._modality(arm) == named.group("modality")]
        return arms[0].label if len(arms) == 1 else None

    def _modality(self, arm: Arm) -> str | None:
        """PET or SPECT: how the arm's imaging agent is imaged (a positron emitter by PET, a gamma emitter by SPECT)."""
        for mention in arm.agents:
            agent = self.ontology.agents.get(mention.curie or "")
            if agent is None or agent.kind != "ImagingAgent" or agent.radionuclide is None:
                continue
            emissions = self.ontology.radionuclides[agent.radionuclide].emissions
            return "PET" if "positron" in emissions else "SPECT" if "gamma" in emissions else None
        return None

    @staticmethod
    def _investigational_index(arms: Sequence[str | None], context: DocumentContext) -> int:
        """Where the investigational arm's value is among values named first for another arm of the study; else 0."""
        if len(arms) < 2 or len(context.arms) < 2:
            return 0
        labels = [arm.label for arm in context.arms]
        if arms[0] not in labels[1:] or labels[0] not in arms:
            return 0
        return list(arms).index(labels[0])

    @staticmethod
    def _in_tuples(text: str, values: list[Value], size: int, join: re.Pattern[str] = _TUPLE_JOIN) -> bool:
        """Whether ``values`` come in runs of ``size`` joined by "and", "vs" or a comma ("24% and 18%, 31% and 19%"),
        each run apart from the next by other words (``join``: what joins the values of a run)."""
        runs = [values[i : i + size] for i in range(0, len(values), size)]
        joined = all(join.fullmatch(text, a.end, b.start) for run in runs for a, b in pairwise(run))
        apart = all(not join.fullmatch(text, a[-1].end, b[0].start) for a, b in pairwise(runs))
        return joined and apart

    @staticmethod
    def _main_label(context: DocumentContext) -> str | None:
        if not context.main_agents:
            return None
        return " + ".join(dict.fromkeys(m.label or m.text for m in context.main_agents))

    @classmethod
    def _first_arm_label(cls, context: DocumentContext) -> str | None:
        """The label of the study's first arm (its investigational one), else of its main agents."""
        return context.arms[0].label if context.arms else cls._main_label(context)

    @staticmethod
    def _arm_by_position(context: DocumentContext, index: int) -> str | None:
        if len(context.arms) > index:
            return context.arms[index].label
        return None

    def _arm_after_ratio(
        self, ratio: Ratio, text: str, mentions: list[Mention], sentence: Sentence, context: DocumentContext
    ) -> str | None:
        """The study's arm named right after a ratio and its bracket ("0.52 (95% CI 0.36-0.75) for the combination",
        "... for 177Lu-PSMA-617 alone"), or None."""
        lead = _FOR_AFTER_RATIO.match(text, ratio.end)
        if lead is None:
            return None
        words = _ARM_WORDS.match(text, lead.end())
        if words is not None and (words.group("combination") or words.group("combination_alone")):
            return _combination_arm(words, context)
        agent = next((m for m in mentions if m.is_agent and m.start - sentence.start == lead.end()), None)
        if agent is None or agent.start in context.prior:
            return None
        label = self._arm_label_for_curie(agent, context, named_after_value=True)
        return label if label in {arm.label for arm in context.arms} else None

    @staticmethod
    def _arm_label_for_curie(mention: Mention, context: DocumentContext, named_after_value: bool = False) -> str:
        """The doc's arm that contains this agent (so "LuPSMA" names the whole arm), else the agent: the arm of this
        agent and a placebo first ("X alone" of a trial of "Y or placebo, with X"), then one that starts with it.

        An agent ``named_after_value`` ("14.2 months with darolutamide") is first the arm of that agent alone: of
        "X plus Y" and "X alone", the value of X is X alone's."""
        key = mention.curie or mention.label or mention.text
        for arm in context.arms:
            if set(arm.curies) == {key, PLACEBO} or (named_after_value and arm.curies == (key,)):
                return arm.label
        for arm in context.arms:
            if key in arm.curies and (arm.curies[0] == key or len(context.arms) < 2):
                return arm.label
        for arm in context.arms:
            if key in arm.curies:
                return arm.label
        for arm in context.arms:  # "in the ARPI arm" of a trial whose arm is "ARPI change": the arm its name is in
            if (
                len(arm.curies) == 1
                and len(mention.text) >= 3
                and re.search(rf"(?<![\w-]){re.escape(mention.text)}(?![\w-])", arm.label)
            ):
                return arm.label
        return mention.label or mention.text

    def _measurements(
        self,
        group: _Group,
        sentence: Sentence,
        mentions: list[Mention],
        context: DocumentContext,
        planned: bool,
        subgroups: SentenceSubgroups,
        thresholds: Sequence[tuple[int, int]] = (),
    ) -> list[Measurement]:
        """One measurement per value of the group (or one for a lone ratio); a value inside a design threshold
        ("above the planned 35%") is planned even when the group's first value is a result."""
        text = dashes_to_hyphen(sentence.text)
        code, grade = self.endpoint_code(group.endpoint, text, sentence.start)
        if grade is None and code.startswith("AE:"):
            at = group.endpoint.start - sentence.start
            first = group.values[0].start if group.values else at
            grade = group.extra.get("grade") or _heading_grade(text, at) or _event_grade(text, at, first)
        if "time to" in text:
            mentions = _without_events_of_times(text, mentions, sentence.start)
        arms = self._arms_for(group, sentence, mentions, context, subgroups.values)
        positions = [(v.start, v.end) for v in group.values] or [(group.ratio.start, group.ratio.end)]
        parts = subgroups.of([group.extra["band_of"]] if "band_of" in group.extra else positions, arms)
        bracket = text.rfind("(", 0, group.ratio.start + 1) if not group.values else -1
        if not group.values and BRACKETED_RATIO.match(text, bracket):
            # "in patients younger than 65 years (0.36; 95% CI 0.18-0.72), aged 65-74 years (0.44; 0.28-0.70)"
            parts = [part_before_bracket(text, bracket) or parts[0]]
        if not group.values and parts[0] is None and bracket >= 0 and ")" not in text[bracket : group.ratio.start]:
            # "a higher PSA50 rate (63.8% vs 35.1%; odds ratio 3.26 ...)" in men with X than in men without: the ratio
            # of a pair in its bracket is of the part the text names first
            paired = [(start, end) for start, end in subgroups.values if bracket < start < group.ratio.start]
            if len(paired) >= 2:
                parts = [subgroups.of(paired, [arms[0]] * len(paired))[0]]
        if not group.values and parts[0] is None:  # a ratio alone may be a predictor's: "elevated LDH (HR 1.83)"
            parts = [subgroups.factor(group.ratio.start)]
        if code == "MTD":  # "the MTD was not reached at 7.0 GBq": the dose is the MTD's value, not a part of the arm
            parts = [None if is_dose_level(part and part.removeprefix("treated at ")) else part for part in parts]
        if code == "DLT" and group.values:  # "1 DLT (grade 4 anemia) at 93.3 kBq/kg": the level the DLTs were at
            stops = [v.start for v in group.values[1:]] + [len(text)]
            parts = [
                part or subgroups.dose_after(value.end, stop)
                for part, value, stop in zip(parts, group.values, stops, strict=True)
            ]
        arms = self._one_arm_for_its_parts(arms, parts, mentions, context)
        if code.startswith("absorbed dose:") and group.values:  # "In cycle 1, the mean kidney dose was 0.72 Gy/GBq"
            parts = [part or subgroups.cycle(start) for part, (start, _end) in zip(parts, positions, strict=True)]
        levels = [subgroups.level(start) if code in _DIAGNOSTIC else None for start, _end in positions]
        if group.statistic in ("rate", "count") and group.values:
            times = self._landmarks(group, text, sentence.start)
            levels = [level or timed for level, timed in zip(levels, times, strict=True)]
        if code in ("HRQoL", "pain") and any(part and _CYCLE_PART.fullmatch(part) for part in parts):
            # a questionnaire filled in at a cycle: the time of the score, not a part of the men ("Mean EQ-VAS was
            # 67.8 after cycle 2")
            levels = [
                part if part and _CYCLE_PART.fullmatch(part) else level
                for part, level in zip(parts, levels, strict=True)
            ]
            parts = [None if part and _CYCLE_PART.fullmatch(part) else part for part in parts]
        if context.compared and all(part and _NAMED_COHORT.fullmatch(part) for part in parts):
            parts = [None] * len(parts)  # (a cohort of a study of doses or variants is named by what it was given)
        if context.compared and not any(parts) and not any(levels) and len(set(arms)) == 1:
            named = _compared_parts_named(group.values, text, context, subgroups.values or positions)
            if named is not None:  # "38% in the Lu-2 arm and 57% in the Lu-4 arm", "14.5 months (6.0 GBq)"
                parts = [context.compared[index] for index in named]
            elif len(context.compared) == len(group.values) >= 2:
                parts = list(context.compared)  # "6.9 vs 8.3 months" of a study randomised to two activities
        arms, parts = _cohorts_in_arms(arms, parts)
        common = {"endpoint": code, "status": "planned" if planned else "reported", "grade": grade}
        ratio = group.ratio
        interval = group.interval
        ci_low = ratio.ci_low if ratio and ratio.ci_low is not None else (interval.low if interval else None)
        ci_high = ratio.ci_high if ratio and ratio.ci_high is not None else (interval.high if interval else None)
        ci_level = interval.level if interval and (ratio is None or ratio.ci_low is None) else None
        if ratio is not None and ratio.ci_low is not None and ratio.ci_level is not None:
            ci_level = ratio.ci_level  # (the level a heading of ratios states: "(HR [95% CI])")
        p_value = group.p_value.text if group.p_value else None
        comparator = self._comparator_of_value(group, arms, text, context)
        if comparator is not None and ratio is not None:
            # "Assuming a median MFS of 18 months with SBRT alone and a hazard ratio of 0.67": the value is the
            # comparator's, the ratio the investigational arm's, each a row of its own.
            ratio_row = Measurement(
                statistic="hr", arm=self._first_arm_label(context), hr=ratio.value, ci_low=ci_low, ci_high=ci_high,
                ci_level=ci_level, p_value=p_value, **common,
            )  # fmt: skip
            value = group.values[0]
            return [
                Measurement(
                    statistic=group.statistic, arm=comparator or None, subgroup=parts[0], value=value.value,
                    unit=None if value.value is None else value.unit,
                    note="not reached" if value.value is None else levels[0], **common,
                ),
                ratio_row,
            ]  # fmt: skip
        if not group.values:  # a ratio alone: a hazard ratio in `hr`, an odds or risk ratio as the value
            hazard = ratio.kind == "hr"
            return [
                Measurement(
                    statistic=ratio.kind, arm=arms[0], subgroup=parts[0], value=None if hazard else ratio.value,
                    hr=ratio.value if hazard else None, ci_low=ci_low, ci_high=ci_high, ci_level=ci_level,
                    p_value=p_value, **common,
                )
            ]  # fmt: skip
        # The ratio, p and CI go on the first arm's value; another arm's value keeps a CI written after it (at
        # the first one's level when it states none).
        own_intervals: list[Interval] | None = group.extra.get("intervals")
        cis = [(ci_low, ci_high, ci_level)]
        for index in range(1, len(group.values)):
            own = own_intervals[index] if own_intervals else None
            cis.append((own.low, own.high, own.level or ci_level) if own else (None, None, None))
        # Named after the comparator's ("11.3 months with cabazitaxel and 15.3 months with X (HR 0.62, 95% CI
        # 0.52-0.74)"), the investigational arm's value still takes the ratio, its CI and the p-value.
        lead = self._investigational_index(arms, context) if ratio or p_value else 0
        labelled = _LABEL_AFTER_RATIO.match(text, ratio.end) if ratio is not None and context.labels else None
        if labelled and (index := context.labels.get(labelled.group("label").upper())) is not None:
            # "the hazard ratio was 0.66 (...) for arm A and 0.44 (...) for arm B": the ratio is the labelled arm's
            lead = next((i for i, arm in enumerate(arms) if arm == context.arms[index].label), lead)
        if lead and ratio is not None and (ratio.ci_low is not None or (interval and interval.start > ratio.start)):
            cis[0], cis[lead] = cis[lead], cis[0]
        if (
            len(group.values) == 1
            and group.values[0].value is None
            and len(context.arms) >= 2
            and _IN_EVERY_ARM.match(text, group.values[0].end)
        ):
            # "median rPFS had not been reached in either arm": one "not reached" per arm, the ratio on the first
            arms = [arm.label for arm in context.arms]
            group.values = group.values * len(arms)
            parts, levels = parts * len(arms), levels * len(arms)
            cis += [(None, None, None)] * (len(arms) - 1)
        results = []
        severe = False  # the value before was switched to the severe events, and this one may be its pair
        exact: str | None = None  # the grade the value before was given, which its pair shares
        for index, value in enumerate(group.values):
            first = index == lead
            low, high, level = cis[index]
            since = group.values[index - 1].end if index else max(0, value.start - 50)
            own = common
            if not planned and any(start <= value.start < end for start, end in thresholds):
                own = {**common, "status": "planned"}
            # ("; grade ≥3: 33.9% vs 43.1%": the second of the pair is of the severe events too)
            severe = grade != ">=3" and (
                _GRADE3_IN.search(text, since, value.start) is not None
                or (severe and _PAIRED_NEXT.fullmatch(text, since, value.start) is not None)
            )
            if severe:
                # "... occurred in 94% and were of grade 3 or higher in 45%": this value is of the severe events
                graded = self._at_grade_3(code, text)
                own = {**own, "endpoint": graded[0], "grade": graded[1]} if graded else own
                exact = None
            elif code.startswith("AE:") and (
                (stated := _EXACT_GRADE_AT.search(text, since, value.start))
                or (exact and _PAIRED_NEXT.fullmatch(text, since, value.start))
            ):
                # "... and was grade 3 in 6%": the events of that grade; "grade 2, 36% vs 5%": the pair's too
                exact = stated.group("low") if stated else exact
                own = {**own, "grade": exact}
            else:
                exact = None
            results.append(
                Measurement(
                    statistic=group.statistic,
                    arm=arms[index] if index < len(arms) else None,
                    subgroup=parts[index],
                    value=value.value,
                    unit=None if value.value is None else value.unit,
                    note="not reached" if value.value is None else levels[index],
                    hr=ratio.value if first and ratio else None,
                    ci_low=low,
                    ci_high=high,
                    ci_level=level,
                    p_value=p_value if first else None,
                    **own,
                )
            )
        return results


def _compared_parts_named(
    values: list[Value], text: str, context: DocumentContext, every_value: Sequence[tuple[int, int]]
) -> list[int] | None:
    """The compared part of each value (its index in ``context.compared``) named by its name next to it: right after
    it ("40% in the 6.0 GBq arm", "14.5 months (6.0 GBq)"), else before it since the value before ("in the Lu-2 arm, it
    was 38%"); else, for a run of values, the names of the sentence in the order it names them ("41%, 52% and 55% in
    the low, standard and high arms"). None when a value has none."""
    if not context.compared_names or not values:
        return None
    names = context.compared_names_at(text)
    if not names:
        return None
    found: list[int | None] = []
    for value in values:
        following = next((start for start, _end in every_value if start >= value.end), len(text))
        previous = max((end for _start, end in every_value if end <= value.start), default=0)
        after = [(start, i) for start, _end, i in names if value.end <= start < following]
        after = [(start, i) for start, i in after if _NEAR_NAME.fullmatch(text, value.end, start)]
        before = [(end, i) for start, end, i in names if previous <= start and end <= value.start]
        found.append(min(after)[1] if after else (max(before)[1] if before else None))
    if all(index is not None for index in found) and len(set(found)) == len(found):
        return found  # type: ignore[return-value]
    in_order = list(dict.fromkeys(i for _start, _end, i in sorted(names)))
    return in_order if len(values) >= 2 and len(in_order) == len(values) else None


#: Between a value and the name of its part right after it: "% in the ", " months (", "%) of the ".
_NEAR_NAME = re.compile(r"[^;.]{0,30}")


#: Endpoints whose mention opens with the verb of the patients counted before it: "17 (51.5%) discontinued treatment
#: because of adverse events".
_VERB_LED = frozenset({"endpoint:AE-discontinuation"})
_IN = re.compile(r"\s+in\s+(?:the\s+)?", re.IGNORECASE)
#: Between a count or share and a verb-led endpoint: the bracket's end, the patients counted.
_BEFORE_ITS_VERB = re.compile(
    r"\s*\)?\s*(?:(?:of\s+(?:the\s+|all\s+)?(?:\d+\s+)?)?(?:patients|pts|men|participants)\s*\)?\s*)?", re.IGNORECASE
)  # (or the share's population: "22% of patients discontinued treatment because of adverse events")


def _led_by_its_verb(text: str, value: Value, endpoint: Mention, offset: int) -> bool:
    """Whether ``endpoint`` is one whose mention opens with its verb ("discontinued treatment because of toxicity",
    "responded by RECIST 1.1"), written right after ``value``."""
    start = endpoint.start - offset
    return (
        (endpoint.curie in _VERB_LED or endpoint.via == "responded")
        and value.end <= start <= value.end + 30
        and _BEFORE_ITS_VERB.fullmatch(text, value.end, start) is not None
    )


def _compared_one_by_one(first: _Group, second: _Group) -> bool:
    """Whether two groups of one value each are two values of one endpoint in one unit, set side by side (each
    group without a ratio or p of its own)."""
    return (
        len(first.values) == len(second.values) == 1
        and first.endpoint is not None
        and second.endpoint is not None
        and first.endpoint.curie == second.endpoint.curie
        and first.values[0].unit == second.values[0].unit
        and first.ratio is None
        and second.ratio is None
        and first.p_value is None
    )


def _pair_of_parts(text: str, first: _Group, second: _Group) -> bool:
    """Whether two groups of one value each, of one unit, are two parts set side by side in one clause ("58% in men
    with ... and 79% in those with ...")."""
    if len(first.values) != 1 or len(second.values) != 1 or first.values[0].unit != second.values[0].unit:
        return False
    between = text[first.values[0].end : second.values[0].start]
    around = text[first.values[0].end : second.values[0].end + 25]  # (the second part is named after its value)
    return ";" not in between and _PAIR_OF_PARTS.search(around) is not None and _PART_AFTER.match(between) is not None


#: Between two parts set side by side: "in pts with more than 20 bone lesions and ... in those with".
_PAIR_OF_PARTS = re.compile(
    r"\b(?:and|versus|vs\.?|compared\s+with)\s+(?:[\d.]+\s*(?:%|months?|mo)?\s+)?(?:in|among|for)\s+"
    r"(?:those|men|patients|pts)\b",
    re.I,
)
#: Right after the first value: the part it is of ("in pts with ...", "among men whose ...").
_PART_AFTER = re.compile(
    r"\s*(?:%|months?|mo)?\s*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:pts|patients|men|those)\b", re.I
)


def _heading_grade(text: str, at: int) -> str | None:
    """The grade a heading before a colon states for the events listed after it ("Grade ≥3 AEs: anaemia 8% vs 2%;
    thrombocytopenia 5% vs 1%")."""
    colon = text.rfind(":", 0, at) if 0 <= at <= len(text) else -1
    if colon < 0:
        return None
    return _stated_grade(text[max(0, colon - 60) : colon])


#: The grade written right before an event: "grade 3 anaemia", "G2 fatigue", "grade 1-2 nausea" (a grade of 3 or
#: higher is ``_GRADE3``'s).
_EXACT_GRADE_BEFORE = re.compile(
    r"(?:grade|\bgr\.?|(?<![\w-])G)\s*(?P<low>[1-5])(?:\s*(?:-|–|or|/)\s*(?P<high>[1-5]))?\s+(?:[\w-]+\s+)?$", re.I
)
#: Right before an event that is the next item of a list: a share (and its bracket), then a comma or "and".
#: (or the first item of a breakdown after a colon: "... occurred in 26 patients (18%): anaemia 17 (12%), ...")
_AFTER_AN_ITEM = re.compile(r"\d\s*%\s*\)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|:\s*)$")
#: What may come before a grade that heads its clause: nothing, a label and its colon ("Tox: ≥G3 anemia 12.3%").
_HEADS_CLAUSE = re.compile(r"\s*(?:[\w/-]+\s*:\s*)?[≥>]?\s*")
#: A share: where the first item of a list gives its value.
_SHARE = re.compile(r"\d+(?:\.\d+)?\s*%")
#: A grade of its own in the words of a total: "Treatment-related grade 3 events affected 9 men".
_EXACT_GRADE_IN = re.compile(r"\bgrade\s*(?P<low>[1-5])\b(?!\s*(?:-|–|or|/|to|and)\s*[1-5])", re.I)
#: The words that open the events of a total: "...; the most common were anaemia (13.1%) ...", "chiefly lymphopenia".
_EVENTS_LISTED = re.compile(
    r"\b(?:the\s+most\s+(?:common|frequent)(?:\s+(?:ones?|events?))?\s+(?:were|was|being)|most\s+(?:commonly|often)"
    r"|chiefly|mainly|mostly|predominantly|including)\b",
    re.I,
)
#: Any word of a grade: where a sentence holds none, its events are counted at any grade.
_GRADE_WORD = re.compile(r"grade|\bgr\b|\bgr\.|(?<![\w-])G\s*[1-5≥>]|severe|CTCAE", re.I)


def _event_grade(text: str, at: int, value: int) -> str | None:
    """The grade of the adverse event whose mention starts at ``at`` and whose first value starts at ``value``, when
    its own words give none: the grade written right before it ("grade 3 anaemia in 1"); the grade of the total its
    list follows ("Grade ≥3 events occurred in 36%; the most common were anaemia (13%)", any grade when that total
    states none); the grade written between it and its value ("Fatigue was the most frequent event (any grade, 78%)");
    any grade when its clause names no grade before the value ("Fatigue occurred in 41%", "Xerostomia affected 81% and
    was grade 3 in 6%": the grades after it break the total down); else None.

    >>> _event_grade("Grade 3 thrombocytopenia developed in 2 and grade 3 anaemia in 1.", 52, 63)
    '3'
    >>> _event_grade("Grade ≥3 events occurred in 36%; the most common were anaemia (13%).", 54, 63)
    '>=3'
    >>> _event_grade("Fatigue (41%) and nausea (20%) were common.", 18, 26)
    'any'
    >>> _event_grade("Xerostomia affected 81% of men and was grade 3 in 6%.", 0, 20)
    'any'
    """
    exact = _EXACT_GRADE_BEFORE.search(text, max(0, at - 24), at)
    if exact is not None:
        low, high = exact.group("low"), exact.group("high")
        return f"{low}-{high}" if high and high != low else low
    clause = text.rfind(";", 0, at) + 1
    if _AFTER_AN_ITEM.search(text, clause, at):
        # the next item of a list whose head states the grade: "Grade 3 or 4 anaemia occurred in 14%, thrombocytopenia
        # in 7% and renal toxicity in 3%", "the most frequent events of any grade were skin toxicity (39%), ..."
        # (a grade that heads the clause, or any grade: "With X, grade ≥3 thrombocytopenia occurred in 13% and dry
        # mouth in 87%" grades the first event alone)
        first = _SHARE.search(text, clause, at)
        head = text[clause : first.start()] if first else ""
        stated = _head_grade(head)
        opening = _GRADE_WORD.search(head)
        if stated == "any" or (stated and opening and _HEADS_CLAUSE.fullmatch(head, 0, opening.start())):
            return stated
    listed = next(reversed(list(_EVENTS_LISTED.finditer(text, 0, at))), None)  # the last list opened before it
    if listed is not None and not _GRADE_WORD.search(text, listed.end(), at):
        return _head_grade(text[max(0, listed.start() - 120) : listed.start()]) or "any"
    if value <= at or not _GRADE_WORD.search(text, clause, value):
        return "any" if value > at or not _GRADE_WORD.search(text) else None
    return "any" if _ANY_GRADE.search(text, at, value) else None


#: The patients a share counts, between it and its CI: "45% of patients (95% CI, 30 to 61)".
_PATIENTS_BEFORE_CI = re.compile(r"\s*(?:of|in)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|men|pts|participants)\s*[(\[]?")
#: Two values set against each other: "28% vs 15%", "38% versus 85%", "than".
_PAIR_COMPARED = re.compile(r"\b(?:vs\.?|versus|compared|than|against)(?!\w)", re.IGNORECASE)
#: Right before a second predictor that shares the first one's predicate: "..., as did any PSA decline (HR 0.52)".
_AS_DID = re.compile(r"\bas\s+(?:did|was|were|had|so)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
#: A category of response the ontology names no endpoint for, as the subject of values ("RECIP progression in 13%",
#: "responses in 50.0% vs 34.8%, and progression in 10.9% vs 21.7%";
#: not the men it sets apart: "16.0 months with stable disease"), outside brackets (in them it details the endpoint
#: before: "disease control (responses or stable disease) in 61%").
_UNNAMED_CATEGORY = prefiltered(
    r"(?<!\bwith )(?<!\bby )(?:\b(?:stable|progressive)\s+(?:metabolic\s+)?disease"
    r"|\b(?:RECIP|i?RECIST|PERCIST|PPP)(?:\s+\d\.\d)?\s+progression|(?<=\band )progression(?=\s+in\b))"
    r"\s+(?:in|was|were|occurred|rates?)\b(?![^()]*\))",
    re.IGNORECASE,
)
#: A median of a measure that is no known endpoint, opened between an endpoint and a value: the value is that
#: measure's ("..., and median time to castration resistance was 31.9 versus 19.9 months").
#: (Not the time to an event of the endpoint named before: "For pain, median time to worsening was 5.0 months".)
_UNNAMED_MEASURE = prefiltered(
    r"\b(?:time\s+to|duration\s+of)\s+(?!(?:first\s+|the\s+)?(?:worsening|deterioration"
    r"|progression|response|death|events?|failure|recurrence|relapse)\b)\w",
    re.IGNORECASE,
)  # (with or without "median" before it: "time to first opioid use was longer ...")


def _head_grade(head: str) -> str | None:
    """The grade the words of a total state for its events: ">=3", "any", a grade of its own ("Treatment-related grade
    3 events affected 9 men" gives "3"), or None."""
    exact = _EXACT_GRADE_IN.search(head)
    return _stated_grade(head) or (exact.group("low") if exact else None)


def _nearest_grade(text: str, first: bool) -> str | None:
    """The grade ">=3", ">=2" or "any" that ``text`` states first (or last), or None."""
    found = [
        (match.start(), grade)
        for pattern, grade in ((_GRADE3, ">=3"), (_GRADE2_PLUS, ">=2"), (_ANY_GRADE, "any"))
        for match in pattern.finditer(text)
    ]
    if not found:
        return None
    return (min(found) if first else max(found))[1]


def _stated_grade(head: str) -> str | None:
    """The grade a stretch of text states for the events after it: ">=3", "any" or None."""
    return ">=3" if _GRADE3.search(head) else "any" if _ANY_GRADE.search(head) else None


#: A radionuclide in brackets right after a value, naming the arm whose agent carries it: "(68Ga)", "([18F]AlF)".
_NUCLIDE_IN_BRACKET = re.compile(r"\s*%?\s*\(\s*\[?(?P<mass>\d{2,3}m?)(?P<symbol>[A-Z][a-z]?)\]?[A-Za-z]{0,3}\s*\)")
#: The men treated with a radionuclide's agent right after a value: "9% of 225Ac-treated patients".
_NUCLIDE_TREATED = re.compile(
    r"\s*%?\s*(?:of|in|among)\s+(?:the\s+)?(?P<mass>\d{2,3}m?)(?P<symbol>[A-Z][a-z]?)-treated\b"
)


def _arm_of_nuclide(context: DocumentContext, nuclide: str) -> str | None:
    """The one arm whose agents' labels carry ``nuclide`` ("68Ga"), or None."""
    return _arm_carrying(context, re.escape(nuclide))


def _arm_of_element(context: DocumentContext, symbol: str | None) -> str | None:
    """The arm an element names ("the actinium group", element symbol ``Ac``): the one arm whose agents carry that
    radionuclide (written "225Ac-..." in their labels, curated or new)."""
    return None if symbol is None else _arm_carrying(context, r"\d{2,3}m?" + symbol)


def _arm_carrying(context: DocumentContext, nuclide: str) -> str | None:
    """The one arm whose label holds a radionuclide written as ``nuclide`` (a pattern: "68Ga", "\\d{2,3}m?Ac"), or
    None."""
    written = re.compile(r"(?<![\dA-Za-z])" + nuclide + r"(?![a-z])")
    found = [arm.label for arm in context.arms if written.search(arm.label)]
    return found[0] if len(found) == 1 else None


def _with_list_label(
    measurements: list[Measurement], text: str, mentions: list[Mention], offset: int, prior: set[int]
) -> list[Measurement]:
    """The measurements of a list item ("PSA <0.5 ng/mL: 58.7%"), its label before the colon as their subgroup unless
    the label names an agent or an endpoint (an arm's or an outcome's item, not a part of the population); an agent
    given before ("- prior cabazitaxel (n=201): 38.3%") names a part of it."""
    label = _LIST_LABEL.match(text)
    dosed = "Gy" in text  # (an organ names a part of the body, "Extrapelvic lesions: 16%", unless doses are given)
    if label is None or any(
        m.start - offset < label.end("label")
        for m in mentions
        if (m.is_agent and m.start not in prior) or (m.kind in ENDPOINT_KINDS and (dosed or m.kind != "AbsorbedDose"))
    ):
        return measurements
    part = _COLUMN_SIZE.sub("", label.group("label"))  # (less its size: "PSA <0.5 ng/mL (n = 33)")
    return [m if m.subgroup else m.model_copy(update={"subgroup": part}) for m in measurements]


def _without_counts_given_as_shares(groups: list[_Group], text: str) -> list[_Group]:
    """``groups`` less a count of patients whose share the clause gives after it for the same endpoint ("14 had an
    objective response (48.3%)", "261 had a PSMA-avid lesion, a detection rate of 63.3%"): the guidelines take the
    percentage, not the count."""
    shares = [g for g in groups if g.statistic == "rate" and g.values[0].unit == "%"]
    if not shares:
        return groups
    kept = []
    for group in groups:
        count = group.values[0] if group.statistic == "count" and len(group.values) == 1 else None
        if count is not None and any(
            share.endpoint is not None
            and group.endpoint is not None
            and share.endpoint.curie == group.endpoint.curie
            and count.end < share.values[0].start <= count.end + 100
            and ";" not in text[count.end : share.values[0].start]
            for share in shares
        ):
            continue
        kept.append(group)
    return kept


#: The first heading of a table of strata: what its rows are, and their unit ("PSA (ng/mL)", "SUVmean").
_STRATUM_HEADING = re.compile(r"^\s*(?P<name>[^()\[\]]+?)\s*(?:[(\[]\s*(?P<unit>[^()\[\]]+?)\s*[)\]])?\s*$")


def _stratum(label: str, heading: str) -> str | None:
    """The stratum a row of a table of strata is for: its first cell, with the name and unit of the column when the
    cell is a bare band ("PSA <0.2 ng/mL" for "<0.2" under "PSA (ng/mL)"), else the cell as written; None for the row
    of every stratum ("All", "Overall", "Total").

    >>> _stratum("<0.2", "PSA (ng/mL)"), _stratum("1.0-<2.0", "PSA, ng/mL"), _stratum("Prostate bed", "Region")
    ('PSA <0.2 ng/mL', 'PSA 1.0-<2.0 ng/mL', 'Prostate bed')
    >>> _stratum("All patients", "PSA (ng/mL)") is None, _stratum("Any region", "Region") is None
    (True, True)
    """
    band = " ".join(label.split())
    if _EVERY_STRATUM.fullmatch(band):
        return None
    if not band or not (band[0].isdigit() or band[0] in "<>≤≥"):
        return band
    name, _comma, unit = heading.partition(",")
    named = _STRATUM_HEADING.match(name)
    if named is None:
        return band
    unit = (unit.strip() or named.group("unit") or "").strip()
    if _DOSE_HEADING.match(named.group("name")) and unit:
        return f"{band} {unit}"  # a dose level: "5.5 kBq/kg" under "Dose level (kBq/kg)"
    return " ".join(part for part in (named.group("name"), band, unit) if part)


#: The heading of a column of dose levels: "Dose level (kBq/kg)", "Activity (GBq)", "Dose (mg/kg)".
_DOSE_HEADING = re.compile(r"(?:dose|activity)(?:\s+level)?\s*$", re.I)
#: The row of a table of strata that holds them all.
_EVERY_STRATUM = re.compile(
    r"(?:all|overall|total)(?:\s+(?:patients|men|pts|participants|regions|sites))?|any\s+(?:region|site)", re.I
)


#: The counts of a total broken down by dose after a colon: "DLTs occurred in 4 patients: 2 at 3.0 µg/kg (...) and 2
#: at 60 µg/kg".
_COUNT_AT_DOSE = re.compile(
    r"(?:[:;,]|\band)\s*(?P<n>\d{1,2}|" + WORD_NUMBER_PATTERN.replace("?P<", "?P<d_") + r")\s+"
    # (a bracket may say what the events were: "and two (grade 4 neutropenia; anaemia) at 300 mg")
    r"(?:\([^()]{1,80}\)\s+)?(?:at|in)\s+(?:the\s+)?(?=" + DOSE_LEVEL + r")",
    re.I,
)
#: The dose level a count of events was at, in the count's clause: "One DLT (grade 4 anaemia) occurred at 200 mg".
_AT_DOSE_IN_CLAUSE = re.compile(r"(?:[^,;:.()\[\]]|\([^()]*\))*?\bat\s+(?:the\s+)?(?=" + DOSE_LEVEL + r")", re.I)


_COLON_AFTER = re.compile(r"\s*(?=:)")


def _counts_at_doses(text: str, values: list[Value]) -> list[Value]:
    """The counts that break a count of patients down by dose level, after a colon: "in 4 patients: 2 at 3.0 µg/kg
    and 2 at 60 µg/kg" (each a count of its dose level); and the counts that follow a count at a dose, their verb
    left out: "One DLT occurred at 200 mg and two (grade 4 neutropenia; anaemia) at 300 mg"."""
    total = next((v for v in values if v.unit == "patients"), None)
    if total is None:
        return []
    colon = _COLON_AFTER.match(text, total.end)
    at_dose = _AT_DOSE_IN_CLAUSE.match(text, total.end) if colon is None else None
    if colon is None and at_dose is None:
        return []
    taken = {v.start for v in values}
    found = []
    for match in _COUNT_AT_DOSE.finditer(text, colon.start() if colon else at_dose.end()):
        number = count_number(match.group("n"))
        if number is not None and match.start("n") not in taken:
            found.append(Value(match.start("n"), match.end("n"), number, "patients"))
    return found


def _share_in_cell(text: str, start: int, end: int) -> Value | None:
    """The percentage of a cell written as a count and its share, "26 (67)" or "3 (8%)", in a table whose heading
    says so ("n (%)")."""
    cell = _COUNT_SHARE_CELL.fullmatch(text, start, end)
    if cell is None:
        return None
    return Value(cell.start("share"), cell.end("share"), float(cell.group("share")), "%")


def _cell_value(text: str, start: int, end: int, stated_unit: str | None) -> Value | None:
    """The value of a table cell ``text[start:end]``: a number with its unit ("66%", "19.1 months", a count with its
    percentage giving the percentage), "not reached", or a bare number in the unit its row states ("33.3")."""
    piece = text[start:end]
    with_unit = find_values(piece)
    if with_unit:
        value = with_unit[0]
        return Value(value.start + start, value.end + start, value.value, value.unit, value.raw_unit)
    if _NOT_REACHED_CELL.match(piece):
        return Value(start, end, None, NOT_REACHED_UNIT)
    bare = _BARE_CELL.fullmatch(piece)
    if bare and stated_unit:
        return Value(start + bare.start("value"), start + bare.end("value"), float(bare.group("value")), stated_unit)
    return None


def _leads_to(between: str) -> bool:
    """Whether the words between an endpoint and a value make the value the endpoint's: "was", "of", "(", or a verb of
    occurrence and the count of a share ("Any PSA decline was observed in 44 patients (" 77.2%)."""
    if _TIGHT.match(between):
        return True
    # (the share's count opens a bracket right before it; only then is the longer pattern tried)
    return len(between) <= 160 and between.rstrip().endswith(("(", "[")) and bool(_ENDPOINT_THEN_SHARE.match(between))


def _without_bracketed_details(before: list[Mention], text: str, offset: int, value_start: int) -> list[Mention]:
    """``before`` (the endpoints written before a value) without the adverse events that a closed bracket names as
    the detail of a total of events: in "DLTs occurred in 1 of 6 at 2.0 mg/kg (grade 3 rash) and in 2 of 4 at 3.0
    mg/kg", the 2 is a count of DLTs, not of rashes."""
    rest = before
    while len(rest) >= 2 and rest[-1].kind == _AE:
        start = rest[-1].start - offset
        close = text.find(")", rest[-1].end - offset, value_start) if start >= 0 else -1  # (in the value's sentence)
        if close < 0 or "(" in text[start:close]:
            return before
        opening = text.rfind("(", 0, start)
        if opening < 0 or ")" in text[opening:start]:
            return before
        rest = [e for e in rest if e.end - offset <= opening]
    return rest if rest and rest[-1].curie in _EVENT_TOTALS and rest is not before else before


def _without_defining_bracket(before: list[Mention], text: str, offset: int, value_start: int) -> list[Mention]:
    """``before`` without the endpoints of a closed bracket right after another endpoint, which they define: in
    "disease control (partial response or stable disease) was achieved in five (56%)", the value is disease
    control's."""
    if len(before) < 2:
        return before
    start = before[-1].start - offset
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start] or text.find(")", before[-1].end - offset, value_start) < 0:
        return before
    defined = [e for e in before if e.end - offset <= opening]
    # (not an abbreviation of the same endpoint: "Treatment-related adverse events (TRAEs) of any grade")
    if defined and not text[defined[-1].end - offset : opening].strip() and defined[-1].curie != before[-1].curie:
        return defined
    return before


def _is_absorbed_unit(unit: str | None) -> bool:
    """Gy, Gy/GBq, mGy/MBq, Sv(RBE5)/GBq, mSv/MBq: doses absorbed by an organ or tumour."""
    return bool(unit) and re.match(r"^m?(?:Gy|Sv)\b", unit) is not None


def _inside(value: Value, spans: list[tuple[int, int]]) -> bool:
    return any(start <= value.start < end or start < value.end <= end for start, end in spans)
