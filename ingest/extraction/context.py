"""Document-level context: sentences, arms, the main agent, agent roles, trial-in-progress status."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.extraction.mentions import ENDPOINT_KINDS, Mention
from ingest.extraction.prefilter import prefiltered

#: Regimens that form the backbone of both arms ("X plus standard of care" vs "standard of care").
BACKGROUND_AGENTS = frozenset({"agent:standard-of-care", "agent:adt"})
#: Steroids given with another drug ("docetaxel with prednisone"): part of no arm's name.
COMPANION_AGENTS = frozenset({"agent:prednisone", "agent:prednisolone", "agent:dexamethasone"})
PLACEBO = "agent:placebo"
#: Staging without an agent of its own ("conventional imaging"): an imaging arm, though no imaging agent.
IMAGING_REGIMENS = frozenset({"agent:conventional-imaging", "agent:mpmri", "agent:bpmri"})
#: Endpoints a man who "responded" reached.
RESPONSE_ENDPOINTS = frozenset({"endpoint:PSA50", "endpoint:PSA30", "endpoint:PSA90", "endpoint:ORR"})
#: Imaging and radiotherapy without an agent, which name arms and comparators ("81% for mpMRI", "18 months with SBRT
#: alone") but are no agent of a record.
MODALITIES_WITHOUT_AGENT = frozenset({"agent:mpmri", "agent:bpmri", "agent:sbrt"})
#: Regimens that are no treatment ("observation"): an agent of the study only as one of its arms.
ARM_ONLY_REGIMENS = frozenset({"agent:observation"})
#: Regimens a study compares with and never studies: usual care, no treatment and the usual staging.
COMPARATOR_REGIMENS = (
    frozenset({"agent:standard-of-care", "agent:best-supportive-care"}) | ARM_ONLY_REGIMENS | IMAGING_REGIMENS
)

_RANDOMIZED = prefiltered(
    r"\b(?:randomly assigned|randomi[sz]ed|randomi[sz]ation|random assignment|allocated|assigned)\b|\b(?-i:Arms)\s*:",
    re.I,
)
_SEMICOLON = re.compile(";")
#: The heading of an abstract's conclusion, after which a randomization names some other trial.
_CONCLUSION_HEADING = re.compile(r"\b(?:Conclusions?|Interpretation|Implications)\s*:")
#: Where the arms of a randomization sentence start, after the population it may describe first.
_ALLOCATED_TO = re.compile(r"(?<!\bup )\bto\b", re.I)
#: The rest of a randomization sentence that names no arm: "... were randomised (1:1).", "... randomly assigned 2:1."
_ENDS_AT_RATIO = re.compile(r"\s*(?:\(?\s*(?:in\s+a\s+)?\d\s*:\s*\d\s*\)?)?\s*(?:ratio\s*)?[.:]?\s*$", re.I)
#: Between two arms: "or to", "versus", ", or"; and ", to" (_NEXT_ARM_TO: "randomised to X, to Y or to Z", apart so
#: that the words of the first keep it from a search of texts that hold none).
_ARM_SPLIT = prefiltered(
    # (not a count's alternative: "one or two taxane regimens")
    r"\s(?:or to|(?<!\bone\s)(?<!\btwo\s)(?<!\bthree\s)or(?!\s+(?:more|greater|higher|worse|above|less|fewer|lower"
    r"|below)\b)|versus|vs\.?|compared with"
    r"|compared to|against|and to)\s|,\s*or\s"
    # "men randomised to X had longer rPFS than those randomised to Y"
    r"|\sthan\s+(?:those|patients|men|participants)\s+(?:randomi[sz]ed|randomly assigned|assigned|allocated)\s+to\s"
    # the next arm after its count: "551 were assigned to X plus SOC and 280 to SOC alone", "(99 to X, 101 to Y)"
    r"|(?:,|\s+and)\s+\d+\s+(?:(?:men|patients)\s+)?(?:were\s+)?(?:(?:randomly\s+)?(?:assigned|randomi[sz]ed|allocated)\s+)?"
    r"to\s",
    re.I,
)
#: A bracket that counts the men of each arm: "(385 to X plus SOC and 196 to SOC alone)", "(99 to X, 101 to Y)".
_COUNTED_ARMS = re.compile(r"\(\s*\d+\s+(?:(?:men|patients)\s+)?to\s+(?P<arms>[^()]*?\d+\s+to\s[^()]*)\)", re.I)
_NEXT_ARM_TO = re.compile(r",\s*to\s", re.I)
#: A list of arms closed by "or" (", or"): its other commas (outside brackets) that open an agent part the arms too.
_ANY_OR = re.compile(r",?\s+or\s", re.I)
_LIST_COMMA = re.compile(r",\s")
#: What may open an arm of a list before its first agent: "to", an article, a label with the arm in brackets
#: ("arm B (").
_ARM_OPENING = re.compile(r"(?:to\s+)?(?:the\s+|an?\s+)?(?:(?:arm|group|cohort)\s+[A-Z0-9]{1,2}\s*[(:]\s*)?", re.I)
_PRIOR = prefiltered(
    r"\b(?:after|prior|previous(?:ly)?|pretreated|pre-treated|progress(?:ed|ion|ing)?\s+(?:on|after|following)|"
    r"refractory|resistant to|(?:had|have|having)\s+(?:already\s+)?received|failed|following|exposed to|naive|naïve)"
    r"\b[^.;]{0,60}$",
    re.I,
)
#: What an arm received is its treatment, not a prior one: "or to the control group, which received ADT and
#: darolutamide only".
_ARM_RECEIVED = prefiltered(
    r"\b(?:group|arm|cohort)s?\s*,?\s*(?:which|who|that)\s+(?:then\s+)?received\b[^.;]{0,60}$", re.I
)
#: Words that set two agents side by side: "a head-to-head comparison of X and Y", "X ... compared with Y".
_COMPARISON = prefiltered(
    r"\b(?:compar(?:e|ed|es|ing|ison|isons|ative)|head-to-head|versus|vs\.?|intra-?(?:individual|patient)"
    r"|(?:as\s+)?an\s+alternative\s+to|relative\s+to|against)(?!\w)",
    re.I,
)
_CHOICE = prefiltered(r"\b(?:choice of|either)\b", re.I)
#: A trial's design in a bracket before a comparison: its allocation ratio or size ("(N=831; 2:1, X vs Y)").
_DESIGN_IN_BRACKET = re.compile(r"\b\d:\d\b|\b[Nn]\s*=\s*\d|randomi[sz]ed", re.I)
#: A comparison still to be made: "a randomised comparison with X is in preparation", "... is warranted".
_PROPOSED = prefiltered(
    r"\b(?:in preparation|is planned|are planned|warranted|is needed|are needed|will|should|future|ongoing"
    r"|supports?\s+(?:an?\s+|the\s+)?(?:randomi[sz]ed\s+)?(?:comparison|trial|testing))\b",
    re.I,
)
#: Right after an agent: it is the standard the study agent is measured against.
_AS_REFERENCE = re.compile(
    r"[^.;()]{0,30}?\b(?:(?:which|that)\s+)?(?:served|serving|used|acted|was used)\s+as\s+(?:the\s+)?"
    r"(?:reference|standard of truth|gold standard)\b",
    re.I,
)
#: "Comparators were standard of care, cabazitaxel or an ARPI change."
_COMPARATORS_WERE = prefiltered(
    r"\b(?:comparators?|control (?:arms?|groups?|treatments?))\s+(?:were|was|included|comprised|consisted of)\b", re.I
)
#: "trials comparing 177Lu-PSMA-617 or 177Lu-PSMA-I&T with cabazitaxel", "They tested X or Y against A or B": the
#: reviewed agents, then what they faced.
_COMPARING = prefiltered(
    r"\b(?:trials?|studies|RCTs?|they)\s+(?:that\s+)?(?P<verb>compar(?:ing|ed)|test(?:ing|ed)|evaluat(?:ing|ed))\b"
    r"[^.;]{0,160}?"
    r"(?P<with>\b(?:with|versus|vs\.?|against|to)\b)",
    re.I,
)
#: A review; one that pools trials (a meta-analysis, a systematic review) has their arms.
_REVIEW = prefiltered(r"\b(?:(?P<pooled>meta-analys[ie]s|pooled analys[ie]s|systematic review)|review)\b", re.I)
#: Section headings of abstracts, written inline ("Background: ... Methods: ..."). A background tells what
#: others compared, a conclusion often what should be compared next: neither names this study's arms.
_HEADING = prefiltered(
    r"(?<![^\s.])(?:(?P<background>background|introduction(?: and objectives?)?|rationale|context)|purpose|"
    r"objectives?|aims?|methods?|(?:materials|patients) and methods|design|results|findings|"
    r"(?P<conclusion>conclusions?|interpretation)|evidence (?:acquisition|synthesis))\s*:",
    re.I,
)
#: The longest heading word of _HEADING ("introduction and objectives"): a heading starts at most this far before
#: the spaces before its colon.
_LONGEST_HEADING = 27


def _headings(text: str) -> list[tuple[int, str | None]]:
    """Where each inline heading starts, and whether it opens a background or a conclusion ("background",
    "conclusion", or None for another heading): the matches of ``_HEADING.finditer(text)``. A heading ends at a
    colon, so only the words before each colon are tried,
    not every place of the text (the pattern starts with a lookbehind, which ``re`` cannot skip ahead to)."""
    found = []
    end = 0
    colon = text.find(":")
    while colon >= 0:
        words_end = colon
        while words_end > end and text[words_end - 1].isspace():
            words_end -= 1
        heading = _HEADING.search(text, max(end, words_end - _LONGEST_HEADING), colon + 1)
        if heading:
            kind = (
                "background" if heading.group("background") else "conclusion" if heading.group("conclusion") else None
            )
            found.append((heading.start(), kind))
            end = heading.end()
        colon = text.find(":", colon + 1)
    return found


def in_background(text: str) -> Callable[[int], bool]:
    """A test of whether a place of ``text`` lies under a background heading ("Background:", "Introduction:"), where
    an abstract cites what others found before its own study; only where another heading follows it (a lone
    "Rationale:" opening an unstructured abstract heads the whole of it)."""
    headings = _headings(text)
    if not any(kind == "background" for _start, kind in headings[:-1]):
        return lambda _at: False
    starts = [start for start, _kind in headings]

    def test(at: int) -> bool:
        before = bisect_right(starts, at) - 1
        return before >= 0 and headings[before][1] == "background"

    return test


_GIVEN_WITH = re.compile(r"\s*(?:\+|plus|with|combined with|in combination with)\s*", re.I)
#: A slash between two radioligand therapies: given together ("tandem 225Ac/177Lu-PSMA-I&T").
_SLASH = re.compile(r"\s*/\s*")


def _given_along(text: str, first: Mention, second: Mention, offset: int = 0) -> bool:
    """Whether ``second`` is joined to ``first`` as given with it: "X plus Y", "X + Y", and a slash between two
    radioligand therapies ("225Ac-PSMA-617/177Lu-PSMA-617"), not between imaging agents ("68Ga-PSMA-11/18F-DCFPyL":
    one or the other)."""
    start, end = first.end - offset, second.start - offset
    if _GIVEN_WITH.fullmatch(text, start, end):
        return True
    return first.kind == second.kind == "RadioligandTherapy" and _SLASH.fullmatch(text, start, end) is not None


#: Between two items of a list: " and one or two ", ", ", " and at least one ".
_NEXT_IN_LIST = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:(?:an?|the|one|two|at least|or|more|prior|previous)\s+){0,4}",
    re.I,
)
_PRETREATED = re.compile(r"[\s-]*(?:pretreated|pre-treated|refractory|naive|exposed)", re.I)
#: Words that make a radioligand a prior therapy, right before it: progression on it, failure of it.
_PRIOR_RADIOLIGAND = prefiltered(
    r"\b(?:progress(?:ed|ion|ing)\s+(?:on|after|following|despite)|refractory to|resistant to|failed|failure of|"
    r"pretreated with|pre-treated with|previously treated with|prior|previous|exposed to)"
    r"(?:\s+(?:at least|one|two|three|four|\d+|or more|cycles?|doses?|of|the|a|an|prior|previous))*\s*$",
    re.I,
)
_REFRACTORY = re.compile(r"[\s-]*(?:pretreated|pre-treated|refractory|resistant|exposed)\b", re.I)
_SELECTION = prefiltered(r"\b(?:PET|SPECT|scan|imaging|positive|positivity|selected|screen\w*|avid)\b", re.I)
_FUTURE = prefiltered(
    r"\b(?:will be|will receive|will compare|will assess|is enrolling|are being|is recruiting|is ongoing|are enrolling"
    r"|trial in progress|is currently|planned enrol\w*|will enrol\w*|aims to|we expect|(?:is|are) expected to"
    # a title that announces a design: "design of the randomised phase 2 OLIGO-LuSBRT trial", "study protocol"
    r"|design of the|rationale and design|study protocol|trial protocol)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    section: str | None = None


@dataclass
class Arm:
    """An arm as the text names it: its agents in order."""

    agents: list[Mention] = field(default_factory=list)
    words: str = ""

    @property
    def curies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.curie or m.label or m.text for m in self.agents))

    @property
    def label(self) -> str:
        labels = list(dict.fromkeys(m.label or m.text for m in self.agents))
        return " + ".join(labels) if labels else self.words


@dataclass
class DocumentContext:
    """What the whole abstract says about its arms and agents."""

    arms: list[Arm]
    main_agents: list[Mention]
    planned: bool
    prior: set[int] = field(default_factory=set)  # starts of agent mentions in prior-therapy context
    selection: set[int] = field(default_factory=set)  # starts of imaging mentions used to select patients
    sentences: list[Sentence] = field(default_factory=list)
    agents: list[Mention] = field(default_factory=list)  # every agent mention of the document, in order
    labels: dict[str, int] = field(default_factory=dict)  # an arm's label in the text ("A", "2") -> its index in arms
    #: The parts of a study of one arm its results compare, in the text's order: the activities a randomised study
    #: allocates to ("6.0 GBq", "7.4 GBq"), or the strata its methods set side by side ("age ≥80 y", "age <80 y").
    compared: list[str] = field(default_factory=list)
    #: Names an allocation gives arms before their agents ("tandem" for "tandem therapy (X plus Y)") -> their index.
    arm_names: dict[str, int] = field(default_factory=dict)
    #: The names the text gives the compared parts ("lu-2" for "two cycles (Lu-2 arm)") -> their index in compared.
    compared_names: dict[str, int] = field(default_factory=dict)
    #: The study randomises its patients between versions of its one agent (activities, cycles, schedules), one of them
    #: the standard ("6.0 GBq (standard) or 9.0 GBq"): that agent, given the standard way, is its own comparator.
    standard_version_allocated: bool = False
    #: The study sets a first course of its treatment against a rechallenge: a value said to be of one is of that part.
    courses: bool = False
    #: The response the study counts, its first response endpoint ("a PSA decline of at least 50%"): what men who
    #: "responded more often" had more often.
    response: Mention | None = None
    #: The outcome the study's model predicts, named after "predictors of" ("Predictors of grade 3-4 haematological
    #: toxicity were identified by logistic regression"): what "independent predictors" predict.
    modelled: Mention | None = None

    def compared_names_at(self, text: str) -> list[tuple[int, int, int]]:
        """Where ``text`` names the compared parts by their names: start, end and the part's index."""
        found = []
        for name, index in self.compared_names.items():
            pattern = r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])(?!\s+of\s+care)"
            found += [(m.start(), m.end(), index) for m in re.finditer(pattern, text, re.I)]
        return sorted(found)

    def comparator_curies(self) -> set[str]:
        if len(self.arms) < 2:
            return set()
        first = set(self.arms[0].curies)
        return {c for arm in self.arms[1:] for c in arm.curies if c not in first}


