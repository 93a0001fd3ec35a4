"""The NER lexicon: every surface form of every curated entity, derived from the ontology.

Explicit labels (``skos:prefLabel``, ``skos:altLabel``, ``psma:sharedLabel``) come from
psma.ttl. Radiolabelled agents also get their systematic spellings derived from their
radionuclide and ligand (``177Lu-X``, ``Lu-177-X``, ``[177Lu]Lu-X``, ``lutetium-177 X``...),
so those are never typed twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.errors import OntologyError
from kg.model import Agent, Entity, Radionuclide
from kg.ontology import Ontology, load_ontology

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # the same few thousand labels recur in every abstract
def normalize_label(text: str) -> str:
    """The lookup key of a label: NFKC, case-folded, dashes unified, spaces collapsed.

    >>> normalize_label("¹⁷⁷Lu–PSMA‑617")
    '177lu-psma-617'
    >>> normalize_label("  Lutetium  Lu 177 ")
    'lutetium lu 177'
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One surface form of one entity."""

    surface: str
    curie: str
    kind: str
    source: str  # prefLabel, altLabel, sharedLabel or derived

    @property
    def key(self) -> str:
        return normalize_label(self.surface)


def radiolabel_spellings(nuclide: Radionuclide, ligand_label: str) -> set[str]:
    """The ways papers write a radionuclide joined to a ligand.

    >>> from kg.ontology import load_ontology
    >>> lu = load_ontology().radionuclides["nuclide:Lu-177"]
    >>> sorted(radiolabel_spellings(lu, "PSMA-617"))[:4]
    ['177Lu PSMA-617', '177Lu-PSMA-617', '177Lu-labeled PSMA-617', '177Lu-labelled PSMA-617']
    """
    mass = f"{nuclide.mass_number}{'m' if nuclide.metastable else ''}"
    sym, element, lig = nuclide.symbol, nuclide.element, ligand_label
    return {
        f"{mass}{sym}-{lig}",
        f"{mass}{sym} {lig}",
        f"{sym}-{mass}-{lig}",
        f"{sym}-{mass} {lig}",
        f"{sym}{mass}-{lig}",
        f"[{mass}{sym}]{sym}-{lig}",
        f"[{mass}{sym}]{lig}",
        f"[{mass}{sym}]-{lig}",
        f"{element}-{mass} {lig}",
        f"{element}-{mass}-{lig}",
        f"{element} {sym} {mass} {lig}",
        f"{element} ({mass}{sym}) {lig}",
        f"{mass}{sym}-labeled {lig}",
        f"{mass}{sym}-labelled {lig}",
        f"{element}-{mass}-labeled {lig}",
        f"{element}-{mass}-labelled {lig}",
        f"{sym}-{lig}",
    }


class Lexicon:
    """Surface form -> entities. Build it with :func:`build_lexicon`."""

    def __init__(self, entries: Iterable[LexiconEntry], ambiguous: dict[str, tuple[str, ...]]):
        self.entries: tuple[LexiconEntry, ...] = tuple(entries)
        #: Derived spellings dropped because they fit several entities, with those entities.
        self.ambiguous = ambiguous
        self._by_key: dict[str, list[LexiconEntry]] = defaultdict(list)
        for entry in self.entries:
            self._by_key[entry.key].append(entry)

    def lookup(self, text: str) -> tuple[LexiconEntry, ...]:
        """Every entity a surface form may name (more than one only for shared labels)."""
        return tuple(self._by_key.get(normalize_label(text), ()))

    def resolve(self, text: str, *, strict: bool = False) -> str | None:
        """The CURIE a surface form names, None (or KeyError if strict) when unknown or shared."""
        curies = {entry.curie for entry in self.lookup(text)}
        if len(curies) == 1:
            return curies.pop()
        if strict:
            raise KeyError(f"{text!r} names {len(curies)} entities: {sorted(curies)}")
        return None

    def keys(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self.entries)


def _explicit_entries(entity: Entity) -> Iterator[LexiconEntry]:
    yield LexiconEntry(entity.label, entity.curie, entity.kind, "prefLabel")
    for label in entity.alt_labels:
        yield LexiconEntry(label, entity.curie, entity.kind, "altLabel")
    for label in entity.shared_labels:
        yield LexiconEntry(label, entity.curie, entity.kind, "sharedLabel")


def _derived_entries(ontology: Ontology, agent: Agent) -> Iterator[LexiconEntry]:
    if agent.radionuclide is None or agent.ligand is None:
        return
    nuclide = ontology.radionuclides[agent.radionuclide]
    for label in ontology.ligands[agent.ligand].labels:
        for spelling in radiolabel_spellings(nuclide, label):
            yield LexiconEntry(spelling, agent.curie, agent.kind, "derived")


def hyphenated(label: str) -> str | None:
    """A label of two to four words joined by hyphens, as a text writes it before a noun ("the ARPI-change arm",
    "the best-supportive-care group"); None when a word is not made of letters only.

    >>> hyphenated("ARPI change"), hyphenated("best supportive care"), hyphenated("cabazitaxel")
    ('ARPI-change', 'best-supportive-care', None)
    >>> hyphenated("abiraterone plus prednisone 10 mg")
    """
    words = label.split()
    if not 2 <= len(words) <= 4 or not all(word.isalpha() for word in words):
        return None
    return "-".join(words)


def _hyphenated_entries(agent: Agent) -> Iterator[LexiconEntry]:
    """The labels of an agent that is no radioligand, joined by hyphens: "the ARPI-change arm"."""
    if agent.radionuclide is not None:
        return
    for label in (agent.label, *agent.alt_labels):
        form = hyphenated(label)
        if form:
            yield LexiconEntry(form, agent.curie, agent.kind, "derived")


def plural(label: str) -> str | None:
    """The plural of an endpoint label whose last word is a lowercase noun or an abbreviation in capitals; None when
    it has none.

    >>> plural("detection rate"), plural("grade 3 toxicity"), plural("PSA50"), plural("adverse events")
    ('detection rates', 'grade 3 toxicities', None, None)
    >>> plural("NPV"), plural("OS"), plural("DoR"), plural("dry eye")
    ('NPVs', None, None, 'dry eyes')
    """
    head, _, last = label.rpartition(" ")
    if not head and 2 <= len(last) <= 5 and last.isalpha() and last.isupper():
        return None if last.endswith("S") else f"{label}s"  # "the corresponding NPVs were"
    if len(last) < 3 or not last.isalpha() or not last.islower() or last.endswith("s"):
        return None
    word = last[:-1] + "ies" if last.endswith("y") and last[-2] not in "aeiou" else last + "s"
    return f"{head} {word}" if head else word


def _plural_entries(entity: Entity) -> Iterator[LexiconEntry]:
    if entity.kind not in ("Endpoint", "AdverseEvent"):
        return
    for label in (entity.label, *entity.alt_labels):
        form = plural(label)
        if form:
            yield LexiconEntry(form, entity.curie, entity.kind, "derived")


def median_abbreviation(label: str) -> str | None:
    """The median-prefixed spelling of a time-to-event abbreviation, as telegraphic abstracts write it.

    >>> median_abbreviation("OS"), median_abbreviation("rPFS"), median_abbreviation("PSA-PFS")
    ('mOS', 'mrPFS', 'mPSA-PFS')
    >>> median_abbreviation("overall survival"), median_abbreviation("Os")
    (None, None)
    """
    if " " in label or len(label) > 8 or sum(c.isupper() for c in label) < 2:
        return None
    return "m" + label


def _median_entries(entity: Entity) -> Iterator[LexiconEntry]:
    """The abbreviations of survival and duration endpoints with the m of median: "mOS", "mrPFS", "mDoR"."""
    if entity.kind != "Endpoint" or not ("survival" in entity.label or entity.label.startswith("duration")):
        return
    for label in entity.alt_labels:
        form = median_abbreviation(label)
        if form:
            yield LexiconEntry(form, entity.curie, entity.kind, "derived")


def build_lexicon(ontology: Ontology) -> Lexicon:
    """Every label of every entity; raises OntologyError on a label that names two entities.

    A label may name several entities only when each of them declares it as a
    ``psma:sharedLabel``. A derived spelling that fits several entities, or that an
    explicit label of another entity already uses, is left out and listed in
    ``Lexicon.ambiguous``.
    """
    explicit: dict[str, list[LexiconEntry]] = defaultdict(list)
    for entity in ontology.entities():
        for entry in _explicit_entries(entity):
            explicit[entry.key].append(entry)
    problems = []
    for key, entries in explicit.items():
        curies = {entry.curie for entry in entries}
        sharing = {entry.curie for entry in entries if entry.source == "sharedLabel"}
        if len(curies) > 1 and sharing != curies:
            named = ", ".join(f"{e.curie} ({e.source} {e.surface!r})" for e in entries)
            problems.append(f"label {key!r} names {len(curies)} entities: {named}")
    if problems:
        raise OntologyError("label collisions in the ontology:\n  " + "\n  ".join(sorted(problems)))

    derived: dict[str, list[LexiconEntry]] = defaultdict(list)
    derivations = [(agent, _derived_entries(ontology, agent)) for agent in ontology.agents.values()]
    derivations += [(agent, _hyphenated_entries(agent)) for agent in ontology.agents.values()]
    derivations += [(endpoint, _plural_entries(endpoint)) for endpoint in ontology.endpoints.values()]
    derivations += [(endpoint, _median_entries(endpoint)) for endpoint in ontology.endpoints.values()]
    for entity, entries_of in derivations:
        for entry in entries_of:
            if entry.key not in explicit:
                derived[entry.key].append(entry)
            elif {e.curie for e in explicit[entry.key]} != {entity.curie}:
                derived.setdefault(entry.key, [])  # the explicit label of another entity wins
    ambiguous: dict[str, tuple[str, ...]] = {}
    entries = [entry for group in explicit.values() for entry in group]
    for key, group in derived.items():
        curies = tuple(sorted({entry.curie for entry in group}))
        if len(curies) == 1:
            # Every spelling of the key: a short capitalised one ("mDoR", "mDOR") is matched in its own case.
            entries.extend({entry.surface: entry for entry in group}.values())
        elif len(curies) > 1:
            ambiguous[key] = curies
    return Lexicon(entries, ambiguous)


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the shipped ontology, built once per process."""
    return build_lexicon(load_ontology())
