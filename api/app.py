"""The FastAPI application, built by a factory so that tests build their own over their own store."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.cache_middleware import CachedAnswers, url_key
from api.negotiation import entity_cache_key
from api.response_cache import ResponseCache
from api.routes import (
    agents,
    catalogue,
    citations,
    cypher,
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
from api.sparql_workers import InProcessSparql, SparqlWorkers
from kg import __version__
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
        app.state.neo4j = _neo4j_driver(settings)
        path = app.state.store.path
        app.state.sparql = SparqlWorkers(path, settings.sparql_workers) if path else InProcessSparql(app.state.store)
        app.state.sparql.start()
        # Any write moves one of two generations: the store's own, and that of the SPARQL workers' handles.
        # (Read through locals: app.state's attribute lookups cost microseconds, on every cached answer.)
        opened, workers = app.state.store, app.state.sparql
        app.state.response_cache.generation = lambda: (opened.generation, workers.generation)
        yield
        app.state.sparql.close()
        if app.state.neo4j is not None:
            app.state.neo4j.close()
        if store is None:
            app.state.store.close()

    app = FastAPI(
        title="psma-kg",
        version=__version__,
        summary="A literature knowledge graph of PSMA theranostics: agents, trials, endpoints and their evidence.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.response_cache = ResponseCache(
        lambda: None,  # until the store is open: see lifespan
        max_entries=settings.response_cache_entries if settings.response_cache else 0,
        max_bytes=settings.response_cache_bytes,
    )
    cached_routes = {("GET", "/compare"): url_key, ("GET", "/sparql"): sparql.cache_key,
                     ("POST", "/sparql"): sparql.cache_key, ("GET", "/agents/"): entity_cache_key,
                     ("GET", "/trials/"): entity_cache_key}  # fmt: skip
    app.add_middleware(CachedAnswers, cache=app.state.response_cache, keys=cached_routes)  # inside CORS: added first
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"])
    problems.install(app)
    routers = (health, agents, trials, catalogue, results, forest, embed, citations, sparql, cypher, graph, documents)
    for module in routers:
        app.include_router(module.router)
    web.install(app)
    return app


def _neo4j_driver(settings: Settings):
    """A driver for the Neo4j mirror when a URI is set (it connects on first use), else None."""
    if not settings.neo4j_uri:
        return None
    from neo4j import GraphDatabase

    auth = (settings.neo4j_user, settings.neo4j_password or "") if settings.neo4j_user else None
    return GraphDatabase.driver(settings.neo4j_uri, auth=auth)