_ACTIVITY = r"\d+(?:\.\d+)?[\s-]*(?:GBq|MBq/kg|kBq/kg|mCi(?:/m2|/m²)?|mg/kg|[µμu]g/kg)(?![\w/])"
#: Two or three activities of one agent offered as a choice: "6.0 GBq (standard) or 9.0 GBq (escalated)", "at 6.0 GBq
#: or 7.4 GBq", "5.5, 7.4 or 9.3 GBq" (the unit written once, after the last).
_DOSE_CHOICE = prefiltered(
    re.compile(
        r"(?<![\d.])(?P<first>\d+(?:\.\d+)?)(?P<first_unit>[\s-]*(?:GBq|MBq/kg|kBq/kg|mCi(?:/m2|/m²)?|mg/kg|[µμu]g/kg)"
        r"(?![\w/]))?(?:\s*\([^()]{0,30}\))?"
        r"(?:\s*,\s*(?P<middle>" + _ACTIVITY + r"|\d+(?:\.\d+)?)(?:\s*\([^()]{0,30}\))?)?"
        r"(?:\s*,)?\s+(?:or|versus|vs\.?)\s+(?:to\s+)?(?P<last>" + _ACTIVITY + r")",
        re.I,
    )
)
_ALLOCATION = prefiltered(
    re.compile(r"\brandomi[sz]|\brandomly\b|\ballocated\b|\b\d\s*:\s*\d\b|^\W*interventions?\s*:", re.I)
)


#: A version of a treatment named as the usual one: "6.0 GBq (standard)", "a standard schedule", "fixed-activity",
#: "continued treatment (continuous group)"; not "standard of care".
_STANDARD_VERSION = prefiltered(
    r"\((?:the\s+)?standard\)|\b(?:standard|fixed|conventional|usual|continu(?:ed|ous))[\s-]+(?:[\w.]+[\s-]+)?"
    r"(?:activity|activities|dose|doses|dosing|schedule|interval|regimen|arm|group|treatment|therapy|cycles?)\b",
    re.I,
)


#: Words that allocate patients to something: "randomised 1:1 to", "were assigned to", "allocated to".
_ALLOCATES_TO = re.compile(r"\b(?:randomi[sz]ed|assigned|allocated)\b(?:\s+[\w:-]+){0,3}?\s+to\b|\b\d\s*:\s*\d\b", re.I)


def names_a_standard_version(allocated: list[Sentence]) -> bool:
    """Whether a sentence of allocation names one of the versions it allocates to as the usual one ("randomised to a
    standard schedule (...) or a dose-dense schedule (...)"); a sentence that only speaks of randomised trials ("a
    randomised comparison with standard treatment") allocates nobody."""
    return any(
        _STANDARD_VERSION.search(sentence.text) and _ALLOCATES_TO.search(sentence.text) for sentence in allocated
    )


