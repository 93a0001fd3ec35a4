"""One way to page every list route: ``offset`` and ``limit`` in, ``{data, count, offset, limit}`` and Link out.

``count`` is the total number of items that match, so a client knows how many pages there are;
the ``Link`` header (RFC 8288) names the ``next`` and ``prev`` pages when there are any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request, Response

from api.deps import SettingsDep

#: The largest page any list route answers.
MAX_LIMIT = 500

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    offset: int
    limit: int

    def of(self, items: list[T], request: Request, response: Response) -> dict:
        """The page's slice of ``items`` in the envelope, with a Link header to the neighbouring pages."""
        links = []
        if self.offset + self.limit < len(items):
            links.append(f'<{request.url.include_query_params(offset=self.offset + self.limit)}>; rel="next"')
        if self.offset > 0:
            previous = max(0, self.offset - self.limit)
            links.append(f'<{request.url.include_query_params(offset=previous)}>; rel="prev"')
        if links:
            response.headers["link"] = ", ".join(links)
        return {"data": items[self.offset : self.offset + self.limit], "count": len(items),
                "offset": self.offset, "limit": self.limit}  # fmt: skip


# async: FastAPI would run a plain def dependency in its thread pool, a hop per request for two integers.
async def page_params(
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0, description="how many items to skip")] = 0,
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="items per page (default 50)")] = None,
) -> Page:
    return Page(offset=offset, limit=min(limit or settings.page_size, MAX_LIMIT))


PageDep = Annotated[Page, Depends(page_params)]
