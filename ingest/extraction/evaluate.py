"""Score extraction records against a gold file, as shared/eval/FORMAT.md describes.

Entities (agents, trials, diseases, comparators) are compared on what they resolve to in the
ontology, so spellings do not matter; an agent the ontology does not know is compared by its
normalized radioligand label. A predicted measurement matches a gold one when the endpoint
resolves to the same canonical code and the value (or the ratio when there is no value) is
equal within 0.001; each gold measurement matches at most once.

Two conventions of this implementation, stated so that scores can be read:
- ``other:<free text>`` endpoints and negated findings are left out of the measurement score
  (free text cannot be matched reliably); ``other:`` counts are reported on their own.
- The arm of a matched pair is right when both arms name the same agents, leaving out the
  backbone that both arms share (standard of care, ADT) unless an arm names nothing else. An arm
  named by its role ("the control group", "experimental arm", "combination arm") stands for the
  record's own agents in that role: its comparator (when it has one) or its investigational agents.
- Subgroups: over matched pairs, whether the arm names a subgroup, stratum or other qualifier after
  a comma ("177Lu-PSMA-617, liver metastases"), scored as P/R/F1 of the predicted against the gold
  (the wording of the subgroup is not compared); a gold arm that is the predicted qualifier alone ("liver
  metastases", as annotators name a prognostic factor's hazard ratio) names it too, and so does a dose level
  written after the agents without the comma ("KRN-5114 1.6 mg/kg", as annotators write dose levels both ways).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ingest.extraction.context import BACKGROUND_AGENTS
from ingest.extraction.mentions import _NEW_RADIOLIGAND, MentionFinder
from ingest.extraction.subgroups import DOSE_LEVEL
from kg.errors import ParseError
from kg.lexicon import default_lexicon, normalize_label
from kg.ontology import load_ontology

TOLERANCE = 0.001
_SPLIT_ARMS = re.compile(r"\s*(?:\+|\bplus\b|\band\b|\bwith\b|,|\bvs\.?|\bversus\b)\s*", re.I)


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, and their P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}  # fmt: skip


@dataclass
class Scores:
    """Every score of one evaluation."""

    documents: int = 0
    agents: PRF = field(default_factory=PRF)
    trials: PRF = field(default_factory=PRF)
    diseases: PRF = field(default_factory=PRF)
    comparators: PRF = field(default_factory=PRF)
    measurements: PRF = field(default_factory=PRF)
    hr_tuples: PRF = field(default_factory=PRF)
    subgroups: PRF = field(default_factory=PRF)
    arm_right: int = 0
    ci_right: int = 0
    p_right: int = 0
    #: Matched adverse events (AE:<term>) whose gold states a grade, and those of them given the same grade.
    graded: int = 0
    grade_right: int = 0
    planned_as_reported: int = 0
    other_gold: int = 0
    other_predicted: int = 0
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        matched = self.measurements.tp or 1
        return {
            "documents": self.documents,
            "agents": self.agents.as_dict(),
            "trials": self.trials.as_dict(),
            "diseases": self.diseases.as_dict(),
            "comparators": self.comparators.as_dict(),
            "measurements": self.measurements.as_dict(),
            "matched_arm_right": round(self.arm_right / matched, 4),
            "matched_ci_right": round(self.ci_right / matched, 4),
            "matched_p_right": round(self.p_right / matched, 4),
            "matched_grade_right": round(self.grade_right / (self.graded or 1), 4),
            "hr_tuples": self.hr_tuples.as_dict(),
            "subgroups": self.subgroups.as_dict(),
            "planned_reported_as_results": self.planned_as_reported,
            "other_endpoints": {"gold": self.other_gold, "predicted": self.other_predicted},
        }

    def table(self) -> str:
        """A readable table of the scores."""
        rows = [("agents", self.agents), ("trials", self.trials), ("diseases", self.diseases),
                ("comparators", self.comparators), ("measurements", self.measurements),
                ("HR tuples", self.hr_tuples), ("subgroups", self.subgroups)]  # fmt: skip
        lines = [
            f"documents: {self.documents}",
            "",
            f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}",
        ]
        for name, prf in rows:
            lines.append(
                f"{name:<14}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}"
            )
        matched = self.measurements.tp or 1
        lines += [
            "",
            f"matched measurements with the right arm:     {self.arm_right / matched:.3f}",
            f"matched measurements with the right CI:      {self.ci_right / matched:.3f}",
            f"matched measurements with the right p-value: {self.p_right / matched:.3f}",
            f"matched adverse events with the right grade: {self.grade_right / (self.graded or 1):.3f}"
            f" (of {self.graded} whose gold states one)",
            f"planned values reported as results:          {self.planned_as_reported}",
            f"other: endpoints (not scored): gold {self.other_gold}, predicted {self.other_predicted}",
        ]
        return "\n".join(lines)


# --- resolution --------------------------------------------------------------------------------


@cache
def _registrations() -> dict[str, str]:
    return {r.partition(":")[2].upper(): t.curie for t in load_ontology().trials.values() for r in t.registrations}


def agent_key(label: str) -> str:
    """The ontology CURIE of an agent label, else its normalized radioligand label."""
    entries = default_lexicon().lookup(label)
    agents = sorted({e.curie for e in entries if e.curie in load_ontology().agents})
    if len(agents) == 1:
        return agents[0]
    match = _NEW_RADIOLIGAND.fullmatch(label.strip())
    if match:
        symbol = match.group("s1") or match.group("s2") or match.group("s3")
        mass = (match.group("m1") or match.group("m2") or match.group("m3")) + (
            match.group("x1") or match.group("x2") or match.group("x3") or ""
        )
        return normalize_label(f"{mass}{symbol}-{match.group('code')}")
    return normalize_label(label)


def trial_key(trial: dict) -> str:
    """A trial's CURIE, else its registry id, else its normalized label."""
    label = trial.get("label") or ""
    resolved = default_lexicon().resolve(label)
    if resolved:
        return resolved
    for identifier in (label, trial.get("nct") or ""):
        if identifier.upper() in _registrations():
            return _registrations()[identifier.upper()]
    return normalize_label(trial.get("nct") or label)


