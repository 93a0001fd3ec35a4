"""The SPARQL time limit stops a query that computes long before its first row, and frees its core."""

import multiprocessing
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from kg.store import GraphStore
from tests.conftest import running_server

# Grouping a cross product of every triple with every other (and again) yields no row before it is all computed:
# hours of work on the demo store.
RUNAWAY = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"
COUNT_PUBLICATIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/psma-kg/ontology#Publication> }"


@pytest.fixture(scope="module")
def limited_http(demo_store):
    settings = Settings(sparql_timeout_s=2, sparql_workers=2)
    app = create_app(settings, store=demo_store)
    with running_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def count(client, query=COUNT_PUBLICATIONS) -> int:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def cpu_seconds(pids) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):  # gone before or while its stat was read: computes nothing
            continue
        total += (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks
    return total


def test_a_query_long_before_its_first_row_is_stopped_and_others_are_answered(limited_http, demo_store):
    outcome = {}

    def runaway():
        started = time.perf_counter()
        outcome["response"] = limited_http.get("/sparql", params={"query": RUNAWAY})
        outcome["seconds"] = time.perf_counter() - started

    expected = count(limited_http)
    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    assert limited_http.get("/health").status_code == 200
    assert count(limited_http) == expected  # the other worker answers meanwhile
    assert thread.is_alive()  # the runaway still runs: the answers above did not wait for it
    thread.join(timeout=30)
    response = outcome["response"]
    assert response.status_code == 408 and response.headers["content-type"] == "application/problem+json"
    assert "longer than 2 s" in response.json()["detail"]
    assert outcome["seconds"] < 6
    assert count(limited_http) == expected  # and after


def test_a_stopped_query_leaves_no_process_computing(limited_http):
    assert limited_http.get("/sparql", params={"query": RUNAWAY}).status_code == 408
    children = [p.pid for p in multiprocessing.active_children()]
    before = cpu_seconds(children)
    time.sleep(1.0)
    assert cpu_seconds(children) - before < 0.2


def test_queries_see_documents_posted_after_the_workers_opened_the_store(tmp_path):
    store = GraphStore(tmp_path / "s")
    app = create_app(Settings(api_token="t0ken"), store=store)
    text = "A new trial\nMedian overall survival was 15.3 months with 177Lu-PSMA-617 (HR 0.62, 95% CI 0.52-0.74)."
    with TestClient(app) as client:
        assert count(client) == 0
        assert client.post("/documents", content=text, headers={"authorization": "Bearer t0ken"}).status_code == 201
        assert count(client) == 1


def test_a_worker_that_died_while_idle_is_replaced_unnoticed(limited_http):
    expected = count(limited_http)
    for worker in multiprocessing.active_children():  # the server's SPARQL workers (it runs in this process)
        worker.kill()
        worker.join()
    assert count(limited_http) == expected
    assert count(limited_http) == expected
