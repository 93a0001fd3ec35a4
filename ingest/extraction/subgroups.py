"""The subgroup or stratum a value belongs to: "in men with liver metastases", "those without", "at PSA <0.5 ng/mL".

A value reported for part of a study's population is not the arm's result: a review table that showed
"median OS 6.1 months, 177Lu-PSMA-617" for the men with liver metastases would mislead. The subgroup is
read from the sentence of the value, in three ways:

* after the value: "... 32% of those at or below 10 Gy", "... 5/10 (50%) men without prior docetaxel",
  "... 21% of chemotherapy-naive men", "... 63% at 2-<5 ng/mL";
* before it, in the same clause: "In patients with visceral metastases, median rPFS was ...",
  "Men whose PSA fell by at least 50% had ...", "In the subgroup with ... the hazard ratio was ...";
* one before each of two values: "Men with liver metastases did worse than those without: median OS
  7.2 versus 15.3 months".

A population the whole study shares is no subgroup: a phrase that names a disease ("patients with
mCRPC") is left alone, and so is one that names an agent other than as a prior therapy ("those with
SOC alone" names an arm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.extraction.mentions import ENDPOINT_KINDS, Mention
from ingest.extraction.prefilter import prefiltered
from ingest.extraction.scanning import LiteralStartPattern
from ingest.extraction.textutil import LIST_SEPARATOR, fold

_POPULATION = r"(?:patients|pts|men|participants|subjects|those|cases|individuals)"
_RELATION = (
    r"(?P<rel>previously\s+treated\s+with|pre-?treated\s+with|who\s+had\s+(?:previously|already)\s+received"
    r"|without|with|whose|who\s+did\s+not\s+(?:have|receive)|who\s+(?:had|have|were|received|achieved)"
    r"|at\s+or\s+(?:below|above)|below|above|treated\s+at|aged|(?:younger|older)\s+than"
    # an age written after the population, without a verb: "patients 65 years of age or older"
    r"|(?P<age>\d{2,3}\s+years(?:\s+of\s+age)?\s+(?:or|and)\s+(?:older|over|above|younger|under|below)))"
)
#: Where a subgroup's words end: punctuation, a verb, a comparison, an endpoint's median.
_PHRASE_END = (
    r"(?=\s*[,;:()\[\]]|\s*\.(?:\s|$)|\s*$|\s+-\s"
    # a value right after the men it is of: "in pts with ≥20 lesions 9.3 vs 5.6 mo"
    r"|\s+\d+(?:\.\d+)?\s*(?:%|months?\b|mo\b)?\s*(?:vs\.?|versus)(?!\w)|(?<=ng/ml)\s+\d+(?:\.\d+)?\s*%"
    r"|(?<!\bless)(?<!\bmore)(?<!\bgreater)(?<!\bfewer)(?<!\blower)(?<!\bhigher)(?<!\blonger)(?<!\bshorter)"
    r"\s+than\b"
    r"|\s+(?:had|has|have|was|were|did|does|showed|achieved|experienced"
    r"|reached|lived|responded|survived|versus|vs\.?|compared|and|but|while|whereas|respectively|occurred|is"
    r"|are|in|(?:more|less)\s+(?:often|frequently|likely))\b"
    r"|\s+(?:the\s+)?(?:median|mean)\s+(?:OS|r?PFS|overall|progression|survival|time|duration|PSA|follow|absorbed"
    r"|dose|response)\b"
    # "for those without liver involvement it was 0.59": a pronoun for the result opens the clause's verb
    r"|\s+(?:it|this|that|they)\s+(?:was|is|were|are)\b"
    # "For men with visceral metastases the hazard ratio for death was 0.88"
    r"|\s+(?:the\s+)?(?:(?:stratified|unstratified|adjusted|unadjusted)\s+)?(?:hazard\s+ratio|HR|odds\s+ratio)\b)"
)
_PHRASE = r"(?:\s+(?P<phrase>[^,;:()\[\]]{1,70}?))?" + _PHRASE_END
#: A count written in words before the men it counts: "In the nine patients with an eGFR below 60 mL/min".
_COUNT_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen"
    r"|(?:twenty|thirty|forty|fifty)(?:-[a-z]+)?)"
)
_ADJECTIVE = (
    r"(?P<adjective>[A-Za-z0-9]+(?:-[A-Za-z0-9&]+)*-(?:naive|naïve|pretreated|experienced|refractory|sensitive|resistant"
    r"|altered|unaltered|mutated|deficient|proficient|eligible|ineligible)|pre-?treated"
    r"|older|younger)"  # (the two sides of a comparison by age: "in men aged 65 or older (...) and in younger men")
)
#: A group of the patients named by its risk or by its part in building a model: "in the high-risk group", "in the
#: validation cohort" (not "high-risk patients", which may be a whole study's population).
_RISK_OR_MODEL_GROUP = (
    r"(?P<risk_group>(?:(?:very\s+)?high|low|intermediate|poor|good|favou?rable|unfavou?rable)[- ]risk"
    r"|development|derivation|training|test(?:ing)?|(?:internal\s+|external\s+)?validation)"
    r"\s+(?:group|cohort|set|category|stratum|subgroup)\b"
)
#: A part of the men cut at quantiles of a measure: "the highest SUVmean quartile", "the lowest tertile", "the
#: second quartile of tumour volume".
_QUANTILE = (
    r"(?P<quantile>(?:highest|lowest|upper|lower|top|bottom|middle|first|second|third|fourth|fifth)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:quartile|tertile|quintile|decile)(?:\s+of\s+(?!the\b|patients\b|men\b)[\w-]+){0,1})\b"
)
_BOUND = r"(?:[<>≤≥]=?|less than|more than|greater than|below|above|under|over)"
_BAND = (
    r"(?P<band>(?:" + _BOUND + r"\s*)?\d+(?:\.\d+)?(?:\s*(?:-|to)\s*(?:[<≤]\s*)?\d+(?:\.\d+)?)?)\s*ng/ml"
    r"(?:\s+or\s+(?P<or>more|higher|greater|above|less|lower|below))?"
)
_PSA_WORDS = (
    r"(?:an?\s+)?(?:(?:serum\s+)?PSA"
    r"(?:\s+(?:levels?|values?|concentrations?|strat(?:um|a)|bands?|categor(?:y|ies)|of))*\s*)?"
)

#: A site of the body that imaging or dosimetry values are given for: "prostate bed", "pelvic lymph nodes", "bone
#: lesions", "nodal metastases", "extrapelvic disease", "other sites".
_SITE_NAMES = (
    r"prostate\s+bed|prostatic\s+fossa|other\s+sites"
    r"|(?:(?:extra-?)?pelvic\s+)?lymph[- ]node\s+(?:lesions?|metastases)"
    r"|(?:(?:extra-?)?pelvic\s+)?(?:lymph[- ]nodes?|nodes|nodal\s+(?:lesions?|metastases|regions?|disease))"
    r"|(?:bone|soft[- ]tissue|extra-?pelvic|distant|visceral|liver|lung|local)\s+(?:\(M1[abc]?\)\s+)?(?:lesions?"
    r"|metastases|disease|recurrences?)"
    # a pattern of disease confined to one region: "pelvis-only disease", "outside the pelvis"
    r"|(?:pelvis|pelvic|prostate[- ]bed|bone|nodal)-only\s+disease|outside\s+the\s+pelvis"
)
_SITE = r"(?P<site>" + _SITE_NAMES + r")(?:\s+(?:region|sites?))?\b"
#: A site of the body written right before the share of men whose scan showed disease there, as a pattern of disease
#: is told: "Local recurrence was found in 21.1%, pelvic nodal disease in 40.3% and distant disease in 18.9%", "seen in
#: the prostate bed in 21.6% of men, in pelvic lymph nodes in 27.4% and at extrapelvic sites in 14.8%", "by region:
#: prostate bed 27.4% (82/299), pelvic lymph nodes 38.5%, bone 11.0%". The site must follow the start of its sentence
#: or clause, or a verb of finding, with no other word between (``_SITE_LEAD``, checked in ``_cue``); the pattern is
#: tried only where the first word of a site is (its ``starts``).
_SITE_AHEAD_OF_VALUE = LiteralStartPattern(
    re.compile(
        r"(?<![\w-])(?P<ahead_site>" + _SITE_NAMES
        + r"|bone(?!\s+(?:scans?|scintigraph\w*|marrow|pain|health|mineral|turnover))|extra-?pelvic\s+sites?"
        r"|distant\s+sites?|visceral\s+organs)"
        r"(?:\s+(?:was|were)\s+(?:found|seen|visible|shown|detected|identified|positive|reported|observed|noted))?"
        r"(?:\s+(?:in|at))?"
        r"(?=\s*\d)",
        re.IGNORECASE,
    ),
    starts=("prostat", "other", "pelvic", "pelvis", "lymph", "nodes", "nodal", "bone", "soft", "extra", "distant",
            "visceral", "liver", "lung", "local", "outside"),
)  # fmt: skip
_SITE_LEAD = re.compile(
    r"(?:^|[,;:.(]\s*|,\s*with\s+|\b(?:and|seen|found|visible|shown|showed|revealed|detected|located|confined\s+to|involved|lay)\s+"
    # (the disease named, then where it lay: "Local recurrence in the prostate bed was found in 19%")
    r"|^\s*(?:local\s+)?(?:recurrence|disease|relapse)\s+)"
    r"(?:(?:in|at)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


class _SitesAheadOfValues:
    """The matches of ``_SITE_AHEAD_OF_VALUE`` in a sentence, as the patterns of ``_BEFORE`` give theirs."""

    @staticmethod
    def finditer(text: str):
        return _SITE_AHEAD_OF_VALUE.finditer(text, fold(text))


#: The primary treatment a recurrence came after, which sets groups of imaging studies apart: "after radical
#: prostatectomy", "after primary radiotherapy".
_PRIMARY_TREATMENT = (
    r"(?P<primary>(?:(?:primary|radical|definitive|external[- ]beam)\s+)?(?:prostatectomy|radiotherapy"
    r"|radiation(?:\s+therapy)?|surgery|brachytherapy|RP|RT|EBRT))\b"
)
#: A dose level of a dose-finding study: "2.0 mg/kg", "7.4 GBq", "DL2", "dose level 3".
_DOSE_AMOUNT = r"\d+(?:\.\d+)?\s*(?:[mµμu]g(?:/(?:kg|m2|m²))?|[GMk]Bq(?:/kg)?|mCi(?:/m2|/m²)?)(?![\w/])"
DOSE_LEVEL = (
    r"(?:" + _DOSE_AMOUNT + r"|DL\s?\d+|dose\s+level\s+\d+|RP2D"
    r"|(?:highest|top|lowest|starting|first|second|third|fourth|fifth)\s+dose\s+level)(?![\w/])"
)
_DOSE_LEVEL = r"(?P<dose>" + DOSE_LEVEL + ")"
#: A subgroup named before its values: "in men with ...", "Men whose ... had", "than those without", "in the
#: subgroup with ...", "in chemotherapy-naive men", "in men with a PSA <0.5 ng/mL".
_BEFORE = tuple(
    prefiltered(pattern, re.IGNORECASE)  # (each run only on sentences that hold the literals its matches need)
    for pattern in (
        r"\b(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+|"
        + _COUNT_WORD
        + r"\s+)?(?:evaluable\s+)?"
        + _POPULATION
        + r"\s+"
        + _RELATION
        + _PHRASE,
        # a subject at the start of a sentence or clause (the clause's mark starts the match: a pattern that starts
        # with a character set is tried only where the set matches)
        r"^\s*(?:the\s+)?" + _POPULATION + r"\s+" + _RELATION + _PHRASE,
        r"[;:,]\s*(?:(?:while|whereas|but)\s+)?(?:the\s+)?" + _POPULATION + r"\s+" + _RELATION + _PHRASE,
        r"\bthan\s+(?:in\s+)?(?:those|patients|men)\s+" + _RELATION + _PHRASE,
        # the second of two subgroups, pointed at: "... (HR 0.61) and those aged 65 years or older (HR 0.55)"
        r"\b(?:and|or)\s+(?:in\s+|among\s+)?those\s+" + _RELATION + _PHRASE,
        r"\bin\s+the\s+(?:subgroup|subset|stratum)\s+(?:of\s+" + _POPULATION + r"\s+)?" + _RELATION + _PHRASE,
        r"\b(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?" + _ADJECTIVE + r"\s+(?:" + _POPULATION + r"|group|cohort)\b",
        r"\b(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?" + _RISK_OR_MODEL_GROUP,
        # "Men in the highest SUVmean quartile had a median rPFS of 14.1 months"
        r"\b(?:in|among|within|for)\s+the\s+" + _QUANTILE,
        # "Docetaxel-naive patients had ...", "... than cabazitaxel-naive men (10.9 versus 15.4 months)"
        r"(?:^|[;:]|\bthan)\s*(?:in\s+)?(?:the\s+)?" + _ADJECTIVE + r"\s+" + _POPULATION + r"\b",
        r"\bin\s+(?:men|patients)\s+with\s+" + _PSA_WORDS + _BAND,
        # a PSA band named as a stratum: "in the PSA 0.5-2.0 ng/mL stratum", "in the <0.5 ng/mL group"
        r"\b(?:in|among|within)\s+the\s+" + _PSA_WORDS + _BAND + r"\s+(?:subgroup|subset|stratum|group|category)\b",
        # a PSA band heading the value of a list item: "By PSA: <2 ng/mL 68.5%; 2 to <5 ng/mL 87.9%", "PSA ≥2 ng/mL:
        # 92%" (at the start of its sentence, clause or item, its value right after it)
        r"(?:^|[;:,]\s*)" + _PSA_WORDS + _BAND + r"\s*[:=,]?\s*(?=\d)",
        # a group named by a word or two, in a study of one arm: "9.8 months in the visceral group and 15.3 months in
        # the non-visceral group" (``_cue`` leaves out the words that name the whole study or an arm)
        r"\b(?:in|among|for)\s+the\s+(?P<group_name>(?:non-?)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:group|cohort)\b",
        # a PSA band that opens a clause: "With PSA 0.2-0.49 ng/mL the rates were 37.8% and 40.5%", "at a PSA level of
        # 0.5 ng/mL or more, 84%"
        r"(?:^|[;:]\s*)(?:with|at|for)\s+(?:an?\s+)?(?:serum\s+)?PSA(?:\s+(?:levels?|values?|of))*\s*" + _BAND,
        # a stratum named in a word or two: "In the high-uptake stratum (SUVmean ≥10), ..., whereas in the low-uptake
        # stratum it was ..."
        r"\b(?:in|among|within)\s+the\s+(?P<phrase>[^\s,;:()\[\]]+(?:\s+[^\s,;:()\[\]]+)?\s+(?:subgroup|subset|stratum))\b",
        # a heading of its own: "Prior 177Lu radioligand subgroup (n=8): PSA50 38%"
        # (not "in the" alone: "...; in the subgroup who had also received X, 66.7%" is named by the pattern above)
        r"^\s*(?!\s*(?:in|among|within)\s+the\s+(?:subgroup|subset|stratum)\b)(?P<phrase>[^,;:()\[\]]{2,50}?)"
        r"\s+(?:subgroup|subset|stratum)\b",
        r"(?:[;:]|\.(?!\d))\s*(?!\s*(?:in|among|within)\s+the\s+(?:subgroup|subset|stratum)\b)"
        r"(?P<phrase>[^,;:()\[\]]{2,50}?)\s+(?:subgroup|subset|stratum)\b",
        # a cut-off that opens a clause with "with": "with an SUVmean below 10, the rates were ...", "With a PSA of 0.5
        # ng/mL or higher, it was 84% and 88%" (a phrase that compares, so no "With a median follow-up of 20 months,",
        # "with 182 patients," nor "With X,")
        r"(?:^|[;:]\s*)with\s+(?P<phrase>(?:an?\s+)?[^,;:()\[\]]{0,40}?(?:[<>≤≥]|\b(?:higher|lower|below|above|more|less"
        r"|greater|under|over)\b)[^,;:()\[\]]{0,30}?)\s*,",
        # two primary treatments set against each other before their values: "more often after radiotherapy than
        # after prostatectomy (88.0% vs 69.7%)"
        r"\b(?:after|following)\s+" + _PRIMARY_TREATMENT + r"(?=\s+than\s+(?:after|following)\b)",
        r"\bthan\s+(?:after|following)\s+" + _PRIMARY_TREATMENT,
        # a site that opens its clause: "For bone metastases, sensitivity was ...", "In the pelvic nodal region, ..."
        r"(?:^|[;:.]\s*)(?:for|in|within)\s+(?:the\s+)?" + _SITE + r"\s*,",
        # a site that heads a bulleted line: "• Pelvic lymph nodes — sensitivity 71.4% vs 28.6%; specificity ..."
        r"^\s*[•▪◦‣⁃*]\s*(?P<bullet_site>" + _SITE_NAMES + r"|bone|(?:pelvic\s+)?lymph\s+nodes)\s*(?:[—–:]|-\s)",
        # responders set against the rest: "responders had a higher tumour dose than non-responders (4.1 vs 1.9)"
        r"(?:^|[;:]\s*|\b(?:in|among)\s+)(?:the\s+)?(?P<responders>(?:PSA(?:30|50|90)?[\s-]+)?responders)\b",
        r"\bthan\s+(?:in\s+)?(?P<responders>non-?responders)\b",
        # doses from a level up, or the recommended one, opening a clause: "At doses ≥2.0 mg/kg (n=18), ...", "At
        # target doses of 300 µg or higher, ...", "At the RP2D, ...", "At the recommended phase 2 dose (n=24): ..."
        r"(?:^|[;:.]\s*)(?:at|with)\s+(?:the\s+)?(?:(?:target\s+)?(?:doses?|activities)\s+(?:of\s+)?)?(?P<dose>"
        r"[<>≤≥]=?\s*" + _DOSE_AMOUNT + r"|" + _DOSE_AMOUNT + r"\s+or\s+(?:higher|more|above|greater)"
        r"|RP2D|recommended\s+(?:phase\s+(?:2|II)\s+)?dose)(?:\s*\([^()]*\))?\s*[,:]",
        # a numbered or expansion cohort opening a clause: "In cohort 4, ...", "In the expansion cohort (n=40), ..."
        r"(?:^|[;:.]\s*)(?:in|among|for)\s+(?:the\s+)?"
        r"(?P<cohort>(?:dose[- ])?(?:expansion|escalation)\s+(?:cohort|phase|part)|(?:cohort|part)\s+(?:\d+|[A-Z])\b)"
        r"(?:\s*\([^()]*\))?\s*[,:]",
        # a treatment cycle that opens its clause: "After the first cycle, grade 1 renal impairment was present in
        # 37.5% ...; after the second cycle the corresponding figures were 31.3% and 12.5%"
        r"(?:^|[;:.]\s*)(?:after|following|during)\s+(?:the\s+)?(?P<cycle>cycle\s+\d+|(?:first|second|third|fourth|fifth"
        r"|sixth|last|final)\s+cycle)\b(?!\s*(?:and|or|to|-|–)\s*(?:cycle\s*)?\d)",
        # a dose level that opens its clause: "At 900 µg, 1 of 6 patients had a DLT"
        r"\bat\s+(?:the\s+)?" + _DOSE_LEVEL + r"\s*,",
        # the course of treatment of a rechallenge study, before its values: "Median OS from the start of rechallenge
        # was 12.2 months", "after rechallenge, it occurred in 45%", "From the first rechallenge cycle, ..."
        r"\b(?:after|at|on|during|following|from|with)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+(?:the\s+)?)?"
        r"(?:first\s+)?(?P<course>(?:first|initial|second)\s+course|re-?challenge|re-?treatment)(?:\s+cycle)?\b",
    )
)
_BEFORE = (*_BEFORE, _SitesAheadOfValues)  # (its own scan: see _SITE_AHEAD_OF_VALUE)

_DOSE_LEVEL_LABEL = re.compile(_DOSE_LEVEL, re.IGNORECASE)
#: The cycle values after it were measured in: "in cycle 1", "after the first cycle" (not a span: "cycles 1 to 4").
_CYCLE_BEFORE = prefiltered(
    r"\b(?:in|after|at|during|following)\s+(?:the\s+)?(?P<cycle>cycle\s+\d+|(?:first|second|third|fourth|fifth"
    r"|sixth|last|final)\s+cycle)\b(?!\s*(?:and|or|to|-|–)\s*(?:cycle\s*)?\d)",
    re.IGNORECASE,
)
#: A dose level after a count of events: "... at 93.3 kBq/kg", "... at the 7.4 GBq level".
_AT_DOSE = re.compile(r"\bat\s+(?:the\s+)?" + _DOSE_LEVEL, re.IGNORECASE)
#: The one dose level of every event counted, after a comma: "occurred in two men, both at 100 kBq/kg".
_ALL_AT_DOSE = re.compile(r",\s*(?:both|all|each)(?:\s+of\s+them)?\s+at\s+(?:the\s+)?" + _DOSE_LEVEL, re.IGNORECASE)
#: The rest of a clause: up to a comma, semicolon, colon or sentence's period outside brackets.
_REST_OF_CLAUSE = re.compile(r"(?:[^,;:.()\[\]]+|\([^()]*\)|\[[^\[\]]*\]|\.(?=\S))*")


def is_dose_level(label: str | None) -> bool:
    """Whether a subgroup's label is a dose level ("2.0 mg/kg", "DL2"): no part of a maximum tolerated dose."""
    return label is not None and _DOSE_LEVEL_LABEL.fullmatch(label) is not None


