"""The spaCy pipeline of psma-kg: tokenizer, sentences, mentions and facts, built from the ontology.

Components are registered as spaCy factories (``psma_sentences``, ``psma_mentions``,
``psma_facts``) and write their results on ``Doc._``; :func:`extract` runs the pipeline over
Documents and returns one :class:`kg.model.Extraction` each.
"""

from __future__ import annotations

import gc
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from ingest.document import Document
from ingest.extraction.context import (
    ARM_ONLY_REGIMENS,
    BACKGROUND_AGENTS,
    COMPARATOR_REGIMENS,
    IMAGING_REGIMENS,
    MODALITIES_WITHOUT_AGENT,
    RESPONSE_ENDPOINTS,
    DocumentContext,
    Sentence,
    allocated_variants,
    allocations,
    arm_labels,
    arm_names,
    compared_ages,
    compared_strata,
    dose_arms,
    find_arms,
    in_background,
    investigational_first,
    is_imaging,
    is_psma_targeted,
    is_trial_in_progress,
    later_therapy_mentions,
    modelled_outcome,
    names_a_standard_version,
    prior_therapy_mentions,
    selection_mentions,
    with_partners,
)
from ingest.extraction.measurements import (
    CORRESPONDING_FOR,
    LIST_ITEM,
    PREDICTS,
    TIME_TO_EVENT,
    SentenceMeasurements,
)
from ingest.extraction.mentions import ENDPOINT_KINDS, POOLED_STUDY, Mention, MentionFinder
from ingest.extraction.prefilter import prefiltered
from ingest.extraction.subgroups import compares_courses, is_dose_level
from ingest.extraction.tables import is_table_line, table_rows
from ingest.extraction.textutil import with_decimal_points, with_signs
from ingest.extraction.trials import TrialFacts, trial_facts
from kg import __version__
from kg.lexicon import default_lexicon
from kg.model import Evidence, ExtractedAgent, ExtractedTrial, Extraction, Measurement
from kg.ontology import load_ontology

EXTRACTOR = "psma-kg-rules"


def _rules_digest() -> str:
    """A digest of the code that decides what is stored for a text: the extraction rules and the RDF mapping (the
    ontology is hashed apart, see ``kg.rdf.content_hash``)."""
    root = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    for path in [
        *sorted((root / "ingest" / "extraction").glob("*.py")),
        root / "kg" / "lexicon.py",
        root / "kg" / "rdf.py",
    ]:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


#: The package version and the digest of the rules: a stored document read by other rules is read again on the
#: next ingest, even where the package version stayed the same.
EXTRACTOR_VERSION = f"{__version__}+{_rules_digest()}"

for _name in ("psma_sentences", "psma_mentions", "psma_measurements", "psma_document", "psma_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = (
    "vs.", "i.v.", "e.g.", "i.e.", "et al.", "approx.", "ca.", "Fig.", "fig.", "no.", "No.", "Dr.", "resp.",
    "p.o.", "s.c.", "cf.", "incl.", "min.", "max.", "vol.", "Ref.",
)  # fmt: skip


def _ends_with_initial(head: str) -> bool:
    """Whether ``head`` ends with a lone capital and a period, as an initial does ("J.", "J.R."); the last
    letter of a name ("PSMA-I&T.") is no initial.

    >>> _ends_with_initial("by J."), _ends_with_initial("in the USA."), _ends_with_initial("J.")
    (True, False, True)
    >>> _ends_with_initial("by J.R."), _ends_with_initial("with 177Lu-PSMA-I&T.")
    (True, False)

    A capital after the name of a part of a study is its label, not an initial:

    >>> _ends_with_initial("4.1 months in arm C."), _ends_with_initial("in cohorts A and B.")
    (False, False)
    >>> _ends_with_initial("34% of patients in arms A, B and C.")
    False

    So is a lone capital after "in" or "for", where a study names its parts by letters: "3.7 months in B."

    >>> _ends_with_initial("3.3 months in A and 3.7 months in B."), _ends_with_initial("88% for B.")
    (False, False)
    """
    return (
        len(head) >= 2
        and head[-1] == "."
        and "A" <= head[-2] <= "Z"
        and (len(head) == 2 or head[-3].isspace() or head[-3] in ".([\"'")
        and not _LABELLED_PART.search(head, max(0, len(head) - 40))
    )


#: A part of a study named by a capital letter at the end of a sentence: "in arm C.", "in cohorts A and B.", "in B.".
_LABELLED_PART = re.compile(
    r"\b(?:arms?|groups?|cohorts?|parts?|stages?|levels?)\s+(?:[A-Z](?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*[A-Z]\.$"
    r"|\b(?-i:in|for)\s+[A-Z]\.$",
    re.I,
)


def psma_tokenizer(nlp: Language) -> Tokenizer:
    """Whitespace and punctuation tokenizer that keeps '177Lu-PSMA-617', 'PSMA-I&T', '0.52-0.74' whole."""
    # "[" opens a bracket unless it starts a radionuclide ("[177Lu]Lu-PSMA-617" stays one token).
    prefixes = re.compile(r"""^[\(\{"'“‘<>≤≥=]|^\[(?!\d{1,3}m?[A-Z][a-z]?\])""")
    suffixes = re.compile(r"""(?:[\)\]\}"'”’,;:!?%]|(?<![0-9])\.(?![0-9])|\.)$""")
    infixes = re.compile(r"(?<=[A-Za-z])[<>=≤≥](?=[0-9.])|(?<=[0-9])[:;](?=[0-9])")
    special = {abbr: [{"ORTH": abbr}] for abbr in ABBREVIATIONS}
    return Tokenizer(
        nlp.vocab,
        rules=special,
        prefix_search=prefixes.search,
        suffix_search=suffixes.search,
        infix_finditer=infixes.finditer,
    )