def allocations(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that allocate patients: "randomised", "randomly", "allocated", a ratio "1:1", "Interventions:"."""
    return [sentence for sentence in sentences if _ALLOCATION.search(sentence.text)]


def dose_arms(allocated: list[Sentence]) -> list[str]:
    """The activities (or doses) of one agent a randomised study allocates its patients to, named in a sentence of
    allocation (``allocated``, from :func:`allocations`): "randomised 1:1 to 6.0 GBq (standard) or 9.0 GBq
    (escalated)", "Interventions: 177Lu-PSMA-617 at 6.0 GBq or 7.4 GBq every 6 weeks (1:1)". Empty for any other
    study.

    >>> dose_arms(allocations([Sentence(0, 70, "Men were randomised 1:1 to 6.0 GBq (standard) or 9.0-GBq per cycle.")]))
    ['6.0 GBq', '9.0 GBq']
    >>> dose_arms(allocations([Sentence(0, 70, "Patients were randomly assigned to 5.5, 7.4 or 9.3 GBq.")]))
    ['5.5 GBq', '7.4 GBq', '9.3 GBq']
    >>> dose_arms(allocations([Sentence(0, 70, "Cohorts received 4.4 or 5.55 GBq in a 3+3 design.")]))
    []
    """
    for sentence in allocated:
        choice = _DOSE_CHOICE.search(sentence.text)
        if choice is None:
            continue
        last = _activity(choice.group("last"))
        unit = last.split(" ", 1)[1]
        doses = [choice.group("first") + (choice.group("first_unit") or "")]
        if choice.group("middle"):
            doses.append(choice.group("middle"))
        labels = [_activity(dose) if not dose.replace(".", "").isdigit() else f"{dose} {unit}" for dose in doses]
        labels.append(last)
        if len(set(labels)) == len(labels) and all(label.split(" ", 1)[1] == unit for label in labels):
            return labels
    return []


_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_CYCLES = _COUNT + r"\s+(?:cycles|doses|administrations)\b"
_INTERVAL = r"every\s+" + _COUNT + r"\s+weeks\b"
#: What sets apart the arms of one agent a randomised study allocates to: the activity, the number of cycles, the
#: interval ("7.4 GBq every 6 weeks", "two cycles", "6.0 GBq per cycle").
_VARIANT_PARTS = (
    ("activity", re.compile(r"(?:at\s+)?(?P<text>" + _ACTIVITY + r")(?:\s*(?:per|/|each)\s*(?:cycle|dose))?", re.I)),
    ("cycles", re.compile(r"(?:for\s+)?(?P<text>" + _CYCLES + r")", re.I)),
    ("interval", re.compile(r"(?P<text>" + _INTERVAL + r")", re.I)),
)
#: Where a list of variants may start: the first part of one.
_VARIANT_START = re.compile(r"(?<![\w.])(?:" + _ACTIVITY + r"|" + _CYCLES + r"|" + _INTERVAL + r")", re.I)
_PART_GAP = re.compile(r"\s*,?\s+(?:of\s+)?", re.I)
_VARIANT_JOIN = re.compile(r"\s*,?\s+(?:or|versus|vs\.?)\s+(?:to\s+)?(?:the\s+|an?\s+)?|\s*,\s*(?:to\s+)?", re.I)
_ARM_AND_SIZE = re.compile(r"(?:\s+(?:arm|group|cohort)\b)?(?:\s*\(\s*n\s*=\s*\d+\s*\))?", re.I)
#: A bracket naming the variant before it: "(standard)", "(Lu-2 arm)", "(low-activity group)".
_VARIANT_LABEL = re.compile(
    r"\s*\(\s*(?:the\s+)?(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)(?:\s+(?:arm|group|cohort))?\s*\)", re.I
)


def allocated_variants(allocated: list[Sentence], agents: list[Mention]) -> tuple[list[str], dict[str, int]]:
    """The arms of one agent the sentences of allocation (``allocated``) set apart by activity, number of cycles or
    interval, and the names the text gives them in brackets: "randomly assigned to two cycles (Lu-2 arm) or four cycles
    (Lu-4 arm) of 177Lu-PSMA-617" gives ["two cycles", "four cycles"] named {"lu-2": 0, "lu-4": 1}; the agent may be
    written before each ("177Lu-PSMA-617 6.0 GBq (low-activity arm), 177Lu-PSMA-617 7.4 GBq (standard arm) or ...").
    Empty when no sentence of allocation lists two variants or more.

    >>> allocated_variants([Sentence(0, 90, "Men were randomised 1:1 to 7.4 GBq every 6 weeks (standard schedule) or "
    ...     "7.4 GBq every 3 weeks (accelerated schedule).")], [])
    (['every 6 weeks', 'every 3 weeks'], {'standard schedule': 0, 'accelerated schedule': 1})
    """
    for sentence in allocated:
        text = sentence.text
        agent_ends = {
            m.start - sentence.start: m.end - sentence.start for m in agents if sentence.start <= m.start < sentence.end
        }
        for start in _VARIANT_START.finditer(text):
            variants = _variant_run(text, start.start(), agent_ends)
            if len(variants) < 2:
                continue
            shared = set.intersection(*(set(parts) for parts, _name in variants))
            differing = [k for k, _p in _VARIANT_PARTS if k in shared and len({v[0][k] for v in variants}) > 1]
            labels = [" ".join(parts[k] for k in differing) for parts, _name in variants]
            if not differing or len(set(labels)) < len(labels):
                continue
            return labels, {name.lower(): i for i, (_parts, name) in enumerate(variants) if name}
        named = [
            m
            for m in _BRACKETED_ARM.finditer(text)
            if _ROLE_NAMES.isdisjoint(re.split(r"[\s-]", m.group("name").lower()))
        ]
        if len(named) >= 2 and len({m.group("name").lower() for m in named}) == len(named):
            # "randomised to stop (two-cycle arm) or to continue to four cycles (four-cycle arm)"
            parts = [f"{m.group('name')} {m.group('kind').lower()}" for m in named]
            return parts, {m.group("name").lower(): i for i, m in enumerate(named)}
    return [], {}


#: An arm named in brackets after what it is given: "(two-cycle arm)", "(the dose-dense group)".
_BRACKETED_ARM = re.compile(
    r"\(\s*(?:the\s+)?(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?P<kind>arm|group)\s*\)", re.I
)
#: Words of an arm's name that set it apart by what it is given, not by how much or how often: no variant of one agent.
_ROLE_NAMES = frozenset(
    {"control", "experimental", "investigational", "comparator", "reference", "intervention", "placebo", "treatment",
     "alone", "combination", "combined", "monotherapy", "observation", "surveillance", "standard", "soc"}
)  # fmt: skip


def _variant_run(text: str, at: int, agent_ends: dict[int, int]) -> list[tuple[dict[str, str], str | None]]:
    """The variants listed from ``at`` on, each with its parts and its bracketed name."""
    run: list[tuple[dict[str, str], str | None]] = []
    while True:
        parts: dict[str, str] = {}
        position = at
        while found := _variant_part(text, position, parts):
            kind, match = found
            written = match.group("text")
            parts[kind] = _activity(written) if kind == "activity" else " ".join(written.split())
            at = match.end()
            position = _past_gap(text, at, agent_ends)  # "7.4 GBq of 177Lu-PSMA-617 every 6 weeks"
        if not parts:
            return run
        label = _VARIANT_LABEL.match(text, at)
        run.append((parts, label.group("name") if label else None))
        # (or the arm it is, and its size: "the 6.0 GBq arm (n=48)")
        join = _VARIANT_JOIN.match(text, label.end() if label else _ARM_AND_SIZE.match(text, at).end())
        if join is None:
            return run
        at = join.end()
        if at in agent_ends:  # the agent written again before its next variant
            at = agent_ends[at]
            at += len(text[at:]) - len(text[at:].lstrip())


def _variant_part(text: str, at: int, taken: dict[str, str]) -> tuple[str, re.Match[str]] | None:
    """The kind and match of the part of a variant not yet ``taken`` that starts at ``at``, or None."""
    for kind, pattern in _VARIANT_PARTS:
        if kind not in taken and (found := pattern.match(text, at)):
            return kind, found
    return None


def _past_gap(text: str, at: int, agent_ends: dict[int, int]) -> int:
    """Where a variant's next part may start after ``at``: past a space, a comma or "of", and an agent named there."""
    gap = _PART_GAP.match(text, at)
    position = gap.end() if gap else at
    if position in agent_ends:
        gap = _PART_GAP.match(text, agent_ends[position])
        position = gap.end() if gap else agent_ends[position]
    return position


#: Strata the methods set side by side: "grouped by age ≥80 y vs <80 y", "stratified by PSA <0.5 versus ≥0.5 ng/mL".
_STRATA_COMPARED = prefiltered(
    re.compile(
        r"\b(?:grouped|stratified|divided|dichotomi[sz]ed|split|compared)\s+(?:by|according\s+to|into)\s+"
        r"(?P<name>[a-z]+(?:\s+[a-z]+)?)\s+(?P<first>[<>≤≥]=?\s*\d+(?:\.\d+)?)\s*(?P<first_unit>[a-z/]+)?\s+"
        r"(?:vs\.?|versus|or|and)\s+(?P<second>[<>≤≥]=?\s*\d+(?:\.\d+)?)\s*(?P<unit>y|yrs?|years|ng/ml|months|mo)?\b",
        re.I,
    )
)


#: The men a title sets side by side by a feature they have or lack: "HPN424 in mCRPC with and without liver
#: metastases: ...", "Outcomes of men with and without previous alpha therapy".
_TITLE_WITH_AND_WITHOUT = re.compile(
    r"\b(?:in\s+(?:men|patients|mCRPC|mHSPC)|men|patients)\s+with\s+and\s+without\s+(?P<feature>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
    r"(?=\s*(?:[:;,.?]|$))",
)


#: Two groups of men a study of one arm compares, each named by one word: "We compared outcomes of taxane-naive and
#: taxane-pretreated men".
_GROUPS_COMPARED = re.compile(
    r"\b[Cc]ompared\s+(?:the\s+)?(?:outcomes?|results|efficacy|safety|survival|responses?)\s+(?:of|in|between)\s+"
    r"(?P<first>[A-Za-z]+-[a-z]+|older|younger)\s+(?:and|with|versus|vs\.?)\s+(?P<second>[A-Za-z]+-[a-z]+|older|younger)"
    r"\s+(?:men|patients|pts)\b"
    # the second group named by what sets it apart: "compared taxane-naive patients with those previously treated"
    r"|\b[Cc]ompared\s+(?P<first_alone>[A-Za-z]+-[a-z]+)\s+(?:men|patients|pts)\s+with\s+(?:those|men|patients)\b"
)


def compared_strata(sentences: list[Sentence]) -> list[str]:
    """The two strata a study of one arm sets side by side, as its methods name them: "Pts ... grouped by age ≥80 y
    vs <80 y" gives "age ≥80 y" and "age <80 y"; or as its title does: "... in mCRPC with and without liver
    metastases" gives "liver metastases" and "no liver metastases"; or as a sentence that compares two groups named
    by a word each does: "We compared outcomes of taxane-naive and taxane-pretreated men"; empty when none does.

    >>> compared_strata([Sentence(0, 60, "Patients were grouped by age ≥80 y vs <80 y.")])
    ['age ≥80 y', 'age <80 y']
    >>> compared_strata([Sentence(0, 60, "Men were stratified by PSA <0.5 versus ≥0.5 ng/mL.")])
    ['PSA <0.5 ng/mL', 'PSA ≥0.5 ng/mL']
    >>> compared_strata([Sentence(0, 60, "HPN424 in mCRPC with and without liver metastases: a pooled analysis")])
    ['liver metastases', 'no liver metastases']
    """
    if sentences and " with and without " in sentences[0].text:
        titled = _TITLE_WITH_AND_WITHOUT.search(sentences[0].text)
        if titled:
            return [titled.group("feature"), "no " + titled.group("feature")]
    for sentence in sentences:
        groups = _GROUPS_COMPARED.search(sentence.text) if "ompared" in sentence.text else None
        if groups and groups.group("second"):
            return [groups.group("first").lower(), groups.group("second").lower()]
        if groups:  # "compared taxane-naive patients with those previously treated with docetaxel"
            return [groups.group("first_alone").lower(), "not " + groups.group("first_alone").lower()]
    for sentence in sentences:
        match = _STRATA_COMPARED.search(sentence.text)
        if match is None:
            continue
        unit = match.group("unit") or match.group("first_unit") or ""
        name = match.group("name")
        return [" ".join(f"{name} {''.join(match.group(g).split())} {unit}".split()) for g in ("first", "second")]
    return []


#: An age a study of one arm sets its older men apart by: "aged 75 years or older", "aged ≥80 years", "80 years and
#: over", "aged eighty or older".
_OLDER_THAN = prefiltered(
    re.compile(
        r"\baged\s+(?:[≥>]=?\s*)?(?P<n>[5-9]\d|seventy(?:-five)?|eighty|sixty(?:-five)?)(?:\s*(?:years|y|yrs))?"
        r"(?:\s+(?:or|and)\s+(?:older|over|above|more))?|\b(?P<m>[5-9]\d)\s+years\s+(?:or|and)\s+(?:older|over)\b",
        re.I,
    )
)
#: The younger men such a study sets them against: "and 173 were younger", "compared them with the younger men".
_YOUNGER_COMPARED = prefiltered(
    re.compile(
        r"\b(?:(?:and|vs\.?|versus|with|than)\s+(?:the\s+|\d+\s+|[a-z-]+\s+)?(?:were\s+)?younger\b"
        r"|younger\s+(?:men|patients|group|cohort|controls)\b)",
        re.I,
    )
)
_AGE_WORDS = {"sixty": 60, "sixty-five": 65, "seventy": 70, "seventy-five": 75, "eighty": 80}


def compared_ages(text: str) -> tuple[list[str], dict[str, int]]:
    """The two age groups a study of one arm sets side by side, and the words that name each: "81 were aged 75 years
    or older and 173 were younger" gives "age ≥75 years" and "age <75 years", named "older" (or "elderly") and
    "younger"; nothing when the text sets no younger men against the older.

    >>> compared_ages("Of 254 men, 81 were aged 75 years or older and 173 were younger.")[0]
    ['age ≥75 years', 'age <75 years']
    >>> compared_ages("We treated 40 men aged 80 years or older.")
    ([], {})
    """
    older = _OLDER_THAN.search(text)
    if older is None or _YOUNGER_COMPARED.search(text) is None:
        return [], {}
    written = (older.group("n") or older.group("m")).lower()
    age = _AGE_WORDS.get(written) or int(written)
    names = {"older": 0, "elderly": 0, "younger": 1}
    if age == 80:
        names["octogenarians"] = 0
    return [f"age ≥{age} years", f"age <{age} years"], names


def _activity(written: str) -> str:
    """ "9.0 GBq" for "9.0-GBq" or "9.0GBq"."""
    number = re.match(r"\d+(?:\.\d+)?", written)
    assert number is not None
    return f"{number.group()} {written[number.end() :].strip(' -')}"


def agents_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.is_agent and start <= m.start and m.end <= end]


