// How numbers, names and kinds read on the page.

import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { evidenceQuote, publicationLink } from "./evidence.js";

const MODALITIES = {
  RadioligandTherapy: "Radioligand therapy",
  ImagingAgent: "Imaging agent",
  AntibodyDrugConjugate: "Antibody–drug conjugate",
  CARTCellTherapy: "CAR T-cell therapy",
  CARNKCellTherapy: "CAR NK-cell therapy",
  ClinicalTrial: "Clinical trial",
  BispecificAntibody: "Bispecific antibody",
};

/** An evidence row's arm, with the subgroup its value is for: "177Lu-PSMA-617, liver metastases". */
export function armWithSubgroup(row) {
  const arm = row.arm || "—";
  return row.subgroup ? `${arm}, ${row.subgroup}` : arm;
}

/** "RadioligandTherapy" -> "Radioligand therapy" (and any other CamelCase kind to words). */
export function modalityName(kind) {
  if (!kind) return "";
  if (MODALITIES[kind]) return MODALITIES[kind];
  const words = kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The page of an entity, by its CURIE: agents and trials have their own, endpoints open in the graph, and
 * everything else (diseases, radionuclides, ligands, targets) on an entity page.
 */
export function entityHref(id, kind = "") {
  const prefix = id.split(":")[0];
  if (prefix === "agent" || kind === "agent") return `#/agent/${encodeURIComponent(id)}`;
  if (prefix === "trial" || kind === "trial") return `#/trial/${encodeURIComponent(id)}`;
  if (["endpoint", "ae", "organ"].includes(prefix) || kind === "endpoint") return `#/graph/${encodeURIComponent(id)}`;
  return `#/entity/${encodeURIComponent(id)}`;
}

/** A ratio with two decimals at least (0.4 -> 0.40), as papers print it. */
export function ratio(text) {
  if (text === "" || text === null || text === undefined) return "";
  const value = Number.parseFloat(text);
  if (Number.isNaN(value)) return String(text);
  const decimals = (String(text).split(".")[1] || "").length;
  return value.toFixed(Math.max(2, decimals));
}

/** "0.62 (95% CI 0.52–0.74)" from an evidence row, or "" when it has no ratio. */
export function ratioWithCI(row) {
  if (!row.hr) return "";
  const ci = row.ci_low && row.ci_high
    ? ` (${row.ci_level ? `${row.ci_level}% ` : ""}CI ${ratio(row.ci_low)}–${ratio(row.ci_high)})` : "";
  return `${ratio(row.hr)}${ci}`;
}

/** The row's value with its unit: "15.3 months", "52.7%". */
export function valueWithUnit(row) {
  if (!row.value) return row.note || ""; // "not reached"
  const value = row.unit === "%" ? `${row.value}%` : row.unit ? `${row.value} ${row.unit}` : row.value;
  return row.note ? `${value} (${row.note})` : value; // "85% (patient level)"
}

/** "p<0.001", "p=0.16" from "<0.001", "=0.16". */
export function pValue(text) {
  if (!text) return "";
  return /^[<>=≤≥]/.test(text) ? `p${text}` : `p=${text}`;
}

let endpoints = null;
let names = null;

/** CURIE -> label of every curated agent and trial (read once). */
export async function entityLabels() {
  if (!names) {
    names = Promise.all([getJSON("/agents", { limit: 500 }), getJSON("/trials", { limit: 500 })])
      .then(([agents, trials]) => Object.fromEntries([...agents.data, ...trials.data].map((e) => [e.id, e.label])));
  }
  return names;
}

/** code -> label of every endpoint (read once). */
export async function endpointLabels() {
  if (!endpoints) {
    endpoints = getJSON("/endpoints", { limit: 500 }).then((body) => Object.fromEntries(body.data.map((e) => [e.code, e.label])));
  }
  return endpoints;
}

const STATISTICS = { hr: "hazard ratio", or: "odds ratio", rr: "risk ratio" };

/** "hr" -> "hazard ratio"; other statistics (median, rate, ...) read as they are. */
export function statisticName(code) {
  return STATISTICS[code] || code;
}

/**
 * Results tables, one per endpoint, one row per arm and publication: value, HR with CI, p, and the evidence
 * sentence (highlighted span) with a link to its publication. `showTrial` adds a trial column (agent pages).
 */
export function resultsTables(rows, labels, { idPrefix = "results", showTrial = false } = {}) {
  const byEndpoint = new Map();
  for (const row of rows) {
    if (!byEndpoint.has(row.endpoint)) byEndpoint.set(row.endpoint, []);
    byEndpoint.get(row.endpoint).push(row);
  }
  const sections = [];
  let n = 0;
  for (const [endpoint, group] of byEndpoint) {
    n += 1;
    const label = labels[endpoint] && labels[endpoint] !== endpoint ? `${endpoint} — ${labels[endpoint]}` : endpoint;
    const headId = `${idPrefix}-${n}`;
    const head = h("tr", {},
      showTrial ? h("th", { scope: "col" }, "Trial") : null,
      h("th", { scope: "col" }, "Arm"),
      h("th", { scope: "col" }, "Statistic"),
      h("th", { scope: "col" }, "Value"),
      h("th", { scope: "col" }, "Ratio (CI)"),
      h("th", { scope: "col" }, "p"),
      h("th", { scope: "col" }, "Evidence"));
    const body = group.map((row) => h("tr", { class: row.status === "planned" ? "planned" : null },
      showTrial ? h("td", { "data-label": "Trial" },
        row.trial ? h("a", { href: `#/trial/${encodeURIComponent(row.trial)}` }, row.trial) : "—") : null,
      h("th", { scope: "row", "data-label": "Arm" }, armWithSubgroup(row)),
      h("td", { "data-label": "Statistic" }, statisticName(row.statistic), row.status === "planned" ? " (planned)" : "",
        row.grade ? ` (grade ${row.grade})` : ""),
      h("td", { class: "num", "data-label": "Value" }, valueWithUnit(row)),
      h("td", { class: "num", "data-label": "Ratio (CI)" }, ratioWithCI(row)),
      h("td", { class: "num", "data-label": "p" }, pValue(row.p_value)),
      h("td", { class: "evidence-cell", "data-label": "Evidence" }, h("div", {},
        h("details", {},
          h("summary", {}, "Sentence", h("span", { class: "visually-hidden" }, ` for ${row.arm || endpoint}`)),
          evidenceQuote(row)),
        publicationLink(row.publication)))));
    sections.push(h("section", { class: "results", "aria-labelledby": headId },
      h("h3", { id: headId }, label),
      h("div", { class: "table-scroll", role: "region", "aria-labelledby": headId, tabindex: "0" },
        h("table", { class: "stack" }, h("thead", {}, head), h("tbody", {}, body)))));
  }
  return sections;
}
