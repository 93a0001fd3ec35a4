// A trial: design, phase, N, arms, a results table per endpoint and arm with evidence, publications.

import { getJSON } from "../api.js";
import { definitions, h, replace } from "../dom.js";
import { endpointLabels, resultsTables } from "../format.js";

function enrolled(trial) {
  const reports = trial.enrolled || [];
  if (reports.length === 0) return "";
  return h("ul", { class: "inline-list" }, reports.map((r) => h("li", {},
    `${r.patients} `, h("span", { class: "muted" }, "("),
    h("a", { href: `#/publication/${encodeURIComponent(r.publication)}` }, r.publication),
    h("span", { class: "muted" }, ")"))));
}

export async function renderTrial(view, id) {
  const [trial, labels] = await Promise.all([getJSON(`/trials/${encodeURIComponent(id)}`), endpointLabels()]);
  const reported = trial.results.filter((r) => r.status !== "planned");
  const planned = trial.results.filter((r) => r.status === "planned");
  const ref = (r) => h("a", { href: `#/agent/${encodeURIComponent(r.id)}` }, r.label);
  replace(view,
    h("p", { class: "kicker" }, "Clinical trial"),
    h("h1", {}, trial.label),
    definitions([
      ["Phase", trial.phase || "not stated"],
      ["Design", trial.design.join(", ")],
      ["N (patients)", enrolled(trial) || "not stated in the abstracts"],
      ["Population", trial.populations.join(", ")],
      ["Agents", trial.agents.length ? h("ul", { class: "inline-list" }, trial.agents.map((a) => h("li", {}, ref(a)))) : ""],
      ["Comparators", trial.comparators.length
        ? h("ul", { class: "inline-list" }, trial.comparators.map((a) => h("li", {}, ref(a)))) : ""],
      ["Arms", trial.arms.length ? h("ul", { class: "arms" }, trial.arms.map((a) => h("li", {}, a))) : ""],
      ["Registrations", trial.registrations.join(", ")],
    ], { "aria-label": "Facts" }),
    h("p", { class: "actions" },
      h("a", { href: `#/graph/${encodeURIComponent(trial.id)}`, class: "button" }, "Open in the graph"),
      " ", h("a", { href: `#/compare?trials=${encodeURIComponent(trial.label)}&endpoint=OS`, class: "button" },
        "Compare with other trials")),
    h("section", { "aria-labelledby": "trial-results" },
      h("h2", { id: "trial-results" }, `Results (${reported.length})`),
      h("p", { class: "hint" }, "Open “Sentence” under Evidence to read where each number was stated; the numbers ",
        "are highlighted."),
      reported.length ? resultsTables(reported, labels, { idPrefix: "trial-results" })
        : h("p", { class: "muted" }, "No reported result yet.")),
    planned.length ? h("section", { "aria-labelledby": "trial-planned" },
      h("h2", { id: "trial-planned" }, `Planned (${planned.length})`),
      resultsTables(planned, labels, { idPrefix: "trial-planned" })) : null,
    h("section", { "aria-labelledby": "trial-pubs" },
      h("h2", { id: "trial-pubs" }, `Publications (${trial.publications.length})`),
      h("ul", { class: "chips" }, trial.publications.map((p) => h("li", {},
        h("a", { href: `#/publication/${encodeURIComponent(p)}` }, p))))));
}
