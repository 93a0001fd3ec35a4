"""Pages for iframes in review tools (/embed/...) and the oEmbed endpoint that describes them."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import Selection, SelectionDep, SettingsDep, StoreDep
from api.embed import Links, compare_page, compare_title, forest_page, trial_page, trial_title
from api.models import OEmbed
from api.routes.forest import forest_title, plotted_rows, trials_without_hr
from api.routes.trials import trial_curie
from api.settings import Settings
from kg.forest import forest_rows, forest_size
from kg.queries import trial_detail
from kg.ris import citations
from kg.store import GraphStore

router = APIRouter(tags=["embedding"])

_PAGE = {
    "content": {"text/html": {"schema": {"type": "string"},
                              "example": '<!DOCTYPE html>\n<html lang="en">\n<head>...<link rel="alternate" '
                              'type="application/json+oembed" href="...">...</head>\n<body class="embed ...">...'}},
    "description": "A self-contained HTML document (inline CSS, no script) that other origins may frame.",
}  # fmt: skip
_NO_SELECTION = {"description": "Neither trials nor agents given."}
_WIDE = 960  # the compare and trial pages: wide enough for the table without scrolling sideways


def public_base(request: Request, settings: Settings) -> str:
    """The address clients reach the API at: the setting when behind a proxy, else the request's."""
    return (settings.public_url or str(request.base_url)).rstrip("/")


def _html(document: str, settings: Settings) -> HTMLResponse:
    # No script runs and nothing loads from elsewhere; any origin (or the configured ones) may frame it.
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"frame-ancestors {settings.embed_frame_ancestors}"
    )
    return HTMLResponse(document, headers={"content-security-policy": policy, "x-content-type-options": "nosniff"})


def _links(store: GraphStore, base: str, publications, downloads, canonical: str) -> Links:
    cited = {c.id: c for c in citations(store, publications)}
    return Links(citations=cited, base=base, downloads=tuple(downloads), canonical=canonical)


def _oembed_href(base: str, page_url: str) -> str:
    return f"{base}/oembed?{urlencode({'url': page_url, 'format': 'json'})}"


def _selection_downloads(base: str, query: str) -> list[tuple[str, str]]:
    return [("CSV", f"{base}/compare?{query}&format=csv"), ("RIS", f"{base}/publications.ris?{query}")]


@router.get("/embed/forest", response_class=HTMLResponse, responses={200: _PAGE, 400: _NO_SELECTION,
                                                                     404: {"description": "No HR."}})  # fmt: skip
def embed_forest(request: Request, store: StoreDep, settings: SettingsDep, selection: SelectionDep) -> HTMLResponse:
    """The forest plot of /forest.svg as a page for an iframe, with the publications of its rows."""
    _rows, plotted = plotted_rows(store, selection)
    base, query = public_base(request, settings), selection.query()
    url = f"{base}/embed/forest?{query}"
    downloads = [("SVG", f"{base}/forest.svg?{query}"), *_selection_downloads(base, query)]
    links = _links(store, base, [p for r in plotted for p in r.publications], downloads, f"{base}/compare?{query}")
    title = forest_title(plotted, selection)
    missing = trials_without_hr(selection, plotted)
    return _html(forest_page(title, plotted, links, oembed=_oembed_href(base, url), without_hr=missing), settings)


@router.get("/embed/compare", response_class=HTMLResponse, responses={200: _PAGE, 400: _NO_SELECTION,
                                                                      404: {"description": "No row."}})  # fmt: skip
def embed_compare(request: Request, store: StoreDep, settings: SettingsDep, selection: SelectionDep) -> HTMLResponse:
    """The comparison table of /compare as a page for an iframe: values, HR, CI, p, publication, evidence."""
    rows = selection.rows(store)
    if not rows:
        raise HTTPException(404, f"nothing reported for {selection.describe()}; check the names with /search?q=")
    base, query = public_base(request, settings), selection.query()
    url = f"{base}/embed/compare?{query}"
    links = _links(store, base, [r["publication"] for r in rows], _selection_downloads(base, query),
                   f"{base}/compare?{query}")  # fmt: skip
    page = compare_page(compare_title(selection.describe()), rows, links, oembed=_oembed_href(base, url))
    return _html(page, settings)


@router.get("/embed/trial/{trial_id}", response_class=HTMLResponse,
            responses={200: _PAGE, 404: {"description": "No such trial."}})  # fmt: skip
