"""Dependencies of the routes, as Annotated aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request

from api.settings import Settings
from kg.queries import compare
from kg.store import GraphStore


# async: FastAPI would run a plain def dependency in its thread pool, a hop per request for an attribute read.
async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Selection:
    """The trials or agents and the endpoint a comparison view shows (the parameters of /compare)."""

    trials: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    endpoint: str | None = None

    @classmethod
    def parse(cls, trials: str | None, agents: str | None, endpoint: str | None) -> Selection:
        """A selection from the comma-separated query parameters."""
        return cls(trials=split_names(trials), agents=split_names(agents), endpoint=(endpoint or "").strip() or None)

    @property
    def empty(self) -> bool:
        return not self.trials and not self.agents

    def rows(self, store: GraphStore) -> list[dict]:
        """The comparison table of the selection: reported results only."""
        return compare(store, trials=list(self.trials), agents=list(self.agents), endpoint=self.endpoint)

    def query(self) -> str:
        """The selection as a query string (``trials=VISION%2CTheraP&endpoint=OS``)."""
        pairs = {"trials": ",".join(self.trials), "agents": ",".join(self.agents), "endpoint": self.endpoint or ""}
        return urlencode({k: v for k, v in pairs.items() if v}, safe=",")

    def describe(self) -> str:
        """The selection in words, for titles and error messages."""
        names = ", ".join((*self.trials, *self.agents))
        return f"{self.endpoint} in {names}" if self.endpoint else names


def split_names(text: str | None) -> tuple[str, ...]:
    """Comma-separated names, stripped, without blanks or repeats."""
    return tuple(dict.fromkeys(t.strip() for t in (text or "").split(",") if t.strip()))


async def get_selection(
    trials: str | None = Query(None, description="Comma-separated trial names", examples=["VISION,TheraP"]),
    agents: str | None = Query(None, description="Comma-separated agent names", examples=["177Lu-PSMA-617"]),
    endpoint: str | None = Query(None, description="An endpoint code or label", examples=["OS"]),
) -> Selection:
    selection = Selection.parse(trials, agents, endpoint)
    if selection.empty:
        raise HTTPException(400, "give trials=... or agents=... (comma-separated names)")
    return selection


SelectionDep = Annotated[Selection, Depends(get_selection)]
