"""Exports for review tools: /publications.ris (the publications behind a view) and the comparison CSV."""

import csv
import io

from tests.kg.test_ris import parse


def test_ris_of_a_comparison_cites_every_publication_of_its_rows(http):
    params = {"trials": "VISION,TheraP", "endpoint": "rPFS"}
    response = http.get("/publications.ris", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-research-info-systems")
    assert "attachment" in response.headers["content-disposition"]
    records = [dict(r) for r in parse(response.text)]
    behind = {r["publication"] for r in http.get("/compare", params=params).json()["data"]}
    assert {r["ID"] for r in records} == behind
    vision = next(r for r in records if r["ID"] == "demo:001")
    publication = http.get("/publications/demo:001").json()
    assert (vision["TY"], vision["TI"], vision["JO"], vision["PY"], vision["DO"]) == (
        "JOUR", publication["title"], publication["journal"], publication["year"], publication["doi"])  # fmt: skip


def test_ris_by_document_ids_keeps_their_order(http):
    records = parse(http.get("/publications.ris", params={"ids": "demo:003,demo:001"}).text)
    assert [dict(r)["ID"] for r in records] == ["demo:003", "demo:001"]


def test_ris_errors_are_problem_documents(http):
    missing = http.get("/publications.ris", params={"ids": "demo:001,demo:999"})
    assert missing.status_code == 404 and "demo:999" in missing.json()["detail"]
    assert http.get("/publications.ris", params={"trials": "NOSUCHTRIAL"}).status_code == 404
    assert http.get("/publications.ris").status_code == 400


def test_comparison_csv_carries_the_publication_and_evidence_sentence_of_each_row(http):
    params = {"trials": "VISION", "endpoint": "OS"}
    table = list(csv.DictReader(io.StringIO(http.get("/compare", params={**params, "format": "csv"}).text)))
    rows = http.get("/compare", params=params).json()["data"]
    assert [(r["publication"], r["hr"], r["sentence"]) for r in table] == [
        (r["publication"], r["hr"], r["sentence"]) for r in rows
    ]
    assert any(r["hr"] == "0.62" and "hazard ratio for death, 0.62" in r["sentence"] for r in table)