#: A subgroup named right after a value (past a bracket that closes or holds its share or count).
_AFTER = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,30}\)\s*)?(?:(?:of|in|among|for)\s+)?(?:the\s+)?(?:\d+\s+)?(?:"
    # (the men may go unnamed after their count: "by 82% of the 11 with an alteration and by 62% of the 37 without")
    + r"(?:" + _POPULATION + r"\s+|(?:(?<=\s\d\s)|(?<=\s\d\d\s)|(?<=\s\d\d\d\s))(?=with(?:out)?\b)"
    # (or right after the share's bracket: "in 12 of 29 patients (41%) with an SUVmean of 7.1 or higher", and a cut
    # right after a share: "and in 14% below 7.1")
    + r"|(?<=%\)\s)(?=with\s+(?:an?\s+)?(?:(?:baseline|whole-body|PSMA|tumou?r)\s+)?(?:SUV\w*|PSMA-TV|TTV|MTV|LDH"
    r"|ALP)\b)|(?:(?<=%\s)|(?<=%\)\s))(?=(?:below|above)\s+\d+(?:\.\d+)?(?!\.?\d)(?!\s*(?:ng/ml|%))))"
    + _RELATION + _PHRASE
    # "21% in the taxane-naive cohort", "14% of taxane-experienced and 21% of chemotherapy-naive patients"
    + r"|(?:who\s+were\s+)?" + _ADJECTIVE
    + r"(?:\s+(?:" + _POPULATION + r"|cohort|group)\b|(?=\s*,|\s+(?:and|or)\s+(?:in\s+)?\d|\s*[.;)]|\s*$))"
    # a prior therapy right after a share of the men given it: "13 of the 34 (38.2%) pretreated with X"
    + r"|(?:who\s+(?:were|had\s+been)\s+)?(?P<treatedrel>pre-?treated\s+with|previously\s+treated\s+with)"
    + r"\s+(?P<treatedwhat>[^,;:()\[\]]{1,50}?)" + _PHRASE_END
    # "18.8 months in PSA50 responders and 9.6 months in non-responders"
    + r"|(?P<responders>(?:PSA(?:30|50|90)?[\s-]+)?(?:non-?)?responders)\b"
    # "7.4 months in the high-risk group", "13.2 months in the validation cohort"
    + r"|(?:(?:patients|men)\s+in\s+the\s+)?" + _RISK_OR_MODEL_GROUP
    # "14.5 months in the lowest quartile", "32% of those in the lowest SUVmean quartile"
    + r"|(?:(?:patients|men|those)\s+in\s+the\s+)?" + _QUANTILE
    # "9.8 months in the visceral group" (in a study of one arm; see ``_cue``)
    + r"|(?<=\bthe\s)(?P<group_name>(?:non-?)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:group|cohort)\b"
    # the primary treatment a recurrence came after: "72% after radical prostatectomy and 95% after radiotherapy"
    + r"|(?:after|following)\s+" + _PRIMARY_TREATMENT
    # a pattern of disease: "14.1 months with bone-predominant disease and 9.3 months with visceral metastases"
    + r"|(?P<rel2>with|without)\s+(?P<pattern>[\w-]+(?:\s+[\w-]+)?\s+(?:disease|metastases|involvement))\b"
    # the site a value was read in: "92.3% in the prostate bed", "61.4% for lymph node metastases"
    + r"|(?:(?:at|within|with)\s+)?(?:the\s+)?" + _SITE
    + r"|(?:(?:at|with|for)\s+|(?:men|patients)\s+with\s+|(?=" + _BOUND + r"\s*\d))" + _PSA_WORDS + _BAND
    + r"|(?:after|following)\s+(?P<prior>(?:prior|previous)\s+[^,;:()\[\]]{1,50}?)" + _PHRASE_END
    # the therapies given before, as a group of a cohort is set apart by them: "13.1 months after docetaxel only and
    # 9.2 months after both taxanes"
    + r"|(?:after|following)\s+(?P<given_before>both\s+taxanes|(?:docetaxel|cabazitaxel|chemotherapy|(?:a|one|two)\s+"
    r"taxanes?|an?\s+ARPI|abiraterone|enzalutamide)\s+(?:only|alone))\b"
    + r"|(?:/\d+\s+|[a-z]+(?:-[a-z]+)?\s+)?(?:" + _POPULATION + r"\s+)?(?:treated\s+|dosed\s+)?(?:at|with)\s+"
    r"(?:the\s+)?(?P<dose_bound>[<>≤≥]=?\s*)?" + _DOSE_LEVEL
    # the lettered or numbered cohort or part of a study a value is of: "14% of cohort T and 21% of cohort N", "3.5
    # months in part B"
    + r"|(?:in|of|for)\s+(?:the\s+)?(?P<cohort>(?:cohort|part)\s+(?:\d+|[A-Z])\b)"
    # the treatment cycle a value was measured after: "0.72 Gy/GBq (range 0.41-1.15) after cycle 1"
    + r"|(?:after|in|at|during|following)\s+(?:the\s+)?(?P<cycle>cycle\s+\d+|(?:first|second|third|fourth|fifth|"
    r"sixth|last|final)\s+cycle)\b"
    # the course of treatment of a rechallenge study: "79.7% during the first course and 43.0% at rechallenge", "78% of
    # men after the first course", "10% on rechallenge"
    + r"|(?:(?:these|those)\s+" + _POPULATION + r"\s+|" + _POPULATION + r"\s+)?"
    r"(?:after|in|at|on|during|following|with|for)\s+(?:the\s+)?"
    r"(?P<course>(?:first|initial|second)\s+course|re-?challenge"
    r"|re-?treatment)\b"
    + r")",
    re.IGNORECASE,
)  # fmt: skip
#: The reader or the day of imaging a value was read by or on, right after it: "84.8% (95% CI 77.8-90.3) for reader 1",
#: "54% (reader 1)", "48% on day 0 and 80% on day 1", "75.0% on day-1 imaging". Either may qualify a subgroup ("In the
#: 14 men with PSA below 0.2 ng/mL, the detection rates were 28.6% on day 0 and 50.0% on day 1").
_FACET_AFTER = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,30}\)\s*)?(?:(?:(?:for|by|of)\s+(?:the\s+)?|\(\s*(?=reader\s+\w+\s*\)))"
    r"(?P<reader>reader\s+(?:\d|[A-E])\b)"
    r"|(?:on|at)\s+(?:the\s+)?(?P<day>day[- ]?\d)\b"
    # the time after injection of an early or delayed scan: "64% on early (1 h) images", "18% at 1 h and 26% at 3 h"
    r"|(?:on|at|in)\s+(?:the\s+)?(?:(?P<phase>early|delayed|late)\s+)?(?:\(\s*)?(?P<hours>[1-9]\d?)[- ]?(?:h|hours?)\b"
    r"(?:\s*\))?(?!\s*(?:after|post|of|from)\b)"
    r"|(?:on|at|in)\s+(?:the\s+)?(?P<phase_only>early|delayed|late)\s+(?:images?|scans?|imaging|acquisitions?)\b)",
    re.IGNORECASE,
)
#: PSA bands listed after their values: "58.3%, 75.0% and 92.6% for PSA < 2, 2-<5 and ≥5 ng/mL, respectively".
_RESPECTIVE_BANDS = re.compile(
    # (the verb may come between: "38%, 57% and 84% were observed for PSA levels of <0.5, ...")
    r"(?:\s+(?:were|was)\s+(?:observed|seen|found|recorded|reported|noted|achieved))?"
    r"\s*(?:for|at|with|in)\s+(?:(?:men|patients)\s+with\s+)?" + _PSA_WORDS
    + r"(?P<bands>[^;:()\[\]]{1,120}?)\s*ng/ml(?P<respectively>,?\s+respectively\b)?",
    re.IGNORECASE,
)  # fmt: skip
#: A subgroup's words that are a PSA band.
_BAND_PHRASE = re.compile(r"(?:(?:serum\s+)?PSA(?:\s+(?:levels?|values?|concentrations?|of))*\s*)?" + _BAND, re.I)
_ONE_BAND = re.compile(r"(?:" + _BOUND + r"\s*)?\d+(?:\.\d+)?(?:\s*(?:-|to)\s*(?:[<≤]\s*)?\d+(?:\.\d+)?)?", re.I)
#: What a sentence that names a subgroup holds, lower-cased (or the word "men"): a cheap test before the patterns.
_CLUES = ("patient", "pts", "participant", "subject", "those", "case", "individual", "subgroup", "subset",
          "stratum", "ng/ml", "naive", "naïve", "pretreated", "experienced", "refractory", "prior", "previous",
          "aged", "bq", "mg", "µg", "μg", "dl", "dose level", "mci", "suv", "ldh", "alp", "ctc", "ctdna", "psadt",
          "psa dt", "mtv", "tlv", "ttv", "cycle", "course", "challenge", "retreatment", "reader", "day ", "day-", "bed",
          "fossa", "node", "nodal", "lesion", "metasta", "pelvic", "sites", "cohort", "older", "younger", "rp2d",
          "recommended", "early", "delayed", "hour", " h ", " h)", "-h ", "prostatectomy", "radiotherapy",
          "radiation", "surgery", "brachytherapy", "responders", "risk", "training", "validation", "derivation",
          "development", "group", "quartile", "tertile", "quintile", "decile", "•", "▪", "◦", "‣", "⁃")  # fmt: skip
