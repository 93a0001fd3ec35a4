"""The FastAPI application, built by a factory so that tests build their own over their own store."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.routes import agents, catalogue, documents, graph, health, results, sparql, trials
from api.settings import Settings
from kg.store import GraphStore


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """An app over ``store`` (default: the store named by the settings, opened at start-up)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = store or GraphStore(settings.store, read_only=settings.read_only)
        # Build the lexicon, the search index and the per-store tables now, not on the first request.
        from kg.queries import prepare, search

        search("warm-up")
        prepare(app.state.store)
        yield
        if store is None:
            app.state.store.close()

    app = FastAPI(
        title="psma-kg",
        version="0.1.0",
        summary="A literature knowledge graph of PSMA theranostics: agents, trials, endpoints and their evidence.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"])
    problems.install(app)
    for module in (health, agents, trials, catalogue, results, sparql, graph, documents):
        app.include_router(module.router)
    return app