def _text(doc: Doc, underscore: Underscore) -> str:
    """The Doc's text, computed once: spaCy rebuilds ``doc.text`` from the tokens on every access.

    ``underscore`` is the caller's ``doc._``: every ``doc._`` builds a new accessor object (~1 µs, and a
    document passes through ~20 accesses), so each component reads it once.
    """
    text = underscore.psma_text
    if text is None:
        text = underscore.psma_text = doc.text
    return text


@Language.factory("psma_sentences")
def make_sentences(nlp: Language, name: str) -> PsmaSentences:
    return PsmaSentences()


class PsmaSentences:
    """Sentence boundaries for biomedical abstracts: section lines, then '. ' before a capital, a digit, a
    bullet or an abbreviation that starts in lower case ("rPFS", "mCRPC", "ctDNA"), never after 'vs.', 'e.g.',
    'i.v.' or inside brackets."""

    # The gap between two sentences: an optional closing quote or bracket, then spaces. The end mark is
    # matched rather than looked behind at: a pattern that starts with a character set lets ``re`` skip
    # ahead to the next '.', '!' or '?' instead of trying a match at every position.
    _END = re.compile(r"[.!?](?P<gap>[\"')\]]?\s+)(?=[\"'(\[]?(?:[A-Z0-9¹²³⁴⁵⁶⁷⁸⁹\[•▪◦‣⁃]|[a-z]{1,2}[A-Z]))")

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        text = _text(doc, underscore)
        spans = []
        line_start = 0
        for line in _joined_lines(text):
            line_end = line_start + len(line)
            start = line_start
            for match in self._END.finditer(line):
                cut = line_start + match.start("gap")
                head = text[start:cut]
                if (
                    head.endswith(ABBREVIATIONS)
                    or head.count("(") > head.count(")")
                    or head.count("[") > head.count("]")
                ):
                    continue
                if _ends_with_initial(head):
                    continue  # an initial ("J. Smith")
                spans.append((start, cut))
                start = line_start + match.end()
            if line_end > start:
                spans.append((start, line_end))
            line_start = line_end + 1
        underscore.psma_sentences = [Sentence(s, e, piece) for s, e in spans if (piece := text[s:e]).strip()]
        if len(doc):
            # One array write instead of a Python loop over tokens: spaCy's doc.sents then agree.
            offsets = doc.to_array(IDX)
            starts = numpy.full(len(doc), -1, dtype="int64")
            # The token where each sentence starts, all found in one call: the last one starting at or before
            # it (the first token starts at 0, whitespace or not, so there is always one).
            starts[numpy.searchsorted(offsets, [start for start, _end in spans], side="right") - 1] = 1
            starts[0] = 1
            doc.from_array([SENT_START], starts.view("uint64"))  # spaCy reads -1 ("no") back from its bits
        return doc


#: A line broken inside a sentence, as pasted web text has them ("Median rPFS 9.9 vs\n7.3 months"): it ends without a
#: sentence's end mark and the next line goes on in lower case or with a number (tested at each line break only).
_ENDS_UNFINISHED = re.compile(r"[^\s.!?:;][ \t]*$")
_GOES_ON = re.compile(r"[ \t]*[a-z0-9(]")


def _joined_lines(text: str) -> list[str]:
    """The lines of ``text`` (split at its line breaks), a line of the abstract broken inside a sentence joined to
    the next (its break kept, so that offsets stay those of ``text``).

    >>> _joined_lines("Results\\nMedian rPFS 9.9 vs\\n7.3 months.\\nSafety")
    ['Results', 'Median rPFS 9.9 vs\\n7.3 months.', 'Safety']
    """
    lines = text.split("\n")
    if len(lines) < 3:
        return lines  # the title is a line of its own, whatever the abstract's first line starts with
    joined = [lines[0], lines[1]]
    for line in lines[2:]:
        previous = joined[-1]
        if (
            previous
            and _GOES_ON.match(line)
            and _ENDS_UNFINISHED.search(previous, max(0, len(previous) - 8))
            and not is_table_line(line)
            and not is_table_line(previous)
        ):
            joined[-1] = previous + "\n" + line
        else:
            joined.append(line)
    return joined


@Language.factory("psma_mentions")
def make_mentions(nlp: Language, name: str) -> PsmaMentions:
    return PsmaMentions(MentionFinder(load_ontology(), default_lexicon()))


