"""The web explorer: the single page at ``/``, its own files under ``/static/`` and its libraries under ``/vendor/``.

The page is plain HTML, CSS and ES modules in ``web/static/``; its third-party libraries come from the npm
registry (``web/package-lock.json``, installed by ``scripts/setup-web.sh``) and are served by explicit file
paths, so nothing else in ``node_modules`` is reachable and the page needs no internet.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ontology import ONTOLOGY_DIR

WEB_DIR = Path(__file__).resolve().parents[2] / "web"
STATIC_DIR = WEB_DIR / "static"
NODE_MODULES = WEB_DIR / "node_modules"

#: The only library files the page loads, by the name it asks for under /vendor/.
VENDOR = {
    "codemirror.js": "codemirror/lib/codemirror.js",
    "codemirror.css": "codemirror/lib/codemirror.css",
    "sparql.js": "codemirror/mode/sparql/sparql.js",
    "cypher.js": "codemirror/mode/cypher/cypher.js",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}

router = APIRouter(tags=["web"], include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    """The single-page explorer (hash routes: #/agent/..., #/trial/..., #/compare, #/graph/..., #/sparql)."""
    page = STATIC_DIR / "index.html"
    if not page.is_file():
        raise HTTPException(404, f"the web explorer is not installed: {page} is missing")
    return FileResponse(page, headers={"Cache-Control": "no-cache"})


@router.get("/vendor/{name}")
def vendor(name: str) -> FileResponse:
    """One third-party library file of the page, from web/node_modules."""
    if name not in VENDOR:
        raise HTTPException(404, f"no library file {name!r}; the page uses {', '.join(sorted(VENDOR))}")
    path = NODE_MODULES / VENDOR[name]
    if not path.is_file():
        raise HTTPException(404, f"{path} is missing: run scripts/setup-web.sh")
    return FileResponse(path, headers={"Cache-Control": "no-cache"})


@router.get("/context.jsonld")
def context() -> FileResponse:
    """The JSON-LD context of the graph (its prefixes turn IRIs into CURIEs on the page)."""
    return FileResponse(ONTOLOGY_DIR / "context.jsonld", media_type="application/ld+json")


@router.get("/web/features")
def features(request: Request) -> dict:
    """What this server offers beyond the core routes, so the page shows only what works (no probing requests)."""
    # A Neo4j mirror is configured when the app holds a driver for it (the /cypher route answers 404 otherwise).
    return {"cypher": getattr(request.app.state, "neo4j", None) is not None}


def install(app: FastAPI) -> None:
    """Add the page's routes and its static files to ``app``."""
    app.include_router(router)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
