"""Entity mentions: every lexicon label, new radioligands, registry ids, named trials and abbreviations.

All matching is done with a few compiled regular expressions over the document text (a trie
of the ontology's labels), which is several times faster than token patterns: a short label
written in capitals ("OS", "VISION", "PSMA") is matched case-sensitively, every other label
case-insensitively and whatever dash the text uses. Patterns that ``re`` would try at every
position of the document are scanned from word starts only, or only near a literal every match
holds (:mod:`ingest.extraction.scanning`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ingest.extraction.prefilter import prefiltered
from ingest.extraction.scanning import AnchoredPattern, LiteralStartPattern, WordStartPattern
from ingest.extraction.textutil import LIST_SEPARATOR, dashes_to_hyphen, fold
from ingest.extraction.trie import trie_pattern
from kg.lexicon import Lexicon, LexiconEntry, normalize_label
from kg.model import AGENT_CLASSES
from kg.ontology import Ontology

#: Kinds of entities the extractor recognizes (emission types are too generic: "alpha", "PET").
NER_KINDS = frozenset(
    {*AGENT_CLASSES, "Radionuclide", "Ligand", "Target", "Disease", "ClinicalTrial", "Endpoint", "AdverseEvent",
     "AbsorbedDose"}
)  # fmt: skip

_LEFT, _RIGHT = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
_TRIAL_WORDS = re.compile(r"\s*(?:phase\s+[0-9IVab/]+\s+)?(?:trial|study)\b", re.IGNORECASE)
#: An abbreviation defined in brackets after its long form: "(rPFS)", "(OS; ...)". It holds a capital or a digit:
#: a plain word after a name, "overall survival (median, 15.3 months)", defines nothing; nor does a statistic with
#: its number, "prior cabazitaxel (HR, 1.29; ...)".
_ABBREVIATION = re.compile(
    r"\s*\(\s*(?=[A-Za-z0-9-]*[A-Z0-9])([A-Za-z][A-Za-z0-9-]{1,11})\s*(?:\)|[,;](?!\s*[-−<>=≤≥.]?\s*\d))"
)
_REGISTRY = AnchoredPattern(
    re.compile(
        r"\b(?:(?P<nct>NCT\d{8})|(?P<actrn>ACTRN\d{14})|EudraCT(?:\s+(?:number|no\.?))?[\s:#]*"
        r"(?P<eudract>\d{4}-\d{6}-\d{2})|(?P<isrctn>ISRCTN\d{8}))\b"
    ),
    anchors=("NCT", "ACTRN", "EudraCT", "ISRCTN"),
    breakers=",;()",
)
_NEW_RADIOLIGAND = WordStartPattern(
    r"(?:\[(?P<m1>\d{1,3})(?P<x1>m?)(?P<s1>[A-Z][a-z]?)\](?:(?P=s1)-?|-)?"
    r"|(?P<m2>\d{1,3})(?P<x2>m?)(?P<s2>[A-Z][a-z]?)-"
    r"|(?P<s3>[A-Z][a-z]?)-(?P<m3>\d{1,3})(?P<x3>m?)[- ])"
    # (a slash joins parts of one name, "EDDA/HYNIC-iPSMA", not a second radioligand: "225Ac-PSMA-617/177Lu-PSMA-617")
    r"(?P<code>[A-Za-z][A-Za-z0-9]*(?:[-.&][A-Za-z0-9]+|/(?!\d{1,3}m?[A-Z][a-z]?-)[A-Za-z0-9]+)*)"
)
#: A ligand's name in lower case that reads as a drug's, not as an English word: seven letters or more, without the
#: endings of adjectives, participles and nouns of English ("ludotadipep", "rosopatamab"; not "labelled", "positive").
_DRUG_NAME = re.compile(
    r"[a-z]{7,}(?<!ed)(?<!ing)(?<!ive)(?<!ic)(?<!al)(?<!ous)(?<!ble)(?<!ent)(?<!ant)(?<!ion)(?<!ory)(?<!ary)(?<!ate)"
    r"(?<!ity)(?<!ogy)(?<!ies)(?<!ly)(?<!er)(?<!body)"
)
#: What may follow a radionuclide without naming a ligand: the aluminium fluoride of "[18F]AlF" and
#: "aluminium-[18F]fluoride PSMA-11" labelling.
_LABELLING_ONLY = frozenset({"AlF", "fluoride"})
#: Agents the ontology keeps for a product of their class that the text does not name.
UNNAMED_PRODUCTS = frozenset({"agent:psma-car-t", "agent:tc99m-psma"})
#: A study that pools others' results: a meta-analysis, a pooled or network analysis, a systematic review.
POOLED_STUDY = re.compile(r"\bmeta-?analys[ie]s\b|\bpooled\b|\bnetwork\s+analys|\bsystematic\s+review\b", re.I)
#: Between a radionuclide and a radioligand whose ligand it shares: "terbium-161 versus lutetium-177 PSMA-617".
_JOINS_RADIOLIGANDS = re.compile(r"\s*(?:(?:versus|vs\.?|or|and|compared with|with)\s+|/\s*)", re.I)
#: An adjective hyphenated to a radioligand ("99mTc-PSMA-I&S-radioguided", "18F-FDG-positive", "68Ga-PSMA-11-avid"),
#: which is not part of its name: a last lowercase segment ending like an adjective or participle.
_ADJECTIVE_SUFFIX = re.compile(r"(?<=[A-Za-z0-9&])-(?:[a-z]+(?:ed|ive)|[a-z]*avid)$")
_GE = r"(?:(?:≥|>=|>|at least|more than|over|greater than)\s*)"
#: PSA responses written with their threshold: "PSA decline of ≥50%", "≥30% PSA declines", "any PSA decline".
_DECLINE = r"(?:declines?|falls?|reductions?|decreases?|drops?|responses?)"
_DECLINED = r"(?:declines?|falls?|fell|declined|decreased|dropped|reductions?|decreases?)"
_OR_MORE = r"(?:\s+or\s+(?:more|greater|higher))?"
_PSA_RESPONSE = AnchoredPattern(
    re.compile(
        # "≥50% PSA decline", "50% or greater decline in PSA"
        r"(?:(?<![\w.])(?:(?:≥|>=|>)\s*)?(?P<a>\d{2})\s*%\s*(?:or (?:more|greater)\s+)?(?:PSA\s+)?"
        + _DECLINE
        + r"(?:\s+(?:in|of)\s+PSA)?(?!\s*(?:of|by)\s*\d))"
        # "PSA decline of ≥50%", "PSA response of 50% or more"
        r"|(?:PSA\s+" + _DECLINE + r"\s+(?:of\s+|by\s+)?" + _GE + r"?(?P<b>\d{2})\s*%" + _OR_MORE + r")"
        # "a decline of 90% or more", "a decline >30%", "PSA fell by at least 50%"
        r"|(?:\b"
        + _DECLINED
        + r"\s+(?:in\s+PSA\s+)?(?:(?:of|by)\s+"
        + _GE
        + r"?|"
        + _GE
        + r")(?P<c>\d{2})\s*%"
        + _OR_MORE
        + r")"
        # a bare threshold in a PSA sentence: "and >50% in 29.4%", "and of at least 90% in 15 (48%)"
        r"|(?:(?<![\w.])(?:≥|>=|>)\s*(?P<d>\d{2})\s*%)"
        # and a threshold whose verb went before: "PSA fell in eight, by at least 30% in five and by ≥50% in three",
        # "... in seven (39%), and of 50% or more in five (28%)"
        r"|(?:(?:(?<=\band )(?:of|by)|(?<=, )by)\s+(?:(?:at least|more than|≥|>=|>)\s*(?P<e>\d{2})\s*%"
        r"|(?P<f>\d{2})\s*%\s+or\s+(?:more|greater|higher)))"
        # a threshold given as what the decline was: "the decline was 30% or more in 4 (31%) and 50% or more in 2"
        r"|(?:\b(?:declines?|falls?|reductions?|decreases?|drops?)\s+(?:was|were)\s+(?P<g>\d{2})\s*%\s+or\s+"
        r"(?:more|greater|higher))"
        r"|(?:(?<=\band )(?P<h>\d{2})\s*%\s+or\s+(?:more|greater|higher)(?=\s+in\b))"
        r"|(?P<any>\bany\s+(?:PSA\s+)?(?:declines?|reductions?|falls?|decreases?|PSA\s+response)(?:\s+in\s+PSA)?"
        r"|\bPSA\s+(?:declines?|reductions?|falls?)\s+of\s+any\s+(?:size|magnitude|degree|kind))"
        # "PSA fell by at least 50% in 4 and by any amount in 10": checked for PSA nearby like a threshold
        r"|(?P<anyby>\bby\s+any\s+(?:amount|degree|margin|magnitude))",
        re.IGNORECASE,
    ),
    anchors=("%", "any"),
)
#: A PSA decline of no stated size: "PSA fell from baseline in eight men", "19 men (79%) had some decline in PSA".
#: Each is looked for where its literal is ("baseline", "some"): a few places per abstract, where any.
_PSA_FELL_BEFORE_BASELINE = re.compile(
    r"\bPSA\s+(?:levels?\s+)?(?:fell|declined|decreased|dropped)\s+(?:from|below)\s+(?:the\s+)?$", re.IGNORECASE
)
#: "PSA fell in 7 men (39%)", "PSA declined to some degree in 71.9% of men": a decline of no stated size, in a count or
#: share right after the verb (a size after it is a threshold: "PSA fell by 50% or more in 11").
_PSA_FELL_IN = prefiltered(
    r"\bPSA\s+(?:levels?\s+)?(?:fell|declined|decreased|dropped)\s+(?:to\s+some\s+(?:degree|extent)\s+|at\s+all\s+)?"
    r"(?=in\s+\d)",
    re.IGNORECASE,
)
_SOME_PSA_DECLINE = re.compile(r"some\s+(?:decline|reduction|fall|decrease)\s+(?:in|of)\s+(?:serum\s+)?PSA\b", re.I)
_THRESHOLD_AFTER = re.compile(r"\s+(?:by|of)\b")
#: A marker other than PSA, whose declines are written like PSA responses, named before a threshold or a value
#: ("CTC counts fell by at least 50%") with no PSA after it.
OTHER_MARKER = prefiltered(
    r"\b(?:CTCs?|circulating tumou?r cells?|ctDNA|cfDNA|circulating tumou?r DNA|LDH|ALP|alkaline phosphatase|SUV\w*|"
    r"tumou?r volume|platelets?|"
    r"neutrophils?|ha?emoglobin|(?:cell )?counts?)\b(?!(?:[^.;]|\.\d)*\bPSA\b)(?:[^.;]|\.\d)*$",
    re.IGNORECASE,
)
#: "PET localised recurrent disease in 75%", "found disease in 13 men (26%)": a detection rate.
_DETECTION = AnchoredPattern(
    re.compile(
        # ("odds of detecting recurrence": the gerund after "of" too)
        # (not the adjective of a disease state: "high-risk localised or locally advanced prostate cancer")
        r"\b(?:detected|(?<=\bof )detecting|(?<!risk )(?<!with )(?<!for )(?<!of )(?<!in )(?<!and )(?<!or )"
        r"(?<!diagnosed )(?:localised|localized)(?!\s+(?:or|and)\s+(?:locally|locoregional|regional|advanced))"
        r"|identified|found|visuali[sz]ed|depicted)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:disease|lesions?|cancer|recurrences?|metastas[ie]s|sites?)\b"
        # "SPECT/CT detected 187 of 253 PET-positive lesions": the verb alone, the share after it is its value
        r"|\b(?:detected|identified)(?=\s+\d+\s*(?:of|/)\s*(?:the\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:lesions|patients"
        r"|men|cases|sites|metastases)\b)",
        re.IGNORECASE,
    ),
    anchors=("detected", "detecting", "locali", "identified", "found", "visuali", "depicted"),
)
#: Other verbs, only of a count of lesions, tried only in a text that names lesions: "SPECT found 412 of the 583
#: PET-positive lesions", "SPECT/CT showed 205 of the 260 lesions seen on PET".
_LESIONS_DETECTED = AnchoredPattern(
    re.compile(
        r"\b(?:found|depicted|visuali[sz]ed|showed|revealed|picked\s+up)"
        r"(?=\s+\d+\s*(?:of|/)\s*(?:the\s+)?\d+\s+(?:[\w-]+\s+){0,2}?lesions\b)",
        re.IGNORECASE,
    ),
    anchors=("found", "depicted", "visuali", "showed", "revealed", "picked"),
)
#: The same written passive: "distant metastases were identified in 13% by PET", kept only near an imaging word.
_DETECTED_PASSIVE = AnchoredPattern(
    re.compile(
        # (a few words may place what was seen: "Extrapelvic (M1) disease was detected in 19 of 176 men"; what was
        # "found" is left out, as it may be pathology's finding: "Nodal metastases were found in 17 of 58 men")
        r"\b(?:disease|lesions?|cancer|recurrences?|metastas[ie]s|sites?)(?:\s+[\w()-]+){0,4}?\s+(?:was|were)\s+"
        r"(?:detected|locali[sz]ed|identified|visuali[sz]ed|depicted)\b",
        re.IGNORECASE,
    ),
    anchors=("detected", "locali", "identified", "visuali", "depicted"),
)
#: Disease seen in a share of the men, written passive ("Local recurrence was found in 21.1%", "Uptake was seen in the
#: prostate bed in 21.6% of men", "The intraprostatic tumour was visible in 95.8% of men", "... was reported in 14
#: (33.3%)"; tersely, a bare participle: "Primary tumour visualised in 96.2%") or after the scan that showed it ("PET
#: showed M1 disease in 16% of patients"): a detection rate where a share follows, kept near an imaging word and in a
#: sentence that names no pathology ("Nodal metastases were found in 12% at dissection" is histology's finding); new
#: lesions are progression's ("PSMA PET showed new lesions in 21% versus 44%").
_SEEN_IN_SHARE = AnchoredPattern(
    re.compile(
        r"(?<!new )\b(?:disease|lesions?|cancer|recurrences?|metastas[ie]s|sites?|tumou?rs?|uptake|findings)"
        # (within its line; a short bracket may come between: "distant metastases (M1) were seen in 55%")
        r"(?:[^\S\n]+(?:[\w-]+|\([\w-]{1,8}\))){0,6}?\s+(?:(?:was|were)\s+"
        r"(?:found|seen|visible|shown|located|reported|observed|noted)|(?:visuali[sz]ed|detected|depicted))"
        # (a count may come before the share: "in 14 (33.3%)", "in 84 of 123 men (68.3%)")
        r"(?=\s+(?:in|at|on)\s+(?:[\w-]+\s+){0,5}?(?:in\s+)?"
        r"(?:\d+\s*(?:(?:/|of)\s*\d+\s*)?(?:(?:men|patients|pts)\s*)?\(\s*)?\d+(?:\.\d+)?\s*%)"
        # (the scan's name may end "/CT" or "/MRI", and a stage in brackets may follow: "disease (miN1) in 29%")
        r"|(?:(?<=PET )|(?<=PET/CT )|(?<=PET-CT )|(?<=PET/MRI ))(?:showed|revealed)\s+"
        r"(?!(?:[\w-]+\s+){0,3}?new\b)(?:[\w-]+\s+){0,3}?"
        r"(?:disease|lesions?|recurrences?|metastas[ie]s)(?=(?:\s*\([\w-]{1,8}\))?\s+in\s+\d+(?:\.\d+)?\s*%)",
        re.IGNORECASE,
    ),
    anchors=(
        "found",
        "seen",
        "visible",
        "shown",
        "located",
        "reported",
        "observed",
        "noted",
        "showed",
        "revealed",
        "visuali",
        "detected",
        "depicted",
    ),
    breakers=",;:",  # (not the point nor brackets: the share after the verb may be a decimal, in brackets)
)
#: The share of lesions one scan saw of those another saw, told after the share: "Of 214 lesions seen on PET, 133
#: (62.1%) were identified on SPECT", "312 of 447 PET-positive lesions (69.8%) were seen on SPECT/CT".
_LESIONS_SEEN_AFTER_SHARE = AnchoredPattern(
    re.compile(
        r"(?<=%\)\s)(?:was|were)\s+(?:also\s+|only\s+|correctly\s+)?(?P<span>(?:seen|identified|detected|visuali[sz]ed|depicted|visible)\s+"
        r"(?:on|by|with)\s+(?:[\w-]+\s+){0,2}?(?:SPECT|PET)\b)",
    ),
    anchors=("SPECT", "PET"),
)
#: A scan's count of the lesions a sentence opened with, its share in a bracket ("Of 214 lesions confirmed by the
#: reference standard, PET detected 189 (88.3%) and CT 143 (66.8%)"): the verb is a detection rate, kept only after
#: such an opening (_OF_LESIONS).
_DETECTED_OF_THOSE = AnchoredPattern(
    re.compile(r"\b(?:detected|identified|depicted|visuali[sz]ed)(?=\s+\d+\s*\(\s*\d)", re.I),
    anchors=("detected", "identified", "depicted", "visuali"),
    breakers=".;:",
)
_OF_LESIONS = re.compile(r"\bof\s+(?:the\s+|all\s+|these\s+)?\d+\s+(?:[\w-]+\s+){0,4}?lesions\b", re.I)
#: A region of disease right before the share of the men in whom a scan showed it, as the results of an imaging study
#: list them: "local recurrence only 38.1%; nodal disease 29.4%", "the prostate bed in 17% of men, pelvic lymph nodes
#: in 21%", "confined to the prostate bed in 198 (32%)".
_REGION_SHARE = AnchoredPattern(
    re.compile(
        r"(?<![\w-])(?:local\s+recurrences?|(?:the\s+)?prostat(?:e|ic)\s+(?:bed|fossa)|fossa|pelvic\s+(?:lymph\s+)?nod(?:es"
        r"|al\s+(?:disease|metastases))|(?:extrapelvic|distant)\s+(?:metastases|disease|sites|lesions)"
        r"|(?:bone|visceral)\s+(?:metastases|lesions))(?:[\s-]+only)?(?:\s*\([\w/-]{1,8}\))?"
        # (one space before the share or "in": a wider gap is a table's, whose rows are read as such)
        r"(?=(?::[^\S\n]?|[^\S\n]in\s+|[^\S\n])(?:\d+\s*(?:(?:/|of)\s*\d+\s*)?(?:(?:men|patients|pts)\s*)?\(\s*)?"
        r"\d+(?:\.\d+)?\s*%)",
        re.IGNORECASE,
    ),
    anchors=("recurrence", "prostat", "fossa", "pelvic", "extrapelvic", "distant", "bone", "visceral"),
    breakers=",;",
)
#: What makes a sentence one of the men's state before the study, no scan's finding: "at baseline", "eligible".
_AT_BASELINE = re.compile(r"\b(?:baseline|at\s+entry|enrol\w*|eligib\w*|inclusion)\b", re.IGNORECASE)
#: What makes a sentence of an imaging study one of its findings: "detected", "positive", "seen", "pattern".
_FINDING_WORD = re.compile(
    r"\b(?:detect\w*|positiv\w*|seen|visuali[sz]\w*|show(?:ed|n|s)|reveal\w*|pattern|sites?\s+of\s+disease|found"
    r"|locali[sz]\w*|identif\w+|confined|limited\s+to|DR)\b",
    re.IGNORECASE,
)
_PATHOLOGY = re.compile(
    r"\b(?:histolog|patholog|dissection|biops|resect|specimen|surg|at\s+operation)|histopatholog", re.IGNORECASE
)
#: A finding the readers call no disease, whose share is no detection rate: "Unspecific bone uptake was reported in
#: 28%", "Equivocal findings were seen in 7%", "uptake rated as probably benign".
_NO_DISEASE_FOUND = re.compile(
    r"\b(?:unspecific|non-?specific|benign|equivocal|indeterminate|physiologic\w*|false[- ]positive)\b", re.IGNORECASE
)
#: A title that names an imaging study: what its text finds is what the imaging found.
_IMAGING_TITLE = re.compile(r"\b(?:PET|SPECT|imaging|scans?)\b", re.IGNORECASE)
#: "PET was positive in 75%", "both modalities were positive in 21 of 22", "scans were called positive in 54%",
#: "associated with a positive scan (OR 3.2)": a detection rate.
_POSITIVE = AnchoredPattern(
    re.compile(
        r"\b(?:was|were)\s+(?:(?:called|read|rated|scored|judged|considered|interpreted|reported)\s+(?:as\s+)?)?"
        r"positive\b|\ba\s+positive\s+(?:scan|PET|SPECT)\b",
        re.IGNORECASE,
    ),
    anchors=("positive",),
)
#: "67 (48%) had a positive 18F-DCFPyL PET/CT": a detection rate, whose mention is the adjective alone (the agent
#: between stays the arm).
_POSITIVE_AGENT_SCAN = AnchoredPattern(
    # (not the men a later value is of: "in 29 men with a positive day-1 scan, the PPV was 86%")
    re.compile(r"(?<!\bwith\s)\ba\s+(?P<span>positive)\s+(?=[\w&\[\]-]+\s+(?:scan|PET|SPECT)\b)", re.IGNORECASE),
    anchors=("positive",),
)
#: What a positive finding of imaging names near it ("PET was", "scans were", "was positive on PSMA PET"), unlike
#: a positive finding of pathology ("surgical margins were positive").
_IMAGING_WORD = re.compile(
    r"\b(?:PET|SPECT|CT|MRI|scans?|imaging|modalit(?:y|ies)|scintigraph\w*|tracers?|readers?)\b|PSMA", re.IGNORECASE
)
#: "131 (80%) had at least one PSMA-avid lesion", "at least one lesion suggestive of recurrence was found in 182":
#: a patient with one lesion found is a positive scan, so the share of such patients is the detection rate.
_ONE_LESION = LiteralStartPattern(
    re.compile(r"(?:at least one|one or more)\s+(?:[\w-]+\s+){0,3}?(?:lesions?|foci|focus|sites?)\b", re.IGNORECASE),
    starts=("at least one", "one or more"),
)
#: The verbs of a lesion found, before ("131 (80%) had at least one lesion") or after ("... was found in 182").
_FINDING_VERB_BEFORE = ("had ", "showed ", "revealed ", "demonstrated ")
_FOUND_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:was|were)\s+(?:found|detected|seen|identified|visuali[sz]ed)\b", re.IGNORECASE
)
#: Management change however the verb falls: "changed the planned management", "management intent changed".
#: The positive predictive value named only by its adjective, before the negative one's full name: "positive and
#: negative predictive values were 85.7% and 87.3%" (the span is "positive"; the lexicon finds the other).
_POSITIVE_AND_NEGATIVE = AnchoredPattern(
    re.compile(r"\b(?P<span>positive)\s+(?:and|&)\s+negative\s+predictive\s+values?\b", re.IGNORECASE),
    anchors=("predictive",),
)
#: Men who "responded by RECIST 1.1" (or according to, per, on RECIP, PERCIST): an objective response.
_RESPONDED_BY_CRITERIA = AnchoredPattern(
    re.compile(
        r"\bresponded\s+(?:by|according\s+to|per|on|using)\s+(?:the\s+)?(?:RECIST|RECIP|PERCIST)(?:\s+v?1\.[01])?",
        re.IGNORECASE,
    ),
    anchors=("responded",),
    breakers=",;:()",
)
#: Treatment stopped because of adverse events, however the verb falls: "17 (51.5%) discontinued treatment because
#: of adverse events", "stopped therapy owing to toxicity", "TRAEs led to discontinuation in 4 patients".
_EVENTS = (
    r"(?:(?:treatment|drug)[- ]related\s+)?(?:adverse\s+(?:events?|reactions?)|AEs?|TRAEs?|toxicit(?:y|ies)"
    r"|side\s+effects)"
)
_AE_DISCONTINUATION = AnchoredPattern(
    re.compile(
        r"\b(?:discontinu\w*|stopp?\w*|withdr[ae]w\w*)\s+(?:(?:the\s+)?(?:treatment|therapy|study\s+drug|study)\s+)?"
        r"(?:(?:early|prematurely|permanently)\s+)?"
        r"(?:because\s+of|due\s+to|owing\s+to|for)\s+(?:an?\s+)?"
        + _EVENTS
        + r"(?![\w-])"
        + r"|(?<![\w-])"
        + _EVENTS
        + r"\s+(?:that\s+)?(?:led|leading|lead)\s+to\s+"
        r"(?:(?:treatment|therapy|permanent)\s+)?(?:discontinuation|withdrawal)\b",
        re.IGNORECASE,
    ),
    anchors=("discontinu", "stop", "withdr"),
)
_MANAGEMENT_CHANGE = AnchoredPattern(
    re.compile(
        r"\b(?:chang|alter)\w*\s+(?:in\s+|of\s+)?(?:the\s+|their\s+)?(?:[a-z]+\s+){0,2}?management\b"
        r"(?:\s+(?:plans?|intent))?"
        r"|\bmanagement\s+(?:plans?\s+|intent\s+)?(?:was\s+|were\s+|would\s+be\s+|had\s+)?(?:chang|alter)\w*"
        # "changed the planned salvage treatment", "a change of the intended therapy"
        r"|\b(?:chang|alter)\w*\s+(?:in\s+|of\s+)?(?:the\s+|their\s+)?(?:planned|intended)\s+(?:[a-z]+\s+)?"
        r"(?:treatment|therapy|radiotherapy|surgery)\b"
        # "the intended treatment changed", "the planned therapy was modified"
        r"|\b(?:planned|intended)\s+(?:[a-z]+\s+)?(?:treatment|therapy|radiotherapy|surgery)\s+(?:plans?\s+)?"
        r"(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:chang|alter|modifi)\w*"
        # "changed the radiotherapy plan", "modified the treatment plans"
        r"|\b(?:chang|alter|modifi)\w*\s+(?:in\s+|of\s+)?(?:the\s+|their\s+)?(?:radiotherapy|radiation|treatment|therapy"
        r"|surgical|salvage)\s+plans?\b"
        # "the radiotherapy plan was changed", "treatment plans were modified"
        r"|\b(?:radiotherapy|radiation|treatment|therapy|surgical|salvage)\s+plans?\s+"
        r"(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:chang|alter|modifi)\w*"
        # "the plan changed in 88% of men with a positive scan"
        r"|\bthe\s+plan\s+(?:was\s+)?(?:chang|alter|modifi)\w*",
        re.IGNORECASE,
    ),
    anchors=("management", "planned", "intended", "plan"),
)
#: Changes of management named by the noun alone, as a text that has named them goes on: "Changes were more frequent
#: after radiotherapy than after prostatectomy (67% vs 52%)".
_CHANGES_COMPARED = AnchoredPattern(
    re.compile(r"\bchanges\s+(?:were|was)\s+(?:more|less)\s+(?:frequent|common|likely|often)\b", re.IGNORECASE),
    anchors=("changes",),
)
#: A disease state written as a qualifier a few words before "prostate cancer": "newly diagnosed (n = 60) or
#: recurrent (n = 60) prostate cancer", "newly diagnosed unfavourable intermediate-risk prostate cancer". Only the
#: qualifier is the mention, so that a risk group written between ("high-risk prostate cancer") stays one too.
_DISEASE_QUALIFIER = LiteralStartPattern(
    re.compile(
        r"\b(?:(?P<newly>newly[- ]diagnosed)|(?<!-)(?P<recurrent>recurrent))"
        # the words between name no other state ("newly diagnosed, high-volume metastatic ... cancer" is mHSPC)
        r"(?=(?:,?\s+(?:(?!(?:non-?)?metasta|castrat|hormone)[\w-]+|\(n\s*=\s*\d+\))){0,5}?,?\s+"
        r"(?:prostate\s+(?:cancer|carcinoma)|PCa)\b)",
        re.IGNORECASE,
    ),
    starts=("newly", "recurrent"),
)
_QUALIFIED_DISEASES = {"newly": "disease:newly-diagnosed", "recurrent": "disease:BCR"}
#: "the hazard ratio for death", "reduced the risk of death": death names overall survival when a ratio is given
#: for it or for its risk ("the risk of progression or death" is no risk of death alone).
_DEATH_RATIO = AnchoredPattern(
    re.compile(
        r"\b(?:(?:hazard ratio|HR)\s+(?:for|of)|risk\s+of)\s+"
        r"(?:all-cause\s+)?(?P<span>death)\b",
        re.IGNORECASE,
    ),
    anchors=("death",),
)
#: "the risk of radiographic progression or death": radiographic progression-free survival; without "radiographic",
#: progression-free survival.
_PROGRESSION_RISK = AnchoredPattern(
    re.compile(
        r"\brisk\s+of\s+(?:(?P<radiographic>radiographic|imaging-based|radiological)\s+)?(?:disease\s+)?"
        r"progression\s+or\s+death\b",
        re.IGNORECASE,
    ),
    anchors=("risk",),
)
#: Overall survival written without its name: a survival rate at a landmark ("2-year survival", "12-month survival
#: probability") or the men "alive" at a time ("64% were alive at 12 months", "remained alive"). Each is found from
#: its word, the words before it checked in a short window.
_LANDMARK_BEFORE_SURVIVAL = re.compile(r"(?:^|\W)(?:\d{1,2}|one|two|three|four|five)[- ](?:months?|years?|yrs?|mo)\s+$")
#: "had shorter survival than", "a longer survival": survival compared, with no other name, is overall survival.
_COMPARED_BEFORE_SURVIVAL = re.compile(
    r"\b(?:longer|shorter|improved|better|worse|prolonged|poorer|inferior|superior)\s+$"
)
_NOT_SURVIVAL_RATE_AFTER = re.compile(r"\s+(?:benefit|advantage|gain|time)\b")
#: "men whose PSA fell lived longer", "survived longer", "survived for a much shorter time": overall survival compared;
#: "lived a median of 27.1 months".
_LONGER = re.compile(
    r"\s+(?:significantly\s+)?(?:longer|shorter)\b|\s+(?:for\s+)?(?:a\s+)?median\s+of\b"
    # "survived for a much shorter time than"
    r"|\s+for\s+an?\s+(?:(?:much|significantly|considerably|markedly)\s+)?(?:longer|shorter)\s+time\b"
)
_STATE_BEFORE_ALIVE = re.compile(r"\b(?:were|was|remained|being|still|are|is)\s+(?:still\s+)?$")
#: A PSA response whose threshold is written in words, in the lower-cased text: "a decline of at least fifty percent".
_WORDED_THRESHOLDS = {"thirty": 30, "fifty": 50, "ninety": 90}
_WORDED_PSA_RESPONSE = re.compile(
    r"\b" + _DECLINE + r"\s+(?:in\s+psa\s+)?(?:of|by)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|≥\s*|>\s*)?"
    r"(?P<words>thirty|fifty|ninety)\s+(?:percent|per\s+cent)(?:\s+or\s+(?:more|greater))?"
)
#: Men alive without progression ("45% were alive without radiographic progression"): a progression-free rate, of the
#: progression the words name (radiographic, PSA, any).
_ALIVE_WITHOUT_PROGRESSION = re.compile(
    r"\s+(?:and\s+)?(?:without|free\s+(?:of|from)|with\s+no)\s+(?:(?P<radiographic>radiographic|radiological)\s+"
    r"|(?P<psa>psa|biochemical)\s+)?(?:disease\s+)?progression\b"
)
_PROGRESSION_FREE = {"radiographic": "endpoint:rPFS", "psa": "endpoint:PSA-PFS", None: "endpoint:PFS"}
#: The nouns that name a non-radioligand agent class, as descriptors of a new agent ("a PSMA×CD3 T-cell engager").
_DASH = "[-\u2010\u2011\u2013\u2014 ]"
_CLASS_NOUNS = {
    "AntibodyDrugConjugate": rf"antibody{_DASH}drug{_DASH}conjugates?|ADCs?",
    "CARNKCellTherapy": rf"CAR{_DASH}?NK(?:-92)?(?:{_DASH}cells?)?(?:{_DASH}cell)?(?:\s+(?:product|therapy))?",
    "CARTCellTherapy": rf"(?:CAR{_DASH}?T|chimeric antigen receptor T)(?:{_DASH}cells?)?(?:\s+(?:product|therapy))?",
    "BispecificAntibody": (
        rf"bispecific(?:\s+(?:antibody|antibodies|T{_DASH}cell engager))?|T{_DASH}cell{_DASH}engagers?"
    ),
}
_CLASS_NOUN = "|".join(f"(?P<{kind}>{noun})" for kind, noun in _CLASS_NOUNS.items())
_CODE = r"(?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9αβγ]+)*)"  # (Greek letters inside: "CART-PSMA-TGFβRDN")
#: The class nouns of a text, each searched for the code it defines (a few per abstract, where any).
_CLASS_NOUN_SCAN = LiteralStartPattern(
    re.compile(r"(?<![\w-])(?:" + _CLASS_NOUN + r")(?![\w-])", re.IGNORECASE),
    starts=("antibody", "adc", "car", "chimeric", "bispecific", "t-cell", "t cell"),
)
#: A code defined by the class noun after it: "ZR-9, a PSMA×CD3 T-cell engager", "XY-12 is an autologous
#: PSMA-directed CAR T-cell product" (``descriptor``: the words between the article and the noun).
_CODE_BEFORE_CLASS = re.compile(
    r"(?<![\w-])" + _CODE + r"(?:\s*\(\s*" + _CODE.replace("?P<code>", "?P<alias>") + r"\s*\))?"
    r"(?:,\s+|\s+(?:is|was)\s+)(?:an?|the)\s+"
    r"(?P<descriptor>(?:[\w×/\u2010-\u2014-]+\s+){0,6}?)$",
    re.IGNORECASE,
)
#: Words of a definition that make its code a study's name: "APEX-01, a phase 1/2 study of the antibody-drug conjugate".
_STUDY_OF = re.compile(r"\b(?:study|studies|trial|of)\b", re.IGNORECASE)
#: How far before its class noun a definition may begin: a code and six words.
_DESCRIPTOR_REACH = 120
#: A code in brackets right after its class noun, or after the words that set it apart: "PSMA CAR T cells (XY-12)",
#: "PSMA-directed CAR T cells that co-express (with) a dominant-negative TGF-β receptor (CART-PSMA-TGFβRDN)", "...
#: armoured with ..."; a registry id is none, nor a dose level after a dose ("... receptor at 1 × 10^6 (DL1)": no
#: number stands on its own in the words between).
_CODE_IN_BRACKETS = re.compile(
    r"(?:\s+(?:that|which|with|carrying|expressing|co-expressing|bearing|secreting"
    r"|(?:armou?red|engineered|modified|equipped)\s+(?:with|to))\s+(?:[^().;\d]|(?<=[\w-])\d){1,80}?)?\s*\(\s*"
    r"(?!NCT\d|ACTRN|EudraCT|ISRCTN|ChiCTR|JRCT|DRKS|DL-?\d)" + _CODE + r"\s*\)"
)
#: Words after a label that make it another term: a "sensitivity analysis" is a statistical check, not the
#: diagnostic endpoint sensitivity.
#: ... and a whole-body "effective dose" (in Sv, weighted by organ) is no absorbed dose.
_OTHER_TERM_AFTER = {
    "endpoint:sensitivity": re.compile(r"\s+analys[ie]s\b", re.IGNORECASE),
    "organ:whole-body": re.compile(r"\s+effective\b", re.IGNORECASE),
}
#: Words before a label that make it another term: a "pathological complete response" is found by the
#: pathologist in a resected specimen, not the radiological complete response.
_OTHER_TERM_BEFORE = {"endpoint:CR": re.compile(r"\bpatho(?:logic(?:al)?)?\s+$", re.IGNORECASE)}
_PSA_ENDPOINTS = {"50": "endpoint:PSA50", "90": "endpoint:PSA90", "30": "endpoint:PSA30"}
#: A second threshold right after a PSA response's, its bound written once: "declines of at least 50% and 90%".
_NEXT_THRESHOLD = re.compile(r"\s*(?:,|and|or)\s+(?P<n>\d{2})\s*%(?!\s*(?:of|in|were|was|had)\b)", re.IGNORECASE)
_NAMED_TRIAL = AnchoredPattern(
    # the name may start with a short lower-case prefix before its capitals ("the proVANTA study")
    re.compile(
        r"\b(?P<name>(?:[a-z]{1,3}(?=[A-Z]{3}))?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)\s+(?:phase\s+[0-9IVab/]+\s+)?"
        # (words of design between: "the LuNIRA phase 1 dose-escalation trial")
        r"(?:(?:(?:dose[- ])?(?:escalation|expansion)|randomi[sz]ed|open-label|single-arm|pilot|feasibility)\s+"
        r"(?:and\s+)?){0,2}"
        r"(?P<noun>(?:trial|study|registry|cohort)\b|(?:Trial|Study)\b)"  # ("the Phase III PRIMELU Trial", a title)
    ),
    anchors=("trial", "study", "registry", "cohort", "Trial", "Study"),
)
#: A trial named in brackets after the word: "this open-label phase 3 trial (LUMEN-H)", "Retrospective registry
#: (LUBRA)" (not a registry id).
_TRIAL_NAME_IN_BRACKETS = AnchoredPattern(
    re.compile(
        r"\b(?:trial|study|registry)\s*\(\s*(?!NCT\d|ACTRN|ISRCTN|EudraCT|ChiCTR|DRKS|JRCT)"
        r"(?P<name>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*\)"
    ),
    anchors=("trial", "study", "registry"),
    breakers=".;",
)
#: A trial named after the word: "the single-centre phase 1 study ARMOR-P1", "in the trial LUNAR-2," (a hyphenated
#: name that starts with four capitals, so that "the study PSMA", a drug code "study LPS-112" or "the trial design"
#: is none).
_TRIAL_THEN_NAME = AnchoredPattern(
    re.compile(r"\b(?:trial|study)\s+(?P<name>[A-Z]{4,}[A-Z0-9]*(?:-[A-Za-z0-9]+)+)(?![\w-])"),
    anchors=("trial", "study"),
)
#: Trials named in a list in brackets after the word: "three prospective trials (LUMEN-1, LUMEN-2 and Lu-STRIVE)".
_LISTED_TRIALS = AnchoredPattern(
    re.compile(r"\btrials\s*\((?P<list>[^().;]{2,120})[);]"), anchors=("trials",), breakers="."
)
_LISTED_TRIAL_NAME = re.compile(r"(?P<name>[A-Z][A-Za-z0-9]*-?[A-Z][A-Za-z0-9-]*)")
#: An acronym the text defines as its trial or study: "... cancer (LUTARIS): a randomised, open-label, phase 3
#: trial", "ACTINOVA: a randomised phase 3 trial of ...", "SALV-PET was a multicentre, randomised phase 3 trial".
#: The acronym holds two capitals at least; up to eight design words lie between the article and the noun.
#: A word that describes a trial ("randomised", "open-label", "phase", "3"); a preposition or determiner means the
#: sentence says something else of the acronym ("SUVmax was the strongest predictor in this study").
_DESIGN_WORD = r"(?!(?:in|of|this|that|these|our|its|for|with|to|from|by|on|at|was|were|is)\b)[\w/-]+"
#: A trial's acronym: two capitals at least, hyphenated parts ("SALV-PET", "DARLU-HS").
_ACRONYM = r"(?P<name>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)"
_TRIAL_DEFINITION = re.compile(
    r"(?<![\w-])"
    + _ACRONYM
    # (after the colon of a title, what the abstract reports of it may come first: "(HORIZON-LU): interim analysis
    # of a randomised, open-label, phase 3 trial")
    + r"(?P<definition>(?:\)\s*:(?:\s+(?:[\w-]+\s+){1,4}?(?:of|from))?|\s*:|\s+(?:is|was)\b)\s+(?:an?|the)\s+(?:"
    + _DESIGN_WORD
    + r",?\s+){0,8}?(?:trial|study)\b)"
)
#: A title that speaks of a trial, and the acronym it opens or closes with.
_TRIAL_TITLE = re.compile(
    r"\b(?:trial|study|phase\s+(?:[1-3]|I{1,3})\w*|first[- ]in[- ]human|(?:dose|activity)[- ]escalation)\b", re.I
)
_TITLE_OPENING_ACRONYM = re.compile(r"^" + _ACRONYM + r"\s*:\s")
_TITLE_CLOSING_ACRONYM = re.compile(r"\(" + _ACRONYM + r"\)\s*\.?\s*$")
#: How far a definition reaches back from its noun: an acronym and eight design words.
_DEFINITION_REACH = 160
#: Section headings written in capitals ("METHODS: a randomised trial ..."), which are not trial names.
_HEADINGS = frozenset(
    {
        "BACKGROUND", "METHODS", "METHOD", "DESIGN", "SETTING", "PARTICIPANTS", "PATIENTS", "MATERIALS", "RESULTS",
        "FINDINGS", "CONCLUSION", "CONCLUSIONS", "INTERPRETATION", "PURPOSE", "OBJECTIVE", "OBJECTIVES", "AIM", "AIMS",
        "INTRODUCTION", "CONTEXT", "IMPORTANCE", "SUMMARY", "RATIONALE", "INTERVENTION", "INTERVENTIONS", "TRIAL",
        "STUDY",
    }
)  # fmt: skip
_NOT_TRIAL_NAMES = frozenset(
    [
        "PSMA",
        "PET",
        "CT",
        "SPECT",
        "MRI",
        "PSA",
        "FDA",
        "US",
        "UK",
        "EU",
        "NCI",
        "ASCO",
        "ESMO",
        "AUA",
        "EAU",
        "SNMMI",
        "RECIST",
        "PCWG",
        "PCWG3",
        "PROMISE",
        "GU",
        "EANM",
        "ADT",
        "ARPI",
        "IRB",
        "NCCN",
        "RCT",
        "II",
        "III",
        "IV",
        "IB",
        "IIA",
        "IIB",
        "DNA",
        "RNA",
        "CTDNA",
        "CFDNA",
        "MRNA",
    ]
)


#: The kinds of mention that name an endpoint (an outcome, an adverse event, an organ's absorbed dose).
ENDPOINT_KINDS = frozenset({"Endpoint", "AdverseEvent", "AbsorbedDose"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the document text and the entity (or entities) it names."""

    start: int
    end: int
    text: str
    curie: str | None
    kind: str
    shared: tuple[str, ...] = ()  # other CURIEs when the label is a declared shared label
    curated: bool = True
    label: str | None = None  # canonical label (prefLabel, or the normalized label of a new entity)
    via: str = "lexicon"  # lexicon, abbreviation, registry, radioligand, named-trial

    @property
    def is_agent(self) -> bool:
        return self.kind in AGENT_CLASSES


