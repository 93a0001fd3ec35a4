"""Forest plots of the hazard ratios of a comparison, as SVG images."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from api.deps import Selection, SelectionDep, StoreDep
from api.embed import capitalized
from kg.forest import ForestRow, forest_rows, forest_svg
from kg.ontology import load_ontology
from kg.queries import resolve
from kg.store import GraphStore

router = APIRouter(tags=["embedding"])

SVG = "image/svg+xml"

_SVG_EXAMPLE = (
    '<svg xmlns="http://www.w3.org/2000/svg" class="forest-plot" role="img" ...>\n'
    '<title id="forest-title">Overall survival: hazard ratios (VISION, TheraP)</title>\n...\n'
    '<g class="forest-row" data-label="VISION" data-endpoint="OS" data-hr="0.62" data-ci-low="0.52" '
    'data-ci-high="0.74" data-publications="demo:001">...</g>\n...\n</svg>'
)
FOREST_RESPONSES = {
    200: {
        "content": {SVG: {"schema": {"type": "string"}, "example": _SVG_EXAMPLE}},
        "description": "One row per reported hazard ratio.",
    },
    400: {"description": "Neither trials nor agents given."},
    404: {"description": "The selection has no reported hazard ratio."},
}


def forest_title(plotted: list[ForestRow], selection: Selection) -> str:
    """``Overall survival: hazard ratios (VISION, TheraP)``; the endpoint named when there is one."""
    endpoints = {row.endpoint for row in plotted}
    names = ", ".join((*selection.trials, *selection.agents))
    if len(endpoints) == 1:
        endpoint = load_ontology().endpoint_by_code(next(iter(endpoints)))
        label = endpoint.label if endpoint else next(iter(endpoints))
        return f"{capitalized(label)}: hazard ratios ({names})"
    return f"Hazard ratios ({names})"


def trials_without_hr(selection: Selection, plotted: list[ForestRow]) -> list[str]:
    """The trials asked for that have no row in the plot, by their curated names."""
    trials = load_ontology().trials
    shown = {row.trial for row in plotted}
    named = [trials[resolve(t)].label if resolve(t) in trials else t for t in selection.trials]
    return [name for name in dict.fromkeys(named) if name not in shown]


def plotted_rows(store: GraphStore, selection: Selection) -> tuple[list[dict], list[ForestRow]]:
    """The comparison rows of the selection and the hazard ratios among them; 404 when there is none."""
    rows = selection.rows(store)
    plotted = forest_rows(rows)
    if not rows:
        raise HTTPException(404, f"nothing reported for {selection.describe()}; check the names with /search?q=")
    if not plotted:
        raise HTTPException(
            404,
            f"no hazard ratio reported for {selection.describe()} ({len(rows)} other results: "
            f"/compare?{selection.query()})",
        )
    return rows, plotted


@router.get("/forest.svg", response_class=Response, responses=FOREST_RESPONSES)
def forest_plot(store: StoreDep, selection: SelectionDep) -> Response:
    """A forest plot (SVG, log scale) of the hazard ratios /compare reports for the same parameters.

    One row per distinct reported hazard ratio of a trial and endpoint, citing every publication that
    reports it: a trial with different HRs (two analyses, two comparisons, several endpoints when none is
    given) has several rows, named by publication or arm. Planned values are never plotted.
    """
    _rows, plotted = plotted_rows(store, selection)
    # Opened on its own, the SVG is a document: nothing in it may run or load anything.
    headers = {"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
               "x-content-type-options": "nosniff"}  # fmt: skip
    return Response(forest_svg(plotted, title=forest_title(plotted, selection)), media_type=SVG, headers=headers)
