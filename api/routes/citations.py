"""The publications behind a view as RIS, for reference managers and systematic-review tools."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from api.deps import Selection, StoreDep, split_names
from kg.ris import MEDIA_TYPE, citations, ris

router = APIRouter(tags=["embedding"])

_RIS_EXAMPLE = (
    "TY  - JOUR\r\nID  - demo:001\r\nTI  - Lutetium-177-PSMA-617 for metastatic castration-resistant prostate "
    "cancer ...\r\nT2  - New England Journal of Medicine\r\nJO  - New England Journal of Medicine\r\nPY  - 2021\r\n"
    "DO  - 10.5555/psmakg.demo.001\r\nUR  - https://doi.org/10.5555/psmakg.demo.001\r\nER  - \r\n"
)


@router.get(
    "/publications.ris",
    response_class=Response,
    responses={
        200: {
            "content": {MEDIA_TYPE: {"schema": {"type": "string"}, "example": _RIS_EXAMPLE}},
            "description": "One RIS record per publication.",
        },
        400: {"description": "Neither ids nor trials or agents given."},
        404: {"description": "An id with no publication, or a selection with no reported result."},
    },
)
def publications_ris(
    store: StoreDep,
    ids: str | None = Query(None, description="Comma-separated document ids", examples=["demo:001,demo:003"]),
    trials: str | None = Query(None, description="Comma-separated trial names", examples=["VISION,TheraP"]),
    agents: str | None = Query(None, description="Comma-separated agent names", examples=["177Lu-PSMA-617"]),
    endpoint: str | None = Query(None, description="An endpoint code or label", examples=["OS"]),
) -> Response:
    """RIS records of the publications behind a view: given by ``ids``, or those of the /compare rows
    (and of /forest.svg and /embed/compare) for the same ``trials``, ``agents`` and ``endpoint``.
    """
    selection = Selection.parse(trials, agents, endpoint)
    if ids:
        wanted = split_names(ids)
    elif not selection.empty:
        wanted = tuple(dict.fromkeys(row["publication"] for row in selection.rows(store)))
        if not wanted:
            raise HTTPException(404, f"nothing reported for {selection.describe()}; check the names with /search?q=")
    else:
        raise HTTPException(400, "give ids=... (document ids) or trials=... or agents=... as for /compare")
    found = citations(store, wanted)
    missing = sorted(set(wanted) - {c.id for c in found})
    if missing:
        raise HTTPException(404, f"no publication {', '.join(missing)} in the store")
    return Response(ris(found), media_type=MEDIA_TYPE,
                    headers={"content-disposition": 'attachment; filename="psma-kg.ris"'})  # fmt: skip
