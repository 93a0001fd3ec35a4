from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.models import RDF_RESPONSES, AgentPublic, AgentsPublic, AgentSummary
from api.negotiation import describe, wanted_rdf
from api.pagination import PageDep
from kg.ontology import load_ontology
from kg.queries import agent_detail, resolve

router = APIRouter(prefix="/agents", tags=["agents"])


@router.get("")
def list_agents(page: PageDep, request: Request, response: Response, modality: str | None = None) -> AgentsPublic:
    """Curated agents, optionally of one modality (RadioligandTherapy, ImagingAgent, ...)."""
    agents = [a for a in load_ontology().agents.values() if modality is None or a.kind == modality]
    agents.sort(key=lambda a: a.label.lower())
    summaries = [AgentSummary(id=a.curie, label=a.label, modality=a.kind) for a in agents]
    return AgentsPublic(**page.of(summaries, request, response))


@router.get("/{agent_id}", response_model=AgentPublic, responses=RDF_RESPONSES)
async def get_agent(agent_id: str, store: StoreDep, request: Request):
    """One agent by CURIE (agent:lu177-psma-617) or any of its labels (Pluvicto); JSON-LD or Turtle by Accept."""
    # async: the JSON answer is read from tables prepared per store in well under a millisecond, less than
    # the thread-pool hops of a plain def route; the RDF answer queries the store, so it goes to a thread.
    curie = agent_id if agent_id in load_ontology().agents else resolve(agent_id)
    if curie is None or curie not in load_ontology().agents:
        raise HTTPException(404, f"no agent named {agent_id!r}; try /search?q={agent_id}")
    media = wanted_rdf(request)
    if media:
        return await run_in_threadpool(describe, store, curie, media)
    # The answer is built, validated and written once per agent and version of the store (the store
    # forgets it on its next write): writing its ~50 kB of JSON was most of the cost of a request.
    body = store.derived(f"AgentPublic {curie}", lambda s: AgentPublic(**agent_detail(s, curie)).model_dump_json())
    return Response(body, media_type="application/json", headers={"vary": "accept"})
