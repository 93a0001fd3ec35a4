"""/forest.svg through HTTP against the demo store: the rows are the hazard ratios /compare reports."""

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def plotted(text: str) -> list[dict]:
    root = ET.fromstring(text)
    return [g.attrib for g in root.iter(f"{SVG}g") if g.get("class") == "forest-row"]


def test_forest_plot_has_one_row_per_trial_with_the_hazard_ratios_of_compare(http):
    params = {"trials": "VISION,TheraP,PSMAfore", "endpoint": "rPFS"}
    response = http.get("/forest.svg", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    rows = plotted(response.text)
    compared = [r for r in http.get("/compare", params=params).json()["data"] if r["hr"]]
    assert [r["data-label"] for r in rows] == ["VISION", "TheraP", "PSMAfore"]
    assert {(r["data-label"], r["data-hr"], r["data-ci-low"], r["data-ci-high"]) for r in rows} == {
        (r["trial"], r["hr"], r["ci_low"], r["ci_high"]) for r in compared
    }
    assert "Radiographic progression-free survival: hazard ratios (VISION, TheraP, PSMAfore)" in response.text


def test_overall_survival_of_vision_and_therap(http):
    rows = plotted(http.get("/forest.svg", params={"trials": "VISION,TheraP", "endpoint": "OS"}).text)
    assert [(r["data-label"], r["data-hr"], r["data-ci-low"], r["data-ci-high"]) for r in rows] == [
        ("VISION", "0.62", "0.52", "0.74")
    ]


def test_planned_hazard_ratios_are_never_plotted(http):
    # ENZA-p planned for an HR of 0.625 and reported 0.43 (0.29-0.63)
    planned = http.get("/measurements", params={"trial": "ENZA-p", "status": "planned"}).json()["data"]
    assert "0.625" in {p["hr"] for p in planned}
    rows = plotted(http.get("/forest.svg", params={"trials": "ENZA-p", "endpoint": "PSA-PFS"}).text)
    assert [(r["data-label"], r["data-hr"], r["data-ci-low"], r["data-ci-high"]) for r in rows] == [
        ("ENZA-p", "0.43", "0.29", "0.63")
    ]


def test_a_selection_without_hazard_ratios_is_a_problem_not_an_empty_plot(http):
    response = http.get("/forest.svg", params={"trials": "TheraP", "endpoint": "PSA50"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "no hazard ratio" in response.json()["detail"] and "/compare?" in response.json()["detail"]
    unknown = http.get("/forest.svg", params={"trials": "NOSUCHTRIAL"})
    assert unknown.status_code == 404 and "NOSUCHTRIAL" in unknown.json()["detail"]
    assert http.get("/forest.svg").status_code == 400
