"""Read-side questions researchers ask of the graph: an agent, a trial, measurements, comparisons, search.

Each function answers from the store with plain dicts (the API wraps them in response models).
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from kg.exports import evidence_rows
from kg.lexicon import default_lexicon, normalize_label
from kg.model import AGENT_CLASSES
from kg.ontology import load_ontology
from kg.store import GraphStore
from kg.vocab import PSMA

_DCT = "http://purl.org/dc/terms/"


def evidence_table(store: GraphStore) -> list[dict[str, str]]:
    """The evidence table (``kg.exports.evidence_rows``), read once per version of the store; do not change it."""
    return store.derived("evidence_rows", evidence_rows)


def _evidence_index(store: GraphStore) -> dict[str, dict[str, list[dict[str, str]]]]:
    """Rows of the evidence table by agent label, trial label and publication id, in table order."""

    def build(store: GraphStore) -> dict[str, dict[str, list[dict[str, str]]]]:
        index: dict[str, dict[str, list[dict[str, str]]]] = {"agent": {}, "trial": {}, "publication": {}}
        for row in evidence_table(store):
            for label in dict.fromkeys(row["agent"].split("; ")):
                index["agent"].setdefault(label, []).append(row)
            index["trial"].setdefault(row["trial"], []).append(row)
            index["publication"].setdefault(row["publication"], []).append(row)
        return index

    return store.derived("evidence_index", build)


def _links(store: GraphStore) -> dict[str, dict[str, set[str]]]:
    """Trials studying each agent and ids of the publications naming each agent or trial, read in three queries.

    The entity routes used to ask two queries per request; these read the links of every entity at
    once, when a server starts and again after a write.
    """

    def build(store: GraphStore) -> dict[str, dict[str, set[str]]]:
        links: dict[str, dict[str, set[str]]] = {"agent_trials": {}, "agent_publications": {}, "trial_publications": {}}
        pairs = {
            "agent_trials": (PSMA.studiesAgent, PSMA.reportsTrial),
            "agent_publications": (PSMA.mentionsAgent, f"{_DCT}identifier"),
            "trial_publications": (PSMA.reportsTrial, f"{_DCT}identifier"),
        }
        for name, (to_x, to_y) in pairs.items():
            for row in store.query(f"SELECT DISTINCT ?x ?y WHERE {{ ?p <{to_x}> ?x ; <{to_y}> ?y }}"):
                links[name].setdefault(row["x"].value, set()).add(row["y"].value)
        return links

    return store.derived("links", build)


def prepare(store: GraphStore) -> None:
    """Read the tables the entity and comparison questions answer from (a server does this at start-up)."""
    _evidence_index(store)
    _links(store)


def _expand(curie: str) -> str:
    return str(load_ontology().converter.expand(curie))


def agent_detail(store: GraphStore, curie: str) -> dict:
    """An agent with its radionuclide, ligand, target, partners, trials and number of measurements."""
    ontology = load_ontology()
    agent = ontology.agents.get(curie)
    if agent is None:
        raise KeyError(f"no agent {curie}")
    nuclide = ontology.radionuclides.get(agent.radionuclide) if agent.radionuclide else None
    iri = _expand(curie)
    links = _links(store)
    curated = {_expand(t.curie) for t in ontology.trials.values() if curie in t.agents}
    trials = sorted(links["agent_trials"].get(iri, set()) | curated)
    publications = sorted(links["agent_publications"].get(iri, ()))
    rows = list(_evidence_index(store)["agent"].get(agent.label, ()))
    return {
        "id": curie,
        "label": agent.label,
        "alt_labels": list(agent.alt_labels),
        "modality": agent.kind,
        "radionuclide": None
        if nuclide is None
        else {
            "id": nuclide.curie,
            "label": nuclide.code,
            "emission": list(nuclide.emissions),
            "half_life_hours": nuclide.half_life_hours,
        },
        "ligand": None if agent.ligand is None else {"id": agent.ligand, "label": ontology.ligands[agent.ligand].label},
        "target": agent.target,
        "theranostic_partners": [{"id": p, "label": ontology.agents[p].label} for p in agent.partners],
        "trials": [ontology.converter.compress(t) for t in trials],
        "publications": publications,
        "measurements": rows,
        "adverse_events": [r for r in rows if r["endpoint"].startswith("AE")],
    }


def trial_detail(store: GraphStore, curie: str) -> dict:
    """A trial with its phase, design, population, patients per publication, arms and per-arm results with evidence."""
    ontology = load_ontology()
    trial = ontology.trials.get(curie)
    label = trial.label if trial else None
    iri = _expand(curie) if ":" in curie else curie
    if trial is None:
        found = list(store.query(f"SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}"))
        if not found:
            raise KeyError(f"no trial {curie}")
        label = found[0]["l"].value
    rows = list(_evidence_index(store)["trial"].get(label, ()))
    publications = sorted(_links(store)["trial_publications"].get(iri, ()))
    enrolled = [
        {"publication": row["id"].value, "patients": int(row["n"].value)}
        for row in store.query(
            f"""SELECT ?id ?n WHERE {{ ?p <{PSMA.mainTrial}> <{iri}> ; <{PSMA.studyPatients}> ?n ;
                <{_DCT}identifier> ?id }} ORDER BY ?id"""
        )
    ]
    return {
        "id": curie,
        "label": label,
        "phase": trial.phase if trial else None,
        "design": list(trial.design) if trial else [],
        "registrations": list(trial.registrations) if trial else [],
        "agents": [{"id": a, "label": ontology.agents[a].label} for a in (trial.agents if trial else ())],
        "comparators": [{"id": a, "label": ontology.agents[a].label} for a in (trial.comparators if trial else ())],
        "populations": [ontology.diseases[d].label for d in (trial.populations if trial else ())],
        "enrolled": enrolled,
        "arms": sorted({r["arm"] for r in rows if r["arm"]}),
        "results": rows,
        "publications": publications,
    }


def measurements(
    store: GraphStore,
    *,
    agent: str | None = None,
    trial: str | None = None,
    endpoint: str | None = None,
    status: str | None = None,
    rows: list[dict] | None = None,
) -> list[dict]:
    """Evidence-table rows filtered by agent, trial, endpoint (labels or CURIEs) and status.

    ``rows`` filters other rows than the store's evidence table.
    """
    ontology = load_ontology()

    def label_of(value: str | None, table: dict) -> str | None:
        if value is None:
            return None
        curie = value if value in table else resolve(value)
        return table[curie].label if curie in table else value

    agent_label = label_of(agent, ontology.agents)
    trial_label = label_of(trial, ontology.trials)
    endpoint_code = _endpoint_code(endpoint) if endpoint else None
    if rows is None:  # start from the rows of the trial or agent asked, not the whole table
        index = _evidence_index(store)
        if trial_label is not None:
            rows = index["trial"].get(trial_label, [])
        elif agent_label is not None:
            rows = index["agent"].get(agent_label, [])
        else:
            rows = evidence_table(store)
    return [
        r for r in rows
        if (agent_label is None or agent_label in r["agent"].split("; "))
        and (trial_label is None or r["trial"] == trial_label)
        and (endpoint_code is None or r["endpoint"] == endpoint_code)
        and (status is None or r["status"] == status)
    ]  # fmt: skip


def _endpoint_code(value: str) -> str:
    ontology = load_ontology()
    if ontology.endpoint_by_code(value):
        return value
    curie = resolve(value)
    return ontology.endpoints[curie].code if curie in ontology.endpoints else value


def compare(
    store: GraphStore, *, trials: list[str] = (), agents: list[str] = (), endpoint: str | None = None
) -> list[dict]:
    """One row per trial arm and endpoint for the trials or agents asked, reported results only."""
    rows: list[dict] = []
    for trial in trials:
        rows += measurements(store, trial=trial, endpoint=endpoint, status="reported")
    for agent in agents:
        rows += measurements(store, agent=agent, endpoint=endpoint, status="reported")
    unique = {tuple(r.values()): r for r in rows}  # rows of the evidence table: the same columns in the same order
    return list(unique.values())


def resolve(text: str) -> str | None:
    """The CURIE a label names, if it names exactly one entity."""
    return default_lexicon().resolve(text)


@cache
def _search_index() -> list[tuple[str, str, str, str]]:
    """(squashed label, label, CURIE, kind) for every label of every entity."""
    return [
        (_squash(entry.surface), entry.surface, entry.curie, entry.kind)
        for entry in default_lexicon().entries
        if entry.source != "derived"
    ]


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", normalize_label(text))


_PREFERRED_KINDS = frozenset({*AGENT_CLASSES, "ClinicalTrial"})


def search(query: str, limit: int | None = 10) -> list[dict]:
    """Entities whose labels match ``query``: exact, then prefix, then contained, then close spellings (all: None)."""
    squashed = _squash(query)
    if not squashed:
        return []
    ontology = load_ontology()
    best: dict[str, tuple[float, str, str]] = {}
    for key, surface, curie, kind in _search_index():
        if key == squashed:
            score = 1.0
        elif key.startswith(squashed):
            score = 0.9 - 0.001 * (len(key) - len(squashed))
        elif squashed in key:
            score = 0.75 - 0.001 * (len(key) - len(squashed))
        else:
            ratio = difflib.SequenceMatcher(None, squashed, key).ratio() if abs(len(key) - len(squashed)) <= 4 else 0
            if ratio < 0.8:
                continue
            score = 0.7 * ratio
        if kind in _PREFERRED_KINDS:
            score += 0.01  # on a tie, researchers mean the agent or trial more than a ligand or nuclide
        if curie not in best or score > best[curie][0]:
            best[curie] = (score, surface, kind)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return [
        {"id": curie, "label": ontology.entity(curie).label, "matched": surface, "kind": kind, "score": round(score, 3)}
        for curie, (score, surface, kind) in ranked
    ]
