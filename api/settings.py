"""All settings of the API in one place, read from the environment (prefix PSMAKG_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the store and the Neo4j mirror are, who may write, call or frame us, and the limits of queries."""

    model_config = SettingsConfigDict(env_prefix="PSMAKG_", frozen=True)

    store: str | None = None
    #: Open the store read-only (a static snapshot; write routes are off): set by ``psmakg serve --workers N``.
    read_only: bool = False
    api_token: str | None = None
    cors_origins: list[str] = []
    sparql_timeout_s: float = Field(10.0, gt=0)
    sparql_max_rows: int = Field(10_000, ge=1)
    sparql_allow_service: bool = False
    #: Processes that evaluate SPARQL; one that runs past the time limit is killed and replaced.
    sparql_workers: int = Field(2, ge=1)
    page_size: int = Field(50, ge=1)
    #: Keep answers of /compare, /sparql, /agents/{id} and /trials/{id} for repeated requests, until the next write.
    response_cache: bool = True
    response_cache_entries: int = Field(1_000, ge=0)
    response_cache_bytes: int = Field(64 * 1024 * 1024, ge=0)
    #: The Neo4j mirror that /cypher reads (``psmakg neo4j sync``); no URI, no /cypher.
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    cypher_timeout_s: float = Field(10.0, gt=0)
    cypher_max_rows: int = Field(1_000, ge=1)
    #: Who may frame the /embed/ pages: a CSP frame-ancestors source list ("*", "'self' https://review.example").
    embed_frame_ancestors: str = "*"
    #: The address clients reach the API at (behind a proxy), for the absolute URLs of oEmbed answers.
    public_url: str | None = None