_MEN = re.compile(r"\bmen\b", re.IGNORECASE)
#: Words of a disease every patient of a study may have: no pattern of disease that sets a part apart.
_WHOLE_POPULATION = re.compile(
    r"(?:advanced|metastatic|progressive|progressing|castration-resistant|hormone-sensitive|recurrent|measurable"
    r"|evaluable|residual|active)\b",
    re.IGNORECASE,
)
#: The two courses of a rechallenge compared in one sentence.
_FIRST_COURSE = re.compile(r"\b(?:first|initial)\s+course\b", re.IGNORECASE)
_SECOND_COURSE = re.compile(r"\b(?:re-?challenge|re-?treatment|second\s+course)\b", re.IGNORECASE)


def compares_courses(text: str) -> bool:
    """Whether a text names both a first course of a treatment and its rechallenge: a study that sets them against
    each other, where every value said to be of one course is of that part ("Median OS from the start of rechallenge
    was 12.2 months")."""
    return _FIRST_COURSE.search(text) is not None and _SECOND_COURSE.search(text) is not None


#: The unit a diagnostic value is counted in: "at the patient level", "per-region", "lesion-based analysis", "on a
#: lesion basis".
_LEVEL = prefiltered(
    r"\b(?:per[- ](?P<per>patient|region|lesion|node)\b"
    r"|(?P<unit>patient|region|lesion|node)(?:[- ](?:level|based|wise)|\s+basis)\b)",
    re.IGNORECASE,
)
#: The population an endpoint is measured in, not a part set apart: ORR "in patients with measurable disease",
#: accuracy "in patients with a reference standard", pain response "in men with pain at baseline".
_ANALYSIS_POPULATION = re.compile(
    r"\b(?:measurable|evaluable|assessable|evaluated|available|reference standard|standard of truth|histopatholog\w*"
    r"|at baseline|follow-up|dosimetry)\b",
    re.IGNORECASE,
)
#: Between the two values of a pair: "50.0% and 35.0%", "12 vs 9 months".
_PAIRED_VALUES = re.compile(r"\s*(?:%|months?|mo)?\s*(?:,\s*(?:and\s+)?|and|vs\.?|versus)\s*", re.IGNORECASE)
#: Two values compared: the second one's group is the rest of the population ("78% vs 39%").
_THAN = re.compile(r"than\b", re.IGNORECASE)
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared with|than|against)(?!\w)", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_IN_THE = re.compile(r"^(?:in|among|within)\s+(?=the\s)", re.IGNORECASE)
_PRIOR = re.compile(r"\b(?:prior|previous(?:ly)?|pre-?treated|pretreatment|earlier|post)\b", re.IGNORECASE)
#: After the first of a pair of values whose factor is named once, after the second ("without"): "3.9 months with
#: versus 7.1 months without visceral metastases".
_WITH_VERSUS = re.compile(r"\s*(?:%|months?|mo|weeks?)?\s+with\s+(?:versus|vs\.?|compared\s+with|and)\s+", re.I)
#: Men "with and without" a feature, set against each other by a pair of values right before or right after:
#: "between men with and without prior docetaxel (65.0% vs 69.6%)", "10.2 vs 16.4 months in men with and without
#: liver metastases".
_WITH_AND_WITHOUT = prefiltered(
    re.compile(
        r"\b(?:men|patients|pts|those|participants)\s+with\s+and\s+without\s+(?P<feature>[^,;:()\[\]]{2,50}?)"
        r"(?=\s*[(\[,;.]|\s+(?:was|were|did|had|and|but|while|whereas)\b|\s*$)",
        re.IGNORECASE,
    )
)
#: Between a pair of values and the men with and without a feature after them: " months in ", "%, respectively, in ".
_PAIR_THEN_MEN = re.compile(r"[^;:()\[\]]{0,25}?\b(?:in|among|for|of|between)\s+$", re.IGNORECASE)
#: Words that point back to a subgroup named before ("those without such a decline").
_POINTING_BACK = re.compile(r"^(?:such|this|that|these|the same|it|them)\b", re.IGNORECASE)
#: A phrase that ends on a pronoun or a bare comparative names nothing on its own ("received it", "more").
_EMPTY_ENDING = re.compile(r"^(?:\w+\s+)?(?:it|them|this|that|these|those|more|less|fewer|so)$", re.IGNORECASE)
_NEGATIVE = ("without", "who did not have", "who did not receive")
#: A relation that names a therapy received before the study: its agent is a prior therapy, not an arm.
_TREATED_BEFORE = re.compile(r"previously treated with|pre-?treated with|who had \w+ received")
_SIGNS = {"less than": "<", "below": "<", "under": "<", "more than": ">", "greater than": ">", "above": ">",
          "over": ">"}  # fmt: skip
