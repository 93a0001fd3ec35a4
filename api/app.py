"""The FastAPI application, built by a factory so that tests build their own over their own store."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.routes import (
    agents,
    catalogue,
    citations,
    documents,
    embed,
    forest,
    graph,
    health,
    results,
    sparql,
    trials,
    web,
)
from api.settings import Settings
from kg.store import GraphStore


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """An app over ``store`` (default: the store named by the settings, opened at start-up)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = store or GraphStore(settings.store)
        # Build the lexicon and search index now, not on the first request.
        from kg.queries import search

        search("warm-up")
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
    for module in (health, agents, trials, catalogue, results, forest, embed, citations, sparql, graph, documents):
        app.include_router(module.router)
    web.install(app)
    return app
