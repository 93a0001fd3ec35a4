"""Every route through HTTP against a real server over a store built from the demo corpus."""

import csv
import io
from urllib.parse import quote

import pytest


def test_health_and_stats(http, demo_store):
    assert http.get("/health").json() == {"status": "ok", "documents": len(demo_store.document_ids())}
    stats = http.get("/stats").json()
    assert stats["measurements"] > 100 and stats["evidence"] > 50 and stats["planned"] >= 1


def test_agent_by_brand_name_with_radionuclide_and_results(http):
    agent = http.get("/agents/Pluvicto").json()
    assert agent["id"] == "agent:lu177-psma-617"
    assert agent["radionuclide"]["label"] == "Lu-177"
    assert "beta-minus" in agent["radionuclide"]["emission"]
    assert agent["ligand"]["label"] == "PSMA-617"
    assert "trial:VISION" in agent["trials"]
    assert any(m["endpoint"] == "OS" and m["hr"] == "0.62" for m in agent["measurements"])


def test_agents_list_is_paginated_and_filtered(http):
    page = http.get("/agents", params={"modality": "BispecificAntibody", "limit": 2}).json()
    assert page["count"] >= 3 and len(page["data"]) == 2
    assert {a["modality"] for a in page["data"]} == {"BispecificAntibody"}


def test_trial_by_registry_id_with_per_arm_results(http):
    trial = http.get("/trials/NCT03511664").json()
    assert trial["id"] == "trial:VISION" and trial["phase"] == "3"
    os_rows = [r for r in trial["results"] if r["endpoint"] == "OS" and r["publication"] == "demo:001"]
    assert {r["value"] for r in os_rows} == {"15.3", "11.3"}
    assert "demo:001" in trial["publications"]


@pytest.mark.parametrize(("query", "expected"), [("pluvicto", "agent:lu177-psma-617"),
                                                 ("lu psma 617", "agent:lu177-psma-617"),
                                                 ("thera p", "trial:TheraP"), ("VISON", "trial:VISION")])  # fmt: skip
def test_search_is_prefix_and_typo_tolerant(http, query, expected):
    assert http.get("/search", params={"q": query}).json()["data"][0]["id"] == expected


def test_compare_as_json_and_csv(http):
    params = {"trials": "VISION,TheraP", "endpoint": "PSA50"}
    rows = http.get("/compare", params=params).json()["data"]
    assert rows and "TheraP" in {r["trial"] for r in rows}
    assert {r["endpoint"] for r in rows} == {"PSA50"} and {r["status"] for r in rows} == {"reported"}
    response = http.get("/compare", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == len(rows)


def test_measurements_filter_by_status(http):
    planned = http.get("/measurements", params={"status": "planned"}).json()
    assert planned["count"] >= 1 and {r["status"] for r in planned["data"]} == {"planned"}


def test_errors_are_problem_documents(http):
    response = http.get("/agents/not-an-agent")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "not-an-agent" in response.json()["detail"]
    assert http.get("/compare").status_code == 400


SELECT = (
    "SELECT ?l WHERE { ?a <https://w3id.org/psma-kg/ontology#hasRadionuclide> ?n . "
    "?n <https://w3id.org/psma-kg/ontology#emissionType> <https://w3id.org/psma-kg/ontology#Alpha> . "
    "?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?l"
)


def test_sparql_protocol_get_post_and_formats(http):
    by_get = http.get("/sparql", params={"query": SELECT}).json()
    labels = [b["l"]["value"] for b in by_get["results"]["bindings"]]
    assert "225Ac-PSMA-617" in labels
    by_post = http.post("/sparql", content=SELECT, headers={"content-type": "application/sparql-query"}).json()
    assert by_post == by_get
    by_form = http.post("/sparql", data={"query": SELECT}).json()
    assert by_form == by_get
    as_csv = http.get("/sparql", params={"query": SELECT}, headers={"accept": "text/csv"})
    assert as_csv.text.splitlines()[0] == "l" and "225Ac-PSMA-617" in as_csv.text
    as_xml = http.get("/sparql", params={"query": SELECT}, headers={"accept": "application/sparql-results+xml"})
    assert "<sparql" in as_xml.text
    turtle = http.get("/sparql", params={"query": "CONSTRUCT { ?a ?p ?o } WHERE { ?a ?p ?o } LIMIT 5"},
                      headers={"accept": "text/turtle"})  # fmt: skip
    assert turtle.headers["content-type"].startswith("text/turtle") and turtle.text.strip()


def test_sparql_refuses_updates_service_and_oversized_results(http):
    update = http.post("/sparql", content="DROP GRAPH <https://w3id.org/psma-kg/graph/ontology>",
                       headers={"content-type": "application/sparql-query"})  # fmt: skip
    assert update.status_code == 400 and "read-only" in update.json()["detail"]
    service = http.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/q> { ?s ?p ?o } }"})
    assert service.status_code == 400
    too_many = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert too_many.status_code == 413 and "LIMIT" in too_many.json()["detail"]
    assert http.get("/health").status_code == 200  # the server goes on serving


