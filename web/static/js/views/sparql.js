// SPARQL (and Cypher, when the server has Neo4j): an editor with syntax highlighting, examples, results as a table.

import { ApiError, getJSON, postJSON } from "../api.js";
import { h, replace } from "../dom.js";

const PREFIXES = `PREFIX psma: <https://w3id.org/psma-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
`;

const SPARQL_EXAMPLES = [
  ["Agents carrying an alpha emitter", `${PREFIXES}
SELECT ?agent ?label WHERE {
  ?agent psma:hasRadionuclide/psma:emissionType psma:Alpha ; skos:prefLabel ?label
}`],
  ["Trials with an overall-survival hazard ratio below 0.7", `${PREFIXES}
SELECT DISTINCT ?trial ?hr WHERE {
  ?m psma:ofEndpoint <https://w3id.org/psma-kg/endpoint/OS> ; psma:ratio ?hr ; psma:inTrial ?t .
  ?t skos:prefLabel ?trial FILTER(?hr < 0.7)
}`],
  ["Evidence of the measurements of one publication", `${PREFIXES}
SELECT ?endpoint ?value ?sentence WHERE {
  ?pub dcterms:identifier "demo:001" ; psma:reportsMeasurement ?m .
  ?m psma:ofEndpoint/psma:code ?endpoint ; psma:hasEvidence/psma:sentence ?sentence .
  OPTIONAL { ?m psma:value ?value }
}`],
  ["Measurements by endpoint", `${PREFIXES}
SELECT ?endpoint (COUNT(?m) AS ?measurements) WHERE {
  ?m psma:ofEndpoint/psma:code ?endpoint
} GROUP BY ?endpoint ORDER BY DESC(?measurements)`],
];

const CYPHER_EXAMPLES = [
  ["The overall-survival hazard ratios of VISION", `MATCH (:ClinicalTrial {label: 'VISION'})<-[:IN_TRIAL]-(m:Measurement)-[:OF_ENDPOINT]->(:Endpoint {code: 'OS'})
WHERE m.ratio IS NOT NULL RETURN m.ratio AS hr`],
  ["Agents carrying an alpha emitter", `MATCH (a:Agent)-[:HAS_RADIONUCLIDE]->(:Radionuclide)-[:EMISSION_TYPE]->(:EmissionType {label: 'alpha'})
RETURN a.label AS agent ORDER BY agent`],
];

function cell(term) {
  if (term === undefined || term === null) return h("td", { class: "muted" }, "");
  if (typeof term !== "object") return h("td", {}, String(term));
  if (term.type === "uri") return h("td", { class: "iri", title: term.value }, term.value);
  return h("td", {}, term.value);
}

function resultsTable(columns, rows, caption) {
  return h("div", { class: "table-scroll", role: "region", "aria-label": caption, tabindex: "0" },
    h("table", { class: "query-results" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((row) => h("tr", {}, row.map(cell))))));
}

async function runSparql(query) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json, text/turtle;q=0.9" },
    body: query,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.title, problem.detail);
  }
  if ((response.headers.get("content-type") || "").includes("json")) {
    const body = await response.json();
    if ("boolean" in body) return h("p", { class: "answer" }, `Answer: ${body.boolean ? "yes" : "no"}`);
    const columns = body.head.vars;
    const rows = body.results.bindings.map((b) => columns.map((c) => b[c]));
    return resultsTable(columns, rows, `${rows.length} result${rows.length === 1 ? "" : "s"}`);
  }
  return h("pre", { class: "graph-result" }, await response.text());
}

async function runCypher(query) {
  const body = await postJSON("/cypher", { query });
  return resultsTable(body.columns, body.rows, `${body.rows.length} result${body.rows.length === 1 ? "" : "s"}`);
}

