"""Document-level context: sentences, arms, the main agent, agent roles, trial-in-progress status."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.extraction.mentions import Mention
from ingest.extraction.prefilter import prefiltered

#: Regimens that form the backbone of both arms ("X plus standard of care" vs "standard of care").
BACKGROUND_AGENTS = frozenset({"agent:standard-of-care", "agent:adt"})

_RANDOMIZED = prefiltered(r"\b(?:randomly assigned|randomi[sz]ed|random assignment|allocated|assigned)\b", re.I)
_ARM_SPLIT = prefiltered(r"\s(?:or to|or|versus|vs\.?|compared with|compared to|against|and to)\s|,\s*or\s", re.I)
_PRIOR = prefiltered(
    r"\b(?:after|prior|previous(?:ly)?|pretreated|pre-treated|progress(?:ed|ion|ing)?\s+(?:on|after|following)|"
    r"refractory|resistant to|received|failed|following|exposed to|naive|naïve)\b[^.;]{0,60}$",
    re.I,
)
_SELECTION = prefiltered(r"\b(?:PET|SPECT|scan|imaging|positive|positivity|selected|screen\w*|avid)\b", re.I)
_FUTURE = prefiltered(
    r"\b(?:will be|will receive|will compare|will assess|is enrolling|are being|is recruiting|is ongoing|are enrolling"
    r"|trial in progress|is currently|planned enrol\w*|will enrol\w*|aims to)\b",
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

    def comparator_curies(self) -> set[str]:
        if len(self.arms) < 2:
            return set()
        first = set(self.arms[0].curies)
        return {c for arm in self.arms[1:] for c in arm.curies if c not in first}


def agents_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.is_agent and start <= m.start and m.end <= end]


def find_arms(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    prior: set[int],
    choices: dict[frozenset, Mention] | None = None,
) -> list[Arm]:
    """Arms from the randomization sentence ("randomly assigned to X or to Y"), else from a title "X vs Y".

    ``choices`` maps sets of agents to the regimen that is a choice among them (from psma:choiceOf).
    """
    choices = choices or {}
    for sentence in sentences:
        match = _RANDOMIZED.search(sentence.text)
        if not match:
            continue
        segment_start = sentence.start + match.end()
        arms = _split_arms(text, segment_start, sentence.end, mentions, prior, choices)
        if len(arms) >= 2:
            return arms
    title = sentences[0] if sentences else None
    if title is not None:
        arms = _split_arms(text, title.start, title.end, mentions, prior, choices)
        if len(arms) >= 2:
            return arms
    return []


_BRACKET = re.compile(r"[()\[\]]")
_ADD_ON = re.compile(
    r"^\s*(?:or|and)?\s*(?:to\s+)?(?:the same\s+)?(?:combined with|in combination with|plus|with)\b", re.I
)


def _split_arms(
    text: str, start: int, end: int, mentions: list[Mention], prior: set[int], choices: dict[frozenset, Mention]
) -> list[Arm]:
    """Arms of "to X plus Y or to Y alone": cut at or/versus outside brackets, one arm per part with agents.

    Agents named in brackets after an arm's agent explain it ("a change of ARPI (abiraterone or
    enzalutamide)") and are left out; a part that adds to the previous arm ("alone or combined
    with X") keeps the previous arm's agents; alternatives of one class ("abiraterone or
    enzalutamide") stay one arm.
    """
    depth_at = _bracket_depths(text, start, end)
    cuts = [start] + [cut.start() for cut in _ARM_SPLIT.finditer(text, start, end) if depth_at(cut.start()) == 0]
    cuts.append(end)
    arms: list[Arm] = []
    for left, right in pairwise(cuts):
        agents = [
            m for m in agents_in(mentions, left, right)
            if m.start not in prior and depth_at(m.start) == 0
        ]  # fmt: skip
        if not agents:
            continue
        if arms and _ADD_ON.match(text[left:right]):
            agents = arms[-1].agents + agents
        elif arms and len(arms) >= 2 and _alternatives(arms[-1].agents, agents):
            arms[-1].agents = [_choice(arms[-1].agents + agents, choices)]
            continue
        arms.append(Arm(agents=agents))
    return arms


def _alternatives(previous: list[Mention], current: list[Mention]) -> bool:
    """Single agents of one class joined by 'or' are one arm's alternatives."""
    return len(current) == 1 and all(m.kind == current[0].kind for m in previous)


def _choice(agents: list[Mention], choices: dict[frozenset, Mention]) -> Mention:
    """The regimen the ontology defines as a choice among these agents ("abiraterone or enzalutamide" is an
    ARPI change), else the first agent."""
    named = frozenset(m.curie for m in agents)
    for among, regimen in choices.items():
        if named <= among:
            return Mention(agents[0].start, agents[-1].end, "", regimen.curie, regimen.kind, label=regimen.label)
    return agents[0]


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


def investigational_first(arms: list[Arm], main: list[Mention]) -> list[Arm]:
    """The investigational arm first (a PSMA-targeted agent, else the title's agent), the others in text order."""
    keys = {m.curie or m.label for m in main}

    def rank(indexed: tuple[int, Arm]) -> tuple[int, int, int]:
        index, arm = indexed
        targeted = any(m.kind in PSMA_MODALITIES for m in arm.agents)
        return (not targeted, not (keys & set(arm.curies)), index)

    return [arm for _index, arm in sorted(enumerate(arms), key=rank)]


def prior_therapy_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> set[int]:
    """Starts of agent mentions written as prior therapy ("after enzalutamide", "taxane-pretreated")."""
    prior = set()
    starts = [s.start for s in sentences]  # sentences are in text order and apart
    for mention in mentions:
        if not mention.is_agent or mention.kind == "RadioligandTherapy":
            continue
        index = bisect_right(starts, mention.start) - 1
        if index < 0 or mention.start >= sentences[index].end:
            continue
        sentence = sentences[index]
        before = text[sentence.start : mention.start]
        after = text[mention.end : mention.end + 25]
        if _PRIOR.search(before) or re.match(r"[\s-]*(?:pretreated|pre-treated|refractory|naive|exposed)", after, re.I):
            prior.add(mention.start)
    return prior


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