def test_openapi_document_has_every_route_with_a_response_model(http):
    spec = http.get("/openapi.json").json()
    assert {"/agents/{agent_id}", "/trials/{trial_id}", "/search", "/compare", "/sparql", "/stats"} <= set(
        spec["paths"]
    )


def test_post_documents_is_off_without_a_token(http):
    response = http.post("/documents", content="A title\nMedian OS was 15.3 months with 177Lu-PSMA-617.")
    assert response.status_code == 403 and "PSMAKG_API_TOKEN" in response.json()["detail"]


def test_entities_answer_json_ld_and_turtle_by_accept(http):
    from rdflib import Graph

    turtle = http.get("/agents/Pluvicto", headers={"accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert len(graph) > 5
    jsonld = http.get("/trials/VISION", headers={"accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) > 5


def test_graph_neighbourhood_path_and_exports(http):
    around = http.get("/graph/neighbourhood/trial:VISION").json()
    assert {"agent:lu177-psma-617", "endpoint:OS"} <= {n["id"] for n in around["nodes"]}
    assert all(edge["publications"] for edge in around["edges"])
    path = http.get("/graph/path", params={"from": "trial:VISION", "to": "trial:TheraP"}).json()
    assert path["hops"][0]["from"] == "trial:VISION" and path["hops"][-1]["to"] == "trial:TheraP"
    assert http.get("/graph/neighbourhood/agent:nothing").status_code == 404
    turtle = http.get("/export/turtle")
    assert turtle.headers["content-type"].startswith("text/turtle") and "@prefix" in turtle.text
    assert http.get("/export/csv").text.startswith("publication,trial,arm")
    assert http.get("/export/pdf").status_code == 422


def test_endpoints_and_publications(http):
    endpoints = {e["code"]: e for e in http.get("/endpoints", params={"limit": 500}).json()["data"]}
    assert endpoints["OS"]["measurements"] > 0 and "AE:dry mouth" in endpoints
    publication = http.get("/publications/demo:001").json()
    assert publication["year"] == "2021" and "trial:VISION" in publication["trials"]
    assert any(m["endpoint"] == "rPFS" for m in publication["measurements"])
    assert http.get("/publications/demo:999").status_code == 404


def test_a_publication_id_with_a_line_break_or_quote_is_not_found_not_a_server_error(http):
    # Found by schemathesis: the id went into a SPARQL string literal with only quotes and backslashes escaped.
    for odd in ("demo:001\n", 'demo:"001', "demo:\r001\\"):
        response = http.get(f"/publications/{quote(odd, safe='')}")
        assert response.status_code == 404 and response.headers["content-type"] == "application/problem+json"


def test_a_method_not_allowed_says_which_are(http):
    # Found by schemathesis: the problem handler dropped the Allow header that RFC 9110 requires on a 405.
    response = http.request("TRACE", "/health")
    assert response.status_code == 405 and response.headers["allow"] == "GET"
    assert response.headers["content-type"] == "application/problem+json"
    assert set(http.request("DELETE", "/sparql").headers["allow"].split(", ")) == {"GET", "POST"}


def test_a_subgroups_value_is_named_in_measurements_and_the_comparison_page(http):
    # the PSMA ADC phase 2 (NCT01695044) reports PSA50 in all treated men and in the chemotherapy-naive ones
    rows = http.get("/measurements", params={"trial": "NCT01695044", "endpoint": "PSA50"}).json()["data"]
    assert {(r["value"], r["subgroup"]) for r in rows} >= {("14", ""), ("21", "chemotherapy-naive")}
    page = http.get("/embed/compare", params={"trials": "NCT01695044", "endpoint": "PSA50"}).text
    assert "PSMA ADC, chemotherapy-naive" in page


def test_a_trial_the_ontology_does_not_know_has_its_page(http):
    # the PSMA ADC phase 2 is named only by its registry id in the text: the compare table links to its page
    trial = http.get("/trials/NCT01695044")
    assert trial.status_code == 200, trial.text
    body = trial.json()
    assert (body["id"], body["label"]) == ("trial:new/nct01695044", "NCT01695044")
    assert http.get("/graph/neighbourhood/trial:new/nct01695044").status_code == 200  # its "Open in the graph"
    assert {r["value"] for r in body["results"] if r["endpoint"] == "PSA50"} >= {"14", "21"}
    assert http.get("/embed/trial/NCT01695044").status_code == 200
    assert http.get("/trials/NCT99999999").status_code == 404


def test_a_value_not_reached_reads_so_in_the_trial_embed(http):
    # PSMAddition: the radiographic PFS median of the 177Lu-PSMA-617 arm was not reached
    page = http.get("/embed/trial/PSMAddition").text
    assert '<td class="num">not reached</td>' in page
