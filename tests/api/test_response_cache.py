"""Kept answers (/compare, /sparql, entities): the same bytes as computed ones, gone after a write, bounded, ETags."""

import httpx
import pytest

from api.app import create_app
from api.response_cache import Cached, ResponseCache
from api.settings import Settings
from kg.store import GraphStore
from tests.conftest import running_server

SELECT = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX psma: <https://w3id.org/psma-kg/ontology#> "
    "SELECT ?agent ?label WHERE { ?agent psma:hasRadionuclide ?n ; skos:prefLabel ?label } ORDER BY ?label LIMIT 7"
)
CONSTRUCT = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "CONSTRUCT { ?t skos:prefLabel ?l } WHERE { ?t a <https://w3id.org/psma-kg/ontology#ClinicalTrial> ; "
    "skos:prefLabel ?l } ORDER BY ?l LIMIT 5"
)
COUNT_PUBLICATIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/psma-kg/ontology#Publication> }"
#: (method, path, httpx keyword arguments): each answer the cache keeps.
REQUESTS = {
    "compare": ("GET", "/compare", {"params": {"trials": "VISION,TheraP", "endpoint": "OS"}}),
    "compare page": ("GET", "/compare", {"params": {"trials": "VISION,TheraP,PSMAfore", "limit": 3, "offset": 3}}),
    "compare csv": ("GET", "/compare", {"params": {"agents": "177Lu-PSMA-617", "format": "csv"}}),
    "select": ("GET", "/sparql", {"params": {"query": SELECT}}),
    "select csv": ("GET", "/sparql", {"params": {"query": SELECT}, "headers": {"accept": "text/csv"}}),
    "construct": ("GET", "/sparql", {"params": {"query": CONSTRUCT}, "headers": {"accept": "application/n-triples"}}),
    "post query": ("POST", "/sparql", {"content": SELECT, "headers": {"content-type": "application/sparql-query"}}),
    "post form": (
        "POST",
        "/sparql",
        {"data": {"query": SELECT}, "headers": {"accept": "application/sparql-results+xml"}},
    ),
    "agent": ("GET", "/agents/Pluvicto", {}),
    "trial": ("GET", "/trials/VISION", {}),
    "trial turtle": ("GET", "/trials/VISION", {"headers": {"accept": "text/turtle"}}),
}


@pytest.fixture(scope="module")
def servers(demo_store):
    """The demo store behind a server that keeps answers ("cached") and one that does not ("plain")."""
    cached = create_app(Settings(sparql_max_rows=500), store=demo_store)
    plain = create_app(Settings(sparql_max_rows=500, response_cache=False), store=demo_store)
    with (
        running_server(cached) as cached_url,
        running_server(plain) as plain_url,
        httpx.Client(base_url=cached_url, timeout=60) as to_cached,
        httpx.Client(base_url=plain_url, timeout=60) as to_plain,
    ):
        yield {"cached": (cached, to_cached), "plain": (plain, to_plain)}


def _comparable(response: httpx.Response, base_url) -> tuple:
    link = response.headers.get("link", "").replace(str(base_url).rstrip("/"), "BASE")
    return response.status_code, response.headers["content-type"], response.headers["etag"], link, response.content


@pytest.mark.parametrize("name", REQUESTS)
def test_a_kept_answer_is_the_computed_one(servers, name):
    method, path, arguments = REQUESTS[name]
    app, cached = servers["cached"]
    _, plain = servers["plain"]
    computed = plain.request(method, path, **arguments)
    assert computed.status_code == 200, computed.text
    first = cached.request(method, path, **arguments)
    hits = app.state.response_cache.hits
    again = cached.request(method, path, **arguments)
    assert app.state.response_cache.hits == hits + 1  # the second answer came from the cache
    assert _comparable(first, cached.base_url) == _comparable(again, cached.base_url)
    assert _comparable(again, cached.base_url) == _comparable(computed, plain.base_url)
    if name == "compare page":
        assert 'rel="next"' in again.headers["link"] and 'rel="prev"' in again.headers["link"]


@pytest.mark.parametrize("server", ["cached", "plain"])
def test_a_matching_if_none_match_gets_a_304_with_or_without_the_cache(servers, server):
    _, client = servers[server]
    url = "/compare?trials=VISION,TheraP&endpoint=rPFS"
    etag = client.get(url).headers["etag"]
    for tag in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = client.get(url, headers={"if-none-match": tag})
        assert response.status_code == 304 and response.content == b"" and response.headers["etag"] == etag
    changed = client.get(url, headers={"if-none-match": '"something else"'})
    assert changed.status_code == 200 and changed.json()["count"] >= 1


