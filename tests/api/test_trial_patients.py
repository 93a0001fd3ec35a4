"""A trial's patients (N) as each publication about it states them: psma:mainTrial and psma:studyPatients."""


def test_trial_lists_the_patients_each_publication_states(http):
    vision = http.get("/trials/VISION").json()
    assert vision["enrolled"] == [{"publication": "demo:001", "patients": 831}]
    therap = http.get("/trials/TheraP").json()
    # 291 men were screened and enrolled, 200 randomized: each publication keeps its own number
    assert {(e["publication"], e["patients"]) for e in therap["enrolled"]} >= {("demo:002", 291), ("demo:003", 200)}


def test_patients_belong_to_the_main_trial_only(http):
    query = """PREFIX psma: <https://w3id.org/psma-kg/ontology#>
    SELECT ?p WHERE { ?p psma:studyPatients ?n FILTER NOT EXISTS { ?p psma:mainTrial ?t } }"""
    answer = http.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["results"]["bindings"] == []
    query = """PREFIX psma: <https://w3id.org/psma-kg/ontology#>
    SELECT ?p WHERE { ?p psma:mainTrial ?t FILTER NOT EXISTS { ?p psma:reportsTrial ?t } }"""
    answer = http.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["results"]["bindings"] == []