@dataclass
class MentionFinder:
    """Finds mentions in text; built once from the ontology and its lexicon."""

    ontology: Ontology
    lexicon: Lexicon
    _registrations: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for trial in self.ontology.trials.values():
            for registration in trial.registrations:
                self._registrations[registration.partition(":")[2].upper()] = trial.curie
        self._nuclides = {
            (n.symbol, f"{n.mass_number}{'m' if n.metastable else ''}"): n for n in self.ontology.radionuclides.values()
        }
        self._entries: dict[str, list[LexiconEntry]] = {}
        for entry in self.lexicon.entries:
            if entry.kind in NER_KINDS:
                self._entries.setdefault(entry.key, []).append(entry)
        # Compiled now rather than on the first text (~1 s): a pipeline built before worker processes
        # fork hands them its patterns compiled, instead of each worker compiling its own.
        self._resolved = self._resolutions()
        self._insensitive = self._insensitive_pattern()
        self._sensitive = self._sensitive_pattern()

    @staticmethod
    def _case_sensitive(entry: LexiconEntry) -> bool:
        surface = entry.surface
        if entry.kind == "ClinicalTrial":
            return any(c.isupper() for c in surface)
        return " " not in surface and len(surface) <= 6 and any(c.isupper() for c in surface)

    def _insensitive_pattern(self) -> WordStartPattern:
        keys = {key for key, group in self._entries.items() if not all(map(self._case_sensitive, group))}
        return WordStartPattern(trie_pattern(sorted(keys), space=r"\s+") + _RIGHT)

    def _sensitive_pattern(self) -> tuple[WordStartPattern, dict[str, str]]:
        surfaces: dict[str, str] = {}
        for key, group in self._entries.items():
            for entry in group:
                if self._case_sensitive(entry):
                    surfaces[" ".join(dashes_to_hyphen(entry.surface).split())] = key
        return WordStartPattern(trie_pattern(sorted(surfaces), space=r"\s+") + _RIGHT), surfaces

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, left to right, without overlaps (the longest wins)."""
        candidates: list[Mention] = []
        hyphenated = dashes_to_hyphen(text)
        folded = fold(hyphenated)  # the same as fold(text), without translating the dashes twice
        for match in self._insensitive.finditer(folded):
            candidates.extend(self._lexicon_mentions(text, match.start(), match.end(), normalize_label(match.group())))
        pattern, surfaces = self._sensitive
        for match in pattern.finditer(hyphenated):
            key = surfaces.get(" ".join(match.group().split()))
            if key:
                candidates.extend(self._lexicon_mentions(text, match.start(), match.end(), key))
        candidates.extend(self._radioligands(text, hyphenated))
        candidates.extend(self._antibodies(text))
        candidates.extend(self._psa_responses(text, hyphenated, folded))
        candidates.extend(self._unsized_psa_declines(text, folded))
        candidates.extend(self._detections(text, folded))
        candidates.extend(self._phrased(text, folded, _MANAGEMENT_CHANGE, "endpoint:management-change", "management"))
        if "management" in folded:
            candidates.extend(
                self._phrased(text, folded, _CHANGES_COMPARED, "endpoint:management-change", "management")
            )
        candidates.extend(self._phrased(text, folded, _POSITIVE_AND_NEGATIVE, "endpoint:PPV", "predictive-pair"))
        candidates.extend(
            self._phrased(text, folded, _AE_DISCONTINUATION, "endpoint:AE-discontinuation", "discontinuation")
        )
        if "responded" in folded:
            candidates.extend(self._phrased(text, folded, _RESPONDED_BY_CRITERIA, "endpoint:ORR", "responded"))
        title_end = text.find("\n")
        imaging_title = title_end > 0 and _IMAGING_TITLE.search(text, 0, title_end) is not None
        # (in an imaging study, what "was positive" is its scans or the sites they showed: "By region, the prostate
        # bed was positive in 42% of men", unless the sentence is pathology's: "surgical margins were positive")
        candidates.extend(
            m for m in self._phrased(text, folded, _POSITIVE, "endpoint:detection-rate", "detection")
            if _IMAGING_WORD.search(text, max(0, m.start - 40), m.end + 25)
            or (imaging_title and not _PATHOLOGY.search(text, *_sentence_around(text, m.start, m.end)))
        )  # fmt: skip
        candidates.extend(self._phrased(text, folded, _POSITIVE_AGENT_SCAN, "endpoint:detection-rate", "detection"))
        candidates.extend(
            m for m in self._phrased(text, folded, _DETECTED_PASSIVE, "endpoint:detection-rate", "detection")
            if imaging_title or _IMAGING_WORD.search(text, max(0, m.start - 40), m.end + 40)
        )  # fmt: skip
        candidates.extend(
            m for m in self._phrased(text, folded, _SEEN_IN_SHARE, "endpoint:detection-rate", "detection")
            if (imaging_title or _IMAGING_WORD.search(text, max(0, m.start - 40), m.end + 40))
            and not _PATHOLOGY.search(text, *_sentence_around(text, m.start, m.end))
            and not _NO_DISEASE_FOUND.search(text, max(0, m.start - 30), m.end)
        )  # fmt: skip
        if imaging_title:
            candidates.extend(self._region_shares(text, folded, candidates))
        candidates.extend(self._lesions_found(text, folded))
        if "lesions" in text:
            candidates.extend(
                self._phrased(text, folded, _LESIONS_SEEN_AFTER_SHARE, "endpoint:detection-rate", "detection")
            )
            candidates.extend(
                m for m in self._phrased(text, folded, _DETECTED_OF_THOSE, "endpoint:detection-rate", "detection")
                if _OF_LESIONS.search(text, _sentence_around(text, m.start, m.end)[0], m.start)
            )  # fmt: skip
        candidates.extend(self._phrased(text, folded, _DEATH_RATIO, "endpoint:OS", "death-ratio"))
        for risk in _PROGRESSION_RISK.finditer(text, folded):
            entity = self.ontology.endpoints["endpoint:rPFS" if risk.group("radiographic") else "endpoint:PFS"]
            candidates.append(Mention(risk.start(), risk.end(), risk.group(), entity.curie, entity.kind,
                                      label=entity.label, via="death-ratio"))  # fmt: skip
        candidates.extend(self._survival_without_its_name(text, folded))
        candidates.extend(self._registry_ids(text))
        candidates.extend(self._qualified_diseases(text, folded))
        mentions = self._with_shared_ligands(text, _without_overlaps(self._with_code_agents(text, folded, candidates)))
        titled = _title_trials(text)
        mentions = _without_redefined_abbreviations(text, self._with_abbreviations(text, mentions, titled))
        named = self._named_trials(text, mentions, titled)
        if named:  # (a disease's abbreviation inside a trial's name is no mention of its own: "CUPRIC-BCR")
            inside = [m for m in mentions if any(t.start <= m.start and m.end <= t.end for t in named)]
            mentions = [m for m in mentions if m not in inside] + named
        mentions = _registry_ids_of_named_trials(text, mentions)
        if "PSMA" in text and "PET" in text:
            mentions = self._with_generic_psma_pet(text, mentions)
        mentions = [self._disambiguate(text, m) for m in sorted(mentions, key=lambda m: m.start)]
        if "deteriorat" in text or "worsen" in text or " score" in text or " scale" in text:
            mentions = self._with_symptom_domains(text, mentions)
        return _with_primary_endpoint(text, folded, _with_defined_endpoints(text, folded, mentions))

    def without_unnamed_products(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with those of an agent the ontology keeps for a product the text does not name ("PSMA CAR-T
        cells", "99mTc-PSMA") made mentions of the product, when the text names one: "PSMA-directed CAR T cells" in
        the title of a study of CART-PSMA-TGFβRDN name that product. With several products named, the class names
        none of them alone and is left out; a review that pools several products keeps the class. (Of a whole
        document: a short text such as an arm's name keeps every agent it names.)"""
        short = any(m.curie is None and _SHORT_RADIOLIGAND.fullmatch(m.label or "") for m in mentions)
        unnamed = any(m.curie in UNNAMED_PRODUCTS for m in mentions)
        if not (short or unnamed) or POOLED_STUDY.search(text):
            return mentions
        if short:  # (a short name resolves to a curated radioligand, never to an unnamed product)
            mentions = _with_short_names_resolved(mentions)
        if not unnamed:
            return mentions
        kept = []
        products: dict[str, list[Mention]] = {}
        for generic in {m.curie for m in mentions if m.curie in UNNAMED_PRODUCTS}:
            radionuclide = self.ontology.agents[generic].radionuclide
            named = [m for m in mentions if self._names_product_of(m, generic, radionuclide)]
            if named:
                products[generic] = named
        for mention in mentions:
            named = products.get(mention.curie) if mention.curie else None
            if not named:
                kept.append(mention)
            elif len({m.label for m in named}) == 1:
                product = named[0]
                kept.append(replace(mention, curie=product.curie, label=product.label, curated=product.curated))
        return kept

    def _names_product_of(self, mention: Mention, generic: str, radionuclide: str | None) -> bool:
        """Whether ``mention`` names a product of the class of the agent ``generic`` (labelled with ``radionuclide``,
        when the class is one of a radionuclide)."""
        if not mention.is_agent or mention.curie == generic or mention.kind != self.ontology.agents[generic].kind:
            return False
        agent = self.ontology.agents.get(mention.curie) if mention.curie else None
        if agent is None:  # a product the ontology does not know: its label starts with its radionuclide ("99mTc-")
            if radionuclide is None:
                return True
            nuclide = self.ontology.radionuclides[radionuclide]
            prefix = f"{nuclide.mass_number}{'m' if nuclide.metastable else ''}{nuclide.symbol}"
            return (mention.label or mention.text).startswith(prefix)
        return agent.target == self.ontology.agents[generic].target and agent.radionuclide == radionuclide

    def _with_shared_ligands(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "terbium-161 versus lutetium-177 PSMA-617": a radionuclide joined to a radioligand shares its ligand, so it
        names that ligand's radioligand with this nuclide (161Tb-PSMA-617), known to the ontology or new."""
        result = list(mentions)
        for index, (nuclide, joined) in enumerate(pairwise(mentions)):
            radionuclide = self.ontology.radionuclides.get(nuclide.curie or "")
            if (
                radionuclide is None
                or not joined.is_agent
                or not _JOINS_RADIOLIGANDS.fullmatch(text, nuclide.end, joined.start)
            ):
                continue
            ligand = self._ligand_label(joined)
            if ligand is None:
                continue
            label = f"{radionuclide.mass_number}{'m' if radionuclide.metastable else ''}{radionuclide.symbol}-{ligand}"
            known = self.lexicon.resolve(label)
            if known:
                entity = self.ontology.entity(known)
                curie, kind, label = known, entity.kind, entity.label
            else:
                curie, kind = None, "RadioligandTherapy" if radionuclide.is_therapeutic else "ImagingAgent"
            result[index] = Mention(
                nuclide.start, nuclide.end, nuclide.text, curie, kind, curated=known is not None, label=label,
                via="shared-ligand",
            )  # fmt: skip
        return result

    def _with_symptom_domains(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "time to deterioration of fatigue (HR 0.58 ...), diarrhoea (...) and insomnia (...)", "the fatigue score":
        symptoms whose deterioration or worsening is timed, or that are scored, are domains of quality of life, not
        adverse events."""
        quality = self.ontology.endpoints["endpoint:HRQoL"]
        result: list[Mention] = []
        listed = False  # the mention before is a domain that heads a list
        for index, mention in enumerate(mentions):
            previous = mentions[index - 1] if index else None
            domain = mention.kind == "AdverseEvent" and (
                _DETERIORATION_OF.search(text, max(0, mention.start - 40), mention.start) is not None
                or _SCORED.match(text, mention.end) is not None
                or (listed and previous is not None and _NEXT_DOMAIN.fullmatch(text, previous.end, mention.start))
            )
            if domain:
                mention = Mention(mention.start, mention.end, mention.text, quality.curie, quality.kind,
                                  label=quality.label, via="symptom-domain")  # fmt: skip
            listed = domain
            result.append(mention)
        return result

    def _with_generic_psma_pet(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "PSMA PET/CT" in a text whose one PSMA tracer imaged by PET is named ("68Ga-PSMA-11 PET/CT versus
        conventional imaging ... in 28% after PSMA PET/CT"): a mention of that tracer, which the arms then see."""
        tracers = {m.curie for m in mentions if m.curie and self._psma_pet_tracer(m.curie)}
        if len(tracers) != 1 or any(m.kind in _THERAPY_KINDS for m in mentions):
            return mentions  # (in a study of a therapy, PSMA PET selects the men: its tracer is no arm to count)
        entity = self.ontology.entity(tracer := tracers.pop())
        result = list(mentions)
        for match in _GENERIC_PSMA_PET.finditer(text):
            start, end = match.span()
            inside = [m for m in result if start <= m.start and m.end <= end]
            if any(m.kind != "Target" for m in inside) or any(m.start < end and start < m.end for m in result
                                                              if m not in inside):  # fmt: skip
                continue  # (part of a name: "the PSMA-PET trial", "PSMA PET-guided radiotherapy")
            result = [m for m in result if m not in inside]
            result.append(Mention(start, end, match.group(), tracer, entity.kind, label=entity.label,
                                  via="generic-psma-pet"))  # fmt: skip
        return sorted(result, key=lambda m: m.start)

    def _psma_pet_tracer(self, curie: str) -> bool:
        agent = self.ontology.agents.get(curie)
        if agent is None or agent.kind != "ImagingAgent" or agent.target != "target:PSMA" or not agent.radionuclide:
            return False
        return "positron" in self.ontology.radionuclides[agent.radionuclide].emissions

    def _ligand_label(self, agent: Mention) -> str | None:
        """The ligand of a radioligand mention: the ontology's, or the code after the nuclide in a new one's label."""
        known = self.ontology.agents.get(agent.curie or "")
        if known is not None:
            ligand = self.ontology.ligands.get(known.ligand or "")
            return ligand.label if ligand is not None and known.radionuclide else None
        if agent.via == "radioligand" and agent.label and "-" in agent.label:
            return agent.label.split("-", 1)[1]
        return None

    def _lexicon_mentions(self, text: str, start: int, end: int, key: str) -> Iterable[Mention]:
        resolved = self._resolved.get(key)
        if resolved is None:
            return ()
        curie, kind, shared, label = resolved
        other_term = _OTHER_TERM_AFTER.get(curie)
        if other_term and other_term.match(text, end):
            return ()
        other_term = _OTHER_TERM_BEFORE.get(curie)
        if other_term and other_term.search(text, max(0, start - 20), start):
            return ()
        if kind == "ClinicalTrial" and start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
            return ()  # the end of another trial's name: "NEO-LuPSMA" is not LuPSMA
        return (Mention(start, end, text[start:end], curie, kind, shared=shared, label=label),)

    def _resolutions(self) -> dict[str, tuple[str, str, tuple[str, ...], str]]:
        """Lexicon key -> (CURIE, kind, other CURIEs of a shared label, canonical label)."""
        resolved = {}
        for key, entries in self._entries.items():
            curies = tuple(dict.fromkeys(e.curie for e in entries))
            first = entries[0]
            resolved[key] = (first.curie, first.kind, curies[1:], self.ontology.entity(first.curie).label)
        return resolved

    def _radioligands(self, text: str, hyphenated: str) -> Iterable[Mention]:
        for match in _NEW_RADIOLIGAND.finditer(hyphenated):
            symbol = match.group("s1") or match.group("s2") or match.group("s3")
            mass = (match.group("m1") or match.group("m2") or match.group("m3")) + (
                match.group("x1") or match.group("x2") or match.group("x3") or ""
            )
            nuclide = self._nuclides.get((symbol, mass))
            code = match.group("code")
            if code[-1].islower():  # the only codes that may end with an adjective ("-positive")
                code = _ADJECTIVE_SUFFIX.sub("", code)
            code = code.rstrip(".-/")
            if nuclide is None:
                continue
            label = f"{mass}{symbol}-{code}"
            known = self.lexicon.resolve(label)
            coded = any(c.isdigit() for c in code) or sum(c.isupper() for c in code) >= 2
            # a name in lower case: one the lexicon knows ("18F-fluciclovine"), or a drug name of its own
            # ("177Lu-ludotadipep"), not an English word ("131I-labelled", "177Lu-naive", "18F-based")
            if not coded and not (known or _DRUG_NAME.fullmatch(code)):
                continue
            if code in _LABELLING_ONLY:
                continue  # "[18F]AlF" names how a ligand is labelled, not an agent
            end = match.start("code") + len(code)
            if known:
                entity = self.ontology.entity(known)
                yield Mention(match.start(), end, text[match.start() : end], known, entity.kind, label=entity.label)
                continue
            kind = "RadioligandTherapy" if nuclide.is_therapeutic else "ImagingAgent"
            yield Mention(
                match.start(),
                end,
                text[match.start() : end],
                None,
                kind,
                curated=False,
                label=label,
                via="radioligand",
            )

    def _antibodies(self, text: str) -> Iterable[Mention]:
        """Antibodies the ontology does not know, named by their INN stem ("pasritamig", a multispecific "-mig"; a
        monoclonal "-mab"): agents of a study wherever a text names them, as with known ones."""
        if "mab" not in text and "mig" not in text and "tug" not in text and "bart" not in text:
            return  # no stem: spares the pattern on most texts
        for match in _ANTIBODY_WORD.finditer(text):
            name = match.group().lower()
            if self.lexicon.resolve(name):
                continue  # a known one ("acapatamab"), found by the lexicon
            kind = "BispecificAntibody" if name.endswith("mig") else "OtherAgent"
            yield Mention(match.start(), match.end(), match.group(), None, kind, curated=False, label=name,
                          via="antibody-name")  # fmt: skip

    def _psa_responses(self, text: str, hyphenated: str, folded: str) -> Iterable[Mention]:
        if "percent" in folded or "per cent" in folded:
            yield from self._worded_psa_responses(text, folded)
        for match in _PSA_RESPONSE.finditer(hyphenated, folded):
            threshold = next((match.group(g) for g in "abcdefgh" if match.group(g)), None)
            any_decline = match.group("any") or match.group("anyby")
            curie = "endpoint:any-PSA-decline" if any_decline else _PSA_ENDPOINTS.get(threshold or "")
            if curie is None or curie not in self.ontology.endpoints:
                continue
            if match.group("any") is None and not _psa_in_sentence(folded, match.start(), match.end()):
                continue
            if OTHER_MARKER.search(text, max(0, match.start() - 40), match.start()):
                continue  # "CTC counts fell by at least 50%": a threshold of another marker
            entity = self.ontology.endpoints[curie]
            yield Mention(
                match.start(), match.end(), text[match.start() : match.end()], curie, entity.kind, label=entity.label,
                via="psa-threshold",
            )  # fmt: skip
            following = _NEXT_THRESHOLD.match(hyphenated, match.end()) if threshold else None
            if following and int(following.group("n")) > int(threshold) and following.group("n") in _PSA_ENDPOINTS:
                entity = self.ontology.endpoints[_PSA_ENDPOINTS[following.group("n")]]
                yield Mention(
                    following.start("n"), following.end(), text[following.start("n") : following.end()], entity.curie,
                    entity.kind, label=entity.label, via="psa-threshold",
                )  # fmt: skip

    def _worded_psa_responses(self, text: str, folded: str) -> Iterable[Mention]:
        """PSA responses whose threshold is written in words: "a decline of at least fifty percent" (PSA named in the
        sentence)."""
        for match in _WORDED_PSA_RESPONSE.finditer(folded):
            curie = _PSA_ENDPOINTS.get(str(_WORDED_THRESHOLDS[match.group("words")]))
            if curie is None or curie not in self.ontology.endpoints:
                continue
            if not _psa_in_sentence(folded, match.start(), match.end()):
                continue
            entity = self.ontology.endpoints[curie]
            yield Mention(match.start(), match.end(), text[match.start() : match.end()], curie, entity.kind,
                          label=entity.label, via="psa-threshold")  # fmt: skip

    def _detections(self, text: str, folded: str) -> Iterable[Mention]:
        entity = self.ontology.endpoints.get("endpoint:detection-rate")
        if entity is None:
            return
        found = list(_DETECTION.finditer(text, folded))
        if "lesions" in text:
            found += _LESIONS_DETECTED.finditer(text, folded)
        for match in found:
            yield Mention(match.start(), match.end(), match.group(), entity.curie, entity.kind, label=entity.label,
                          via="detection")  # fmt: skip

    def _qualified_diseases(self, text: str, folded: str) -> Iterable[Mention]:
        for match in _DISEASE_QUALIFIER.finditer(text, folded):
            curie = _QUALIFIED_DISEASES[match.lastgroup or ""]
            entity = self.ontology.entity(curie)
            yield Mention(match.start(), match.end(), match.group(), curie, entity.kind, label=entity.label,
                          via="disease-qualifier")  # fmt: skip

    def _unsized_psa_declines(self, text: str, folded: str) -> Iterable[Mention]:
        """Any PSA decline written without a size: "PSA fell from baseline in 8", "some decline in PSA", "PSA fell in 7
        men (39%)"."""
        entity = self.ontology.endpoints["endpoint:any-PSA-decline"]
        spans = []
        at = folded.find("baseline")
        while at >= 0:
            end = at + len("baseline")
            fell = _PSA_FELL_BEFORE_BASELINE.search(text, max(0, at - 50), at)
            if fell and not _THRESHOLD_AFTER.match(text, end):  # "fell from baseline by 50%": a threshold
                spans.append((fell.start(), end))
            at = folded.find("baseline", end)
        at = folded.find("some ")
        while at >= 0:
            some = _SOME_PSA_DECLINE.match(text, at)
            if some and (at == 0 or not text[at - 1].isalnum()):
                spans.append(some.span())
            at = folded.find("some ", at + 1)
        spans += [match.span() for match in _PSA_FELL_IN.finditer(text)]
        for start, end in spans:
            yield Mention(start, end, text[start:end], entity.curie, entity.kind, label=entity.label, via="psa-any")

    def _lesions_found(self, text: str, folded: str) -> Iterable[Mention]:
        """Detection rates written as the patients with a lesion found. The verb before is left out of the
        mention, which the value precedes ("131 (80%) had at least one PSMA-avid lesion")."""
        entity = self.ontology.endpoints["endpoint:detection-rate"]
        for match in _ONE_LESION.finditer(text, folded):
            end = match.end()
            if not folded.endswith(_FINDING_VERB_BEFORE, 0, match.start()):
                found = _FOUND_AFTER.match(text, end)
                if found is None:
                    continue
                end = found.end()
            yield Mention(match.start(), end, text[match.start() : end], entity.curie, entity.kind,
                          label=entity.label, via="detection")  # fmt: skip

    def _survival_without_its_name(self, text: str, folded: str) -> Iterable[Mention]:
        """Overall survival named by "N-year survival", "shorter survival", by the men "alive" or by who "lived
        longer" or "lived a median of" (``folded`` is ``text`` lower-cased)."""
        entity = self.ontology.endpoints["endpoint:OS"]
        for word, before, after, after_needed in (
            ("survival", _LANDMARK_BEFORE_SURVIVAL, _NOT_SURVIVAL_RATE_AFTER, False),
            ("survival", _COMPARED_BEFORE_SURVIVAL, _NOT_SURVIVAL_RATE_AFTER, False),
            ("alive", _STATE_BEFORE_ALIVE, None, False),
            ("lived", None, _LONGER, True),
            ("survived", None, _LONGER, True),
        ):
            at = folded.find(word)
            while at >= 0:
                end = at + len(word)
                found_after = bool(after and after.match(folded, end))
                if (
                    (before is None or before.search(folded, max(0, at - 20), at))
                    and (at == 0 or not folded[at - 1].isalnum())
                    and (end == len(folded) or not folded[end].isalnum())
                    and found_after == after_needed
                ):
                    free = _ALIVE_WITHOUT_PROGRESSION.match(folded, end) if word == "alive" else None
                    if free is not None:  # alive without progression: progression-free, not overall, survival
                        kind = next((k for k in ("radiographic", "psa") if free.group(k)), None)
                        named = self.ontology.endpoints[_PROGRESSION_FREE[kind]]
                        yield Mention(at, free.end(), text[at : free.end()], named.curie, named.kind,
                                      label=named.label, via="survival")  # fmt: skip
                    else:
                        yield Mention(
                            at, end, text[at:end], entity.curie, entity.kind, label=entity.label, via="survival"
                        )
                at = folded.find(word, end)

    def _region_shares(self, text: str, folded: str, candidates: list[Mention]) -> Iterator[Mention]:
        """Detection rates of an imaging study named by a region with its share (_REGION_SHARE), in a sentence of the
        scans' findings (a finding word shortly before: "Overall detection rate 69.0%. By PSA: ... Local recurrence in
        27.1%"), not of the men's baseline nor of pathology; after a detection rate its sentence names, a region is a
        part of that rate ("detection rate was 21% in the prostate bed"), no rate of its own."""
        named = [m.start for m in candidates if m.curie == "endpoint:detection-rate"]
        for mention in self._phrased(text, folded, _REGION_SHARE, "endpoint:detection-rate", "detection"):
            start, end = _sentence_around(text, mention.start, mention.end)
            if (
                not any(start <= rate < mention.start for rate in named)
                and _FINDING_WORD.search(text, max(0, mention.start - 300), mention.end)
                and not _PATHOLOGY.search(text, start, end)
                and not _AT_BASELINE.search(text, start, end)
            ):
                yield mention

    def _phrased(self, text: str, folded: str, pattern: AnchoredPattern, curie: str, via: str) -> Iterable[Mention]:
        """Mentions of one endpoint written as a phrase with words between its parts (the group ``span`` of
        the pattern, when it has one, is the mention)."""
        entity = self.ontology.endpoints.get(curie)
        if entity is None:
            return
        group = "span" if "span" in pattern.compiled.groupindex else 0
        for match in pattern.finditer(text, folded):
            start, end = match.span(group)
            yield Mention(start, end, match.group(group), curie, entity.kind, label=entity.label, via=via)

    def _with_code_agents(self, text: str, folded: str, candidates: list[Mention]) -> list[Mention]:
        """Agents named by a code the text defines with their class ("XY-12, an anti-PSMA antibody-drug
        conjugate"), at every place the code is written. A generic mention of the class inside the definition
        ("PSMA CAR T cells (XY-12)") names the same agent: it is dropped, there and elsewhere, also when the
        code is a curated agent."""
        defined: dict[str, str] = {}
        # a code written in brackets after the agent's name -> that agent (its CURIE when curated, and label)
        aliases: dict[str, tuple[str | None, str]] = {}
        generic: set[str | None] = set()
        for code, kind, start, end, name in _code_definitions(text, folded):
            named = self._resolved.get(normalize_label(name)) if name != code else None
            if named is not None and named[1] == kind:
                aliases[code] = (named[0], named[3])  # "Xaluritamig (AMG-509), a ... T-cell engager"
            elif name != code and _INN_OF_ANTIBODY.fullmatch(name):
                aliases[code] = (None, name.lower())
            known = self._resolved.get(normalize_label(code))
            inn = _INN_OF_ANTIBODY.fullmatch(code) is not None
            if (known[1] != kind) if known else not (_looks_like_code(code) or inn):
                continue
            if not known and inn:  # an antibody's name, written capitalized at a sentence's start or not
                defined.setdefault(code.lower(), kind)
                defined.setdefault(code.capitalize(), kind)
            elif not known:
                defined.setdefault(code, kind)
            generic.update(
                m.curie for m in candidates
                if m.kind == kind and m.start < end and start < m.end and (not known or m.curie != known[0])
            )  # fmt: skip
        kept = [m for m in candidates if m.curie not in generic] if generic else candidates
        if not defined:
            return kept
        longest_first = sorted(defined, key=len, reverse=True)
        codes = re.compile(_LEFT + "(?:" + "|".join(map(re.escape, longest_first)) + ")" + _RIGHT)
        for match in codes.finditer(text):
            code = match.group()
            curie, label = aliases.get(code) or (None, code.lower() if _INN_OF_ANTIBODY.fullmatch(code) else code)
            kept.append(Mention(match.start(), match.end(), code, curie, defined[code], curated=curie is not None,
                                label=label, via="code-name"))  # fmt: skip
        return kept

    def _registry_ids(self, text: str) -> Iterable[Mention]:
        for match in _REGISTRY.finditer(text):
            scheme = next(name for name in ("nct", "actrn", "eudract", "isrctn") if match.group(name))
            identifier = match.group(scheme)
            curie = self._registrations.get(identifier.upper())
            # (a EudraCT number is only digits: its label says what it is, as NCT and ACTRN ids do)
            label = (
                self.ontology.trials[curie].label if curie else ("EudraCT " if scheme == "eudract" else "") + identifier
            )
            yield Mention(
                match.start(scheme),
                match.end(scheme),
                identifier,
                curie,
                "ClinicalTrial",
                curated=curie is not None,
                label=label,
                via=f"registry:{scheme}",
            )

    def _with_abbreviations(self, text: str, mentions: list[Mention], titled: list[re.Match[str]]) -> list[Mention]:
        """Abbreviations defined in the text ("... survival (rPFS)") name the same entity afterwards; an acronym of
        the title's trial (``titled``: "... prostate cancer (LUPEM)") is none."""
        aliases: dict[str, Mention] = {}
        trial_names = {match.group("name") for match in titled}
        for mention in mentions:
            match = _ABBREVIATION.match(text, mention.end)
            # (a short form is shorter than what it stands for: "PFS (PSA, radiographic or clinical progression)"
            # lists what PFS counts, it defines no "PSA")
            if match and mention.curie and match.group(1) not in aliases and len(match.group(1)) < len(mention.text):
                short = match.group(1)
                if _TRIAL_DEFINITION.match(text, match.start(1)):
                    continue  # "prostate cancer (LUTARIS): a randomised phase 3 trial" names the trial
                known = self._entries.get(normalize_label(short), ())
                # A label the lexicon finds as written needs no alias; one it knows only in another case ("SOC"
                # for "SoC") is this alias, unless it names another entity.
                found = any(not self._case_sensitive(entry) or entry.surface == short for entry in known)
                same = all(entry.curie == mention.curie for entry in known)
                if not found and same and short.lower() != mention.text.lower() and short not in trial_names:
                    aliases[short] = mention
        if not aliases:
            return mentions
        pattern = re.compile(
            _LEFT + "(?:" + "|".join(map(re.escape, sorted(aliases, key=len, reverse=True))) + ")" + _RIGHT
        )
        found = [
            Mention(
                m.start(),
                m.end(),
                m.group(),
                aliases[m.group()].curie,
                aliases[m.group()].kind,
                label=aliases[m.group()].label,
                via="abbreviation",
            )
            for m in pattern.finditer(text)
        ]
        return _without_overlaps([*mentions, *found])

    def _named_trials(self, text: str, mentions: list[Mention], titled: list[re.Match[str]]) -> list[Mention]:
        """Trials the text names ("the ZEPHYR trial"), defines ("ZEPHYR: a randomised phase 3 trial") or puts in
        its title (``titled``)."""
        taken = [(m.start, m.end) for m in mentions]
        found: list[Mention] = []
        matches = [*_NAMED_TRIAL.finditer(text), *_trial_definitions(text), *titled, *_listed_trials(text)]
        matches += _TRIAL_THEN_NAME.finditer(text)
        matches += _TRIAL_NAME_IN_BRACKETS.finditer(text)
        # (and an agent's abbreviation: "LUSPARE-ADT")
        inner = {(m.start, m.end) for m in mentions if m.kind in ("Disease", "Target") or _is_abbreviated_agent(m)}
        for match in sorted(matches, key=lambda m: m.start("name")):
            name = match.group("name")
            start, end = match.span("name")
            # a disease's abbreviation or the target inside a hyphenated name ("CUPRIC-BCR", "TANDEM-PSMA") is part of
            # the name
            overlapping = [(s, e) for s, e in taken if s < end and start < e]
            within = (
                "-" in name
                and all(start <= s and e <= end and (s, e) in inner for s, e in overlapping)
                and not _generic_rest(text, overlapping, start, end)
            )
            if name.upper() in _NOT_TRIAL_NAMES or name in _HEADINGS or (overlapping and not within):
                continue
            if "noun" in match.re.groupindex and match.group("noun") == "cohort" and "-" not in name:
                continue  # a cohort's name is hyphenated ("the TANDEM-AL cohort"); "the SBRT cohort" names a treatment
            if self._entries.get(normalize_label(name)) or _NEW_RADIOLIGAND.match(name):
                continue
            found.append(Mention(start, end, name, None, "ClinicalTrial", curated=False, label=name, via="named-trial"))
            taken.append((start, end))
        return found

    def _disambiguate(self, text: str, mention: Mention) -> Mention:
        """A shared label ("LuPSMA") names the trial when followed by 'trial' or 'study', else the other entity."""
        if not mention.shared:
            return mention
        options = (mention.curie, *mention.shared)
        trial_context = bool(_TRIAL_WORDS.match(text, mention.end))
        for curie in options:
            entity = self.ontology.entity(curie)
            if (entity.kind == "ClinicalTrial") == trial_context:
                return Mention(
                    mention.start, mention.end, mention.text, curie, entity.kind, options, label=entity.label
                )
        return mention


def _without_redefined_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions but those of an abbreviation the text defines as something else: after "the pooled diagnostic odds
    ratio (DOR)", no "DOR" of the document is the duration of response. A definition is the abbreviation in brackets
    after as many words as it has letters, each word starting with its letter, that name no mention of its own.

    >>> dor = Mention(34, 37, "DOR", "endpoint:DoR", "Endpoint")
    >>> _without_redefined_abbreviations("The pooled diagnostic odds ratio (DOR) was 46.5.", [dor])
    []
    """
    redefined: set[tuple[str, str | None]] = set()
    for mention in mentions:
        short = mention.text
        if not (2 <= len(short) <= 6 and short.isalpha()) or text[mention.start - 1 : mention.start] != "(":
            continue
        if text[mention.end : mention.end + 1] != ")":
            continue
        words = re.findall(r"[A-Za-z][\w-]*", text[max(0, mention.start - 80) : mention.start - 1])[-len(short) :]
        if len(words) != len(short) or "".join(w[0] for w in words).lower() != short.lower():
            continue
        long_start = text.rfind(words[0], 0, mention.start)
        if any(m.start < mention.start - 1 and m.end > long_start for m in mentions if m is not mention):
            continue  # ("radiographic progression-free survival (rPFS)": the words are a mention, the same entity)
        redefined.add((short, mention.curie))
    if not redefined:
        return mentions
    return [m for m in mentions if (m.text, m.curie) not in redefined]


def _is_abbreviated_agent(mention: Mention) -> bool:
    """An agent written as an abbreviation in capitals ("ADT", "SBRT"), which a trial's hyphenated name may hold."""
    return mention.is_agent and 2 <= len(mention.text) <= 5 and mention.text.isupper() and mention.text.isalpha()


#: What a hyphenated name may hold besides the target and still describe a kind of study, not name one: "the
#: PSMA-PET trial", "a PSMA-RLT study".
_GENERIC_REST = re.compile(r"-?(?:PET|CT|PET/CT|SPECT|SPECT/CT|MRI|RLT|TRT|imaging|guided|targeted)?-?", re.I)


#: A radionuclide's PSMA ligand named without its code: "225Ac-PSMA", "177Lu-PSMA".
_SHORT_RADIOLIGAND = re.compile(r"\d{1,3}m?[A-Z][a-z]?-PSMA")


def _with_short_names_resolved(mentions: list[Mention]) -> list[Mention]:
    """The mentions with a new radioligand named without its code ("225Ac-PSMA" in a title) made mentions of the one
    known radioligand of the text whose name it starts ("225Ac-PSMA-617" in its methods); with none or several, it
    stays as it is."""
    short = {
        m.label for m in mentions if m.curie is None and m.is_agent and _SHORT_RADIOLIGAND.fullmatch(m.label or "")
    }
    if not short:
        return mentions
    resolved = {}
    for label in short:
        full = {m.curie: m for m in mentions if m.curie and m.is_agent and (m.label or "").startswith(label + "-")}
        if len(full) == 1:
            resolved[label] = next(iter(full.values()))
    return [
        replace(m, curie=known.curie, label=known.label, kind=known.kind, curated=known.curated)
        if m.curie is None and (known := resolved.get(m.label or "")) is not None
        else m
        for m in mentions
    ]


def _generic_rest(text: str, overlapping: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the part of a name at ``start``-``end`` left after the one mention inside it is generic ("PSMA-PET")."""
    if len(overlapping) != 1:
        return False
    inner_start, inner_end = overlapping[0]
    rest = text[start:inner_start] + text[inner_end:end]
    return _GENERIC_REST.fullmatch(rest) is not None


#: The word right before a bracket: "APEX-01 (" before "NCT04662580)".
_NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z0-9][\w-]*)(?:\s+(?:trial|study|registry|cohort))?\s*\(\s*$", re.I
)


_THERAPY_KINDS = frozenset({"RadioligandTherapy", "AntibodyDrugConjugate", "CARTCellTherapy", "CARNKCellTherapy",
                           "BispecificAntibody", "Chemotherapy"})  # fmt: skip
#: Right before a symptom whose deterioration is timed: "time to deterioration of ", "worsening in ".
_DETERIORATION_OF = re.compile(r"\b(?:deterioration|worsening)\s+(?:of|in)\s+(?:the\s+)?$", re.I)
#: After a symptom that is scored: "the fatigue score", "insomnia scale", "pain subscale".
_SCORED = re.compile(r"\s+(?:sub)?(?:scores?|scales?)\b", re.I)
#: Between two symptoms of a list of domains: "fatigue (HR 0.58, 95% CI 0.40-0.85), diarrhoea".
_NEXT_DOMAIN = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)")
#: PSMA PET named without its tracer: "PSMA PET/CT", "PSMA-PET", "PSMA PET-CT", "PSMA PET/MRI".
_GENERIC_PSMA_PET = re.compile(r"(?<![\w-])PSMA[- ]PET(?:\s*/\s*(?:CT|MRI?)|-CT)?(?![\w/-])")


def _registry_ids_of_named_trials(text: str, mentions: list[Mention]) -> list[Mention]:
    """A registry id in brackets after a trial's name ("In APEX-01 (NCT04662580)") is that trial's registration,
    not a trial of its own: it takes the trial's entity, so the two are one trial with its id.

    >>> text = "In APEX-01 (NCT04662580), 41 men were dosed"
    >>> apex = Mention(3, 10, "APEX-01", None, "ClinicalTrial", curated=False, label="APEX-01", via="named-trial")
    >>> nct = Mention(12, 23, "NCT04662580", None, "ClinicalTrial", curated=False, via="registry:nct")
    >>> [(m.label, m.via) for m in _registry_ids_of_named_trials(text, [apex, nct])]
    [('APEX-01', 'named-trial'), ('APEX-01', 'registry:nct')]
    """
    trials = {
        normalize_label(m.text): m for m in mentions if m.kind == "ClinicalTrial" and not m.via.startswith("registry:")
    }
    if not trials:
        return mentions
    registered: dict[str, Mention] = {}  # registry id -> the trial it is written after, in brackets
    unlinked = set()
    for mention in mentions:
        if mention.via.startswith("registry:") and mention.curie is None:
            before = _NAME_BEFORE_BRACKET.search(text, max(0, mention.start - 40), mention.start)
            trial = trials.get(normalize_label(before.group("name"))) if before else None
            if trial is not None:
                registered.setdefault(mention.text, trial)
            else:
                unlinked.add(mention.text)
    named = [t for t in trials.values() if t.curie is None]
    if not registered and len(unlinked) == 1 and len(named) == 1 and len(trials) == 1:
        # One trial named and one registry id written apart from it ("DAROLU: ... a randomised phase 2 trial
        # (NCT05601817)", "(the SPECTRA-PC study, NCT05230671)"): the id is that trial's.
        registered[unlinked.pop()] = named[0]
    if not registered:
        return mentions
    linked = []
    for mention in mentions:  # the same id written elsewhere ("Clinical trial information: NCT...") is the same trial
        trial = registered.get(mention.text) if mention.via.startswith("registry:") and mention.curie is None else None
        if trial is not None:
            mention = replace(mention, curie=trial.curie, curated=trial.curated, label=trial.label)
        linked.append(mention)
    return linked


def _holds_defining_words(before: str) -> bool:
    """Whether the stretch before a "trial" or "study" holds what every definition holds before its noun ("is a",
    ": the", ...): a cheap test that spares the pattern most stretches (written out, it is run for every noun)."""
    return (
        ": a " in before or ": an " in before or ": the " in before
        or " is a " in before or " is an " in before or " is the " in before
        or " was a " in before or " was an " in before or " was the " in before
        or ("): " in before and (" of a" in before or " of the " in before or " from a" in before
                                 or " from the " in before))
    )  # fmt: skip


def _listed_trials(text: str) -> list[re.Match[str]]:
    """The names of a list of trials in brackets ("trials (LUMEN-1, LUMEN-2 and Lu-STRIVE)"), when every item of the
    list is written as a name.

    >>> [m.group("name") for m in _listed_trials("pooled from three trials (LUMEN-1, LUMEN-2 and Lu-STRIVE).")]
    ['LUMEN-1', 'LUMEN-2', 'Lu-STRIVE']
    >>> _listed_trials("in two trials (n = 214)")
    []
    """
    found: list[re.Match[str]] = []
    for listed in _LISTED_TRIALS.finditer(text):
        start, end = listed.span("list")
        items = [_LISTED_TRIAL_NAME.fullmatch(text, a, b) for a, b in _list_items(text, start, end)]
        if len(items) >= 2 and all(items):
            found.extend(m for m in items if m is not None)
    return found


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of ``text[start:end]`` joined by commas, "and" or "or"."""
    spans, at = [], start
    for join in LIST_SEPARATOR.finditer(text, start, end):
        spans.append((at, join.start()))
        at = join.end()
    spans.append((at, end))
    return [(a, b) for a, b in spans if b > a]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) around ``text[start:end]``, read from ". " and line breaks."""
    before = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    after = min(at for at in (text.find(". ", end), text.find("\n", end), len(text)) if at >= 0)
    return before, after


def _title_trials(text: str) -> list[re.Match[str]]:
    """The acronym a trial's title opens with ("DARLU-HS: randomized phase 2 of ...") or closes with ("... a
    randomised phase II trial of X in mCRPC (LUPEM)"): the title (the text's first line) must speak of a trial.

    >>> [m.group("name") for m in _title_trials("A randomised phase 2 trial of X (LUPEM)\\nMen were ...")]
    ['LUPEM']
    """
    line_end = text.find("\n")
    title = text if line_end < 0 else text[:line_end]
    if not _TRIAL_TITLE.search(title):
        return []
    return [m for pattern in (_TITLE_OPENING_ACRONYM, _TITLE_CLOSING_ACRONYM) if (m := pattern.search(title))]


def _trial_definitions(text: str) -> list[re.Match[str]]:
    """The places where the text defines an acronym as its trial, found from the words "trial" and "study":
    only the stretch before one that holds a defining word ("is a", ": a") is searched.

    >>> [m.group("name") for m in _trial_definitions("Men were enrolled. ZEPHYR is a randomised phase 2 trial.")]
    ['ZEPHYR']
    """
    found = []
    for noun in ("trial", "study"):
        at = text.find(noun)
        while at >= 0:
            reach = max(0, at - _DEFINITION_REACH)
            before = text[reach:at]
            if _holds_defining_words(before):
                found.extend(_TRIAL_DEFINITION.finditer(text, reach, at + len(noun)))
            at = text.find(noun, at + 1)
    return found


def _code_definitions(text: str, folded: str) -> Iterator[tuple[str, str, int, int, str]]:
    """(code, agent class, start, end of the words that name the class, and the name it stands for) of each code the
    text defines next to a class noun, whatever it targets ("pasritamig, a KLK2×CD3 bispecific antibody" is an agent
    of a study too).

    >>> text = "ZR-9, a PSMA×CD3 T-cell engager, and PSMA CAR T cells (XY-12) were given."
    >>> [(code, kind, text[start:end]) for code, kind, start, end, _name in _code_definitions(text, fold(text))]
    [('ZR-9', 'BispecificAntibody', 'PSMA×CD3 T-cell engager'), ('XY-12', 'CARTCellTherapy', 'CAR T cells')]
    """
    for noun in _CLASS_NOUN_SCAN.finditer(text, folded):
        kind = noun.lastgroup or ""
        before = _CODE_BEFORE_CLASS.search(text, max(0, noun.start() - _DESCRIPTOR_REACH), noun.start())
        after = _CODE_IN_BRACKETS.match(text, noun.end())
        if before and not _STUDY_OF.search(before.group("descriptor")):
            code = before.group("code")
            yield code, kind, before.start("descriptor"), noun.end(), code
            if before.group("alias"):  # "Pasritamig (JNJ-78278343), a KLK2×CD3 bispecific antibody": one agent
                yield before.group("alias"), kind, before.start("descriptor"), noun.end(), code
        if after:
            yield after.group("code"), kind, noun.start(), noun.end(), after.group("code")


def _psa_in_sentence(folded: str, start: int, end: int) -> bool:
    """Whether PSA is named in the sentence before a decline threshold, or just after it ("a decline of ≥90%",
    "50% decline in PSA"): the threshold is then a PSA response.

    >>> text = "A confirmed PSA decline of ≥50% was seen in 24 of 40 men (60%), and a decline of ≥90% in 13"
    >>> _psa_in_sentence(fold(text), text.index("decline of ≥90%"), len(text))
    True
    >>> _psa_in_sentence(fold("PSA fell. Then a decline of ≥90% in 13"), 17, 32)
    False
    """
    sentence_start = max(folded.rfind(". ", 0, start), folded.rfind("\n", 0, start)) + 1
    return folded.find("psa", sentence_start, end + 20) >= 0


#: The international nonproprietary name of an antibody, by its stem: "-mab" (monoclonal), "-mig" (multi-specific),
#: "-tug" and "-bart" (the stems of 2021 on): "pasritamig", "xaluritamig", "rosopatamab".
_INN_OF_ANTIBODY = re.compile(r"[A-Za-z][a-z]{4,}(?:mab|mig|tug|bart)")
#: Such a name as a word of a text.
_ANTIBODY_WORD = re.compile(r"(?<![\w-])" + _INN_OF_ANTIBODY.pattern + r"(?![\w-])")


def _looks_like_code(name: str) -> bool:
    """Whether ``name`` is written like a drug code: two capitals and a digit at least, or capitals in two parts
    joined by a hyphen ("BX-PSMA"), and no radionuclide.

    >>> _looks_like_code("ZR-2150"), _looks_like_code("CT-P2B"), _looks_like_code("PSMA"), _looks_like_code("177Lu-X1")
    (True, True, False, False)
    >>> _looks_like_code("BX-PSMA"), _looks_like_code("Lu-PSMA")
    (True, False)
    """
    if _NEW_RADIOLIGAND.match(name):
        return False
    if any(c.isdigit() for c in name):
        return sum(c.isupper() for c in name) >= 2
    return "-" in name.strip("-") and name.replace("-", "").isupper() and len(name) >= 5


#: "The primary endpoint was the proportion of men with a PSA decline of 50% or more": the endpoint named next (in the
#: same sentence) is the one "the primary endpoint" stands for afterwards.
_PRIMARY_DEFINED = re.compile(r"primary (?:end ?point|outcome)\s+(?:was|is)\s+", re.I)
#: "the primary endpoint" used for a result: "24 of 40 (60%) met the primary endpoint" (_MET_BEFORE, right before
#: the words), "the primary endpoint was reached in 21 of 40" (_MET_AFTER, from them).
_PRIMARY_WORDS = re.compile(r"primary (?:end ?point|outcome)", re.I)
_MET_BEFORE = re.compile(r"\b(?:met|achieved|reached|attained)\s+(?:the|its|their)\s+$", re.I)
_MET_AFTER = re.compile(r"\s+(?:was|were)\s+(?:met|achieved|reached|attained)\s+(?:in|by)\s", re.I)
#: A change a study is sized to detect, with no endpoint named: the primary endpoint's ("80% power to detect an
#: increase from 45% to 70%", "a reduction from 60% to 30%").
_UNNAMED_CHANGE = re.compile(
    r"\b(?:increase|improvement|reduction|decrease|rise|fall|drop|gain)\s+from(?=\s+(?:an?\s+)?(?:median\s+of\s+)?\d)",
    re.I,
)
#: The end of the sentence that defines the primary endpoint.
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")


def _with_primary_endpoint(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with "the primary endpoint" of a result ("24 of 40 (60%) met the primary endpoint") as a mention of
    the endpoint the text defined as primary before it. The words are found with ``str.find`` in ``folded`` (the text
    lower-cased, same length; most abstracts hold them a few times at most), and the patterns tried only there."""
    places = []
    at = folded.find("primary ")
    while at >= 0:
        if at == 0 or not folded[at - 1].isalnum():  # a word of its own, not the end of "coprimary"
            places.append(at)
        at = folded.find("primary ", at + 8)
    defined = next((d for at in places if (d := _PRIMARY_DEFINED.match(text, at))), None)
    if defined is None:
        return mentions
    stop = _SENTENCE_END.search(text, defined.end())
    stop_at = stop.start() if stop else len(text)
    primary = next(
        (m for m in mentions if defined.end() <= m.start < stop_at and m.kind in ENDPOINT_KINDS and m.curie), None
    )
    if primary is None:
        return mentions
    used = []
    for at in places:
        words = _PRIMARY_WORDS.match(text, at) if at >= stop_at else None
        if words and (_MET_BEFORE.search(text, max(0, at - 30), at) or _MET_AFTER.match(text, words.end())):
            used.append(Mention(at, words.end(), words.group(), primary.curie, primary.kind, label=primary.label,
                                via="primary-endpoint"))  # fmt: skip
    at = folded.find("power", stop_at)
    while at >= 0:  # (a sentence of the design: "80% power to detect an increase from 45% to 70%")
        start, end = _sentence_around(text, at, at)
        for change in _UNNAMED_CHANGE.finditer(text, start, end):
            used.append(Mention(change.start(), change.end(), change.group(), primary.curie, primary.kind,
                                label=primary.label, via="primary-endpoint"))  # fmt: skip
        at = folded.find("power", max(end, at + 5))
    return sorted([*mentions, *used], key=lambda m: m.start) if used else mentions


#: An outcome the text defines by a known endpoint: "biochemical response, defined as a PSA decline of at least 50%",
#: "clinical benefit (defined as ...", "Biochemical response was defined as ...". The words before "defined as" that
#: name it, ending on an outcome's noun.
_DEFINED_TERM = re.compile(
    r"(?<![\w-])(?P<term>(?:(?!(?:was|were|is|are|the|of|a|an|and|or|with)\b)[A-Za-z][\w-]*\s+){1,2}"
    r"(?:response|remission|control|benefit|progression)(?:\s+rate)?)\s*(?:,|\(|\s(?:was|were|is|are))?\s*$",
    re.IGNORECASE,
)


#: Where a definition ends, and what makes it one of several endpoints ("... of 50% or more and/or a radiographic
#: response"), which no single endpoint stands for.
_DEFINITION_END = re.compile(r"[.;)](?:\s|$)")
_JOINED_DEFINITION = re.compile(
    r"\b(?:and|or)\b(?!\s+(?:more|greater|higher|above|over|less|lower|below|fewer|worse))", re.IGNORECASE
)


def _with_defined_endpoints(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the uses of an outcome the text defines by a known endpoint ("The primary end point was
    biochemical response, defined as a PSA decline of at least 50% from baseline. Biochemical response was achieved
    in 54 of 108 patients", "Biochemical response (PSA decrease >=50%) was achieved in 55 pts ... higher biochemical
    response") as mentions of that endpoint, from the definition on. "defined as" is found with ``str.find`` in
    ``folded``."""
    definitions: list[tuple[re.Match[str], Mention]] = []
    at = folded.find("defined as ")
    while at >= 0:
        term = _DEFINED_TERM.search(text, max(0, at - 50), at)
        after = at + len("defined as ")
        endpoint = next((m for m in mentions if after <= m.start <= after + 12 and m.kind in ENDPOINT_KINDS), None)
        clause = _DEFINITION_END.search(text, after)
        if term and endpoint and not _JOINED_DEFINITION.search(text, after, clause.start() if clause else len(text)):
            definitions.append((term, endpoint))
        at = folded.find("defined as ", after)
    for endpoint in mentions:  # an endpoint in brackets right after the outcome it defines
        if endpoint.kind not in ENDPOINT_KINDS or endpoint.start < 2 or text[endpoint.start - 1] != "(":
            continue
        closing = text.find(")", endpoint.end, endpoint.end + 30)
        term = _DEFINED_TERM.search(text, max(0, endpoint.start - 51), endpoint.start - 1)
        if term and closing >= 0 and not _JOINED_DEFINITION.search(text, endpoint.end, closing):
            definitions.append((term, endpoint))
    found: list[Mention] = []
    for term, endpoint in definitions:
        if not endpoint.curie or any(m.start < term.end("term") and term.start() < m.end for m in mentions):
            continue
        words = term.group("term").lower()
        use = folded.find(words, term.start())
        while use >= 0:
            end = use + len(words)
            if (use == 0 or not folded[use - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                found.append(Mention(use, end, text[use:end], endpoint.curie, endpoint.kind, label=endpoint.label,
                                     via="definition"))  # fmt: skip
            use = folded.find(words, end)
    if not found:
        return mentions
    return _without_overlaps([*mentions, *found])


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest-leftmost selection of non-overlapping mentions."""
    chosen: list[Mention] = []
    last_end = -1
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.via != "lexicon")):
        if mention.start >= last_end:
            chosen.append(mention)
            last_end = mention.end
    return chosen
