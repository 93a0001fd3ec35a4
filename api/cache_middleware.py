"""Repeated read-only requests answered from the response cache, before routing, with ETags and 304s.

A route opts in by a key function: ``key(scope, body) -> str | None`` names everything its answer
depends on besides the store (the URL, the negotiated media type, ...), or None to leave a request
alone. Routes are named by method and path; a path ending in ``/`` names every path one segment
below it (``/agents/`` for ``/agents/{id}``). A successful (200) answer is kept under that key for
the store's current generation and sent again, byte for byte, to the next request with the same key,
without FastAPI's routing, parameter parsing and validation, which cost more than most answers
themselves. Every answer of such a route carries a strong ETag (a hash of its body), and a request
whose ``If-None-Match`` names it gets a 304 with no body, whether the answer was kept or computed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.response_cache import Cached, ResponseCache

KeyFunction = Callable[[Scope, bytes], "str | None"]

#: A POST body is read for its key only up to this size (SPARQL queries are far smaller); larger ones pass by.
MAX_KEY_BODY = 64 * 1024
#: The headers a 304 repeats (RFC 9110, 15.4.5).
_NOT_MODIFIED_HEADERS = {b"etag", b"vary", b"cache-control", b"content-location", b"expires"}


def header(scope: Scope, name: bytes) -> str:
    """The first value of the request header ``name`` (lower case), or ''."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return ""


def url_key(scope: Scope, body: bytes) -> str:
    """The URL as the client sent it (host and query string as they came): the key of answers that depend on it only."""
    query = scope.get("query_string", b"").decode("latin-1")
    path = scope.get("root_path", "") + scope["path"]
    return f"{scope.get('scheme', 'http')}://{header(scope, b'host')}{path}?{query}"


def etag_of(body: bytes) -> bytes:
    """A strong entity tag for ``body``: 128 bits of its SHA-256 (OpenSSL's runs ~3x faster here than BLAKE2)."""
    return b'"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'


def matches(if_none_match: str, etag: bytes) -> bool:
    """True when an If-None-Match header names ``etag`` (weak comparison, as RFC 9110 asks for it) or is ``*``."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag.decode() in tags


class CachedAnswers:
    """ASGI middleware: answers of the routes named in ``keys`` ((method, path) -> key function) from ``cache``."""

    def __init__(self, app: ASGIApp, cache: ResponseCache, keys: dict[tuple[str, str], KeyFunction]):
        self.app = app
        self.cache = cache
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key_of = None
        if scope["type"] == "http":
            method, path = scope["method"], scope["path"]
            key_of = self.keys.get((method, path)) or self.keys.get((method, path[: path.rfind("/") + 1]))
        if key_of is None:
            await self.app(scope, receive, send)
            return
        body: bytes | None = b""
        if scope["method"] == "POST":
            length = header(scope, b"content-length")
            if not length.isdigit() or int(length) > MAX_KEY_BODY:
                await self.app(scope, receive, send)
                return
            body, receive = await _read_body(receive)
        key = None if body is None else key_of(scope, body)
        if key is None:
            await self.app(scope, receive, send)
            return
        generation = self.cache.generation()  # before computing: an answer computed across a write is not kept
        cached = self.cache.get(key)
        if cached is None:
            cached = await self._compute(scope, receive, send)
            if cached is None:  # not a 200: already sent as it was
                return
            self.cache.put(key, cached, generation)
        await _send(scope, send, cached)

    async def _compute(self, scope: Scope, receive: Receive, send: Send) -> Cached | None:
        """Run the route; a 200 answer is returned whole (with its ETag) rather than sent, anything else is sent."""
        start: Message | None = None
        passing = False  # not a 200: every message goes to the client as it comes
        chunks: list[bytes] = []
        done = False

        async def capture(message: Message) -> None:
            nonlocal start, passing, done
            if passing or done:
                await send(message)
            elif start is None:
                if message["type"] == "http.response.start" and message["status"] == 200:
                    start = message
                else:
                    passing = True
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                done = not message.get("more_body", False)

        await self.app(scope, receive, capture)
        if start is not None and not done:  # the route ended mid-answer: pass on what it sent, keep nothing
            await send(start)
            await send({"type": "http.response.body", "body": b"".join(chunks)})
        if start is None or not done:
            return None
        body = b"".join(chunks)
        etag = etag_of(body)
        headers = (*((n, v) for n, v in start.get("headers", ()) if n.lower() != b"etag"), (b"etag", etag))
        return Cached(headers, body, etag)


async def _send(scope: Scope, send: Send, cached: Cached) -> None:
    if_none_match = header(scope, b"if-none-match")
    if if_none_match and matches(if_none_match, cached.etag):
        headers = [(n, v) for n, v in cached.headers if n.lower() in _NOT_MODIFIED_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": list(cached.headers)})
    await send({"type": "http.response.body", "body": cached.body})


async def _read_body(receive: Receive) -> tuple[bytes | None, Receive]:
    """The whole request body (None when the client left), and a receive that gives the app the same messages."""
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return None, _replay(messages, receive)
        if not message.get("more_body", False):
            return b"".join(m.get("body", b"") for m in messages), _replay(messages, receive)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    async def replayed() -> Message:
        return messages.pop(0) if messages else await receive()

    return replayed