def embed_trial(trial_id: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """A trial's summary and its results per endpoint (reported and planned) as a page for an iframe."""
    curie = trial_curie(trial_id, store)
    detail = trial_detail(store, curie)
    base = public_base(request, settings)
    url = f"{base}/embed/trial/{quote(trial_id, safe=':')}"
    downloads = [("CSV of reported results", f"{base}/compare?{urlencode({'trials': detail['label']})}&format=csv")]
    if detail["publications"]:
        downloads.append(("RIS", f"{base}/publications.ris?{urlencode({'ids': ','.join(detail['publications'])})}"))
    links = _links(store, base, detail["publications"], downloads, f"{base}/trials/{quote(trial_id, safe=':')}")
    page = trial_page(detail, forest_rows(detail["results"]), links, oembed=_oembed_href(base, url))
    return _html(page, settings)


@dataclass(frozen=True)
class _Embed:
    """What an oEmbed answer says of one page: its title, address and natural size."""

    title: str
    src: str
    width: int
    height: int


def _trial_embed(store: GraphStore, base: str, trial_id: str) -> _Embed:
    detail = trial_detail(store, trial_curie(trial_id, store))
    plotted = forest_rows(detail["results"])
    endpoints = {r["endpoint"] for r in detail["results"]}
    # summary, plot, one heading per endpoint, and about 70 px per result row with its evidence sentence
    height = 240 + (forest_size(plotted)[1] if plotted else 0) + 64 * len(endpoints) + 70 * len(detail["results"])
    return _Embed(trial_title(detail), f"{base}/embed/trial/{quote(trial_id, safe=':')}", _WIDE, height)


def _forest_embed(store: GraphStore, base: str, selection: Selection) -> _Embed:
    _rows, plotted = plotted_rows(store, selection)
    title = forest_title(plotted, selection)
    width, height = forest_size(plotted, title=title)
    # page padding, the caption and the source line under the plot
    return _Embed(title, f"{base}/embed/forest?{selection.query()}", width + 28, height + 130)


def _compare_embed(store: GraphStore, base: str, selection: Selection) -> _Embed:
    rows = selection.rows(store)
    if not rows:
        raise HTTPException(404, f"nothing reported for {selection.describe()}")
    title = compare_title(selection.describe())
    return _Embed(title, f"{base}/embed/compare?{selection.query()}", _WIDE, 110 + 70 * len(rows))


def _embed_of(store: GraphStore, base: str, url: str) -> _Embed:
    """The embedded page a URL of this API stands for; 404 when it names none or the view is empty."""
    parts = urlsplit(url)
    path = unquote(parts.path).rstrip("/")
    for prefix in ("/embed/trial/", "/trials/"):
        trial_id = path.removeprefix(prefix)
        if path.startswith(prefix) and trial_id and "/" not in trial_id:
            return _trial_embed(store, base, trial_id)
    if path in ("/embed/forest", "/forest.svg", "/embed/compare", "/compare"):
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        selection = Selection.parse(query.get("trials"), query.get("agents"), query.get("endpoint"))
        if selection.empty:
            raise HTTPException(404, f"{url} names no trials=... or agents=..., so there is nothing to embed")
        if path in ("/embed/forest", "/forest.svg"):
            return _forest_embed(store, base, selection)
        return _compare_embed(store, base, selection)
    raise HTTPException(404, f"{url} is not an embeddable view: /embed/forest, /embed/compare, /embed/trial/{{id}}")


_OEMBED_RESPONSES = {
    404: {"description": "The URL is not one of this API's embeddable views, or the view is empty."},
    501: {"description": "A format other than json was asked."},
}
#: The tallest iframe an answer proposes: longer pages scroll inside it.
MAX_HEIGHT = 1200


@router.get("/oembed", responses=_OEMBED_RESPONSES)
def oembed(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    url: str = Query(..., description="An /embed/ page, or the /forest.svg, /compare or /trials/{id} it shows",
                     examples=["http://127.0.0.1:8000/embed/forest?trials=VISION,TheraP&endpoint=OS"]),
    format: str = Query("json", description="Only json is implemented"),
    maxwidth: int | None = Query(None, ge=1),
    maxheight: int | None = Query(None, ge=1),
) -> OEmbed:  # fmt: skip
    """oEmbed 1.0: a rich embed (an iframe of the matching /embed/ page) for a URL of this API."""
    if format != "json":
        raise HTTPException(501, f"format={format} is not implemented; ask for format=json")
    base = public_base(request, settings)
    parts = urlsplit(url)
    ours = {urlsplit(base).netloc, urlsplit(str(request.base_url)).netloc}
    if parts.scheme not in ("http", "https") or parts.netloc not in ours:
        raise HTTPException(404, f"{url} is not a page of this API ({base})")
    embed = _embed_of(store, base, url)
    width = min(embed.width, maxwidth or embed.width)
    height = min(embed.height, maxheight or embed.height, MAX_HEIGHT)
    html = (
        f'<iframe src="{escape(embed.src)}" width="{width}" height="{height}" title="{escape(embed.title)}" '
        f'style="border:0;max-width:100%" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox">'
        f"</iframe>"
    )
    return OEmbed(title=embed.title, provider_url=f"{base}/", html=html, width=width, height=height)
