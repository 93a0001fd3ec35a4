"""/cypher against a real Neo4j server holding the demo graph (psmakg neo4j sync), through a real uvicorn server."""

import threading
import time

import httpx
import pytest
from neo4j import GraphDatabase

from api.app import create_app
from api.settings import Settings
from kg.neo4j_sync import sync_to_neo4j
from kg.vocab import PSMA
from tests.conftest import running_server

MAX_ROWS = 25
RUNAWAY = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n"


@pytest.fixture(scope="module")
def neo4j_driver(neo4j_server, demo_store):
    with GraphDatabase.driver(neo4j_server.uri, auth=None) as driver:
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        sync_to_neo4j(demo_store, neo4j_server.uri)
        yield driver
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")


@pytest.fixture(scope="module")
def cypher_http(neo4j_driver, neo4j_server, demo_store):
    settings = Settings(neo4j_uri=neo4j_server.uri, cypher_timeout_s=2, cypher_max_rows=MAX_ROWS)
    app = create_app(settings, store=demo_store)
    with running_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def cypher(client, query, **parameters):
    response = client.post("/cypher", json={"query": query, "parameters": parameters})
    assert response.status_code == 200, response.text
    return response.json()


def sparql_count(client, pattern: str) -> int:
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"
    return int(client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"])


LABELS = [("Publication", PSMA.Publication), ("Measurement", PSMA.Measurement), ("Evidence", PSMA.Evidence),
          ("ClinicalTrial", PSMA.ClinicalTrial)]  # fmt: skip


@pytest.mark.parametrize(("label", "cls"), LABELS)
def test_counts_equal_those_of_sparql(cypher_http, label, cls):
    by_cypher = cypher(cypher_http, f"MATCH (n:{label}) RETURN count(n) AS n")
    assert by_cypher["columns"] == ["n"] and by_cypher["truncated"] is False
    assert by_cypher["rows"] == [[sparql_count(cypher_http, f"?x a <{cls}>")]]
    assert by_cypher["rows"][0][0] > 0


def test_get_and_parameters_nodes_and_relationships(cypher_http):
    by_get = cypher_http.get("/cypher", params={"query": "MATCH (a:Agent {label: '177Lu-PSMA-617'}) RETURN a"}).json()
    (node,) = by_get["rows"][0]
    assert "Agent" in node["labels"] and node["properties"]["label"] == "177Lu-PSMA-617" and node["id"]
    hr_of = (
        "MATCH (:ClinicalTrial {label: $trial})<-[:IN_TRIAL]-(m:Measurement)-[:OF_ENDPOINT]->(:Endpoint {code: 'OS'}) "
        "WHERE m.ratio IS NOT NULL RETURN m.ratio AS hr"
    )
    hrs = cypher(cypher_http, hr_of, trial="VISION")
    assert hrs == {"columns": ["hr"], "rows": [[0.62]], "truncated": False}
    edge = cypher(cypher_http, "MATCH (m:Measurement)-[r:IN_TRIAL]->(t:ClinicalTrial) RETURN r, m, t LIMIT 1")
    relationship, start, end = edge["rows"][0]
    assert relationship["type"] == "IN_TRIAL"
    assert (relationship["start"], relationship["end"]) == (start["id"], end["id"])


def test_the_row_limit_truncates(cypher_http):
    cut = cypher(cypher_http, "UNWIND range(1, 1000) AS x RETURN x")
    assert cut["truncated"] is True and cut["rows"] == [[x] for x in range(1, MAX_ROWS + 1)]
    whole = cypher(cypher_http, f"UNWIND range(1, {MAX_ROWS}) AS x RETURN x")
    assert whole["truncated"] is False and len(whole["rows"]) == MAX_ROWS


@pytest.mark.parametrize("write", ["CREATE (:Resource {iri: 'urn:x'})", "MATCH (n:Agent) DETACH DELETE n",
                                   "MATCH (n:Agent) SET n.label = 'x'", "MERGE (n:Resource {iri: 'urn:x'})",
                                   "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
                                   "UNWIND [1] AS x FOREACH (y IN [x] | CREATE (:Resource))",
                                   "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"])  # fmt: skip
def test_writes_are_refused_before_they_are_sent(cypher_http, neo4j_driver, write):
    before = neo4j_driver.execute_query("MATCH (n) RETURN count(n)").records[0][0]
    response = cypher_http.post("/cypher", json={"query": write})
    assert response.status_code == 400 and response.headers["content-type"] == "application/problem+json"
    assert "read-only" in response.json()["detail"]
    assert neo4j_driver.execute_query("MATCH (n) RETURN count(n)").records[0][0] == before


def test_the_read_session_refuses_a_write_the_clause_check_misses(neo4j_driver, monkeypatch):
    import kg.neo4j_query as neo4j_query

    monkeypatch.setattr(neo4j_query, "refuse_writes", lambda query: None)
    with pytest.raises(neo4j_query.CypherWriteError, match="tried to write"):
        neo4j_query.read_query(neo4j_driver, "CREATE (:Resource {iri: 'urn:sneaky'})", timeout_s=5, max_rows=5)
    assert neo4j_driver.execute_query("MATCH (n {iri: 'urn:sneaky'}) RETURN count(n)").records[0][0] == 0


def test_a_runaway_query_is_stopped_while_the_server_serves_others(cypher_http):
    outcome = {}

    def runaway():
        started = time.perf_counter()
        outcome["response"] = cypher_http.get("/cypher", params={"query": RUNAWAY})
        outcome["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    assert cypher(cypher_http, "MATCH (t:ClinicalTrial {label: 'VISION'}) RETURN t.label AS t")["rows"] == [["VISION"]]
    assert cypher_http.get("/health").status_code == 200
    assert thread.is_alive()  # the runaway still runs: the answers above did not wait for it
    thread.join(timeout=60)
    response = outcome["response"]
    assert response.status_code == 408 and response.headers["content-type"] == "application/problem+json"
    assert "longer than 2 s" in response.json()["detail"]
    assert outcome["seconds"] < 10
    assert cypher(cypher_http, "RETURN 1 AS one")["rows"] == [[1]]


def test_syntax_errors_are_bad_requests(cypher_http):
    response = cypher_http.get("/cypher", params={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400 and "Cypher error" in response.json()["detail"]


def test_without_a_neo4j_uri_cypher_is_not_configured(http):
    response = http.get("/cypher", params={"query": "RETURN 1"})
    assert response.status_code == 404 and response.headers["content-type"] == "application/problem+json"
    assert "not configured" in response.json()["detail"] and "PSMAKG_NEO4J_URI" in response.json()["detail"]


def test_readme_cypher_example_answers_what_it_shows(cypher_http):
    import json
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    body = re.search(r"^curl -s http://127\.0\.0\.1:8000/cypher .* -d '(.+)'$", readme, re.M).group(1)
    answer = cypher_http.post("/cypher", json=json.loads(body)).json()
    assert answer["columns"] == ["hr", "t"] and answer["truncated"] is False
    ((hr, trial),) = answer["rows"]
    assert hr == 0.62 and "ClinicalTrial" in trial["labels"] and trial["properties"]["label"] == "VISION"


def test_a_mirror_that_does_not_answer_is_a_503(demo_store):
    from tests.conftest import free_port

    settings = Settings(neo4j_uri=f"bolt://127.0.0.1:{free_port()}")  # nothing listens there
    with running_server(create_app(settings, store=demo_store)) as url:
        response = httpx.get(f"{url}/cypher", params={"query": "RETURN 1"}, timeout=60)
    assert response.status_code == 503 and response.headers["content-type"] == "application/problem+json"
    assert "does not answer" in response.json()["detail"]
