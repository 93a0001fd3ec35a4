// An agent: modality, radionuclide (emission, half-life), ligand, target, theranostic partners, trials, results.

import { getJSON } from "../api.js";
import { definitions, h, replace } from "../dom.js";
import { endpointLabels, entityLabels, modalityName, resultsTables } from "../format.js";

function halfLife(hours) {
  if (!hours && hours !== 0) return "";
  if (hours >= 48) return `${hours} h (${(hours / 24).toFixed(1)} days)`;
  if (hours < 1) return `${hours} h (${(hours * 60).toFixed(1)} min)`;
  return `${hours} h`;
}

export async function renderAgent(view, id) {
  const [agent, labels, names] = await Promise.all([
    getJSON(`/agents/${encodeURIComponent(id)}`), endpointLabels(), entityLabels(),
  ]);
  const nuclide = agent.radionuclide;
  const results = agent.measurements.filter((r) => !r.endpoint.startsWith("AE"));
  const trialLabels = agent.trials.map((t) => names[t] || t.replace(/^trial:/, ""));
  const compareHref = `#/compare?agents=${encodeURIComponent(agent.label)}&endpoint=OS`;
  replace(view,
    h("p", { class: "kicker" }, "Agent"),
    h("h1", {}, agent.label),
    definitions([
      ["Modality", modalityName(agent.modality)],
      ["Radionuclide", nuclide ? h("a", { href: `#/entity/${encodeURIComponent(nuclide.id)}` }, nuclide.label) : ""],
      ["Emission", nuclide ? nuclide.emission.join(", ") : ""],
      ["Half-life", nuclide ? halfLife(nuclide.half_life_hours) : ""],
      ["Ligand", agent.ligand ? h("a", { href: `#/entity/${encodeURIComponent(agent.ligand.id)}` }, agent.ligand.label) : ""],
      ["Target", agent.target
        ? h("a", { href: `#/entity/${encodeURIComponent(agent.target)}` }, agent.target.replace(/^target:/, "")) : ""],
      ["Theranostic partners", agent.theranostic_partners.length
        ? h("ul", { class: "inline-list" }, agent.theranostic_partners.map((p) => h("li", {},
          h("a", { href: `#/agent/${encodeURIComponent(p.id)}` }, p.label)))) : ""],
      ["Also called", agent.alt_labels.join("; ")],
    ], { "aria-label": "Facts" }),
    // the graph view holds the agents that publications study in trials
    agent.trials.length ? h("p", { class: "actions" },
      h("a", { href: `#/graph/${encodeURIComponent(agent.id)}`, class: "button" }, "Open in the graph"),
      h("a", { href: compareHref, class: "button" }, "Compare its trials")) : null,
    h("section", { "aria-labelledby": "agent-trials" },
      h("h2", { id: "agent-trials" }, `Trials (${agent.trials.length})`),
      agent.trials.length
        ? h("ul", { class: "chips" }, agent.trials.map((t, i) => h("li", {},
          h("a", { href: `#/trial/${encodeURIComponent(t)}` }, trialLabels[i]))))
        : h("p", { class: "muted" }, "No trial of this agent in the graph.")),
    h("section", { "aria-labelledby": "agent-results" },
      h("h2", { id: "agent-results" }, `Results (${results.length})`),
      results.length ? resultsTables(results, labels, { idPrefix: "agent-results", showTrial: true })
        : h("p", { class: "muted" }, "No reported result yet.")),
    h("section", { "aria-labelledby": "agent-aes" },
      h("h2", { id: "agent-aes" }, `Adverse events (${agent.adverse_events.length})`),
      agent.adverse_events.length
        ? resultsTables(agent.adverse_events, labels, { idPrefix: "agent-aes", showTrial: true })
        : h("p", { class: "muted" }, "No adverse event reported in the graph.")),
    h("section", { "aria-labelledby": "agent-pubs" },
      h("h2", { id: "agent-pubs" }, `Publications (${agent.publications.length})`),
      h("ul", { class: "chips" }, agent.publications.map((p) => h("li", {},
        h("a", { href: `#/publication/${encodeURIComponent(p)}` }, p))))));
}
