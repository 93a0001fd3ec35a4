"""The explorer as a researcher uses it, in a real headless Chromium over the demo-corpus server."""

import csv
import io
import re

from playwright.sync_api import expect


def facts(page) -> dict[str, str]:
    """The page's facts list (dt -> dd text)."""
    return page.eval_on_selector(
        "dl.facts",
        "dl => Object.fromEntries([...dl.querySelectorAll('dt')].map(dt => [dt.textContent.trim(), "
        "dt.nextElementSibling.textContent.trim()]))",
    )


def test_search_pluvicto_then_agent_then_vision(page, shoot):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("PSMA theranostics, from the literature")
    search = page.get_by_role("combobox", name="Search agents, trials, endpoints and diseases")
    search.press_sequentially("pluvicto", delay=30)
    option = page.get_by_role("option", name=re.compile("177Lu-PSMA-617"))
    expect(option).to_be_visible()
    expect(search).to_have_attribute("aria-expanded", "true")
    shoot(page, "suggestions")
    # keyboard only: arrow down to the suggestion, Enter to open it
    search.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"#/agent/agent%3Alu177-psma-617$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("177Lu-PSMA-617")
    agent = facts(page)
    assert agent["Modality"] == "Radioligand therapy"
    assert agent["Radionuclide"] == "Lu-177"
    assert agent["Emission"] == "beta-minus, gamma"
    assert agent["Half-life"].startswith("159.53 h")
    assert agent["Ligand"] == "PSMA-617"
    assert agent["Target"] == "PSMA"
    assert "68Ga-PSMA-11" in agent["Theranostic partners"]
    assert "Pluvicto" in agent["Also called"]
    expect(page.get_by_role("heading", name=re.compile(r"^Results \(\d+\)$"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Adverse events \([1-9]\d*\)$"))).to_be_visible()
    assert page.title() == "177Lu-PSMA-617 — psma-kg explorer"
    shoot(page, "agent")

    page.locator("section", has=page.get_by_role("heading", name=re.compile("^Trials"))).get_by_role(
        "link", name="VISION", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("VISION")
    trial = facts(page)
    assert trial["Phase"] == "3"
    assert "randomized" in trial["Design"]
    assert trial["Population"] == "mCRPC"
    assert trial["N (patients)"] == "831 (demo:001)"
    assert "standard of care" in trial["Arms"]
    assert trial["Registrations"] == "eudract:2018-000459-41, nct:NCT03511664"

    # the OS table: the HR with its CI and p on the 177Lu-PSMA-617 arm, and its evidence with the span marked
    os_table = page.locator("section.results", has=page.get_by_role("heading", name=re.compile("^OS — ")))
    row = os_table.locator("tbody tr", has=page.get_by_text("0.62 (95% CI 0.52–0.74)")).first
    expect(row.locator("th")).to_have_text("177Lu-PSMA-617 + standard of care")
    expect(row).to_contain_text("15.3 months")
    expect(row).to_contain_text("p<0.001")
    row.get_by_text("Sentence").click()
    mark = row.locator("blockquote mark")
    expect(mark).to_be_visible()
    assert re.search(r"15\.3 vs\. 11\.3 months; hazard ratio for death, 0\.62; 95% CI, 0\.52 to 0\.74; P<0\.001",
                     mark.inner_text())  # fmt: skip
    assert "Overall survival" in row.locator("blockquote").inner_text()
    shoot(page, "vision")

    row.get_by_role("link", name="demo:001").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("VISION phase 3 trial")
    assert facts(page)["Journal"] == "New England Journal of Medicine"
    shoot(page, "publication")


def test_compare_vision_and_therap_forest_plot(page, shoot, tmp_path):
    page.goto("/#/compare")
    form = page.get_by_role("form", name="What to compare")
    form.get_by_role("checkbox", name="VISION", exact=True).check()
    form.get_by_role("checkbox", name="TheraP", exact=True).check()
    form.get_by_label("Endpoint").select_option("rPFS")
    form.get_by_role("button", name="Compare").click()

    expect(page).to_have_url(re.compile(r"#/compare\?trials=(VISION,TheraP|TheraP,VISION)&endpoint=rPFS$"))
    rows = page.locator("svg.forest-plot g.forest-row")
    expect(rows).to_have_count(2)
    keys = ("hr", "ci-low", "ci-high")
    plotted = {row.get_attribute("data-label"): tuple(float(row.get_attribute(f"data-{k}")) for k in keys)
               for row in rows.all()}  # fmt: skip
    assert plotted == {"VISION": (0.4, 0.29, 0.57), "TheraP": (0.64, 0.46, 0.88)}
    assert "log scale" in page.locator("svg.forest-plot").text_content()
    # the server draws it (GET /forest.svg) and the page inlines it; the page's own drawing, for a server
    # without that route, gives the same rows
    expect(page.locator("figure.forest")).to_have_attribute("data-source", "from /forest.svg")
    drawn = page.evaluate(
        """async () => {
            const { forestSvg } = await import("/static/js/forest.js");
            const body = await (await fetch("/compare?trials=VISION,TheraP&endpoint=rPFS")).json();
            return [...forestSvg(body.data).querySelectorAll("g.forest-row")].map(
                (g) => [g.dataset.label, g.dataset.hr, g.dataset.ciLow, g.dataset.ciHigh].join(" "));
        }"""
    )
    assert sorted(drawn) == ["TheraP 0.64 0.46 0.88", "VISION 0.4 0.29 0.57"]
    table = page.get_by_role("table").filter(has=page.locator("caption", has_text="One row per trial arm"))
    expect(table.locator("tbody tr", has_text="0.40 (99.2% CI 0.29–0.57)")).to_have_count(1)
    expect(table.locator("tbody tr", has_text="0.64 (95% CI 0.46–0.88)").first).to_be_visible()
    shoot(page, "compare")

    with page.expect_download() as svg_download:
        page.get_by_role("button", name="SVG").click()
    svg_download.value.save_as(tmp_path / "forest.svg")
    svg = (tmp_path / "forest.svg").read_text()
    assert svg.lstrip().startswith("<svg") and svg.count('class="forest-row"') == 2
    with page.expect_download() as png_download:
        page.get_by_role("button", name="PNG").click()
    png_download.value.save_as(tmp_path / "forest.png")
    assert (tmp_path / "forest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV (table)").click()
    csv_download.value.save_as(tmp_path / "compare.csv")
    table_rows = list(csv.DictReader(io.StringIO((tmp_path / "compare.csv").read_text())))
    assert {r["trial"] for r in table_rows} == {"VISION", "TheraP"}
    assert {r["endpoint"] for r in table_rows} == {"rPFS"}


def test_graph_zooms_and_a_click_opens_the_node(page, shoot):
    page.goto("/#/graph/trial:VISION")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood of VISION")
    canvas = page.locator("#graph-canvas")
    expect(canvas.locator("canvas").first).to_be_visible()
    nodes = page.evaluate("document.getElementById('graph-canvas').cy.nodes().map(n => n.id())")
    assert {"trial:VISION", "agent:lu177-psma-617", "endpoint:OS"} <= set(nodes)
    assert int(canvas.get_attribute("data-nodes")) == len(nodes)
    zoom = page.evaluate("document.getElementById('graph-canvas').cy.zoom()")
    page.get_by_role("button", name="Zoom in").click()
    assert page.evaluate("document.getElementById('graph-canvas').cy.zoom()") > zoom
    page.get_by_role("button", name="Fit").click()
    shoot(page, "graph")

    box = canvas.bounding_box()
    where = page.evaluate(
        "document.getElementById('graph-canvas').cy.getElementById('agent:lu177-psma-617').renderedPosition()"
    )
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
    expect(page).to_have_url(re.compile(r"#/agent/agent%3Alu177-psma-617$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("177Lu-PSMA-617")


def test_sparql_editor_runs_a_query(page, shoot):
    page.goto("/#/sparql")
    expect(page.get_by_role("heading", level=1)).to_have_text("Query the graph")
    # no Neo4j on this server, so no Cypher tab
    expect(page.get_by_role("tab")).to_have_count(0)
    editor = page.locator(".CodeMirror[data-lang=sparql]")
    expect(editor.locator(".cm-keyword", has_text="SELECT")).to_be_visible()  # syntax highlighting

    page.get_by_label("Example").select_option(label="Agents carrying an alpha emitter")
    page.get_by_role("button", name="Run query").click()
    results = page.locator("table.query-results")
    expect(results.locator("thead th")).to_have_text(["agent", "label"])
    expect(results.locator("tbody")).to_contain_text("225Ac-PSMA-617")

    # write a query of one's own in the editor, by keyboard, and run it with Ctrl+Enter
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(
        'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?t WHERE { ?t skos:prefLabel "VISION" }'
    )
    page.keyboard.press("Control+Enter")
    expect(results.locator("thead th")).to_have_text(["t"])
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results.locator("tbody td")).to_have_text("https://w3id.org/psma-kg/trial/VISION")
    expect(page.locator(".query-status")).to_have_text(re.compile(r"^Done in \d+ ms: 1 row\.$"))
    shoot(page, "sparql")


def test_narrow_window_and_keyboard(page, shoot):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/#/trial/VISION")
    expect(page.get_by_role("heading", level=1)).to_have_text("VISION")
    # nothing but the tables' own scroll regions is wider than the window
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(page, "trial-narrow")
    page.goto("/#/compare?trials=VISION,TheraP&endpoint=rPFS")
    expect(page.locator("svg.forest-plot g.forest-row")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shoot(page, "compare-narrow")

    # on a fresh load the skip link is the first stop of Tab, and it moves focus to the content
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#view")).to_be_focused()


def test_a_disease_from_the_search_opens_its_entity_page(page, shoot):
    page.goto("/")
    search = page.get_by_role("combobox", name="Search agents, trials, endpoints and diseases")
    search.fill("mCRPC")
    expect(page.get_by_role("option", name=re.compile(r"^mCRPC"))).to_be_visible()
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"#/entity/disease%3AmCRPC$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("mCRPC")
    linked = page.locator("section", has=page.get_by_role("heading", name="Linked from"))
    expect(linked.get_by_role("heading", name="in population mCRPC")).to_be_visible()
    linked.get_by_role("link", name="VISION", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("VISION")
    shoot(page, "vision-from-disease")


def test_a_subgroups_value_reads_as_the_subgroups_on_the_trial_and_compare_pages(page, shoot):
    # the PSMA ADC phase 2 (NCT01695044) reports PSA50 in all treated men and in the chemotherapy-naive ones
    page.goto("/#/compare?trials=NCT01695044&endpoint=PSA50")
    arms = page.locator("table.compare-table td[data-label='Arm']")
    expect(arms.filter(has_text="PSMA ADC, chemotherapy-naive")).to_have_count(1)
    page.goto("/#/trial/NCT01695044")
    expect(page.locator("th[data-label='Arm']", has_text="PSMA ADC, chemotherapy-naive").first).to_be_visible()
    shoot(page, "trial-subgroup")
    # a trial only the texts name (not the ontology) has its neighbourhood too
    page.get_by_role("link", name="Open in the graph").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood of NCT01695044")
    expect(page.locator("#graph-canvas canvas").first).to_be_visible()


def test_a_median_not_reached_reads_so_on_the_trial_page(page):
    # PSMAddition: the radiographic PFS median of the 177Lu-PSMA-617 arm was not reached
    page.goto("/#/trial/PSMAddition")
    expect(page.locator("td[data-label='Value']", has_text="not reached").first).to_be_visible()
