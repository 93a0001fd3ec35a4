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

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path


@dataclass(frozen=True)
class Answer:
    """The endpoint's answer: ``status`` 200 with ``media`` and ``body``, or an error status with ``detail``."""

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
    from api.sparql_results import TooManyResults, answer

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

    import api.sparql_results  # noqa: F401 - imported before "ready", so that no query waits for it

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
                connection.send(Answer(500, detail=f"cannot open the store at {path} to read: {exc}"))
                continue
            opened = generation
        connection.send(evaluate(partial(store.query, use_default_graph_as_union=True), query, accept, max_rows))


class _Worker:
    def __init__(self, context, path: str):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, path), name="psmakg-sparql", daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the worker's imports, which do not count in any query's time limit."""
        if self.ready:
            return
        try:
            if self.connection.poll(STARTUP_S) and self.connection.recv() == READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        raise WorkerFailed(f"a SPARQL worker did not start within {STARTUP_S} s (exit code {self.process.exitcode})")

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class SparqlWorkers:
    """Up to ``size`` worker processes over read-only handles of the store at ``path``, started when needed."""

    def __init__(self, path: str | Path, size: int = 2):
        self._context = multiprocessing.get_context("spawn")  # fork would copy the store's native threads' locks
        self._path = str(path)
        self._size = max(1, size)
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._workers: set[_Worker] = set()
        self._state = threading.Condition()
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
                self._idle.put(worker)

    def query(self, query: str, accept: str, *, max_rows: int, timeout_s: float) -> Answer:
        """Answer ``query`` or raise QueryTimeout when it runs longer than ``timeout_s``.

        Waiting for a free worker may take ``timeout_s`` more (then WorkersBusy); starting one is not counted.
        """
        waiting = time.monotonic() + timeout_s
        with self._reading(waiting):
            worker = self._take(waiting)
            try:
                worker.wait_ready()
            except WorkerFailed as exc:
                self._give_back(worker, healthy=False)
                return Answer(500, detail=str(exc))
            deadline = time.monotonic() + timeout_s
            healthy = False
            try:
                worker.connection.send((self._generation, query, accept, max_rows))
                if not worker.connection.poll(max(0.0, deadline - time.monotonic())):
                    raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")
                answer = worker.connection.recv()
                healthy = True
                return answer
            except (EOFError, OSError) as exc:  # the worker died (killed from outside, out of memory)
                return Answer(500, detail=f"the SPARQL worker failed: {exc or 'it exited'}")
            finally:
                self._give_back(worker, healthy)

    @property
    def generation(self) -> int:
        """How many writes :meth:`writing` let through."""
        return self._generation

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold queries back while the store is written; workers reopen their handles afterwards."""
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
                self._state.notify_all()

    def close(self) -> None:
        """Stop every worker."""
        with self._state:
            self._closed = True
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.stop()

    @contextmanager
    def _reading(self, deadline: float) -> Iterator[None]:
        with self._state:
            while self._writer:
                if not self._state.wait(max(0.0, deadline - time.monotonic())):
                    raise WorkersBusy("the store is being written; try again")
            self._readers += 1
        try:
            yield
        finally:
            with self._state:
                self._readers -= 1
                self._state.notify_all()

    def _take(self, deadline: float) -> _Worker:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            if worker.process.is_alive():
                return worker
            self._forget(worker)  # died while idle (killed from outside, out of memory): never hand it a query
        with self._state:
            if len(self._workers) < self._size and not self._closed:
                worker = _Worker(self._context, self._path)
                self._workers.add(worker)
                return worker
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise WorkersBusy(f"all {self._size} SPARQL workers are busy; try again") from None

    def _forget(self, worker: _Worker) -> None:
        worker.stop()
        with self._state:
            self._workers.discard(worker)

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        if healthy and not self._closed:
            self._idle.put(worker)
            return
        worker.stop()  # stopped mid-query: its core is free at once
        with self._state:
            self._workers.discard(worker)
            if self._closed:
                return
            replacement = _Worker(self._context, self._path)  # started now, so a query waiting for one gets it
            self._workers.add(replacement)
        self._idle.put(replacement)


class InProcessSparql:
    """Queries on the server's own handle, for a store in memory: the time limit is checked between rows."""

    #: The server's own handle sees every write at once: only the store's generation counts.
    generation = 0

    def __init__(self, store):
        self._store = store

    def query(self, query: str, accept: str, *, max_rows: int, timeout_s: float) -> Answer:
        try:
            return evaluate(self._store.query, query, accept, max_rows, time.monotonic() + timeout_s)
        except TimeoutError as exc:
            raise QueryTimeout(f"the query ran longer than {timeout_s:g} s") from exc

    def start(self) -> None:
        pass

    @contextmanager
    def writing(self) -> Iterator[None]:
        yield

    def close(self) -> None:
        pass