def entity_key(label: str) -> str:
    return default_lexicon().resolve(label) or normalize_label(label)


def combination_key(label: str) -> frozenset[str]:
    """A comparator such as "ADT + ARPI" as the set of what its parts resolve to."""
    whole = default_lexicon().resolve(label)
    if whole:
        return frozenset({whole})
    parts = [p for p in _SPLIT_ARMS.split(label) if p.strip()]
    return frozenset(agent_key(p) for p in parts)


@cache
def endpoint_key(endpoint: str) -> str:
    """The canonical code an endpoint label resolves to ("AE:xerostomia" -> "AE:dry mouth")."""
    ontology = load_ontology()
    if ontology.endpoint_by_code(endpoint):
        return endpoint
    lexicon = default_lexicon()
    for prefix in ("AE:", "absorbed dose:"):
        if endpoint.startswith(prefix):
            curie = lexicon.resolve(endpoint[len(prefix) :])
            if curie in ontology.endpoints:
                return ontology.endpoints[curie].code
            return prefix + normalize_label(endpoint[len(prefix) :])
    if endpoint.startswith("other:"):
        return "other:" + normalize_label(endpoint[6:])
    curie = lexicon.resolve(endpoint)
    if curie in ontology.endpoints:
        return ontology.endpoints[curie].code
    return endpoint


@cache
def _finder() -> MentionFinder:
    """The extraction pipeline's finder when this process has built the pipeline (a finder compiles its lexicon
    in ~1 s), else a finder of its own (scoring a --pred file needs no spaCy)."""
    from ingest.extraction.pipeline import build_pipeline  # the pipeline imports spaCy: only when it is there

    if build_pipeline.cache_info().currsize:
        return build_pipeline().get_pipe("psma_mentions").finder
    return MentionFinder(load_ontology(), default_lexicon())


