"""Every query of docs/sparql-examples.md runs on the real server and returns what its page says."""

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "sparql-examples.md"
EXAMPLES = dict(re.findall(r"^## (.+?)\n.*?```sparql\n(.*?)```", PAGE.read_text(), re.S | re.M))


def select(http, query: str) -> list[dict[str, str]]:
    response = http.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_the_page_has_the_examples_we_check():
    assert set(EXAMPLES) == set(CHECKS)


def agents_by_emission(rows):
    assert {"225Ac-PSMA-617", "213Bi-PSMA-617", "227Th-PSMA-TTC"} <= {r["label"] for r in rows}


def emission_counts(rows):
    counts = {r["emission"]: int(r["agents"]) for r in rows}
    assert {"alpha", "beta-minus", "gamma", "positron"} <= set(counts) and min(counts.values()) >= 1


def os_hr_below(rows):
    assert [(r["trial"], r["hr"], r["low"], r["high"]) for r in rows] == [("VISION", "0.62", "0.52", "0.74")]


def evidence_of_one_measurement(rows):
    (row,) = rows
    assert (row["hr"], row["document"], row["start"], row["end"]) == ("0.62", "demo:001", "1407", "1534")
    assert "hazard ratio for death, 0.62" in row["sentence"] and row["extractor"] == "psma-kg-rules"


def subgroup_results(rows):
    found = {(r.get("trial"), r["arm"], r["subgroup"], r["endpoint"], r.get("value")) for r in rows}
    assert ("NCT01695044", "PSMA ADC", "chemotherapy-naive", "PSA50", "21") in found
    assert all(r["subgroup"] for r in rows)


CHECKS = {
    "Agents by emission type": agents_by_emission,
    "How many agents carry each emission type": emission_counts,
    "Trials with an overall-survival hazard ratio below 0.7": os_hr_below,
    "All evidence for one measurement": evidence_of_one_measurement,
    "Results reported for a subgroup": subgroup_results,
}


@pytest.mark.parametrize("title", sorted(CHECKS))
def test_example_returns_what_the_page_says(http, title):
    CHECKS[title](select(http, EXAMPLES[title]))