class PsmaMentions:
    """Entity mentions from the ontology's lexicon, new radioligands, registry ids and abbreviations."""

    def __init__(self, finder: MentionFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        text = _text(doc, underscore)
        underscore.psma_mentions = self.finder.without_unnamed_products(text, self.finder.find(text))
        return doc


@Language.factory("psma_measurements")
def make_measurements(nlp: Language, name: str) -> PsmaMeasurements:
    return PsmaMeasurements(SentenceMeasurements(load_ontology()))


class PsmaMeasurements:
    """Per-sentence measurements with document context (arms, trial-in-progress)."""

    def __init__(self, builder: SentenceMeasurements):
        self.builder = builder
        quality_of_life = builder.ontology.endpoints["endpoint:HRQoL"]
        self._quality_of_life = (quality_of_life.curie, quality_of_life.kind, quality_of_life.label)

    def _symptom_scales(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions of a sentence about patients' own reports, each event named in it as a scale of quality of
        life ("fatigue" of the QLQ-C30 is no adverse event a clinician graded)."""
        curie, kind, label = self._quality_of_life
        return [
            replace(m, curie=curie, kind=kind, label=label, shared=()) if m.kind == "AdverseEvent" else m
            for m in mentions
        ]

    def __call__(self, doc: Doc) -> Doc:
        underscore = doc._
        sentences: list[Sentence] = underscore.psma_sentences
        mentions: list[Mention] = underscore.psma_mentions
        document: Document | None = underscore.psma_document
        text = _text(doc, underscore)
        prior = prior_therapy_mentions(text, sentences, mentions)
        agents = [m for m in mentions if m.is_agent]
        title_end = len(document.title) if document and document.title else (sentences[0].end if sentences else 0)
        later = later_therapy_mentions(text, agents)
        main = with_partners(text, _main_agents(agents, prior | later, title_end), mentions, prior)
        # In a therapy study, imaging agents select patients; in an imaging study they are what is studied.
        therapy = bool(main) and not is_imaging(main[0])
        selection = selection_mentions(text, mentions, therapy)
        arms = investigational_first(
            find_arms(text, sentences, mentions, prior | selection, _choices(), main), main, _psma_targeted()
        )
        one_agents_arms = len(arms) >= 2 and len({arm.curies for arm in arms}) == 1
        if one_agents_arms:
            arms = arms[:1]  # "to X 6.0 GBq, X 7.4 GBq or X 9.0 GBq": one agent's arms, told apart by what it is given
        if any(m.curie in ARM_ONLY_REGIMENS for m in agents):
            # "observation" outside the study's arms is a word ("from observation to radiotherapy"), no regimen
            in_arms = {c for arm in arms for c in arm.curies}
            mentions = [m for m in mentions if m.curie not in ARM_ONLY_REGIMENS or m.curie in in_arms]
            agents = [m for m in mentions if m.is_agent]
            main = [m for m in main if m.curie not in ARM_ONLY_REGIMENS or m.curie in in_arms]
            underscore.psma_mentions = mentions
        sections = tuple(s.label for s in document.sections) if document else ()
        # (a study of two arms or more reads only names in brackets from them, in sentences that say how patients
        # were allocated)
        allocated = allocations(sentences if len(arms) < 2 else [s for s in sentences if _may_name_arms_in_brackets(s)])
        doses = dose_arms(allocated) if len(arms) < 2 else []
        variants, variant_names = allocated_variants(allocated, agents) if len(arms) < 2 else ([], {})
        compared = (doses or variants or compared_strata(sentences)) if len(arms) < 2 else []
        ages, age_names = compared_ages(text) if len(arms) < 2 and not compared else ([], {})
        context = DocumentContext(
            arms=arms,
            main_agents=main,
            planned=is_trial_in_progress(text, sections),
            prior=prior,
            selection=selection,
            sentences=sentences,
            agents=agents,
            labels=arm_labels(sentences, arms, agents, prior | selection),
            arm_names=arm_names(allocated, arms, agents, prior | selection),
            compared=compared or ages,
            compared_names=_compared_names(compared, variant_names if compared == variants else {}) or age_names,
            standard_version_allocated=names_a_standard_version(
                allocated
                if doses or variants or one_agents_arms
                else [s for s in allocated if _names_first(s, main, agents)]
            ),
            courses=compares_courses(text),
            response=next((m for m in mentions if m.curie in RESPONSE_ENDPOINTS), None),
            modelled=modelled_outcome(text, mentions),
        )
        measurements: list[tuple[Measurement, Sentence]] = []
        negated: list[tuple[Mention, str | None, Sentence]] = []
        previous = previous_time_to_event = None
        listing = False  # inside a list whose head ends with a colon and names its endpoint
        columns: list[Mention] = []  # the endpoints the head of that list names for the values of each item
        rows = table_rows(text)
        background = in_background(text)
        for sentence, inside in zip(sentences, _mentions_by_sentence(sentences, mentions), strict=True):
            row = (
                next((r for r in rows if sentence.start <= r.cells[-1].end and r.start < sentence.end), None)
                if rows
                else None
            )
            if row is not None:  # a row of a table pasted as text: its cells are read by their columns
                if sentence.start <= row.start:
                    # (the caption's too: "Detection rate by PSA level:" over columns of agents)
                    caption_start = row.header[0].start - len(row.caption) - 1
                    headings = [m for m in mentions if caption_start <= m.start < row.header[-1].end]
                    measurements.extend(
                        (m, sentence) for m in self.builder.build_row(row, sentence, inside, context, headings)
                    )
                continue
            listed = (
                listing and text[sentence.start - 1 : sentence.start] == "\n" and bool(LIST_ITEM.match(sentence.text))
            )
            if _PATIENT_REPORTED.search(sentence.text) and not _CLINICIAN_GRADED.search(sentence.text):
                inside = self._symptom_scales(inside)
            found, previous, denied = self.builder.build(
                sentence, inside, context, previous, previous_time_to_event, listed, columns
            )
            if background(sentence.start):
                found, denied = [], []  # what others found before this study ("Background: In VISION, ...")
            heading = sentence.text.rstrip().endswith(":")
            listing = (listed or heading) and previous is not None
            if heading:
                columns = _list_columns(sentence, inside)
            previous_time_to_event = next(
                (m for m in reversed(inside) if m.curie in TIME_TO_EVENT), previous_time_to_event
            )
            measurements.extend((m, sentence) for m in found)
            negated.extend((mention, grade, sentence) for mention, grade in denied)
        measurements = _levels_carried(
            _corresponding_arms(_corresponding_parts(_ratios_on_their_medians(measurements, text)))
        )
        underscore.psma_measurements = (context, measurements, negated)
        return doc


#: Words of a sentence about patients' own reports of their quality of life, where the events it names are the scales
#: of a questionnaire: "Time to deterioration favoured LuPSMA for diarrhoea (HR 0.40 ...) and fatigue (HR 0.64 ...)",
#: "Clinically meaningful improvements were reported in pain (37%), fatigue (30%) and insomnia (27%)".
_PATIENT_REPORTED = prefiltered(  # (tried on every sentence: only where one of its words is)
    r"\btime\s+to\s+(?:first\s+)?(?:(?:clinically\s+)?(?:meaningful|relevant)\s+)?(?:deterioration|worsening)\b"
    r"|\bclinically\s+(?:meaningful|relevant|important)\s+(?:improvements?|worsening|deterioration)\b"
    r"|\bQLQ-C30\b|\bFACT-[PG]\b|\bEQ-5D|\bpatient-reported\b|\bsymptom\s+scales?\b",
    re.IGNORECASE,
)
#: ... unless it grades them, as clinicians do: "grade 3 fatigue", "PRO-CTCAE".
_CLINICIAN_GRADED = re.compile(r"\bgrade|\bgr\.|\bCTCAE\b|\bG[1-5]\b|adverse", re.IGNORECASE)


def _list_columns(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The endpoints the head of a list names in a bracket before its colon, one for each value of its items ("Results
    by subgroup (PSA50; median OS):"); empty when it names fewer than two."""
    text = sentence.text.rstrip()
    if not text.endswith("):"):
        return []
    start = sentence.start + text.rfind("(")
    named = [m for m in mentions if m.kind in ENDPOINT_KINDS and m.curie and m.start > start]
    return named if len(named) >= 2 else []


def _right_after_another(
    measured: list[tuple[Measurement, Sentence]],
) -> Iterator[tuple[Sentence, list[int], list[int]]]:
    """Each sentence whose measurements come right after those of the sentence before it (no sentence between), with
    the indices of the earlier sentence's measurements and of its own."""
    by_sentence: dict[int, list[int]] = {}
    for index, (_measurement, sentence) in enumerate(measured):
        by_sentence.setdefault(sentence.start, []).append(index)
    for before, current in pairwise(by_sentence.values()):
        sentence, previous = measured[current[0]][1], measured[before[0]][1]
        if sentence.start - previous.end <= 2:
            yield sentence, before, current


def _corresponding_parts(measured: list[tuple[Measurement, Sentence]]) -> list[tuple[Measurement, Sentence]]:
    """ "Detection with X was 48% below 0.5 ng/mL and 64% at 0.5 ng/mL or above. The corresponding values for Y were
    20% and 36%.": the values of a sentence of corresponding values, as many as the sentence before gave for the same
    endpoint, each for a part of the population, are for those parts in turn."""
    result = list(measured)
    for sentence, before, current in _right_after_another(measured):
        if not CORRESPONDING_FOR.search(sentence.text):
            continue
        earlier = [measured[i][0] for i in before]
        now = [measured[i][0] for i in current]
        if (
            len(earlier) == len(now)
            and all(m.subgroup for m in earlier)
            and not any(m.subgroup for m in now)
            and {m.endpoint for m in earlier} == {m.endpoint for m in now}
        ):
            for index, part in zip(current, (m.subgroup for m in earlier), strict=True):
                measurement, sentence = measured[index]
                result[index] = (measurement.model_copy(update={"subgroup": part}), sentence)
    return result


#: A sentence that gives the values of the last result again, for another part, naming no arm: "At PSA levels below
#: 0.5 ng/mL the corresponding rates were 52%, 58% and 44%".
_CORRESPONDING_WITHOUT_ARM = re.compile(
    r"\bthe\s+corresponding\s+(?:values?|rates?|figures?|proportions?|percentages?|medians?|means?)\s+(?:were|are)\b",
    re.IGNORECASE,
)


def _corresponding_arms(measured: list[tuple[Measurement, Sentence]]) -> list[tuple[Measurement, Sentence]]:
    """ "Pooled detection was 81% with X, 80% with Y and 72% with Z. At PSA levels below 0.5 ng/mL the corresponding
    rates were 52%, 58% and 44%.": the values of a sentence of corresponding values that names no arm, as many as the
    sentence before gave for the same endpoint to as many arms, are those arms' in turn."""
    result = list(measured)
    for sentence, before, current in _right_after_another(measured):
        if not _CORRESPONDING_WITHOUT_ARM.search(sentence.text) or CORRESPONDING_FOR.search(sentence.text):
            continue
        earlier = [measured[i][0] for i in before]
        now = [measured[i][0] for i in current]
        arms = [m.arm for m in earlier]
        if (
            len(earlier) == len(now) >= 2
            and len(set(arms)) == len(arms)
            and len({m.arm for m in now}) == 1
            and {m.endpoint for m in earlier} == {m.endpoint for m in now}
        ):
            for index, arm in zip(current, arms, strict=True):
                measurement, sentence = measured[index]
                result[index] = (measurement.model_copy(update={"arm": arm}), sentence)
    return result


def _levels_carried(measured: list[tuple[Measurement, Sentence]]) -> list[tuple[Measurement, Sentence]]:
    """ "a sensitivity of 54.9% (95% CI 42.7-66.8), a specificity of 96.9% (93.3-98.8)": an interval written without
    its level has the level the text stated last, the abstract giving all its intervals at one level."""
    level = None
    result = []
    for measurement, sentence in measured:
        if measurement.ci_level is not None:
            level = measurement.ci_level
        elif level is not None and (measurement.ci_low is not None or measurement.ci_high is not None):
            measurement = measurement.model_copy(update={"ci_level": level})
        result.append((measurement, sentence))
    return result


def _may_name_arms_in_brackets(sentence: Sentence) -> bool:
    """Whether a sentence may name arms in brackets as it allocates patients: a bracket and a word of allocation."""
    if "(" not in sentence.text:
        return False
    lowered = sentence.text.lower()
    return "randomi" in lowered or "allocated" in lowered or "assigned" in lowered


def _rows_of_a_table(stretch: str) -> bool:
    """Whether every line of ``stretch`` is a row of a table: the median's table, whose other rows stand between it
    and a ratio written after the table."""
    return all(is_table_line(line) for line in stretch.splitlines())


def _ratios_on_their_medians(
    measured: list[tuple[Measurement, Sentence]], text: str
) -> list[tuple[Measurement, Sentence]]:
    """ "Median rPFS was 9.1 months in arm 1 and 11.4 months in arm 2. Against arm 3, the hazard ratio was 0.64
    (...) for arm 1 and 0.51 (...) for arm 2.": a hazard ratio left alone (in the sentence right after the medians of
    its endpoint, or in theirs when another ratio took the median it was read with) goes on its arm's median; the
    evidence then spans both sentences."""
    if not any(m.statistic == "hr" and m.value is None for m, _s in measured):
        return measured
    result: list[tuple[Measurement, Sentence] | None] = list(measured)
    for index, (ratio, sentence) in enumerate(measured):
        if ratio.statistic != "hr" or ratio.hr is None or ratio.value is not None or ratio.arm is None:
            continue
        if PREDICTS.search(sentence.text):
            continue  # a predictor's ratio ("an ARPI next was associated with shorter survival (HR 1.68)")
        target = next(
            (
                at
                for at in range(index - 1, -1, -1)
                if (entry := result[at]) is not None
                and (entry[1] is sentence or entry[1].end <= sentence.start)
                and entry[0].endpoint == ratio.endpoint
                and entry[0].arm == ratio.arm
                and entry[0].subgroup == ratio.subgroup
                and entry[0].statistic == "median"
                and entry[0].status == ratio.status
            ),
            None,
        )
        if target is None:
            continue
        median, before = result[target]
        compared = {
            m.arm for entry in result if entry is not None and (m := entry[0]).statistic == "median"
            and entry[1] is before and m.endpoint == ratio.endpoint and m.subgroup == ratio.subgroup
        }  # fmt: skip
        between = text[before.end : sentence.start].strip()
        if median.hr is not None or len(compared) < 2 or (between and not _rows_of_a_table(between)):
            continue  # it has its ratio, the sentence compares no arms, or it is not right before (or its table's)
        joined = sentence
        if before is not sentence:
            joined = Sentence(before.start, sentence.end, text[before.start : sentence.end], before.section)
        update = {"hr": ratio.hr, "ci_low": ratio.ci_low, "ci_high": ratio.ci_high, "ci_level": ratio.ci_level}
        result[target] = (median.model_copy(update={**update, "p_value": ratio.p_value or median.p_value}), joined)
        result[index] = None
    return [entry for entry in result if entry is not None]


def _mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions that lie inside each sentence, in their order, found in one pass over the mentions.

    Sentences are in text order and never touch, so the only sentence that can hold a mention is the
    last one starting at or before it.
    """
    starts = [sentence.start for sentence in sentences]
    inside: list[list[Mention]] = [[] for _sentence in sentences]
    for mention in mentions:
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.end <= sentences[index].end:
            inside[index].append(mention)
    return inside


def _names_first(sentence: Sentence, main: list[Mention], agents: list[Mention]) -> bool:
    """Whether ``sentence`` names the study's first main agent: a sentence of allocation whose versions are not told
    apart by a list of activities, cycles or intervals allocates to versions of that agent only if it names it."""
    key = (main[0].curie or main[0].label) if main else None
    return key is not None and any(
        sentence.start <= m.start < sentence.end and (m.curie or m.label) == key for m in agents
    )


def _main_agents(agents: list[Mention], prior: set[int], title_end: int) -> list[Mention]:
    """The agent the abstract is about: the title's first therapy (a drug before radiotherapy), else its first
    imaging agent (a PSMA-targeted one before others), else a backbone therapy (ADT); else the same in the whole
    text. Prior therapies and the regimens a study only compares with (standard of care, conventional imaging) come
    last. The title is the whole title, whatever sentences it holds ("Who is upstaged? Predictors of metastases on
    68Ga-PSMA-11 PET/CT")."""
    candidates = [m for m in agents if m.start not in prior and m.curie not in COMPARATOR_REGIMENS]
    candidates = candidates or [m for m in agents if m.start not in prior]
    targeted = _psma_targeted()
    in_title = [m for m in candidates if m.start < title_end]
    for group in (in_title, candidates):
        # (a drug before radiotherapy without one: "SBRT with or without 177Lu-PSMA-I&T" studies the radioligand)
        therapy = sorted(
            (m for m in group if not is_imaging(m) and m.curie not in BACKGROUND_AGENTS),
            key=lambda m: m.curie in MODALITIES_WITHOUT_AGENT,
        )
        imaging = sorted((m for m in group if is_imaging(m)), key=lambda m: not is_psma_targeted(m, targeted))
        backbone = [m for m in group if m.curie in BACKGROUND_AGENTS]
        if therapy or imaging or backbone:
            return (therapy or imaging or backbone)[:1]
    return []


@cache
def _psma_targeted() -> frozenset[str]:
    """Curies of the agents that bind PSMA (psma:targets, or a ligand that does)."""
    ontology = load_ontology()
    return frozenset(
        agent.curie
        for agent in ontology.agents.values()
        if agent.target == "target:PSMA" or (agent.ligand and ontology.ligands[agent.ligand].target == "target:PSMA")
    )


@cache
def _choices() -> dict[frozenset, Mention]:
    """Regimens that are a choice among agents (psma:choiceOf), keyed by those agents."""
    ontology = load_ontology()
    return {
        frozenset(agent.choice_of): Mention(0, 0, "", agent.curie, agent.kind, label=agent.label)
        for agent in ontology.agents.values()
        if agent.choice_of
    }


@cache
def build_pipeline() -> Language:
    """The psma-kg spaCy pipeline (blank English with psma-kg's tokenizer and components)."""
    with _collector_paused():
        nlp = spacy.blank("en")
        nlp.tokenizer = psma_tokenizer(nlp)
        nlp.add_pipe("psma_sentences")
        nlp.add_pipe("psma_mentions")
        nlp.add_pipe("psma_measurements")
    return nlp


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a block that builds long-lived objects (on again after).

    Building the pipeline (ontology graph, lexicon, compiled patterns) creates a few hundred thousand
    objects that live as long as the process: the collector would walk them again at each of its full
    collections as they pile up, ~0.3 s of a ~1.5 s build, and find nothing to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compared_names(compared: list[str], names: dict[str, int]) -> dict[str, int]:
    """The names of the compared parts: those the text gave them, and the activities themselves ("in the 6.0 GBq arm",
    "14.5 months (6.0 GBq)")."""
    activities = {part.lower(): index for index, part in enumerate(compared) if is_dose_level(part)}
    return {**activities, **names}


def extract_document(document: Document) -> Extraction:
    """Run the pipeline over one document."""
    nlp = build_pipeline()
    # Tokens see the title's line break as a space (same length, so offsets hold): a "\n" inside the
    # text makes spaCy's tokenizer miss its cache, which costs ~4x in tokenizing time. The components
    # read the true text (doc._.psma_text), where the line break still ends the title.
    # Decimal commas are read as points ("HR 0,68" is 0.68) and written-out signs as signs ("> or =" is "≥"), the
    # text's length unchanged.
    text = with_signs(with_decimal_points(document.full_text))
    doc = nlp.make_doc(text.replace("\n", " "))
    underscore = doc._
    underscore.psma_document = document
    underscore.psma_text = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return assemble(document, doc)


def extract(documents: Iterable[Document]) -> Iterator[Extraction]:
    """Extractions of many documents, in order."""
    for document in documents:
        yield extract_document(document)


def assemble(document: Document, doc: Doc) -> Extraction:
    """The Extraction of a processed Doc: agents with roles, trials with facts, measurements, diseases."""
    underscore = doc._
    mentions: list[Mention] = underscore.psma_mentions
    context, measured, negated = underscore.psma_measurements
    sentences: list[Sentence] = underscore.psma_sentences

    original = document.full_text
    text = _text(doc, underscore)
    rewritten = text != original  # decimal commas read as points: quote the text as written

    def evidence(start: int, end: int, sentence: Sentence, confidence: float) -> Evidence:
        # Built without validation: every field comes from this function, in its type (1.3% of the instructions of
        # an abstract went to validating them).
        begin, finish = document.original_span(start, end) if document.offset_map else (start, end)
        quoted = original[sentence.start : sentence.end] if rewritten else sentence.text
        return Evidence.model_construct(
            document=document.id, start=begin, end=finish, sentence=quoted, extractor=EXTRACTOR,
            version=EXTRACTOR_VERSION, confidence=confidence,
        )  # fmt: skip

    def sentence_of(mention: Mention) -> Sentence:
        return next((s for s in sentences if s.start <= mention.start < s.end), sentences[0])

    comparators = context.comparator_curies()
    referents = _referents(text, mentions, context) if len(context.arms) < 2 else []
    comparators |= {m.curie or m.label or m.text for m in referents}
    comparators |= _choices_named_with(text, mentions, comparators)
    # (a study of one agent whose values set it against imaging without an agent: "Conventional imaging (CT and bone
    # scan) had a sensitivity of 17.0%": that imaging is its comparator)
    valued_arms = {m.arm for m, _s in measured if m.arm} if len(context.arms) < 2 and not referents else set()
    imaging_compared = [m for m in mentions if m.curie in IMAGING_REGIMENS and (m.label or m.text) in valued_arms]
    comparators |= {m.curie for m in imaging_compared}
    investigational = {c for arm in context.arms[:1] for c in arm.curies} | {
        m.curie or m.label for m in context.main_agents
    }
    agents: dict[str, ExtractedAgent] = {}
    for mention in mentions:
        if not mention.is_agent or _NOT_RECEIVED.match(text, mention.end) or mention.curie in MODALITIES_WITHOUT_AGENT:
            continue  # ("taxane-naive men": a taxane they never had; "mpMRI": imaging without an agent)
        key = mention.curie or mention.label or mention.text
        role = _role(mention, key, context, comparators, investigational)
        if key in agents and _ROLE_RANK[agents[key].role] <= _ROLE_RANK[role]:
            continue
        nuclide = None
        if mention.curie:
            entity = load_ontology().agents.get(mention.curie)
            nuclide = (
                load_ontology().radionuclides[entity.radionuclide].code if entity and entity.radionuclide else None
            )
        else:
            nuclide = _nuclide_code(mention.label or "")
        agents[key] = ExtractedAgent(
            label=mention.label or mention.text, agent_class=mention.kind, curie=mention.curie, radionuclide=nuclide,
            role=role, curated=mention.curated,
            evidence=evidence(mention.start, mention.end, sentence_of(mention), 0.9),
        )  # fmt: skip
    trials: dict[str, ExtractedTrial] = {}
    main_trial = next((m.curie or m.label or m.text for m in mentions if m.kind == "ClinicalTrial"), None)
    # The facts go only to a named trial: an abstract that names none (over half of them) is not read for them.
    facts = trial_facts(text, sentences) if main_trial is not None else TrialFacts()
    for mention in mentions:
        if mention.kind != "ClinicalTrial":
            continue
        key = mention.curie or mention.label or mention.text
        # The abstract's phase, design and size describe its own (first named) trial, not trials it cites.
        own = facts if key == main_trial else TrialFacts()
        registrations = list(trials[key].registrations) if key in trials else []
        if mention.via.startswith("registry:"):
            registrations.append(f"{mention.via.partition(':')[2]}:{mention.text}")
        elif mention.curie:
            registrations.extend(load_ontology().trials[mention.curie].registrations)
        trials[key] = ExtractedTrial(
            label=mention.label or mention.text,
            curie=mention.curie,
            registrations=tuple(dict.fromkeys(registrations)),
            phase=own.phase,
            n_patients=own.n_patients,
            design=own.design,
            randomization_ratio=own.ratio,
            evidence=evidence(mention.start, mention.end, sentence_of(mention), 0.9),
        )
    # An MTD not reached is said once, though the results and the conclusion may both say it.
    measured = _without_repeated_mtd(measured)
    # One evidence per sentence: a negated finding in a sentence that also gives values shares their confidence.
    valued = {s.start for _m, s in measured}
    measurements = [
        m.model_copy(update={"evidence": evidence(s.start, s.end, s, 0.8)}) for m, s in measured
    ] + [
        Measurement(
            endpoint=load_ontology().endpoints[mention.curie].code, statistic="rate", status="reported",
            negated=True, grade=grade, note="not observed",
            evidence=evidence(s.start, s.end, s, 0.8 if s.start in valued else 0.6),
        )
        for mention, grade, s in negated
    ]  # fmt: skip
    diseases = _study_diseases(mentions)
    # In a study of three arms or more, the study drug given another way or with another drug is no comparator: an arm
    # with the first arm's PSMA-targeted agent (else its first agent); "enzalutamide, X, or both": X alone is none.
    first = context.arms[0] if context.arms else None
    studied = (set(first.curies) & _psma_targeted() or set(first.curies[:1])) if first else set()
    several = len(context.arms) >= 3
    comparator_labels = tuple(
        arm.label for arm in context.arms[1:] if arm.label and not (several and studied & set(arm.curies))
    ) + tuple(dict.fromkeys(m.label or m.text for m in [*referents, *imaging_compared]))
    if context.standard_version_allocated and len(context.arms) < 2 and context.main_agents:
        comparator_labels += (context.main_agents[0].label or context.main_agents[0].text,)
    return Extraction(
        document=document.id,
        title=document.title,
        agents=tuple(agents.values()),
        trials=tuple(trials.values()),
        measurements=tuple(measurements),
        diseases=diseases,
        comparators=comparator_labels,
    )


#: Right before what a ratio sets its agent against: "HRs versus an ARPI change", "compared with standard of care".
_SET_AGAINST = re.compile(
    r"\b(?:versus|vs\.?|compared\s+(?:[\w/-]+\s+){0,3}?(?:with|to)|relative\s+to|than\s+(?:with|after|on))\s+(?:an?\s+|the\s+)?$",
    re.I,
)
#: A ratio named in a sentence, or the randomised comparison of the trials pooled: what a study without arms sets its
#: agents against there is a comparator.
_RATIO_NAMED = re.compile(
    r"\b(?:(?-i:HRs?|ORs?|RRs?)|hazard\s+ratios?|odds\s+ratios?|risk\s+ratios?|randomi[sz]ed\s+(?!trials?\b))\b", re.I
)
#: Between two agents set against together: "standard of care or cabazitaxel".
_OR_NEXT = re.compile(r"\s*(?:,\s*)?(?:or|and|/)\s+(?:an?\s+|the\s+)?$", re.I)
#: A comma inside a list of such agents, which goes on after the next: "standard of care, cabazitaxel or ...".
_COMMA_NEXT = re.compile(r"\s*,\s+(?:an?\s+|the\s+)?$")
_LIST_GOES_ON = re.compile(r"\s*(?:,|or\b|and\b)", re.I)


def _referents(text: str, mentions: list[Mention], context: DocumentContext) -> list[Mention]:
    """In a study without arms of its own (a pooled or network analysis), the agents its ratios are set against:
    "HRs versus an ARPI change were ...", "... compared with standard of care or cabazitaxel (pooled HR 0.52)"."""
    if not POOLED_STUDY.search(text):
        return []  # (a study of its own sets its agent against others' results only as background)
    found: list[Mention] = []
    agents = [m for m in mentions if m.is_agent and m.start not in context.prior]
    for mention in agents:
        before = text[max(0, mention.start - 30) : mention.start]
        if _SET_AGAINST.search(before) or (
            found
            and found[-1].end <= mention.start
            and (
                _OR_NEXT.fullmatch(text, found[-1].end, mention.start)
                or (
                    _COMMA_NEXT.fullmatch(text, found[-1].end, mention.start) and _LIST_GOES_ON.match(text, mention.end)
                )
            )
        ):
            stop = text.find(". ", mention.end)
            start = text.rfind(". ", 0, mention.start)
            if _RATIO_NAMED.search(text, max(0, start), stop if stop >= 0 else len(text)):
                found.append(mention)
    return found


def _without_repeated_mtd(measured: list[tuple[Measurement, Sentence]]) -> list[tuple[Measurement, Sentence]]:
    """The measurements less the second and later "MTD not reached" of the same arm."""
    seen: set[str | None] = set()
    kept = []
    for measurement, sentence in measured:
        if measurement.endpoint == "MTD" and measurement.note == "not reached" and measurement.value is None:
            if measurement.arm in seen:
                continue
            seen.add(measurement.arm)
        kept.append((measurement, sentence))
    return kept


#: Generic disease names, kept only when the abstract names no specific disease state.
_GENERIC_DISEASES = frozenset({"disease:prostate-cancer", "disease:mPC", "disease:CRPC"})


def _study_diseases(mentions: list[Mention]) -> tuple[str, ...]:
    """The disease states of the study population, most specific first named."""
    found = {m.curie: m.label for m in mentions if m.kind == "Disease" and m.curie}
    specific = {c: label for c, label in found.items() if c not in _GENERIC_DISEASES}
    if "disease:CRPC" in found and "disease:mCRPC" not in found and not specific:
        return (found["disease:CRPC"],)
    return tuple(dict.fromkeys((specific or found).values()))


_ROLE_RANK = {
    "investigational": 0,
    "comparator": 1,
    "imaging-selection": 2,
    "prior-therapy": 3,
    "mentioned": 4,
}


#: The bracket right after a regimen that is a choice, up to the agents it names: "ARPI change (abiraterone or ".
_CHOICE_BRACKET = re.compile(r"\s*\((?:[^()]{0,40}?\b(?:or|and)\s+|[^()]{0,40}?,\s*)?$")


#: Right after an agent the patients never had: "taxane-naive", "ARPI naïve".
_NOT_RECEIVED = re.compile(r"[\s-]?na[iï]ve\b", re.I)


def _choices_named_with(text: str, mentions: list[Mention], regimens: set[str]) -> set[str]:
    """The agents a regimen of ``regimens`` is a choice of (psma:choiceOf), where the text names them in a bracket
    right after it: "ARPI change (abiraterone or enzalutamide)" makes abiraterone and enzalutamide comparators too."""
    found: set[str] = set()
    for regimen in (m for m in mentions if m.curie in regimens):
        agent = load_ontology().agents.get(regimen.curie)
        choice = agent.choice_of if agent else ()
        for mention in mentions:
            if (
                mention.curie in choice
                and regimen.end < mention.start <= regimen.end + 60
                and _CHOICE_BRACKET.fullmatch(text, regimen.end, mention.start)
            ):
                found.add(mention.curie)
    return found


def _role(
    mention: Mention, key: str, context: DocumentContext, comparators: set[str], investigational: set[str]
) -> str:
    if key in investigational and mention.start not in context.prior:
        return "investigational"
    if key in comparators:
        return "comparator"
    if mention.start in context.selection:
        return "imaging-selection"
    if mention.start in context.prior:
        return "prior-therapy"
    return "mentioned"


def _nuclide_code(label: str) -> str | None:
    match = re.match(r"(\d{1,3})(m?)([A-Z][a-z]?)-", label)
    return f"{match.group(3)}-{match.group(1)}{match.group(2)}" if match else None