function panel(lang, examples, run, mode) {
  const textarea = h("textarea", { id: `${lang}-query`, name: "query", rows: 10 }, examples[0][1]);
  const output = h("div", { class: "query-output", "aria-live": "polite" });
  const status = h("p", { class: "query-status", role: "status" });
  const pick = h("select", { id: `${lang}-example`, onchange: (event) => {
    editor.setValue(examples[Number(event.target.value)][1]);
    editor.focus();
  } }, examples.map(([title], i) => h("option", { value: i }, title)));
  let editor = null;
  const go = async () => {
    const query = editor.getValue();
    status.textContent = "Running…";
    replace(output);
    const started = performance.now();
    try {
      const result = await run(query);
      replace(output, result);
      const rows = output.querySelectorAll("tbody tr").length;
      const counted = output.querySelector("table") ? `: ${rows} row${rows === 1 ? "" : "s"}` : "";
      status.textContent = `Done in ${Math.round(performance.now() - started)} ms${counted}.`;
    } catch (error) {
      status.textContent = "";
      replace(output, h("p", { class: "error", role: "alert" }, error.message));
    }
  };
  const section = h("div", { class: "query-panel" },
    h("p", {}, h("label", { for: `${lang}-example` }, "Example "), pick),
    h("label", { for: `${lang}-query`, class: "editor-label" }, `${lang === "sparql" ? "SPARQL" : "Cypher"} query `,
      h("span", { class: "muted" }, "(Ctrl+Enter runs it; Tab leaves the editor)")),
    textarea,
    h("p", {}, h("button", { type: "button", class: "run", onclick: go }, "Run query")),
    status, output);
  const mount = () => {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode, lineNumbers: true, lineWrapping: true, viewportMargin: Infinity,
      screenReaderLabel: `${lang === "sparql" ? "SPARQL" : "Cypher"} query`,
      extraKeys: { "Ctrl-Enter": go, "Cmd-Enter": go, Tab: false, "Shift-Tab": false },
    });
    editor.getWrapperElement().dataset.lang = lang;
    section.editor = editor;
  };
  return { section, mount, refresh: () => editor && editor.refresh() };
}

export async function renderSparql(view, _arg, params) {
  const hasCypher = (await getJSON("/web/features")).cypher;
  const sparql = panel("sparql", SPARQL_EXAMPLES, runSparql, "application/sparql-query");
  const tabs = [{ id: "sparql", title: "SPARQL", panel: sparql }];
  if (hasCypher) tabs.push({ id: "cypher", title: "Cypher (Neo4j)", panel: panel("cypher", CYPHER_EXAMPLES, runCypher, "cypher") });
  const wanted = tabs.find((t) => t.id === params.get("tab")) ? params.get("tab") : "sparql";
  const buttons = [];
  const panels = [];
  const select = (id, focus = false) => {
    tabs.forEach((tab, i) => {
      const on = tab.id === id;
      buttons[i].setAttribute("aria-selected", String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
      if (on) {
        tab.panel.refresh();
        if (focus) buttons[i].focus();
      }
    });
  };
  tabs.forEach((tab, i) => {
    buttons.push(h("button", { type: "button", role: "tab", id: `tab-${tab.id}`, "aria-controls": `panel-${tab.id}`,
      onclick: () => select(tab.id),
      onkeydown: (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) select(tabs[(i + step + tabs.length) % tabs.length].id, true);
      } }, tab.title));
    panels.push(h("div", { role: "tabpanel", id: `panel-${tab.id}`, "aria-labelledby": `tab-${tab.id}` },
      tab.panel.section));
  });
  replace(view,
    h("h1", {}, "Query the graph"),
    h("p", {}, "SPARQL over every named graph (read-only, with time and row limits)",
      hasCypher ? "; Cypher over the Neo4j mirror." : ". A Cypher tab appears when the server is connected to Neo4j."),
    tabs.length > 1 ? h("div", { role: "tablist", "aria-label": "Query language", class: "tabs" }, buttons) : null,
    panels);
  for (const tab of tabs) tab.panel.mount();
  select(wanted);
  return null;
}