def find_arms(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    prior: set[int],
    choices: dict[frozenset, Mention] | None = None,
    main: list[Mention] | None = None,
) -> list[Arm]:
    """Arms from the randomization sentence ("randomly assigned to X or to Y"), else from a title "X vs Y",
    else from the first sentence that compares the main agent with one other ("an intra-individual comparison
    with 68Ga-PSMA-11"), else from the agent the text calls its reference standard.

    ``choices`` maps sets of agents to the regimen that is a choice among them (from psma:choiceOf). A review
    (its title says so) has the arms of the trials it pools (``_reviewed_arms``), or none.
    """
    choices = choices or {}
    title = sentences[0] if sentences else None
    review = _REVIEW.search(title.text) if title is not None else None
    if review:  # a review allocates no one; one that pools trials has their arms
        return _reviewed_arms(text, sentences, mentions, prior) if review.group("pooled") else []
    randomized = False
    conclusion = _CONCLUSION_HEADING.search(text)
    for index, sentence in enumerate(sentences):
        match = _RANDOMIZED.search(sentence.text)
        if not match or (conclusion is not None and sentence.start >= conclusion.start() and index > 1):
            continue  # (a trial a conclusion announces is another study: "A randomised phase 3 trial ... is enrolling")
        randomized = True
        segment_start = sentence.start + match.end()
        # The arms end at a semicolon outside brackets: "... or to a change of ARPI; crossover to X was allowed".
        stop = sentence.end
        if ";" in sentence.text:
            depth_at = _bracket_depths(text, segment_start, sentence.end)
            semicolons = [m.start() for m in _SEMICOLON.finditer(text, segment_start, stop) if depth_at(m.start()) == 0]
            stop = semicolons[0] if semicolons else stop
            # "to arm A, X; arm B, Y; or arm C, Z": the labelled arms run past their semicolons, when each has agents
            # of its own
            labelled_stop = next(
                (at for at in semicolons if not _next_labelled_arm(text, segment_start, at)), sentence.end
            )
            if labelled_stop > stop:
                to = _ALLOCATED_TO.search(text, segment_start, labelled_stop)
                labelled = _split_arms(text, to.end(), labelled_stop, mentions, prior, choices) if to else []
                if len(labelled) >= 2 and len({arm.curies for arm in labelled}) == len(labelled):
                    return labelled
        # "to staging with X or with Y before radical prostatectomy or radiotherapy with ADT": what every arm had
        # after the allocated parts is none of them, when two arms come before it
        shared = _SHARED_AFTER_ARMS.search(text, segment_start, stop)
        if shared is not None:
            to = _ALLOCATED_TO.search(text, segment_start, shared.start())
            arms = _split_arms(text, to.end() if to else segment_start, shared.start(), mentions, prior, choices)
            if len(arms) >= 2 and not _misses_main(arms, main, mentions, segment_start, shared.start()):
                return arms
        to = None if match.group().endswith(":") else _ALLOCATED_TO.search(text, segment_start, stop)
        if to is not None and to.start() > segment_start:
            # "randomised men with no metastases on conventional imaging 1:1 to X or to Y": the arms follow "to"
            arms = _split_arms(text, to.end(), stop, mentions, prior, choices)
            if len(arms) >= 2 and not _misses_main(arms, main, mentions, segment_start, stop):
                return arms
        arms = _split_arms(text, segment_start, stop, mentions, prior, choices)
        if len(arms) >= 2 and not _misses_main(arms, main, mentions, segment_start, stop):
            return arms
        counted = _COUNTED_ARMS.search(text, segment_start, stop)
        if counted is not None:  # "... randomised 2:1 ... (385 to X plus SOC and 196 to SOC alone)"
            arms = _split_arms(text, counted.start("arms"), counted.end("arms"), mentions, prior, choices)
            if len(arms) >= 2:
                return arms
        between = _BETWEEN.match(text, segment_start, stop)
        if between is not None:  # "randomised between X and Y": the "and" parts the arms
            arms = _arms_between(text, between.end(), stop, mentions, prior, choices)
            if len(arms) == 2:
                return arms
        if index + 1 < len(sentences) and _ENDS_AT_RATIO.match(text, segment_start, sentence.end):
            # "Men were randomised 1:1. Intervention: X plus Y, versus Y alone.": the next sentence names the arms
            following = sentences[index + 1]
            arms = _split_arms(text, following.start, following.end, mentions, prior, choices)
            if len(arms) >= 2:
                return arms
    labelled = _labelled_arms(text, sentences, mentions, prior, choices)
    if len(labelled) >= 2:
        return labelled
    by_role = _arms_by_role(text, sentences, mentions, prior, choices)
    if len(by_role) == 2:
        return by_role
    if randomized:
        grouped = _named_groups(text, sentences, mentions, prior, choices)
        if grouped:
            return grouped
    if randomized and title is not None:
        added = _added_to(text, title, mentions, prior, choices)
        if added:
            return added
    if title is not None:
        arms = _split_arms(text, title.start, title.end, mentions, prior, choices)
        if len(arms) >= 2:
            return arms
    keys = {m.curie or m.label for m in main or ()}
    headings = _headings(text)
    heading_starts = [start for start, _kind in headings]
    for sentence in sentences:
        before = bisect_right(heading_starts, sentence.start) - 1
        if (before >= 0 and headings[before][1]) or _PROPOSED.search(sentence.text):
            continue
        arms = _compared_pair(text, sentence, mentions, prior, keys)
        if arms:
            return arms
    return _reference_pair(text, mentions, prior, main or [])


#: Where what every arm had after its allocated part starts: "... or with conventional imaging before radical
#: prostatectomy or radiotherapy".
_SHARED_AFTER_ARMS = re.compile(r"\s(?:before|prior\s+to|ahead\s+of)\s", re.I)