#: The sign of a bound written after its number: "2.0 ng/mL or above" is ≥2.0, "0.5 or lower" ≤0.5.
_SIGNS_AFTER = {"more": "≥", "higher": "≥", "greater": "≥", "above": "≥", "less": "≤", "lower": "≤", "below": "≤"}
_MOST_WORDS = 12
#: A sentence that reads ratios as predictors': "In the multivariable model, elevated LDH (HR 1.83 ...)".
_PREDICTOR_CUE = prefiltered(
    r"\b(?:multivariabl\w*|multivariat\w*|independent(?:ly)?|predictors?|predicted|predictive|prognostic"
    r"|associated\s+with|risk\s+factors?|covariates?|(?:higher|lower|greater|increased|reduced)\s+risk)\b",
    re.IGNORECASE,
)
#: Between a factor and the ratio in brackets after it: "elevated LDH (HR", "(adjusted HR".
_BRACKET_BEFORE_RATIO = re.compile(r"[(\[]\s*(?:adjusted\s+)?$", re.IGNORECASE)
#: Where the factor before a ratio starts: after the last comma, semicolon, colon, "and" or "or".
_FACTOR_START = re.compile(
    r"[,;:]|\b(?:and|or)\b(?!\s+(?:more|less|greater|higher|lower|above|below|fewer|over|under)\b)", re.IGNORECASE
)
#: Words that make a phrase a statement, not a factor: "Visceral disease predicted death independently (HR ...)".
_STATEMENT = re.compile(
    r"\b(?:was|were|is|are|remained|predict\w*|associated|had|has|have|showed|improved|reduced|increased"
    r"|decreased|prolonged|shortened|longer|shorter|compared|versus|vs|than|independently|model|analys[ie]s)\b",
    re.IGNORECASE,
)
_MOST_FACTOR_WORDS = 9
_RATIO_WORD = re.compile(r"\b(?:(?-i:HRs?|ORs?|RRs?)|hazard\s+ratios?|odds\s+ratios?|risk\s+ratios?)\b", re.IGNORECASE)
#: Words that make a subject more than a factor: "Treatment was stopped and a rise ...".
_VERB_IN_SUBJECT = re.compile(r"\b(?:was|were|is|are|had|has|have|showed|versus|vs|compared|model|analys[ie]s)\b", re.I)
#: A predictor made the subject of its sentence or clause: "A PSA doubling time shorter than 6 months was associated
#: with a positive scan", "In multivariable analysis, a short PSADT was independently associated with ...".
_SUBJECT_FACTOR = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:whereas|while|and|but)\s+)?(?:an?\s+|the\s+)?(?P<factor>[A-Za-z][^,;:()\[\]]{2,70}?)"
    r"\s+(?:was|were)\s+"
    r"(?:(?:independently|significantly|strongly|also)\s+)?(?:associated\s+with|predictive\s+of|linked\s+to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    label: str
    #: What the rest of the population is called ("no liver metastases" for "liver metastases").
    complement: str
    #: Set apart by a therapy received before: of a comparison of arms, that is the population ("in men previously
    #: treated with an ARPI, X extended OS from 11.3 to 15.3 months"), no subgroup.
    treated: bool = False
    #: Opens the sentence as its heading ("For pelvic nodes, X had ...; the corresponding figures for Y were ..."):
    #: its values run past a semicolon.
    heading: bool = False
    #: Names the part of the values right after it, up to the next endpoint: "Distant metastases were identified in
    #: 13.3% ..., and management changed in 21.3%" (the change is of all the men).
    ahead: bool = False
    #: A group the text names by a word ("in the visceral group"): a part of the men only in a study of one arm.
    grouped: bool = False