def test_sparql_answers_in_other_media_types_have_other_etags(servers):
    _, client = servers["cached"]
    as_json = client.get("/sparql", params={"query": SELECT})
    as_csv = client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/csv"})
    assert as_json.headers["etag"] != as_csv.headers["etag"] and as_csv.text.startswith("agent,label")
    assert as_json.headers["vary"] == "accept"
    headers = {"accept": "text/csv", "if-none-match": as_json.headers["etag"]}
    revalidated = client.get("/sparql", params={"query": SELECT}, headers=headers)
    assert revalidated.status_code == 200 and revalidated.text == as_csv.text


def test_errors_are_not_kept(servers):
    app, client = servers["cached"]
    entries = app.state.response_cache.entries
    for _ in range(2):
        assert client.get("/sparql", params={"query": "SELECT nonsense"}).status_code == 400
        assert client.get("/compare", params={"endpoint": "OS"}).status_code == 400
    assert app.state.response_cache.entries == entries


def test_a_posted_document_shows_in_answers_that_were_kept(tmp_path):
    app = create_app(Settings(api_token="t0ken", sparql_workers=1), store=GraphStore(tmp_path / "s"))
    text = "VISION update\nIn VISION, median overall survival was 15.3 months with 177Lu-PSMA-617 (HR 0.62)."
    with running_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:

        def answers() -> list[httpx.Response]:
            return [client.get("/compare", params={"trials": "VISION", "endpoint": "OS"}),
                    client.get("/sparql", params={"query": COUNT_PUBLICATIONS}),
                    client.get("/agents/Pluvicto")]  # fmt: skip

        before = answers()
        assert before[0].json()["count"] == 0 and before[1].json()["results"]["bindings"][0]["n"]["value"] == "0"
        assert before[2].json()["measurements"] == []
        hits = app.state.response_cache.hits
        assert [r.content for r in answers()] == [r.content for r in before]
        assert app.state.response_cache.hits == hits + 3  # all were kept
        posted = client.post("/documents", content=text, headers={"authorization": "Bearer t0ken"})
        assert posted.status_code == 201, posted.text
        after = answers()
        assert after[0].json()["count"] >= 1 and after[1].json()["results"]["bindings"][0]["n"]["value"] == "1"
        assert any(m["hr"] == "0.62" for m in after[2].json()["measurements"])
        assert after[0].headers["etag"] != before[0].headers["etag"]
        stale = client.get("/compare", params={"trials": "VISION", "endpoint": "OS"},
                           headers={"if-none-match": before[0].headers["etag"]})  # fmt: skip
        assert stale.status_code == 200 and stale.json()["count"] >= 1


def test_the_cache_stays_within_its_entries_and_bytes(demo_store):
    settings = Settings(sparql_workers=1, response_cache_entries=4, response_cache_bytes=60_000)
    app = create_app(settings, store=demo_store)
    cache = app.state.response_cache
    with running_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        queries = [f"SELECT ?s WHERE {{ ?s ?p ?o }} ORDER BY ?s LIMIT {n}" for n in range(1, 9)]
        for query in queries:
            assert client.get("/sparql", params={"query": query}).status_code == 200
            assert cache.entries <= 4 and cache.bytes <= 60_000
        assert cache.entries == 4
        hits = cache.hits
        client.get("/sparql", params={"query": queries[-1]})  # among the four most recent: kept
        client.get("/sparql", params={"query": queries[0]})  # the least recently used: gone
        assert cache.hits == hits + 1
        # Three comparisons of about 10 kB fit; a CSV of about 23 kB is more than a quarter of 60 kB and is not kept.
        for trial in ("VISION", "TheraP", "SPLASH", "PSMAfore"):
            client.get("/compare", params={"trials": trial})
            assert cache.entries <= 4 and cache.bytes <= 60_000
        big = {"agents": "177Lu-PSMA-617", "format": "csv"}
        assert len(client.get("/compare", params=big).content) > 15_000
        hits = cache.hits
        assert client.get("/compare", params=big).status_code == 200
        assert cache.hits == hits and cache.bytes <= 60_000


def test_an_answer_computed_across_a_write_is_not_kept():
    generation = [0]
    cache = ResponseCache(lambda: generation[0], max_entries=10, max_bytes=10_000)
    read_at = cache.generation()
    generation[0] += 1  # a write lands while the answer is computed from the store as it was
    assert not cache.put("q", Cached((), b"old answer"), read_at)
    assert cache.get("q") is None
    assert cache.put("q", Cached((), b"new answer"), cache.generation())
    assert cache.get("q").body == b"new answer"
