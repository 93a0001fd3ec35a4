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
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.extraction.prefilter import prefiltered
from ingest.extraction.scanning import AnchoredPattern, WordStartPattern
from ingest.extraction.textutil import dashes_to_hyphen, fold
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
_ABBREVIATION = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z0-9-]{1,11})\s*[),;]")
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
    r"(?P<code>[A-Za-z][A-Za-z0-9]*(?:[-.&/][A-Za-z0-9]+)*)"
)
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
        r"|(?:(?<=\band )of\s+(?:at least|more than|≥|>=|>)\s*(?P<e>\d{2})\s*%)"
        r"|(?P<any>\bany\s+(?:PSA\s+)?(?:declines?|reductions?|falls?|decreases?|PSA\s+response)(?:\s+in\s+PSA)?"
        r"|\bPSA\s+(?:declines?|reductions?|falls?)\s+of\s+any\s+(?:size|magnitude|degree|kind))"
        # "PSA fell by at least 50% in 4 and by any amount in 10": checked for PSA nearby like a threshold
        r"|(?P<anyby>\bby\s+any\s+(?:amount|degree|margin|magnitude))",
        re.IGNORECASE,
    ),
    anchors=("%", "any"),
)
#: Markers other than PSA whose declines are written like PSA responses.
_OTHER_MARKER = prefiltered(
    r"\b(?:CTCs?|circulating tumou?r cells?|ctDNA|cfDNA|circulating tumou?r DNA|LDH|ALP|alkaline phosphatase|SUV\w*|"
    r"tumou?r volume|platelets?|"
    r"neutrophils?|ha?emoglobin|(?:cell )?counts?)\b(?![^.;]*\bPSA\b)[^.;]*$",
    re.IGNORECASE,
)
#: "PET localised recurrent disease in 75%", "found disease in 13 men (26%)": a detection rate.
_DETECTION = AnchoredPattern(
    re.compile(
        r"\b(?:detected|localised|localized|identified|found|visuali[sz]ed|depicted)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:disease|lesions?|cancer|recurrences?|metastas[ie]s|sites?)\b",
        re.IGNORECASE,
    ),
    anchors=("detected", "locali", "identified", "found", "visuali", "depicted"),
)
#: "PET was positive in 75%", "both modalities were positive in 21 of 22": a detection rate.
_POSITIVE = AnchoredPattern(re.compile(r"\b(?:was|were)\s+positive\b", re.IGNORECASE), anchors=("positive",))
#: Management change however the verb falls: "changed the planned management", "management intent changed".
_MANAGEMENT_CHANGE = AnchoredPattern(
    re.compile(
        r"\b(?:chang|alter)\w*\s+(?:in\s+|of\s+)?(?:the\s+|their\s+)?(?:[a-z]+\s+){0,2}?management\b"
        r"(?:\s+(?:plans?|intent))?"
        r"|\bmanagement\s+(?:plans?\s+|intent\s+)?(?:was\s+|were\s+|would\s+be\s+|had\s+)?(?:chang|alter)\w*",
        re.IGNORECASE,
    ),
    anchors=("management",),
)
#: "the hazard ratio for death": death names overall survival when a ratio is given for it.
_DEATH_RATIO = AnchoredPattern(
    re.compile(r"\b(?:hazard ratio|HR)\s+(?:for|of)\s+(?:all-cause\s+)?(?P<span>death)\b", re.IGNORECASE),
    anchors=("death",),
)
_PSA_ENDPOINTS = {"50": "endpoint:PSA50", "90": "endpoint:PSA90", "30": "endpoint:PSA30"}
_NAMED_TRIAL = AnchoredPattern(
    re.compile(r"\b(?P<name>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)\s+(?:phase\s+[0-9IVab/]+\s+)?(?:trial|study)\b"),
    anchors=("trial", "study"),
)
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
    ]
)


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
        candidates.extend(self._psa_responses(text, hyphenated, folded))
        candidates.extend(self._detections(text, folded))
        candidates.extend(self._phrased(text, folded, _MANAGEMENT_CHANGE, "endpoint:management-change", "management"))
        candidates.extend(self._phrased(text, folded, _POSITIVE, "endpoint:detection-rate", "detection"))
        candidates.extend(self._phrased(text, folded, _DEATH_RATIO, "endpoint:OS", "death-ratio"))
        candidates.extend(self._registry_ids(text))
        mentions = _without_overlaps(candidates)
        mentions = self._with_abbreviations(text, mentions)
        mentions.extend(self._named_trials(text, mentions))
        mentions = [self._disambiguate(text, m) for m in sorted(mentions, key=lambda m: m.start)]
        return mentions

    def _lexicon_mentions(self, text: str, start: int, end: int, key: str) -> Iterable[Mention]:
        resolved = self._resolved.get(key)
        if resolved is None:
            return ()
        curie, kind, shared, label = resolved
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
            code = match.group("code").rstrip(".-/")
            if nuclide is None or not (any(c.isdigit() for c in code) or sum(c.isupper() for c in code) >= 2):
                continue
            end = match.start("code") + len(code)
            label = f"{mass}{symbol}-{code}"
            known = self.lexicon.resolve(label)
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

    def _psa_responses(self, text: str, hyphenated: str, folded: str) -> Iterable[Mention]:
        for match in _PSA_RESPONSE.finditer(hyphenated, folded):
            threshold = next((match.group(g) for g in "abcde" if match.group(g)), None)
            any_decline = match.group("any") or match.group("anyby")
            curie = "endpoint:any-PSA-decline" if any_decline else _PSA_ENDPOINTS.get(threshold or "")
            if curie is None or curie not in self.ontology.endpoints:
                continue
            if match.group("any") is None and "psa" not in text[max(0, match.start() - 80) : match.end() + 20].lower():
                continue
            if _OTHER_MARKER.search(text, max(0, match.start() - 40), match.start()):
                continue  # "CTC counts fell by at least 50%": a threshold of another marker
            entity = self.ontology.endpoints[curie]
            yield Mention(
                match.start(), match.end(), text[match.start() : match.end()], curie, entity.kind, label=entity.label,
                via="psa-threshold",
            )  # fmt: skip

    def _detections(self, text: str, folded: str) -> Iterable[Mention]:
        entity = self.ontology.endpoints.get("endpoint:detection-rate")
        if entity is None:
            return
        for match in _DETECTION.finditer(text, folded):
            yield Mention(match.start(), match.end(), match.group(), entity.curie, entity.kind, label=entity.label,
                          via="detection")  # fmt: skip

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

    def _registry_ids(self, text: str) -> Iterable[Mention]:
        for match in _REGISTRY.finditer(text):
            scheme = next(name for name in ("nct", "actrn", "eudract", "isrctn") if match.group(name))
            identifier = match.group(scheme)
            curie = self._registrations.get(identifier.upper())
            label = self.ontology.trials[curie].label if curie else identifier
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

    def _with_abbreviations(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Abbreviations defined in the text ("... survival (rPFS)") name the same entity afterwards."""
        aliases: dict[str, Mention] = {}
        for mention in mentions:
            match = _ABBREVIATION.match(text, mention.end)
            if match and mention.curie and match.group(1) not in aliases:
                short = match.group(1)
                if not self._entries.get(normalize_label(short)) and short.lower() != mention.text.lower():
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

    def _named_trials(self, text: str, mentions: list[Mention]) -> list[Mention]:
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for match in _NAMED_TRIAL.finditer(text):
            name = match.group("name")
            start, end = match.span("name")
            if name.upper() in _NOT_TRIAL_NAMES or any(s < end and start < e for s, e in taken):
                continue
            if self._entries.get(normalize_label(name)) or _NEW_RADIOLIGAND.match(name):
                continue
            found.append(Mention(start, end, name, None, "ClinicalTrial", curated=False, label=name, via="named-trial"))
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


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest-leftmost selection of non-overlapping mentions."""
    chosen: list[Mention] = []
    last_end = -1
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.via != "lexicon")):
        if mention.start >= last_end:
            chosen.append(mention)
            last_end = mention.end
    return chosen