class SentenceSubgroups:
    """The subgroups a sentence names, read once for all its values.

    ``text`` is the sentence, ``mentions`` its mentions (at ``offset`` in the document) and ``values`` the start and
    end of every value of the sentence (a list of PSA bands may span several groups of values).
    """

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        offset: int,
        values: list[tuple[int, int]],
        one_arm: bool = False,
        courses: bool = False,
    ):
        self.text, self.mentions, self.offset, self.values = text, mentions, offset, values
        #: The study has one arm: a group it names ("in the visceral group") can only be a part of it.
        self.one_arm = one_arm
        #: The study sets a first course of its treatment against a rechallenge (see ``compares_courses``).
        self.courses = courses
        lowered = text.lower()
        self.named = any(clue in lowered for clue in _CLUES) or _MEN.search(text) is not None
        self._before: list[_Cue] | None = None
        self._listed: dict[int, str] | None = None
        self._facets: dict[int, str] = {}
        self._levels: list[tuple[int, int, str]] | None = None
        #: The one reader the sentence names, and where its name ends (see ``_reader_before``), once looked for.
        self._one_reader: tuple[int, str] | None = None
        self._readers_looked_for = False
        self._cycles: list[tuple[int, str]] | None = None
        #: The parts given to the values of the sentence so far, in order: a later pair "respectively" may be theirs.
        self._given: list[list[str | None]] = []
        #: The same with the readers and days of the values.
        self._given_parts: list[list[str | None]] = []

    def of(self, positions: list[tuple[int, int]], arms: list[str | None]) -> list[str | None]:
        """The subgroup of each of a group's values (start and end in the sentence; ``arms`` their arms), or None."""
        if not positions or not self.named:
            return [None] * len(positions)
        if self._before is None:
            self._before = _cues(_before(self.text), self.text, self.mentions, self.offset, courses=self.courses)
            values = self.values or positions
            listed = respective_parts(self.text, values)  # (one scan for the subgroups and the facets)
            self._listed = (
                respective_bands(self.text, values)
                or respective_doses(self.text, values)
                or next((parts for kind, parts in listed if kind in ("bands", "sites")), {})
            )
            self._facets = next((parts for kind, parts in listed if kind in ("readers", "days")), {})
        # (a subgroup named right before an earlier value of the sentence is that value's: "X in 21%, Y in 40%")
        taken = {start for start, _end in self.values if start < positions[0][0]}
        found = _named_subgroups(
            self.text, positions, arms, self.mentions, self.offset, self._before, taken, self.one_arm, self.courses
        )
        if len({arm for arm in arms if arm}) > 1:
            treated = {cue.label for cue in self._before if cue.treated}
            found = [None if label in treated else label for label in found]
        found = _marker_strata(self.text, positions, found)
        labels = [self._listed.get(start, label) for (start, _end), label in zip(positions, found, strict=True)]
        for index in range(len(labels) - 1):  # "3.9 months with versus 7.1 months without visceral metastases"
            following = labels[index + 1]
            if (
                labels[index] is None
                and following
                and following.startswith("no ")
                and _WITH_VERSUS.match(self.text, positions[index][1])
            ):
                labels[index] = following.removeprefix("no ")
        if len(positions) >= 2 and "with and without" in self.text:
            for index in range(len(positions) - 1):
                pair = _with_and_without(self.text, positions[index : index + 2])
                if pair:
                    labels[index : index + 2] = pair
        if len(set(labels)) == 1 and _RESPECTIVE_PAIR.match(self.text, positions[-1][1]):
            # "10.1 months in X and 15.8 months in Y, and PSA50 rates were 34.1% and 51.8%, respectively"
            earlier = next((given for given in reversed(self._given) if len(given) == len(labels)), None)
            if earlier and None not in earlier and len(set(earlier)) == len(earlier):
                labels = list(earlier)
        if len(set(labels)) == len(labels) > 1 and None not in labels:
            self._given.append(list(labels))
        facets = [
            _both_facets(_facet_after(self.text, end), self._facets.get(start)) or self._reader_before(start)
            for start, end in positions
        ]
        parts = [", ".join(part for part in pair if part) or None for pair in zip(facets, labels, strict=True)]
        if len(parts) >= 2 and not any(parts) and _RESPECTIVE_PAIR.match(self.text, positions[-1][1]):
            # "... 44.1% for reader 1 and 50.0% for reader 2, while the specificity was 96.4% and 94.0% respectively":
            # the readers (or parts) of the run before, in turn
            earlier = next((given for given in reversed(self._given_parts) if len(given) == len(parts)), None)
            if earlier:
                return list(earlier)
        if len(set(parts)) == len(parts) > 1 and None not in parts:
            self._given_parts.append(parts)
        return parts

    def _reader_before(self, start: int) -> str | None:
        """The one reader a sentence names, for a value at ``start`` after it: "For reader 2, the PPV was 0.59 and the
        NPV 0.78", "Reader 1, the most experienced, reached a sensitivity of 91%"; None when it names two or more."""
        if not self._readers_looked_for:
            self._readers_looked_for = True
            named: dict[str, int] = {}
            for match in _ONE_READER.finditer(self.text):
                named.setdefault(_part_label(match.group()).upper().replace("READER", "reader"), match.end())
            self._one_reader = next((end, label) for label, end in named.items()) if len(named) == 1 else None
        return self._one_reader[1] if self._one_reader and self._one_reader[0] <= start else None

    def factor(self, start: int) -> str | None:
        """The factor a ratio at ``start`` belongs to, in a sentence of predictors: "In the multivariable model,
        elevated LDH (HR 1.83 ...) and liver metastases (HR 1.62 ...) remained associated with shorter survival"
        gives "elevated LDH" and "liver metastases"; None when the words before the ratio's bracket are no factor."""
        return self._bracketed_factor(start) or self._subject_factor(start)

    def _bracketed_factor(self, start: int) -> str | None:
        """The factor right before the bracket of a ratio at ``start`` ("elevated LDH (HR 1.83 ..."), or None."""
        bracket = _BRACKET_BEFORE_RATIO.search(self.text, max(0, start - 12), start)
        if bracket is None or not _PREDICTOR_CUE.search(self.text):
            return None
        before = self.text[max(0, bracket.start() - 80) : bracket.start()]
        cuts = [m.end() for m in _FACTOR_START.finditer(before)]
        if not cuts and bracket.start() > 80:
            return None
        first = cuts[-1] if cuts else 0
        words = _ARTICLE.sub("", " ".join(before[first:].split()))
        if not words or len(words.split()) > _MOST_FACTOR_WORDS or _STATEMENT.search(words) or ")" in words:
            return None
        start_at = bracket.start() - len(before) + first
        for mention in self.mentions:
            inside = start_at <= mention.start - self.offset < bracket.start()
            if inside and (
                mention.kind in ("Endpoint", "AdverseEvent", "ClinicalTrial")
                or (mention.is_agent and not _PRIOR.search(words))
            ):
                return None  # an endpoint, a trial or an arm, not a factor of the patients
        return _sentence_case(words)

    def _subject_factor(self, start: int) -> str | None:
        """The factor a sentence of a predictor makes its subject, for a ratio at ``start`` after it: "A PSA doubling
        time shorter than 6 months was associated with a positive scan (odds ratio 2.9 ...)" gives "PSA doubling time
        shorter than 6 months"; None when the subject names an endpoint, a trial or an arm."""
        subject = None
        for match in _SUBJECT_FACTOR.finditer(self.text, 0, start):
            subject = match
        if (
            subject is None
            or _clause_break(self.text, subject.end(), start)
            or _RATIO_WORD.search(self.text, subject.end(), start)  # (the subject's own ratio is the first after it)
        ):
            return None
        words = _ARTICLE.sub("", " ".join(subject.group("factor").split()))
        if len(words.split()) > _MOST_FACTOR_WORDS or _VERB_IN_SUBJECT.search(words):
            return None
        for mention in self.mentions:
            if subject.start("factor") <= mention.start - self.offset < subject.end("factor") and (
                mention.kind in ("Endpoint", "AdverseEvent", "ClinicalTrial")
                or (mention.is_agent and not _PRIOR.search(words))
            ):
                return None
        return _sentence_case(words)

    def dose_after(self, end: int, stop: int) -> str | None:
        """The dose level a dose-limiting toxicity was seen at, named after its count in the same clause: "1 DLT
        (grade 4 anemia) at 93.3 kBq/kg", "One DLT occurred at dose level 3", "2/6 pts w/ DLT at 7.4 GBq"; None
        when its clause (up to ``stop``, the next value) names none: "DLTs occurred in 3 pts: 1 at 240 µg/kg" (the
        total of a breakdown), "One DLT occurred (1 of 22), in cohort 6 at 80 kBq/kg" (a share of all patients)."""
        clause = _REST_OF_CLAUSE.match(self.text, end, stop)
        clause_end = clause.end() if clause else stop
        dose = _AT_DOSE.search(self.text, end, clause_end) or _ALL_AT_DOSE.match(self.text, clause_end, stop)
        return " ".join(dose.group("dose").split()) if dose else None

    def cycle(self, start: int) -> str | None:
        """The treatment cycle an absorbed dose at ``start`` was measured in, named before it in its clause: "In
        cycle 1, the mean absorbed dose ... was 0.72 Gy/GBq", "Mean absorbed doses after cycle 1 were ..."."""
        if self._cycles is None:
            self._cycles = [
                (m.end(), " ".join(m.group("cycle").lower().split())) for m in _CYCLE_BEFORE.finditer(self.text)
            ]
        for cue_end, label in reversed(self._cycles):
            if cue_end <= start:
                return None if ";" in self.text[cue_end:start] else label
        return None

    def level(self, start: int) -> str | None:
        """The unit of analysis a diagnostic value at ``start`` is counted in ("patient level", "region level"),
        named before it in its clause; or None."""
        if self._levels is None:
            self._levels = [(m.start(), m.end(), _level(m)) for m in _LEVEL.finditer(self.text)]
        for cue_start, cue_end, label in reversed(self._levels):
            if cue_end <= start:
                return None if ";" in self.text[cue_start:start] else label
        return None


#: The men a part is of, as it opens the words before its bracket: "in patients ", "as well as in those ", "and ".
_PART_OPENING = re.compile(
    r"^(?:.*?\b(?:in|among|for)\s+(?:the\s+)?(?:" + _POPULATION + r")\s+|(?:(?:and|or|as\s+well\s+as)\s+)?"
    r"(?:(?:in|among|for)\s+)?(?:(?:the\s+)?" + _POPULATION + r"\s+)?)",
    re.IGNORECASE,
)
#: After the last bracket of a pair of parts named only "with" and "without": the words both share.
_SHARED_AFTER = re.compile(
    r"\s*(?:(?:or|and)\s+(?:with|without)\s*[(\[][^()\[\]]*[)\]]\s*)?(?P<words>[^,;:.()\[\]]{2,50})"
)


def part_before_bracket(text: str, bracket: int) -> str | None:
    """The part of the men a value in brackets at ``bracket`` is of, named right before it, in a list of such parts:
    "in patients younger than 65 years (0.36; ...), aged 65-74 years (0.44; ...) and in those with (0.51; ...) or
    without (0.39; ...) visceral metastases" gives "younger than 65 years", "aged 65-74 years", "visceral metastases"
    and "no visceral metastases"; None when the words before it name no part."""
    stop = max(text.rfind(")", 0, bracket), text.rfind("]", 0, bracket), text.rfind(",", 0, bracket),
               text.rfind(";", 0, bracket))  # fmt: skip
    words = " ".join(text[stop + 1 : bracket].split())
    opening = _PART_OPENING.match(words)
    words = words[opening.end() :] if opening else words
    if words.lower() in ("with", "without"):
        shared = _SHARED_AFTER.match(text, text.find(")", bracket) + 1)
        if shared is None:
            return None
        named = " ".join(shared.group("words").split())
        return named if words.lower() == "with" else f"no {named}"
    if not words or len(words.split()) > _MOST_WORDS or not re.search(r"[A-Za-z]", words):
        return None
    return words


