from __future__ import annotations

import csv
import io
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response

from api.deps import StoreDep
from api.models import EvidenceRows, SearchResults, problems
from api.pagination import PageDep
from kg.exports import EVIDENCE_COLUMNS
from kg.queries import compare, measurements, search

router = APIRouter(tags=["results"])


@router.get("/measurements")
def list_measurements(
    store: StoreDep,
    agent: str | None = None,
    trial: str | None = None,
    endpoint: str | None = None,
    status: Literal["reported", "planned"] | None = None,
    *,
    page: PageDep,
    request: Request,
    response: Response,
) -> EvidenceRows:
    """Measurements with their evidence, filtered by agent, trial, endpoint (any label) and status."""
    rows = measurements(store, agent=agent, trial=trial, endpoint=endpoint, status=status)
    return EvidenceRows(**page.of(rows, request, response))


_CSV_EXAMPLE = (
    "publication,trial,arm,agent,endpoint,statistic,value,unit,hr,ci_low,ci_high,ci_level,p_value,status,grade,note,"
    "sentence,start,end\ndemo:001,VISION,177Lu-PSMA-617 + standard of care,177Lu-PSMA-617; standard of care,OS,median,"
    '15.3,months,0.62,0.52,0.74,95,<0.001,reported,,,"Overall survival was also extended (median, 15.3 vs. 11.3 '
    'months; ...).",1407,1534\n'
)


@router.get(
    "/compare",
    response_model=EvidenceRows,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}, "example": _CSV_EXAMPLE}}}} | problems(400),
)
async def compare_results(
    store: StoreDep,
    trials: str | None = Query(None, examples=["VISION,TheraP"]),
    agents: str | None = Query(None, examples=["177Lu-PSMA-617"]),
    endpoint: str | None = Query(None, examples=["OS"]),
    format: Literal["json", "csv"] = "json",
    *,
    page: PageDep,
    request: Request,
    response: Response,
):
    """A comparison table: one row per trial arm and endpoint, with value, HR, CI, p and evidence.

    JSON is paged like every list; CSV is the whole table (a download).
    """
    # async: the rows come from tables prepared per store (kg.queries.prepare), faster than a thread-pool hop.
    if not trials and not agents:
        raise HTTPException(400, "give trials=... or agents=... (comma-separated names)")
    rows = compare(
        store,
        trials=[t.strip() for t in (trials or "").split(",") if t.strip()],
        agents=[a.strip() for a in (agents or "").split(",") if a.strip()],
        endpoint=endpoint,
    )
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EVIDENCE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return Response(buffer.getvalue(), media_type="text/csv")
    return EvidenceRows(**page.of(rows, request, response))


@router.get("/search")
def search_labels(
    page: PageDep, request: Request, response: Response, q: str = Query(..., min_length=1, examples=["pluvicto"])
) -> SearchResults:
    """Agents, trials, endpoints and diseases by label or alternative label; prefix and typo tolerant, ranked."""
    return SearchResults(**page.of(search(q, limit=None), request, response))
