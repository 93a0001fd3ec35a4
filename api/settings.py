"""All settings of the API in one place, read from the environment (prefix PSMAKG_)."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the store is, who may write, who may embed us, and the limits of SPARQL."""

    model_config = SettingsConfigDict(env_prefix="PSMAKG_", frozen=True)

    store: str | None = None
    #: Open the store read-only (a static snapshot; write routes are off): set by ``psmakg serve --workers N``.
    read_only: bool = False
    api_token: str | None = None
    cors_origins: list[str] = []
    sparql_timeout_s: float = 10.0
    sparql_max_rows: int = 10_000
    sparql_allow_service: bool = False
    page_size: int = 50