def _named_subgroups(
    text: str,
    positions: list[tuple[int, int]],
    arms: list[str | None],
    mentions: list[Mention],
    offset: int,
    before: list[_Cue],
    taken: set[int] | None = None,
    one_arm: bool = True,
    courses: bool = False,
) -> list[str | None]:
    if not one_arm:  # ("in the combination group": in a study of two arms or more, or of compared parts of one, an arm)
        before = [cue for cue in before if not cue.grouped]
    after: list[_Cue | None] = []
    for _start, end in positions:  # (a subgroup named after an earlier value may be pointed back at: "of those below")
        earlier = sorted([c for c in before if c.end <= end] + [c for c in after if c is not None], key=lambda c: c.end)
        cue = _after(text, end, mentions, offset, earlier, courses)
        after.append(None if cue is not None and cue.grouped and not one_arm else cue)
    for index in range(len(positions) - 2, -1, -1):
        # "50.0% and 35.0% at PSA <0.5 ng/mL": a pair of two arms' values shares the subgroup named after it
        if (
            after[index] is None
            and after[index + 1] is not None
            and arms[index] != arms[index + 1]
            and _PAIRED_VALUES.fullmatch(text, positions[index][1], positions[index + 1][0])
        ):
            after[index] = after[index + 1]
    first = positions[0][0]
    ahead = [
        cue for cue in before
        if cue.end <= first and (cue.heading or not _clause_break(text, cue.end, first))
        and not (taken and _SPACES.match(text, cue.end).end() in taken)
    ]  # fmt: skip
    paired = len(positions) >= 2 and len(ahead) == len(positions) and not any(after)
    found: list[str | None] = []
    for index, (start, _end) in enumerate(positions):
        if after[index]:
            found.append(after[index].label)
        elif paired:
            found.append(ahead[index].label)  # one subgroup named before each value, in the same order
        else:
            nearest = [
                cue for cue in before if cue.end <= start and (cue.heading or not _clause_break(text, cue.end, start))
                and not (cue.ahead and _endpoint_between(mentions, offset, cue.end, start))
            ]  # fmt: skip
            cue = nearest[-1] if nearest else None
            # "Men given 10 Gy or more responded more often than those below 10 Gy (79% vs 38%)": the men named
            # after "than" are the second of the pair, the rest the first
            second = (
                cue is not None
                and cue.complement
                and cue.label not in ("no", "not")
                and _THAN.match(text, cue.start)
                and len(positions) >= 2
                and cue.end <= positions[0][0]
                and _VERSUS.search(text, positions[0][1], positions[1][0])
            )
            mine, rest = (cue.complement, cue.label) if second else (cue.label, cue.complement) if cue else (None, None)
            if (
                cue is not None
                and index > 0
                and found[index - 1] == mine
                and arms[index] == arms[index - 1]
                and _VERSUS.search(text, positions[index - 1][1], start)
            ):
                found.append(rest or None)  # "Men whose X ... (78% vs 39%)": the second value is the rest
            else:
                found.append(mine)
    return found


#: A stratum of a marker cut at a value, written right before a result in telegraphic text: "SUVmean ≥10 62% vs <10
#: 33%", "LDH >250 U/L 7.1 mo" (the second cut of a pair without its marker's name: "vs <10").
MARKER_CUT = re.compile(
    r"(?:\b(?P<marker>SUV\w*|LDH|ALP|CTCs?|ctDNA|PSADT|PSA\s*DT|MTV|TLV|TTV)\s*|\b(?:vs\.?|versus)\s+)"
    r"(?P<cut>[<>≤≥]=?\s*\d+(?:\.\d+)?)(?:\s*(?P<unit>U/L|IU/L|mL|months?|mo|cells/7\.5\s*mL))?\s*$",
    re.IGNORECASE,
)


def _with_and_without(text: str, positions: list[tuple[int, int]]) -> list[str | None] | None:
    """The parts of a pair of values set against each other as the men with and without a feature, the pair in a
    bracket right after them or right before them; None when no such men are named there."""
    (first, first_end), (second, second_end) = positions
    if not _PAIRED_VALUES.fullmatch(text, first_end, second):
        return None
    for match in _WITH_AND_WITHOUT.finditer(text):
        bracket = _PAIR_BRACKET.match(text, match.end())
        after = bracket is not None and bracket.end() == first
        before = second_end <= match.start() and _PAIR_THEN_MEN.fullmatch(text, second_end, match.start())
        if after or before:
            feature = " ".join(match.group("feature").split())
            return [feature, f"no {feature}"]
    return None


#: From the end of the men with and without a feature to the first value of their pair: " (".
_PAIR_BRACKET = re.compile(r"\s*[(\[]\s*(?:median\s+)?")


def _marker_strata(text: str, positions: list[tuple[int, int]], found: list[str | None]) -> list[str | None]:
    """``found`` with the strata of a marker cut right before a value ("SUVmean ≥10 62% vs <10 33%" gives
    "SUVmean ≥10" and "SUVmean <10") where nothing else named a subgroup."""
    result = list(found)
    marker = None
    for index, (start, _end) in enumerate(positions):
        cut = MARKER_CUT.search(text, max(0, start - 30), start)
        if cut is None:
            marker = None
            continue
        marker = cut.group("marker") or marker
        if marker is None or result[index] is not None:
            continue
        unit = f" {cut.group('unit')}" if cut.group("unit") else ""
        result[index] = f"{marker} {''.join(cut.group('cut').split())}{unit}"
    return result


#: Dose levels listed after a run of values, one each, with "respectively": "... in 1 of 3, 3 of 6 and 5 of 6 men in
#: the 1.11, 1.85 and 2.59 GBq cohorts, respectively", "33%, 50% and 83% at 2, 4 and 6 mg/kg, respectively".
_RESPECTIVE_DOSES = re.compile(
    r"(?:\s*(?:/|of)\s*\d+)?\s*(?:\)\s*)?(?:(?:men|patients|pts|participants)\s+)?"
    r"(?:(?:were\s+)?(?:treated|observed|seen|recorded|reported)\s+)?"
    r"(?:at|in|with|for|receiving)\s+(?:the\s+)?(?:(?:dose\s+levels?|activities|doses)\s+(?:of\s+)?)?"
    r"(?P<doses>\d+(?:\.\d+)?(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\d+(?:\.\d+)?)+)\s*"
    r"(?P<unit>GBq|MBq/kg|MBq|kBq/kg|mg/kg|[µμu]g/kg|mCi|mg|[µμu]g)(?![\w/])"
    r"(?:\s+(?:cohorts?|groups?|arms?|levels?|dose\s+levels?))?,?\s+respectively\b",
    re.IGNORECASE,
)


def respective_doses(text: str, positions: list[tuple[int, int]]) -> dict[int, str]:
    """The dose level of each of the last values (by start), listed after them with "respectively".

    >>> respective_doses("PSA50 in 33%, 50% and 83% at 2, 4 and 6 mg/kg, respectively.", [(9, 12), (14, 17), (22, 25)])
    {9: '2 mg/kg', 14: '4 mg/kg', 22: '6 mg/kg'}
    """
    match = _RESPECTIVE_DOSES.match(text, positions[-1][1]) if positions else None
    if match is None:
        return {}
    doses = [part for part in LIST_SEPARATOR.split(match.group("doses")) if part]
    if len(doses) < 2 or len(doses) > len(positions):
        return {}
    unit = match.group("unit")
    return {start: f"{dose} {unit}" for (start, _end), dose in zip(positions[-len(doses) :], doses, strict=True)}


_LIST_GLUE = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
#: A site of the body as a list names it: "the prostate bed, pelvic lymph nodes and bone".
_SITE_WORD = (
    r"(?:the\s+)?(?:prostate\s+bed|prostatic\s+fossa|prostate|(?:pelvic\s+)?(?:lymph[- ]nodes?|nodes)|bone|viscera"
    r"|visceral\s+organs|(?:distant|extra-?pelvic|other)\s+sites|lungs?|liver)\b"
)
_READER = r"(?:\d|[A-E])\b"
_DAY = r"day[- ]?\d\b"
_ONE_READER = re.compile(r"\breader[- ]?(?:\d|[A-E])\b(?![-–])", re.IGNORECASE)
_READER_SPAN = re.compile(r"([1-9])\s*(?:to|-|–)\s*([1-9])")
#: The parts a run of values is given for, listed in one phrase: readers ("for readers 1, 2 and 3"), days of imaging
#: ("on day 0 and day 1"), PSA bands written before their values ("For PSA levels <0.5, 0.5-1 and >1 ng/mL, ...").
_PART_LIST = re.compile(
    # (readers may open the sentence as its subject: "Readers 1, 2 and 3 found disease in 82%, 84% and 80% of men")
    r"(?:\b(?:for|in|on|at|among|by|of)\s+(?:the\s+)?|^(?=readers\b))(?:"
    + r"readers?\s+(?P<readers>" + _READER + r"(?:" + _LIST_GLUE + _READER + r")+|[1-9]\s*(?:to|-|–)\s*[1-9]\b)"
    + r"|(?P<days>" + _DAY + r"(?:" + _LIST_GLUE + r"(?:" + _DAY + r"|\d\b))+)"
    + r"|(?:(?:men|patients)\s+with\s+)?" + _PSA_WORDS + r"(?P<bands>[^;:()\[\]]{1,80}?)\s*ng/ml"
    + r"|(?P<sites>" + _SITE_WORD + r"(?:" + _LIST_GLUE + _SITE_WORD + r")+)"
    + r")",
    re.IGNORECASE,
)  # fmt: skip
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
#: Right after the last value of a run, the word that gives its values to things named before in turn.
_RESPECTIVE_PAIR = re.compile(r"\s*%?\s*(?:\([^()]*\)\s*)?,?\s*respectively\b", re.IGNORECASE)


