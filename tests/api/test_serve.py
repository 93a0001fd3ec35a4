"""psmakg serve --workers 2: worker processes share the store read-only, and no writer may open it meanwhile."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_two_workers_serve_the_store_read_only_and_keep_writers_out(tmp_path):
    store = tmp_path / "store"
    psmakg = [sys.executable, "-m", "kg.cli"]
    subprocess.run([*psmakg, "ingest", str(ROOT / "data" / "demo" / "pubmed"), "--store", str(store)],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    port = free_port()
    server = subprocess.Popen([*psmakg, "serve", "--store", str(store), "--port", str(port), "--workers", "2"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        for _ in range(40):  # both workers answer, each from its own read-only open
            agent = httpx.get(f"{base}/agents/Pluvicto", timeout=30)
            assert agent.status_code == 200 and agent.json()["measurements"]
        refused = httpx.post(f"{base}/documents", content="A title\nMedian OS was 9 months.", timeout=30)
        assert refused.status_code == 403
        ingest = subprocess.run([*psmakg, "ingest", str(ROOT / "data" / "demo" / "text"), "--store", str(store)],
                                cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        assert ingest.returncode != 0 and "in use by another process" in ingest.stderr
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
