from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.models import RDF_RESPONSES, TrialPublic, TrialsPublic, TrialSummary
from api.negotiation import describe, wanted_rdf
from api.pagination import PageDep
from kg.ontology import load_ontology
from kg.queries import resolve, trial_detail
from kg.rdf import new_trial_iri
from kg.store import GraphStore
from kg.vocab import PSMA

router = APIRouter(prefix="/trials", tags=["trials"])


@router.get("")
def list_trials(page: PageDep, request: Request, response: Response) -> TrialsPublic:
    """Curated trials, by name."""
    trials = sorted(load_ontology().trials.values(), key=lambda t: t.label.lower())
    summaries = [TrialSummary(id=t.curie, label=t.label, phase=t.phase) for t in trials]
    return TrialsPublic(**page.of(summaries, request, response))


def trial_curie(trial_id: str, store: GraphStore) -> str:
    """The CURIE of a trial given by CURIE, name or NCT id, also of one that only the texts name ("NCT01695044", which
    the ontology does not know: trial:new/nct01695044); 404 when it names none."""
    trials = load_ontology().trials
    curie = trial_id if trial_id in trials else resolve(trial_id)
    if curie not in trials:
        curie = next((t.curie for t in trials.values() if f"nct:{trial_id.upper()}" in t.registrations), None)
    if curie is None:
        iri = new_trial_iri(trial_id)
        if store.query(f"ASK {{ <{iri}> a <{PSMA.ClinicalTrial}> }}"):
            return load_ontology().converter.compress(iri)  # trial:new/..., as the graph views name it
        raise HTTPException(404, f"no trial named {trial_id!r}; try /search?q={trial_id}")
    return curie


@router.get("/{trial_id}", response_model=TrialPublic, responses=RDF_RESPONSES)
async def get_trial(trial_id: str, store: StoreDep, request: Request):
    """One trial by CURIE (trial:VISION), name (VISION) or registry id (NCT03511664)."""
    # async for the reason given at get_agent.
    curie = trial_curie(trial_id, store)
    media = wanted_rdf(request)
    if media:
        return await run_in_threadpool(describe, store, curie, media)
    # Built, validated and written once per trial and version of the store, as at get_agent.
    body = store.derived(f"TrialPublic {curie}", lambda s: TrialPublic(**trial_detail(s, curie)).model_dump_json())
    return Response(body, media_type="application/json", headers={"vary": "accept"})