def _facet_after(text: str, end: int) -> str | None:
    """The reader, imaging day or hour after injection named right after a value ending at ``end`` ("reader 1", "day
    0", "1 h", "early images"), or None."""
    facet = _FACET_AFTER.match(text, end)
    if facet is None:
        return None
    if facet.group("hours"):
        return f"{facet.group('hours')} h"
    if facet.group("phase_only"):
        return f"{facet.group('phase_only').lower()} images"
    return _part_label(facet.group("reader") or facet.group("day"))


def _both_facets(after: str | None, listed: str | None) -> str | None:
    """The facet of a value: that of a list of parts, with the one named right after the value when it is of another
    kind ("... 80% for readers 1, 2 and 3, compared with 44%, 51% and 62% on day 0": "day 0, reader 3"; but in "30%
    and 55% on day 0 and day 1, respectively" the 55% is of day 1 alone)."""
    if after and listed and after.split()[0] != listed.split()[0]:
        return f"{after}, {listed}"
    return listed or after


def respective_parts(text: str, positions: list[tuple[int, int]]) -> list[tuple[str, dict[int, str]]]:
    """Each list of parts ("bands", "sites", "readers", "days") that gives a run of values their parts, in text order,
    with the part of each value (by start): the list before the values with "respectively" ("For readers 1, 2 and 3,
    sensitivity was 40%, 43% and 31%, and specificity 98%, 97% and 98%, respectively": each run of as many values as
    parts, in turn), between two runs, or after them ("45% and 62% on day 0 and day 1, respectively"; PSA bands listed
    after their values are ``respective_bands``'); readers or days also without "respectively", right after a run.

    >>> text = "For readers 1, 2 and 3, the CLR was 51%, 55% and 53%, respectively."
    >>> respective_parts(text, [(36, 39), (41, 44), (49, 52)])
    [('readers', {36: 'reader 1', 41: 'reader 2', 49: 'reader 3'})]
    """
    if not positions:
        return []
    respectively = _RESPECTIVELY.search(text, positions[0][1]) is not None
    if not respectively and "reader" not in text.lower():
        return []  # (without "respectively", only readers listed right after their values)
    found: list[tuple[str, dict[int, str]]] = []
    for match in _PART_LIST.finditer(text):
        kind = match.lastgroup or ""
        items = [part for part in LIST_SEPARATOR.split(match.group(kind)) if part]
        if kind == "bands":
            if match.start() > positions[0][0] or not all(_ONE_BAND.fullmatch(item) for item in items):
                continue
            labels = [_psa_band(item) for item in items]
        elif kind == "readers":
            span = _READER_SPAN.fullmatch(match.group(kind))  # "readers 1 to 3": each of them
            numbers = range(int(span.group(1)), int(span.group(2)) + 1) if span else ()
            labels = [f"reader {n}" for n in numbers] or [f"reader {item.upper()}" for item in items]
        elif kind == "sites":
            if match.start() < positions[-1][1]:
                continue  # (sites listed before the values are their subjects, read as such: "the prostate bed in 24%")
            labels = [" ".join(item.lower().split()).removeprefix("the ") for item in items]
        else:
            labels = [_part_label(item if item[0].isalpha() else f"day {item}") for item in items]
        if len(labels) < 2:
            continue
        before = [start for start, end in positions if end <= match.start()]
        after = [start for start, _end in positions if start >= match.end()]
        aside = _BRACKET_AFTER_LIST.match(text, match.end())
        if aside:  # (a summary in brackets right after the list is no value of a part: "for readers 1, 2 and 3 (median
            # 77%), and specificity 91%, 96% and 87%")
            after = [start for start in after if start >= aside.end()]
        if not respectively:
            # without "respectively", only readers or days right after a run of as many values, or after runs of as
            # many each: "in 59%, 66% and 61% of patients by readers 1, 2 and 3", "sensitivity was 40%, 43% and 38%
            # and specificity 97%, 98% and 96% for readers 1, 2 and 3"
            if kind == "readers" and match.start() == 0 and not before:
                # readers as the subject of a run of as many values: "Readers 1, 2 and 3 found disease in 82.5%, 84.2%
                # and 80.3% of men"
                if len(after) == len(labels):
                    found.append((kind, dict(zip(after, labels, strict=True))))
                continue
            if kind not in ("readers", "days") or not before or len(before) % len(labels):
                continue
            if after and not (
                len(after) == len(labels)
                and (_SET_AGAINST_RUN.match(text, match.end()) or _parallel_run(text, match.end()))
            ):
                continue  # (a run after the list is theirs only when set against the run before, "..., compared
                # with 44%, 51% and 62% on day 0", or another endpoint's run for the same parts)
            last_end = max(end for _start, end in positions if end <= match.start())
            if not _RIGHT_BEFORE_LIST.fullmatch(text, last_end, match.start()):
                continue
        if match.end() <= positions[0][0]:
            run = after
        elif not respectively and after:
            run = before[-len(labels) :] + after
        elif match.start() >= positions[-1][1]:
            run = before if len(before) % len(labels) == 0 else before[-len(labels) :]
        elif len(before) % len(labels) == 0 and len(after) % len(labels) == 0:
            # between two runs: "30.6%, 27.8% and 33.3% for readers 1, 2 and 3, respectively, while specificity was
            # 93.6%, 96.4% and 92.9%": each run in turn
            run = before + after
        else:
            continue
        if len(run) < len(labels) or len(run) % len(labels):
            continue
        found.append((kind, {start: labels[index % len(labels)] for index, start in enumerate(run)}))
    return found


_BRACKET_AFTER_LIST = re.compile(r"\s*\([^()]{0,40}\)")
#: What sets a second run of values against the readers or days of the first: ", compared with", "versus".
_SET_AGAINST_RUN = re.compile(
    r",?\s*(?:respectively\s*,?\s*)?(?:compared\s+(?:with|to)|versus|vs\.?|against|as\s+against)\s+(?=\d)",
    re.IGNORECASE,
)
#: What a second run after the readers or days of a first is of when it has parts of its own: "..., and 45%, 50% and 52%
#: by consensus".
_OTHER_READ = re.compile(r"\b(?:readers?|consensus|majority|central|local|pooled|days?)\b", re.IGNORECASE)


def _parallel_run(text: str, list_end: int) -> bool:
    """Whether the run of values after a list of readers or days (ending at ``list_end``) is another endpoint's for the
    same parts, in turn: "30%, 27% and 23% for readers 1, 2 and 3, and specificity was 93%, 94% and 97%" (no other
    reader, read or day named after the list)."""
    return _OTHER_READ.search(text, list_end) is None


#: Between the last value of a run and the readers listed for it: "of patients by ", " for ".
_RIGHT_BEFORE_LIST = re.compile(r"\s*%?\s*(?:of\s+(?:the\s+)?(?:patients|men|scans)\s+)?", re.IGNORECASE)


def _part_label(words: str) -> str:
    """ "day 1" for "Day-1", "reader B" for "Reader B"."""
    word, _space, rest = " ".join(re.sub(r"^(day|reader)[- ]?", r"\1 ", words, flags=re.I).split()).partition(" ")
    return f"{word.lower()} {rest}"


def respective_bands(text: str, positions: list[tuple[int, int]]) -> dict[int, str]:
    """The PSA band of each of the last values (by start), listed after them with "respectively" (a value before
    the list, "71% overall, and 44%, 67% and 89% for ...", has none); without "respectively", only a list of as
    many bands as the sentence has values ("38%, 57% and 84% for PSA levels of <0.5, 0.5-<1 and ≥1 ng/mL")."""
    match = _RESPECTIVE_BANDS.match(text, positions[-1][1]) if positions else None
    if match is None:
        return {}
    bands = [part for part in LIST_SEPARATOR.split(match.group("bands")) if part]
    fits = len(bands) <= len(positions) if match.group("respectively") else len(bands) == len(positions)
    if len(bands) < 2 or not fits or not all(_ONE_BAND.fullmatch(band) for band in bands):
        return {}
    return {start: _psa_band(band) for (start, _end), band in zip(positions[-len(bands) :], bands, strict=True)}


def _psa_band(band: str, or_more: str | None = None) -> str:
    """ "PSA <0.5 ng/mL" from "below 0.5" (or "0.5 ... or more")."""
    words = " ".join(band.split())
    for word, sign in _SIGNS.items():
        if words.lower().startswith(word + " "):
            words = sign + words[len(word) + 1 :]
    if or_more:
        words = _SIGNS_AFTER[or_more.lower()] + words
    return "PSA " + re.sub(r"([<>≤≥]=?)\s+", r"\1", words) + " ng/mL"


def _level(match: re.Match[str]) -> str:
    """ "patient level" for "per-patient", "Patient-based" or "at the patient level"."""
    return (match.group("per") or match.group("unit")).lower() + " level"