def _misses_main(arms: list[Arm], main: list[Mention] | None, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether arms read from a sentence leave out the study's agent although the sentence names it: "in the
    randomised VISION trial, X added to standard of care prolonged survival compared with standard of care alone in
    men treated with one or two taxane regimens" tells of a trial, it allocates no one to those parts."""
    keys = {m.curie or m.label for m in main or ()}
    if not keys or keys & {c for arm in arms for c in arm.curies}:
        return False
    return any(start <= m.start < end and (m.curie or m.label) in keys for m in mentions)


_ROLE_ARM_GETS = (
    r"\s+(?:arm|group|cohort)\s+(?:received|was given|were given|was treated with|were treated with|consisted of|got)\s"
)
#: An arm named by its role, then what it received: "the control arm received enzalutamide or abiraterone".
_CONTROL_ARM = re.compile(r"\b(?:control|comparator|reference)" + _ROLE_ARM_GETS, re.I)
_EXPERIMENTAL_ARM = re.compile(r"\b(?:experimental|investigational|intervention|study)" + _ROLE_ARM_GETS, re.I)
#: Where what an arm received ends: a semicolon, or a new clause.
_CLAUSE_END = re.compile(r";|,\s+(?:and|while|whereas|but)\s|\s(?:while|whereas)\s")


def _arms_by_role(
    text: str, sentences: list[Sentence], mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """The two arms of "patients in the experimental arm received X; the control arm received Y or Z": each the
    agents named after its role word (alternatives of one regimen joined as the ontology defines them)."""
    found: dict[str, Arm] = {}
    lowered = text.lower()
    if "control " not in lowered and "comparator " not in lowered and "reference " not in lowered:
        return []  # no control arm named by its role: spares two patterns on every sentence
    for sentence in sentences:
        for role, pattern in (("experimental", _EXPERIMENTAL_ARM), ("control", _CONTROL_ARM)):
            if role in found:
                continue
            match = pattern.search(text, sentence.start, sentence.end)
            if match is None:
                continue
            stop = _CLAUSE_END.search(text, match.end(), sentence.end)
            arms = _split_arms(text, match.end(), stop.start() if stop else sentence.end, mentions, prior, choices)
            if len(arms) >= 2 and all(_alternatives(arms[0].agents, arm.agents) for arm in arms[1:]):
                regimen = _choice([m for arm in arms for m in arm.agents], choices)
                arms = [Arm(agents=[regimen])] if regimen else arms
            if len(arms) == 1:
                found[role] = arms[0]
    return [found["experimental"], found["control"]] if len(found) == 2 else []


#: A group named by its regimen: "the 177Lu-PSMA-617 plus SOC group", "the SOC-alone group", "the cabazitaxel arm".
_NAMED_GROUP = prefiltered(r"\bthe\s+(?P<regimen>[^,;:()\[\]]{2,60}?)[\s-](?:group|arm)\b", re.I)


def _named_groups(
    text: str, sentences: list[Sentence], mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """The arms of a randomised study whose allocation names none, from the first sentence that names two groups or
    more by their regimens ("385 in the X plus SOC group, 196 in the SOC-alone group"), else that counts the patients
    given each ("529 patients treated with X plus SOC and 205 patients given SOC alone"); [] when none does."""
    for sentence in sentences:
        arms: list[Arm] = []
        for match in _NAMED_GROUP.finditer(text, sentence.start, sentence.end):
            regimen = _split_arms(text, match.start("regimen"), match.end("regimen"), mentions, prior, choices)
            if len(regimen) == 1 and all(regimen[0].curies != arm.curies for arm in arms):
                arms.extend(regimen)  # (a group of no regimen, "the control group", names no arm)
        if len(arms) >= 2:
            return arms
    for sentence in sentences:  # "529 patients treated with X plus SOC and 205 patients given SOC alone"
        counted = list(_COUNTED_ON.finditer(text, sentence.start, sentence.end))
        if len(counted) < 2:
            continue
        ends = [match.start() for match in counted[1:]] + [sentence.end]
        arms = []
        for match, end in zip(counted, ends, strict=True):
            regimen = _split_arms(text, match.end(), end, mentions, prior, choices)
            if len(regimen) == 1 and all(regimen[0].curies != arm.curies for arm in arms):
                arms.extend(regimen)
        if len(arms) >= 2:
            return arms
    return []


#: Patients counted with the regimen they were given: "529 patients treated with X", "205 men given Y".
_COUNTED_ON = prefiltered(
    r"\b\d+\s+(?:patients|men|participants)\s+(?:were\s+)?(?:treated\s+with|given|receiving|who\s+received)\s",
    re.I,
)


#: A title that adds one treatment to another: "X added to Y", "Adding X to Y", "Addition of X to Y".
_ADDED_TO = re.compile(r"\s(?P<verb>added\s+to)\s|\b(?P<gerund>adding|addition\s+of)\s", re.I)
_TO = re.compile(r"\sto\s", re.I)


def _added_to(
    text: str, title: Sentence, mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """The two arms of a randomised study whose title adds X to Y ("X added to Y", "Adding X to Y"): X with Y,
    and Y alone; [] when the title does not read so."""
    added = _ADDED_TO.search(text, title.start, title.end)
    if added is None:
        return []
    if added.group("verb"):
        x_start, x_end, y_start = title.start, added.start(), added.end()
    else:
        to = _TO.search(text, added.end(), title.end)
        if to is None:
            return []
        x_start, x_end, y_start = added.end(), to.start(), to.end()
    stop = _REGIMEN_END.search(text, y_start, title.end)
    y_end = stop.start() if stop else title.end
    x = [m for m in agents_in(mentions, x_start, x_end) if m.start not in prior]
    y = [m for m in agents_in(mentions, y_start, y_end) if m.start not in prior]
    if not x or not y:
        return []
    backbone = _split_arms(text, y_start, y_end, mentions, prior, choices)
    if len(backbone) != 1:
        backbone = [Arm(agents=y)]  # "androgen deprivation and an ARPI": one backbone of two agents
    return [Arm(agents=x[-1:] + backbone[0].agents), backbone[0]]


#: "randomised (1:1) between X and Y": the arms follow "between".
_BETWEEN = re.compile(r"\s*(?:\(?\s*\d\s*:\s*\d\s*\)?\s*)?between\s", re.I)
_AND = re.compile(r"\sand\s", re.I)


def _arms_between(
    text: str, start: int, end: int, mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """The two arms of "between X and Y": parted at the first "and" outside brackets after an agent, the second
    ending with its words (:data:`_REGIMEN_END`)."""
    depth_at = _bracket_depths(text, start, end)
    agents = [m for m in agents_in(mentions, start, end) if m.start not in prior]
    if len(agents) < 2:
        return []
    for cut in _AND.finditer(text, agents[0].end, end):
        if depth_at(cut.start()):
            continue
        stop = _REGIMEN_END.search(text, cut.end(), end)
        first = _split_arms(text, start, cut.start(), mentions, prior, choices)
        second = _split_arms(text, cut.end(), stop.start() if stop else end, mentions, prior, choices)
        return first + second if len(first) == len(second) == 1 else []
    return []


#: An arm's label as a text writes it: "arm A", "Group 2", "cohort B", "cohort P", "cohort 2a", "part 1" (the letter or
#: number in group "label"; a letter past D only in capitals, and no word or number goes on after it).
ARM_LABEL = r"(?:arm|group|cohort|part)\s+(?P<label>[A-D]|(?-i:[E-Z])|[1-9](?-i:[a-c])?)(?![\w-])"
#: A part of a study named by its label ("part 1", "Part B"), not "part of".
_PART_LABEL = re.compile(r"\bpart\s+(?:[A-D]|[1-9])(?![\w-])", re.I)
#: A sentence that names an arm by its label first: "Arm A: 177Lu-PNT2002 + darolutamide + ADT.", "Group 2: ADT alone".
_LABEL_HEADING = re.compile(r"^\W*" + ARM_LABEL + r"\s*:", re.I)
#: An arm's label in brackets after its description: "177Lu-PSMA-I&T every 6 weeks (arm 1)".
_LABEL_AFTER = re.compile(r"\(\s*" + ARM_LABEL + r"\s*\)", re.I)
#: An arm's label followed by its description in brackets: "to arm A (177Lu-PSMA-617, then docetaxel) or arm B (...)".
_LABEL_THEN_BRACKET = re.compile(r"\b" + ARM_LABEL + r"\s*\(", re.I)


def _labelled_arms(
    text: str, sentences: list[Sentence], mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """The arms of sentences that each name one by its label first ("Arm A: X + Y. Arm B: Y."), in their order; else
    those of a sentence that labels each in brackets after it (``_cohorts_labelled_after``)."""
    arms: list[Arm] = []
    lowered = text.lower()
    if "arm " not in lowered and "group " not in lowered and "cohort " not in lowered and not _PART_LABEL.search(text):
        return arms  # no label: spares a pattern on every sentence
    for sentence in sentences:
        heading = _LABEL_HEADING.match(sentence.text)
        if heading:
            found = _split_arms(text, sentence.start + heading.end(), sentence.end, mentions, prior, choices)
            if len(found) == 1:
                arms.append(found[0])
    return arms if len(arms) >= 2 else _cohorts_labelled_after(sentences, mentions, prior)


def _cohorts_labelled_after(sentences: list[Sentence], mentions: list[Mention], prior: set[int]) -> list[Arm]:
    """The arms of the first sentence that names two or more, each with its label in brackets after it: "received X
    with Y (cohort N), Z (cohort C) or W (cohort D)". The agent given before the first partner (X) is given in every
    arm."""
    for sentence in sentences:
        stretches = _bracketed_labels(sentence)
        if len(stretches) < 2:
            continue
        parts = [
            [m for m in agents_in(mentions, start, end) if m.start not in prior and m.curie not in COMPANION_AGENTS]
            for _label, start, end in stretches
        ]
        if any(m.kind != "ImagingAgent" for part in parts for m in part):  # (a tracer defines no treated cohort)
            parts = [[m for m in part if m.kind != "ImagingAgent"] for part in parts]
        if not all(parts):
            return []
        first, *others = parts
        if len(first) >= 2 and all(len(part) == 1 for part in others):
            others = [[*first[:-1], *part] for part in others]  # "X with Y (cohort 1), Z (cohort 2)": X in each
        return [Arm(agents=part) for part in (first, *others)]
    return []


def arm_labels(sentences: list[Sentence], arms: list[Arm], agents: list[Mention], prior: set[int]) -> dict[str, int]:
    """The labels the text gives its arms ("A", "2"), each with the index of its arm in ``arms``: a sentence that
    names an arm by its label first ("Arm A: X + Y"), or a label in brackets after the arm's description
    ("randomised to X (arm 1), X plus Y (arm 2) or Z (arm 3)"). The arm is the one whose agents are those
    ``agents`` names there (less the prior therapies, starts in ``prior``), else the only one that holds them all.
    Empty unless every label names another arm."""
    labels: dict[str, int] = {}
    if len(arms) < 2:
        return labels
    for sentence in sentences:
        lowered = sentence.text.lower()
        if (
            "arm" not in lowered
            and "group" not in lowered
            and "cohort" not in lowered
            and not ("part " in lowered and _PART_LABEL.search(sentence.text))
        ):
            continue  # no label in it: spares two patterns on most sentences ("part of" is none)
        heading = _LABEL_HEADING.match(sentence.text)
        stretches = (
            [(heading.group("label"), sentence.start + heading.end(), sentence.end)]
            if heading
            else _bracketed_labels(sentence) + _labels_before_brackets(sentence) + _labels_then_commas(sentence)
        )
        for label, start, end in stretches:
            named = {m.curie or m.label or m.text for m in agents if start <= m.start < end and m.start not in prior}
            if not named and _BOTH_ARMS.match(sentence.text, start - sentence.start, end - sentence.start):
                named = {c for arm in arms for c in arm.curies}  # "..., or both (arm C)": the arm of them all
            index = _arm_holding(arms, named)
            if index is None and len(named) > 1:
                # the first label's stretch runs from the sentence's start, over the population's agents ("men who
                # progressed on an ARPI ... were randomly assigned to X (arm A)"): the agents right before it
                named = {
                    m.curie or m.label or m.text
                    for m in agents
                    if max(start, end - _LABELLED_REACH) <= m.start < end and m.start not in prior
                }
                index = _arm_holding(arms, named)
            if index is not None:
                labels.setdefault(label.upper(), index)
    return labels if len(set(labels.values())) == len(labels) >= 2 else {}


#: A name an allocation gives an arm right before its agents in brackets: "or tandem therapy (225Ac-PSMA-617 50 kBq/kg
#: plus 177Lu-PSMA-617 6.0 GBq)", "the combination arm (X + Y)".
_ARM_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?P<name>[a-z][a-z-]{3,})(?:\s+(?:therapy|treatment|regimen|arm|group))?\s*\($", re.I
)
_NOT_A_NAME = frozenset({"with", "plus", "alone", "either", "receive", "received", "given", "both", "versus"})


def arm_names(allocated: list[Sentence], arms: list[Arm], agents: list[Mention], prior: set[int]) -> dict[str, int]:
    """The names the sentences of allocation (``allocated``) give the arms right before their agents in brackets, each
    with its arm's index: "allocated to X (...), Y (...) or tandem therapy (X 50 kBq/kg plus Y 6.0 GBq)" names the arm
    of X and Y "tandem". Empty for a study of fewer than two arms."""
    names: dict[str, int] = {}
    if len(arms) < 2:
        return names
    for sentence in allocated:
        text = sentence.text
        if "(" not in text:
            continue
        named_here = [m for m in agents if sentence.start <= m.start < sentence.end]
        for opening in re.finditer(r"\(", text):
            at = opening.start()
            close = text.find(")", at)
            if close < 0:
                continue
            inside = [m for m in named_here if sentence.start + at < m.start < sentence.start + close]
            index = _arm_holding(arms, {m.curie or m.label or m.text for m in inside if m.start not in prior})
            name = _ARM_NAME_BEFORE.search(text, max(0, at - 40), at + 1)
            if index is None or name is None or name.group("name").lower() in _NOT_A_NAME:
                continue
            named_at = sentence.start + name.start("name")
            if any(m.start <= named_at < m.end for m in named_here):
                continue  # an agent's own name, not the arm's
            names.setdefault(name.group("name").lower(), index)
    return names if len(set(names.values())) == len(names) else {}


#: How far before its label an arm's description may start when the stretch runs over other agents.
_LABELLED_REACH = 100


def _bracketed_labels(sentence: Sentence) -> list[tuple[str, int, int]]:
    """Each label in brackets of the sentence ("(arm 2)"), with the stretch it closes: from the previous one."""
    stretches = []
    since = sentence.start
    for match in _LABEL_AFTER.finditer(sentence.text):
        stretches.append((match.group("label"), since, sentence.start + match.start()))
        since = sentence.start + match.end()
    return stretches


def _labels_before_brackets(sentence: Sentence) -> list[tuple[str, int, int]]:
    """Each label followed by its arm in brackets ("to arm A (X, then Y) or arm B (Y)"), with the bracket's stretch."""
    stretches = []
    for match in _LABEL_THEN_BRACKET.finditer(sentence.text):
        depth, end = 0, len(sentence.text)
        for at in range(match.end() - 1, len(sentence.text)):
            char = sentence.text[at]
            depth += (char == "(") - (char == ")")
            if depth == 0:
                end = at
                break
        stretches.append((match.group("label"), sentence.start + match.end(), sentence.start + end))
    return stretches


#: An arm's label an allocation names before its description and a comma: "to arm A, enzalutamide alone, or to arm B,
#: ...".
_LABEL_THEN_COMMA = re.compile(r"(?:\b(?:to|or)\s+|;\s*)(?:the\s+)?" + ARM_LABEL + r"\s*[,:]\s", re.I)


def _labels_then_commas(sentence: Sentence) -> list[tuple[str, int, int]]:
    """Each label followed by a comma and its arm ("assigned to arm A, X, or to arm B, X plus Y"), with the stretch
    up to the next label."""
    found = list(_LABEL_THEN_COMMA.finditer(sentence.text))
    if not found:
        return []
    ends = [match.start() for match in found[1:]] + [len(sentence.text)]
    return [
        (match.group("label"), sentence.start + match.end(), sentence.start + end)
        for match, end in zip(found, ends, strict=True)
    ]


def _arm_holding(arms: list[Arm], named: set[str]) -> int | None:
    """The index of the arm whose agents are ``named``, else of the only arm that holds them all; or None."""
    if not named:
        return None
    exact = [i for i, arm in enumerate(arms) if set(arm.curies) == named]
    holding = [i for i, arm in enumerate(arms) if named <= set(arm.curies)]
    found = exact or holding
    return found[0] if len(found) == 1 else None


def _reviewed_arms(text: str, sentences: list[Sentence], mentions: list[Mention], prior: set[int]) -> list[Arm]:
    """The arms a review pools: the agents of trials "comparing X, Y or Z with A, B or C", one arm for the
    reviewed agents and one for each comparator, which a sentence may name on its own ("Comparators were A, B or
    C"). A review allocates no one, so its randomization words name no arms."""
    studied: list[Mention] = []
    comparators: list[Mention] = []
    for sentence in sentences:
        agents = [m for m in agents_in(mentions, sentence.start, sentence.end) if m.start not in prior]
        named = _COMPARATORS_WERE.search(sentence.text)
        if named and not comparators:
            comparators = [m for m in agents if m.start >= sentence.start + named.end()]
            continue
        compared = _COMPARING.search(sentence.text)
        if compared and not studied:
            cut = sentence.start + compared.start("with")
            left = [m for m in agents if sentence.start + compared.end("verb") <= m.start < cut]
            right = [m for m in agents if m.start >= cut]
            if left:
                studied, comparators = left, comparators or right
    if not studied or not comparators:
        return []
    return [Arm(agents=list({m.curie or m.label: m for m in studied}.values()))] + [
        Arm(agents=[m]) for m in {m.curie or m.label: m for m in comparators}.values()
    ]


def _reference_pair(text: str, mentions: list[Mention], prior: set[int], main: list[Mention]) -> list[Arm]:
    """The main agent and the agent the text names its reference standard ("... and 68Ga-PSMA-11 PET/CT, which
    served as the reference standard"): a test and what it is measured against."""
    keys = {m.curie or m.label for m in main}
    for mention in mentions:
        if not mention.is_agent or mention.start in prior or (mention.curie or mention.label) in keys:
            continue
        if main and _AS_REFERENCE.match(text, mention.end):
            return [Arm(agents=[main[0]]), Arm(agents=[mention])]
    return []


def _compared_pair(text: str, sentence: Sentence, mentions: list[Mention], prior: set[int], main: set) -> list[Arm]:
    """The two agents a comparison word sets side by side, when one of them is a main agent: the agents on
    either side of it ("X ... compared with Y", "X versus Y"), or the two right after it ("a comparison of X and
    Y PET/CT"). Agents in brackets or named as prior therapy take no part."""
    cues = list(_COMPARISON.finditer(sentence.text))
    both = list(_BOTH_SCANS.finditer(sentence.text)) if "oth " in sentence.text else []
    if not cues and not both:
        return []
    depth_at = _bracket_depths(text, sentence.start, sentence.end)
    candidates = [m for m in agents_in(mentions, sentence.start, sentence.end) if m.start not in prior]
    for cue in sorted(cues + both, key=lambda c: c.start()):
        cue_start, cue_end = sentence.start + cue.start(), sentence.start + cue.end()
        # (agents at the comparison's own depth: a design given in brackets, "(N=831; 2:1, X + SOC [SOC] vs SOC)",
        # compares the agents of its bracket; other brackets, "(X vs Y) did not affect survival", name factors)
        depth = depth_at(cue_start)
        if depth and not _DESIGN_IN_BRACKET.search(text, text.rfind("(", sentence.start, cue_start) + 1, cue_start):
            depth = 0
        agents = [m for m in candidates if depth_at(m.start) == depth]
        if cue not in both and _COMPARING_VERB.fullmatch(cue.group()):
            regimens = _compared_regimens(text, cue_end, sentence.end, depth_at, mentions, prior)
            if regimens and main & {c for arm in regimens for c in arm.curies}:
                return regimens
        before = [m for m in agents if m.end <= cue_start]
        after = [m for m in agents if m.start >= cue_end]
        if not before and after and (named := _named_by_its_kind(text, cue_end, after[0], mentions, main)):
            return [Arm(agents=[named]), Arm(agents=[after[0]])]  # "compared the radioligand with cabazitaxel"
        if cue in both:  # "had both X PET/CT and Y SPECT/CT": two scans of the same men, compared
            if len(after) < 2 or not all(m.kind == "ImagingAgent" for m in after[:2]):
                continue
            if not _PAIRED.match(text[after[0].end : after[1].start]):
                continue
            pair = after[:2]
        elif len(after) >= 2 and _PAIRED.match(text[after[0].end : after[1].start]):
            pair = after[:2]
        elif before and after:
            pair = [before[-1], after[0]]
        else:
            continue
        keys = [m.curie or m.label or m.text for m in pair]
        if keys[0] != keys[1] and main & set(keys):
            return [Arm(agents=[mention]) for mention in pair]
        # "X plus standard of care versus standard of care alone": the combination against its backbone
        if (
            before
            and after
            and keys[0] == keys[1]
            and len(given := _given_together(text, before)) > 1
            and main & {m.curie or m.label or m.text for m in given}
        ):
            return [Arm(agents=given), Arm(agents=[after[0]])]
    return []


def _given_together(text: str, agents: list[Mention]) -> list[Mention]:
    """The agents joined to the last of ``agents`` by "plus", "+" or "with" before it ("X plus Y"), with it."""
    chain = [agents[-1]]
    for previous in reversed(agents[:-1]):
        if not _given_along(text, previous, chain[0]):
            break
        chain.insert(0, previous)
    return chain


#: The studied agent named by its kind where a comparison starts: "compared the radioligand with cabazitaxel".
_BY_ITS_KIND = re.compile(
    r"\s+the\s+(?:(?P<therapy>radioligand|radiopharmaceutical|radioligand therapy)|(?P<imaging>tracer|PSMA tracer))"
    r"\s+(?:with|to|against|versus|vs\.?)\s+",
    re.I,
)


def _named_by_its_kind(text: str, at: int, other: Mention, mentions: list[Mention], main: set) -> Mention | None:
    """The main agent, when the words from ``at`` to the ``other`` agent name it by its kind ("the radioligand
    with"): its first mention in the text; None when they do not."""
    kind = _BY_ITS_KIND.fullmatch(text, at, other.start)
    if kind is None:
        return None
    wanted = "RadioligandTherapy" if kind.group("therapy") else "ImagingAgent"
    return next(
        (m for m in mentions if m.kind == wanted and (m.curie or m.label) in main and m.curie != other.curie), None
    )


#: A comparison made by a verb or a noun of "compare": what it compares comes after it ("compared X plus Y with Y").
_COMPARING_VERB = re.compile(r"compar(?:e|ed|es|ing|ison)", re.I)
#: Where the second regimen of "compared X plus Y with Y alone" starts, unless "with" joins an agent to the first
#: ("X combined with Y", "men treated with X").
_COMPARED_TO = re.compile(r"\s(?:with|to)\s")
_JOINS_BEFORE = re.compile(r"(?:combined|combination|together|along|plus|given|treated|and|of)\s*$", re.I)
#: Where the second regimen's words end: a comma or semicolon, the population or setting after it ("after docetaxel"),
#: or the next clause's verb ("... with cabazitaxel and found more PSA responses with X").
_REGIMEN_END = re.compile(
    r"[,;]|\s(?:in|among|for|who|at|as|after|before|following)\s"
    r"|\s(?:and|but)\s+(?:found|showed|reported|demonstrated|observed|noted|met|improved|prolonged|reduced|extended"
    r"|increased|was|were|had|did)\b",
    re.I,
)


def _compared_regimens(
    text: str, start: int, end: int, depth_at, mentions: list[Mention], prior: set[int]
) -> list[Arm]:
    """The two regimens of "compared X plus Y with Y alone" after a comparison word at ``start``, when one of them
    holds two agents or more (one agent each is :func:`_compared_pair`'s): the first from ``start`` to "with"
    (or "to"), the second from there to the end of its words; [] when the stretch does not read so."""
    agents = [m for m in agents_in(mentions, start, end) if m.start not in prior]
    if len(agents) < 3:
        return []
    for cut in _COMPARED_TO.finditer(text, agents[0].end, end):
        if depth_at(cut.start()) or _JOINS_BEFORE.search(text, start, cut.start()):
            continue
        stop = _REGIMEN_END.search(text, cut.end(), end)
        first = _split_arms(text, start, cut.start(), mentions, prior, {})
        second = _split_arms(text, cut.end(), stop.start() if stop else end, mentions, prior, {})
        if (
            len(first) == len(second) == 1
            and set(first[0].curies) != set(second[0].curies)
            and len(first[0].agents) + len(second[0].agents) >= 3
        ):
            return first + second
        return []
    return []


#: The same men imaged twice: "had both 99mTc-PSMA SPECT/CT and 68Ga-PSMA-11 PET/CT".
_BOTH_SCANS = re.compile(r"\b(?:had|underwent|received|with)\s+both\b", re.I)
#: Between the two agents of "a comparison of X and Y": a modality at most, then the joining word.
_PAIRED = re.compile(
    r"^(?:/CT|/MRI)?\s*(?:PET(?:/CT|/MRI)?|SPECT(?:/CT)?|scans?)?\s*(?:and|with|versus|vs\.?)\s+$", re.I
)


_BRACKET = re.compile(r"[()\[\]]")
#: Between X and Y of "X with or without Y": an arm of X with Y and an arm of X alone.
_OPTIONAL_ADD_ON = re.compile(
    # (a dose and schedule may come between, before or after a bracket: "X 7.4 GBq every 6 weeks (up to 6 cycles) with
    # or without Y")
    r"\s*(?:(?:[\w.,/ ]{1,30}?\s*)?\([^()]{0,60}\)\s*)?(?:[\w.,/ ]{0,30}?\s)?"
    r"(?:with or without|plus or minus|±|alone or (?:in combination )?with|alone or combined with|alone or plus)\s+",
    re.I,
)
_SAME_REGIMEN = r"the same(?:\s+(?:regimen|treatment|therapy|schedule))?\s+"
_ADDING = r"(?:combined with|in combination with|plus|with)"
_ADD_ON = re.compile(r"^\s*,?\s*(?:or|and)?\s*(?:to\s+)?(?:" + _SAME_REGIMEN + r")?" + _ADDING + r"\b", re.I)
#: An arm of a list that adds to the one before it: "(arm A), the same regimen plus abiraterone (arm B)".
_SAME_REGIMEN_PLUS = re.compile(r"(?:to\s+)?" + _SAME_REGIMEN + _ADDING + r"\s", re.I)


#: A semicolon that opens the next labelled arm of a list: "; arm B, docetaxel ...; or arm C, ...".
_LABELLED_ARM_NEXT = re.compile(
    r";\s*(?:or\s+|and\s+)?(?:to\s+)?(?P<word>arm|group|cohort)\s+(?:[A-D]|[1-4])\s*[,:]", re.I
)
#: The first arm of a list of labelled arms, right after the allocation's "to": "to arm A, 177Lu-PSMA-617 ...".
_FIRST_LABELLED_ARM = re.compile(r"\bto\s+(?:the\s+)?(?P<word>arm|group|cohort)\s+(?:A|1)\s*[,:]", re.I)


def _next_labelled_arm(text: str, start: int, semicolon: int) -> bool:
    """Whether the semicolon at ``semicolon`` opens the next arm of a list of labelled arms that the allocation from
    ``start`` opened ("randomly assigned to arm A, X; arm B, Y; or arm C, Z"), with the same word for each."""
    following = _LABELLED_ARM_NEXT.match(text, semicolon)
    if following is None:
        return False
    first = _FIRST_LABELLED_ARM.search(text, start, semicolon)
    return first is not None and first.group("word").lower() == following.group("word").lower()


def _split_arms(
    text: str, start: int, end: int, mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """Arms of "to X plus Y or to Y alone": cut at or/versus outside brackets, one arm per part with agents.

    Agents named in brackets after an arm's agent explain it ("a change of ARPI (abiraterone or
    enzalutamide)") and are left out; a part that adds to the previous arm ("alone or combined
    with X") keeps the previous arm's agents; alternatives of one class ("abiraterone or
    enzalutamide") stay one arm.
    """
    crossover = _CROSSOVER.search(text, start, end)
    if crossover is not None:  # ", with crossover to X allowed at progression": no part of the arms
        end = crossover.start()
    optional = _with_or_without(text, start, end, mentions, prior)
    if optional is not None:  # "X with or without Y (versus Z)": X with Y, X alone, then what follows
        with_y, alone, after = optional
        return [with_y, alone, *_split_arms(text, after, end, mentions, prior, choices)]
    depth_at = _bracket_depths(text, start, end)
    parts = _ratio_parts(text, start, end)  # (agents of one class are alternatives only past the arms it counts)
    found = list(_ARM_SPLIT.finditer(text, start, end))
    if text.find(",", start, end) >= 0:
        found += _NEXT_ARM_TO.finditer(text, start, end)
        if _ANY_OR.search(text, start, end):  # "to X (...), Y (...)(,) or X plus Y": a list of three arms or more
            # (a comma that opens an arm's next agent, not its definition: "plus SOC, defined as an ARPI with ADT")
            starts = {m.start for m in agents_in(mentions, start, end)}
            found += [c for c in _LIST_COMMA.finditer(text, start, end) if _opens_arm(text, c.end(), starts)]
    found += _LABELLED_ARM_NEXT.finditer(text, start, end)  # ("to arm A, X; arm B, Y; or arm C, Z")
    cuts = [start, *sorted({cut.start() for cut in found if depth_at(cut.start()) == 0})]
    cuts.append(end)
    arms: list[Arm] = []
    choosing = False  # the last arm is a choice ("the investigator's choice of X with prednisone or Y")
    for left, right in pairwise(cuts):
        inside = [m for m in agents_in(mentions, left, right) if m.start not in prior]
        # An agent in brackets explains the arm's agent; in an arm that names none ("SBRT alone (standard of
        # care)") it names the arm.
        agents = [m for m in inside if depth_at(m.start) == 0]
        if not agents and inside:
            regimen = _choice(inside, choices) if len(inside) >= 2 else None  # "(a switch to X or Y)": ARPI change
            agents = [regimen] if regimen else inside
        agents = [m for m in agents if m.curie not in COMPANION_AGENTS] or agents
        if (
            len(agents) >= 2
            and all(text[a.end : b.start].strip() == "/" for a, b in pairwise(agents))
            and (regimen := _choice(agents, choices))
        ):
            agents = [regimen]  # "an abiraterone/enzalutamide switch": the alternatives of one regimen, not both
        if not agents and len(arms) >= 2 and _BOTH_ARMS.match(text, left, right):
            # "to X (arm A), Y (arm B), or both (arm C)": the third arm gets the agents of the two before it
            arms.append(Arm(agents=list({m.curie or m.label: m for arm in arms for m in arm.agents}.values())))
            continue
        if not agents:
            continue
        if arms and _ADD_ON.match(text[left:right]) and not _parallel_with(text, arms[-1], left, right):
            agents = arms[-1].agents + agents
        elif arms and len(arms) >= max(2, parts) and _alternatives(arms[-1].agents, agents):
            arms[-1].agents = [_choice(arms[-1].agents + agents, choices) or arms[-1].agents[0]]
            continue
        elif choosing and len(agents) == 1 and (regimen := _choice(arms[-1].agents + agents, choices)):
            arms[-1].agents = [regimen]
            continue
        arms.append(Arm(agents=agents))
        choosing = bool(_CHOICE.search(text, left, agents[0].start))
    return _with_placebos_backbone(arms)


#: Where the arms end and what may follow them begins: ", with crossover to X allowed at progression".
_CROSSOVER = re.compile(r",?\s*(?:with\s+|and\s+)?(?:optional\s+)?(?:cross-?over|crossing\s+over)\b", re.I)
#: "staging with conventional imaging or with PSMA PET": a part that starts "or with", after an arm named "with X".
_OR_WITH = re.compile(r"\s*or\s+with\s", re.I)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+|an?\s+)?$", re.I)


def _parallel_with(text: str, previous: Arm, left: int, right: int) -> bool:
    """Whether the part ``text[left:right]`` is "or with Y" after an arm itself named "with X": two arms side by
    side, not Y added to X."""
    return bool(_OR_WITH.match(text, left, right)) and bool(
        _WITH_BEFORE.search(text, max(0, previous.agents[0].start - 20), previous.agents[0].start)
    )


#: A part of a list of arms that combines the ones before it: "..., or both", "or the combination of both".
_BOTH_ARMS = re.compile(
    r"[\s,]*(?:or|and)\s+(?:to\s+)?(?:both|the\s+combination(?:\s+of\s+(?:both|the\s+two))?)\b", re.I
)


def _with_placebos_backbone(arms: list[Arm]) -> list[Arm]:
    """Arms of "X or placebo with Y": the placebo arm's other agents are the backbone both arms get, so the arm
    of X before it that lacks them gets them too (X + Y against placebo + Y)."""
    placebo = next((arm for arm in arms if PLACEBO in arm.curies and len(arm.agents) > 1), None)
    if placebo is None:
        return arms
    backbone = [m for m in placebo.agents if m.curie != PLACEBO]
    for arm in arms[: arms.index(placebo)]:
        if PLACEBO not in arm.curies and not set(arm.curies) & {m.curie or m.label for m in backbone}:
            arm.agents = arm.agents + backbone
    return arms


def _opens_arm(text: str, at: int, agent_starts: set[int]) -> bool:
    """Whether an agent starts at ``at``, after "to" or an article at most, or an arm that adds one to the arm before
    it ("the same regimen plus X")."""
    words = _ARM_OPENING.match(text, at)
    return (words.end() if words else at) in agent_starts or bool(_SAME_REGIMEN_PLUS.match(text, at))


def _with_or_without(
    text: str, start: int, end: int, mentions: list[Mention], prior: set[int]
) -> tuple[Arm, Arm, int] | None:
    """The two arms of "X with or without Y" ("X alone or with Y", "X plus or minus Y", "X ± Y") in
    ``text[start:end]``, and where the text after them starts; None when the stretch has no such phrase."""
    agents = [m for m in agents_in(mentions, start, end) if m.start not in prior]
    for x, y in pairwise(agents):
        if _OPTIONAL_ADD_ON.fullmatch(text, x.end, y.start):
            return Arm(agents=[x, y]), Arm(agents=[x]), y.end
    return None


#: A ratio of allocation, whose parts count the arms: "1:1:1", "2:1".
_ALLOCATION_RATIO = re.compile(r"(?<![\d:.])\d(?:\s*:\s*\d){1,4}(?![\d:.])")


def _ratio_parts(text: str, start: int, end: int) -> int:
    """How many arms the allocation ratio of the sentence around ``text[start:end]`` counts ("randomized 1:1:1 to X, Y
    or Z" counts three), or 0 when there is none.

    >>> _ratio_parts("Men were randomized 1:1:1 to X, Y or Z.", 29, 38), _ratio_parts("In 2020. Men: X or Y", 13, 20)
    (3, 0)
    """
    sentence_start = max(text.rfind(". ", max(0, start - 120), start) + 1, max(0, start - 120))
    ratio = _ALLOCATION_RATIO.search(text, sentence_start, end)
    return ratio.group().count(":") + 1 if ratio else 0


def _alternatives(previous: list[Mention], current: list[Mention]) -> bool:
    """Single agents of one class joined by 'or' are one arm's alternatives."""
    return len(current) == 1 and all(m.kind == current[0].kind for m in previous)


def _choice(agents: list[Mention], choices: dict[frozenset, Mention]) -> Mention | None:
    """The regimen the ontology defines as a choice among these agents ("abiraterone or enzalutamide" is an
    ARPI change; a drug given with one of them, such as prednisone, does not change that), else None."""
    named = frozenset(m.curie for m in agents)
    for among, regimen in choices.items():
        if len(named & among) >= min(2, len(named)) and all(m.curie in among or m.kind == "OtherAgent" for m in agents):
            return Mention(agents[0].start, agents[-1].end, "", regimen.curie, regimen.kind, label=regimen.label)
    return None


def _bracket_depths(text: str, start: int, end: int):
    """How deep in brackets each place of ``text[start:end]`` sits (0 outside that stretch), from the brackets
    alone: a place sits at the depth left by the brackets before it (an unmatched closer is ignored).

    >>> depth = _bracket_depths("a (b [c]) d)", 0, 12)
    >>> [depth(i) for i in (0, 2, 3, 6, 7, 8, 10, 11, 20)]
    [0, 0, 1, 2, 2, 1, 0, 0, 0]
    """
    places, depths, depth = [], [], 0
    for bracket in _BRACKET.finditer(text, start, end):
        if bracket.group() in "([":
            depth += 1
        elif depth:
            depth -= 1
        places.append(bracket.start())
        depths.append(depth)

    def depth_at(index: int) -> int:
        if not start <= index < end:
            return 0
        before = bisect_left(places, index)  # the brackets at places before ``index``
        return depths[before - 1] if before else 0

    return depth_at


#: Modalities of the PSMA-targeted agents psma-kg is about; an arm with one is the investigational arm.
PSMA_MODALITIES = frozenset(
    {"RadioligandTherapy", "AntibodyDrugConjugate", "CARTCellTherapy", "CARNKCellTherapy", "BispecificAntibody"}
)


def investigational_first(arms: list[Arm], main: list[Mention], targeted: frozenset[str] = frozenset()) -> list[Arm]:
    """The investigational arm first, the others in text order: a PSMA-targeted therapy, else the title's agent,
    else a PSMA-targeted imaging agent (``targeted`` holds the curies of PSMA-targeted agents)."""
    keys = {m.curie or m.label for m in main}

    def rank(indexed: tuple[int, Arm]) -> tuple[int, int, int, int]:
        index, arm = indexed
        therapy = any(m.kind in PSMA_MODALITIES for m in arm.agents)
        imaging = any(is_imaging(m) and is_psma_targeted(m, targeted) for m in arm.agents)
        return (not therapy, not imaging, not (keys & set(arm.curies)), index)

    return [arm for _index, arm in sorted(enumerate(arms), key=rank)]


def is_psma_targeted(mention: Mention, targeted: frozenset[str]) -> bool:
    """Whether the agent binds PSMA: curated so (``targeted``), or a new agent whose name says so; or a new imaging
    agent, a radionuclide joined to a code ("68Ga-P16-093"), which in a PSMA abstract is a PSMA tracer under study."""
    if mention.curie is not None:
        return mention.curie in targeted
    return "PSMA" in (mention.label or mention.text).upper() or (
        mention.kind == "ImagingAgent" and mention.via == "radioligand"
    )


def is_imaging(mention: Mention) -> bool:
    """An imaging agent, or staging without one ("conventional imaging")."""
    return mention.kind == "ImagingAgent" or mention.curie in IMAGING_REGIMENS


#: Right before a therapy the men went on to have after the study's scan or treatment: "Twelve patients subsequently
#: started lenvatinib", "24 men went on to receive carboplatin plus etoposide".
_GIVEN_LATER = re.compile(
    r"\b(?:(?:subsequently|later|afterwards|thereafter)\s+(?:started|received|began|had|(?:were|was)\s+(?:given|"
    r"treated\s+with))|went\s+on\s+to\s+(?:receive|start|have))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_JOINED_LATER = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus|with)\s+|\s*\+\s*", re.IGNORECASE)


def later_therapy_mentions(text: str, mentions: list[Mention]) -> set[int]:
    """Starts of the therapies, not PSMA-targeted, the men are said to have gone on to after the study ("Twelve
    patients subsequently started lenvatinib"), and of those joined to them ("carboplatin plus etoposide"): no agent
    a study is about."""
    later: set[int] = set()
    agents = [m for m in mentions if m.is_agent and not is_imaging(m)]
    for index, mention in enumerate(agents):
        previous = agents[index - 1] if index else None
        if mention.kind in PSMA_MODALITIES:
            continue
        if _GIVEN_LATER.search(text, max(0, mention.start - 60), mention.start) or (
            previous is not None
            and previous.start in later
            and _JOINED_LATER.fullmatch(text, previous.end, mention.start)
        ):
            later.add(mention.start)
    return later


def prior_therapy_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> set[int]:
    """Starts of agent mentions written as prior therapy ("after enzalutamide", "taxane-pretreated",
    "post-docetaxel").

    A PSMA-targeted therapy is what most abstracts study ("PSA declines after 177Lu-PSMA-617", "response after PSMA
    CAR T cells"), so it is prior therapy only when the words say so outright ("after progression on
    177Lu-PSMA-617", "LuPSMA-refractory").
    """
    prior = set()
    starts = [s.start for s in sentences]  # sentences are in text order and apart
    for mention in mentions:
        if not mention.is_agent or is_imaging(mention):
            continue  # an imaging agent is no therapy
        index = bisect_right(starts, mention.start) - 1
        if index < 0 or mention.start >= sentences[index].end:
            continue
        sentence = sentences[index]
        before = text[sentence.start : mention.start]
        after = text[mention.end : mention.end + 25]
        if mention.kind in PSMA_MODALITIES:
            if _PRIOR_RADIOLIGAND.search(before) or _REFRACTORY.match(after):
                prior.add(mention.start)
        elif (
            (_PRIOR.search(before) and not _ARM_RECEIVED.search(before))
            or before.endswith(("post-", "Post-"))
            or _PRETREATED.match(after)
        ):
            prior.add(mention.start)
    # The next item of a list of prior therapies is one too: "previously treated with an ARPI and one or two taxane
    # regimens".
    agents = [m for m in mentions if m.is_agent and not is_imaging(m)]
    for previous, mention in pairwise(agents):
        if previous.start in prior and _NEXT_IN_LIST.fullmatch(text, previous.end, mention.start):
            prior.add(mention.start)
    # A drug joined to a study drug is given with it ("received 177Lu-PSMA-617 plus pembrolizumab"), whatever
    # the words before the pair said.
    agents = [m for m in mentions if m.is_agent]
    for previous, mention in pairwise(agents):
        if mention.start in prior and previous.start not in prior and _given_along(text, previous, mention):
            prior.discard(mention.start)
    return prior


def without_partners(agents: list[Mention], text: str, offset: int, arms: list[Arm]) -> list[Mention]:
    """The agents without those joined to the one before them within one arm (``text`` starts at ``offset`` of the
    document): "with 177Lu-PSMA-617 + SOC" names one arm, the combination, not the combination and the arm of SOC
    alone."""
    kept: list[Mention] = []
    for mention in agents:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and _given_along(text, previous, mention, offset)
            and any(previous.curie in arm.curies and mention.curie in arm.curies for arm in arms)
        ):
            continue
        kept.append(mention)
    return kept


def with_partners(text: str, main: list[Mention], mentions: list[Mention], prior: set[int]) -> list[Mention]:
    """The main agent with the drugs joined to it ("LuPSMA + pembrolizumab", "177Lu-PSMA-617 plus olaparib"): a
    single-arm combination study is about the combination. Steroids given alongside stay out."""
    if not main:
        return main
    agents = [m for m in mentions if m.is_agent]
    regimen = list(main)
    for previous, mention in pairwise(agents):
        joined = previous is regimen[-1] and _given_along(text, previous, mention)
        if joined and mention.start not in prior and mention.curie not in (*COMPANION_AGENTS, previous.curie):
            regimen.append(mention)
    return regimen


#: Right before the outcome a model predicts: "Predictors of grade 3-4 ", "factors associated with ".
_MODELLED_BEFORE = re.compile(
    r"\b(?:predictors?|risk\s+factors|factors\s+associated\s+with|determinants)\s+(?:of|for)?\s*(?:[\w≥–-]+\s+){0,3}$",
    re.I,
)


def modelled_outcome(text: str, mentions: list[Mention]) -> Mention | None:
    """The first endpoint named as what the study's model predicts ("Predictors of X were identified ..."), or None."""
    if "redictor" not in text and "actor" not in text and "eterminant" not in text:
        return None
    return next(
        (
            m for m in mentions
            if m.kind in ENDPOINT_KINDS and m.curie and _MODELLED_BEFORE.search(text, max(0, m.start - 50), m.start)
        ),
        None,
    )  # fmt: skip


def selection_mentions(text: str, mentions: list[Mention], therapy: bool) -> set[int]:
    """Imaging agents named to select patients for a therapy ("PSMA-positive on 68Ga-PSMA-11 PET")."""
    if not therapy:
        return set()
    return {
        m.start
        for m in mentions
        if m.kind == "ImagingAgent" and _SELECTION.search(text[max(0, m.start - 40) : m.end + 30])
    }


_PAST_RESULTS = prefiltered(
    r"\b(?:occurred in|was observed|were observed|had an?|achieved|was reached|were treated|were enrolled|"
    r"was \d|were \d|(?<!\bhave )(?<!\bhas )(?<!\bhad )received)\b",
    re.I,
)


def is_trial_in_progress(document_text: str, sections: tuple[str | None, ...]) -> bool:
    """True for design abstracts: no results section, future-tense wording, and no reported results."""
    has_results = any(label and label.upper().startswith(("RESULT", "FINDING")) for label in sections)
    future = len(_FUTURE.findall(document_text))
    return not has_results and future >= 2 and not _PAST_RESULTS.search(document_text)
