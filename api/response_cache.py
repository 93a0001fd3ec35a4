"""A bounded cache of whole answers, each valid for the version of the store it was computed from.

A read-only answer (a comparison table, the results of a SPARQL query) depends on the request and
on what the store holds. The cache keeps such answers, the least recently used going first, within
a number of entries and of bytes, and forgets all of them when the store's generation moves: every
write through the serving process does that (``POST /documents``), and a read-only snapshot
(``psmakg serve --workers N``) never moves.

>>> generation = [0]
>>> cache = ResponseCache(lambda: generation[0], max_entries=2, max_bytes=10_000)
>>> cache.put("a", Cached((), b"answer a"), cache.generation())
True
>>> cache.get("a").body
b'answer a'
>>> generation[0] += 1  # a write
>>> cache.get("a") is None
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

#: What an entry costs besides its key, headers and body (the objects that hold them), in bytes.
ENTRY_OVERHEAD = 200


@dataclass(frozen=True)
class Cached:
    """An answer as it is sent: its headers (raw ASGI pairs) and its body."""

    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes = b""

    def size(self, key: str) -> int:
        """The bytes this answer holds in the cache under ``key`` (approximately: Python objects cost a little more)."""
        return ENTRY_OVERHEAD + len(key) + len(self.body) + sum(len(n) + len(v) for n, v in self.headers)


class ResponseCache:
    """Answers by key, least recently used out first, within ``max_entries`` and ``max_bytes``; cleared on a write.

    ``generation`` returns the store's current generation (any value that changes on every write).
    An answer larger than a quarter of ``max_bytes`` is not kept: it would push out many smaller ones.
    ``max_entries=0`` keeps nothing.
    """

    def __init__(self, generation: Callable[[], Hashable], *, max_entries: int, max_bytes: int):
        self.generation = generation
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, Cached] = OrderedDict()
        self._bytes = 0
        self._seen: Hashable = None
        # Routes run on the event loop, but a lock keeps the bookkeeping whole if a thread ever uses the cache.
        self._lock = threading.Lock()

    def get(self, key: str) -> Cached | None:
        """The answer kept under ``key`` for the store as it is now, or None."""
        with self._lock:
            self._follow(self.generation())
            answer = self._entries.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, key: str, answer: Cached, generation: Hashable) -> bool:
        """Keep ``answer``, computed at ``generation`` (read before computing it); False when it is not kept.

        An answer computed across a write may hold data from before it, so it is dropped.
        """
        size = answer.size(key)
        with self._lock:
            now = self.generation()
            self._follow(now)
            if generation != now or self.max_entries == 0 or size > self.max_bytes // 4:
                return False
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous.size(key)
            self._entries[key] = answer
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                old_key, old = self._entries.popitem(last=False)
                self._bytes -= old.size(old_key)
            return True

    @property
    def entries(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        """The bytes the kept answers hold (as :meth:`Cached.size` counts them)."""
        return self._bytes

    def _follow(self, generation: Hashable) -> None:
        if generation != self._seen:  # the store was written: nothing kept is known to hold
            self._entries.clear()
            self._bytes = 0
            self._seen = generation
