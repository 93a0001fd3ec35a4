"""Fixtures shared by every test folder."""

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j Community server (kg.neo4j_server) for the whole session; ``.uri`` is its Bolt URI.

    Authentication is off: connect with ``GraphDatabase.driver(neo4j_server.uri, auth=None)``. The
    database is shared by every test that uses it, so a test cleans up what it writes or uses labels of
    its own. Skipped only where Java or Maven is missing; a launcher that does not build fails the test.
    """
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        message = f"the Neo4j server needs {' and '.join(missing)} on the PATH"
        if os.environ.get("CI"):
            pytest.fail(message + " (a Neo4j test skipped in CI is a failure)")
        pytest.skip(message)
    from kg.neo4j_server import Neo4jServer

    server = Neo4jServer(tmp_path_factory.mktemp("neo4j-server"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    """Every test writes to its own store, never the user's."""
    monkeypatch.setenv("PSMAKG_STORE", str(tmp_path / "store"))
    return tmp_path / "store"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The demo corpus (data/demo/pubmed) built into a store, once per session."""
    from ingest import IngestReport
    from kg.build import build_graph
    from kg.store import GraphStore

    store = GraphStore(tmp_path_factory.mktemp("api") / "store")
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    return store


@contextmanager
def running_server(app) -> Iterator[str]:
    """Serve ``app`` with a real uvicorn on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(demo_store):
    """A real uvicorn server over the demo store, on a free port of 127.0.0.1."""
    from api.app import create_app
    from api.settings import Settings

    settings = Settings(sparql_max_rows=500, sparql_timeout_s=5)
    with running_server(create_app(settings, store=demo_store)) as url:
        yield url
