"""SPARQL evaluated in worker processes that can be stopped, so the time limit holds before the first row too.

Oxigraph evaluates a query in native code that Python cannot interrupt: a query that groups or
sorts a large cross product computes for minutes before its first row. A thread running it could
be abandoned but not stopped, and would keep a core busy until the query ends by itself. So the
endpoint sends each query to one of a few worker processes holding a read-only handle of the store
(``pyoxigraph.Store.read_only``), which answer with the serialized result. A worker that passes the
time limit is killed (it only reads, so SIGKILL loses nothing) and replaced, and its core is free
at once.

A read-only handle sees the store as it was when it was opened, and Oxigraph leaves reading through
it while the store is being written undefined. The API's own writes therefore go through
:meth:`SparqlWorkers.writing`: it waits for the queries in flight and holds new ones back, and after
it every worker reopens its handle before its next query. A store in memory has no path to open
read-only; :class:`InProcessSparql` answers there, checking the time limit between rows only.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

from api.sparql_results import TooManyResults, answer


class Answer(NamedTuple):
    """The endpoint's answer: ``status`` 200 with ``media`` and ``body``, or an error status with ``detail``.

    It crosses the worker's pipe as a plain tuple: pickling a class (a dataclass or this one) costs ~10 µs
    more per query.
    """

    status: int
    media: str = ""
    body: bytes = b""
    detail: str = ""


#: What a worker says once it can take queries, and how long it may take to get there.
READY = "ready"
STARTUP_S = 60.0


class WorkerFailed(Exception):
    """A worker could not start."""


class QueryTimeout(Exception):
    """The query ran past the time limit and its worker was stopped."""


class WorkersBusy(Exception):
    """No worker was free before the time limit."""


def evaluate(run: Callable, query: str, accept: str, max_rows: int, deadline: float | None = None) -> Answer:
    """Run ``query`` with ``run`` and serialize what it returns; errors of the query become error answers."""
    try:
        media, body = answer(run(query), accept, max_rows, deadline)
    except SyntaxError as exc:
        return Answer(400, detail=f"SPARQL syntax error: {exc}")
    except TooManyResults as exc:
        return Answer(413, detail=str(exc))
    except OSError as exc:  # what Oxigraph raises when evaluation fails (a SERVICE call, a storage error)
        return Answer(500, detail=f"the query failed: {exc}")
    return Answer(200, media, body)


def _serve(connection, path: str) -> None:
    """A worker's loop: (generation, query, accept, max_rows) in, an Answer out, until the pipe closes."""
    import pyoxigraph

    connection.send(READY)
    store, opened = None, None
    while True:
        try:
            generation, query, accept, max_rows = connection.recv()
        except EOFError:
            return
        if generation != opened:
            try:
                store = pyoxigraph.Store.read_only(path)
            except OSError as exc:
                connection.send(tuple(Answer(500, detail=f"cannot open the store at {path} to read: {exc}")))
                continue
            opened = generation
            run = partial(store.query, use_default_graph_as_union=True)
        connection.send(tuple(evaluate(run, query, accept, max_rows)))


class _Worker:
    def __init__(self, context, path: str):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, path), name="psmakg-sparql", daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    async def wait_ready(self) -> None:
        """Wait for the worker's imports, which do not count in any query's time limit."""
        if self.ready:
            return
        try:
            if await _readable(self.connection, STARTUP_S) and self.connection.recv() == READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        raise WorkerFailed(f"a SPARQL worker did not start within {STARTUP_S} s (exit code {self.process.exitcode})")

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


async def _readable(connection, timeout_s: float) -> bool:
    """Wait on the event loop until ``connection`` has data (True) or ``timeout_s`` passes (False).

    The loop watches the pipe itself, so a query in flight holds no thread: waiting in the thread
    pool cost a hop each way, and 64 waiting requests would have needed 64 threads.
    """
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    descriptor = connection.fileno()
    loop.add_reader(descriptor, _resolve, ready, True)
    timer = loop.call_later(max(0.0, timeout_s), _resolve, ready, False)
    try:
        return await ready
    finally:
        timer.cancel()
        loop.remove_reader(descriptor)


def _resolve(future: asyncio.Future, value) -> None:
    if not future.done():
        future.set_result(value)


