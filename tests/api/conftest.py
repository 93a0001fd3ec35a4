import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.settings import Settings
from ingest import IngestReport
from kg.build import build_graph
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> GraphStore:
    store = GraphStore(tmp_path_factory.mktemp("api") / "store")
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    return store


@contextmanager
def serving(app) -> Iterator[str]:
    """Run ``app`` in a real uvicorn server on a free port of 127.0.0.1; yields its base URL."""
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
    with serving(create_app(Settings(sparql_max_rows=500, sparql_timeout_s=5), store=demo_store)) as url:
        yield url


@pytest.fixture
def http(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client