@cache
def arm_agents(arm: str | None) -> frozenset[str]:
    """The agents an arm names ("177Lu-J591 45 mCi/m2 x2" names 177Lu-J591), found as in extraction."""
    if not arm:
        return frozenset()
    keys = set()
    for mention in _finder().find(arm):
        if mention.is_agent:
            keys.add(mention.curie or normalize_label(mention.label or mention.text))
        elif mention.shared:
            agents = [c for c in (mention.curie, *mention.shared) if c in load_ontology().agents]
            keys.update(agents[:1])
    return frozenset(keys) or frozenset({normalize_label(_without_qualifier(arm))})


def _without_qualifier(arm: str) -> str:
    """An arm without the subgroup or dose level it is qualified by ("KRN-5114" for "KRN-5114, 1.6 mg/kg" and for
    "KRN-5114 1.6 mg/kg"), so that an agent the finder does not know compares by its name alone, as known ones do.

    >>> [_without_qualifier(arm) for arm in ("KRN-5114, 1.6 mg/kg", "KRN-5114 1.6 mg/kg", "KRN-5114")]
    ['KRN-5114', 'KRN-5114', 'KRN-5114']
    >>> _without_qualifier("BPX-612 dose level 2 (1.5 × 10^6 CAR T cells/kg, RP2D)")
    'BPX-612'
    """
    name = _TRAILING_BRACKET.sub("", arm).partition(", ")[0]
    dose = _DOSE_AFTER_AGENTS.search(name)
    return name[: dose.start() + 1] if dose else name


def same_arm(gold: str | None, predicted: str | None) -> bool:
    g, p = arm_agents(gold), arm_agents(predicted)
    g_core, p_core = g - BACKGROUND_AGENTS, p - BACKGROUND_AGENTS
    if g_core or p_core:
        return bool(g_core & p_core) and (g_core <= p_core or p_core <= g_core)
    return g == p


def _number(m: dict) -> float | None:
    return m.get("value") if m.get("value") is not None else m.get("hr")


def _same_number(gold: dict, predicted: dict) -> bool:
    """Equal values (or ratios) within the tolerance; two "not reached" values are equal too."""
    if _number(gold) is None:
        return _number(predicted) is None and gold.get("note") == "not reached" == predicted.get("note")
    return _close(_number(gold), _number(predicted))


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= TOLERANCE


# --- scoring ---------------------------------------------------------------------------------