def _before(text: str) -> list[re.Match[str]]:
    """The matches of the _BEFORE patterns, in text order, none inside another."""
    matches = sorted((m for pattern in _BEFORE for m in pattern.finditer(text)), key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    for match in matches:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _after(
    text: str, end: int, mentions: list[Mention], offset: int, earlier: list[_Cue], courses: bool = False
) -> _Cue | None:
    """The subgroup named right after a value ending at ``end`` (``earlier``: the subgroups named before it)."""
    match = _AFTER.match(text, end)
    if match is None:
        return None
    cues = _cues([match], text, mentions, offset, earlier=earlier, courses=courses)
    return cues[0] if cues else None


def _endpoint_between(mentions: list[Mention], offset: int, start: int, end: int) -> bool:
    """Whether an endpoint is named between ``start`` and ``end`` of the sentence (at ``offset``)."""
    return any(m.kind in ENDPOINT_KINDS and start <= m.start - offset < end for m in mentions)


#: The words of a group that is the whole study or an arm, not a part of its men: "in the whole group", "in the
#: control group", "in the expansion cohort".
_NO_PART_GROUP = re.compile(
    r"\b(?:whole|entire|total|overall|same|study|control|placebo|combination|experimental|intervention|treatment"
    r"|treated|standard|comparator|reference|investigational|radioligand|monotherapy|chemotherapy|imaging|PET|SPECT|PSMA"
    r"|lutetium|actinium|sequential|concurrent|continuous|holiday|expansion|escalation|dose|first|second|third|other"
    r"|former|latter|active|observation|surveillance|radiotherapy|surgery|conventional|historical|matched"
    r"|contemporary|untreated|comparison|this|that|each|every|[a-z])$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s*")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


#: The side of a cut a subgroup is named by, and the other side: "below 10 Gy" leaves "at or above 10 Gy".
_OTHER_SIDE = (
    ("at or below ", "above "),
    ("at or above ", "below "),
    ("below ", "at or above "),
    ("above ", "at or below "),
)


def _rest_of(label: str) -> str:
    """What the rest of the population is called, the other side of a cut or the label denied.

    >>> _rest_of("below 10 Gy"), _rest_of("at or above 60 mL/min"), _rest_of("visceral metastases")
    ('at or above 10 Gy', 'below 60 mL/min', 'not visceral metastases')
    """
    for side, other in _OTHER_SIDE:
        if label.startswith(side):
            return other + label[len(side) :]
    return f"not {label}"


def _clause_break(text: str, start: int, end: int) -> bool:
    """Whether a semicolon outside brackets parts ``start`` from ``end`` (one inside a bracket of statistics, "(HR
    0.55; 95% CI ...)", does not)."""
    piece = text[start:end]
    return ";" in piece and ";" in _BRACKETED.sub("", piece)


def _cues(
    matches, text: str, mentions: list[Mention], offset: int, earlier: list[_Cue] | None = None, courses: bool = False
) -> list[_Cue]:
    cues: list[_Cue] = list(earlier or [])
    found = []
    for match in matches:
        cue = _cue(match, text, mentions, offset, cues, courses)
        if cue:
            cues.append(cue)
            found.append(cue)
    return found


def _cue(
    match: re.Match[str], text: str, mentions: list[Mention], offset: int, earlier: list[_Cue], courses: bool = False
) -> _Cue | None:
    """The subgroup a match names, or None when its words are the study's population or an arm (``courses``: the study
    sets a first course against a rechallenge)."""
    groups = match.groupdict()
    clause_end = min(
        (at for at in (text.find(",", match.end()), text.find(";", match.end())) if at >= 0), default=len(text)
    )
    if groups.get("dose"):  # (a dose level or cycle is no population: "At 900 µg, 1 of 6 evaluable patients")
        bound = "".join((groups.get("dose_bound") or "").split())  # ("dosed at ≥2.0 mg/kg": doses from that level up)
        return _Cue(match.start(), match.end(), bound + " ".join(groups["dose"].split()), "")  # (no rest to name)
    if groups.get("cycle"):
        return _Cue(match.start(), match.end(), " ".join(groups["cycle"].lower().split()), "")
    if groups.get("cohort"):  # (a cohort's letter keeps its case: "cohort T")
        word, _space, name = " ".join(groups["cohort"].split()).rpartition(" ")
        return _Cue(match.start(), match.end(), f"{word.lower()} {name if len(name) == 1 else name.lower()}", "")
    if groups.get("group_name"):
        words = " ".join(groups["group_name"].split())
        if _NO_PART_GROUP.search(words) or not _a_subgroup(
            text, match.start("group_name"), match.end("group_name"), mentions, offset
        ):
            return None
        label = " ".join(text[match.start("group_name") : match.end()].split())  # ("visceral group")
        return _Cue(match.start(), match.end(), label, "", grouped=True)
    if groups.get("quantile"):
        return _Cue(match.start(), match.end(), _sentence_case(" ".join(groups["quantile"].split())), "")
    if groups.get("risk_group"):
        return _Cue(
            match.start(), match.end(), " ".join(text[match.start("risk_group") : match.end()].split()).lower(), ""
        )
    if groups.get("course"):
        if not (courses or compares_courses(text)):
            return None  # a study of rechallenge alone: every value is of its rechallenge, no part of it
        course = " ".join(groups["course"].lower().split()).replace("re-", "re").replace("initial", "first")
        return _Cue(match.start(), match.end(), course, "")
    if _ANALYSIS_POPULATION.search(text, match.start(), clause_end):
        return None

    def cue(label: str, complement: str | None = None) -> _Cue:
        label = _sentence_case(label)
        return _Cue(match.start(), match.end(), label, complement or _rest_of(label))

    if groups.get("prior"):
        return cue(" ".join(groups["prior"].split()))
    if groups.get("band"):
        return cue(_psa_band(groups["band"], groups.get("or")))
    if groups.get("given_before"):
        return _Cue(match.start(), match.end(), "after " + " ".join(groups["given_before"].split()), "")
    if groups.get("primary"):
        return _Cue(match.start(), match.end(), "after " + " ".join(groups["primary"].split()), "")
    if groups.get("pattern"):
        words = " ".join(groups["pattern"].split())
        if _WHOLE_POPULATION.match(words) or not _a_subgroup(
            text, match.start("pattern"), match.end("pattern"), mentions, offset
        ):
            return None  # "two men with advanced disease died": the study's population, no part of it
        return _Cue(match.start(), match.end(), ("no " if groups["rel2"].lower() == "without" else "") + words, "")
    if groups.get("bullet_site"):
        label = " ".join(groups["bullet_site"].lower().split())
        return _Cue(match.start(), match.end(), label, "", heading=True)
    if groups.get("responders"):
        if groups["responders"].lower().startswith("non") and not earlier:
            return None  # (the rest of the men, set against responders named before it, else no part of the values)
        return _Cue(match.start(), match.end(), " ".join(groups["responders"].split()), "")
    if groups.get("ahead_site"):
        if not _SITE_LEAD.search(text, max(0, match.start() - 30), match.start()):
            return None  # (a site inside a phrase: "men with distant metastases in 12 centres")
        return _Cue(match.start(), match.end(), _site_label(groups["ahead_site"]), "", ahead=True)
    if groups.get("site"):
        label = _site_label(groups["site"])
        return _Cue(match.start(), match.end(), label, "", heading=not text[: match.start()].strip())
    if groups.get("age"):
        return cue("aged " + " ".join(groups["age"].split()).replace(" of age", ""))
    if groups.get("adjective"):
        adjective = groups["adjective"]
        if adjective.lower() in ("older", "younger"):
            last = match.group().split()[-1].lower()
            population = "patients" if last == adjective.lower() else last
            other = "younger" if adjective.lower() == "older" else "older"
            return cue(f"{adjective.lower()} {population}", f"{other} {population}")
        return None if adjective.lower().startswith("psma") else cue(adjective)
    relation = " ".join((groups.get("rel") or groups.get("treatedrel") or "").split()).lower()
    phrase = groups.get("phrase") or groups.get("treatedwhat")
    # (a heading's phrase may open with the words that place it: "In the PSA 0.2-0.5 ng/mL stratum, ...")
    words = _ARTICLE.sub("", _IN_THE.sub("", " ".join((phrase or "").split())))
    negative = relation in _NEGATIVE
    if _TREATED_BEFORE.fullmatch(relation):
        # "men previously treated with cabazitaxel": a prior therapy sets them apart, even though it is an agent
        if not words or len(words.split()) > 4 or _POINTING_BACK.match(words):
            return None
        return replace(cue(f"prior {words}", f"{words}-naive"), treated=True)
    if words.lower().startswith(("by ", "per ", "across ")):
        return None  # "By PSA stratum, ...": a breakdown, whose parts are named at their values
    if not words or _POINTING_BACK.match(words):
        # "those without (such a decline)", "men below this threshold": the rest of the subgroup named before
        if not (negative or relation in ("below", "above", "at or below", "at or above")) or not earlier:
            return None
        return cue(earlier[-1].complement, earlier[-1].label)
    start, end = match.start("phrase"), match.end("phrase")
    if (
        len(words.split()) > _MOST_WORDS
        or _EMPTY_ENDING.search(words)
        or not _a_subgroup(text, start, end, mentions, offset)
    ):
        return None
    if negative:
        return cue("no " + words.removeprefix("any "), words)
    if relation.startswith(("at ", "below", "above", "treated", "aged", "younger", "older")):
        return cue(f"{relation} {words}")
    band = _BAND_PHRASE.fullmatch(words) or _band_then_words(words)
    if band:  # "PSA of 0.5 ng/ml or less", "0.51-1.0 ng/mL": a PSA band, written as the others
        return cue(_psa_band(band.group("band"), band.group("or")))
    named = relation == "with" and not any(c.isdigit() for c in words)  # "no liver metastases", not "no SUV of 10"
    return cue(words, "no " + words.removeprefix("any ") if named else None)


def _band_then_words(words: str) -> re.Match[str] | None:
    """A PSA band that opens a phrase run on without a comma: "PSA <0.5 ng/ml the detection" (of "In patients with
    PSA <0,5 ng/ml the detection was 8/16 vs 6/16"); None when the words after it hold a number or no unit ends it."""
    lead = _BAND_PHRASE.match(words)
    if lead is None or not lead.group().lower().endswith("ng/ml") or any(c.isdigit() for c in words[lead.end() :]):
        return None
    return lead


def _site_label(words: str) -> str:
    """ "distant (M1) disease" for "Distant (M1) disease": a site in lower case, its stage as written."""
    return re.sub(r"\(m1([abc]?)\)", r"(M1\1)", " ".join(words.lower().split()))


def _sentence_case(label: str) -> str:
    """ "prior 177Lu radioligand" for "Prior 177Lu radioligand" (a heading's capital), acronyms kept."""
    first, _space, rest = label.partition(" ")
    return first.lower() + _space + rest if re.fullmatch(r"[A-Z][a-z]+|[A-Z][a-z]{2,}(?:-[a-z]+)+", first) else label


def _a_subgroup(text: str, start: int, end: int, mentions: list[Mention], offset: int) -> bool:
    """Whether the words at ``start:end`` set a part of the population apart: not a disease the whole study
    has, not an arm (an agent, unless one given before)."""
    for mention in mentions:
        if not (start <= mention.start - offset and mention.end - offset <= end):
            continue
        if mention.kind == "Disease":
            return False
        if mention.is_agent and not _PRIOR.search(text, start, mention.start - offset):
            return False
    return True