class SparqlWorkers:
    """Up to ``size`` worker processes over read-only handles of the store at ``path``, started when needed.

    Queries come from the event loop (:meth:`query` is a coroutine and never blocks it); writes come
    from a thread (:meth:`writing`), so the shared state is kept under one lock and a thread wakes a
    waiting query through the loop.
    """

    def __init__(self, path: str | Path, size: int = 2):
        self._context = multiprocessing.get_context("spawn")  # fork would copy the store's native threads' locks
        self._path = str(path)
        self._size = max(1, size)
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()
        self._state = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting_for_worker: deque[asyncio.Future] = deque()
        self._waiting_for_writer: list[asyncio.Future] = []
        self._readers = 0
        self._writer = False
        self._generation = 0
        self._closed = False

    def start(self) -> None:
        """Start every worker now (they import in the background), so that the first queries find them ready."""
        with self._state:
            while len(self._workers) < self._size and not self._closed:
                worker = _Worker(self._context, self._path)
                self._workers.add(worker)
                self._idle.append(worker)

    async def query(self, query: str, accept: str, *, max_rows: int, timeout_s: float) -> Answer:
        """Answer ``query`` or raise QueryTimeout when it runs longer than ``timeout_s``.

        Waiting for a free worker may take ``timeout_s`` more (then WorkersBusy); starting one is not counted.
        """
        self._loop = loop = asyncio.get_running_loop()
        waiting = loop.time() + timeout_s
        await self._enter(waiting)
        try:
            worker = await self._take(waiting)
            healthy = False
            try:
                try:
                    await worker.wait_ready()
                except WorkerFailed as exc:
                    return Answer(500, detail=str(exc))
                worker.connection.send((self._generation, query, accept, max_rows))
                if not await _readable(worker.connection, timeout_s):
                    raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")
                answer = Answer(*worker.connection.recv())
                healthy = True
                return answer
            except (EOFError, OSError) as exc:  # the worker died (killed from outside, out of memory)
                return Answer(500, detail=f"the SPARQL worker failed: {exc or 'it exited'}")
            finally:
                self._give_back(worker, healthy)
        finally:
            self._leave()

    @property
    def generation(self) -> int:
        """How many writes :meth:`writing` let through."""
        return self._generation

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold queries back while the store is written (from a thread); workers reopen their handles afterwards."""
        with self._state:
            while self._writer:
                self._state.wait()
            self._writer = True  # from here new queries wait, so a stream of them cannot starve the writer
            while self._readers:
                self._state.wait()
        try:
            yield
        finally:
            with self._state:
                self._generation += 1
                self._writer = False
                waiting, self._waiting_for_writer = self._waiting_for_writer, []
                self._state.notify_all()
            for future in waiting:
                self._loop.call_soon_threadsafe(_resolve, future, True)

    def close(self) -> None:
        """Stop every worker."""
        with self._state:
            self._closed = True
            workers, self._workers = self._workers, set()
            self._idle.clear()
        for worker in workers:
            worker.stop()

    async def _enter(self, deadline: float) -> None:
        """Count a reader in, once no write is under way (WorkersBusy when that takes until ``deadline``)."""
        while True:
            with self._state:
                if not self._writer:
                    self._readers += 1
                    return
                written = self._loop.create_future()
                self._waiting_for_writer.append(written)
            if await _until(written, deadline) is None:
                raise WorkersBusy("the store is being written; try again")

    def _leave(self) -> None:
        with self._state:
            self._readers -= 1
            if not self._readers:
                self._state.notify_all()

    async def _take(self, deadline: float) -> _Worker:
        """An idle worker, a new one while there are fewer than ``size``, else the next one given back."""
        with self._state:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                self._workers.discard(worker)  # died while idle (killed from outside, out of memory)
                worker.process.join()
                worker.connection.close()
            if len(self._workers) < self._size and not self._closed:
                worker = _Worker(self._context, self._path)
                self._workers.add(worker)
                return worker
            given = self._loop.create_future()
            self._waiting_for_worker.append(given)
        try:
            worker = await _until(given, deadline)  # None: the time ran out (_hand_on passes over this one then)
        except asyncio.CancelledError:  # the request was cancelled, maybe just after a worker was handed to it
            if given.done() and not given.cancelled() and given.result() is not None:
                self._hand_on(given.result())
            raise
        if worker is not None:
            return worker
        raise WorkersBusy(f"all {self._size} SPARQL workers are busy; try again")

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        if healthy and not self._closed:
            self._hand_on(worker)
            return
        worker.process.kill()  # stopped mid-query: its core is free at once
        # Reaping it and starting the replacement take milliseconds: not on the event loop.
        self._loop.run_in_executor(None, self._replace, worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._state:
            self._workers.discard(worker)
            if self._closed:
                return
            replacement = _Worker(self._context, self._path)  # started now, so a query waiting for one gets it
            self._workers.add(replacement)
        self._loop.call_soon_threadsafe(self._hand_on, replacement)

    def _hand_on(self, worker: _Worker) -> None:
        """Give ``worker`` to the query waiting longest for one, else to the idle ones (on the event loop)."""
        with self._state:
            while self._waiting_for_worker:
                waiting = self._waiting_for_worker.popleft()
                if not waiting.done():  # done: its time ran out, or its request was cancelled
                    waiting.set_result(worker)
                    return
            self._idle.append(worker)


async def _until(future: asyncio.Future, deadline: float):
    """The result of ``future``, or None when the loop time ``deadline`` comes first."""
    loop = asyncio.get_running_loop()
    timer = loop.call_later(max(0.0, deadline - loop.time()), _resolve, future, None)
    try:
        return await future
    finally:
        timer.cancel()


class InProcessSparql:
    """Queries on the server's own handle, for a store in memory: the time limit is checked between rows."""

    #: The server's own handle sees every write at once: only the store's generation counts.
    generation = 0

    def __init__(self, store):
        self._store = store

    async def query(self, query: str, accept: str, *, max_rows: int, timeout_s: float) -> Answer:
        deadline = time.monotonic() + timeout_s
        try:
            return await asyncio.to_thread(evaluate, self._store.query, query, accept, max_rows, deadline)
        except TimeoutError as exc:
            raise QueryTimeout(f"the query ran longer than {timeout_s:g} s") from exc

    def start(self) -> None:
        pass

    @contextmanager
    def writing(self) -> Iterator[None]:
        yield

    def close(self) -> None:
        pass