def score(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> Scores:
    """Micro-averaged scores of predicted records against gold records, matched by id."""
    predicted = {record["id"]: record for record in predicted_records}
    scores = Scores()
    for gold in gold_records:
        scores.documents += 1
        pred = predicted.get(gold["id"], {})
        scores.agents.add({agent_key(a["label"]) for a in gold.get("agents", [])},
                          {agent_key(a["label"]) for a in pred.get("agents", [])})  # fmt: skip
        scores.trials.add({trial_key(t) for t in gold.get("trials", [])},
                          {trial_key(t) for t in pred.get("trials", [])})  # fmt: skip
        scores.diseases.add({entity_key(d) for d in gold.get("diseases", [])},
                            {entity_key(d) for d in pred.get("diseases", [])})  # fmt: skip
        scores.comparators.add({combination_key(c) for c in gold.get("comparators", [])},
                               {combination_key(c) for c in pred.get("comparators", [])})  # fmt: skip
        _score_measurements(gold, pred, scores)
    return scores


def _score_measurements(gold: dict, pred: dict, scores: Scores) -> None:
    gold_ms = [m for m in gold.get("measurements", []) if not m.get("negated")]
    pred_ms = [m for m in pred.get("measurements", []) if not m.get("negated")]
    scores.other_gold += sum(endpoint_key(m["endpoint"]).startswith("other:") for m in gold_ms)
    scores.other_predicted += sum(endpoint_key(m["endpoint"]).startswith("other:") for m in pred_ms)
    gold_ms = [m for m in gold_ms if not endpoint_key(m["endpoint"]).startswith("other:")]
    pred_ms = [m for m in pred_ms if not endpoint_key(m["endpoint"]).startswith("other:")]
    gold_ms = [_by_role(m, gold) for m in gold_ms]
    pred_ms = [_by_role(m, pred) for m in pred_ms]
    unmatched = list(range(len(pred_ms)))
    courses = _compares_courses(gold_ms)
    for g in gold_ms:
        candidates = [
            i for i in unmatched
            if endpoint_key(pred_ms[i]["endpoint"]) == endpoint_key(g["endpoint"]) and _same_number(g, pred_ms[i])
        ]  # fmt: skip
        if not candidates:
            scores.measurements.fn += 1
            scores.errors.append({"id": gold["id"], "kind": "missed", "gold": g})
            continue
        best = next((i for i in candidates if same_arm(g.get("arm"), pred_ms[i].get("arm"))), candidates[0])
        unmatched.remove(best)
        p = pred_ms[best]
        scores.measurements.tp += 1
        arm_ok = same_arm(g.get("arm"), p.get("arm"))
        scores.arm_right += arm_ok
        predicted_subgroup = _names_subgroup(p.get("arm")) or (courses and _names_course(p.get("arm")))
        gold_subgroup = (
            _names_subgroup(g.get("arm"))
            or _qualifier_alone(g.get("arm"), p.get("arm"))
            or (courses and _names_course(g.get("arm")))
        )
        scores.subgroups.tp += gold_subgroup and predicted_subgroup
        scores.subgroups.fp += predicted_subgroup and not gold_subgroup
        scores.subgroups.fn += gold_subgroup and not predicted_subgroup
        ci_ok = all(_close(g.get(k), p.get(k)) for k in ("ci_low", "ci_high", "ci_level"))
        scores.ci_right += ci_ok
        p_ok = (g.get("p_value") or None) == (p.get("p_value") or None)
        scores.p_right += p_ok
        if endpoint_key(g["endpoint"]).startswith("AE:") and g.get("grade"):
            scores.graded += 1
            scores.grade_right += g["grade"] == p.get("grade")
        if g.get("status") == "planned" and p.get("status") == "reported":
            scores.planned_as_reported += 1
        if not (arm_ok and ci_ok and p_ok):
            scores.errors.append({"id": gold["id"], "kind": "partial", "gold": g, "predicted": p,
                                  "arm": arm_ok, "ci": ci_ok, "p": p_ok})  # fmt: skip
    for i in unmatched:
        scores.measurements.fp += 1
        scores.errors.append({"id": gold["id"], "kind": "spurious", "predicted": pred_ms[i]})
    scores.hr_tuples.add(_hr_tuples(gold_ms), _hr_tuples(pred_ms))


#: Arms named by their role rather than their agents.
_COMPARATOR_ROLE = re.compile(r"(?:the\s+)?(?:control|comparator|standard)(?:\s+(?:arm|group))?", re.I)
_INVESTIGATIONAL_ROLE = re.compile(
    r"(?:the\s+)?(?:experimental|investigational|intervention|radioligand|treatment|combination|study)"
    r"(?:\s+(?:arm|group))?",
    re.I,
)


def _by_role(measurement: dict, record: dict) -> dict:
    """The measurement with an arm named by its role ("control arm") written as the record's agents in that role."""
    arm, _comma, subgroup = (measurement.get("arm") or "").partition(", ")
    agents = None
    if _COMPARATOR_ROLE.fullmatch(arm.strip()) and len(record.get("comparators", [])) == 1:
        agents = record["comparators"][0]
    elif _INVESTIGATIONAL_ROLE.fullmatch(arm.strip()):
        named = [a["label"] for a in record.get("agents", []) if a.get("role") == "investigational"]
        agents = " + ".join(named) or None
    if agents is None:
        return measurement
    return {**measurement, "arm": ", ".join(part for part in (agents, subgroup) if part)}


#: A dose level closing an arm after its agents, without a comma: "KRN-5114 1.6 mg/kg", "ARX517 >=2.0 mg/kg".
_DOSE_AFTER_AGENTS = re.compile(r"\S\s+(?:[<>≤≥]=?\s*)?" + DOSE_LEVEL + "$", re.IGNORECASE)


#: What an annotator adds in brackets after an arm's dose level: "(3.0 × 10^6 CAR T cells/kg, RP2D)".
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


#: The course of a treatment an arm is of, in a study that compares a first course with a rechallenge.
_COURSE = re.compile(r"\b(?:(?:first|initial|second)\s+course|re-?challenge|re-?treatment)\b", re.IGNORECASE)
_FIRST_COURSE = re.compile(r"\b(?:first|initial)\s+course\b", re.IGNORECASE)


def _names_course(arm: str | None) -> bool:
    return bool(arm) and _COURSE.search(arm) is not None


def _compares_courses(measurements: list[dict]) -> bool:
    """Whether a record's values are of a first course and of a rechallenge: then an arm that names its course names a
    part of the men, with or without a comma ("177Lu-PSMA-617 rechallenge" as "177Lu-PSMA-617, rechallenge").

    >>> _compares_courses([{"arm": "X first course"}, {"arm": "X rechallenge"}]), _compares_courses([{"arm": "X"}])
    (True, False)
    """
    arms = [m.get("arm") or "" for m in measurements]
    first = any(_FIRST_COURSE.search(arm) for arm in arms)
    return first and any(_COURSE.search(arm) and not _FIRST_COURSE.search(arm) for arm in arms)


def _names_subgroup(arm: str | None) -> bool:
    """Whether an arm names a subgroup or another qualifier after a comma ("177Lu-PSMA-617, liver metastases"), or
    a dose level after its agents ("KRN-5114 1.6 mg/kg").

    >>> _names_subgroup("KRN-5114 1.6 mg/kg"), _names_subgroup("KRN-5114, 1.6 mg/kg"), _names_subgroup("KRN-5114")
    (True, True, False)

    A dose level followed by what an annotator adds to it, a bracket or the route, still names one:

    >>> _names_subgroup("CTX-PSM1 DL2 (1.0 × 10^6 cells/kg)"), _names_subgroup("JNJ-63898081 60 µg/kg subcutaneous")
    (True, True)
    >>> _names_subgroup("225Ac-J591 dose escalation"), _names_subgroup("177Lu-PSMA-617 (VISION)")
    (False, False)
    """
    if not arm:
        return False
    dosed = _ROUTE_AFTER_DOSE.sub("", _TRAILING_BRACKET.sub("", arm))
    return ", " in arm or _DOSE_AFTER_AGENTS.search(dosed) is not None


#: The route an annotator writes after an arm's dose level: "60 µg/kg subcutaneous".
_ROUTE_AFTER_DOSE = re.compile(r"\s+(?:intravenous(?:ly)?|subcutaneous(?:ly)?|i\.?v\.?|s\.?c\.?|oral(?:ly)?)$", re.I)


def _qualifier_alone(gold_arm: str | None, predicted_arm: str | None) -> bool:
    """Whether the gold arm is the predicted arm's qualifier written alone: "liver metastases" for "177Lu-PSMA-617,
    liver metastases" (annotators name a prognostic factor's hazard ratio by the factor only)."""
    if not gold_arm or not predicted_arm or ", " not in predicted_arm:
        return False
    qualifier = predicted_arm.partition(", ")[2]
    return " ".join(qualifier.lower().split()) == " ".join(gold_arm.lower().split())


def _hr_tuples(measurements: list[dict]) -> set[tuple]:
    def r(x):
        return None if x is None else round(float(x), 3)

    return {
        (endpoint_key(m["endpoint"]), r(m.get("hr")), r(m.get("ci_low")), r(m.get("ci_high")))
        for m in measurements
        if m.get("hr") is not None
    }


def load_records(path: str) -> list[dict]:
    """Records of a JSON Lines file, or of every ``*.jsonl`` file of a folder (in name order).

    A line that is not JSON is a ParseError naming the file and line.
    """
    folder = Path(path)
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]
    if not files:
        raise ParseError(path, "no *.jsonl files in this folder")
    records = []
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ParseError(str(file), f"line {number} is not a JSON record: {exc.msg}") from exc
    return records
